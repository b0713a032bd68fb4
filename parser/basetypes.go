package parser

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// A base type's page often names its derived types where their own pages never say what they inherit from:
// a "## Derived types" section (a table or list of links) or a sentence of the introduction ("This is a base
// class; the derived types are [educationFeedbackOutcome](educationfeedbackoutcome.md), ...", "Derived types
// include:" and a list). derivedTypes reads those lists into Type.DerivedListed; derivedListBases gives each
// listed type that states no base of its own that base.

// derivedPhrase is how an introduction announces its derived types: "the derived types are", "Derived types
// include:", "the following derived types of attachments:", "Supported derived types:".
// "Subtypes include [a](a.md) and [b](b.md)".
var derivedPhrase = regexp.MustCompile(`(?i)\b(?:derived\s+types(?:\s+of\s+[\w*]+)?\s*(?:are\b|include\b|:)|subtypes\s+include\b)`)

// inheritThisPhrase ends a sentence that names the derived types before it: "The [a](a.md) and [b](b.md) types
// inherit from this type", "[a](a.md) and [b](b.md) both inherit from this base type".
var inheritThisPhrase = regexp.MustCompile(`(?i)\binherit\s+from\s+this\s+(?:base\s+)?type\b`)

// listItemLine matches a line of a markdown list.
var listItemLine = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)

// derivedTypes records the types t's page lists as derived from t.
func (p *pageReader) derivedTypes(t *model.Type) {
	intro := true        // before the page's first known section
	underHeading := 0    // level of the "Derived types" heading the blocks are under, 0 if none
	listFollows := false // the previous paragraph ended "...derived types include:"
	for _, b := range p.blocks {
		switch b.kind {
		case blockHeading:
			listFollows = false
			if underHeading > 0 && b.level <= underHeading {
				underHeading = 0
			}
			if b.level >= 2 && strings.EqualFold(strings.TrimSpace(stripEmphasis(b.text)), "derived types") {
				underHeading = b.level
				continue
			}
			if b.level >= 2 && b.sec != sectionOther {
				intro = false
			}
		case blockTable:
			listFollows = false
			if underHeading == 0 || b.table == nil {
				continue
			}
			for _, row := range b.table.Rows {
				if len(row.Cells) > 0 {
					p.addDerived(t, row.Cells[0].Text, row.Cells[0].Pos)
				}
			}
		case blockParagraph:
			if underHeading > 0 || listFollows {
				p.derivedListLines(t, b, !listFollows)
				continue
			}
			if !intro {
				continue
			}
			if m := inheritThisPhrase.FindStringIndex(b.text); m != nil {
				start := strings.LastIndex(b.text[:m[0]], ". ") + 1 // the sentence's start
				p.addDerivedLinks(t, b.text[start:m[0]], b.line+strings.Count(b.text[:start], "\n"))
				continue
			}
			m := derivedPhrase.FindStringIndex(b.text)
			if m == nil {
				continue
			}
			rest := b.text[m[1]:]
			line := b.line + strings.Count(b.text[:m[1]], "\n")
			rest = strings.TrimSpace(rest)
			listFollows = p.addDerivedLinks(t, rest, line) == 0 && (rest == "" || strings.HasSuffix(rest, ":"))
		}
	}
}

// derivedListLines reads the first link of each list line of a paragraph (or of every line, under a "Derived
// types" heading) as a derived type.
func (p *pageReader) derivedListLines(t *model.Type, b *block, anyLine bool) {
	for i, line := range strings.Split(b.text, "\n") {
		// A list item's text comes without its marker: the page's line has it.
		if !anyLine && !listItemLine.MatchString(p.lines.line(b.line+i)) {
			continue
		}
		p.addDerived(t, line, p.pos(b.line+i, 1))
	}
}

// addDerivedLinks adds every link of text as a derived type; text starts on line.
func (p *pageReader) addDerivedLinks(t *model.Type, text string, line int) int {
	n := 0
	for text != "" {
		start, end, _, _, ok := mdLinkAt(text)
		if !ok {
			break
		}
		if p.addDerived(t, text[start:end], p.pos(line+strings.Count(text[:start], "\n"), 1)) {
			n++
		}
		line += strings.Count(text[:end], "\n")
		text = text[end:]
	}
	return n
}

// addDerived adds the first link of s, when it links a page of the docs and its label is a type name.
func (p *pageReader) addDerived(t *model.Type, s string, pos model.Pos) bool {
	label, target, ok := firstLink(s)
	if !ok || strings.Contains(target, "://") || strings.HasPrefix(target, "/") || !strings.Contains(strings.ToLower(target), ".md") {
		return false
	}
	label = strings.Trim(stripEmphasis(label), "`*_ ")
	if !isIdentifier(shortName(label)) || strings.EqualFold(shortName(label), t.Name) {
		return false
	}
	t.DerivedListed = append(t.DerivedListed, model.DerivedRef{Name: label, Link: target, Pos: pos})
	return true
}

// derivedListBases gives each type that a base type's page lists among its derived types, and that states no
// base of its own, that base. A type listed by several pages takes the most derived of them (the media-quality
// page lists screen-sharing quality, which the video-quality page, itself derived from media quality, lists
// too). A type whose page states another base keeps it; when neither base derives from the other, the
// disagreement is reported.
func (r *resolver) derivedListBases() {
	type listing struct {
		base *model.Type
		ref  model.DerivedRef
	}
	listed := map[*model.Type][]listing{}
	var order []*model.Type
	for _, base := range r.m.Types {
		for _, ref := range base.DerivedListed {
			d := r.lookup(ref.Name, base.Namespace)
			if d == nil {
				d = r.byLink(ref.Link, ref.Name, base.Page)
			}
			if d == nil || d == base || d.Kind == model.KindEnum {
				continue
			}
			if d.BaseType != "" {
				if b := r.typeNamed(d.BaseType); b != nil && b != base && !r.derivesFrom(b, base) && !r.derivesFrom(base, b) {
					r.diag(orPos(d.BasePos, d.Pos), model.SeverityWarning, "base-type-conflict", fmt.Sprintf("%s inherits from %s here, but %s lists it among the derived types of %s", d.Name, b.Name, ref.Pos, base.Name))
				}
				continue
			}
			if _, seen := listed[d]; !seen {
				order = append(order, d)
			}
			listed[d] = append(listed[d], listing{base, ref})
		}
	}
	// The second pass picks again for the types listed by several pages: which of their bases is the most derived
	// can depend on bases the first pass gave.
	for pass := 0; pass < 2; pass++ {
		for _, d := range order {
			ls := listed[d]
			if pass == 1 && len(ls) == 1 {
				continue
			}
			pick := ls[0]
			for _, l := range ls[1:] {
				if r.derivesFrom(l.base, pick.base) {
					pick = l
				}
			}
			// A listing that would make the type its own ancestor is not taken.
			if r.derivesFrom(pick.base, d) {
				continue
			}
			d.BaseType, d.BasePos, d.BaseSource = pick.base.FullName(), pick.ref.Pos, model.BaseFromDerivedList
			d.BaseReason = fmt.Sprintf("listed among the derived types of %s at %s", pick.base.Name, pick.ref.Pos)
		}
	}
}

// derivesFrom reports whether a's chain of base types reaches b.
func (r *resolver) derivesFrom(a, b *model.Type) bool {
	for x, steps := r.typeNamed(a.BaseType), 0; x != nil && steps < maxBaseDepth; x, steps = r.typeNamed(x.BaseType), steps+1 {
		if x == b {
			return true
		}
	}
	return false
}

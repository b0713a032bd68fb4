package lint

import (
	"bytes"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// Suppression comments silence rules in one page:
//
//	<!-- graphdocgen-lint-disable-line todo -->           the line the comment is on
//	<!-- graphdocgen-lint-disable-next-line todo -->      the next line; when it opens a code block (or is the
//	                                                      annotation before one), the whole block
//	<!-- graphdocgen-lint-disable-file broken-link -->    the whole page
//
// Rules are separated by spaces or commas; none means every rule. Text after " -- " is a reason, for readers.
const (
	directivePrefix   = "graphdocgen-lint-disable"
	directiveLine     = "graphdocgen-lint-disable-line"
	directiveNextLine = "graphdocgen-lint-disable-next-line"
	directiveFile     = "graphdocgen-lint-disable-file"
)

type suppressions struct {
	list []*suppression
}

type suppression struct {
	pos      model.Pos
	rules    map[string]bool // nil: every rule
	from, to int             // lines covered; 0, 0 for the whole page
	used     int
	unknown  bool // names a rule that does not exist (already reported)
}

func (s *suppression) covers(f Finding) bool {
	if s.rules != nil && !s.rules[f.Rule] {
		return false
	}
	return s.from == 0 || f.Pos.Line >= s.from && f.Pos.Line <= s.to
}

// checkSuppressionComments reads the page's suppression comments and reports the malformed ones.
func (c *checker) checkSuppressionComments(pt *pageText) {
	if !bytes.Contains(pt.page.Source, []byte(directivePrefix)) {
		return
	}
	ss := &suppressions{}
	c.suppress[pt.page.Path] = ss
	for i, l := range pt.lines {
		if pt.inFence[i] {
			continue
		}
		j := strings.Index(l, directivePrefix)
		if j < 0 || !strings.Contains(l[:j], "<!--") {
			continue
		}
		n := i + 1
		rest := l[j:]
		end := strings.Index(rest, "-->")
		if end >= 0 {
			rest = rest[:end]
		}
		fields := strings.Fields(strings.ReplaceAll(rest, ",", " "))
		directive := fields[0]
		s := &suppression{pos: pt.pos(n, j)}
		switch directive {
		case directiveLine:
			s.from, s.to = n, n
		case directiveNextLine:
			s.from, s.to = nextLineRange(pt, n)
		case directiveFile:
		default:
			c.report(s.pos, "suppression", "", "unknown suppression %s; write %s, %s or %s followed by rule ids", directive, directiveLine, directiveNextLine, directiveFile)
			continue
		}
		for _, f := range fields[1:] {
			if f == "--" || strings.HasPrefix(f, "--") {
				break
			}
			if s.rules == nil {
				s.rules = map[string]bool{}
			}
			s.rules[f] = true
			if _, ok := ruleByID[f]; !ok {
				s.unknown = true
				msg := "suppression names unknown rule " + f
				if sug := suggestRule(f); sug != "" {
					msg += "; did you mean " + sug + "?"
				}
				c.report(pt.pos(n, j+strings.Index(l[j:], f)), "suppression", "", "%s", msg)
			}
		}
		ss.list = append(ss.list, s)
	}
}

// nextLineRange returns the lines a disable-next-line comment on line n covers: the next non-blank line that
// is not itself a suppression comment, extended to the end of the code block it opens or annotates.
func nextLineRange(pt *pageText, n int) (from, to int) {
	k := n + 1
	for k <= len(pt.lines) {
		t := strings.TrimSpace(pt.line(k))
		if t != "" && !(strings.HasPrefix(t, "<!--") && strings.Contains(t, directivePrefix)) {
			break
		}
		k++
	}
	from, to = k, k
	// An annotation comment before a code block: skip to the comment's end and the blank lines after it.
	j := k
	if strings.HasPrefix(strings.TrimSpace(pt.line(j)), "<!--") {
		for j <= len(pt.lines) && !strings.Contains(pt.line(j), "-->") {
			j++
		}
		j++
		for j <= len(pt.lines) && strings.TrimSpace(pt.line(j)) == "" {
			j++
		}
	}
	if end, ok := pt.fenceEnd[j]; ok {
		to = end
	}
	return from, to
}

// suppressed reports whether an in-page comment silences f, and counts the use.
func (c *checker) suppressed(f Finding) bool {
	ss := c.suppress[f.Pos.File]
	if ss == nil {
		return false
	}
	for _, s := range ss.list {
		if s.covers(f) {
			s.used++
			return true
		}
	}
	return false
}

// reportUnusedSuppressions adds a finding for each suppression comment that silenced nothing, so that stale
// comments do not hide future problems. Comments naming unknown or disabled rules were dealt with already.
func (c *checker) reportUnusedSuppressions(out *[]Finding) {
	r := ruleByID["suppression"]
	sev, _, on := c.opts.level(r)
	if !on {
		return
	}
	files := make([]string, 0, len(c.suppress))
	for f := range c.suppress {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		for _, s := range c.suppress[file].list {
			if s.used > 0 || s.unknown || !c.allEnabled(s.rules) {
				continue
			}
			f := Finding{Pos: s.pos, Severity: sev, Rule: "suppression", Message: "this suppression comment silences no finding; remove it"}
			if c.suppressedBySelf(f, s) {
				continue
			}
			f.Fingerprint = c.fingerprint(f)
			*out = append(*out, f)
		}
	}
}

// suppressedBySelf lets another comment silence the "silences nothing" finding (for example a file-level
// "suppression" suppression), without counting the comment itself.
func (c *checker) suppressedBySelf(f Finding, self *suppression) bool {
	for _, s := range c.suppress[f.Pos.File].list {
		if s != self && s.rules != nil && s.rules["suppression"] && s.covers(f) {
			return true
		}
	}
	return false
}

func (c *checker) allEnabled(rules map[string]bool) bool {
	for id := range rules {
		r := ruleByID[id]
		if r == nil {
			return false
		}
		if _, _, on := c.opts.level(r); !on {
			return false
		}
	}
	return true
}

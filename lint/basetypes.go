package lint

import (
	"regexp"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkBaseTypes asks for the "Inherits from" statement a resource page lacks where the model had to infer the
// base: from another page that lists the type among its derived types (base-type-elsewhere), or from Graph's
// convention that an entity keyed by id derives from entity (entity-base-unstated, a note). A type whose page
// states a base (annotation, "Inherits from" prose, "Inherited from" rows) has no inferred base and is never
// reported. Each type is reported once, at its page's title, whatever the form of the page.
func (c *checker) checkBaseTypes() {
	for _, t := range c.m.Types {
		if !t.BaseSource.Inferred() {
			continue
		}
		base := c.typ(t.BaseType)
		if base == nil {
			continue
		}
		at := c.titlePos(t)
		switch t.BaseSource {
		case model.BaseFromDerivedList:
			c.report(at, "base-type-elsewhere", "", "%s is listed among the derived types of %s at %s, but this page does not say what %s inherits from; write \"Inherits from [%s](%s).\" in its introduction",
				t.Name, base.Name, t.BasePos, t.Name, base.Name, relTo(t.Page, base.Page))
		case model.BaseFromConvention:
			if c.reportedUnstatedBase(t) {
				continue // unstated-base-type names the base the examples show, a better guess than entity
			}
			if c.introNamesABase(t) {
				continue // "inherits from base policy type": a base in words, and likely not entity
			}
			if isIntune(t.Page) {
				// Intune's pages are generated from its schema and none of them (0 of 1,460) states a base: their
				// convention is the id row, and a note on each would be noise for their authors (precision
				// sample 10). The model still records the inferred base, with its reason.
				continue
			}
			c.report(at, "entity-base-unstated", "", "%s is keyed by id and this page states no base type; by the docs' convention it derives from %s: if it does, write \"Inherits from [%s](%s).\" in its introduction",
				t.Name, base.Name, base.Name, relTo(t.Page, base.Page))
		}
	}
}

// titlePos is where a type's page names it: its title, or the type's own position (its annotation).
func (c *checker) titlePos(t *model.Type) model.Pos {
	if p := c.m.Page(t.Page); p != nil && p.H1 != nil && !p.H1.Pos.IsZero() {
		return p.H1.Pos
	}
	return t.Pos
}

// reportedUnstatedBase reports whether unstated-base-type already asked t's page for a base.
func (c *checker) reportedUnstatedBase(t *model.Type) bool {
	for k := range c.unstatedBases {
		if k[0] == t {
			return true
		}
	}
	return false
}

// inheritanceWords is how an introduction states a base in words ("It's a singleton that inherits from base policy
// type") where the parser reads a base only from a link.
var inheritanceWords = regexp.MustCompile(`(?i)\b(inherits|inherited|derives|derived|extends)\s+from\b`)

// introNamesABase reports whether the introduction of t's page (its text above the first section) states in
// words that t inherits from something: the convention's guess, entity, would then likely be wrong.
func (c *checker) introNamesABase(t *model.Type) bool {
	pt := c.textOf(t.Page)
	if pt == nil {
		return false
	}
	start := 1
	if p := pt.page; p.H1 != nil && p.H1.Pos.Line > 0 {
		start = p.H1.Pos.Line + 1
	}
	for n := start; n <= len(pt.lines); n++ {
		l := pt.line(n)
		if len(l) > 2 && l[:3] == "## " {
			break
		}
		if inheritanceWords.MatchString(l) {
			return true
		}
	}
	return false
}

package lint

// The checks of resource pages: table-json, property-case in the JSON representation, enum-list.

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkTypes runs the checks of resource pages: the Properties table against the JSON representation.
func (c *checker) checkTypes() {
	for _, t := range c.m.Types {
		for _, p := range t.Properties {
			c.checkAllowedValues(p)
		}
		if t.Representation == nil {
			continue
		}
		pt := c.textOf(t.Page)
		if pt == nil {
			continue
		}
		c.checkJSONSyntax(pt, t.Representation)
		c.checkTableJSON(pt, t)
		c.checkRepresentationValues(pt, t)
	}
	for _, op := range c.m.Operations {
		if op.RequestBody != nil && samePage(c.opsByPage[op.Page], op) {
			for _, p := range op.RequestBody.Params {
				c.checkAllowedValues(p)
			}
		}
	}
}

// checkAllowedValues compares the values a property's description lists ("Possible values are: `a`, `b`") with
// the members of the enum its type cell names, documented elsewhere (an enum page or table): a listed value the
// enum lacks is one the two pages disagree on. (A description may list fewer values than the enum has.)
func (c *checker) checkAllowedValues(p *model.Property) {
	if len(p.AllowedValues) == 0 || p.Type.Kind != string(model.KindEnum) {
		return
	}
	et := c.typ(p.Type.Name)
	if et == nil || et.Kind != model.KindEnum || et.Source == model.SourceInlineValues || len(et.Members) == 0 || !namedAs(p.Type, et) {
		return
	}
	pt := c.textOf(p.Pos.File)
	if pt == nil {
		return
	}
	names := make([]string, 0, len(et.Members))
	for _, m := range et.Members {
		names = append(names, m.Name)
	}
	row := pt.line(p.Pos.Line)
	for _, v := range p.AllowedValues {
		// Only values in code spans: unquoted, the phrase may be prose ("valid values are described in the table").
		if et.Member(v) != nil || !strings.Contains(row, "`"+v+"`") {
			continue
		}
		at := pt.find(p.Pos.Line, "`"+v+"`", 1)
		c.report(at, "enum-list", "", "the description lists %q, which is not a member of %s (%s, at %s)%s; make the description and the enum agree",
			v, et.Name, memberList(names), displayPos(et.Pos), didYouMean(quotedOr(closest(v, names, 3))))
	}
}

// checkTableJSON compares a type's Properties table on its page with the JSON representation, both ways.
func (c *checker) checkTableJSON(pt *pageText, t *model.Type) {
	rep := t.Representation
	if rep.JSON == nil || rep.JSON.Kind != model.ValueObject || rep.Reconstructed || pt.page.Degraded {
		return
	}
	page := rep.Pos.File
	tableRows := 0
	for _, p := range t.Properties {
		if p.Source == model.FromTable && p.Pos.File == page {
			tableRows++
		}
	}
	if tableRows == 0 {
		return // no Properties table to compare with (missing-section reports that)
	}
	keys := map[string]model.Member{}
	lowKeys := map[string]model.Member{}
	for _, m := range rep.JSON.Members {
		keys[m.Key] = m
		lowKeys[strings.ToLower(m.Key)] = m
	}
	// JSON → table.
	var rows map[string]bool
	for _, p := range t.Properties {
		if p.Source != model.FromJSON || p.Pos.File != page || p.InheritedFrom != "" {
			continue
		}
		if c.inheritedFromAncestor(t, p.Name) {
			continue
		}
		if rows == nil {
			rows = rowNames(pt.page)
		}
		if rows[p.Name] {
			continue // a table under a subheading lists it ("### Indicator observables - network")
		}
		c.report(p.Pos, "table-json", "", "%s is in the JSON representation but not in the Properties table; add a row for it or remove it from the JSON", p.Name)
	}
	// Case-only differences, reported at the JSON key.
	for _, m := range rep.JSON.Members {
		if p := t.OwnProperty(m.Key); p != nil && p.Name != m.Key && p.Source == model.FromTable {
			c.report(model.Pos{File: page, Line: m.Line, Col: m.Col}, "property-case", "", "%q in the JSON representation differs in case from the table's %s; write %q", m.Key, p.Name, p.Name)
			c.fixKeyCase(c.textOf(page), rep.JSON, m, p.Name)
		}
	}
	// Table → JSON, unless the JSON is shortened, was read only in part (json-syntax reports where reading
	// stopped: a row after it may well be in the JSON), or the annotation lists the property as optional.
	if rep.Truncated || elided(rep.JSON) || readInPart(rep) || c.isOpen(t) && len(rep.JSON.Members) == 0 {
		return
	}
	optional := map[string]bool{}
	if t.Annotation != nil {
		if v := t.Annotation.Value.Get("optionalProperties"); v != nil {
			for _, it := range v.Items {
				optional[strings.ToLower(it.Text())] = true
			}
		}
	}
	for _, p := range t.Properties {
		if p.Source != model.FromTable || p.Pos.File != page || optional[strings.ToLower(p.Name)] || c.groupLabelRow(p.Pos) ||
			c.describesAnotherProperty(pt.page, t, p) {
			continue
		}
		if _, ok := lowKeys[strings.ToLower(p.Name)]; ok {
			continue
		}
		c.report(p.Pos, "table-json", "", "%s is in the Properties table but not in the JSON representation; add \"%s\" to the JSON", p.Name, p.Name)
	}
}

// readInPart reports whether the tolerant JSON reader stopped before the end of the block.
func readInPart(ex *model.Example) bool {
	for _, is := range ex.JSONIssues {
		if is.Fatal {
			return true
		}
	}
	return false
}

// rowNames returns the names in the first cell of the rows of the page's tables of two columns or more.
func rowNames(p *model.Page) map[string]bool {
	out := map[string]bool{}
	for _, t := range p.Tables {
		if len(t.Header) < 2 {
			continue
		}
		for _, r := range t.Rows {
			if len(r.Cells) > 0 {
				out[cellName(r.Cells[0].Text)] = true
			}
		}
	}
	return out
}

// inheritedFromAncestor reports whether an ancestor of t declares name.
func (c *checker) inheritedFromAncestor(t *model.Type, name string) bool {
	for _, a := range c.m.Ancestors(t) {
		if a.OwnProperty(name) != nil {
			return true
		}
	}
	return false
}

// describesAnotherProperty reports whether a property row sits in a table under a subheading that names another
// property of t ("### Properties of a claims-mapping policy definition"): the table describes what that
// property's value holds, not members of t's JSON.
func (c *checker) describesAnotherProperty(page *model.Page, t *model.Type, p *model.Property) bool {
	tbl := tableAt(page, p.Pos.Line)
	if tbl == nil || tbl.Section == "" || strings.EqualFold(strings.TrimSpace(tbl.Section), "properties") {
		return false
	}
	for _, other := range t.Properties {
		if other != p && len(other.Name) > 2 && descriptionNames(tbl.Section, other.Name) {
			return true
		}
	}
	return false
}

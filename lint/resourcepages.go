package lint

// The checks of resource pages: table-json, property-case in the JSON representation, enum-list.

import (
	"strconv"
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
	var listed, spelled []string // values listed in another case than the enum's
	var caseAt model.Pos
	for _, v := range p.AllowedValues {
		// Only values in code spans: unquoted, the phrase may be prose ("valid values are described in the table").
		m := et.Member(v)
		if m != nil && m.Name == v || !strings.Contains(row, "`"+v+"`") {
			continue
		}
		at := pt.find(p.Pos.Line, "`"+v+"`", 1)
		if m != nil {
			// The service reads members in any case; the pages should still agree, and the examples that
			// follow the description are not reported (checkEnumValue). One finding for the row.
			if len(listed) == 0 {
				caseAt = at
			}
			listed, spelled = append(listed, strconv.Quote(v)), append(spelled, strconv.Quote(m.Name))
			continue
		}
		c.report(at, "enum-list", "", "the description lists %q, which is not a member of %s (%s, at %s)%s; make the description and the enum agree",
			v, et.Name, memberList(names), displayPos(et.Pos), didYouMean(quotedOr(closest(v, names, 3))))
	}
	if len(listed) > 0 {
		c.report(caseAt, "enum-list", sevInfo, "the description lists %s, which %s (at %s) spells %s; write one spelling in both",
			strings.Join(listed, ", "), et.Name, displayPos(et.Pos), strings.Join(spelled, ", "))
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
	entryKey, entry := dictionaryEntry(t, rep.JSON)
	if entry != nil {
		// A dictionary's representation ({"resultTemplateId": {"displayName", "body"}}): the rows are the
		// entry's members, and the name in place of the first key stands for the key row.
		for _, m := range entry.Members {
			lowKeys[strings.ToLower(m.Key)] = m
		}
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
		if rows[p.Name] || p.Name == entryKey {
			continue // a table under a subheading lists it ("### Indicator observables - network"); a dictionary's key
		}
		c.report(p.Pos, "table-json", "", "%s is in the JSON representation but not in the Properties table; add a row for it or remove it from the JSON", p.Name)
	}
	// Case-only differences, reported at the JSON key.
	for _, m := range rep.JSON.Members {
		if p := t.OwnProperty(m.Key); p != nil && p.Name != m.Key && p.Source == model.FromTable {
			c.report(model.Pos{File: page, Line: m.Line, Col: m.Col}, "property-case", "", "%q in the JSON representation differs in case from the table's %s; write %q in the JSON, or %q in the table", m.Key, p.Name, p.Name, m.Key)
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
		if _, ok := lowKeys[strings.ToLower(p.Name)]; ok || entry != nil && strings.EqualFold(p.Name, "key") {
			continue
		}
		c.report(p.Pos, "table-json", "", "%s is in the Properties table but not in the JSON representation; add \"%s\" to the JSON, or remove the row if it is no longer a property", p.Name, p.Name)
	}
}

// dictionaryEntry recognises the representation of a dictionary type: a table with a key row, and one member,
// named for the key and no row, whose object holds the table's other rows (half of its members or more).
func dictionaryEntry(t *model.Type, rep *model.Value) (string, *model.Value) {
	var only *model.Member
	for i := range rep.Members {
		if strings.HasPrefix(rep.Members[i].Key, "@") {
			continue
		}
		if only != nil {
			return "", nil
		}
		only = &rep.Members[i]
	}
	if only == nil || only.Value == nil || only.Value.Kind != model.ValueObject || len(only.Value.Members) == 0 {
		return "", nil
	}
	if p := t.OwnProperty(only.Key); p != nil && p.Source == model.FromTable {
		return "", nil
	}
	fit := 0
	for _, m := range only.Value.Members {
		if p := t.OwnProperty(m.Key); p != nil && p.Source == model.FromTable {
			fit++
		}
	}
	if 2*fit < len(only.Value.Members) || t.OwnProperty("key") == nil {
		return "", nil // without a key row, an object in a wrapper ({"criteria": {…}}) is no dictionary
	}
	return only.Key, only.Value
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

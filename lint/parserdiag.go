package lint

import (
	"path"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// parserDiagnostics reports what the parser found while reading, under the parser's rule ids, except what a
// partial tree cannot decide: a type no page documents is only a finding when the tree documents types at all,
// and an include is only missing when its folder is part of the tree.
func (c *checker) parserDiagnostics() {
	for _, d := range c.m.Diagnostics {
		switch d.Rule {
		case "unresolved-type", "unresolved-base-type":
			if !c.typesDocumented || d.Rule == "unresolved-type" && !c.unresolvedTypeCheckable(d) {
				continue
			}
		case "missing-include":
			if !c.includeCheckable(d.Pos) {
				continue
			}
		case "type-cell", "duplicate-property":
			if c.groupLabelRow(d.Pos) {
				continue
			}
		case "enum-member":
			if c.stringValuesTable(d.Pos) {
				continue
			}
		case "resource-name":
			if p := c.m.Page(d.Pos.File); p != nil && !documentsType(p) {
				continue
			}
		}
		if c.rule(d.Rule) == nil {
			// A rule the parser learnt after this linter: report it under its own id.
			c.extra[d.Rule] = &Rule{ID: d.Rule, Family: famReading, Severity: d.Severity, Summary: "reported by the parser", Parser: true}
		}
		c.report(d.Pos, d.Rule, d.Severity, "%s", d.Message)
		c.fixDiagnostic(d)
	}
}

var unresolvedName = regexp.MustCompile(`^type (.+?) is not documented by any page`)

// unresolvedTypeCheckable keeps the parser's unresolved-type diagnostics that name a type the docs wrote as
// one: in a type cell, or as a link or bold name in prose. A word the prose reader took for a type ("values",
// "that", "nything" from "anything") is the reader's guess, not the page's reference; Collection(x) in an
// annotation is a collection of x.
func (c *checker) unresolvedTypeCheckable(d model.Diagnostic) bool {
	m := unresolvedName.FindStringSubmatch(d.Message)
	if m == nil {
		return true
	}
	name := m[1]
	if inner, ok := strings.CutPrefix(name, "Collection("); ok {
		return c.m.LookupType(strings.TrimSuffix(inner, ")")) == nil
	}
	p := c.m.Page(d.Pos.File)
	if p == nil {
		return true
	}
	if tableAt(p, d.Pos.Line) != nil {
		return true
	}
	l := c.text(p).line(d.Pos.Line)
	return strings.Contains(l, "["+name+"]") || strings.Contains(l, "**"+name+"**") || strings.Contains(l, "`"+name+"`")
}

// includeCheckable reports whether the include at pos points into the linted tree.
func (c *checker) includeCheckable(pos model.Pos) bool {
	p := c.m.Page(pos.File)
	if p == nil {
		return false
	}
	for _, inc := range p.Includes {
		if inc.Pos.Line != pos.Line || inc.Target == "" {
			continue
		}
		dest := path.Join(path.Dir(p.Path), strings.TrimSpace(inc.Target))
		return !strings.HasPrefix(dest, "../") && c.dirInTree(path.Dir(dest))
	}
	return false
}

// groupLabel is a table row of one bold cell: the Intune pages group the rows of a properties table under such
// labels ("|**Device management**|"). It has no type cell to read.
var groupLabel = regexp.MustCompile(`^\s*\|\s*\*\*[^|*]+\*\*\s*\|?\s*$`)

// groupLabelRow reports whether the line at pos is a group label row.
func (c *checker) groupLabelRow(pos model.Pos) bool {
	p := c.m.Page(pos.File)
	return p != nil && groupLabel.MatchString(c.text(p).line(pos.Line))
}

// stringValuesTable reports whether the table at pos lists the values of a String property ("### mediaSizes
// values" for mediaSizes, a String collection of size names such as "North America Letter"): its values need
// not be identifiers, since they are not enum members.
func (c *checker) stringValuesTable(pos model.Pos) bool {
	p := c.m.Page(pos.File)
	if p == nil {
		return false
	}
	t := tableAt(p, pos.Line)
	if t == nil {
		return false
	}
	name, ok := strings.CutSuffix(strings.TrimSpace(stripMarkup(t.Section)), " values")
	if !ok {
		return false
	}
	for _, ty := range c.typesByPage[p.Path] {
		if prop := ty.OwnProperty(strings.TrimSpace(name)); prop != nil && prop.Type.Name == "Edm.String" {
			return true
		}
	}
	return false
}

// documentsType reports whether a page documents a type at all: a properties table or a JSON representation.
// Conceptual pages kept beside the resources ("intune-tem-conceptual.md", "search-api-overview.md") do not, and
// naming no type is no fault of theirs.
func documentsType(p *model.Page) bool {
	for _, t := range p.Tables {
		if t.Role == model.TableProperties || t.Role == model.TableRelationships {
			return true
		}
	}
	for _, a := range p.Annotations {
		if a.BlockType == "resource" {
			return true
		}
	}
	return false
}

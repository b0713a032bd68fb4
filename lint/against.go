package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/lint/csdl"
	"github.com/graphdocgen/graphdocgen/model"
)

// checkSchema compares the documented types with the service's schema, both ways: types, properties and their
// types, enum members and base types. What the docs lack is reported at the docs type (its table when it has
// one); types the docs lack entirely are reported at their line in the schema file.
func (c *checker) checkSchema(s *csdl.Schema) {
	matched := map[*csdl.Type]bool{}
	schemaNames := make([]string, 0, len(s.Types))
	for _, st := range s.Types {
		schemaNames = append(schemaNames, st.Name)
	}
	for _, t := range c.m.Types {
		st := s.Lookup(t.FullName())
		if st == nil {
			msg := "type " + t.FullName() + " is documented but not in the service schema"
			if others := s.Named(t.Name); len(others) > 0 {
				msg += "; the schema has " + others[0].FullName() + ": fix the namespace"
			} else if sug := closest(t.Name, schemaNames, 3); sug != "" {
				msg += "; did you mean " + sug + "?"
			}
			c.report(t.Pos, "schema-type", "", "%s", msg)
			continue
		}
		matched[st] = true
		if st.Name != t.Name {
			c.report(t.Pos, "schema-type", "", "type %s differs in case from the schema's %s; write %s", t.Name, st.Name, st.Name)
		}
		if (t.Kind == model.KindEnum) != (st.Kind == csdl.Enum) {
			c.report(t.Pos, "schema-type", "", "%s is documented as %s type but the schema has it as %s type", t.Name, article(string(t.Kind)), article(st.Kind))
			continue
		}
		if t.Kind == model.KindEnum {
			c.compareMembers(t, st)
			continue
		}
		c.compareBase(t, st, s)
		c.compareProperties(t, st, s)
	}
	for _, st := range s.Types {
		if matched[st] {
			continue
		}
		if c.typ(st.FullName()) != nil {
			continue
		}
		c.reportSchema(s, st.Line, "schema-type", "%s type %s is in the service schema but no page documents it; add a page for it", st.Kind, st.FullName())
	}
}

func article(kind string) string {
	if kind == string(model.KindEntity) || kind == csdl.Entity || kind == csdl.Enum {
		return "an " + kind
	}
	return "a " + kind
}

// reportSchema records a finding positioned in the schema file.
func (c *checker) reportSchema(s *csdl.Schema, line int, rule, format string, args ...any) {
	c.report(model.Pos{File: s.File, Line: line, Col: 1}, rule, "", format, args...)
	c.findings[len(c.findings)-1].Outside = true
}

func (c *checker) compareBase(t *model.Type, st *csdl.Type, s *csdl.Schema) {
	docs, schema := t.BaseType, st.BaseType
	if strings.EqualFold(docs, schema) {
		return
	}
	at := t.BasePos
	if at.IsZero() {
		at = t.Pos
	}
	switch {
	case docs == "":
		c.report(at, "schema-base-type", "", "the schema derives %s from %s; the docs name no base type: say \"Inherits from [%s](%s.md)\"", t.Name, schema, shortName(schema), strings.ToLower(shortName(schema)))
	case schema == "":
		c.report(at, "schema-base-type", "", "the docs derive %s from %s, but in the schema it has no base type", t.Name, docs)
	default:
		c.report(at, "schema-base-type", "", "the docs derive %s from %s, the schema from %s", t.Name, docs, schema)
	}
}

func (c *checker) compareProperties(t *model.Type, st *csdl.Type, s *csdl.Schema) {
	var unknown []*model.Property
	for _, list := range [][]*model.Property{t.Properties, t.NavigationProperties} {
		for _, p := range list {
			if p.InheritedFrom != "" && !strings.EqualFold(p.InheritedFrom, t.FullName()) && !strings.EqualFold(p.InheritedFrom, t.Name) {
				continue // compared on the type that declares it
			}
			sp := s.Property(st, p.Name)
			if sp == nil {
				unknown = append(unknown, p)
				continue
			}
			if sp.Name != p.Name {
				c.report(p.Pos, "schema-property", "", "property %s of %s differs in case from the schema's %s; write %s", p.Name, t.Name, sp.Name, sp.Name)
			}
			if p.Type.Resolved() && !(strings.EqualFold(p.Type.Name, sp.Type) && p.Type.Collection == sp.Collection) {
				at := p.Type.Pos
				if at.IsZero() {
					at = p.Pos
				}
				c.report(at, "schema-property-type", "", "property %s of %s is %s in the docs but %s in the schema", p.Name, t.Name, p.Type.String(), sp.TypeString())
			}
		}
	}
	if len(unknown) > groupOver {
		names := make([]string, len(unknown))
		for i, p := range unknown {
			names[i] = p.Name
		}
		c.report(unknown[0].Pos, "schema-property", "", "%d properties of %s are documented but not in the service schema: %s; remove them, or check the page documents this API version", len(unknown), t.Name, list(names))
	} else {
		for _, p := range unknown {
			c.report(p.Pos, "schema-property", "", "property %s of %s is documented but not in the service schema", p.Name, t.Name)
		}
	}
	for _, group := range []struct {
		list  []*csdl.Property
		table model.TableRole
		sev   model.Severity
	}{{st.Properties, model.TableProperties, ""}, {st.NavigationProperties, model.TableRelationships, sevInfo}} {
		// Navigation properties the docs leave out are many and mostly deliberate (paths the docs describe on
		// method pages instead): notes, not warnings.
		var missing []string
		for _, sp := range group.list {
			if c.m.Property(t, sp.Name) == nil {
				missing = append(missing, sp.Name+" ("+sp.TypeString()+")")
			}
		}
		if len(missing) == 0 {
			continue
		}
		sort.Strings(missing)
		at, table := c.tablePos(t, group.table)
		// All of them would be at the one table: one finding per table.
		if len(missing) == 1 {
			c.report(at, "schema-property", group.sev, "property %s of %s is in the service schema but not documented; add it to the %s table", missing[0], t.Name, table)
		} else {
			c.report(at, "schema-property", group.sev, "%d properties of %s are in the service schema but not documented: %s; add them to the %s table", len(missing), t.Name, list(missing), table)
		}
	}
}

// groupOver is how many findings of one kind on one type are reported one by one; more become one finding
// (a page that documents another API version's enum lists hundreds of members the schema does not have).
const groupOver = 5

// list joins names, the first ten of them, and says how many more there are.
func list(names []string) string {
	const show = 10
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:show], ", ") + fmt.Sprintf(" and %d more", len(names)-show)
}

// tablePos returns the position of the type's table of a role on its page, or the type's position.
func (c *checker) tablePos(t *model.Type, role model.TableRole) (model.Pos, string) {
	name := "Properties"
	if role == model.TableRelationships {
		name = "Relationships"
	}
	if p := c.m.Page(t.Page); p != nil {
		for _, tbl := range p.Tables {
			if tbl.Role == role {
				return tbl.Pos, name
			}
		}
	}
	return t.Pos, name
}

func (c *checker) compareMembers(t *model.Type, st *csdl.Type) {
	var unknown []*model.EnumMember
	for _, m := range t.Members {
		var sm *csdl.Member
		for _, x := range st.Members {
			if strings.EqualFold(x.Name, m.Name) {
				sm = x
				break
			}
		}
		switch {
		case sm == nil:
			unknown = append(unknown, m)
		case sm.Name != m.Name:
			c.report(m.Pos, "schema-enum-member", "", "member %s of %s differs in case from the schema's %s; write %s", m.Name, t.Name, sm.Name, sm.Name)
		}
	}
	if len(unknown) > groupOver {
		names := make([]string, len(unknown))
		for i, m := range unknown {
			names[i] = m.Name
		}
		c.report(unknown[0].Pos, "schema-enum-member", "", "%d members of %s are documented but not in the service schema (which has %d): %s; remove them, or check the page documents this API version", len(unknown), t.Name, len(st.Members), list(names))
	} else {
		for _, m := range unknown {
			c.report(m.Pos, "schema-enum-member", "", "member %s of %s is documented but not in the service schema", m.Name, t.Name)
		}
	}
	at := t.Pos
	if p := c.m.Page(t.Page); p != nil && t.Source != model.SourceInlineValues {
		for _, tbl := range p.Tables {
			if tbl.Role == model.TableEnumMembers && len(t.Members) > 0 && tbl.Pos.Line <= t.Members[0].Pos.Line {
				at = tbl.Pos
			}
		}
	}
	var missing []string
	for _, sm := range st.Members {
		if t.Member(sm.Name) == nil {
			missing = append(missing, sm.Name)
		}
	}
	switch {
	case len(missing) == 1:
		c.report(at, "schema-enum-member", "", "member %s of %s is in the service schema but not documented; add it", missing[0], t.Name)
	case len(missing) > 1:
		c.report(at, "schema-enum-member", "", "%d members of %s are in the service schema but not documented: %s; add them", len(missing), t.Name, list(missing))
	}
}

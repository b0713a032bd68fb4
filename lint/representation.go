package lint

// value-type in a resource page's JSON representation: each value is the name of its property's type ("String",
// "Int32", "microsoft.graph.x") or a real value of that type; anything else contradicts the Properties table.

import (
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkRepresentationValues checks the values of t's JSON representation against its properties' types. Only
// what cannot be a type name nor a value of the type is reported: a word for a number or a Boolean, an object or
// an array for a single primitive, a number or a Boolean for an object; strings for objects and enums are left
// alone, since representations name types in many ways ("microsoft.graph.x", "x collection").
func (c *checker) checkRepresentationValues(pt *pageText, t *model.Type) {
	rep := t.Representation
	if rep.JSON == nil || rep.JSON.Kind != model.ValueObject || rep.Reconstructed || pt.page.Degraded {
		return
	}
	for _, m := range rep.JSON.Members {
		if strings.Contains(m.Key, "@") || m.Value == nil {
			continue
		}
		p := c.m.Property(t, m.Key)
		if p == nil || !p.Type.Resolved() {
			continue // table-json reports a member the table lacks
		}
		v := m.Value
		if p.Type.Collection {
			switch v.Kind {
			case model.ValueArray:
				for _, it := range v.Items {
					c.checkRepresentationItem(pt, p, it)
				}
			case model.ValueString:
				if low := strings.ToLower(v.Str); strings.Contains(low, "collection") || strings.Contains(low, "[") || strings.Contains(low, "list") || strings.Contains(low, "array") {
					continue // "String collection" names the type
				}
				c.report(model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}, "value-type", "",
					"%s is a collection (%s) in the Properties table, but the JSON representation shows a single %q; write [%s], or correct the table", p.Name, p.Type.String(), v.Str, typeNameValue(p.Type))
			case model.ValueNumber, model.ValueBool, model.ValueObject:
				if namesTypeOnly(v) {
					continue
				}
				c.report(model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}, "value-type", "",
					"%s is a collection (%s), but the JSON representation shows a single %s; write [%s]", p.Name, p.Type.String(), v.Kind, typeNameValue(p.Type))
			}
			continue
		}
		c.checkRepresentationItem(pt, p, v)
	}
}

// checkRepresentationItem checks one value (or one item of a collection) of a JSON representation.
func (c *checker) checkRepresentationItem(pt *pageText, p *model.Property, v *model.Value) {
	if v == nil || v.Kind == model.ValueNull || namesTypeOnly(v) || strings.Contains(p.Type.Name, "Json") {
		return
	}
	bad, want := false, typeNameValue(p.Type)
	switch {
	case p.Type.IsPrimitive():
		switch v.Kind {
		case model.ValueObject:
			bad = p.Type.Name != "Edm.Untyped"
		case model.ValueArray:
			bad = p.Type.Name != "Edm.Untyped" && !p.Type.Collection
		case model.ValueString:
			bad = !representsPrimitive(p.Type.Name, v.Str)
		case model.ValueNumber:
			bad = p.Type.Name == "Edm.Boolean"
		case model.ValueBool:
			bad = p.Type.Name != "Edm.Boolean" && p.Type.Name != "Edm.String"
		}
	default:
		t := c.typ(p.Type.Name)
		if t == nil || !namedAs(p.Type, t) || t.FullName() == "microsoft.graph.Json" {
			return
		}
		switch {
		case t.Kind == model.KindEnum:
			bad = v.Kind == model.ValueObject || v.Kind == model.ValueArray || v.Kind == model.ValueBool
			want = "\"String\" or a member in quotes"
		default:
			bad = v.Kind == model.ValueNumber || v.Kind == model.ValueBool || v.Kind == model.ValueArray && !p.Type.Collection
		}
	}
	if !bad {
		return
	}
	shown := v.Kind.String()
	if v.Kind == model.ValueString {
		shown = strconv.Quote(v.Str)
	}
	c.report(model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}, "value-type", "",
		"%s is %s in the Properties table, but the JSON representation shows %s, which is neither its type's name nor a value of it; write %s, or correct the table",
		p.Name, displayType(model.TypeRef{Name: p.Type.Name}), shown, want)
}

// representsPrimitive reports whether a string in a JSON representation stands for a value of an Edm primitive:
// the name of that type ("Int32", "Edm.Int64", "int", "number", "Boolean"), or a value of it written as a string
// ("12", "true"). Any string stands for a value of the string-like types (dates and GUIDs are value-format's).
func representsPrimitive(edm, s string) bool {
	low := strings.ToLower(strings.TrimSpace(s))
	switch edm {
	case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte", "Edm.Double", "Edm.Single", "Edm.Decimal":
		if isNumeric(low) || strings.HasPrefix(low, "edm.") || strings.Contains(low, "int") || strings.Contains(low, "number") ||
			strings.Contains(low, "double") || strings.Contains(low, "decimal") || strings.Contains(low, "single") || strings.Contains(low, "float") ||
			strings.Contains(low, "long") || strings.Contains(low, "byte") || low == "nan" || low == "inf" || low == "-inf" {
			return true
		}
		return false // "String", "twelve": another type's name, or no value of this one
	case "Edm.Boolean":
		return low == "true" || low == "false" || strings.Contains(low, "bool")
	}
	return true // String, dates, Guid, Binary, Duration: their forms are value-format's
}

// typeNameValue is what a JSON representation writes for a value of a type: "Int32" in quotes, {"@odata.type":
// "microsoft.graph.x"} for an object.
func typeNameValue(r model.TypeRef) string {
	if r.IsPrimitive() {
		return strconv.Quote(strings.TrimPrefix(r.Name, "Edm."))
	}
	return "{\"@odata.type\": \"" + r.Name + "\"}"
}

// namesTypeOnly reports whether an object holds annotations only: {"@odata.type": "microsoft.graph.printQuality"}
// is how many representations name a property's type.
func namesTypeOnly(v *model.Value) bool {
	if v.Kind != model.ValueObject || len(v.Members) == 0 {
		return false
	}
	for _, m := range v.Members {
		if !strings.HasPrefix(m.Key, "@") {
			return false
		}
	}
	return true
}

// representationContradicts reports whether the JSON representation on the page that declares p shows its value
// as a string the table's type rejects ("initiatedBy": "string" for a Boolean), and v is such a string too: the
// example follows one side of the resource page's contradiction, which is reported there (value-type).
func (c *checker) representationContradicts(p *model.Property, v *model.Value) bool {
	rv := c.representedValue(p)
	return v.Kind == model.ValueString && rv != nil && rv.Kind == model.ValueString && !representsPrimitive(p.Type.Name, rv.Str)
}

// representationShowsSingle reports whether the JSON representation on the page that declares the collection
// property p shows a single value for it: an example that gives a single value follows that side of the page's
// contradiction, which is reported there (value-type), and is not reported again.
func (c *checker) representationShowsSingle(p *model.Property) bool {
	rv := c.representedValue(p)
	return rv != nil && rv.Kind != model.ValueArray && rv.Kind != model.ValueNull
}

// representedValue is p's value in the JSON representation of the type that declares it, on p's own page; nil
// when there is none.
func (c *checker) representedValue(p *model.Property) *model.Value {
	for _, t := range c.typesByPage[p.Pos.File] {
		if t.OwnProperty(p.Name) != p || t.Representation == nil || t.Representation.JSON == nil {
			continue
		}
		if rv := t.Representation.JSON.Get(p.Name); rv != nil {
			return rv
		}
	}
	return nil
}

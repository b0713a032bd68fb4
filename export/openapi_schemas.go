package export

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// schemaRef is the JSON pointer of a component schema.
func schemaRef(key string) string { return "#/components/schemas/" + key }

// nameSchemas gives every type a component key: its full name, with any character a component key may not hold
// (OpenAPI allows letters, digits, '.', '-' and '_') replaced, and a number added when two types would share one
// (the docs may document a type twice, in two cases).
func (b *openAPIBuilder) nameSchemas() {
	used := map[string]bool{odataErrorSchema: true, odataMainErrorSchema: true, odataErrorDetailSchema: true}
	for _, t := range b.m.Types {
		key := componentKey(t.FullName())
		base := key
		for n := 2; used[strings.ToLower(key)] || used[key]; n++ {
			key = base + "_" + strconv.Itoa(n)
		}
		used[key], used[strings.ToLower(key)] = true, true
		b.schemaKey[t] = key
	}
	for _, t := range b.m.Types {
		if base := b.m.BaseOf(t); base != nil && base != t {
			b.children[base] = append(b.children[base], t)
		}
	}
}

// componentKey makes s a valid component key.
func componentKey(s string) string {
	var sb strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_':
			sb.WriteRune(c)
		default:
			sb.WriteByte('_')
		}
	}
	if sb.Len() == 0 {
		return "_"
	}
	return sb.String()
}

// source is the x-graphdocgen-source extension: the page and line an element was read from.
func source(pos model.Pos) obj {
	o := obj{{"page", pos.File}}
	if pos.Line > 0 {
		o.set("line", pos.Line)
	}
	return o
}

// schemas returns components/schemas: one schema per type of the model, in the model's order (by full name),
// then the OData error shape.
func (b *openAPIBuilder) schemas() obj {
	var out obj
	for _, t := range b.m.Types {
		out.set(b.schemaKey[t], b.typeSchema(t))
	}
	for _, s := range odataErrorSchemas() {
		out.set(s.key, s.value)
	}
	return out
}

func (b *openAPIBuilder) typeSchema(t *model.Type) obj {
	var s obj
	s.set("title", t.Name)
	if d := strings.TrimSpace(t.Description); d != "" {
		s.set("description", d)
	}
	if t.Kind == model.KindEnum {
		s.set("type", "string")
		var members []any
		seen := map[string]bool{}
		for _, m := range t.Members {
			if !seen[m.Name] {
				seen[m.Name] = true
				members = append(members, m.Name)
			}
		}
		switch {
		case len(members) == 0:
		case t.Flags:
			// A value of a flags enum is a comma-separated list of members ("password, sms"), which an enum
			// keyword would refuse: the pattern says it, x-ms-enum-flags marks it as Kiota reads it, and the
			// members are listed in x-ms-enum, AutoRest's extension Kiota also reads.
			alt := make([]string, len(members))
			values := make([]any, len(members))
			for i, m := range members {
				alt[i] = regexp.QuoteMeta(m.(string))
				values[i] = obj{{"value", m}}
			}
			one := "(" + strings.Join(alt, "|") + ")"
			s.set("pattern", `^\s*`+one+`(\s*,\s*`+one+`)*\s*$`)
			s.set("x-ms-enum-flags", obj{{"isFlags", true}})
			s.set("x-ms-enum", obj{{"name", t.Name}, {"modelAsString", false}, {"values", values}})
		default:
			s.set("enum", members)
		}
		s.set("x-graphdocgen-source", source(t.Pos))
		return s
	}

	own := obj{{"type", "object"}}
	props := obj{}
	descendants := b.descendants(t)
	if len(descendants) > 0 {
		// The discriminator's property is declared, as OpenAPI asks of the schema that names it.
		props.set("@odata.type", obj{{"type", "string"}})
	}
	seen := map[string]bool{"@odata.type": true}
	for _, p := range t.Properties {
		if p.InheritedFrom == "" && !seen[p.Name] {
			seen[p.Name] = true
			props.set(p.Name, b.propertySchema(p, false))
		}
	}
	for _, p := range t.NavigationProperties {
		if p.InheritedFrom == "" && !seen[p.Name] {
			seen[p.Name] = true
			props.set(p.Name, b.propertySchema(p, true))
		}
	}
	if len(props) > 0 {
		own.set("properties", props)
	}
	if t.Open {
		own.set("additionalProperties", true)
	}

	if base := b.m.BaseOf(t); base != nil && base != t {
		s.set("allOf", []any{obj{{"$ref", schemaRef(b.schemaKey[base])}}, own})
	} else {
		s = append(s, own...)
	}
	if len(descendants) > 0 {
		mapping := obj{}
		for _, d := range descendants {
			mapping.set("#"+d.FullName(), schemaRef(b.schemaKey[d]))
		}
		s.set("discriminator", obj{{"propertyName", "@odata.type"}, {"mapping", mapping}})
	}
	if t.Abstract {
		s.set("x-ms-abstract", true)
	}
	s.set("x-graphdocgen-source", source(t.Pos))
	return s
}

// descendants returns every type derived from t, directly or not, by full name; a cycle in the docs' bases
// stops the walk.
func (b *openAPIBuilder) descendants(t *model.Type) []*model.Type {
	var out []*model.Type
	seen := map[*model.Type]bool{t: true}
	queue := []*model.Type{t}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, c := range b.children[x] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return b.schemaKey[out[i]] < b.schemaKey[out[j]] })
	return out
}

// propertySchema is a property's schema: its type, a collection as an array, nullable as a type array with
// "null" (OpenAPI 3.1) when the docs say Nullable, readOnly when they say read-only.
func (b *openAPIBuilder) propertySchema(p *model.Property, navigation bool) obj {
	s := b.refSchema(p.Type)
	if p.Nullable != nil && *p.Nullable {
		s = nullable(s)
	}
	if d := strings.TrimSpace(p.Description); d != "" {
		s.set("description", d)
	}
	if p.ReadOnly {
		s.set("readOnly", true)
	}
	if navigation {
		s.set("x-ms-navigationProperty", true)
	}
	return s
}

// refSchema is the schema of a type reference: a primitive's JSON Schema type and format, a $ref to a model
// type, an array of either for a collection. A reference the docs leave unresolved is any value, with the name
// as written kept in x-graphdocgen-unresolved.
func (b *openAPIBuilder) refSchema(r model.TypeRef) obj {
	item := b.singleSchema(r)
	if r.Collection {
		return obj{{"type", "array"}, {"items", item}}
	}
	return item
}

func (b *openAPIBuilder) singleSchema(r model.TypeRef) obj {
	if r.IsPrimitive() {
		return edmSchema(r.Name)
	}
	if r.Resolved() {
		if t := b.m.Type(r.Name); t != nil {
			return obj{{"$ref", schemaRef(b.schemaKey[t])}}
		}
	}
	if r.Name == "" {
		return obj{}
	}
	return obj{{"x-graphdocgen-unresolved", r.Name}}
}

// nullable makes a schema accept null: "null" joins its type, or it becomes anyOf the schema and null.
func nullable(s obj) obj {
	for i, m := range s {
		if m.key == "type" {
			if t, ok := m.value.(string); ok {
				s[i].value = []any{t, "null"}
				return s
			}
		}
	}
	if len(s) == 0 || s.get("x-graphdocgen-unresolved") != nil {
		return s // any value already includes null
	}
	return obj{{"anyOf", []any{s, obj{{"type", "null"}}}}}
}

// edmSchema maps an Edm primitive to JSON Schema, with the formats OpenAPI's format registry names.
func edmSchema(name string) obj {
	str := func(format string) obj {
		if format == "" {
			return obj{{"type", "string"}}
		}
		return obj{{"type", "string"}, {"format", format}}
	}
	num := func(typ, format string) obj {
		if format == "" {
			return obj{{"type", typ}}
		}
		return obj{{"type", typ}, {"format", format}}
	}
	switch strings.TrimPrefix(name, "Edm.") {
	case "String":
		return str("")
	case "Boolean":
		return obj{{"type", "boolean"}}
	case "Int16":
		return num("integer", "int16")
	case "Int32":
		return num("integer", "int32")
	case "Int64":
		return num("integer", "int64")
	case "Byte":
		return num("integer", "uint8")
	case "SByte":
		return num("integer", "int8")
	case "Double":
		return num("number", "double")
	case "Single":
		return num("number", "float")
	case "Decimal":
		return num("number", "decimal")
	case "DateTimeOffset":
		return str("date-time")
	case "Date":
		return str("date")
	case "TimeOfDay":
		return str("time")
	case "Duration":
		return str("duration")
	case "Guid":
		return str("uuid")
	case "Binary":
		return str("byte")
	case "Stream":
		return str("binary")
	case "Untyped", "Json":
		return obj{}
	}
	if strings.HasPrefix(name, "Edm.Geography") || strings.HasPrefix(name, "Edm.Geometry") {
		return obj{{"type", "object"}, {"x-graphdocgen-edm", name}}
	}
	return obj{{"x-graphdocgen-edm", name}}
}

// The OData error shape every operation answers with on failure (OData JSON Format 4.01 §21.1).
const (
	odataErrorSchema       = "microsoft.graph.ODataErrors.ODataError"
	odataMainErrorSchema   = "microsoft.graph.ODataErrors.MainError"
	odataErrorDetailSchema = "microsoft.graph.ODataErrors.ErrorDetails"
)

func odataErrorSchemas() []member {
	str := obj{{"type", "string"}}
	return []member{
		{odataErrorDetailSchema, obj{
			{"type", "object"},
			{"required", []any{"code", "message"}},
			{"properties", obj{{"code", str}, {"message", str}, {"target", str}}},
		}},
		{odataErrorSchema, obj{
			{"type", "object"},
			{"required", []any{"error"}},
			{"properties", obj{{"error", obj{{"$ref", schemaRef(odataMainErrorSchema)}}}}},
		}},
		{odataMainErrorSchema, obj{
			{"type", "object"},
			{"required", []any{"code", "message"}},
			{"properties", obj{
				{"code", str},
				{"message", str},
				{"target", str},
				{"details", obj{{"type", "array"}, {"items", obj{{"$ref", schemaRef(odataErrorDetailSchema)}}}}},
				{"innerError", obj{{"type", "object"}, {"additionalProperties", true}}},
			}},
		}},
	}
}

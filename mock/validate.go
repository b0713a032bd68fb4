package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// maxDepth bounds how deep a body's objects and arrays may nest, as the generated handler's WithMaxDepth.
const maxDepth = 64

// expectsJSON reports whether an operation's body is JSON the model describes.
func expectsJSON(op *model.Operation) bool {
	rb := op.RequestBody
	return rb != nil && (rb.Kind == model.BodyType || rb.Kind == model.BodyParameters)
}

// checkBody checks a JSON request body against the operation's documented body: its media type, its syntax, and
// each member against the type or the parameters (names, JSON kinds, enum members, null where the docs forbid it,
// derived types named by @odata.type); required parameters must be there.
func (s *state) checkBody(op *model.Operation, body []byte, contentType string) *badRequest {
	if contentType != "" {
		mt, params, err := mime.ParseMediaType(contentType)
		if err != nil || mt != "application/json" && !strings.HasSuffix(mt, "+json") ||
			params["charset"] != "" && !strings.EqualFold(params["charset"], "utf-8") {
			return &badRequest{http.StatusUnsupportedMediaType, "unsupportedMediaType",
				fmt.Sprintf("the body must be application/json in UTF-8, not %q", excerpt(contentType, 100))}
		}
	}
	if d := nestingDepth(body); d > maxDepth {
		return refuse("the body nests deeper than %d", maxDepth)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return refuse("the body is not JSON: %s", excerpt(err.Error(), 200))
	}
	if dec.More() {
		return refuse("the body is not JSON: more than one value")
	}
	rb := op.RequestBody
	switch rb.Kind {
	case model.BodyType:
		if rb.Type == nil || !rb.Type.Resolved() {
			return nil
		}
		if e := s.checkValue(v, *rb.Type, nil, "body", 0); e != nil {
			return e
		}
	case model.BodyParameters:
		obj, ok := v.(map[string]any)
		if !ok {
			return refuse("the body is %s, not an object", kindOf(v))
		}
		resource := s.resourceOf(op)
		for key, val := range obj {
			if ignoredMember(key) {
				continue
			}
			p := param(rb.Params, key)
			if p == nil && resource != nil {
				p = s.m.Property(resource, key) // a create's or update's table lists some of the resource's properties
			}
			if p == nil {
				return refuse("the body has the property %q, which is not a parameter of %s", key, op.ID)
			}
			if e := s.checkValue(val, p.Type, p, key, 1); e != nil {
				return e
			}
		}
	}
	return requiredPresent(rb.Params, v)
}

// requiredPresent checks that an object body has the members the request-body table marks required, as the
// generated handler does.
func requiredPresent(params []*model.Property, v any) *badRequest {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	for _, p := range params {
		if !p.Required {
			continue
		}
		if _, ok := obj[p.Name]; !ok && member(obj, p.Name) == nil {
			return refuse("the body lacks the required property %q", p.Name)
		}
	}
	return nil
}

// checkValue checks v against a type reference; prop is the property it is the value of (nil for the body).
func (s *state) checkValue(v any, ref model.TypeRef, prop *model.Property, at string, depth int) *badRequest {
	if v == nil {
		if prop != nil && (ref.Collection || prop.Nullable != nil && !*prop.Nullable) {
			return refuse("%s is null, which it may not be", at)
		}
		return nil
	}
	if ref.Collection {
		items, ok := v.([]any)
		if !ok {
			return refuse("%s is %s, not an array", at, kindOf(v))
		}
		item := ref
		item.Collection = false
		for i, x := range items {
			if x == nil {
				continue
			}
			if e := s.checkValue(x, item, nil, fmt.Sprintf("%s[%d]", at, i), depth+1); e != nil {
				return e
			}
		}
		return nil
	}
	if ref.IsPrimitive() {
		return checkPrimitive(v, ref.Name, at)
	}
	t := s.m.LookupType(ref.Name)
	if t == nil {
		return nil // a type the docs do not resolve: anything goes, as the generated code keeps it raw
	}
	if t.Kind == model.KindEnum {
		str, ok := v.(string)
		if !ok {
			return refuse("%s is %s, not a %s string", at, kindOf(v), t.Name)
		}
		names := []string{str}
		if t.Flags {
			names = strings.Split(str, ",")
		}
		for _, name := range names {
			if t.Member(strings.TrimSpace(name)) == nil {
				return refuse("%s is %q, which is not a value of %s", at, excerpt(str, 100), t.Name)
			}
		}
		return nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return refuse("%s is %s, not a %s object", at, kindOf(v), t.Name)
	}
	if odt, ok := member(obj, "@odata.type").(string); ok {
		named := s.m.LookupType(odt)
		if named != nil && named != t && !derives(s.m, named, t) && !siblings(s.m, named, t) {
			return refuse("%s: @odata.type %q is not %s or derived from it", at, excerpt(odt, 100), t.FullName())
		}
		if named != nil {
			t = named
		}
	}
	if depth >= maxDepth {
		return nil
	}
	open := s.m.KeepsUnknownProperties(t)
	for key, val := range obj {
		if ignoredMember(key) {
			continue
		}
		p := s.m.Property(t, key)
		if p == nil {
			if open || depth > 1 {
				continue // below the body's own members, the docs' types are too often incomplete to refuse on
			}
			return refuse("%s has the property %q, which %s does not have", at, key, t.FullName())
		}
		if e := s.checkValue(val, p.Type, p, at+"."+key, depth+1); e != nil {
			return e
		}
	}
	return nil
}

// resourceOf is the resource a create or an update with a parameters table sends part of: the type it answers.
func (s *state) resourceOf(op *model.Operation) *model.Type {
	ref := op.Response.Type
	if ref == nil || ref.Collection || ref.IsPrimitive() {
		return nil
	}
	if t := s.m.LookupType(ref.Name); t != nil && t.Kind != model.KindEnum {
		return t
	}
	return nil
}

// siblings reports whether two types share a base type other than entity: a type cell may name alternatives
// ([appHostedMediaConfig] or [serviceHostedMediaConfig]) that the model holds as one of them.
func siblings(m *model.Model, a, b *model.Type) bool {
	for _, x := range m.Ancestors(a) {
		if x.Name != "entity" && (x == b || derives(m, b, x)) {
			return true
		}
	}
	return false
}

// ignoredMember: instance annotations (@odata.type, members@odata.bind) and directory extension attributes are
// accepted on any type, as the generated handler accepts them.
func ignoredMember(key string) bool {
	return strings.Contains(key, "@") || strings.HasPrefix(strings.ToLower(key), "extension_")
}

func derives(m *model.Model, t, base *model.Type) bool {
	for _, a := range m.Ancestors(t) {
		if a == base {
			return true
		}
	}
	return false
}

// checkPrimitive checks the JSON kind of a primitive value; the forms (a date's) are the client's business.
func checkPrimitive(v any, edm, at string) *badRequest {
	want := ""
	switch strings.TrimPrefix(edm, "Edm.") {
	case "String", "Guid", "Date", "DateTimeOffset", "Duration", "TimeOfDay", "Binary":
		want = "string"
	case "Boolean":
		want = "boolean"
	case "Byte", "SByte", "Int16", "Int32", "Int64":
		want = "number"
	case "Single", "Double", "Decimal":
		if s, ok := v.(string); ok && (s == "NaN" || s == "INF" || s == "-INF") {
			return nil
		}
		want = "number"
	default:
		return nil // Stream, Json, geography: kept as sent
	}
	if got := kindOf(v); got != want {
		return refuse("%s is %s, not a %s (%s)", at, got, want, edm)
	}
	return nil
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "a value"
}

// param finds a body parameter by name, exact case first.
func param(ps []*model.Property, name string) *model.Property {
	var folded *model.Property
	for _, p := range ps {
		if p.Name == name {
			return p
		}
		if folded == nil && strings.EqualFold(p.Name, name) {
			folded = p
		}
	}
	return folded
}

// member finds an object member by name, ignoring case.
func member(obj map[string]any, name string) any {
	if v, ok := obj[name]; ok {
		return v
	}
	for k, v := range obj {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return nil
}

// nestingDepth is the deepest nesting of objects and arrays in a JSON text, strings skipped; linear, before any
// decoding.
func nestingDepth(data []byte) int {
	depth, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			deepest = max(deepest, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

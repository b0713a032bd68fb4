package model

import "strings"

// ExampleSubject says what an example's JSON body shows, so that the generator's round trip and the linter's
// checks agree on it.
type ExampleSubject struct {
	// Type is the type the body (or each item of its "value" array) is an instance of; nil when unknown.
	Type *Type
	// Collection is set when the example shows a collection: {"value": [...]} or a bare array.
	Collection bool
	// Instances are the JSON objects that should be instances of Type: the body itself, or the items of its
	// "value" array (or of the bare array).
	Instances []*Value
	// Wrapped is set when a single instance is wrapped in {"value": {...}} or {"value": [ one ]} although the
	// operation returns a single entity.
	Wrapped bool
	// From says how Type was found: "@odata.type" (in the body), "annotation", "request-body", "response".
	From string
}

// ExampleSubject finds the type an example shows: the body's own @odata.type first, then the example
// annotation's @odata.type, then the operation's documented request body or response type.
func (m *Model) ExampleSubject(op *Operation, ex *Example) ExampleSubject {
	var s ExampleSubject
	body := ex.JSON
	if body == nil {
		return s
	}
	documentedCollection := false
	var documented *TypeRef
	switch ex.Kind {
	case ExampleRequest:
		if op != nil && op.RequestBody != nil {
			documented = op.RequestBody.Type
		}
	case ExampleResponse:
		if op != nil {
			documented = op.Response.Type
		}
	}
	if documented != nil {
		documentedCollection = documented.Collection
	}
	if ex.Annotation != nil && ex.IsCollection {
		documentedCollection = true
	}

	// Where the instances are.
	switch body.Kind {
	case ValueArray:
		s.Collection = true
		s.Instances = objects(body.Items)
	case ValueObject:
		v := body.Get("value")
		onlyMetadata := true
		for _, mem := range body.Members {
			if mem.Key != "value" && !strings.HasPrefix(mem.Key, "@") {
				onlyMetadata = false
			}
		}
		switch {
		case v != nil && v.Kind == ValueArray && onlyMetadata:
			s.Collection = true
			s.Instances = objects(v.Items)
			if !documentedCollection && documented != nil && len(v.Items) <= 1 && ex.Kind == ExampleResponse && !isCollectionURL(ex, op) {
				s.Wrapped = true
			}
		case v != nil && v.Kind == ValueObject && onlyMetadata:
			// {"value": {...}}: one instance in a collection's wrapper.
			s.Wrapped = true
			s.Instances = []*Value{v}
		default:
			s.Instances = []*Value{body}
		}
	}

	// Which type.
	if len(s.Instances) > 0 {
		if t := m.LookupType(s.Instances[0].Get("@odata.type").Text()); t != nil {
			s.Type, s.From = t, "@odata.type"
		}
	}
	if s.Type == nil && ex.ODataType != "" {
		if t := m.LookupType(ex.ODataType); t != nil {
			s.Type, s.From = t, "annotation"
		}
	}
	if s.Type == nil && documented != nil && !documented.IsPrimitive() {
		if t := m.LookupType(documented.Name); t != nil {
			s.Type = t
			s.From = "response"
			if ex.Kind == ExampleRequest {
				s.From = "request-body"
			}
		}
	}
	return s
}

func objects(vs []*Value) []*Value {
	var out []*Value
	for _, v := range vs {
		if v != nil && v.Kind == ValueObject {
			out = append(out, v)
		}
	}
	return out
}

// isCollectionURL reports whether the request the example answers addresses a collection without a key (a GET on
// a path whose last segment is not a {placeholder}); such answers are lists even when they hold one item.
func isCollectionURL(ex *Example, op *Operation) bool {
	if op == nil || op.Method != "GET" || len(op.Paths) == 0 {
		return false
	}
	t := strings.TrimRight(op.Paths[0].Template, "/")
	return !strings.HasSuffix(t, "}") && !strings.HasSuffix(t, ")")
}

// SubjectType returns the type an object value claims by its @odata.type, or t when it claims none or an
// unknown one; for polymorphic values (a derived type in a base-typed slot).
func (m *Model) SubjectType(t *Type, v *Value) *Type {
	if v == nil {
		return t
	}
	if dt := m.LookupType(v.Get("@odata.type").Text()); dt != nil {
		return dt
	}
	return t
}

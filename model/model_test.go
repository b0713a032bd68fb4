package model

import (
	"encoding/json"
	"testing"
)

func TestPosJSON(t *testing.T) {
	for _, p := range []Pos{{File: "api/x.md", Line: 3, Col: 7}, {File: "a:b.md", Line: 2}, {File: "x.md"}} {
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Pos
		if err := json.Unmarshal(data, &back); err != nil || back != p {
			t.Errorf("%v → %s → %v (%v)", p, data, back, err)
		}
	}
}

func sample() *Model {
	entity := &Type{Kind: KindEntity, Namespace: "microsoft.graph", Name: "entity", Properties: []*Property{{Name: "id", Type: TypeRef{Name: "Edm.String", Kind: KindPrimitive}}}}
	method := &Type{Kind: KindEntity, Namespace: "microsoft.graph", Name: "authenticationMethod", BaseType: "microsoft.graph.entity"}
	phone := &Type{Kind: KindEntity, Namespace: "microsoft.graph", Name: "phoneAuthenticationMethod", BaseType: "microsoft.graph.authenticationMethod",
		Properties: []*Property{{Name: "phoneNumber", Type: TypeRef{Name: "Edm.String", Kind: KindPrimitive}}}}
	rec := &Type{Kind: KindEntity, Namespace: "microsoft.graph.callRecords", Name: "callRecord", BaseType: "microsoft.graph.entity"}
	m := &Model{Types: []*Type{entity, method, phone, rec}}
	m.Sort()
	return m
}

func TestLookup(t *testing.T) {
	m := sample()
	for ref, want := range map[string]string{
		"microsoft.graph.phoneAuthenticationMethod":  "microsoft.graph.phoneAuthenticationMethod",
		"#microsoft.graph.phoneauthenticationmethod": "microsoft.graph.phoneAuthenticationMethod",
		"graph.entity": "microsoft.graph.entity",
		"callRecord":   "microsoft.graph.callRecords.callRecord",
		"nothing":      "",
	} {
		got := ""
		if ty := m.LookupType(ref); ty != nil {
			got = ty.FullName()
		}
		if got != want {
			t.Errorf("LookupType(%q) = %q, want %q", ref, got, want)
		}
	}
	phone := m.Type("microsoft.graph.phoneAuthenticationMethod")
	if a := m.Ancestors(phone); len(a) != 2 || a[1].Name != "entity" {
		t.Errorf("ancestors %v", a)
	}
	if p := m.Property(phone, "ID"); p == nil || p.Name != "id" {
		t.Errorf("inherited property lookup ignoring case: %v", p)
	}
	if d := m.Derived(m.Type("microsoft.graph.authenticationMethod")); len(d) != 1 || d[0] != phone {
		t.Errorf("derived %v", d)
	}
}

func value(t *testing.T, s string) *Value {
	t.Helper()
	var v Value
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return &v
}

func TestExampleSubject(t *testing.T) {
	m := sample()
	methodRef := &TypeRef{Name: "microsoft.graph.authenticationMethod", Kind: string(KindEntity)}
	list := &Operation{Method: "GET", Paths: []*Path{{Template: "/me/authentication/methods"}}, Response: Response{Status: 200, Type: &TypeRef{Name: methodRef.Name, Kind: methodRef.Kind, Collection: true}}}
	get := &Operation{Method: "GET", Paths: []*Path{{Template: "/me/authentication/methods/{id}"}}, Response: Response{Status: 200, Type: methodRef}}
	create := &Operation{Method: "POST", RequestBody: &RequestBody{Kind: BodyType, Type: methodRef}, Response: Response{Status: 201, Type: methodRef}}

	tests := []struct {
		name       string
		op         *Operation
		ex         *Example
		typ        string
		from       string
		collection bool
		instances  int
		wrapped    bool
	}{
		{"collection with derived items", list, &Example{Kind: ExampleResponse, JSON: value(t, `{"@odata.context": "x", "value": [{"@odata.type": "#microsoft.graph.phoneAuthenticationMethod", "phoneNumber": "1"}, {"id": "2"}]}`)},
			"microsoft.graph.phoneAuthenticationMethod", "@odata.type", true, 2, false},
		{"single from the annotation", get, &Example{Kind: ExampleResponse, ODataType: "microsoft.graph.phoneAuthenticationMethod", Annotation: &Annotation{}, JSON: value(t, `{"id": "1"}`)},
			"microsoft.graph.phoneAuthenticationMethod", "annotation", false, 1, false},
		{"single wrapped in value", get, &Example{Kind: ExampleResponse, JSON: value(t, `{"value": {"id": "1"}}`)},
			"microsoft.graph.authenticationMethod", "response", false, 1, true},
		{"one-item list for a single entity", get, &Example{Kind: ExampleResponse, JSON: value(t, `{"value": [{"id": "1"}]}`)},
			"microsoft.graph.authenticationMethod", "response", true, 1, true},
		{"request body", create, &Example{Kind: ExampleRequest, JSON: value(t, `{"phoneNumber": "1"}`)},
			"microsoft.graph.authenticationMethod", "request-body", false, 1, false},
		{"no JSON", create, &Example{Kind: ExampleRequest}, "", "", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := m.ExampleSubject(tt.op, tt.ex)
			typ := ""
			if s.Type != nil {
				typ = s.Type.FullName()
			}
			if typ != tt.typ || s.From != tt.from || s.Collection != tt.collection || len(s.Instances) != tt.instances || s.Wrapped != tt.wrapped {
				t.Errorf("got type %q from %q collection %v instances %d wrapped %v", typ, s.From, s.Collection, len(s.Instances), s.Wrapped)
			}
		})
	}
}

func TestKeepsUnknownProperties(t *testing.T) {
	m := sample()
	scope := &Type{Kind: KindComplex, Namespace: "microsoft.graph", Name: "accessReviewScope"}
	query := &Type{Kind: KindComplex, Namespace: "microsoft.graph", Name: "accessReviewQueryScope", BaseType: "microsoft.graph.accessReviewScope",
		Properties: []*Property{{Name: "query", Type: TypeRef{Name: "Edm.String", Kind: KindPrimitive}}}}
	props := &Type{Kind: KindComplex, Namespace: "microsoft.graph.externalConnectors", Name: "properties"}
	open := &Type{Kind: KindComplex, Namespace: "microsoft.graph", Name: "identitySet", Open: true,
		Properties: []*Property{{Name: "user", Type: TypeRef{Name: "microsoft.graph.identity", Kind: string(KindComplex)}}}}
	color := &Type{Kind: KindEnum, Namespace: "microsoft.graph", Name: "color"}
	m.Types = append(m.Types, scope, query, props, open, color)
	m.Sort()
	m.Reindex()
	for _, c := range []struct {
		t    *Type
		want bool
	}{
		{open, true},   // says so
		{props, true},  // documents no property: nothing to hold its values to
		{scope, false}, // no property of its own, but a derived type has some: @odata.type must say which
		{query, false},
		{m.Type("microsoft.graph.authenticationMethod"), false}, // inherits id
		{color, false},
	} {
		if got := m.KeepsUnknownProperties(c.t); got != c.want {
			t.Errorf("KeepsUnknownProperties(%s) = %v, want %v", c.t.Name, got, c.want)
		}
	}
}

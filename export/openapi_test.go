package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

func docsInputOpenAPI(t testing.TB) (*model.Model, *OpenAPIDocument, map[string]any) {
	t.Helper()
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := OpenAPI(m)
	var tree map[string]any
	if err := json.Unmarshal(doc.JSON(), &tree); err != nil {
		t.Fatalf("the JSON document does not parse: %v", err)
	}
	return m, doc, tree
}

// at walks a parsed document by keys.
func at(v any, keys ...string) any {
	for _, k := range keys {
		o, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = o[k]
	}
	return v
}

// TestOpenAPIDeterministic: two builds of one model write the same bytes, and the YAML holds the same document as
// the JSON.
func TestOpenAPIDeterministic(t *testing.T) {
	m, doc, tree := docsInputOpenAPI(t)
	again := OpenAPI(m)
	if !bytes.Equal(doc.JSON(), again.JSON()) {
		t.Error("two JSON exports of one model differ")
	}
	y1, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	y2, _ := again.YAML()
	if !bytes.Equal(y1, y2) {
		t.Error("two YAML exports of one model differ")
	}
	if !reflect.DeepEqual(fromYAML(t, y1), tree) {
		t.Error("the YAML document is not the JSON document")
	}
	for _, name := range []string{"x.yaml", "X.YML"} {
		if data, _ := doc.Encode(name); !bytes.Equal(data, y1) {
			t.Errorf("Encode(%q) is not YAML", name)
		}
	}
	if data, _ := doc.Encode("x.json"); !bytes.Equal(data, doc.JSON()) {
		t.Error("Encode(x.json) is not JSON")
	}
}

// fromYAML reads YAML into the values encoding/json gives for the same document.
func fromYAML(t *testing.T, data []byte) map[string]any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("the YAML document does not parse: %v", err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("YAML to JSON: %v", err)
	}
	var out map[string]any
	if err := json.Unmarshal(j, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOpenAPIDocsInput checks what the brief asks of the document on the sample docs, element by element.
func TestOpenAPIDocsInput(t *testing.T) {
	m, doc, tree := docsInputOpenAPI(t)
	if tree["openapi"] != "3.1.0" {
		t.Errorf("openapi %v", tree["openapi"])
	}
	paths := tree["paths"].(map[string]any)
	schemas := at(tree, "components", "schemas").(map[string]any)
	if doc.Stats.Paths != len(paths) || doc.Stats.Schemas != len(schemas) {
		t.Errorf("stats %+v for %d paths and %d schemas", doc.Stats, len(paths), len(schemas))
	}

	// Every route is an operation of its path item, and every operation is traceable, uniquely named, answers
	// with the OData error by default, and declares the parameters of its path.
	ids := map[string]string{}
	ops, examples, secured := 0, 0, 0
	param := regexp.MustCompile(`\{([^}]*)\}`)
	for p, item := range paths {
		var want []string
		for _, mm := range param.FindAllStringSubmatch(p, -1) {
			want = append(want, mm[1])
		}
		for method, o := range item.(map[string]any) {
			ops++
			where := strings.ToUpper(method) + " " + p
			id, _ := at(o, "operationId").(string)
			if id == "" || ids[id] != "" {
				t.Errorf("%s: operationId %q (also %s)", where, id, ids[id])
			}
			ids[id] = where
			if src, _ := at(o, "x-graphdocgen-source", "page").(string); !strings.HasPrefix(src, "api/") {
				t.Errorf("%s: x-graphdocgen-source %v", where, at(o, "x-graphdocgen-source"))
			}
			if at(o, "responses", "default", "$ref") != "#/components/responses/error" {
				t.Errorf("%s: no OData error default response", where)
			}
			var got []string
			prms, _ := at(o, "parameters").([]any)
			for _, prm := range prms {
				if at(prm, "in") == "path" {
					got = append(got, at(prm, "name").(string))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: path parameters %v, want %v", where, got, want)
			}
			if at(o, "security") != nil {
				secured++
			}
			countExamples := func(v any) {
				for _, media := range asMap(v) {
					examples += len(asMap(at(media, "examples")))
				}
			}
			countExamples(at(o, "requestBody", "content"))
			for _, r := range asMap(at(o, "responses")) {
				countExamples(at(r, "content"))
			}
		}
	}
	if want := len(m.Routes()); ops != want || doc.Stats.Operations != want {
		t.Errorf("%d operations (stats %d), want one per route: %d", ops, doc.Stats.Operations, want)
	}
	if examples != doc.Stats.Examples || examples == 0 || secured != doc.Stats.Secured || secured == 0 {
		t.Errorf("%d examples and %d secured operations in the document, stats %+v", examples, secured, doc.Stats)
	}

	// Every type is a schema with its source; inheritance is allOf; a base has a discriminator mapping its
	// derived types.
	for _, ty := range m.Types {
		key := componentKey(ty.FullName())
		s := schemas[key]
		if s == nil {
			t.Errorf("no schema %s", key)
			continue
		}
		if at(s, "x-graphdocgen-source", "page") != ty.Pos.File {
			t.Errorf("%s: x-graphdocgen-source %v, want %s", key, at(s, "x-graphdocgen-source"), ty.Pos.File)
		}
		if base := m.BaseOf(ty); base != nil {
			allOf, _ := at(s, "allOf").([]any)
			if len(allOf) != 2 || at(allOf[0], "$ref") != "#/components/schemas/"+componentKey(base.FullName()) {
				t.Errorf("%s: allOf %v, want its base %s first", key, at(s, "allOf"), base.FullName())
			}
		}
		if derived := m.Derived(ty); len(derived) > 0 {
			mapping := asMap(at(s, "discriminator", "mapping"))
			if at(s, "discriminator", "propertyName") != "@odata.type" || len(mapping) < len(derived) {
				t.Errorf("%s: discriminator %v for %d derived types", key, at(s, "discriminator"), len(derived))
			}
			for _, d := range derived {
				if mapping["#"+d.FullName()] != "#/components/schemas/"+componentKey(d.FullName()) {
					t.Errorf("%s: discriminator maps no %s", key, d.FullName())
				}
			}
		}
	}

	user := schemas["microsoft.graph.user"]
	if at(user, "allOf") == nil {
		t.Fatalf("user: %v", user)
	}
	props := asMap(at(user.(map[string]any)["allOf"].([]any)[1], "properties"))
	if fmt.Sprint(at(props["createdDateTime"], "format")) != "date-time" {
		t.Errorf("user.createdDateTime: %v", props["createdDateTime"])
	}
	if at(props["businessPhones"], "type") != "array" {
		t.Errorf("user.businessPhones: %v", props["businessPhones"])
	}
	if at(schemas["microsoft.graph.entity"], "discriminator", "mapping", "#microsoft.graph.user") != "#/components/schemas/microsoft.graph.user" {
		t.Errorf("entity's discriminator: %v", at(schemas["microsoft.graph.entity"], "discriminator"))
	}
	for _, ty := range m.Types {
		if ty.Kind != model.KindEnum {
			continue
		}
		s := schemas[componentKey(ty.FullName())]
		enum := fmt.Sprint(at(s, "enum"), at(s, "x-ms-enum", "values"))
		if ty.Evolvable && !strings.Contains(enum, "unknownFutureValue") {
			t.Errorf("%s: enum %s lost unknownFutureValue", ty.FullName(), enum)
		}
		if ty.Flags != (at(s, "x-ms-enum-flags", "isFlags") == true) {
			t.Errorf("%s: flags %v, x-ms-enum-flags %v", ty.FullName(), ty.Flags, at(s, "x-ms-enum-flags"))
		}
		if ty.Flags && len(ty.Members) > 1 {
			// A flags value lists members: the pattern takes "a, b" and "a,b", not "a, nosuch".
			pattern := regexp.MustCompile(at(s, "pattern").(string))
			a, b := ty.Members[0].Name, ty.Members[1].Name
			for value, want := range map[string]bool{a: true, a + ", " + b: true, a + "," + b: true, a + ", nosuch": false, "": false} {
				if pattern.MatchString(value) != want {
					t.Errorf("%s: pattern %s matches %q: %v", ty.FullName(), pattern, value, !want)
				}
			}
		}
	}

	// Security: each operation's least privileged scopes, declared in the schemes' flows.
	get := at(paths["/users/{id}"], "get")
	if get == nil {
		t.Fatalf("no GET /users/{id}; paths: %v", keys(paths))
	}
	op := m.Operation("api/user-get")
	delegated, application := leastPrivileged(op.Permissions)
	if delegated == "" || application == "" {
		t.Fatalf("user-get names no scopes: %+v", op.Permissions)
	}
	want := fmt.Sprint([]any{map[string]any{"delegated": []any{delegated}}, map[string]any{"application": []any{application}}})
	if got := fmt.Sprint(at(get, "security")); got != want {
		t.Errorf("GET /users/{id} security %s, want %s", got, want)
	}
	flows := at(tree, "components", "securitySchemes", "delegated", "flows", "authorizationCode", "scopes")
	if asMap(flows)[delegated] == nil {
		t.Errorf("the delegated scheme does not declare %s", delegated)
	}
	if at(tree, "components", "securitySchemes", "application", "flows", "clientCredentials", "tokenUrl") == nil {
		t.Error("no client credentials flow")
	}
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestOpenAPILeastPrivileged: the first scope of the first delegated row and of the application row.
func TestOpenAPILeastPrivileged(t *testing.T) {
	d, a := leastPrivileged([]model.Permission{
		{Type: "Delegated (work or school account)", Scopes: []string{"User.Read", "User.ReadWrite"}},
		{Type: "Delegated (personal Microsoft account)", Scopes: []string{"User.ReadBasic"}},
		{Type: "Application", Scopes: []string{"User.Read.All", "Directory.Read.All"}},
	})
	if d != "User.Read" || a != "User.Read.All" {
		t.Errorf("got %q, %q", d, a)
	}
	d, a = leastPrivileged([]model.Permission{
		{Type: "Delegated (work or school account)", Text: "Not supported."},
		{Type: "Delegated (personal Microsoft account)", Scopes: []string{"Files.Read"}},
	})
	if d != "Files.Read" || a != "" {
		t.Errorf("got %q, %q", d, a)
	}
}

// TestOpenAPIQueryOptions: the query options a page writes in its request paths, typed by its parameters table
// when a placeholder; none for a route that documents none.
func TestOpenAPIQueryOptions(t *testing.T) {
	op := &model.Operation{ID: "api/x-get", Page: "api/x-get.md", Method: "GET", Paths: []*model.Path{
		{Template: "/reports/x", Query: "$format={fmt}&$top=5", Params: []model.PathParam{
			{Name: "fmt", Written: "{fmt}", Kind: model.ParamQuery, Type: model.TypeRef{Name: "Edm.Int32", Kind: model.KindPrimitive}}}},
	}}
	other := &model.Operation{ID: "api/y-get", Page: "api/y-get.md", Method: "GET", Paths: []*model.Path{{Template: "/y"}}}
	m := &model.Model{Operations: []*model.Operation{op, other}}
	var routes = map[string]*model.Route{}
	for _, r := range m.Routes() {
		routes[r.Shape] = r
	}
	got := documentedQueryOptions(routes["/reports/x"])
	if len(got) != 2 || got[0].Name != "$format" || got[0].Type == nil || got[0].Type.Name != "Edm.Int32" ||
		got[1].Name != "$top" || got[1].Example != "5" {
		t.Errorf("got %+v", got)
	}
	if got := documentedQueryOptions(routes["/y"]); len(got) != 0 {
		t.Errorf("a route without a query string: %+v", got)
	}

	// The options a page's Optional query parameters section names, and its own query parameters.
	listed := &model.Operation{ID: "api/z-list", Page: "api/z-list.md", Method: "GET", Paths: []*model.Path{{Template: "/z"}},
		Query: &model.QueryOptions{Scope: model.QueryListed,
			Supported: []model.QueryOption{{Name: "$top", From: "prose"}, {Name: "$select", From: "prose"}},
			Params:    []model.QueryParam{{Name: "startDateTime", Type: "DateTimeOffset", Description: "The start."}}}}
	m = &model.Model{Operations: []*model.Operation{listed}}
	got = documentedQueryOptions(m.Routes()[0])
	if len(got) != 3 || got[0].Name != "$select" || got[0].Type != nil || got[1].Name != "$top" || got[1].Type == nil ||
		got[1].Type.Name != "Edm.Int32" || got[2].Name != "startDateTime" || got[2].Type == nil ||
		got[2].Type.Name != "Edm.DateTimeOffset" || got[2].Description != "The start." {
		t.Errorf("documented options: %+v", got)
	}
}

// TestOpenAPIPathTemplates: parameters as OpenAPI reads them, names unique, the route's shape kept.
func TestOpenAPIPathTemplates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/users/{id}/events", "/users/{id}/events"},
		{"~/users/{user id}/", "/users/{userid}"},
		{"/me/calendars/{id}/events/{id}", "/me/calendars/{id}/events/{id2}"},
		{"/workbook/range(address='<address>')", "/workbook/range(address='{address}')"},
		{"users/{id", "/users/{id}"},
		{"/a}b/{}", "/a%7Db/{param}"},
		{"/x?$filter={f}", "/x"},
	}
	for _, tt := range tests {
		got, _ := openAPIPath(tt.in)
		if got != tt.want {
			t.Errorf("openAPIPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if model.RouteShape(tt.in) != model.RouteShape(strings.ReplaceAll(got, "%7D", "}")) {
			t.Errorf("%q: shape %q, the path's %q", tt.in, model.RouteShape(tt.in), model.RouteShape(got))
		}
	}
}

// TestOpenAPIUntrustedText: text of the docs that is YAML or JSON syntax, control characters, invalid UTF-8 and
// repeated example keys stay data: both documents parse, to the same tree, with the text in it.
func TestOpenAPIUntrustedText(t *testing.T) {
	hostile := []string{"a: b\n- c", "\"quoted\" 'single' \\ back", "true", "1.5", "null", "~", "--- !!binary x", "#x",
		"tab\there\x00nul\x7f\u2028", "bad\xffutf8", "{{x}}", "&anchor *alias", "\uFEFFbom", "0x10", ""}
	user := &model.Type{Kind: model.KindEntity, Namespace: "microsoft.graph", Name: "us er: x", Page: "resources/u.md",
		Pos: model.Pos{File: "resources/u.md", Line: 3}}
	enum := &model.Type{Kind: model.KindEnum, Namespace: "microsoft.graph", Name: "e", Page: "resources/e.md", Flags: true}
	for i, s := range hostile {
		user.Properties = append(user.Properties, &model.Property{Name: s + fmt.Sprint(i), Description: s,
			Type: model.TypeRef{Name: s, Raw: s}})
		enum.Members = append(enum.Members, &model.EnumMember{Name: s})
	}
	body := &model.Value{Kind: model.ValueObject}
	for _, s := range hostile {
		body.Members = append(body.Members, model.Member{Key: s, Value: &model.Value{Kind: model.ValueString, Str: s}})
	}
	body.Members = append(body.Members, model.Member{Key: "true", Value: &model.Value{Kind: model.ValueNumber, Str: "2"}},
		model.Member{Key: "version", Value: &model.Value{Kind: model.ValueNumber, Str: "1.0.0"}},
		model.Member{Key: "n", Value: &model.Value{Kind: model.ValueNumber, Str: "-12e3"}})
	op := &model.Operation{ID: "api/x-get", Page: "api/x-get.md", Method: "GET", Title: hostile[0], Description: hostile[8],
		Paths:       []*model.Path{{Template: "/x/{a: b}/y'\"z", Query: "a: b=c: d&'&=x"}},
		Headers:     []model.Header{{Name: "X-Evil: y\nz", Value: hostile[1]}},
		Permissions: []model.Permission{{Type: "Delegated", Scopes: []string{hostile[0]}}, {Type: "Application", Scopes: []string{hostile[9]}}},
		Response:    model.Response{Status: 200, Reason: hostile[2], Type: &model.TypeRef{Name: "microsoft.graph.us er: x", Kind: "entity"}},
		Examples: []*model.Example{
			{Kind: model.ExampleRequest, Name: hostile[0], Method: "GET", URL: "/x/1/y'\"z"},
			{Kind: model.ExampleResponse, Name: hostile[0], Status: 200, StatusLine: hostile[1], JSON: body},
		}}
	m := &model.Model{Types: []*model.Type{enum, user}, Operations: []*model.Operation{op}}
	m.Reindex()
	doc := OpenAPI(m)
	var tree map[string]any
	if err := json.Unmarshal(doc.JSON(), &tree); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	y, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	if got := fromYAML(t, y); !reflect.DeepEqual(got, tree) {
		gj, _ := json.Marshal(got)
		tj, _ := json.Marshal(tree)
		t.Errorf("YAML and JSON differ:\n%s\n%s", gj, tj)
	}
	if doc.Stats.Examples != 1 || doc.Stats.Operations != 1 || doc.Stats.Secured != 1 {
		t.Errorf("stats %+v", doc.Stats)
	}
	var ex any
	for _, item := range asMap(tree["paths"]) {
		for _, r := range asMap(at(item, "get", "responses")) {
			for _, e := range asMap(at(r, "content", "application/json", "examples")) {
				ex = at(e, "value")
			}
		}
	}
	v := asMap(ex)
	if v["true"] != "true" || v["version"] != "1.0.0" || v["n"] != -12e3 || v["a: b\n- c"] != "a: b\n- c" || v["bad\uFFFDutf8"] != "bad\uFFFDutf8" {
		t.Errorf("example value %v", v)
	}
}

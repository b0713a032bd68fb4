package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/templates"
)

func TestExportedName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"displayName", "DisplayName"},
		{"tenantId", "TenantID"},
		{"webUrl", "WebURL"},
		{"httpStatus", "HTTPStatus"},
		{"HTTPServer", "HTTPServer"},
		{"ids", "IDs"},
		{"odataType", "ODataType"},
		{"@odata.id", "ODataID"},
		{"issuerAssignedId", "IssuerAssignedID"},
		{"guidValue", "GUIDValue"},
		{"windows10Settings", "Windows10Settings"},
		{"x509Certificate", "X509Certificate"},
		{"3dModel", "X3dModel"},
		{"2fa", "X2fa"},
		{"type", "Type"}, // capitalized, a keyword is no longer one
		{"func", "Func"}, //
		{"snake_case_name", "SnakeCaseName"},
		{"kebab-case", "KebabCase"},
		{"café", "Caf"}, // non-ASCII letters are dropped so names stay typeable
		{"", "X"},
		{"***", "X"},
	} {
		if got := exportedName(c.in); got != c.want {
			t.Errorf("exportedName(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := exportedName(c.in); !token.IsIdentifier(got) || !token.IsExported(got) {
			t.Errorf("exportedName(%q) = %q is not an exported identifier", c.in, got)
		}
	}
}

func TestUnexportedName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"userId", "userID"},
		{"driveId", "driveID"},
		{"type", "type_"},
		{"func", "func_"},
		{"range", "range_"},
		{"3d", "x3d"},
		{"item-path", "itemPath"},
		{"", "x"},
	} {
		if got := unexportedName(c.in); got != c.want {
			t.Errorf("unexportedName(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := unexportedName(c.in); !token.IsIdentifier(got) {
			t.Errorf("unexportedName(%q) = %q is not an identifier", c.in, got)
		}
	}
}

func TestScopeGivesDistinctNamesInClaimOrder(t *testing.T) {
	parent := newScope(nil, "Client")
	s := newScope(parent)
	got := []string{s.claim("Client"), s.claim("Name"), s.claim("Name"), s.claim("Name2"), s.claim("Name")}
	want := []string{"Client2", "Name", "Name2", "Name22", "Name3"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("claims gave %v, want %v", got, want)
	}
	if parent.taken("Name") {
		t.Error("a claim in a child scope leaked into its parent")
	}
}

// craftedPlan plans the crafted model, failing the test on an error.
func craftedPlan(t *testing.T, opts Options) *plan {
	t.Helper()
	if opts.Package == "" {
		opts.Package = "widgets"
	}
	p, err := newPlan(craftedModel(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *plan) typeByFullName(t *testing.T, full string) *typeInfo {
	t.Helper()
	for _, ti := range p.ordered {
		if ti.fullName == full {
			return ti
		}
	}
	t.Fatalf("no type %s in the plan", full)
	return nil
}

// fieldsByJSON maps a struct's JSON names to its fields.
func fieldsByJSON(ti *typeInfo) map[string]*templates.Field {
	out := map[string]*templates.Field{}
	for _, f := range ti.spec.Fields {
		out[f.JSON] = f
	}
	return out
}

func TestTypeNames(t *testing.T) {
	p := craftedPlan(t, Options{})
	for full, want := range map[string]string{
		"microsoft.graph.widget":             "Widget",
		"microsoft.graph.callRecords.widget": "CallRecordsWidget", // another namespace: prefixed, never first
		"microsoft.graph.webUrlInfo":         "WebURLInfo",        // sorts before web_url_info ('U' < '_'), so claims first
		"microsoft.graph.web_url_info":       "WebURLInfo2",
		"microsoft.graph.client":             "Client2", // the support code's Client
		"microsoft.graph.server":             "Server2", // the generated Server interface
	} {
		if got := p.typeByFullName(t, full).goName; got != want {
			t.Errorf("%s is named %s, want %s", full, got, want)
		}
	}
	part := p.typeByFullName(t, "microsoft.graph.part")
	if part.poly == nil || part.poly.Interface != "AnyPart" || part.poly.Method != "AsPart" || strings.Join(part.poly.Derived, ",") != "Gear" {
		t.Errorf("part's polymorphic interface is %+v, want AnyPart/AsPart with Gear derived", part.poly)
	}
}

func TestFieldNames(t *testing.T) {
	p := craftedPlan(t, Options{})
	fields := fieldsByJSON(p.typeByFullName(t, "microsoft.graph.widget"))
	for json, want := range map[string]string{
		"tenantId":     "TenantID",
		"webUrl":       "WebURL",
		"httpStatus":   "HTTPStatus",
		"type":         "Type",
		"3dModel":      "X3dModel",
		"displayName":  "DisplayName",
		"display_name": "DisplayName2", // collides once converted; the later property gets the suffix
		"ids":          "IDs",
		"odataType":    "ODataType2", // ODataType is the struct's own @odata.type field
	} {
		f := fields[json]
		if f == nil {
			t.Errorf("widget has no field for %q", json)
			continue
		}
		if f.Name != want {
			t.Errorf("widget.%s is named %s, want %s", json, f.Name, want)
		}
	}
	// A field must not shadow one it inherits: gear redeclares weight, which part already has.
	gear := p.typeByFullName(t, "microsoft.graph.gear")
	if f := fieldsByJSON(gear)["weight"]; f != nil {
		t.Errorf("gear redeclares the inherited weight as %s", f.Name)
	}
}

func TestEnumConstantNames(t *testing.T) {
	p := craftedPlan(t, Options{})
	e := p.typeByFullName(t, "microsoft.graph.widgetKind").enum
	var got []string
	for _, m := range e.Members {
		got = append(got, m.Const+"="+m.Value)
	}
	want := "WidgetKindDefault=default WidgetKindFunc=func WidgetKindX3d=3d WidgetKindUnknownFutureValue=unknownFutureValue"
	if strings.Join(got, " ") != want {
		t.Errorf("constants %v, want %s", got, want)
	}
	if !p.typeByFullName(t, "microsoft.graph.widgetModes").enum.Flags {
		t.Error("widgetModes lost its flags")
	}
}

func TestNameOverrides(t *testing.T) {
	p := craftedPlan(t, Options{Names: map[string]string{
		"microsoft.graph.widget":             "Gadget",
		"microsoft.graph.widget.displayName": "Label",
		"microsoft.graph.widgetKind.func":    "FunctionKind",
		"api/widget-delete":                  "RemoveWidget",
	}})
	w := p.typeByFullName(t, "microsoft.graph.widget")
	if w.goName != "Gadget" {
		t.Errorf("widget is named %s, want the override Gadget", w.goName)
	}
	if f := fieldsByJSON(w)["displayName"]; f == nil || f.Name != "Label" {
		t.Errorf("widget.displayName is %+v, want the override Label", f)
	}
	if f := fieldsByJSON(w)["display_name"]; f == nil || f.Name != "DisplayName" {
		t.Errorf("with displayName renamed, display_name should get the plain name DisplayName; got %+v", f)
	}
	var consts []string
	for _, m := range p.typeByFullName(t, "microsoft.graph.widgetKind").enum.Members {
		consts = append(consts, m.Const)
	}
	if !strings.Contains(strings.Join(consts, " "), "FunctionKind") {
		t.Errorf("enum constants %v lack the override FunctionKind", consts)
	}
	ops := p.operationNames()
	if !ops["RemoveWidget"] || ops["DeleteWidget"] {
		t.Errorf("operations %v: want RemoveWidget instead of DeleteWidget", ops)
	}
}

func (p *plan) operationNames() map[string]bool {
	out := map[string]bool{}
	for _, f := range p.files {
		for _, op := range f.Operations {
			out[op.Name] = true
		}
	}
	return out
}

func TestOptionsErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		want string
	}{
		{"empty package", Options{}, "package name is empty"},
		{"keyword package", Options{Package: "func"}, `"func" is not a Go identifier`},
		{"digit package", Options{Package: "1graph"}, `"1graph" is not a Go identifier`},
		{"blank package", Options{Package: "_"}, `"_" is not a Go identifier`},
		{"unexported name", Options{Package: "g", Names: map[string]string{"microsoft.graph.widget": "gadget"}},
			`name override microsoft.graph.widget = "gadget": not an exported Go identifier`},
		{"name with a space", Options{Package: "g", Names: map[string]string{"microsoft.graph.widget": "Big Gadget"}},
			"not an exported Go identifier"},
		{"empty type", Options{Package: "g", Types: map[string]string{"Edm.Guid": ""}}, `type override Edm.Guid = "": empty type`},
		{"bad type", Options{Package: "g", Types: map[string]string{"Edm.Guid": "github.com/google/uuid.uuid"}},
			"is not an import path and an exported name"},
		{"unknown name key", Options{Package: "g", Names: map[string]string{"microsoft.graph.nothing": "Nothing"}},
			"name override microsoft.graph.nothing: no such type"},
		{"unknown primitive", Options{Package: "g", Types: map[string]string{"Edm.Guide": "string"}},
			"type override Edm.Guide: no such type"},
		{"unknown property", Options{Package: "g", Types: map[string]string{"microsoft.graph.widget.nothing": "string"}},
			"type override microsoft.graph.widget.nothing: no such type"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Generate(craftedModel(), c.opts)
			if err == nil {
				t.Fatalf("Generate accepted %+v", c.opts)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestTypeMapping(t *testing.T) {
	p := craftedPlan(t, Options{})
	fields := fieldsByJSON(p.typeByFullName(t, "microsoft.graph.widget"))
	for json, want := range map[string]string{
		"tenantId":        "Optional[GUID]",
		"webUrl":          "Optional[string]",
		"httpStatus":      "Optional[int32]",
		"createdDateTime": "Optional[time.Time]",
		"birthday":        "Optional[Date]",
		"startTime":       "Optional[TimeOfDay]",
		"timeout":         "Optional[Duration]",
		"photo":           "Optional[[]byte]", // base64 on the wire, as encoding/json writes []byte
		"content":         "Optional[string]", // a stream inside JSON: base64 for binary media, the text for text (OData JSON 4.01 §7.4)
		"size":            "Optional[int64]",
		"extra":           "Optional[json.RawMessage]",
		"ids":             "[]string",
		"modes":           "[]WidgetModes",
		"kind":            "Optional[WidgetKind]",
		"mainPart":        "Optional[AnyPart]", // a base type: the interface, holding the derived value
		"parts":           "[]AnyPart",
		"gear":            "Optional[*Gear]", // no type derives from gear: a plain pointer
	} {
		f := fields[json]
		if f == nil {
			t.Errorf("widget has no field for %q", json)
			continue
		}
		if got := f.Type.String(); got != want {
			t.Errorf("widget.%s is %s, want %s", json, got, want)
		}
	}
	if f := fields["tags"]; f == nil || !f.NonNull {
		t.Errorf("tags is not nullable in the docs; field %+v should say NonNull", f)
	}
}

func TestTypeOverrides(t *testing.T) {
	p := craftedPlan(t, Options{Types: map[string]string{
		"Edm.Guid":                        "github.com/google/uuid.UUID",
		"microsoft.graph.widget.size":     "string",
		"Edm.DateTimeOffset":              "*time.Time",
		"microsoft.graph.widget.birthday": "[]byte",
	}})
	fields := fieldsByJSON(p.typeByFullName(t, "microsoft.graph.widget"))
	for json, want := range map[string]string{
		"tenantId":        "Optional[uuid.UUID]",
		"size":            "Optional[string]",
		"createdDateTime": "Optional[*time.Time]",
		"birthday":        "Optional[[]byte]",
		"startTime":       "Optional[TimeOfDay]", // untouched
	} {
		if got := fields[json].Type.String(); got != want {
			t.Errorf("widget.%s is %s, want %s", json, got, want)
		}
	}
	if path := fields["tenantId"].Type.Elem.Path; path != "github.com/google/uuid" {
		t.Errorf("the override's import path is %q", path)
	}
}

// TestStreamSignatures checks that stream bodies and answers are readers in the client and the server, not byte
// slices held in memory.
func TestStreamSignatures(t *testing.T) {
	files, err := Generate(craftedModel(), Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	sigs := funcSignatures(t, files)
	for name, want := range map[string]string{
		"Client.UpsertWidgetContent":       "(ctx context.Context, widgetID string, body io.Reader, opts ...RequestOption) error",
		"Client.GetWidgetContent":          "(ctx context.Context, widgetID string, opts ...RequestOption) (io.ReadCloser, error)",
		"WidgetServer.UpsertWidgetContent": "(ctx context.Context, widgetID string, body io.Reader) error",
		"WidgetServer.GetWidgetContent":    "(ctx context.Context, widgetID string) (io.Reader, error)",
		"Client.WidgetRotate":              "(ctx context.Context, widgetID string, body *WidgetRotateRequest, opts ...RequestOption) (AnyPart, error)",
		"Client.ListWidgets":               "(ctx context.Context, opts ...RequestOption) (*Collection[*Widget], error)",
		"Client.UpdateWidget":              "(ctx context.Context, widgetID string, body *Widget, opts ...RequestOption) error",
		"Unimplemented.GetWidgetContent":   "(context.Context, string) (io.Reader, error)",
	} {
		got, ok := sigs[name]
		if !ok {
			t.Errorf("no %s in the generated code", name)
			continue
		}
		if got != want {
			t.Errorf("%s%s, want %s", name, got, want)
		}
	}
}

// funcSignatures parses generated files and returns "Recv.Method" (or "Interface.Method") → its signature.
func funcSignatures(t *testing.T, files map[string][]byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	fset := token.NewFileSet()
	for name, src := range files {
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatalf("%s does not parse: %v", name, err)
		}
		text := func(n ast.Node) string {
			return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
		}
		sig := func(ft *ast.FuncType) string {
			s := text(ft.Params)
			if ft.Results != nil {
				s += " " + text(ft.Results)
			}
			return s
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch d := n.(type) {
			case *ast.FuncDecl:
				if d.Recv != nil {
					recv := strings.TrimPrefix(text(d.Recv.List[0].Type), "*")
					out[recv+"."+d.Name.Name] = sig(d.Type)
				}
			case *ast.TypeSpec:
				if it, ok := d.Type.(*ast.InterfaceType); ok {
					for _, m := range it.Methods.List {
						if ft, ok := m.Type.(*ast.FuncType); ok && len(m.Names) == 1 {
							out[d.Name.Name+"."+m.Names[0].Name] = sig(ft)
						}
					}
				}
			}
			return true
		})
	}
	return out
}

package templates

import (
	"bytes"
	"go/format"
	"sort"
	"strings"
	"testing"
)

func TestTypeString(t *testing.T) {
	for _, c := range []struct {
		typ  *Type
		want string
	}{
		{Generic("Optional", Qual("time", "Time")), "Optional[time.Time]"},
		{PointerTo(Generic("Collection", Named("AnyPart"))), "*Collection[AnyPart]"},
		{SliceOf(SliceOf(Named("byte"))), "[][]byte"},
		{Qual("github.com/google/uuid", "UUID"), "uuid.UUID"},
	} {
		if got := c.typ.String(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

// TestSupportIdentifiers checks that the names the support code declares are found, so that the generator keeps
// generated names off them: a type named Client or a constant named Present would not compile.
func TestSupportIdentifiers(t *testing.T) {
	r, err := SupportIdentifiers()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Client", "NewClient", "Optional", "Present", "Some", "Collection", "Error", "Unimplemented", "Date", "GUID", "registerType"} {
		if !r.Package[name] {
			t.Errorf("package-level %s is not reported", name)
		}
	}
	for _, name := range []string{"BaseURL", "HTTPClient", "do", "send"} {
		if !r.Members["Client"][name] {
			t.Errorf("Client's member %s is not reported", name)
		}
	}
	for name := range r.Package {
		if strings.HasPrefix(name, "Test") {
			t.Errorf("%s comes from a test file, which is not copied into generated packages", name)
		}
	}
}

func TestSupportFiles(t *testing.T) {
	files, err := Support("graph", Outputs{Models: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for name, data := range files {
		names = append(names, name)
		if !bytes.HasPrefix(data, []byte("// "+Header+"\n\npackage graph\n")) {
			t.Errorf("%s starts %q", name, data[:min(len(data), 60)])
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "support_client.go" || name == "support_server.go" {
			t.Errorf("models alone should not carry %s", name)
		}
	}
	all, err := Support("graph", Outputs{Models: true, Client: true, Server: true})
	if err != nil {
		t.Fatal(err)
	}
	var allNames []string
	for name := range all {
		allNames = append(allNames, name)
	}
	sort.Strings(allNames)
	if strings.Join(allNames, " ") != strings.Join(SupportFileNames(), " ") {
		t.Errorf("every output gives %v, SupportFileNames says %v", allNames, SupportFileNames())
	}
}

// TestRenderFile renders one struct, one enum and one operation and checks the result is formatted Go with the
// pieces each builder is responsible for.
func TestRenderFile(t *testing.T) {
	id := &Param{Name: "thingID", Route: "id"}
	file := &File{
		Name: "thing.go",
		Structs: []*Struct{{Name: "Thing", FullName: "microsoft.graph.thing", Doc: "Thing is a thing.", Open: true,
			Fields: []*Field{
				{Name: "DisplayName", JSON: "displayName", Type: Generic("Optional", Named("string")), Doc: "The name."},
				{Name: "Tags", JSON: "tags", Type: SliceOf(Named("string")), NonNull: true},
			}}},
		Enums: []*Enum{{Name: "ThingKind", FullName: "microsoft.graph.thingKind", Doc: "ThingKind is a kind.",
			Members: []*EnumMember{{Const: "ThingKindBig", Value: "big"}}}},
		Operations: []*Operation{{Name: "ThingGet", Doc: "ThingGet gets a thing.", Method: "GET",
			Path:   []PathPart{{Literal: "/things/"}, {Param: id, Escape: "pathSegment"}},
			Routes: []string{"/things/{id}"}, Params: []*Param{id},
			Result: Result{Kind: ResultJSON, Type: PointerTo(Named("Thing"))}, Status: 200}},
		Group: &Group{Interface: "ThingServer", Register: "registerThingRoutes", Doc: "ThingServer has things."},
	}
	data, err := RenderFile("graph", file, Outputs{Models: true, Client: true, Server: true})
	if err != nil {
		t.Fatal(err)
	}
	if formatted, err := format.Source(data); err != nil || !bytes.Equal(formatted, data) {
		t.Fatalf("not gofmt'd Go (%v):\n%s", err, data)
	}
	for _, want := range []string{
		"// " + Header,
		"DisplayName Optional[string] `json:\"displayName,omitzero\"`",
		"Tags        []string         `json:\"tags,omitzero\" odata:\"nonnull\"`",
		"func (*Thing) openType() {}",
		`ThingKindBig ThingKind = "big"`,
		`registerType("microsoft.graph.thing", (*Thing)(nil))`,
		`func (c *Client) ThingGet(ctx context.Context, thingID string, opts ...RequestOption) (*Thing, error)`,
		`"/things/" + pathSegment(thingID)`,
		"ThingGet(ctx context.Context, thingID string) (*Thing, error)",
		`return nil, notImplemented("ThingGet")`,
		`pathValue(r, "id")`,
		`}, "/things/{id}")`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the file lacks %s:\n%s", want, data)
		}
	}
	models, err := RenderFile("graph", file, Outputs{Models: true})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(models, []byte("ThingGet")) {
		t.Errorf("a models-only file has the operation:\n%s", models)
	}
}

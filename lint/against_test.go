package lint

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/lint/csdl"
)

const widgetSchema = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="widgetColor">
        <Member Name="red" Value="0" />
        <Member Name="blue" Value="1" />
        <Member Name="unknownFutureValue" Value="2" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="size" Type="Edm.Int64" />
        <Property Name="color" Type="graph.widgetColor" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="createdDateTime" Type="Edm.DateTimeOffset" />
        <Property Name="weight" Type="Edm.Double" />
      </EntityType>
      <ComplexType Name="gadget">
        <Property Name="name" Type="Edm.String" />
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

func TestAgainstSchema(t *testing.T) {
	s, err := csdl.Read(strings.NewReader(widgetSchema), "service.csdl")
	if err != nil {
		t.Fatal(err)
	}
	tree := widgetTree()
	fs := lintPages(t, tree, Options{Schema: s})
	want := []struct {
		rule, file, marker, message string
	}{
		{"schema-property-type", res, "| size | Int32 |", "Edm.Int32 in the docs but Edm.Int64 in the schema"},
		{"schema-property", res, "| Property | Type | Description |", "weight (Edm.Double) of widget is in the service schema"},
		{"schema-enum-member", res, "Possible values are", "member green of widgetColor is documented but not in the service schema"},
		{"schema-enum-member", res, "Possible values are", "member blue of widgetColor is in the service schema but not documented"},
	}
	for _, w := range want {
		line := lineOf(t, tree[w.file], w.marker)
		found := false
		for _, f := range findingsOf(fs, w.rule) {
			if f.Pos.File == w.file && f.Pos.Line == line && strings.Contains(f.Message, w.message) {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s at %s:%d with %q; got:\n%s", w.rule, w.file, line, w.message, dump(fs))
		}
	}
	var gadget *Finding
	for i, f := range fs {
		if f.Rule == "schema-type" && strings.Contains(f.Message, "gadget") {
			gadget = &fs[i]
		}
	}
	if gadget == nil || !gadget.Outside || gadget.Pos.File != "service.csdl" || gadget.Pos.Line != 21 {
		t.Fatalf("want the undocumented gadget at service.csdl:21, got %+v", gadget)
	}
	for _, f := range fs {
		if f.Rule == "schema-base-type" || f.Rule == "schema-type" && !strings.Contains(f.Message, "gadget") {
			t.Errorf("unexpected: %s", f)
		}
	}
}

// Many differences of one kind on one type become one finding; missing navigation properties are notes.
func TestAgainstSchemaGroups(t *testing.T) {
	schema := strings.Replace(widgetSchema, `<Property Name="weight" Type="Edm.Double" />`, `<Property Name="weight" Type="Edm.Double" />
        <Property Name="height" Type="Edm.Double" />
        <Property Name="depth" Type="Edm.Double" />
        <NavigationProperty Name="parts" Type="Collection(graph.entity)" />
        <NavigationProperty Name="owner" Type="graph.entity" />`, 1)
	s, err := csdl.Read(strings.NewReader(schema), "service.csdl")
	if err != nil {
		t.Fatal(err)
	}
	tree := widgetTree()
	tree[res] = mustReplace(t, tree[res], "`red`, `green`, `unknownFutureValue`", "`red`, `green`, `m1`, `m2`, `m3`, `m4`, `m5`, `m6`, `unknownFutureValue`")
	fs := lintPages(t, tree, Options{Schema: s})
	count := func(rule, part string) []Finding {
		var out []Finding
		for _, f := range findingsOf(fs, rule) {
			if strings.Contains(f.Message, part) {
				out = append(out, f)
			}
		}
		return out
	}
	if got := count("schema-enum-member", "documented but not in the service schema"); len(got) != 1 ||
		!strings.Contains(got[0].Message, "7 members of widgetColor") || !strings.Contains(got[0].Message, "green, m1") {
		t.Errorf("want one finding for the 7 members the schema lacks, got:\n%s", dump(got))
	}
	if got := count("schema-enum-member", "blue"); len(got) != 1 {
		t.Errorf("want the one member the docs lack on its own, got:\n%s", dump(got))
	}
	props := count("schema-property", "3 properties of widget are in the service schema but not documented: depth (Edm.Double), height (Edm.Double), weight (Edm.Double)")
	if len(props) != 1 || props[0].Severity != "warning" {
		t.Errorf("want one warning for the 3 missing properties, got:\n%s", dump(findingsOf(fs, "schema-property")))
	}
	nav := count("schema-property", "2 properties of widget are in the service schema but not documented: owner")
	if len(nav) != 1 || nav[0].Severity != "info" || !strings.Contains(nav[0].Message, "Relationships table") {
		t.Errorf("want one note for the 2 missing navigation properties, got:\n%s", dump(findingsOf(fs, "schema-property")))
	}
}

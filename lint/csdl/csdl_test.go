package csdl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="widgetColor">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="widget" BaseType="graph.entity" OpenType="true">
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="color" Type="graph.widgetColor" />
        <NavigationProperty Name="parts" Type="Collection(graph.widget)" />
      </EntityType>
      <Action Name="paint" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.widget" />
        <Parameter Name="color" Type="Edm.String" />
      </Action>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`

func TestRead(t *testing.T) {
	s, err := Read(strings.NewReader(sample), "service.csdl")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Types) != 3 {
		t.Fatalf("want 3 types, got %d", len(s.Types))
	}
	w := s.Lookup("Microsoft.Graph.Widget")
	if w == nil || w.Kind != Entity || !w.Open || w.BaseType != "microsoft.graph.entity" || w.Line != 13 {
		t.Fatalf("widget read wrong: %+v", w)
	}
	if p := s.Property(w, "ID"); p == nil || p.Type != "Edm.String" || p.Nullable == nil || *p.Nullable {
		t.Fatalf("inherited id not found or wrong: %+v", p)
	}
	if p := s.Property(w, "tags"); p == nil || !p.Collection || p.TypeString() != "Collection(Edm.String)" {
		t.Fatalf("tags: %+v", p)
	}
	if p := s.Property(w, "color"); p == nil || p.Type != "microsoft.graph.widgetColor" {
		t.Fatalf("alias not resolved: %+v", p)
	}
	if len(w.NavigationProperties) != 1 || len(w.Properties) != 2 {
		t.Fatalf("action parameters leaked into the type: %+v", w.Properties)
	}
	if e := s.Lookup("microsoft.graph.widgetColor"); e == nil || len(e.Members) != 2 || e.Members[1].Name != "green" || e.Members[1].Line != 7 {
		t.Fatalf("enum: %+v", e)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(strings.NewReader("<edmx:Edmx><Schema"), "bad.csdl"); err == nil || !strings.Contains(err.Error(), "bad.csdl:1:") {
		t.Fatalf("want a positioned error, got %v", err)
	}
	if _, err := Read(strings.NewReader("<root/>"), "empty.xml"); err == nil || !strings.Contains(err.Error(), "no entity, complex or enum types") {
		t.Fatalf("want an error for a document without types, got %v", err)
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.csdl")); err == nil {
		t.Fatal("want an error for a missing file")
	}
}

// TestReadTruth reads the v1.0 service schema beside the checkout, when it is there.
func TestReadTruth(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "truth", "graph-v1.0-2021-07-20.csdl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipping: %s is absent (CI always has it)", path)
	}
	s, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// 507 entity, 518 complex and 323 enum types in three namespaces.
	if len(s.Types) != 507+518+323 {
		t.Fatalf("read %d types", len(s.Types))
	}
	u := s.Lookup("microsoft.graph.user")
	if u == nil || s.Property(u, "displayName") == nil || s.Property(u, "id") == nil {
		t.Fatal("user or its properties are missing")
	}
}

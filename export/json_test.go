package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/modeldiff"
	"github.com/graphdocgen/graphdocgen/parser"
)

func docsInputModel(t testing.TB) []byte {
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReadJSONRefusesNulls: a null where the model holds a value in a list took diff down (nil pointer in
// model.(*Type).FullName via Reindex); now the file is refused, with where.
func TestReadJSONRefusesNulls(t *testing.T) {
	const head = `{"format":"graphdocgen/model/v1",`
	tests := []struct{ in, want string }{
		{head + `"types":[null]}`, "/types/0: null is not an object"},
		{head + `"operations":[null]}`, "/operations/0: null is not an object"},
		{head + `"pages":[null]}`, "/pages/0: null is not an object"},
		{head + `"types":[{"name":"a","properties":[null]}]}`, "/types/0/properties/0: null is not an object"},
		{head + `"types":[{"name":"a","navigationProperties":[{"name":"x"},null]}]}`, "/types/0/navigationProperties/1: null is not an object"},
		{head + `"types":[{"name":"a","members":[null]}]}`, "/types/0/members/0: null is not an object"},
		{head + `"operations":[{"id":"x","paths":[null]}]}`, "/operations/0/paths/0: null is not an object"},
		{head + `"operations":[{"id":"x","examples":[null]}]}`, "/operations/0/examples/0: null is not an object"},
		{head + `"operations":[{"id":"x","requestBody":{"params":[null]}}]}`, "/operations/0/requestBody/params/0: null is not an object"},
		{head + `"types":"user"}`, "/types: a string is not an array"},
		{head + `"types":[{"name":7}]}`, "/types/0/name: a number is not a string"},
		{`[]`, "/: an array is not an object"},
		{`{"types":[`, "unexpected EOF"},
	}
	for _, tt := range tests {
		m, err := ReadJSON([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, %v; want %q", tt.in, m, err, tt.want)
		}
	}
	// Nulls the model holds as nothing are fine: an absent list, an absent request body.
	m, err := ReadJSON([]byte(head + `"types":null,"operations":[{"id":"x","requestBody":null,"paths":null}],"pages":[{"path":"a.md","h1":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	modeldiff.Diff(m, &model.Model{})
}

// TestModelSchemaAcceptsWhatJSONWrites: every model graphdocgen writes passes its schema.
func TestModelSchemaAcceptsWhatJSONWrites(t *testing.T) {
	data := docsInputModel(t)
	if err := validateModelJSON(data); err != nil {
		t.Fatalf("docs-input: %v", err)
	}
	if _, err := ReadJSON(data); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join("..", "..", "shared", "corpus", "graph-docs-2021", "v1.0")
	if _, err := os.Stat(shared); err != nil {
		t.Skip("../shared is absent: the corpus model is not checked")
	}
	if testing.Short() {
		t.Skip("-short: the corpus model is not checked")
	}
	m, err := parser.ParseDir(shared, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if data, err = JSON(m); err != nil {
		t.Fatal(err)
	}
	if err := validateModelJSON(data); err != nil {
		t.Fatalf("v1.0: %v", err)
	}
}

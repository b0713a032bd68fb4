package export

import (
	"path/filepath"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/modeldiff"
	"github.com/graphdocgen/graphdocgen/parser"
)

// FuzzLoadModelJSON: arbitrary bytes as a model file never take the program down. ReadJSON either refuses them or
// gives a model that indexing, diffing (against itself, nothing and a real model) and exporting handle, and whose
// export reads back.
func FuzzLoadModelJSON(f *testing.F) {
	small, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{Include: []string{"resources/user.md", "api/user-get.md"}})
	if err != nil {
		f.Fatal(err)
	}
	smallJSON, err := JSON(small)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(smallJSON)
	for _, s := range []string{
		`{"format":"graphdocgen/model/v1","types":[null]}`,
		`{"format":"graphdocgen/model/v1","operations":[{"id":"a","paths":[null]}]}`,
		`{"format":"graphdocgen/model/v1","types":[{"name":"a","baseType":"a","properties":[{"name":"p","type":{"name":"a","kind":"entity"}}]}]}`,
		`{"format":"graphdocgen/model/v1","operations":[{"id":"a","method":"GET","paths":[{"template":"/a/{id}","params":[{"name":"id"}]}],"examples":[{"json":{"a":[1,null]}}]}]}`,
		`{"pages":[{"path":"a.md","frontMatter":{"fields":[{"key":"k"}]}}],"diagnostics":[{"pos":"a.md:1:2"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadJSON(data)
		if err != nil {
			return
		}
		m.Reindex()
		for _, other := range []*model.Model{m, {}, small} {
			modeldiff.Summarize(modeldiff.Diff(other, m))
			modeldiff.Diff(m, other)
		}
		CSDL(m)
		out, err := JSON(m)
		if err != nil {
			t.Fatalf("the model read does not write: %v", err)
		}
		if _, err := ReadJSON(out); err != nil {
			t.Fatalf("the model written does not read back: %v", err)
		}
	})
}

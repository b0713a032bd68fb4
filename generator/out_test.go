package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// TestOutIsFresh regenerates the package of docs-input/ as `make generate` does and wants out/ to hold exactly
// that: the committed package is what the docs and the generator give now. Hand-written tests in out/ (*_test.go)
// are not the generator's and are left out of the comparison.
func TestOutIsFresh(t *testing.T) {
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Generate(m, Options{Package: "out"})
	if err != nil {
		t.Fatal(err)
	}
	have, err := goldenReadDir(filepath.Join("..", "out"), ".go")
	if err != nil {
		t.Fatal(err)
	}
	for name := range have {
		if strings.HasSuffix(name, "_test.go") {
			delete(have, name)
		}
	}
	if report := compareFileSets(want, have); report != "" {
		t.Errorf("out/ is stale: run make generate (it removes extra generated files; an extra file "+
			"without the generated header is someone's own and must be deleted or renamed *_test.go by hand).\n%s", report)
	}
}

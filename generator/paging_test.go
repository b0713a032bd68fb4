package generator

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

func TestIsDeltaPath(t *testing.T) {
	for template, want := range map[string]bool{
		"/users/delta":                       true,
		"/users/delta()":                     true,
		"/me/drive/root/delta()/":            true,
		"/groups/microsoft.graph.delta()":    true,
		"/users/{id}/mailFolders/Delta":      true,
		"/users":                             false,
		"/users/{id}/deltaSync":              false,
		"/drives/{id}/root/delta(token='x')": false, // a function call with an argument is documented as its own path
		"/deltas":                            false,
	} {
		if got := isDeltaPath(template); got != want {
			t.Errorf("%s: %v, want %v", template, got, want)
		}
	}
}

// TestCorpusIterators plans the v1.0 corpus and checks that every client method answering a collection page, at
// every documented path, has its iterator, and that no other method has one. It logs the figures.
func TestCorpusIterators(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: parses the v1.0 corpus")
	}
	m, err := parser.ParseDir(filepath.Join(corpusShared(t), "corpus", "graph-docs-2021", "v1.0"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlan(m, Options{Package: corpusPackage})
	if err != nil {
		t.Fatal(err)
	}
	var ops, collections, methods, iterators, deltas int
	for _, f := range p.files {
		for _, spec := range f.Operations {
			ops++
			collection := isCollectionResult(spec.Result)
			if collection {
				collections++
			}
			if collection != (spec.All != "") || spec.Delta && !collection {
				t.Errorf("%s: a %s answer, iterator %q, delta %v", spec.Name, spec.Result.Type, spec.All, spec.Delta)
			}
			if spec.Delta {
				deltas++
			}
			for _, all := range append([]string{spec.All}, variantIterators(spec.Variants)...) {
				if collection {
					methods++
				}
				if all != "" {
					iterators++
					if !strings.HasSuffix(all, "All") {
						t.Errorf("%s: iterator %s", spec.Name, all)
					}
				}
			}
		}
	}
	if collections == 0 || iterators != methods {
		t.Errorf("%d operations answer a collection, %d client methods, %d iterators", collections, methods, iterators)
	}
	t.Logf("v1.0: %d of %d operations answer a collection page (%.1f%%), each with an iterator; %d iterators in all "+
		"(one per documented path, for %d client methods that answer a page); %d delta functions take the deltaLink",
		collections, ops, 100*float64(collections)/float64(ops), iterators, methods, deltas)
}

func variantIterators(vs []*templates.Variant) []string {
	var names []string
	for _, v := range vs {
		names = append(names, v.All)
	}
	return names
}

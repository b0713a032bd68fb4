package parser

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
)

// TestCorpus reads every page of ../shared/corpus: the 2021 corpus, both versions, and the current-format
// sample. No page may make the parser fail, and every resource, enum and method page must yield model elements
// or diagnostics.
func TestCorpus(t *testing.T) {
	s := sharedDir(t)
	roots := map[string]struct{ pages, types, ops int }{
		"graph-docs-2021/v1.0":        {3341, 1300, 2050},
		"graph-docs-2021/beta":        {7948, 3100, 4900},
		"graph-docs-2026-sample/v1.0": {129, 380, 55},
		"graph-docs-2026-sample/beta": {16, 5, 5},
	}
	for root, min := range roots {
		t.Run(root, func(t *testing.T) {
			m, err := ParseDir(filepath.Join(s, "corpus", root), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Pages) < min.pages || len(m.Types) < min.types || len(m.Operations) < min.ops {
				t.Errorf("read %d pages, %d types, %d operations; want at least %d, %d, %d", len(m.Pages), len(m.Types), len(m.Operations), min.pages, min.types, min.ops)
			}
			withDiag := map[string]bool{}
			for _, d := range m.Diagnostics {
				withDiag[d.Pos.File] = true
				if d.Rule == "internal" {
					t.Errorf("parser failure: %s", d)
				}
				if d.Pos.Line < 0 || d.Pos.File == "" {
					t.Errorf("diagnostic without a position: %s", d)
				}
			}
			empty := 0
			for _, p := range m.Pages {
				switch p.Kind {
				case model.PageAPI, model.PageResource, model.PageEnum:
					if len(p.Types) == 0 && len(p.Operations) == 0 && !withDiag[p.Path] {
						empty++
						if empty <= 10 {
							t.Errorf("%s (%s) yields no type, no operation and no diagnostic", p.Path, p.Kind)
						}
					}
				}
			}
			for _, ty := range m.Types {
				if ty.Pos.File == "" || ty.Pos.Line == 0 {
					t.Errorf("type %s has no position", ty.FullName())
				}
				for _, p := range append(append([]*model.Property{}, ty.Properties...), ty.NavigationProperties...) {
					if p.Pos.Line == 0 {
						t.Errorf("property %s.%s has no position", ty.FullName(), p.Name)
					}
				}
			}
			for _, o := range m.Operations {
				if o.Pos.Line == 0 || len(o.Paths) == 0 {
					t.Errorf("operation %s has no position or path", o.ID)
				}
			}
		})
	}
}

// TestFidelity scores the CSDL exported from the v1.0 corpus against the service's schema with
// ../shared/bench/fidelity.py, and holds the figures at the levels reached (see the README).
func TestFidelity(t *testing.T) {
	s := sharedDir(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: skipping the fidelity score")
	}
	docs := filepath.Join(s, "corpus", "graph-docs-2021", "v1.0")
	m, err := ParseDir(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	csdl := filepath.Join(t.TempDir(), "v1.0.csdl")
	if err := os.WriteFile(csdl, export.CSDL(m), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, filepath.Join(s, "bench", "fidelity.py"), filepath.Join(s, "truth", "graph-v1.0-2021-07-20.csdl"), csdl, "--docs", docs).CombinedOutput()
	if err != nil {
		t.Fatalf("fidelity.py: %v\n%s", err, out)
	}
	t.Logf("\n%s", out)
	figure := func(re string) float64 {
		m := regexp.MustCompile(re).FindSubmatch(out)
		if m == nil {
			t.Fatalf("no %q in the fidelity output", re)
		}
		f, _ := strconv.ParseFloat(string(m[1]), 64)
		return f
	}
	checks := []struct {
		name    string
		re      string
		atLeast float64
	}{
		{"property F1", `property-f1: ([0-9.]+)`, 0.97},
		{"types found (%)", `reference types found \(([0-9.]+)%\)`, 97},
		{"property types (%)", `same type \(([0-9.]+)%\)`, 95},
		// The enum-member F1 is held where it stands: the docs list 791 printerProcessingStateDetail members the
		// 2021-07-20 service schema does not have yet (see the README); without that enum it is 0.98.
		{"enum-member recall", `enum-members: precision [0-9.]+ recall ([0-9.]+)`, 0.97},
	}
	for _, c := range checks {
		if got := figure(c.re); got < c.atLeast {
			t.Errorf("%s = %v, want at least %v", c.name, got, c.atLeast)
		}
	}
}

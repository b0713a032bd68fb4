package generator

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// TestSeedsAndCraftedVet generates a package for each seed page in ../shared/seeds (scraped and hand-written
// pages, .md and .txt) and for the crafted model, writes them into one temporary module with no dependencies,
// and runs go vet on it: the generated code must compile on its own, with the standard library only.
func TestSeedsAndCraftedVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet in a temporary module")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command on PATH: %v", err)
	}
	mod := t.TempDir()
	write := func(rel string, data []byte) {
		t.Helper()
		path := filepath.Join(mod, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module x\n\ngo 1.24\n"))
	generate := func(pkg string, m *model.Model) {
		t.Helper()
		files, err := Generate(m, Options{Package: pkg})
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		checkGeneratedFiles(t, files)
		for name, data := range files {
			write(pkg+"/"+name, data)
		}
	}
	generate("crafted", craftedModel())

	seeds := seedPages(t)
	for i, page := range seeds {
		m, err := parser.ParseDir(filepath.Dir(page), parser.Options{Include: []string{filepath.Base(page)}})
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		if len(m.Pages) != 1 || len(m.Operations) == 0 {
			t.Fatalf("%s: read %d pages and %d operations, want the page and its operation", page, len(m.Pages), len(m.Operations))
		}
		generate(fmt.Sprintf("seed%d", i), m)
	}

	cmd := exec.Command(goTool, "vet", "./...")
	cmd.Dir = mod
	// The module needs nothing from the network; the build cache is the user's, so repeated runs are quick.
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet ./... in the generated module failed: %v\n%s\n(seeds: %s)", err, out, strings.Join(seeds, ", "))
	}
}

// seedPages lists the seed pages, skipping the test when ../shared is not beside the project.
func seedPages(t *testing.T) []string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared", "seeds"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("no seeds at %s (%v): ../shared is not beside the project; skipping the seeds' vet", dir, err)
	}
	var pages []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".md" || ext == ".txt") {
			pages = append(pages, filepath.Join(dir, e.Name()))
		}
	}
	if len(pages) != 5 {
		t.Fatalf("want the five seed pages in %s, found %d", dir, len(pages))
	}
	return pages
}

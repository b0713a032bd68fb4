package lint

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// lintSeeds lints the five seed pages as one tree, the way `graphdocgen lint --docs ../shared/seeds --include
// '*.txt'` does.
func lintSeeds(t *testing.T) (map[string][]Finding, []string) {
	dir := filepath.Join(sharedDir(t), "seeds")
	m, err := parser.ParseDir(dir, parser.Options{Include: []string{"*.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]Finding{}
	for _, f := range Run(m, Options{FS: os.DirFS(dir)}) {
		byFile[f.Pos.File] = append(byFile[f.Pos.File], f)
	}
	var names []string
	for _, p := range m.Pages {
		names = append(names, p.Path)
	}
	return byFile, names
}

// TestSeedsGolden lists every finding of each seed; run with -update to rewrite testdata/seeds/*.golden after
// a deliberate change, and review the diff.
func TestSeedsGolden(t *testing.T) {
	byFile, names := lintSeeds(t)
	if len(names) != 5 {
		t.Fatalf("want the five seeds, got %v", names)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, "text", byFile[name], WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "seeds", strings.TrimSuffix(name, ".txt")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./lint -run TestSeedsGolden -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("findings of %s differ from %s (rerun with -update if the change is intended)\n--- got\n%s--- want\n%s", name, golden, got, want)
			}
		})
	}
}

// TestSeedDefects checks every defect found by reading the seeds line by line (testdata/seeds/REVIEW.md), each
// at its line, independently of the golden files.
func TestSeedDefects(t *testing.T) {
	byFile, _ := lintSeeds(t)
	const (
		s000 = "000_26214b3fa4b7bdd1.txt"
		s001 = "001_a2d0fcfc9932b485.txt"
		s002 = "002_ad035e8cdb83e60f.txt"
		s003 = "003_c3de2e332aee1308.txt"
		s004 = "004_24ad20879d6ddd78.txt"
	)
	want := []struct {
		file string
		line int
		rule string
	}{
		// 000: see testdata/seeds/REVIEW.md.
		{s000, 4, "todo"}, {s000, 6, "todo"}, {s000, 22, "todo"}, {s000, 23, "todo"}, {s000, 24, "todo"},
		{s000, 49, "read-only-in-create"}, {s000, 49, "todo"}, {s000, 50, "type-namespace"}, {s000, 50, "todo"},
		{s000, 51, "todo"}, {s000, 73, "odata-type"}, {s000, 79, "placeholder-value"}, {s000, 89, "odata-type"},
		{s000, 97, "odata-type"}, {s000, 104, "placeholder-value"},
		// 001: see testdata/seeds/REVIEW.md.
		{s001, 3, "empty-description"}, {s001, 5, "template-leftover"}, {s001, 22, "permissions-header"},
		{s001, 24, "empty-permission"}, {s001, 25, "empty-permission"}, {s001, 26, "empty-permission"},
		{s001, 35, "empty-http-block"}, {s001, 48, "malformed-link"}, {s001, 58, "empty-description"},
		{s001, 59, "empty-description"}, {s001, 60, "empty-description"}, {s001, 61, "read-only-in-create"},
		{s001, 62, "empty-description"}, {s001, 63, "empty-description"}, {s001, 64, "empty-description"},
		{s001, 65, "empty-description"}, {s001, 66, "empty-description"}, {s001, 84, "http-blank-line"},
		{s001, 90, "placeholder-value"}, {s001, 91, "placeholder-value"}, {s001, 92, "placeholder-value"},
		{s001, 93, "placeholder-value"}, {s001, 94, "placeholder-value"}, {s001, 95, "placeholder-value"},
		{s001, 99, "placeholder-value"}, {s001, 100, "placeholder-value"}, {s001, 101, "placeholder-value"},
		{s001, 102, "placeholder-value"}, {s001, 107, "placeholder-value"}, {s001, 108, "placeholder-value"},
		{s001, 121, "odata-type"}, {s001, 121, "odata-type"}, {s001, 126, "status-line"}, {s001, 127, "http-blank-line"},
		{s001, 129, "http-blank-line"}, {s001, 130, "value-wrapper"}, {s001, 132, "placeholder-value"},
		{s001, 133, "placeholder-value"}, {s001, 134, "placeholder-value"}, {s001, 135, "placeholder-value"},
		{s001, 136, "placeholder-value"}, {s001, 137, "placeholder-value"}, {s001, 138, "placeholder-value"},
		{s001, 142, "placeholder-value"}, {s001, 143, "placeholder-value"}, {s001, 144, "placeholder-value"},
		{s001, 145, "placeholder-value"}, {s001, 150, "placeholder-value"}, {s001, 151, "placeholder-value"},
		// 002: see testdata/seeds/REVIEW.md.
		{s002, 48, "request-line"}, {s002, 49, "content-length"}, {s002, 54, "json-syntax"}, {s002, 66, "odata-type"},
		{s002, 74, "json-syntax"},
		// 003: see testdata/seeds/REVIEW.md.
		{s003, 4, "todo"}, {s003, 6, "todo"}, {s003, 22, "todo"}, {s003, 23, "todo"}, {s003, 24, "todo"},
		{s003, 49, "read-only-in-create"}, {s003, 49, "todo"}, {s003, 50, "todo"}, {s003, 51, "todo"}, {s003, 52, "todo"},
		{s003, 74, "odata-type"}, {s003, 75, "placeholder-value"}, {s003, 76, "placeholder-value"},
		{s003, 77, "placeholder-value"}, {s003, 87, "odata-type"}, {s003, 95, "odata-type"},
		{s003, 97, "placeholder-value"}, {s003, 98, "placeholder-value"}, {s003, 99, "placeholder-value"},
		// 004: see testdata/seeds/REVIEW.md.
		{s004, 14, "missing-permissions"}, {s004, 29, "path-parameter"}, {s004, 49, "value-format"},
	}
	for _, w := range want {
		found := false
		for _, f := range byFile[w.file] {
			if f.Pos.Line == w.line && f.Rule == w.rule {
				found = true
			}
		}
		if !found {
			t.Errorf("want %s at %s:%d; the page's findings:\n%s", w.rule, w.file, w.line, dump(byFile[w.file]))
		}
	}
	// Every finding is one of the defects found by hand: none of the seeds' findings is false.
	type key struct {
		file string
		line int
		rule string
	}
	known := map[key]bool{}
	for _, w := range want {
		known[key{w.file, w.line, w.rule}] = true
	}
	for file, fs := range byFile {
		for _, f := range fs {
			if !known[key{file, f.Pos.Line, f.Rule}] {
				t.Errorf("%s: a finding the hand review did not find (add it to REVIEW.md and here, or fix the rule): %s", file, f)
			}
		}
	}
	// The seeds are single pages: their ../resources/ links point outside the tree and cannot be checked, and
	// the types they name are not documented here, which says nothing about the docs.
	for file, fs := range byFile {
		for _, f := range fs {
			switch f.Rule {
			case "broken-link", "unresolved-type", "unresolved-odata-type", "link-case":
				t.Errorf("%s: a single-page tree cannot tell: %s", file, f)
			}
		}
	}
}

package generator

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenDir holds the expected output for the crafted model, one file per generated file, named <file>.golden so
// that Go tools do not read them as sources. Support files are not pinned: they are copies of templates/support,
// tested there.
var goldenDir = filepath.Join("testdata", "golden", "crafted")

// TestGoldenCrafted pins the generated package of the crafted model file by file.
func TestGoldenCrafted(t *testing.T) {
	files, err := Generate(craftedModel(), Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for name, data := range files {
		if !strings.HasPrefix(name, "support_") {
			got[name+".golden"] = data
		}
	}
	if *updateGolden {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, data := range got {
			if err := os.WriteFile(filepath.Join(goldenDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want, err := goldenReadDir(goldenDir, ".golden")
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run TestGoldenCrafted -update to create the golden files)", err)
	}
	if report := compareFileSets(want, got); report != "" {
		t.Errorf("the generated package differs from %s; run go test ./generator -run TestGoldenCrafted -update if the "+
			"change is intended.\n%s", goldenDir, report)
	}
}

// goldenReadDir reads the files of dir whose names end with suffix (not recursively).
func goldenReadDir(dir, suffix string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), suffix) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = data
	}
	return out, nil
}

// compareFileSets lists the files that differ, are missing from have or are extra in it, with the first differing
// lines of each; "" when the sets are equal.
func compareFileSets(want, have map[string][]byte) string {
	var stale, missing, extra []string
	for name, w := range want {
		h, ok := have[name]
		switch {
		case !ok:
			missing = append(missing, name)
		case !bytes.Equal(w, h):
			stale = append(stale, name+"\n"+goldenLineDiff(string(w), string(h), 10))
		}
	}
	for name := range have {
		if _, ok := want[name]; !ok {
			extra = append(extra, name)
		}
	}
	if len(stale)+len(missing)+len(extra) == 0 {
		return ""
	}
	sort.Strings(stale)
	sort.Strings(missing)
	sort.Strings(extra)
	var b strings.Builder
	list := func(title string, names []string) {
		if len(names) > 0 {
			fmt.Fprintf(&b, "%s (%d):\n  %s\n", title, len(names), strings.Join(names, "\n  "))
		}
	}
	list("differ", stale)
	list("missing", missing)
	list("extra", extra)
	return b.String()
}

// goldenLineDiff shows up to max lines that differ, with line numbers.
func goldenLineDiff(want, got string, max int) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "    line %d\n      want: %s\n      got:  %s\n", i+1, wl, gl)
			if n++; n == max {
				b.WriteString("    ...\n")
				break
			}
		}
	}
	return b.String()
}

// TestDeterministic generates twice from models parsed separately (so map orders and pointers differ) and wants
// byte-identical files.
func TestDeterministic(t *testing.T) {
	gen := func() map[string][]byte {
		m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		files, err := Generate(m, Options{Package: "out"})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	first, second := gen(), gen()
	if report := compareFileSets(first, second); report != "" {
		t.Errorf("two runs on docs-input differ:\n%s", report)
	}
	a, err := Generate(craftedModel(), Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(craftedModel(), Options{Package: "widgets"})
	if err != nil {
		t.Fatal(err)
	}
	if report := compareFileSets(a, b); report != "" {
		t.Errorf("two runs on the crafted model differ:\n%s", report)
	}
}

var (
	headerLine = "// " + templates.Header + "\n"
	// Things a generated file must not carry: where it was generated and when.
	localPath = regexp.MustCompile(`(/home/|/Users/|/tmp/|/work/|[A-Z]:\\\\|` + regexp.QuoteMeta(mustGetwd()) + `)`)
	timestamp = regexp.MustCompile(`\b(19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d`)
)

const goLayoutDate = "2006-01-02"

func mustGetwd() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Dir(wd) // the module root
}

// checkGeneratedFiles checks what every generated file must be: headed, gofmt'd, free of local paths and time
// stamps, a .go file at the top of the package, and never a test file (out/ keeps hand-written tests).
func checkGeneratedFiles(t *testing.T, files map[string][]byte) {
	t.Helper()
	if len(files) == 0 {
		t.Fatal("nothing generated")
	}
	for name, data := range files {
		if !strings.HasSuffix(name, ".go") || strings.ContainsAny(name, `/\`) {
			t.Errorf("%s: generated files are .go files in the package directory", name)
		}
		if strings.HasSuffix(name, "_test.go") {
			t.Errorf("%s: the generator must not write test files; out/ keeps hand-written ones", name)
		}
		if !bytes.HasPrefix(data, []byte(headerLine)) {
			first, _, _ := bytes.Cut(data, []byte("\n"))
			t.Errorf("%s starts with %q, want %q", name, first, strings.TrimSpace(headerLine))
		}
		if formatted, err := format.Source(data); err != nil {
			t.Errorf("%s does not parse: %v", name, err)
		} else if !bytes.Equal(formatted, data) {
			t.Errorf("%s is not gofmt'd:\n%s", name, goldenLineDiff(string(formatted), string(data), 5))
		}
		if m := localPath.Find(data); m != nil {
			t.Errorf("%s holds a local path: %q", name, m)
		}
		for _, m := range timestamp.FindAll(data, -1) {
			if !bytes.HasPrefix(m, []byte(goLayoutDate)) { // Go's reference time, in time layouts, is no stamp
				t.Errorf("%s holds a time stamp: %q", name, m)
			}
		}
	}
}

func TestGeneratedFilesAreClean(t *testing.T) {
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []Outputs{{}, {Models: true}, {Client: true}, {Server: true}} {
		t.Run(fmt.Sprintf("docs-input %+v", out), func(t *testing.T) {
			files, err := Generate(m, Options{Package: "out", Outputs: out})
			if err != nil {
				t.Fatal(err)
			}
			checkGeneratedFiles(t, files)
		})
	}
	t.Run("crafted", func(t *testing.T) {
		files, err := Generate(craftedModel(), Options{Package: "widgets"})
		if err != nil {
			t.Fatal(err)
		}
		checkGeneratedFiles(t, files)
	})
}

// TestOutputsSelectParts checks that --emit keeps what it names: models alone have no Client or Server, the client
// has no handler, the server no Client.
func TestOutputsSelectParts(t *testing.T) {
	for _, c := range []struct {
		out         Outputs
		has, hasNot []string
	}{
		{Outputs{Models: true}, []string{"type Widget struct"}, []string{"func (c *Client)", "type Server interface", "func NewHandler"}},
		{Outputs{Client: true}, []string{"type Widget struct", "func (c *Client) GetWidget("}, []string{"type Server interface", "func NewHandler"}},
		{Outputs{Server: true}, []string{"type Widget struct", "type Server interface", "func NewHandler"}, []string{"func (c *Client)"}},
	} {
		files, err := Generate(craftedModel(), Options{Package: "widgets", Outputs: c.out})
		if err != nil {
			t.Fatal(err)
		}
		var all bytes.Buffer
		for _, data := range files {
			all.Write(data)
		}
		for _, s := range c.has {
			if !bytes.Contains(all.Bytes(), []byte(s)) {
				t.Errorf("%+v: the package lacks %q", c.out, s)
			}
		}
		for _, s := range c.hasNot {
			if bytes.Contains(all.Bytes(), []byte(s)) {
				t.Errorf("%+v: the package has %q", c.out, s)
			}
		}
	}
}

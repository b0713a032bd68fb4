package parser

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphdocgen/graphdocgen/model"
)

// page reads one page from text; lines of src are dedented by the common leading tab so tests can indent pages.
func page(t *testing.T, path, src string) *pageResult {
	t.Helper()
	return readPage(path, []byte(src))
}

// docs reads several pages as one docs tree.
func docs(t *testing.T, pages map[string]string) *model.Model {
	t.Helper()
	m := map[string][]byte{}
	for p, s := range pages {
		m[p] = []byte(s)
	}
	return ParsePages(m, nil)
}

// hasDiag reports whether a diagnostic with rule sits on line (0: any line).
func hasDiag(ds []model.Diagnostic, rule string, line int) bool {
	for _, d := range ds {
		if d.Rule == rule && (line == 0 || d.Pos.Line == line) {
			return true
		}
	}
	return false
}

func diagList(ds []model.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func fm(docType string) string {
	return "---\ntitle: \"x\"\ndescription: \"x\"\nauthor: \"me\"\ndoc_type: " + docType + "\n---\n"
}

// lineOf returns the 1-based line of the first line of src that contains needle.
func lineOf(t *testing.T, src, needle string) int {
	t.Helper()
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, needle) {
			return i + 1
		}
	}
	t.Fatalf("%q not in the page", needle)
	return 0
}

// mapFS makes an in-memory docs tree.
func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for p, s := range files {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

// mustReplace replaces old by new in s once, failing when old is not there.
func mustReplace(t testing.TB, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q is not in the page", old)
	}
	return strings.Replace(s, old, new, 1)
}

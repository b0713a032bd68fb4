package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGenerateRefusesOutAmongPages: --out the docs folder wrote .go files among the pages without a word.
func TestGenerateRefusesOutAmongPages(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	copyTree(t, docsInput, docs)
	before := dirFiles(t, docs)
	for _, tt := range []struct{ out, want string }{
		{docs, "--out " + docs + " is the docs root " + docs + ": the generated .go files would be written among the pages"},
		{filepath.Join(docs, "resources"), "--out " + filepath.Join(docs, "resources") + " holds pages being read (" + filepath.Join(docs, "resources") + ")"},
		{filepath.Join(docs, ".", "api", ".."), "--out " + filepath.Join(docs, ".", "api", "..") + " is the docs root"},
	} {
		for _, check := range []bool{false, true} {
			args := []string{"generate", "--docs", docs, "--out", tt.out, "--package", "graph"}
			if check {
				args = append(args, "--check")
			}
			code, stdout, stderr := runGraphdocgen(t, args...)
			if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, "graphdocgen generate: "+tt.want) {
				t.Errorf("--out %s (check %v): exit %d, stderr %q; want %q", tt.out, check, code, stderr, tt.want)
			}
		}
	}
	// Through a link to the docs folder, and with a single page as the docs root.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(docs, link); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(docs, "resources", "user.md")
	for _, args := range [][]string{
		{"generate", "--docs", docs, "--out", link, "--package", "graph"},
		{"generate", "--docs", page, "--out", filepath.Dir(page), "--package", "graph"},
	} {
		if code, _, stderr := runGraphdocgen(t, args...); code != ExitUsage || !strings.Contains(stderr, "among the pages") && !strings.Contains(stderr, "holds pages being read") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if after := dirFiles(t, docs); strings.Join(after, " ") != strings.Join(before, " ") {
		t.Errorf("the docs folder changed: %v", after)
	}
	// A folder of its own inside the docs tree is fine.
	generateInto(t, docs, filepath.Join(docs, "graph"))
}

// TestGenerateRemovesOnlyGoFiles: a file of another kind that starts with the generated header (NOTES.txt) is not
// graphdocgen's to remove.
func TestGenerateRemovesOnlyGoFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	notes := generatedHeader + "\nmy notes, with the header pasted in\n"
	writeFiles(t, out, map[string]string{"NOTES.txt": notes, "gone.go": generatedHeader + "\n\npackage graph\n"})
	summary := generateInto(t, docsInput, out, "-v")
	if strings.Contains(summary, "NOTES.txt") || !strings.Contains(summary, "removed "+filepath.Join(out, "gone.go")) {
		t.Errorf("summary %q", summary)
	}
	if data, err := os.ReadFile(filepath.Join(out, "NOTES.txt")); err != nil || string(data) != notes {
		t.Errorf("NOTES.txt: %q, %v", data, err)
	}
	code, stdout, _ := runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--check")
	if code != ExitOK || stdout != "" {
		t.Errorf("--check: exit %d, %q", code, stdout)
	}
}

// TestGenerateLeavesNonRegularFiles: a named pipe where a generated file goes is neither read (which blocks) nor
// replaced.
func TestGenerateLeavesNonRegularFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(out, "user.go")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes:", err)
	}
	code, _, stderr := runWithin(t, 30*time.Second, "generate", "--docs", docsInput, "--out", out)
	if code != ExitUsage || !strings.Contains(stderr, fifo+" is a named pipe, not a file graphdocgen wrote") {
		t.Errorf("exit %d, %s", code, stderr)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced")
	}
}

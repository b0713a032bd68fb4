package gitdiff

import (
	"path/filepath"
	"testing"
)

// A `git diff -U0` of an edit, an addition, a deletion, a new file, a deleted file and a quoted name.
const sampleDiff = `diff --git a/docs/api/a.md b/docs/api/a.md
index 1111111..2222222 100644
--- a/docs/api/a.md
+++ b/docs/api/a.md
@@ -14 +14 @@ Namespace: microsoft.graph
-old
+new
@@ -40,0 +41,3 @@ text
+x
+y
+z
@@ -90,2 +92,0 @@ text
-gone
-gone
diff --git a/docs/api/new.md b/docs/api/new.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/docs/api/new.md
@@ -0,0 +1,2 @@
+a
+b
diff --git a/docs/api/old.md b/docs/api/old.md
deleted file mode 100644
index 4444444..0000000
--- a/docs/api/old.md
+++ /dev/null
@@ -1 +0,0 @@
-a
diff --git "a/docs/api/tab\there.md" "b/docs/api/tab\there.md"
index 5555555..6666666 100644
--- "a/docs/api/tab\there.md"
+++ "b/docs/api/tab\there.md"
@@ -3 +3 @@
-q
+r
`

func TestParse(t *testing.T) {
	root := t.TempDir()
	c := &Changes{Root: root, files: map[string]*fileChange{}}
	if err := c.parse([]byte(sampleDiff)); err != nil {
		t.Fatal(err)
	}
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	for _, tt := range []struct {
		file string
		line int
		want bool
	}{
		{"docs/api/a.md", 14, true},
		{"docs/api/a.md", 13, false},
		{"docs/api/a.md", 15, false},
		{"docs/api/a.md", 41, true},
		{"docs/api/a.md", 43, true},
		{"docs/api/a.md", 44, false},
		{"docs/api/a.md", 92, false}, // a deletion adds no line
		{"docs/api/a.md", 0, false},
		{"docs/api/new.md", 0, true}, // a new file is new as a whole
		{"docs/api/new.md", 7, true},
		{"docs/api/old.md", 1, false},
		{"docs/api/tab\there.md", 3, true},
		{"docs/api/other.md", 1, false},
	} {
		if got := c.Line(at(tt.file), tt.line); got != tt.want {
			t.Errorf("%s:%d changed = %v, want %v", tt.file, tt.line, got, tt.want)
		}
	}
	if c.Files() != 3 || !c.File(at("docs/api/a.md")) || c.File(at("docs/api/old.md")) || c.File(filepath.Join(filepath.Dir(root), "elsewhere.md")) {
		t.Errorf("files: %d, %v", c.Files(), c.files)
	}
}

func TestHunkSpanErrors(t *testing.T) {
	for _, h := range []string{"@@ -1 @@", "@@ -1 +x @@", "@@ -1 +3,y @@"} {
		if _, err := hunkSpan(h); err == nil {
			t.Errorf("%q: no error", h)
		}
	}
}

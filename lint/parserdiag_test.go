package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The bytes the parser cleans from a page are findings at their line and column, under the parser's rule ids,
// and the rest of the page is linted as before.
func TestBadBytesAreFindings(t *testing.T) {
	tests := []struct {
		name, bad, rule string
	}{
		{"nul", "\x00", "control-character"},
		{"invalid byte", "\xff", "invalid-utf8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tree := widgetTree()
			tree["resources/widget.md"] = mustReplace(t, tree["resources/widget.md"], "| The size in units. |", "| The size"+tc.bad+" in units. |")
			fs := lintPages(t, tree, Options{})
			line := lineOf(t, tree["resources/widget.md"], "The size")
			got := findingsOf(fs, tc.rule)
			if len(got) != 1 || got[0].Pos.File != "resources/widget.md" || got[0].Pos.Line != line || got[0].Pos.Col != strings.Index("| size | Int32 | The size", "The size")+len("The size")+1 {
				t.Fatalf("want one %s finding at resources/widget.md:%d, got:\n%s", tc.rule, line, dump(fs))
			}
			// The U+FFFD the parser put there is that finding, not also a replacement-char one.
			if r := findingsOf(fs, "replacement-char"); len(r) > 0 {
				t.Fatalf("the cleaned byte is reported twice:\n%s", dump(r))
			}
			if c := findingsOf(fs, "internal"); len(c) > 0 {
				t.Fatalf("page not read:\n%s", dump(c))
			}
		})
	}
	// A replacement character written in the page is still one.
	tree := widgetTree()
	tree["resources/widget.md"] = mustReplace(t, tree["resources/widget.md"], "| The size in units. |", "| The size\xff in units \uFFFD. |")
	fs := lintPages(t, tree, Options{})
	before := "| size | Int32 | The size\uFFFD in units " // as the page reads once cleaned
	if r := findingsOf(fs, "replacement-char"); len(r) != 1 || r[0].Pos.Col != utf8.RuneCountInString(before)+1 {
		t.Fatalf("want one replacement-char finding at the written U+FFFD, got:\n%s", dump(fs))
	}
}

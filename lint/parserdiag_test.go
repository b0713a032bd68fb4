package lint

import (
	"strings"
	"testing"
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
			if c := findingsOf(fs, "internal"); len(c) > 0 {
				t.Fatalf("page not read:\n%s", dump(c))
			}
		})
	}
}

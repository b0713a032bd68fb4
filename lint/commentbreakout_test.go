package lint

import (
	"strings"
	"testing"
)

// TestCommentBreakout changes the clean tree so that text reaching a generated comment holds a comment delimiter
// — issue 10's reproduction among them — and wants comment-breakout at the delimiter; text that never reaches the
// generated code (a JSON example) is no finding.
func TestCommentBreakout(t *testing.T) {
	const injection = `/* */ X int }; func init() { println("INJECTED") }; type Injected struct { //`
	for _, c := range []ruleCase{
		{name: "issue 10's property description", page: res, old: "| size | Int32 | The size in units. |",
			new: "| size | Int32 | " + injection + " |", marker: "/* */ X int", message: `the description of size holds "/*"`},
		{name: "a closing delimiter in a type description", page: res, old: "A widget. Inherits from",
			new: "A widget */ func init() { panic(0) } /*. Inherits from", marker: "A widget */", message: `holds "*/"`},
		{name: "an operation description", page: api, old: "Create a [widget](../resources/widget.md). See",
			new: "Create a [widget](../resources/widget.md) */ func init() {} /*. See", marker: "*/ func init"},
		{name: "a request-body parameter", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
			new: "| size | Int32 | The size */ in units. |\n\n## Response", marker: "The size */"},
		{name: "a delimiter split by a code span", page: res, old: "| size | Int32 | The size in units. |",
			new: "| size | Int32 | The size *`/` in units. |", marker: "The size *`/`", message: `holds "*/"`},
		{name: "a path", page: api, old: "```http\nPOST /widgets\n```", new: "```http\nPOST /widgets?$filter=a*/b\n```", marker: "POST /widgets?$filter=a*/b",
			message: "the path"},
		{name: "a JSON example does not reach the code", page: res, old: `"tags": ["String"],`,
			new: `"tags": ["String"], /* relationships */`, absent: true},
		{name: "a lone star or slash is fine", page: res, old: "| size | Int32 | The size in units. |",
			new: "| size | Int32 | The size in units * 2 / 3; see a/b. |", absent: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			tree := widgetTree()
			tree[c.page] = mustReplace(t, tree[c.page], c.old, c.new)
			fs := lintPages(t, tree, Options{})
			got := findingsOf(fs, "comment-breakout")
			if c.absent {
				if len(got) > 0 {
					t.Fatalf("want no finding, got:\n%s", dump(got))
				}
				return
			}
			line := lineOf(t, tree[c.page], c.marker)
			for _, f := range got {
				if f.Pos.File == c.page && f.Pos.Line == line && f.Pos.Col >= 1 && strings.Contains(f.Message, c.message) &&
					f.Severity == sevError {
					return
				}
			}
			t.Fatalf("want comment-breakout at %s:%d (message with %q); all findings:\n%s", c.page, line, c.message, dump(fs))
		})
	}
}

func TestBreakout(t *testing.T) {
	for text, want := range map[string]string{
		"":                  "",
		"a * b / c":         "",
		"a/*b":              "/*",
		"a*/b":              "*/",
		"a */ b /* c":       "*/",
		"*`/`":              "*/",
		"/`*`":              "/*",
		"image/** and more": "/*",
	} {
		if got := breakout(text); got != want {
			t.Errorf("breakout(%q) = %q, want %q", text, got, want)
		}
	}
}

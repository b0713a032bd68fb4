package parser

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/model"
)

// pathologicalCase builds a hostile page of about size bytes. Each is a shape that once took time or memory
// more than linear in the page's size.
type pathologicalCase struct {
	name  string
	build func(size int) string
}

var pathologicalCases = []pathologicalCase{
	// One line of unclosed link openers: every '[' once searched the rest of the line for its ']'.
	{"unclosed-link", func(size int) string { return strings.Repeat("[a", size/2) }},
	// Lines of an empty list item: goldmark checks each for a thematic break.
	{"dash-lines", func(size int) string { return strings.Repeat("- \n", size/3) }},
	// Lists nested by indentation, one level deeper on each line.
	{"nested-lists", func(size int) string {
		var b strings.Builder
		for depth := 0; b.Len() < size; depth++ {
			b.WriteString(strings.Repeat("  ", depth))
			b.WriteString("- x\n")
		}
		return b.String()
	}},
	// Quotes nested by markers on each line.
	{"nested-quotes", func(size int) string {
		var b strings.Builder
		for depth := 1; b.Len() < size; depth++ {
			b.WriteString(strings.Repeat(">", depth))
			b.WriteString(" x\n")
		}
		return b.String()
	}},
	// One line of list markers, the same line repeated: each line opens or continues hundreds of lists.
	{"list-markers-line", func(size int) string {
		line := strings.Repeat("- ", 500) + "x\n"
		return strings.Repeat(line, max(1, size/len(line)))
	}},
	// One line of links: the column of each was counted from the start of the line.
	{"links-line", func(size int) string { return strings.Repeat("[a](b) ", size/7) }},
	// One line of list markers, then a word: each level checked the rest of the line for a thematic break.
	{"list-markers-one-line", func(size int) string { return strings.Repeat("- ", size/2) + "x\n" }},
	// Links whose target never closes: each '(' searched the rest of the line for its ')'.
	{"unclosed-target", func(size int) string { return strings.Repeat("[a](b ", size/6) }},
	// Reference links whose reference never closes.
	{"unclosed-reference", func(size int) string { return "[a]: b\n\n" + strings.Repeat("[a][", size/4) }},
	// Code spans that never close, longest first.
	{"unclosed-code-spans", func(size int) string {
		var b strings.Builder
		for n := 1; b.Len() < size; n++ {
			b.WriteString(strings.Repeat("`", n))
			b.WriteString("a")
		}
		return b.String()
	}},
	// A table row of very many cells.
	{"table-cells", func(size int) string {
		return "## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" + strings.Repeat("| p ", size/4) + "|\n"
	}},
	// A scraped page (no headings, no fences) of request and status lines, read by the plain-text reader.
	{"scraped-lines", func(size int) string {
		return strings.Repeat("GET /users/{id}\nHTTP/1.1 200 OK\n{\n\"a\": 1\n", size/36)
	}},
	// A description listing very many possible values.
	{"possible-values", func(size int) string {
		return "## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| p | kind | Possible values are: " +
			strings.Repeat("`v`, ", size/5) + "|\n"
	}},
	// Code blocks, each with an annotation, on an API page.
	{"annotated-blocks", func(size int) string {
		block := "<!-- {\"blockType\": \"request\", \"name\": \"x\"} -->\n```http\nGET /users\n```\n"
		return "# Get x\n\n## HTTP request\n\n" + strings.Repeat(block, size/len(block))
	}},
	// Comments that never close, and JSON nested very deep in a code block.
	{"unclosed-comments", func(size int) string { return strings.Repeat("<!-- a\n", size/7) }},
	{"deep-json", func(size int) string {
		return "## Response\n\n```json\n" + strings.Repeat("{\"a\": [", size/7) + "\n```\n"
	}},
	// Emphasis and inline code that never close.
	{"unclosed-emphasis", func(size int) string {
		return "## Properties\n\n| p | String | " + strings.Repeat("**a _b ", size/7) + "|\n"
	}},
	// Link reference definitions, and a paragraph of unclosed labels that goldmark's definition reader is given.
	{"reference-definitions", func(size int) string { return strings.Repeat("[a]: b\n", size/7) + "[a] [a][a]\n" }},
	{"unclosed-labels", func(size int) string { return strings.Repeat("[a\n", size/3) }},
	// A table of many rows and a page of many headings: shapes the corpus has, much larger.
	{"table-rows", func(size int) string {
		return "## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" + strings.Repeat("| p | String | d |\n", size/19)
	}},
}

var pathologicalSizes = []int{16 << 10, 64 << 10, 256 << 10, 1 << 20}

// BenchmarkPathological reads each hostile page at growing sizes; ns/op should grow about 4x from one size to
// the next.
func BenchmarkPathological(b *testing.B) {
	for _, c := range pathologicalCases {
		for _, size := range pathologicalSizes {
			src := []byte(c.build(size))
			b.Run(fmt.Sprintf("%s/%dKB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					readPage("api/x.md", src)
				}
			})
		}
	}
}

// TestPathologicalPages reads each hostile page at 1 MB, which took minutes when a reader was quadratic (256 KB
// of "[a" took 11.6 s, a line of 128K list markers 80 s). The bound is deliberately loose: the benchmarks
// measure time, this only catches a reader that has gone quadratic again. What was read is checked per case.
func TestPathologicalPages(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 12 MB of hostile pages")
	}
	for _, c := range pathologicalCases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.build(1 << 20))
			done := make(chan *pageResult, 1)
			go func() { done <- readPage("api/x.md", src) }()
			select {
			case res := <-done:
				if hasDiag(res.diags, "internal", 0) {
					t.Fatalf("page not read:\n%s", diagList(res.diags))
				}
				deep := hasDiag(res.diags, "nesting-depth", 0)
				if want := strings.HasPrefix(c.name, "nested-") || strings.HasPrefix(c.name, "list-markers"); deep != want {
					t.Errorf("nesting-depth diagnostic: %v, want %v:\n%s", deep, want, diagList(res.diags))
				}
			case <-time.After(20 * time.Second):
				t.Fatalf("a 1 MB page of %s is not read after 20 s", c.name)
			}
		})
	}
}

// The markdown goldmark is given never nests deeper than maxNesting lists and quotes, whatever the page: each
// level costs goldmark work on every line below it.
func TestNestingIsBounded(t *testing.T) {
	for _, c := range pathologicalCases {
		src := []byte(c.build(64 << 10))
		bounded, _ := boundNesting(src)
		doc := markdown.Parser().Parse(text.NewReader(bounded))
		if depth := containerDepth(doc); depth > 2*maxNesting+1 {
			t.Errorf("%s: goldmark's tree is %d containers deep", c.name, depth)
		}
	}
}

// containerDepth is the deepest nesting of block containers (lists, items, quotes) in a goldmark tree.
func containerDepth(n ast.Node) int {
	deepest := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		deepest = max(deepest, containerDepth(c))
	}
	switch n.Kind() {
	case ast.KindList, ast.KindListItem, ast.KindBlockquote:
		return deepest + 1
	}
	return deepest
}

// Deep nesting is cut at the level that passes the bound, reported there, and what lies deeper is kept as text.
func TestNestingCut(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Deep\n\n")
	for depth := 0; depth < 40; depth++ {
		fmt.Fprintf(&b, "%s- level%d [link%d](l%d.md)\n", strings.Repeat("  ", depth), depth, depth, depth)
	}
	b.WriteString("\nAfter the list.\n")
	src := b.String()
	res := readPage("x.md", []byte(src))
	line := lineOf(t, src, "level32 ")
	var cut *model.Diagnostic
	for i, d := range res.diags {
		if d.Rule == "nesting-depth" {
			cut = &res.diags[i]
		}
	}
	if cut == nil || cut.Pos.Line != line || cut.Pos.Col != 2*32+1 || !strings.Contains(cut.Message, "on 2 lines") {
		t.Fatalf("want the cut reported at %d:%d (on 2 lines: level32 and level33, the lines below are text), got:\n%s", line, 2*32+1, diagList(res.diags))
	}
	// Every link is still read, the deep ones from the text the cut levels became.
	if len(res.page.Links) != 40 || res.page.Links[39].Target != "l39.md" || res.page.Links[39].Pos.Line != line+7 {
		t.Errorf("links %v", res.page.Links)
	}
	p := &pageReader{pageScratch: &pageScratch{}, lines: newLineIndex([]byte(src), nil), page: &model.Page{}, res: &pageResult{}}
	p.readMarkdown([]byte(src))
	var text string
	for _, bl := range p.blocks {
		if bl.kind == blockParagraph && strings.Contains(bl.text, "level39") {
			text = bl.text
		}
	}
	if !strings.Contains(text, "- level32") || !strings.Contains(text, "- level39") {
		t.Errorf("the cut levels are not kept as text: %q", text)
	}
	if !strings.Contains(p.blocks[len(p.blocks)-1].text, "After the list.") {
		t.Errorf("the page after the list is not read")
	}
}

// Nesting as the docs write it — lists in quotes, code in lists, ordered lists, tabs — is handed to goldmark as
// it is.
func TestNestingKeepsOrdinaryPages(t *testing.T) {
	for _, src := range []string{
		"> - a\n>   - b\n>     > c\n\n1. x\n   2) y\n\t- z\n",
		strings.Repeat("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - x\n", 3),
		"```\n" + strings.Repeat(" ", 200) + "- deep code\n```\n",
		strings.Repeat("  ", 31) + "- x\n" + strings.Repeat("-", 80) + "\n",
	} {
		if out, cut := boundNesting([]byte(src)); string(out) != src || cut.lines != 0 {
			t.Errorf("boundNesting changed %q into %q", src, out)
		}
	}
}

package parser

import (
	"fmt"
	"strings"
	"testing"
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

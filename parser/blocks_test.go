package parser

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// plainBlocks is goldmark's block pass with no changes of ours: the reference the markdown parser must agree with.
var plainBlocks = goldmark.New(goldmark.WithParser(parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)))

// blockOutline lists the blocks of a goldmark tree with their line segments; paragraphs, text blocks and source
// paragraphs all read "paragraph", and inline nodes are left out. With nodes, the parse takes its nodes from
// there, as page reads do.
func blockOutline(src []byte, md goldmark.Markdown, nodes *goldmarkNodes) string {
	var b strings.Builder
	pc := parser.NewContext()
	if nodes != nil {
		nodes.reset()
		pc.Set(nodesKey, nodes)
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *sourceParagraph:
			b.WriteString("paragraph:")
		case *sourceCode:
			b.WriteString("FencedCodeBlock:")
		case *sourceComment:
			b.WriteString("HTMLBlock:")
		case *ast.FencedCodeBlock:
			b.WriteString("FencedCodeBlock:")
			if n.Info != nil {
				fmt.Fprintf(&b, " info %d-%d", n.Info.Segment.Start, n.Info.Segment.Stop)
			}
		case *ast.Heading, *sourceHeading:
			fmt.Fprintf(&b, "Heading %d:", headingLevel(n))
		case *ast.Document, *ast.List, *ast.ListItem, *ast.Blockquote:
			fmt.Fprintf(&b, "%s of %d:", n.Kind(), n.ChildCount())
		default:
			fmt.Fprintf(&b, "%s:", n.Kind())
		}
		if c, ok := n.(*sourceCode); ok {
			// goldmark's segments: one for each line of the content.
			if c.info.Len() > 0 {
				fmt.Fprintf(&b, " info %d-%d", c.info.Start, c.info.Stop)
			}
			for start, k := c.content.Start, 0; k < c.lines; k++ {
				stop := c.content.Stop
				if nl := bytes.IndexByte(src[start:c.content.Stop], '\n'); nl >= 0 {
					stop = start + nl + 1
				}
				fmt.Fprintf(&b, " %d-%d+0", start, stop)
				start = stop
			}
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		if c, ok := n.(*sourceComment); ok {
			// goldmark's segments: one for each line before the closing one, then the closing line.
			for start := c.lines.Start; start < c.lines.Stop; {
				stop := c.lines.Stop
				if nl := bytes.IndexByte(src[start:c.lines.Stop], '\n'); nl >= 0 {
					stop = start + nl + 1
				}
				fmt.Fprintf(&b, " %d-%d+0", start, stop)
				start = stop
			}
			if c.closure.Len() > 0 {
				fmt.Fprintf(&b, " closure %d-%d", c.closure.Start, c.closure.Stop)
			}
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*sourceHeading); ok && h.text.Len() > 0 {
			fmt.Fprintf(&b, " %d-%d+%d", h.text.Start, h.text.Stop, h.text.Padding)
		}
		if n.Kind() != ast.KindDocument && n.Kind() != ast.KindList && n.Kind() != ast.KindListItem && n.Kind() != ast.KindBlockquote {
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				s := lines.At(i)
				fmt.Fprintf(&b, " %d-%d+%d", s.Start, s.Stop, s.Padding)
			}
		}
		if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
			fmt.Fprintf(&b, " closure %d-%d", h.ClosureLine.Start, h.ClosureLine.Stop)
		}
		b.WriteByte('\n')
		if n.Kind() == ast.KindHeading || n.Kind() == kindSourceHeading {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func headingLevel(n ast.Node) int {
	if h, ok := n.(*sourceHeading); ok {
		return h.level
	}
	return n.(*ast.Heading).Level
}

// Paragraphs handed over as source paragraphs keep goldmark's blocks and lines exactly, in the constructs the
// docs use and in the ones that interact with paragraphs (setext headings, link reference definitions, lazy
// continuation lines, tight and loose lists).
func TestSourceParagraphsKeepBlocks(t *testing.T) {
	cases := []string{
		"Title\n=====\n\ntext\n",
		"  Title  \n---\nmore\n",
		"[a]: /x\n===\n",
		"[a]: /x\nTitle\n---\n",
		"para one  \n  second line   \n\n> quoted\nlazy\n",
		"- item\n- item two\n  continued\n\n- loose\n\n  para\n",
		"1. one\n\n   ```http\n   GET /x\n   ```\n\n       indented code\n2. two\n",
		"| a | b |\n|---|---|\n| 1 | 2 |\ntrailing  \n",
		"text\n<!-- {\n  \"blockType\": \"request\"\n} -->\n```json\n{}\n```\n",
		"[ref]: https://example.com\n[other]: /y \"title\"\n\nSee [ref].\n",
		"text\n[ref]: /not-a-definition\n",
		"   \n\n  \t\n",
		"> - a\n>   b\n> c\n",
		"* a\n\n  * b\n\n    c\n",
		"# Title #\n## ##\n###\n#\n####### seven\n  ### indented ###  \n#no space\nText\n# interrupts\n- # in a list\n> ## quoted #x\n",
		"#",
		"```json\n{}\n```\nafter\n~~~~\n```\n~~~\n~~~~ x\n",
		"```\nunclosed\n\n",
		"````` info `x`\n``` not closed\n    `````\n",
		"``` a`b\n",
		" ```\n indented\n  ```\n",
		"para\n```\ncode\n```\n- ```\n  in list\n  ```\n> ```\n> quoted\n",
		"```",
		"```\n\t tab\n```  \t\n",
		"<!-- one line -->\nafter\n<!-- {\n\n  \"a\": 1\n} -->\n<!--\n-->\n   <!-- indented -->\n<!-->\nx\n",
		"text\n<!-- interrupts\n-->\n- <!-- in a list\n  -->\n> <!-- quoted\n> -->\n",
		"<!-- never closed\n\nstill comment\n",
		"<!--",
		"<div>\nhtml\n</div>\n\n<br/>\n",
		"| a | b |\n|---|---|\n  | 1 | 2 |\n\t| tab |\n    | four |\nlazy\n| after |\n---\n",
		"| a |\n| b |\n# heading\n| c |\n\n> | q |\n> | r |\n- | l |\n  | m |\n",
		"|",
		"| x |\n|",
		"[a]: /x\n| t |\n",
		"prose\nmore prose\n  indented\n\tafter a tab\n    four spaces\n# heading\nprose\n===\nprose\n---\nprose\n- item\nprose\n1. one\n2) two\nprose\n> quote\nprose\n<div>\nprose\n```\ncode\n```\n",
		"prose\n\r\nafter\r\nmore\r\n\r\n",
		"[a]: /x\n[b]: /y\ntext\n",
		"prose\n    - indented dash\n*emphasis* continues\n_under_\n+plus\n~tilde\n",
		"Ünïcödé\nzweite Zeile\n",
	}
	nodes := &goldmarkNodes{}
	for _, c := range cases {
		want := blockOutline([]byte(c), plainBlocks, nil)
		for _, nodes := range []*goldmarkNodes{nil, nodes} {
			if got := blockOutline([]byte(c), markdown, nodes); want != got {
				t.Errorf("%q (reused nodes: %v):\ngoldmark:\n%s\nours:\n%s", c, nodes != nil, want, got)
			}
		}
	}
}

// TestSourceParagraphsCorpus compares the blocks of every corpus page with goldmark's own.
func TestSourceParagraphsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole corpus")
	}
	pages := 0
	nodes := &goldmarkNodes{} // reused from page to page
	for _, dir := range corpusDirs(t) {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			pages++
			if want, got := blockOutline(src, plainBlocks, nil), blockOutline(src, markdown, nodes); want != got {
				t.Errorf("%s: blocks differ from goldmark's", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d pages", pages)
}

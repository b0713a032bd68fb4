package parser

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/model"
)

// markdown is shared by all workers: goldmark parsers keep no state between Parse calls.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table), goldmark.WithParserOptions(parser.WithAttribute()))

type blockKind uint8

const (
	blockHeading blockKind = iota
	blockParagraph
	blockTable
	blockCode
	blockComment // an HTML comment; annotation set when it holds a JSON object
)

// block is one structural element of a page, in document order. Both the goldmark reader and the plain-text
// reader (for scraped pages) produce blocks, and everything after works on blocks only.
type block struct {
	kind    blockKind
	line    int    // first line
	endLine int    // last line
	level   int    // heading level
	text    string // heading text, paragraph text, code content, comment content
	info    string // code fence info string
	// contentLine is the first line of a code block's content (line+1 for fenced blocks).
	contentLine int
	table       *model.Table
	annotation  *model.Annotation
	idx         int // index in pageReader.blocks
	// heading context: the nearest headings of level 1..6 above this block.
	heads [7]*block
	// reconstructed is set on code blocks the plain-text reader recovered.
	reconstructed bool
	// synthetic is set on headings the plain-text reader inferred; they are not in the page's outline.
	synthetic bool
}

// section returns the nearest heading above b, or nil.
func (b *block) section() *block {
	for l := 6; l >= 1; l-- {
		if b.heads[l] != nil {
			return b.heads[l]
		}
	}
	return nil
}

// under reports whether any heading above b has the given kind.
func (b *block) under(k sectionKind) bool {
	for l := 1; l <= 6; l++ {
		if h := b.heads[l]; h != nil && classifySection(h.text) == k {
			return true
		}
	}
	return false
}

// innermost returns the kind of the nearest classified heading above b.
func (b *block) innermost() (sectionKind, *block) {
	for l := 6; l >= 1; l-- {
		if h := b.heads[l]; h != nil {
			if k := classifySection(h.text); k != sectionOther {
				return k, h
			}
		}
	}
	return sectionOther, nil
}

var tabMarker = regexp.MustCompile(`^\[[^\]]*\]\(#tab/[^)]*\)\s*$`)

// readMarkdown walks the goldmark tree of src (front matter blanked) into blocks, links and includes.
func (p *pageReader) readMarkdown(src []byte) {
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			raw := strings.TrimSpace(segmentsText(src, n.Lines()))
			if tabMarker.MatchString(raw) {
				return ast.WalkSkipChildren, nil
			}
			line := p.lineAt(n, src)
			p.addBlock(&block{kind: blockHeading, line: line, endLine: line, level: n.Level, text: headingText(raw)})
			p.collectLinks(n, src)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start := p.lines.lineOf(lines.At(0).Start)
			end := p.lines.lineOf(lines.At(lines.Len()-1).Stop - 1)
			raw := segmentsText(src, lines)
			if t := p.pipeParagraph(start, end, raw); t != nil {
				p.addTable(t, start, end)
			} else {
				p.addBlock(&block{kind: blockParagraph, line: start, endLine: end, text: raw})
			}
			p.collectLinks(n, src)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			b := &block{kind: blockCode}
			if n.Info != nil {
				b.info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
			}
			lines := n.Lines()
			b.line = p.lineAt(n, src)
			b.contentLine = b.line + 1
			b.text = segmentsText(src, lines)
			b.endLine = b.line + lines.Len() + 1
			p.addBlock(b)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			start := p.lines.lineOf(lines.At(0).Start)
			p.addBlock(&block{kind: blockCode, line: start, contentLine: start, endLine: start + lines.Len() - 1, text: segmentsText(src, lines)})
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			raw := segmentsText(src, lines)
			if n.HasClosure() {
				closure := n.ClosureLine
				raw += string(closure.Value(src))
			}
			start := p.lines.lineOf(lines.At(0).Start)
			end := start + strings.Count(strings.TrimRight(raw, "\n"), "\n")
			if strings.HasPrefix(strings.TrimSpace(raw), "<!--") {
				p.addComment(start, end, raw)
			}
			return ast.WalkSkipChildren, nil
		case *east.Table:
			p.readTable(n, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// lineAt returns the line where a block node starts.
func (p *pageReader) lineAt(n ast.Node, src []byte) int {
	if pos := n.Pos(); pos >= 0 {
		return p.lines.lineOf(pos)
	}
	if l := n.Lines(); l.Len() > 0 {
		return p.lines.lineOf(l.At(0).Start)
	}
	return 1
}

func segmentsText(src []byte, lines *text.Segments) string {
	if lines.Len() == 1 {
		return string(segValue(lines.At(0), src))
	}
	var b bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		b.Write(segValue(lines.At(i), src))
	}
	return b.String()
}

// headingText strips closing #s and emphasis from a heading's text.
func headingText(raw string) string {
	raw = strings.TrimRight(raw, "# \t")
	return strings.TrimSpace(stripEmphasis(raw))
}

func (p *pageReader) addBlock(b *block) {
	b.idx = len(p.blocks)
	if b.kind == blockHeading {
		for l := b.level; l <= 6; l++ {
			p.heads[l] = nil
		}
		b.heads = p.heads
		p.heads[b.level] = b
	} else {
		b.heads = p.heads
	}
	p.blocks = append(p.blocks, b)
}

// addComment records an HTML comment; a comment holding a JSON object is an annotation.
func (p *pageReader) addComment(start, end int, raw string) {
	b := &block{kind: blockComment, line: start, endLine: end, text: raw}
	inner := strings.TrimSpace(raw)
	inner = strings.TrimPrefix(inner, "<!--")
	if i := strings.LastIndex(inner, "-->"); i >= 0 {
		inner = inner[:i]
	}
	trimmed := strings.TrimSpace(inner)
	if strings.HasPrefix(trimmed, "{") {
		// Find where the object starts so positions inside it map to page lines.
		off := strings.Index(raw, "{")
		line := start + strings.Count(raw[:off], "\n")
		col := off - strings.LastIndex(raw[:off], "\n")
		obj := raw[off:]
		if i := strings.LastIndex(obj, "-->"); i >= 0 {
			obj = obj[:i]
		}
		v, issues := readJSON(obj, line, col)
		a := &model.Annotation{Pos: p.pos(start, 1), Value: v, Issues: issues, Raw: trimmed}
		if v != nil && v.Kind == model.ValueObject {
			a.BlockType = a.String("blockType")
			b.annotation = a
			p.page.Annotations = append(p.page.Annotations, a)
			for _, is := range issues {
				if is.Fatal {
					p.diag(is.Line, is.Col, model.SeverityError, "annotation-json", "annotation is not valid JSON: "+is.Message)
				}
			}
		}
	}
	p.addBlock(b)
}

// collectLinks records the links inside n; include links and tab markers are kept apart.
func (p *pageReader) collectLinks(n ast.Node, src []byte) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		l, ok := c.(*ast.Link)
		if !ok {
			return ast.WalkContinue, nil
		}
		target := string(l.Destination)
		if strings.HasPrefix(target, "#tab/") {
			return ast.WalkSkipChildren, nil
		}
		var label bytes.Buffer
		for t := l.FirstChild(); t != nil; t = t.NextSibling() {
			if tx, ok := t.(*ast.Text); ok {
				label.Write(tx.Segment.Value(src))
			} else if cs, ok := t.(*ast.CodeSpan); ok {
				for x := cs.FirstChild(); x != nil; x = x.NextSibling() {
					if tx, ok := x.(*ast.Text); ok {
						label.Write(tx.Segment.Value(src))
					}
				}
			}
		}
		line, col := 1, 1
		pos := l.Pos()
		if pos >= 0 {
			line, col = p.lines.pos(pos)
		}
		if pos > 0 && bytes.HasSuffix(bytes.TrimRight(src[max(0, pos-16):pos], " \t"), []byte("[!INCLUDE")) {
			p.page.Includes = append(p.page.Includes, model.Include{Name: label.String(), Target: target, Pos: p.pos(line, col)})
			return ast.WalkSkipChildren, nil
		}
		p.page.Links = append(p.page.Links, model.Link{Text: label.String(), Target: target, Pos: p.pos(line, col)})
		return ast.WalkSkipChildren, nil
	})
}

// scrapedInclude matches includes whose link was flattened by a scrape: "[!INCLUDE beta-disclaimer]".
var scrapedInclude = regexp.MustCompile(`\[!INCLUDE\s+([^\[\]]+?)\]`)

func (p *pageReader) collectScrapedIncludes() {
	for n := 1; n <= p.lines.count(); n++ {
		l := p.lines.line(n)
		if !strings.Contains(l, "[!INCLUDE") {
			continue
		}
		for _, m := range scrapedInclude.FindAllStringSubmatchIndex(l, -1) {
			p.page.Includes = append(p.page.Includes, model.Include{Name: strings.TrimSpace(l[m[2]:m[3]]), Pos: p.pos(n, m[0]+1)})
		}
	}
}

func segValue(s text.Segment, src []byte) []byte { return s.Value(src) }

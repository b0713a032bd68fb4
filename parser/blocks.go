package parser

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/graphdocgen/graphdocgen/model"
)

// markdown is shared by all workers: goldmark parsers keep no state between Parse calls. It reads the block
// structure only — headings, paragraphs, lists, quotes, fenced and indented code, HTML blocks, link reference
// definitions. Inline markup is read where it matters, from the source of each block: links by scanLinks, type
// cells and prose by the readers that need them. Pipe tables are read from paragraphs (tables.go), which keeps
// the cells goldmark's table extension would drop from ragged rows.
var markdown = goldmark.New(goldmark.WithParser(parser.NewParser(
	parser.WithBlockParsers(blockParsers()...),
	parser.WithParagraphTransformers(util.Prioritized(linkReferencesAtStart{}, 100)),
	parser.WithParagraphTransformers(util.Prioritized(sourceParagraphs{}, 1000)),
)))

// linkReferencesAtStart hands goldmark's link reference definition reader only the paragraphs that can start with
// a definition ("[label]: target"): the reader sets up a block reader for every paragraph it is given, and a
// definition can only open a paragraph.
type linkReferencesAtStart struct{}

func (linkReferencesAtStart) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() > 0 {
		seg := lines.At(0)
		first := bytes.TrimLeft(seg.Value(reader.Source()), " \t\n\r\f\v")
		if len(first) > 0 && first[0] != '[' {
			return
		}
	}
	if lines.Len() > maxDefinitionParagraphLines {
		readDefinitionsInChunks(node, reader, pc)
		return
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

const (
	// maxDefinitionParagraphLines is the longest paragraph goldmark's link reference definition reader is given
	// whole: it takes time quadratic in the definitions of a paragraph (1 MB of "[a]: b" lines took 95 s). A
	// longer one is given in chunks of definitionChunkLines; a definition a chunk cuts in two is read as text.
	maxDefinitionParagraphLines = 256
	definitionChunkLines        = 64
)

// readDefinitionsInChunks takes the link reference definitions off the start of a long paragraph a chunk of its
// lines at a time, each chunk a paragraph of its own for goldmark's reader. The first line that is no definition
// and the lines after it stay the paragraph; a paragraph of definitions only is removed, as goldmark does.
func readDefinitionsInChunks(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	lines := node.Lines()
	for first := true; lines.Len() > 0; first = false {
		n := min(lines.Len(), definitionChunkLines)
		chunk := ast.NewParagraph()
		chunkLines := text.NewSegments()
		chunkLines.AppendAll(lines.Sliced(0, n))
		chunk.SetLines(chunkLines)
		chunk.SetBlankPreviousLines(first && node.HasBlankPreviousLines())
		parent.InsertBefore(parent, node, chunk)
		parser.LinkReferenceParagraphTransformer.Transform(chunk, reader, pc)
		if chunk.Parent() != nil {
			// A line that is no definition: it and every line after it are the paragraph.
			rest := text.NewSegments()
			rest.AppendAll(chunk.Lines().Sliced(0, chunk.Lines().Len()))
			rest.AppendAll(lines.Sliced(n, lines.Len()))
			parent.RemoveChild(parent, chunk)
			node.SetLines(rest)
			return
		}
		lines.SetSliced(n, lines.Len())
	}
	parent.RemoveChild(parent, node)
}

// blockParsers are goldmark's default block parsers with ATX headings read as source headings, top-level fenced
// code and comments as source blocks, and paragraphs opened as reused nodes.
func blockParsers() []util.PrioritizedValue {
	parsers := parser.DefaultBlockParsers()
	for i, p := range parsers {
		switch {
		case p.Priority == 600: // parser.NewATXHeadingParser
			parsers[i].Value = sourceHeadingParser{}
		case p.Priority == 700: // parser.NewFencedCodeBlockParser
			parsers[i].Value = sourceCodeParser{p.Value.(parser.BlockParser)}
		case p.Priority == 900: // parser.NewHTMLBlockParser
			parsers[i].Value = sourceCommentParser{p.Value.(parser.BlockParser)}
		case p.Priority == 1000: // parser.NewParagraphParser
			parsers[i].Value = reusedParagraphParser{paragraphParser}
		}
	}
	return parsers
}

// goldmarkNodes are the nodes of the goldmark tree that one worker reuses page after page: a page's tree is
// dropped as soon as its blocks are read, and building it takes hundreds of nodes. Parse finds them in its
// context under nodesKey; without them (a parse of our markdown outside a page read) nodes are allocated.
type goldmarkNodes struct {
	paragraphs       reused[ast.Paragraph]
	sourceParagraphs reused[sourceParagraph]
	headings         reused[sourceHeading]
	code             reused[sourceCode]
	comments         reused[sourceComment]
}

var nodesKey = parser.NewContextKey()

func (n *goldmarkNodes) reset() {
	n.paragraphs.reset()
	n.sourceParagraphs.reset()
	n.headings.reset()
	n.code.reset()
	n.comments.reset()
}

func nodesOf(pc parser.Context) *goldmarkNodes {
	n, _ := pc.Get(nodesKey).(*goldmarkNodes)
	return n
}

// reusedParagraphParser is goldmark's paragraph parser with paragraphs taken from the worker's nodes.
type reusedParagraphParser struct {
	parser.BlockParser
}

func (reusedParagraphParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	var node *ast.Paragraph
	if nodes := nodesOf(pc); nodes != nil {
		node = nodes.paragraphs.next()
		// The lines keep their room from page to page. Nothing else holds them by then: the source paragraph
		// that shared them belonged to the page before.
		lines := *node.Lines()
		lines.SetSliced(0, 0)
		*node = ast.Paragraph{}
		node.SetLines(&lines)
	} else {
		node = ast.NewParagraph()
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	if parent.Kind() == ast.KindDocument && segment.Padding == 0 {
		// At the top level, the lines that follow and open with a character no block parser is triggered by
		// (table rows, prose) can only continue the paragraph; they are taken here rather than each through
		// goldmark's block loop. The first other line is left to goldmark.
		src := reader.Source()
		for at := segment.Stop; at < len(src); {
			next := len(src)
			if nl := bytes.IndexByte(src[at:], '\n'); nl >= 0 {
				next = at + nl + 1
			}
			if !continuesParagraph(src[at:next]) {
				break
			}
			reader.AdvanceLine()
			node.Lines().Append(text.NewSegment(at, next))
			at = next
		}
	}
	return node, parser.NoChildren
}

// blockTriggers are the characters that the block parsers other than paragraphs and indented code are
// triggered by ('#', '>', '-', digits, ...): a line whose first character after blanks is another one cannot open
// a block, and cannot interrupt a paragraph.
var blockTriggers = func() (triggers [256]bool) {
	for _, p := range blockParsers() {
		for _, c := range p.Value.(parser.BlockParser).Trigger() {
			triggers[c] = true
		}
	}
	return triggers
}()

// continuesParagraph reports whether line, after a line of a top-level paragraph, is sure to continue it: it
// is not blank, and its first character after blanks triggers no block parser.
func continuesParagraph(line []byte) bool {
	if util.IsBlank(line) {
		return false
	}
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return !blockTriggers[line[i]]
}

// sourceHeading is an ATX heading ("## Title") kept as its source line. Like paragraphs, goldmark would split
// every heading into inline nodes after the block pass; the heading's text is read from its line instead.
type sourceHeading struct {
	rawBlock
	level int
	// text is the heading's text on its line, without the #s; empty (Stop == Start) for an empty heading. It is
	// kept here rather than in the node's lines, which would be a slice allocated for one segment.
	text text.Segment
}

var kindSourceHeading = ast.NewNodeKind("SourceHeading")

func (n *sourceHeading) Kind() ast.NodeKind { return kindSourceHeading }

func (n *sourceHeading) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// sourceHeadingParser reads ATX headings as goldmark's ATX heading parser does (without heading attributes,
// which the docs do not use), into source headings.
type sourceHeadingParser struct{}

func (sourceHeadingParser) Trigger() []byte { return []byte{'#'} }

func (sourceHeadingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	i := pos
	for i < len(line) && line[i] == '#' {
		i++
	}
	level := i - pos
	if i == pos || level > 6 {
		return nil, parser.NoChildren
	}
	var node *sourceHeading
	if nodes := nodesOf(pc); nodes != nil {
		node = nodes.headings.next()
	} else {
		node = new(sourceHeading)
	}
	*node = sourceHeading{level: level, text: text.NewSegment(segment.Start, segment.Start)}
	if i == len(line) { // '#' alone at the end of the text
		return node, parser.NoChildren
	}
	l := util.TrimLeftSpaceLength(line[i:])
	if l == 0 {
		return nil, parser.NoChildren
	}
	start := min(i+l, len(line)-1)
	hl := text.NewSegment(segment.Start+start-segment.Padding, segment.Start+len(line)-segment.Padding)
	hl = hl.TrimRightSpace(reader.Source())
	reader.AdvanceToEOL()
	if hl.Len() == 0 {
		return node, parser.NoChildren
	}
	// A closing sequence of '#'s after a blank is not part of the text; a heading of '#'s only is empty.
	line = hl.Value(reader.Source())
	stop := len(line)
	i = stop - 1
	for line[i] == '#' && i > 0 {
		i--
	}
	if i == 0 && line[0] == '#' {
		return node, parser.NoChildren
	}
	if i != stop-1 && util.IsSpace(line[i]) {
		stop = i - util.TrimRightSpaceLength(line[:i])
	}
	hl.Stop = hl.Start + stop
	node.text = hl
	return node, parser.NoChildren
}

func (sourceHeadingParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (sourceHeadingParser) Close(ast.Node, text.Reader, parser.Context) {}

func (sourceHeadingParser) CanInterruptParagraph() bool { return true }

func (sourceHeadingParser) CanAcceptIndentedLine() bool { return false }

// sourceParagraph is a paragraph kept as its source lines. goldmark splits every paragraph into inline nodes
// after the block pass, even with no inline parsers configured — text nodes for every line, which cost as much as
// the block pass itself. Raw blocks are left alone, so paragraphs are handed over as raw blocks.
type sourceParagraph struct {
	rawBlock
}

var kindSourceParagraph = ast.NewNodeKind("SourceParagraph")

func (n *sourceParagraph) Kind() ast.NodeKind { return kindSourceParagraph }

func (n *sourceParagraph) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// sourceParagraphs turns each closed paragraph into a sourceParagraph. It runs after the link reference
// definitions have been taken out of the paragraph (priority 100).
type sourceParagraphs struct{}

var paragraphParser = parser.NewParagraphParser()

func (sourceParagraphs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	// A paragraph that a setext underline turns into a heading is transformed after it was closed and taken off
	// the open blocks; the setext parser needs it to stay a paragraph.
	if !isOpen(node, pc) {
		return
	}
	// The paragraph parser trims the lines when it closes a paragraph, which goldmark skips for a paragraph
	// that was replaced: trim them the same way first. It removes a paragraph left with no lines.
	paragraphParser.Close(node, reader, pc)
	parent := node.Parent()
	if parent == nil {
		return
	}
	var raw *sourceParagraph
	if nodes := nodesOf(pc); nodes != nil {
		raw = nodes.sourceParagraphs.next()
		*raw = sourceParagraph{}
	} else {
		raw = new(sourceParagraph)
	}
	raw.SetLines(node.Lines())
	raw.SetBlankPreviousLines(node.HasBlankPreviousLines())
	parent.ReplaceChild(parent, node, raw)
}

func isOpen(node ast.Node, pc parser.Context) bool {
	blocks := pc.OpenedBlocks()
	for i := len(blocks) - 1; i >= 0; i-- {
		if blocks[i].Node == node {
			return true
		}
	}
	return false
}

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
	// sec is the section kind of a heading, classified once.
	sec sectionKind
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
		if h := b.heads[l]; h != nil && h.sec == k {
			return true
		}
	}
	return false
}

// innermost returns the kind of the nearest classified heading above b.
func (b *block) innermost() (sectionKind, *block) {
	for l := 6; l >= 1; l-- {
		if h := b.heads[l]; h != nil {
			if k := h.sec; k != sectionOther {
				return k, h
			}
		}
	}
	return sectionOther, nil
}

// readMarkdown walks the goldmark tree of src (front matter blanked) into blocks, links and includes.
// readMarkdown walks the goldmark tree of the page's markdown, src, which starts at byte p.base of the page (after
// the front matter); goldmark's offsets are relative to src.
func (p *pageReader) readMarkdown(src []byte) {
	pc := parser.NewContext()
	pc.Set(nodesKey, &p.nodes)
	// goldmark reads a copy with its nesting bounded; the blocks' text is taken from the page.
	bounded, cut := boundNesting(src)
	if cut.lines > 0 {
		line, col := p.lines.pos(p.base + cut.offset)
		p.diag(line, col, model.SeverityWarning, "nesting-depth", fmt.Sprintf(
			"lists and block quotes nest more than %d deep here: what lies deeper is read as text (markers cut on %d lines)", maxNesting, cut.lines))
	}
	doc := markdown.Parser().Parse(text.NewReader(bounded), parser.WithContext(pc))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *sourceHeading:
			p.heading(p.lines.text[p.base+n.text.Start:p.base+n.text.Stop], n.level, p.lineAt(n, src))
			return ast.WalkSkipChildren, nil
		case *ast.Heading: // setext headings
			p.heading(p.segmentsText(n.Lines()), n.Level, p.lineAt(n, src))
			return ast.WalkSkipChildren, nil
		case *sourceParagraph, *ast.Paragraph, *ast.TextBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start := p.lines.lineOf(p.base + lines.At(0).Start)
			end := p.lines.lineOf(p.base + lines.At(lines.Len()-1).Stop - 1)
			p.paragraphOrTable(start, end, p.segmentsText(lines))
			p.scanLinks(start, end)
			return ast.WalkSkipChildren, nil
		case *sourceCode:
			b := block{kind: blockCode, line: p.lineAt(n, src)}
			b.info = strings.TrimSpace(p.lines.text[p.base+n.info.Start : p.base+n.info.Stop])
			// A fence on the page's last line has no content line; its examples are at the fence.
			b.contentLine = min(b.line+1, p.lines.count())
			b.text = p.lines.text[p.base+n.content.Start : p.base+n.content.Stop]
			b.endLine = b.line + n.lines + 1
			p.addBlock(b)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			b := block{kind: blockCode}
			if n.Info != nil {
				b.info = strings.TrimSpace(string(n.Info.Segment.Value(src)))
			}
			lines := n.Lines()
			b.line = p.lineAt(n, src)
			b.contentLine = min(b.line+1, p.lines.count())
			b.text = p.segmentsText(lines)
			b.endLine = b.line + lines.Len() + 1
			p.addBlock(b)
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			start := p.lines.lineOf(p.base + lines.At(0).Start)
			p.addBlock(block{kind: blockCode, line: start, contentLine: start, endLine: start + lines.Len() - 1, text: p.segmentsText(lines)})
			return ast.WalkSkipChildren, nil
		case *sourceComment:
			end := n.lines.Stop
			if n.closure.Len() > 0 {
				end = n.closure.Stop
			}
			raw := p.lines.text[p.base+n.lines.Start : p.base+end]
			start := p.lines.lineOf(p.base + n.lines.Start)
			p.addComment(start, start+strings.Count(strings.TrimRight(raw, "\n"), "\n"), raw)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkSkipChildren, nil
			}
			raw := p.segmentsText(lines)
			if n.HasClosure() {
				closure := n.ClosureLine
				raw += p.lines.text[p.base+closure.Start : p.base+closure.Stop]
			}
			start := p.lines.lineOf(p.base + lines.At(0).Start)
			end := start + strings.Count(strings.TrimRight(raw, "\n"), "\n")
			if strings.HasPrefix(strings.TrimSpace(raw), "<!--") {
				p.addComment(start, end, raw)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// heading adds a heading block; raw is the heading's source text.
func (p *pageReader) heading(raw string, level, line int) {
	raw = strings.TrimSpace(raw)
	if isTabMarker(raw) {
		return
	}
	p.addBlock(block{kind: blockHeading, line: line, endLine: line, level: level, text: headingText(raw)})
	p.scanLinks(line, line)
}

// lineAt returns the line where a block node starts.
func (p *pageReader) lineAt(n ast.Node, src []byte) int {
	if pos := n.Pos(); pos >= 0 {
		return p.lines.lineOf(p.base + pos)
	}
	if l := n.Lines(); l.Len() > 0 {
		return p.lines.lineOf(p.base + l.At(0).Start)
	}
	return 1
}

// segmentsText returns the text of a block's line segments: a substring of the page when they are contiguous
// (the common case), a copy joined from the pieces otherwise (lines inside lists and quotes).
func (p *pageReader) segmentsText(lines *text.Segments) string {
	n := lines.Len()
	if n == 0 {
		return ""
	}
	page := p.lines.text[p.base:]
	first, last := lines.At(0), lines.At(n-1)
	contiguous := true
	for i := 1; i < n; i++ {
		if lines.At(i).Start != lines.At(i-1).Stop || lines.At(i).Padding > 0 {
			contiguous = false
			break
		}
	}
	if contiguous && first.Padding == 0 {
		return page[first.Start:last.Stop]
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		seg := lines.At(i)
		for k := 0; k < seg.Padding; k++ {
			b.WriteByte(' ')
		}
		b.WriteString(page[seg.Start:seg.Stop])
	}
	return b.String()
}

// headingText strips closing #s and emphasis from a heading's text.
func headingText(raw string) string {
	raw = strings.TrimRight(raw, "# \t")
	return strings.TrimSpace(stripEmphasis(raw))
}

// addBlock appends b to the page's blocks, with its heading context, and returns where it is stored.
func (p *pageReader) addBlock(value block) *block {
	b := p.newBlock(value)
	b.idx = len(p.blocks)
	if b.kind == blockHeading {
		b.sec = classifySection(b.text)
		for l := b.level; l <= 6; l++ {
			p.heads[l] = nil
		}
		b.heads = p.heads
		p.heads[b.level] = b
	} else {
		b.heads = p.heads
	}
	p.blocks = append(p.blocks, b)
	return b
}

// addComment records an HTML comment; a comment holding a JSON object is an annotation.
func (p *pageReader) addComment(start, end int, raw string) {
	b := block{kind: blockComment, line: start, endLine: end, text: raw}
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
		v, issues := readJSONWith(obj, line, col, &p.json)
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

package parser

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// rawBlock is the base of the block nodes read from the page's source: goldmark reads no inline markup in them.
type rawBlock struct {
	ast.BaseBlock
}

// IsRaw tells goldmark not to read inline markup in the block.
func (*rawBlock) IsRaw() bool { return true }

// sourceCode is a fenced code block at the top level of a page whose fence is not indented, kept as the range of
// its content. A quarter of the corpus's lines are inside such blocks (JSON examples), and goldmark would take
// each line through its block loop and store a segment for it; the lines of such a block are exactly the
// source lines between the fences, so the block is read in one scan instead.
type sourceCode struct {
	rawBlock
	info    text.Segment // the info string; Start == Stop when there is none
	content text.Segment // the lines between the fences, line endings included
	lines   int          // how many lines content has
}

var kindSourceCode = ast.NewNodeKind("SourceCode")

func (n *sourceCode) Kind() ast.NodeKind { return kindSourceCode }

func (n *sourceCode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// sourceCodeParser reads fenced code blocks: those at the top level with an unindented fence as source code
// blocks, the others (in lists and quotes, or indented) with goldmark's own parser, which it embeds.
type sourceCodeParser struct {
	parser.BlockParser // parser.NewFencedCodeBlockParser
}

func (b sourceCodeParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if pc.BlockOffset() != 0 || parent.Kind() != ast.KindDocument || segment.Padding != 0 {
		return b.BlockParser.Open(parent, reader, pc)
	}
	// The opening fence, read as goldmark reads it.
	fence := line[0]
	if fence != '`' && fence != '~' {
		return nil, parser.NoChildren
	}
	i := 0
	for i < len(line) && line[i] == fence {
		i++
	}
	if i < 3 {
		return nil, parser.NoChildren
	}
	fenceLen := i
	info := text.NewSegment(segment.Start, segment.Start)
	if i < len(line)-1 {
		rest := line[i:]
		left, right := util.TrimLeftSpaceLength(rest), util.TrimRightSpaceLength(rest)
		if left < len(rest)-right {
			if fence == '`' && bytes.IndexByte(rest[left:len(rest)-right], '`') >= 0 {
				return nil, parser.NoChildren // not a fence: an inline code span
			}
			info = text.NewSegment(segment.Start+i+left, segment.Stop-right)
		}
	}
	// The content runs to the closing fence or the end of the page.
	src := reader.Source()
	start, end, lines := segment.Stop, segment.Stop, 0
	for end < len(src) {
		next := len(src)
		if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
			next = end + nl + 1
		}
		if isClosingFence(src[end:next], fence, fenceLen) {
			break
		}
		end, lines = next, lines+1
	}
	var node *sourceCode
	if nodes := nodesOf(pc); nodes != nil {
		node = nodes.code.next()
	} else {
		node = new(sourceCode)
	}
	*node = sourceCode{info: info, content: text.NewSegment(start, end), lines: lines}
	// Leave the reader on the last content line: goldmark moves to the next line, the closing fence, which
	// Continue then takes as goldmark's parser does.
	for range lines {
		reader.AdvanceLine()
	}
	return node, parser.NoChildren
}

// isClosingFence reports whether line closes a block opened by fenceLen fence characters: at most three columns of
// indentation, at least as many fence characters, and nothing else but blanks.
func isClosingFence(line []byte, fence byte, fenceLen int) bool {
	w, pos := util.IndentWidth(line, 0)
	if w >= 4 {
		return false
	}
	i := pos
	for i < len(line) && line[i] == fence {
		i++
	}
	return i-pos >= fenceLen && util.IsBlank(line[i:])
}

func (b sourceCodeParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	if _, ok := node.(*sourceCode); !ok {
		return b.BlockParser.Continue(node, reader, pc)
	}
	// Open took the content; this is the closing fence.
	reader.AdvanceToEOL()
	return parser.Close
}

func (b sourceCodeParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if _, ok := node.(*sourceCode); !ok {
		b.BlockParser.Close(node, reader, pc)
	}
}

// sourceComment is an HTML comment block ("<!-- ... -->") at the top level of a page, kept as the range of its
// lines. Annotations are such comments, one before most code blocks; goldmark would try its HTML block
// patterns on the first line and take the rest line by line.
type sourceComment struct {
	rawBlock
	lines   text.Segment // the block's lines before the closing one, line endings included
	closure text.Segment // the line holding "-->", when it is not the first; Start == Stop otherwise
}

var kindSourceComment = ast.NewNodeKind("SourceComment")

func (n *sourceComment) Kind() ast.NodeKind { return kindSourceComment }

func (n *sourceComment) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// sourceCommentParser reads HTML blocks: comments at the top level as source comments, the other blocks with
// goldmark's own parser, which it embeds.
type sourceCommentParser struct {
	parser.BlockParser // parser.NewHTMLBlockParser
}

var (
	commentOpen  = []byte("<!--")
	commentClose = []byte("-->")
)

func (b sourceCommentParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos > 3 || parent.Kind() != ast.KindDocument || segment.Padding != 0 || !bytes.HasPrefix(line[pos:], commentOpen) {
		return b.BlockParser.Open(parent, reader, pc)
	}
	var node *sourceComment
	if nodes := nodesOf(pc); nodes != nil {
		node = nodes.comments.next()
	} else {
		node = new(sourceComment)
	}
	*node = sourceComment{lines: segment}
	reader.AdvanceToEOL()
	// As goldmark reads a comment block: a first line holding "-->" (anywhere, "<!--" included) is the whole
	// block; otherwise the block runs to the first line holding "-->", or to the end of the page.
	if bytes.Contains(line, commentClose) {
		return node, parser.NoChildren
	}
	src := reader.Source()
	end, lines := segment.Stop, 0
	for end < len(src) {
		next := len(src)
		if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
			next = end + nl + 1
		}
		if bytes.Contains(src[end:next], commentClose) {
			node.closure = text.NewSegment(end, next)
			break
		}
		end, lines = next, lines+1
	}
	node.lines.Stop = end
	// Leave the reader on the last line before the closing one: goldmark moves to the closing line, which
	// Continue then takes.
	for range lines {
		reader.AdvanceLine()
	}
	return node, parser.NoChildren
}

func (b sourceCommentParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	n, ok := node.(*sourceComment)
	if !ok {
		return b.BlockParser.Continue(node, reader, pc)
	}
	if n.closure.Len() > 0 {
		reader.AdvanceToEOL() // the closing line, which Open took already
	}
	return parser.Close
}

func (b sourceCommentParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if _, ok := node.(*sourceComment); !ok {
		b.BlockParser.Close(node, reader, pc)
	}
}

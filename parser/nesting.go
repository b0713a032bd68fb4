package parser

import (
	"bytes"
	"slices"
)

// maxNesting is how deep lists and block quotes may nest. goldmark's work on a line grows with the number of
// blocks open around it, and with the length of the line at each of them: 3,000 nested list levels (9 MB) took
// 25 s and 755 MB, and a line of 100,000 list markers 17 s. No page of the docs nests more than a few levels.
const maxNesting = 32

// nestingCut is where a page's nesting was cut: the byte offset of the first marker cut (in the markdown handed to
// goldmark), and on how many lines markers were cut.
type nestingCut struct {
	offset, lines int
}

// boundNesting returns the markdown to hand goldmark: src itself when its lists and block quotes nest at most
// maxNesting deep, else a copy in which every list marker or '>' that would open a deeper level is replaced by a
// letter, so that goldmark reads the rest of that line as text within the deepest level allowed. Offsets are
// unchanged, and the readers take text from the page, never from this copy.
//
// It follows the containers the way CommonMark matches them, a little generously: a line continues a list item
// when it is indented to the item's content, and a quote when it repeats its '>'; a line that continues fewer is
// taken for a lazy continuation (keeping them all open) unless it opens blocks of its own or follows a blank line.
// Counting too deep only ever cuts a hostile page.
func boundNesting(src []byte) ([]byte, nestingCut) {
	if !mayNestDeeply(src) {
		return src, nestingCut{}
	}
	var (
		out   []byte
		cut   nestingCut
		open  []nestedContainer
		blank = true // the previous line was blank, or there was none
	)
	for start := 0; start < len(src); {
		end := len(src)
		if nl := bytes.IndexByte(src[start:], '\n'); nl >= 0 {
			end = start + nl
		}
		line := src[start:end]
		if isBlankLine(line) {
			blank = true
			start = end + 1
			continue
		}
		at, col, matched := 0, 0, 0
		for _, c := range open {
			if c.quote {
				next, nextCol := skipIndent(line, at, col, col+3)
				if next >= len(line) || line[next] != '>' {
					break
				}
				at, col = next+1, nextCol+1
				if at < len(line) && (line[at] == ' ' || line[at] == '\t') {
					at, col = at+1, nextCol+2
				}
			} else {
				next, nextCol := skipIndent(line, at, col, c.content)
				if nextCol < c.content && next < len(line) {
					break
				}
				at, col = next, nextCol
			}
			matched++
		}
		opened := false
		for {
			next, nextCol := skipIndent(line, at, col, col+4)
			if nextCol-col >= 4 || next >= len(line) {
				break
			}
			c, width, ok := containerMarker(line, next, nextCol)
			if !ok {
				break
			}
			if !opened {
				open = open[:matched]
				opened = true
			}
			if len(open) >= maxNesting {
				if out == nil {
					out = slices.Clone(src)
				}
				// The marker's last byte: "-", "*", "+", ">" or the "." / ")" of "12.".
				out[start+next+width-1] = 'x'
				if cut.lines == 0 {
					cut.offset = start + next
				}
				cut.lines++
				break
			}
			open = append(open, c)
			at, col = next+width, nextCol+width
		}
		if !opened && matched < len(open) && blank {
			open = open[:matched]
		}
		blank = false
		start = end + 1
	}
	if out == nil {
		return src, nestingCut{}
	}
	return out, cut
}

// nestedContainer is a list item or block quote open around a line.
type nestedContainer struct {
	quote   bool
	content int // the column where a list item's content starts
}

// mayNestDeeply reports whether some line of src could be inside more than maxNesting containers: each list
// item a line continues takes at least two columns of its indentation, and each quote a '>'. Most pages are
// passed over after this look at the start of each line.
func mayNestDeeply(src []byte) bool {
	for start := 0; start < len(src); {
		depth2, i := 0, start // depth2 counts half levels
		for ; i < len(src); i++ {
			switch src[i] {
			case ' ':
				depth2++
			case '\t':
				depth2 += 4
			case '>', '-', '*', '+', '.', ')':
				depth2 += 2
			default:
				if src[i] >= '0' && src[i] <= '9' {
					continue
				}
				goto endOfPrefix
			}
		}
	endOfPrefix:
		if depth2 > 2*maxNesting {
			return true
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			return false
		}
		start = i + nl + 1
	}
	return false
}

// skipIndent passes the blanks of line from byte at (column col) while the column stays below limit. Tabs advance
// to the next multiple of 4.
func skipIndent(line []byte, at, col, limit int) (int, int) {
	for at < len(line) && col < limit {
		switch line[at] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return at, col
		}
		at++
	}
	return at, col
}

// containerMarker reads a block quote marker or a list item marker ("-", "*", "+", "1.", "1)") at byte at of
// line (column col): the container it opens and the marker's width in bytes.
func containerMarker(line []byte, at, col int) (nestedContainer, int, bool) {
	switch c := line[at]; {
	case c == '>':
		return nestedContainer{quote: true}, 1, true
	case c == '-' || c == '*' || c == '+':
		return listItemAt(line, at, col, 1)
	case c >= '0' && c <= '9':
		i := at
		for i < len(line) && i-at < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') {
			return listItemAt(line, at, col, i-at+1)
		}
	}
	return nestedContainer{}, 0, false
}

// listItemAt completes a list item marker of width bytes at byte at: it must be followed by a blank or the end of
// the line. The item's content starts after one to four blanks, or one when there are more.
func listItemAt(line []byte, at, col, width int) (nestedContainer, int, bool) {
	after := at + width
	if after < len(line) && line[after] != ' ' && line[after] != '\t' && line[after] != '\r' {
		return nestedContainer{}, 0, false
	}
	markerEnd := col + width
	next, nextCol := skipIndent(line, after, markerEnd, markerEnd+5)
	content := nextCol
	if next >= len(line) || nextCol-markerEnd > 4 || nextCol == markerEnd {
		content = markerEnd + 1
	}
	return nestedContainer{content: content}, width, true
}

// isBlankLine reports whether line holds only blanks.
func isBlankLine(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

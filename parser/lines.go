package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// lineIndex maps byte offsets of a page to 1-based line and column numbers.
type lineIndex struct {
	text   string // the page; lines and block texts are substrings of it, so reading them does not copy
	starts []int  // byte offset where each line starts
}

// newLineIndex indexes the lines of src, keeping their starts in the space of starts.
func newLineIndex(src []byte, starts []int) lineIndex {
	// A read-only view, not a copy: the page's bytes are never written after they are read (model.Page.Source
	// shares them), as goldmark does with its own segments.
	text := util.BytesToReadOnlyString(src)
	starts = append(starts, 0)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineIndex{text: text, starts: starts}
}

// lineOf returns the 1-based line of offset: the number of lines that start at or before it. A binary search
// written out, as sort.Search calls a function at each step and this runs for every block and position.
func (ix *lineIndex) lineOf(off int) int {
	lo, hi := 0, len(ix.starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ix.starts[mid] > off {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// pos returns the 1-based line and column (in characters) of offset.
func (ix *lineIndex) pos(off int) (line, col int) {
	line = ix.lineOf(off)
	start := ix.starts[line-1]
	if off > len(ix.text) {
		off = len(ix.text)
	}
	return line, utf8.RuneCountInString(ix.text[start:off]) + 1
}

// lines returns the number of lines.
func (ix *lineIndex) count() int { return len(ix.starts) }

// line returns the text of 1-based line n without its line ending.
func (ix *lineIndex) line(n int) string {
	if n < 1 || n > len(ix.starts) {
		return ""
	}
	start := ix.starts[n-1]
	end := len(ix.text)
	if n < len(ix.starts) {
		end = ix.starts[n] - 1
	}
	if end > start && ix.text[end-1] == '\r' {
		end--
	}
	if end < start {
		end = start
	}
	return ix.text[start:end]
}

// offset returns the byte offset where 1-based line n starts.
func (ix *lineIndex) offset(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(ix.starts) {
		return len(ix.text)
	}
	return ix.starts[n-1]
}

// textLines are the lines of a text as strings.Split(text, "\n") gives them, read in place: only where each
// line starts is kept.
type textLines struct {
	text   string
	starts []int
}

// splitLines indexes the lines of text, keeping their starts in the space of starts.
func splitLines(text string, starts []int) textLines {
	starts = append(starts[:0], 0)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return textLines{text: text, starts: starts}
}

func (l textLines) len() int { return len(l.starts) }

// at returns line k (0-based) without its "\n".
func (l textLines) at(k int) string {
	end := len(l.text)
	if k+1 < len(l.starts) {
		end = l.starts[k+1] - 1
	}
	return l.text[l.starts[k]:end]
}

// from returns lines k and on, as they stand in the text.
func (l textLines) from(k int) string { return l.text[l.starts[k]:] }

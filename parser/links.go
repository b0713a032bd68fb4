package parser

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// scanLinks records the links on lines from..to of the page: inline "[label](target)", reference "[label][ref]"
// and "[label]" links with a definition, skipping code spans and images. "[!INCLUDE [name](target)]" is recorded
// as an include; tab markers "[HTTP](#tab/http)" are neither. It takes time linear in the length of the lines:
// every search ahead goes through the line's bracket index.
func (p *pageReader) scanLinks(from, to int) {
	for n := from; n <= to; n++ {
		l := p.lines.line(n)
		if strings.IndexByte(l, '[') < 0 {
			continue
		}
		ix := &p.linkIndex
		ix.index(l)
		col := columnCounter{line: l}
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '`':
				j := i
				for j < len(l) && l[j] == '`' {
					j++
				}
				if k := ix.codeSpanClose(j, j-i); k >= 0 {
					i = k + (j - i) - 1
				} else {
					i = j - 1
				}
			case '\\':
				i++
			case '<':
				// Links inside an inline HTML comment are not rendered.
				if strings.HasPrefix(l[i:], "<!--") {
					if k := strings.Index(l[i:], "-->"); k >= 0 {
						i += k + 2
					} else {
						i = len(l)
					}
				}
			case '[':
				if i > 0 && l[i-1] == '!' {
					continue
				}
				if strings.HasPrefix(l[i:], "[!INCLUDE") {
					if end, label, target, ok := ix.includeAt(i + len("[!INCLUDE")); ok {
						p.page.Includes = append(p.page.Includes, model.Include{Name: label, Target: strings.TrimSpace(target), Pos: p.pos(n, col.at(i))})
						i = end // the character after the link is passed over, as it always was
					}
					continue
				}
				label, target, width, ok := ix.linkAt(i, p.refs)
				if !ok {
					continue
				}
				if !strings.HasPrefix(target, "#tab/") {
					p.page.Links = append(p.page.Links, model.Link{Text: stripEmphasis(label), Target: target, Pos: p.pos(n, col.at(i))})
				}
				i += width - 1
			}
		}
	}
}

// lineBrackets indexes one line for reading its links: which ']' closes each '[', where every ']' and ')' is, and
// the runs of backticks. Searching the rest of the line from every '[' instead made a line of unclosed brackets
// take time quadratic in its length (256 KB of "[a" took 11.6 s).
type lineBrackets struct {
	line string
	// opens are the offsets of the unescaped '[' in order; closers[k] is the offset of the ']' that closes
	// opens[k], or -1.
	opens, closers []int32
	// brackets and parens are the offsets of every ']' and ')', escaped or not, as a plain search finds them.
	brackets, parens []int32
	// ticks are the runs of backticks; longestTicks[k] is the longest run from ticks[k] on.
	ticks        []tickRun
	longestTicks []int32
	stack        []int32
	// noLinkFrom is the offset from which the line is known to hold no inline link (mdLinkAt).
	noLinkFrom int
}

type tickRun struct{ start, length int32 }

// index reads line l into the index, reusing its memory.
func (ix *lineBrackets) index(l string) {
	ix.line = l
	ix.noLinkFrom = len(l) + 1
	ix.opens, ix.closers = ix.opens[:0], ix.closers[:0]
	ix.brackets, ix.parens = ix.brackets[:0], ix.parens[:0]
	ix.ticks, ix.longestTicks, ix.stack = ix.ticks[:0], ix.longestTicks[:0], ix.stack[:0]
	escaped := false
	for k := 0; k < len(l); k++ {
		c := l[k]
		switch c {
		case ']':
			ix.brackets = append(ix.brackets, int32(k))
		case ')':
			ix.parens = append(ix.parens, int32(k))
		case '`':
			if n := len(ix.ticks); n > 0 && int(ix.ticks[n-1].start+ix.ticks[n-1].length) == k {
				ix.ticks[n-1].length++
			} else {
				ix.ticks = append(ix.ticks, tickRun{start: int32(k), length: 1})
			}
		}
		if escaped {
			escaped = false
			continue
		}
		switch c {
		case '\\':
			escaped = true
		case '[':
			ix.stack = append(ix.stack, int32(len(ix.opens)))
			ix.opens = append(ix.opens, int32(k))
			ix.closers = append(ix.closers, -1)
		case ']':
			if n := len(ix.stack); n > 0 {
				ix.closers[ix.stack[n-1]] = int32(k)
				ix.stack = ix.stack[:n-1]
			}
		}
	}
	ix.longestTicks = slices.Grow(ix.longestTicks, len(ix.ticks))[:len(ix.ticks)]
	longest := int32(0)
	for k := len(ix.ticks) - 1; k >= 0; k-- {
		longest = max(longest, ix.ticks[k].length)
		ix.longestTicks[k] = longest
	}
}

// closerOf returns the offset of the ']' that closes the '[' at offset i (nested brackets balanced, escapes
// skipped), or -1.
func (ix *lineBrackets) closerOf(i int) int {
	k, found := slices.BinarySearch(ix.opens, int32(i))
	if !found {
		return -1
	}
	return int(ix.closers[k])
}

// nextOf returns the first offset in offsets at or after from, or -1.
func nextOf(offsets []int32, from int) int {
	k, _ := slices.BinarySearch(offsets, int32(from))
	if k == len(offsets) {
		return -1
	}
	return int(offsets[k])
}

// codeSpanClose returns where the code span opened by n backticks that end at offset from closes: the first run
// of at least n backticks after it, or -1. A run that is too short is never looked at twice: the longest run from
// each run on is known, and a search that succeeds moves the reader past the runs it passed.
func (ix *lineBrackets) codeSpanClose(from, n int) int {
	k, _ := slices.BinarySearchFunc(ix.ticks, int32(from), func(r tickRun, at int32) int { return int(r.start - at) })
	for ; k < len(ix.ticks); k++ {
		if int(ix.longestTicks[k]) < n {
			return -1
		}
		if int(ix.ticks[k].length) >= n {
			return int(ix.ticks[k].start)
		}
	}
	return -1
}

// linkAt reads a link starting at the '[' at offset i. It returns the label, the target and the link's width.
func (ix *lineBrackets) linkAt(i int, refs map[string]string) (label, target string, width int, ok bool) {
	s := ix.line
	end := ix.closerOf(i)
	if end < 0 {
		return "", "", 0, false
	}
	label = s[i+1 : end]
	rest := s[end+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		closeAt := nextOf(ix.parens, end+2)
		if closeAt < 0 {
			return "", "", 0, false
		}
		target = strings.TrimSpace(s[end+2 : closeAt])
		if sp := strings.IndexAny(target, " \t"); sp > 0 {
			if !strings.ContainsAny(target[sp:], "\"'") {
				return "", "", 0, false // a destination with spaces does not make a link
			}
			target = target[:sp] // [x](url "title")
		}
		return label, strings.Trim(target, "<>"), closeAt + 1 - i, true
	case strings.HasPrefix(rest, "["):
		closeAt := nextOf(ix.brackets, end+2)
		if closeAt < 0 || refs == nil {
			return "", "", 0, false
		}
		key := s[end+2 : closeAt]
		if key == "" {
			key = label
		}
		t, found := refs[strings.ToLower(key)]
		return label, t, closeAt + 1 - i, found
	case refs != nil && !strings.HasPrefix(rest, ":"):
		if t, found := refs[strings.ToLower(label)]; found {
			return label, t, end + 1 - i, true
		}
	}
	return "", "", 0, false
}

// includeAt reads the link of an include whose "[!INCLUDE" ends at offset from: blanks, then the first inline
// link of the rest of the line. It returns the offset after the link. A search that found no link is not repeated
// for a later include of the line: from further on, there is none either.
func (ix *lineBrackets) includeAt(from int) (end int, label, target string, ok bool) {
	s := ix.line
	rest := strings.TrimLeftFunc(s[from:], unicode.IsSpace)
	if rest == "" || rest[0] != '[' || from >= ix.noLinkFrom {
		return 0, "", "", false
	}
	_, end, label, target, ok = mdLinkAt(s[from:])
	if !ok {
		ix.noLinkFrom = from
		return 0, "", "", false
	}
	return from + end, label, target, true
}

// columnCounter gives the 1-based column, in characters, of byte offsets of one line asked in increasing order,
// counting each character once: counting from the start of the line for every link made a line of links
// quadratic.
type columnCounter struct {
	line   string
	offset int // the offset counted to
	col    int // the column of offset, less one
}

func (c *columnCounter) at(i int) int {
	if i < c.offset {
		c.offset, c.col = 0, 0
	}
	c.col += utf8.RuneCountInString(c.line[c.offset:i])
	c.offset = i
	return c.col + 1
}

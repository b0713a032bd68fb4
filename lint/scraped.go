package lint

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// Examples the parser recovered from a page that lost its markdown (a plain-text scrape whose fences and outer
// braces were stripped, a rendered page whose lines were glued) are checked here, on the page's own lines: the
// parser puts back the braces the scrape stripped, so that the model can be read, and what it put back must
// neither hide a defect of the page nor be reported as one.

var scrapedMemberLine = regexp.MustCompile(`^\s*"[^"]*"\s*:`)

// reconstructedBody returns the page lines of a recovered example's body (the parser keeps each body line on
// its page line) and whether its outer braces are the page's own; nil when the extent is unknown.
func reconstructedBody(pt *pageText, ex *model.Example) (lines []string, braced bool) {
	if ex.BodyPos.Line == 0 || strings.TrimSpace(ex.Body) == "" {
		return nil, false
	}
	n := strings.Count(strings.TrimRight(ex.Body, "\n"), "\n") + 1
	first, last := ex.BodyPos.Line, ex.BodyPos.Line+n-1
	if last > len(pt.lines) {
		return nil, false
	}
	for last >= first && strings.TrimSpace(pt.line(last)) == "" {
		last--
	}
	if last < first {
		return nil, false
	}
	// The reader ends a body at a blank line; closers after it ("\n\n    ]") are still the body's.
	for k := last + 1; k <= len(pt.lines); k++ {
		t := strings.TrimSpace(pt.line(k))
		if t == "" {
			continue
		}
		if strings.Trim(t, "]}, ") != "" {
			break
		}
		last = k
	}
	lines = pt.lines[first-1 : last]
	if k := strings.Index(lines[len(lines)-1], "[!INCLUDE"); k > 0 {
		// A rendered page glues the includes after a code block to its last line ("}[!INCLUDE sample-code]").
		lines = append(lines[:len(lines)-1:len(lines)-1], lines[len(lines)-1][:k])
	}
	t := strings.TrimSpace(lines[0])
	return lines, strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")
}

// checkScrapedJSON reports what is wrong with the JSON of a recovered example as the page shows it. A body whose
// braces are the page's own is read as it is. In a body whose outer braces the scrape stripped, the brackets are
// still the page's: an array opened at the end of a line that no "]" closes before a member at its indentation
// or further left, or before the body ends, is an unclosed array (the parser closed it to read the rest).
func (c *checker) checkScrapedJSON(pt *pageText, ex *model.Example) {
	lines, braced := reconstructedBody(pt, ex)
	if lines == nil {
		return
	}
	if braced {
		for _, is := range ex.JSONIssues {
			if is.Kind == "ellipsis" {
				continue
			}
			c.report(model.Pos{File: pt.page.Path, Line: is.Line, Col: is.Col}, "json-syntax", "", "invalid JSON in the example: %s", is.Message)
		}
		return
	}
	type open struct {
		line, indent int
		closer       byte
		name         string
	}
	var stack []open
	unclosed := func(o open, where string) {
		l := pt.line(o.line)
		at := pt.pos(o.line, strings.LastIndex(l, "["))
		what := "the array"
		if o.name != "" {
			what = "the array " + quoted(o.name)
		}
		c.report(at, "json-syntax", "", "invalid JSON in the example: %s opened here is not closed %s; write \"]\" after its last item", what, where)
	}
	for k, l := range lines {
		n := ex.BodyPos.Line + k
		t := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		if t == "" {
			continue
		}
		switch {
		case scrapedMemberLine.MatchString(t):
			// A member at the array's indentation or left of it: the array ended without its "]".
			for len(stack) > 0 && stack[len(stack)-1].closer == ']' && indent <= stack[len(stack)-1].indent {
				unclosed(stack[len(stack)-1], "before the next member (line "+strconv.Itoa(n)+")")
				stack = stack[:len(stack)-1]
			}
		case strings.HasPrefix(t, "}"):
			for len(stack) > 0 {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.closer == '}' {
					break
				}
				unclosed(o, "before the object around it ends (line "+strconv.Itoa(n)+")")
			}
		case strings.HasPrefix(t, "]"):
			if len(stack) > 0 && stack[len(stack)-1].closer == ']' {
				stack = stack[:len(stack)-1]
			}
		}
		switch {
		case strings.HasSuffix(t, "["):
			name := ""
			if m := scrapedMemberLine.FindString(t); m != "" {
				name = strings.Trim(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m), ":")), "\"")
			}
			stack = append(stack, open{line: n, indent: indent, closer: ']', name: name})
		case strings.HasSuffix(t, "{"):
			stack = append(stack, open{line: n, indent: indent, closer: '}'})
		}
	}
	for len(stack) > 0 {
		o := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if o.closer == ']' {
			unclosed(o, "before the body ends")
		}
	}
}

// checkScrapedContentLength compares a recovered example's Content-Length with its body. A body with its own
// braces and indentation is measured as it is. A body whose outer braces the scrape stripped, or whose indentation
// the rendering dropped, cannot be measured exactly, but it bounds the length: the page's bytes are there (the
// header cannot be shorter), and each stripped brace adds a line at most (a brace, a comma, its indentation and a
// CRLF), each lost indentation at most 8 bytes a level. A body that may be shortened (a response) has only the
// lower bound.
func (c *checker) checkScrapedContentLength(pt *pageText, ex *model.Example, h *model.Header, want int, shortened bool) {
	lines, braced := reconstructedBody(pt, ex)
	if lines == nil {
		return
	}
	lf, crlf := bodyLengths(lines)
	at := pt.find(h.Pos.Line, h.Value, 1)
	lostIndent := flushLeft(lines)
	if braced && !lostIndent && !shortened {
		for _, n := range []int{lf, crlf, lf + 1, crlf + 2} {
			if n == want {
				return
			}
		}
		c.report(at, "content-length", "", "Content-Length is %d but the body below is %d bytes (%d with CRLF line endings); write %d, or drop the header", want, lf, crlf, lf)
		return
	}
	page := strings.Join(lines, "\n")
	restored := 0
	for _, b := range []string{"{", "}", "]"} {
		restored += max(strings.Count(ex.Body, b)-strings.Count(page, b), 0)
	}
	upper := crlf + restored*16
	if lostIndent {
		upper += indentBound(lines)
	}
	switch {
	case want < lf && braced:
		c.report(at, "content-length", "", "Content-Length is %d but the body below has %d bytes even without the indentation the page lost; write the body's length, or drop the header", want, lf)
	case want < lf:
		c.report(at, "content-length", "", "Content-Length is %d but the body below has %d bytes even without the braces the page lost; write the body's length, or drop the header", want, lf)
	case want > upper && !shortened:
		c.report(at, "content-length", "", "Content-Length is %d but the body below is at most %d bytes with its braces, indentation and CRLF line endings; write the body's length, or drop the header", want, upper)
	}
}

// flushLeft reports a body of several lines that all start at the margin: a rendered page drops the indentation
// of code (a body that had none loses nothing, and stays within the bounds).
func flushLeft(lines []string) bool {
	for _, l := range lines {
		if l != strings.TrimLeft(l, " \t") {
			return false
		}
	}
	return len(lines) > 2
}

// indentBound is the most indentation the lines could have lost: 8 bytes for each level of nesting.
func indentBound(lines []string) int {
	depth, n := 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		lead := depth
		if strings.HasPrefix(t, "}") || strings.HasPrefix(t, "]") {
			lead = max(depth-1, 0)
		}
		n += 8 * lead
		depth += strings.Count(t, "{") + strings.Count(t, "[") - strings.Count(t, "}") - strings.Count(t, "]")
		depth = max(depth, 0)
	}
	return n
}

// bodyLengths is the length of a body of these lines with LF and with CRLF line ends (no final one).
func bodyLengths(lines []string) (lf, crlf int) {
	for _, l := range lines {
		lf += len(l)
	}
	breaks := len(lines) - 1
	return lf + breaks, lf + 2*breaks
}

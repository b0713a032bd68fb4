package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// Docs text reaches generated comments — type, field, enum-constant, method and route docs — and docs are
// untrusted input: a description that closes a comment would become code. Every comment is therefore written as
// "// " lines built here and nowhere else. A line comment ends only at a newline, so a line without one cannot
// end early; the text is also kept free of what could still matter inside it (see CommentText). jennifer's own
// Comment would write text that starts with "/*" verbatim, and text with a newline as a /* */ block: it is only
// ever handed a finished "// " line.

// comment writes a doc comment, wrapped; paragraphs are separated by blank lines in text.
func comment(f *jen.File, text string) {
	for _, line := range commentLines(text, 116) {
		f.Add(line)
	}
}

// commentGroup is comment for a block.
func commentGroup(g *jen.Group, text string) {
	for _, line := range commentLines(text, 112) {
		g.Add(line)
	}
}

// commentLines wraps text and turns each line into an inert "// " comment.
func commentLines(text string, width int) []jen.Code {
	var out []jen.Code
	for _, line := range wrapParagraphs(CommentText(text), width) {
		out = append(out, lineComment(line))
	}
	return out
}

// lineComment is one "// " comment line; text is made safe first.
func lineComment(text string) jen.Code {
	return jen.Comment(CommentLine(text))
}

// CommentLine returns the Go source of one line comment holding text: "// " and the text made safe (CommentText)
// with its newlines turned into spaces, so the comment is exactly one line whatever text holds.
func CommentLine(text string) string {
	line := strings.TrimRight(strings.ReplaceAll(CommentText(text), "\n", " "), " ")
	if line == "" {
		return "//"
	}
	// "// +build" after the package clause is a misplaced build constraint to go vet.
	if rest, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "+build"); ok {
		line = "+ build" + rest
	}
	return "// " + line
}

// CommentText makes text safe to place in a generated comment: valid UTF-8 (invalid bytes become U+FFFD), no
// control characters but newlines (tabs and the others become spaces, carriage returns go), no format characters
// (a byte order mark is an error anywhere in Go source; bidirectional overrides would let a comment show other
// text than it holds), no Unicode line or paragraph separators, two backquotes or two single quotes written as
// gofmt writes them in doc comments (as curly quotes), and neither "/*" nor "*/" (a space goes between the two
// characters). Newlines are kept: callers break lines there and write each as a line comment of its own.
func CommentText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r':
		case r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Cf, r):
		default:
			b.WriteRune(r)
		}
	}
	s = b.String()
	// gofmt turns two backquotes and two single quotes in a doc comment into curly quotes, and not always in one
	// pass: done here, the comment is gofmt's fixed point.
	if strings.Contains(s, "``") || strings.Contains(s, "''") {
		s = strings.NewReplacer("``", "“", "''", "”").Replace(s)
	}
	// After the first replacement no "/*" is left, and the second cannot make one: the "/" it moves was not
	// followed by "*". The loop only makes that evident.
	for strings.Contains(s, "/*") || strings.Contains(s, "*/") {
		s = strings.ReplaceAll(s, "/*", "/ *")
		s = strings.ReplaceAll(s, "*/", "* /")
	}
	return s
}

func wrapParagraphs(text string, width int) []string {
	text = strings.TrimLeft(text, "\n")
	var out []string
	for i, para := range strings.Split(strings.TrimRight(text, " \n"), "\n\n") {
		if i > 0 {
			out = append(out, "")
		}
		if strings.HasPrefix(para, "  ") {
			// Preformatted (a code block in go doc): kept line by line, every line indented. An unindented line
			// would end the block and start a paragraph, which gofmt then takes for a heading on a second pass
			// ("TS" becomes "# TS"): the source would not be gofmt's fixed point.
			for _, l := range strings.Split(para, "\n") {
				if !strings.HasPrefix(l, "  ") {
					l = "  " + l
				}
				out = append(out, l)
			}
			continue
		}
		out = append(out, wrap(para, width)...)
	}
	return out
}

// wrap breaks text into lines of at most width characters at spaces; a longer word gets a line of its own.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

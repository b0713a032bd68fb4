package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// comment writes a doc comment, wrapped; paragraphs are separated by blank lines in text.
func comment(f *jen.File, text string) {
	for _, line := range wrapParagraphs(text, 116) {
		f.Comment(line)
	}
}

// commentGroup is comment for a block.
func commentGroup(g *jen.Group, text string) {
	for _, line := range wrapParagraphs(text, 112) {
		g.Comment(line)
	}
}

func wrapParagraphs(text string, width int) []string {
	text = strings.TrimLeft(text, "\n")
	var out []string
	for i, para := range strings.Split(strings.TrimRight(text, " \n"), "\n\n") {
		if i > 0 {
			out = append(out, "")
		}
		if strings.HasPrefix(para, "  ") {
			// Preformatted (a code block in go doc): kept line by line.
			out = append(out, strings.Split(para, "\n")...)
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

package generator

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	htmlTag    = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdEmphasis = regexp.MustCompile("\\*\\*|__|`")
)

// docText turns a description from the docs into comment text: links become their text, markup and HTML tags go,
// white space collapses.
func docText(s string) string {
	// Most descriptions have none of the markup: the regular expressions run only where their first byte occurs.
	if strings.IndexByte(s, ']') >= 0 {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	if strings.ContainsAny(s, "*_`") {
		s = mdEmphasis.ReplaceAllString(s, "")
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

// sentence joins non-empty parts with spaces, ending each with a period.
func sentence(parts ...string) string {
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ":") && !strings.HasSuffix(p, "?") && !strings.HasSuffix(p, "!") {
			p += "."
		}
		out = append(out, p)
	}
	return strings.Join(out, " ")
}

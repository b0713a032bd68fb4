package parser

import (
	"regexp"
	"strings"
)

// stripEmphasis removes markdown emphasis markers (**, __, *) and code backticks around words.
func stripEmphasis(s string) string {
	if strings.IndexByte(s, '*') < 0 && strings.IndexByte(s, '_') < 0 && strings.IndexByte(s, '`') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.Trim(s, "*")
	return strings.ReplaceAll(s, "`", "")
}

var (
	htmlTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
)

// plainText turns a markdown fragment (a cell, a paragraph) into readable text: links become their labels,
// <br> becomes a space, emphasis and backticks go, entities are decoded.
func plainText(s string) string {
	s = stripLinks(s)
	if strings.ContainsRune(s, '<') {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	s = stripEmphasis(s)
	if strings.ContainsRune(s, '&') {
		s = htmlEntities.Replace(s)
	}
	return collapseSpace(s)
}

// mayNeedCollapse marks the bytes that can make collapseSpace change a text: line breaks, tabs, the first byte
// of a no-break space, and a space (when another follows). One table lookup a byte: this runs on every cell.
var mayNeedCollapse = [256]bool{'\n': true, '\t': true, '\r': true, 0xc2: true, ' ': true}

// collapseSpace turns runs of whitespace (NBSP and newlines included) into one space and trims the ends.
func collapseSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; mayNeedCollapse[c] && (c != ' ' || i+1 < len(s) && s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

var htmlEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ")

// firstLink returns the label and target of the first markdown link in s.
func firstLink(s string) (label, target string, ok bool) {
	_, _, label, target, ok = mdLinkAt(s)
	return label, strings.TrimSpace(target), ok
}

// anchorOf computes the id docfx gives a heading: lower case, spaces to '-', most punctuation dropped.
func anchorOf(heading string) string {
	if isPlainHeading(heading) {
		return plainAnchorOf(heading)
	}
	var b strings.Builder
	for _, r := range strings.ToLower(plainText(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlainHeading reports whether plainText leaves heading as it is but for its blanks: printable ASCII, tabs
// and line breaks, with no link, tag, entity or emphasis.
func isPlainHeading(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '[', '<', '&', '*', '_', '`':
			return false
		case '\t', '\n', '\r':
		default:
			if c < ' ' || c > '~' {
				return false
			}
		}
	}
	return true
}

// plainAnchorOf is anchorOf for a plain heading, in one pass: a run of blanks (one space once plainText has
// collapsed it) becomes '-', except at the ends, which plainText trims.
func plainAnchorOf(heading string) string {
	var buf [64]byte
	b := buf[:0]
	text, blank := false, false
	for i := 0; i < len(heading); i++ {
		c := heading[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			blank = text
			continue
		}
		if blank {
			b = append(b, '-')
			blank = false
		}
		text = true
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == '-' || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' {
			b = append(b, c)
		}
	}
	return string(b)
}

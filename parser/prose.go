package parser

import (
	"regexp"
	"strings"
)

// stripEmphasis removes markdown emphasis markers (**, __, *) and code backticks around words.
func stripEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_`") {
		return s
	}
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.Trim(s, "*")
	return strings.ReplaceAll(s, "`", "")
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\(([^)]*)\)`)
	htmlTag    = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	manySpaces = regexp.MustCompile(`[ \t]{2,}`)
)

// plainText turns a markdown fragment (a cell, a paragraph) into readable text: links become their labels,
// <br> becomes a space, emphasis and backticks go, entities are decoded.
func plainText(s string) string {
	if strings.ContainsRune(s, '[') {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.ContainsRune(s, '<') {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	s = stripEmphasis(s)
	if strings.ContainsRune(s, '&') {
		s = htmlEntities.Replace(s)
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\n", " ")
	s = manySpaces.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

var htmlEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ")

// firstLink returns the label and target of the first markdown link in s.
func firstLink(s string) (label, target string, ok bool) {
	m := mdLink.FindStringSubmatch(s)
	if m == nil || strings.HasPrefix(m[0], "!") {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// anchorOf computes the id docfx gives a heading: lower case, spaces to '-', most punctuation dropped.
func anchorOf(heading string) string {
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

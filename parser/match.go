package parser

import (
	"strings"
	"unsafe"
)

// Hand-written matchers for the shapes read on every row and line of the corpus; the regexp package is kept for
// the rarer, more involved phrases.

// isIdentifier reports whether s matches [A-Za-z_][A-Za-z0-9_]*.
func isIdentifier(s string) bool {
	if s == "" || !(isLetter(s[0]) || s[0] == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isWordByte(s[i]) {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isTypeName reports whether s is a dotted sequence of identifiers: "user", "microsoft.graph.user".
func isTypeName(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if !isIdentifier(part) {
			return false
		}
	}
	return true
}

// isPropertyName reports whether s matches [@A-Za-z_$][A-Za-z0-9_.@$-]*, the names property tables use
// (instance annotations such as "@odata.id" included).
func isPropertyName(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if !(isLetter(c) || c == '_' || c == '@' || c == '$') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(isWordByte(c) || c == '.' || c == '@' || c == '$' || c == '-') {
			return false
		}
	}
	return true
}

// isHeaderLine reports whether l looks like an HTTP header line: "Content-Type: application/json".
func isHeaderLine(l string) bool {
	if l == "" || !isLetter(l[0]) || strings.HasPrefix(l, "http") {
		return false
	}
	i := 1
	for i < len(l) && (isWordByte(l[i]) && l[i] != '_' || l[i] == '-') {
		i++
	}
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		i++
	}
	return i < len(l) && l[i] == ':'
}

// isTabMarker reports whether a heading is a docfx tab marker: "[HTTP](#tab/http)".
func isTabMarker(raw string) bool {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "[") || !strings.HasSuffix(raw, ")") {
		return false
	}
	i := strings.Index(raw, "](#tab/")
	return i > 0 && !strings.ContainsRune(raw[1:i], ']')
}

// parseStatusLine reads "HTTP/1.1 201 Created" and its malformed relatives ("HTTP 1.1 201 Created",
// "HTTP 201 Created", "http/1.1 200 OK").
func parseStatusLine(l string) (code int, reason string, ok bool) {
	l = strings.TrimSpace(l)
	if len(l) < 8 || !strings.EqualFold(l[:4], "HTTP") {
		return 0, "", false
	}
	rest := l[4:]
	// Optional version: "/1.1", " 1.1", "/2", "1.1".
	if rest != "" && (rest[0] == '/' || rest[0] == ' ') && len(rest) > 1 && isDigit(rest[1]) {
		j := 1
		for j < len(rest) && (isDigit(rest[j]) || rest[j] == '.') {
			j++
		}
		// " 201 Created" would also match the version pattern: a version has at most one digit before '.'.
		if v := rest[1:j]; len(v) <= 3 && (strings.Contains(v, ".") || len(v) == 1) {
			rest = rest[j:]
		}
	} else if rest != "" && isDigit(rest[0]) && len(rest) > 2 && rest[1] == '.' {
		rest = rest[3:]
	}
	if rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	if len(rest) < 3 || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[2]) || rest[0] < '1' || rest[0] > '5' {
		return 0, "", false
	}
	if len(rest) > 3 && isWordByte(rest[3]) {
		return 0, "", false
	}
	code = int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
	return code, strings.TrimSpace(rest[3:]), true
}

// mdLinkAt finds the first inline link "[label](target)" in s (images excluded). It returns the byte offsets of
// the whole link, the label and the target. Each byte is looked at a bounded number of times: the '[' that opens
// a candidate "](" is searched for only back to the previous candidate, so a text of many "](" stays linear.
func mdLinkAt(s string) (start, end int, label, target string, ok bool) {
	from := 0
	// open is the last '[' before searched, -1 when none; closed says whether a ']' follows it before searched.
	open, closed, searched := -1, false, 0
	for {
		i := strings.Index(s[from:], "](")
		if i < 0 {
			return 0, 0, "", "", false
		}
		i += from
		if k := strings.LastIndexByte(s[searched:i], '['); k >= 0 {
			open = searched + k
			closed = strings.IndexByte(s[open+1:i], ']') >= 0
		} else if open >= 0 && !closed {
			closed = strings.IndexByte(s[searched:i], ']') >= 0
		}
		searched = i
		if open < 0 || closed {
			from = i + 2
			continue
		}
		closeIdx := strings.IndexByte(s[i+2:], ')')
		if closeIdx < 0 {
			return 0, 0, "", "", false
		}
		closeIdx += i + 2
		if open > 0 && s[open-1] == '!' {
			from = closeIdx + 1
			continue
		}
		return open, closeIdx + 1, s[open+1 : i], s[i+2 : closeIdx], true
	}
}

// stripLinks replaces every inline link with its label.
func stripLinks(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	var b strings.Builder
	for {
		start, end, label, _, ok := mdLinkAt(s)
		if !ok {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:start])
		b.WriteString(label)
		s = s[end:]
	}
}

// containsAny reports whether s contains any of the substrings.
func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func isStatusLine(l string) bool {
	_, _, ok := parseStatusLine(l)
	return ok
}

// hasPrefixFold reports whether s starts with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// lower returns s in ASCII lower case, in a buffer the page reader reuses: the result is valid until the next
// call. Non-ASCII bytes are kept as they are, so byte offsets in the result match s.
func (p *pageReader) lower(s string) string {
	p.lowBuf = append(p.lowBuf[:0], s...)
	for i, c := range p.lowBuf {
		if 'A' <= c && c <= 'Z' {
			p.lowBuf[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(unsafe.SliceData(p.lowBuf), len(p.lowBuf))
}

// indexFold is strings.Index ignoring ASCII case; sub must be lower case.
func indexFold(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	first := sub[0]
	for i := 0; i+n <= len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != first {
			continue
		}
		j := 1
		for ; j < n; j++ {
			d := s[i+j]
			if 'A' <= d && d <= 'Z' {
				d += 'a' - 'A'
			}
			if d != sub[j] {
				break
			}
		}
		if j == n {
			return i
		}
	}
	return -1
}

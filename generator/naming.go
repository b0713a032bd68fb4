package generator

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
)

// Go names are made from the docs' names: words split at case changes and punctuation, each capitalized, with
// the usual initialisms upper-cased (tenantId → TenantID, webUrl → WebURL, ids → IDs). A leading digit gets an X
// in front (3dModel → X3dModel); a lower-case name that is a Go keyword or predeclared identifier (type, nil,
// string) gets a trailing underscore.

var initialisms = map[string]string{}

func init() {
	for _, w := range strings.Fields(`ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS RPC
		SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS`) {
		initialisms[strings.ToLower(w)] = w
	}
	initialisms["ids"] = "IDs"
	initialisms["urls"] = "URLs"
	initialisms["uris"] = "URIs"
	initialisms["odata"] = "OData"
}

// splitWords splits a docs name into words: at punctuation, before an upper-case letter that follows a lower-case
// letter or digit, and before the last capital of a run followed by a lower-case letter (HTTPServer → HTTP Server).
// Digits stay with the word before them (windows10, x509).
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			words = append(words, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return words
}

// exportedName converts a docs name to an exported Go identifier.
func exportedName(s string) string {
	var b strings.Builder
	for _, w := range splitWords(s) {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		rs := []rune(w)
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	name := asciiIdent(b.String())
	if name == "" {
		return "X"
	}
	if unicode.IsDigit(rune(name[0])) {
		name = "X" + name
	}
	return name
}

// unexportedName converts a docs name to an unexported Go identifier (for arguments).
func unexportedName(s string) string {
	words := splitWords(s)
	if len(words) == 0 {
		return "x"
	}
	var b strings.Builder
	for i, w := range words {
		switch {
		case i == 0:
			b.WriteString(strings.ToLower(w))
		default:
			if up, ok := initialisms[strings.ToLower(w)]; ok {
				b.WriteString(up)
				continue
			}
			rs := []rune(w)
			rs[0] = unicode.ToUpper(rs[0])
			b.WriteString(string(rs))
		}
	}
	name := asciiIdent(b.String())
	if name == "" || unicode.IsDigit(rune(name[0])) {
		name = "x" + name
	}
	if token.IsKeyword(name) || types.Universe.Lookup(name) != nil {
		// A keyword would not parse; a predeclared name (nil, string, len) would shadow what the method body uses.
		name += "_"
	}
	return name
}

// asciiIdent keeps letters and digits that Go accepts in identifiers everywhere; it drops the rest, so that
// names stay typeable.
func asciiIdent(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// scope hands out distinct identifiers: the first claim of a name gets it, later ones get a numeric suffix
// (Name2, Name3, …). Claims are made in a fixed order, so the result is deterministic.
type scope struct {
	used   map[string]bool
	parent *scope
}

func newScope(parent *scope, reserved ...string) *scope {
	s := &scope{used: map[string]bool{}, parent: parent}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

func (s *scope) taken(name string) bool {
	for x := s; x != nil; x = x.parent {
		if x.used[name] {
			return true
		}
	}
	return false
}

// claim returns name, or name with the smallest suffix that is free, and marks it used.
func (s *scope) claim(name string) string {
	got := name
	for n := 2; s.taken(got); n++ {
		got = name + strconv.Itoa(n)
	}
	s.used[got] = true
	return got
}

// reserve marks names used without claiming them for anything.
func (s *scope) reserve(names ...string) {
	for _, n := range names {
		s.used[n] = true
	}
}

// lowerFirst lower-cases the first letter: "Entity" → "entity".
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

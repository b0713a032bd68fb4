package parser

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// The functions below are the link readers as they were, searching the rest of the line from every bracket; the
// tests check that the linear ones read the same links.

// scanLinksQuadratic is scanLinks as it was before its bracket index; it records the links on lines from..to of the page: inline "[label](target)", reference "[label][ref]"
// and "[label]" links with a definition, skipping code spans and images. "[!INCLUDE [name](target)]" is recorded
// as an include; tab markers "[HTTP](#tab/http)" are neither.
func (p *pageReader) scanLinksQuadratic(from, to int) {
	for n := from; n <= to; n++ {
		l := p.lines.line(n)
		if strings.IndexByte(l, '[') < 0 {
			continue
		}
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '`':
				j := i
				for j < len(l) && l[j] == '`' {
					j++
				}
				if k := strings.Index(l[j:], l[i:j]); k >= 0 {
					i = j + k + (j - i) - 1
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
					rest := l[i+len("[!INCLUDE"):]
					if _, end, label, target, ok := mdLinkAtQuadratic(rest); ok && strings.TrimSpace(rest[:strings.IndexByte(rest, '[')]) == "" {
						p.page.Includes = append(p.page.Includes, model.Include{Name: label, Target: strings.TrimSpace(target), Pos: p.pos(n, runeColQuadratic(l, i))})
						i += len("[!INCLUDE") + end
					}
					continue
				}
				label, target, width, ok := linkAtQuadratic(l[i:], p.refs)
				if !ok {
					continue
				}
				if !strings.HasPrefix(target, "#tab/") {
					p.page.Links = append(p.page.Links, model.Link{Text: stripEmphasis(label), Target: target, Pos: p.pos(n, runeColQuadratic(l, i))})
				}
				i += width - 1
			}
		}
	}
}

// linkAtQuadratic reads a link starting at s[0] == '['. It returns the label, the target and the link's width.
func linkAtQuadratic(s string, refs map[string]string) (label, target string, width int, ok bool) {
	depth, end := 0, -1
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = k
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 0 {
		return "", "", 0, false
	}
	label = s[1:end]
	rest := s[end+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		closeIdx := strings.IndexByte(rest, ')')
		if closeIdx < 0 {
			return "", "", 0, false
		}
		target = strings.TrimSpace(rest[1:closeIdx])
		if sp := strings.IndexAny(target, " \t"); sp > 0 {
			if !strings.ContainsAny(target[sp:], "\"'") {
				return "", "", 0, false // a destination with spaces does not make a link
			}
			target = target[:sp] // [x](url "title")
		}
		return label, strings.Trim(target, "<>"), end + 1 + closeIdx + 1, true
	case strings.HasPrefix(rest, "["):
		closeIdx := strings.IndexByte(rest, ']')
		if closeIdx < 0 || refs == nil {
			return "", "", 0, false
		}
		key := rest[1:closeIdx]
		if key == "" {
			key = label
		}
		t, found := refs[strings.ToLower(key)]
		return label, t, end + 1 + closeIdx + 1, found
	case refs != nil && !strings.HasPrefix(rest, ":"):
		if t, found := refs[strings.ToLower(label)]; found {
			return label, t, end + 1, true
		}
	}
	return "", "", 0, false
}

// runeColQuadratic is the 1-based column, in characters, of byte offset i of l.
func runeColQuadratic(l string, i int) int { return utf8.RuneCountInString(l[:i]) + 1 }

// mdLinkAtQuadratic is mdLinkAt as it was, searching back from every "](" to the start of the text.
func mdLinkAtQuadratic(s string) (start, end int, label, target string, ok bool) {
	from := 0
	for {
		i := strings.Index(s[from:], "](")
		if i < 0 {
			return 0, 0, "", "", false
		}
		i += from
		open := strings.LastIndexByte(s[:i], '[')
		if open < 0 || strings.IndexByte(s[open+1:i], ']') >= 0 {
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

// randomLinkText makes a line of the characters links are made of.
func randomLinkText(rng *rand.Rand, n int) string {
	const alphabet = "[]()!`\\<>-: ax#/é"
	pieces := []string{"[!INCLUDE ", "[!INCLUDE [", "<!--", "-->", "](", ")]", "#tab/", "[ref]", "\"", "é", "[a](b)", "``"}
	var b strings.Builder
	for b.Len() < n {
		if rng.Intn(4) == 0 {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			continue
		}
		b.WriteByte(alphabet[rng.Intn(len(alphabet))])
	}
	return b.String()
}

func TestLinkReadersAgree(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	refs := map[string]string{"ref": "r.md", "a": "a.md"}
	for round := 0; round < 20000; round++ {
		line := randomLinkText(rng, 1+rng.Intn(60))
		if !utf8.ValidString(line) {
			continue
		}
		s1, e1, l1, t1, ok1 := mdLinkAt(line)
		s2, e2, l2, t2, ok2 := mdLinkAtQuadratic(line)
		if s1 != s2 || e1 != e2 || l1 != l2 || t1 != t2 || ok1 != ok2 {
			t.Fatalf("mdLinkAt(%q) = %d %d %q %q %v, was %d %d %q %q %v", line, s1, e1, l1, t1, ok1, s2, e2, l2, t2, ok2)
		}
		if strings.Contains(line, "[!INCLUDE") && strings.Contains(line, ")\\") {
			// The old reader passed over the character after an include's link, so a '[' escaped by it read as
			// a link; the bracket index knows it is escaped.
			continue
		}
		src := []byte(line + "\n")
		newer := &pageReader{pageScratch: &pageScratch{}, lines: newLineIndex(src, nil), page: &model.Page{}, refs: refs}
		older := &pageReader{pageScratch: &pageScratch{}, lines: newLineIndex(src, nil), page: &model.Page{}, refs: refs}
		newer.scanLinks(1, 1)
		older.scanLinksQuadratic(1, 1)
		if !reflect.DeepEqual(newer.page.Links, older.page.Links) || !reflect.DeepEqual(newer.page.Includes, older.page.Includes) {
			t.Fatalf("scanLinks(%q):\n links %v\n includes %v\nwas:\n links %v\n includes %v", line, newer.page.Links, newer.page.Includes, older.page.Links, older.page.Includes)
		}
	}
}

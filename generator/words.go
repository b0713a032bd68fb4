package generator

import (
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/model"
)

// Page names are lower case ("driveitem-put-content", "reportroot-getemailactivitycounts"). To name operations
// well, each part is spelled as the docs spell the same word elsewhere (driveItem, getEmailActivityCounts): first as a
// whole name the docs use (a type, a property, a path segment), else split into words the docs use.

type vocabulary struct {
	names map[string]string // lower-case name → as written
	words map[string]bool   // lower-case single words of those names
	long  int               // length of the longest word
}

func newVocabulary(m *model.Model) *vocabulary {
	v := &vocabulary{names: map[string]string{}, words: map[string]bool{}}
	add := func(name string) {
		if name == "" || !isWordy(name) {
			return
		}
		key := strings.ToLower(name)
		if old, ok := v.names[key]; !ok || name < old {
			v.names[key] = name
		}
		for _, w := range splitWords(name) {
			lw := strings.ToLower(w)
			if len(lw) >= 2 {
				v.words[lw] = true
				if len(lw) > v.long {
					v.long = len(lw)
				}
			}
		}
	}
	for _, t := range m.Types {
		add(t.Name)
		for _, p := range t.Properties {
			add(p.Name)
		}
		for _, p := range t.NavigationProperties {
			add(p.Name)
		}
	}
	for _, op := range m.Operations {
		for _, path := range op.Paths {
			for _, seg := range strings.FieldsFunc(path.Template, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			}) {
				add(seg)
			}
		}
	}
	return v
}

func isWordy(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// spell returns part as the docs write it: "driveitem" → "driveItem"; an unknown compound is split into known words
// when it can be ("authenticationstrengthroot" → "authenticationStrengthRoot").
func (v *vocabulary) spell(part string) string {
	if part == "" {
		return part
	}
	lower := strings.ToLower(part)
	if lower != part {
		return part // already cased by its author
	}
	if name, ok := v.names[lower]; ok {
		return name
	}
	// Fewest known words covering the whole part; ties go to the split with the longer first word.
	n := len(lower)
	best := make([]int, n+1) // best[i]: fewest words covering lower[:i]; -1 when impossible
	prev := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = -1
		for j := max(0, i-v.long); j < i; j++ {
			if best[j] < 0 || !v.words[lower[j:i]] {
				continue
			}
			if best[i] < 0 || best[j]+1 < best[i] {
				best[i], prev[i] = best[j]+1, j
			}
		}
	}
	if best[n] < 0 {
		return lower
	}
	var words []string
	for i := n; i > 0; i = prev[i] {
		words = append([]string{lower[prev[i]:i]}, words...)
	}
	for i := 1; i < len(words); i++ {
		words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
	}
	return strings.Join(words, "")
}

package parser

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// widgetWithDescriptions is a resource page whose two properties have the given descriptions.
func widgetWithDescriptions(color, size string) string {
	return resource("widget", "microsoft.graph", "A widget.",
		"| color | String | "+color+" |\n| size | Int32 | "+size+" |\n", `  "keyProperty": "id",`, `{"color": "String", "size": 1024}`)
}

// A NUL in one description and an invalid byte in another: both become U+FFFD, both are reported at their page
// line and column, and the rest of the page is read as before.
func TestBadBytesInDescriptions(t *testing.T) {
	tests := []struct {
		name, color, rule string
	}{
		{"nul", "The co\x00lor.", "control-character"},
		{"invalid-utf8", "The co\xfflor.", "invalid-utf8"},
		{"escape", "The co\x1blor.", "control-character"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := widgetWithDescriptions("Déjà "+tc.color, "The size.")
			m := docs(t, map[string]string{"resources/widget.md": src})
			w := m.Type("microsoft.graph.widget")
			if w == nil || len(w.Properties) != 2 {
				t.Fatalf("widget not read in full: %+v\n%s", w, diagList(m.Diagnostics))
			}
			if got := w.Properties[0].Description; got != "Déjà The co\ufffdlor." {
				t.Errorf("color description %q, want the bad byte as U+FFFD", got)
			}
			if got := w.Properties[1].Description; got != "The size." {
				t.Errorf("size description %q", got)
			}
			line := lineOf(t, src, "| color |")
			l := strings.Split(src, "\n")[line-1]
			col := utf8.RuneCountInString(l[:strings.Index(l, "co"+tc.color[len("The co"):])+2]) + 1
			var found bool
			for _, d := range m.Diagnostics {
				if d.Rule == tc.rule {
					found = true
					if d.Pos.File != "resources/widget.md" || d.Pos.Line != line || d.Pos.Col != col || d.Severity != model.SeverityError {
						t.Errorf("diagnostic %s, want resources/widget.md:%d:%d error", d, line, col)
					}
				}
			}
			if !found {
				t.Errorf("no %s diagnostic:\n%s", tc.rule, diagList(m.Diagnostics))
			}
			assertCleanModel(t, m)
		})
	}
}

// A page of nothing but bad bytes reports the first ones one by one and counts the rest.
func TestManyBadBytesAreCounted(t *testing.T) {
	res := readPage("x.md", []byte(strings.Repeat("\x00\xfe\n", 100)))
	counts := map[string]int{}
	for _, d := range res.diags {
		counts[d.Rule]++
	}
	if counts["control-character"] != maxTextFaults || counts["invalid-utf8"] != maxTextFaults {
		t.Fatalf("diagnostics by rule %v, want %d of each", counts, maxTextFaults)
	}
	if last := res.diags[len(res.diags)-1].Message; !strings.Contains(last, "80 more") {
		t.Errorf("last diagnostic %q does not count the rest", last)
	}
}

// A YAML escape can write a control character the page's text does not have.
func TestYAMLEscapesAreCleaned(t *testing.T) {
	src := "---\ntitle: \"Widget\\0 \\x01type\"\nitems:\n  - a\n---\n# widget resource type\n"
	res := readPage("resources/widget.md", []byte(src))
	if res.page.Title != "Widget\ufffd \ufffdtype" {
		t.Errorf("title %q", res.page.Title)
	}
	if !hasDiag(res.diags, "control-character", 2) {
		t.Errorf("no control-character diagnostic on line 2:\n%s", diagList(res.diags))
	}
}

func TestCleanTextKeepsCleanPages(t *testing.T) {
	for _, s := range []string{"", "plain\r\n\ttext", "Déjà vu 😊 \ufeff"} {
		out, faults := cleanText([]byte(s))
		if string(out) != s || faults != nil {
			t.Errorf("cleanText(%q) = %q, %v", s, out, faults)
		}
	}
}

// firstFault reads eight bytes at a time; it must find what a character-by-character reading finds.
func TestFirstFaultAgreesWithDecoding(t *testing.T) {
	byRune := func(src []byte) int {
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size == 1 || r < utf8.RuneSelf && isControlByte[r] {
				return i
			}
			i += size
		}
		return -1
	}
	rng := rand.New(rand.NewSource(2))
	pieces := []string{" ", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "\x80", "é", "😊", "\xff", "~", "\x0b", "\xe2\x82"}
	for round := 0; round < 50000; round++ {
		var b []byte
		for n := rng.Intn(40); n > 0; n-- {
			if rng.Intn(4) == 0 {
				b = append(b, pieces[rng.Intn(len(pieces))]...)
			} else {
				b = append(b, byte('a'+rng.Intn(26)))
			}
		}
		if got, want := firstFault(b), byRune(b); got != want {
			t.Fatalf("firstFault(%q) = %d, want %d", b, got, want)
		}
	}
	for c := 0; c < 256; c++ {
		b := []byte("abcdefghijklmnop")
		b[11] = byte(c)
		if got, want := firstFault(b), byRune(b); got != want {
			t.Fatalf("firstFault(%q) = %d, want %d", b, got, want)
		}
	}
}

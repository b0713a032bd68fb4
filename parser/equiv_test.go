package parser

import (
	"sort"
	"strings"
	"testing"
)

// The functions below are the straightforward versions of functions made faster; the tests check that both agree.

func normHeaderReference(s string) string {
	s = strings.ToLower(stripEmphasis(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == ':' || r == '.':
			continue
		case r == ' ' || r == '\t' || r == '_' || r == '\u00a0':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

var headerSamples = []string{
	"", "Property", "Type", "Description", "  Permission type ", "Permissions (from least to most privileged)",
	"**Name**", "`Value`", "Request_Header", "Is required?", "Name\u00a0\u00a0Value", "Ünïcödé Header", "a__b",
	"*Req*", "***x***", "Property: name.", "HTTP Request", "Example 2: Create a user", "JSON Representation",
	"x\tvalues", "(optional)", " . ", "ÀB_c", "Examples", "Response", "Request body",
}

func FuzzNormHeader(f *testing.F) {
	for _, s := range headerSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normHeader(s), normHeaderReference(s); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", s, got, want)
		}
	})
}

func anchorOfReference(heading string) string {
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

func FuzzAnchorOf(f *testing.F) {
	for _, s := range append(headerSamples, "? a", " Example 1: Get a user ", "a ? b", "x\t\ty", "Create [user](x.md)", "A -- B", "a\r\nb", " \v 0") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := anchorOf(s), anchorOfReference(s); got != want {
			t.Errorf("anchorOf(%q) = %q, want %q", s, got, want)
		}
	})
}

func readOnlyReference(low string) bool {
	return (strings.Contains(low, "read-only") || strings.Contains(low, "readonly") || strings.Contains(low, "read only")) &&
		!strings.Contains(low, "read-only for") &&
		!strings.Contains(low, "read-only after") && !strings.Contains(low, "read only after") && !strings.Contains(low, "readonly after")
}

func notNullableReference(low string) bool {
	return strings.Contains(low, "not nullable") || strings.Contains(low, "non-nullable") || strings.Contains(low, "not-nullable") || strings.Contains(low, "non nullable")
}

func FuzzDescriptionPhrases(f *testing.F) {
	for _, s := range []string{"", "read-only.", "readonly", "read only", "read-only for admins. read-only", "reread only", "read",
		"not nullable", "non-nullable.", "nullable", "xnot-nullable", "non nullable", "nullable not nullable", "readread-only",
		"is a required property and is read only after creation.", "read-only. read-only after creation", "readonly after"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, low string) {
		if got, want := readOnly(low), readOnlyReference(low); got != want {
			t.Errorf("readOnly(%q) = %v, want %v", low, got, want)
		}
		if got, want := notNullable(low), notNullableReference(low); got != want {
			t.Errorf("notNullable(%q) = %v, want %v", low, got, want)
		}
	})
}

func valuesPhraseStartReference(desc string) (start int, trigger string) {
	low := strings.ToLower(desc)
	start = -1
	for _, t := range valuesTriggers {
		if i := strings.Index(low, t); i >= 0 && (start < 0 || i < start) {
			start, trigger = i, t
		}
	}
	return start, trigger
}

func FuzzValuesPhrase(f *testing.F) {
	for _, s := range []string{"", "Possible values are: `a`, `b`.", "The value can be one of the following values: x",
		"valid valuevalue allowed values", "one of the following values", "VALUE", "possible valu", "a value, or valid values"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, desc string) {
		start, _, ok := valuesPhrase(desc)
		want, _ := valuesPhraseStartReference(desc)
		if ok != (want >= 0) || ok && start != want {
			t.Errorf("valuesPhrase(%q) starts at %d (%v), want %d", desc, start, ok, want)
		}
	})
}

func TestLineOf(t *testing.T) {
	for _, src := range []string{"", "a", "a\n", "a\nb", "\n\n\n", "ab\ncd\n\nef"} {
		ix := newLineIndex([]byte(src), nil)
		for off := 0; off <= len(src)+1; off++ {
			want := sort.Search(len(ix.starts), func(i int) bool { return ix.starts[i] > off })
			if got := ix.lineOf(off); got != want {
				t.Errorf("%q: lineOf(%d) = %d, want %d", src, off, got, want)
			}
		}
	}
}

// openIdConnectProvider's type "is a required property and is read only after creation": set when created, so not
// read-only (precision sample 13, #102: read-only-in-create on identityprovider-post-identityproviders).
func TestReadOnlyAfterCreationIsSettable(t *testing.T) {
	for low, want := range map[string]bool{
		"the identity provider type. it is a required property and is read only after creation.": false,
		"read-only after creation.": false,
		"read-only.":                true,
		"the time it was created. read-only. nullable.": true,
	} {
		if got := readOnly(low); got != want {
			t.Errorf("readOnly(%q) = %v, want %v", low, got, want)
		}
	}
}

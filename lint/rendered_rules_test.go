package lint

import (
	"os"
	"strings"
	"testing"
)

// Rules on the page forms of issue 11, on excerpts of the 2021 v1.0 pages that showed each case
// (lint/testdata/forms).

func formFindings(t *testing.T, name, rule string) (lines []int, src string) {
	t.Helper()
	b, err := os.ReadFile("testdata/forms/" + name)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lintPages(t, map[string]string{"api/" + name: string(b)}, Options{}) {
		if f.Rule == rule {
			lines = append(lines, f.Pos.Line)
			t.Logf("%s", f)
		}
	}
	return lines, string(b)
}

// administrativeunit-post-administrativeunits: a response marked truncated whose Content-length (172) is below
// the bytes it shows (344). Shortening removes bytes, so the header is wrong all the same.
func TestContentLengthBelowTruncatedBody(t *testing.T) {
	lines, src := formFindings(t, "truncated-response.md", "content-length")
	if want := lineOf(t, src, "Content-length: 172"); len(lines) != 1 || lines[0] != want {
		t.Errorf("content-length at %v, want line %d", lines, want)
	}
}

// call-reject rendered: the request's Content-Length 24 is right for the body with the indentation the rendering
// dropped (and the includes glued after "}" are not the body's). The response after it is made up: a response
// may be shortened, so only a length below what it shows (9 for 46 bytes) is wrong.
func TestContentLengthRenderedBody(t *testing.T) {
	lines, src := formFindings(t, "call-reject.txt", "content-length")
	if want := lineOf(t, src, "Content-Length: 9"); len(lines) != 1 || lines[0] != want {
		t.Errorf("content-length at %v, want only line %d", lines, want)
	}
}

// usersettings-get rendered: the permissions include is text, and the only permission named is in a note under
// the request lines, which is not the permissions the page should give.
func TestPermissionNamedBelowRequest(t *testing.T) {
	lines, src := formFindings(t, "usersettings-get.txt", "missing-permissions")
	if want := lineOf(t, src, "[!INCLUDE permissions-table]"); len(lines) != 1 || lines[0] != want {
		t.Errorf("missing-permissions at %v, want line %d", lines, want)
	}
	if !strings.Contains(src, "User.ReadWrite.All") {
		t.Fatal("the excerpt lost its note")
	}
}

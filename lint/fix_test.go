package lint

import (
	"strings"
	"testing"
)

func TestApplyFixes(t *testing.T) {
	src := []byte("abcdefghij")
	cases := []struct {
		name    string
		fixes   []*Fix
		want    string
		applied []bool
	}{
		{"none", nil, "abcdefghij", []bool{}},
		{"replace, delete, insert", []*Fix{
			{Edits: []Edit{{Start: 7, End: 9, New: "HI"}}},
			{Edits: []Edit{{Start: 0, End: 1}}},
			{Edits: []Edit{{Start: 4, End: 4, New: "+"}}},
		}, "bcd+efgHIj", []bool{true, true, true}},
		{"overlap: the first fix wins, the other is left", []*Fix{
			{Edits: []Edit{{Start: 2, End: 5, New: "X"}}},
			{Edits: []Edit{{Start: 4, End: 6, New: "Y"}}},
		}, "abXfghij", []bool{true, false}},
		{"a fix is whole or nothing", []*Fix{
			{Edits: []Edit{{Start: 0, End: 1, New: "A"}}},
			{Edits: []Edit{{Start: 8, End: 9, New: "I"}, {Start: 0, End: 2, New: "Z"}}},
		}, "Abcdefghij", []bool{true, false}},
		{"two insertions at one place", []*Fix{
			{Edits: []Edit{{Start: 3, End: 3, New: "1"}}},
			{Edits: []Edit{{Start: 3, End: 3, New: "2"}}},
		}, "abc1defghij", []bool{true, false}},
		{"out of range", []*Fix{{Edits: []Edit{{Start: 8, End: 11}}}}, "abcdefghij", []bool{false}},
		{"a fix that reads what another edits waits", []*Fix{
			{Edits: []Edit{{Start: 0, End: 1, New: "9"}}, Reads: []Edit{{Start: 5, End: 10}}},
			{Edits: []Edit{{Start: 6, End: 7}}},
		}, "abcdefhij", []bool{false, true}},
		{"a fix that reads untouched text applies", []*Fix{
			{Edits: []Edit{{Start: 0, End: 1, New: "9"}}, Reads: []Edit{{Start: 5, End: 6}}},
			{Edits: []Edit{{Start: 6, End: 7}}},
		}, "9bcdefhij", []bool{true, true}},
	}
	for _, tc := range cases {
		got, applied := ApplyFixes(src, tc.fixes)
		if string(got) != tc.want || len(applied) != len(tc.applied) {
			t.Errorf("%s: got %q %v, want %q %v", tc.name, got, applied, tc.want, tc.applied)
			continue
		}
		for i := range applied {
			if applied[i] != tc.applied[i] {
				t.Errorf("%s: applied %v, want %v", tc.name, applied, tc.applied)
				break
			}
		}
	}
	if string(src) != "abcdefghij" {
		t.Errorf("ApplyFixes changed its input: %q", src)
	}
}

// TestFixKeepsTheBytesAround fixes a page with a byte order mark, CRLF line endings and no final line break: only
// the fixed spans change.
func TestFixKeepsTheBytesAround(t *testing.T) {
	clean := strings.Join([]string{
		"\ufeff# user: get", "", "## Permissions", "",
		"| Permission type | Permissions (from least to most privileged) |", "|:---|:---|", "| Application | User.Read.All |", "",
		"## HTTP request", "", "```http", "GET /users/{id}", "```", "",
		"## Response", "", "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object.", "",
		"## Examples", "", "### Request", "", "```http", "GET https://graph.microsoft.com/v1.0/users/1", "```", "",
		"### Response", "", "```http", "HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 19", "", `{"id": "1", "a": 2}`, "```",
	}, "\r\n")
	broken := strings.NewReplacer("`200 OK`", "`200 Ok`", "(../resources/user.md)", "(../resources/User.md)",
		"| Permissions (from least to most privileged) |", "| Permission |", "HTTP/1.1 200 OK", "HTTP 1.1 200 OK",
		"Content-Length: 19", "Content-Length: 25", `"a": 2}`, `"a": 2,}`).Replace(clean)
	resource := "# user resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |\n| a | Int32 | A. |\n"
	pages := map[string]string{"api/user-get.md": broken, "resources/user.md": resource}
	var fixes []*Fix
	rules := map[string]bool{}
	for _, f := range lintPages(t, pages, Options{}) {
		if f.Fix != nil && f.Pos.File == "api/user-get.md" {
			fixes = append(fixes, f.Fix)
			rules[f.Rule] = true
		}
	}
	for _, r := range []string{"reason-phrase", "link-case", "permissions-header", "status-line", "json-syntax", "content-length"} {
		if !rules[r] {
			t.Errorf("no %s fix; fixes of %v", r, keys(rules))
		}
	}
	// Two rounds, as lint --fix does: the Content-Length fix waits for the body's.
	out := []byte(broken)
	for round := 0; round < 2; round++ {
		out, _ = ApplyFixes(out, fixes)
		fixes = nil
		pages["api/user-get.md"] = string(out)
		for _, f := range lintPages(t, pages, Options{}) {
			if f.Fix != nil && f.Pos.File == "api/user-get.md" {
				fixes = append(fixes, f.Fix)
			}
		}
	}
	if string(out) != clean {
		t.Errorf("fixed page differs from the clean one%s", firstDifference(string(out), clean))
	}
	if len(fixes) != 0 {
		t.Errorf("%d fixes left after the fixes", len(fixes))
	}
}

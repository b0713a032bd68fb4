package lint

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// sample12SplitDir holds trimmed copies of beta pages whose permissions table has a column per scenario, "acting on
// self" and "acting on others" (precision sample 12's #79), and one whose single column is merely non-standard.
var sample12SplitDir = filepath.Join("testdata", "issue11", "sample12-split-permissions-header")

// splitTablePage is emailauthenticationmethod-get.md with its permissions table replaced by one of the given header
// cells (after "Permission type"), each row giving a permission in every column.
func splitTablePage(t *testing.T, headers ...string) string {
	t.Helper()
	page := readTree(t, sample12SplitDir)["api/emailauthenticationmethod-get.md"]
	const table = "|Permission type|Permissions acting on self (from least to most privileged)|Permissions acting on others (from least to most privileged)|\n" +
		"|:---|:---|:--|\n" +
		"| Delegated (work or school account)     | UserAuthenticationMethod.Read, UserAuthenticationMethod.ReadWrite | UserAuthenticationMethod.Read.All, UserAuthenticationMethod.ReadWrite.All |\n" +
		"| Delegated (personal Microsoft account) | Not supported. | Not supported. |\n" +
		"| Application                            | Not applicable. | UserAuthenticationMethod.Read.All, UserAuthenticationMethod.ReadWrite.All |\n"
	rows := []string{"|Permission type|" + strings.Join(headers, "|") + "|", "|:---|" + strings.Repeat(":---|", len(headers))}
	for _, typ := range []string{"Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"} {
		rows = append(rows, "| "+typ+" |"+strings.Repeat(" UserAuthenticationMethod.Read.All |", len(headers)))
	}
	return mustReplace(t, page, table, strings.Join(rows, "\n")+"\n")
}

// TestSplitPermissionsHeader: a permissions table split by whom its columns act on keeps its headers (ordering
// still checked); a single permissions column whose header is qualified, misspelled or non-standard is still
// reported and fixed.
func TestSplitPermissionsHeader(t *testing.T) {
	const self, others = "Permissions acting on self (from least to most privileged)", "Permissions acting on others (from least to most privileged)"
	cases := []struct {
		name    string
		headers []string
		want    string // the permissions-header message's text, "" for no finding
		fix     bool   // the finding carries a fix
	}{
		{"the corpus's split", []string{self, others}, "", false},
		{"split without the ordering", []string{"Permissions acting on self", "Permissions acting on others"}, "", false},
		{"split, others first", []string{others, self}, "", false},
		{"split by signed-in and other users", []string{"Permissions for the signed-in user (from least to most privileged)", "Permissions for other users (from least to most privileged)"}, "", false},
		{"split, one column most to least", []string{"Permissions acting on self (from most to least privileged)", others}, `"Permissions acting on self (from most to least privileged)" says "from most to least privileged"`, false},
		{"one qualified column", []string{self}, `the permissions column header is "Permissions acting on self (from least to most privileged)"; write "Permissions (from least to most privileged)"`, true},
		{"two columns on the same side", []string{self, "Permissions acting on self (higher privileged)"}, `the permissions column header is "Permissions acting on self (from least to most privileged)"`, false},
		{"a qualified column and a note", []string{self, "Notes"}, `the permissions column header is "Permissions acting on self`, false},
		{"misspelled", []string{"Permisions (from least to most privileged)"}, `the permissions column header is "Permisions (from least to most privileged)"`, true},
		{"bare Permissions", []string{"Permissions"}, `the permissions column header is "Permissions"; write "Permissions (from least to most privileged)"`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := findingsOf(lintPages(t, map[string]string{"api/emailauthenticationmethod-get.md": splitTablePage(t, tc.headers...)}, Options{}), "permissions-header")
			if tc.want == "" {
				if len(fs) > 0 {
					t.Errorf("split header reported:\n%s", dump(fs))
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) {
				t.Fatalf("want one permissions-header finding containing %q, got:\n%s", tc.want, dump(fs))
			}
			if (fs[0].Fix != nil) != tc.fix {
				t.Errorf("fix %v, want %v", fs[0].Fix != nil, tc.fix)
			}
		})
	}
}

// TestSplitPermissionsFixLeavesHeaders: the fixes lint --fix would apply to the regression folder leave the split
// headers as written and give the single non-standard column the standard wording.
func TestSplitPermissionsFixLeavesHeaders(t *testing.T) {
	pages := readTree(t, sample12SplitDir)
	fixes := map[string][]*Fix{}
	for _, f := range lintPages(t, pages, Options{}) {
		if f.Fix != nil {
			fixes[f.Pos.File] = append(fixes[f.Pos.File], f.Fix)
		}
	}
	for file, text := range pages {
		out, _ := ApplyFixes([]byte(text), fixes[file])
		split := strings.Contains(text, "Permissions acting on self (from least to most privileged)|Permissions acting on others") ||
			strings.Contains(text, "Permissions acting on self (from least to most privileged) | Permissions acting on others")
		switch {
		case split && !strings.Contains(string(out), "acting on others"):
			t.Errorf("%s: the fix rewrote the split header:%s", file, firstDifference(text, string(out)))
		case !split && !strings.Contains(string(out), "| Permissions (from least to most privileged)|"):
			t.Errorf("%s: the single column was not given the standard wording:%s", file, firstDifference(text, string(out)))
		}
	}
}

// TestSplitPermissionsCellsCount: both columns of a split table are the operation's permissions, so the page is
// not missing any; the same page without the table is.
func TestSplitPermissionsCellsCount(t *testing.T) {
	const file = "api/emailauthenticationmethod-get.md"
	pages := readTree(t, sample12SplitDir)
	m := parser.ParsePages(map[string][]byte{file: []byte(pages[file])}, nil)
	var scopes []string
	for _, op := range m.Operations {
		if op.Page == file {
			for _, p := range op.Permissions {
				scopes = append(scopes, p.Scopes...)
			}
		}
	}
	for _, s := range []string{"UserAuthenticationMethod.ReadWrite", "UserAuthenticationMethod.ReadWrite.All"} { // self's, others'
		if !slices.Contains(scopes, s) {
			t.Errorf("permission %s of the split table not read; scopes %v", s, scopes)
		}
	}
	if fs := findingsOf(lintPages(t, map[string]string{file: pages[file]}, Options{}), "missing-permissions"); len(fs) > 0 {
		t.Errorf("split table not counted as permissions:\n%s", dump(fs))
	}
	lines := strings.Split(pages[file], "\n")
	var kept []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "|") || !strings.Contains(l, "ermission") && !strings.Contains(l, "Delegated") && !strings.Contains(l, "Application") && !strings.HasPrefix(l, "|:---|:---|:--|") {
			kept = append(kept, l)
		}
	}
	without := strings.Join(kept, "\n")
	if strings.Contains(without, "acting on others (") {
		t.Fatal("the permissions table is still on the page")
	}
	if fs := findingsOf(lintPages(t, map[string]string{file: without}, Options{}), "missing-permissions"); len(fs) != 1 {
		t.Errorf("without the table: want one missing-permissions finding, got:\n%s", dump(fs))
	}
}

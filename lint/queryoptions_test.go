package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readQueryPage(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "queryoptions", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestQueryOptionRule: directoryrole-list says it supports no OData query parameters; its example, changed to use
// $filter, is reported at the option. The page's own example uses none and is clean.
func TestQueryOptionRule(t *testing.T) {
	src := readQueryPage(t, "directoryrole-list")
	if got := findingsOf(lintPages(t, map[string]string{"api/directoryrole-list.md": src}, Options{}), "query-option"); len(got) != 0 {
		t.Errorf("the page as written: %v", got)
	}
	changed := strings.Replace(src, "GET https://graph.microsoft.com/v1.0/directoryRoles\n", "GET https://graph.microsoft.com/v1.0/directoryRoles?$filter=displayName eq 'x'&$top=2\n", 1)
	if changed == src {
		t.Fatal("the example request line is not in the excerpt")
	}
	got := findingsOf(lintPages(t, map[string]string{"api/directoryrole-list.md": changed}, Options{}), "query-option")
	line := lineOf(t, changed, "directoryRoles?$filter")
	refusal := lineOf(t, changed, "does **not** support")
	if len(got) != 2 || got[0].Pos.Line != line || got[0].Pos.Col != strings.Index(changed[strings.Index(changed, "GET https://graph.microsoft.com/v1.0/directoryRoles?"):], "$filter")+1 ||
		!strings.Contains(got[0].Message, "$filter") || !strings.Contains(got[0].Message, "supports no OData query parameters (line "+itoa(refusal)+")") ||
		!strings.Contains(got[1].Message, "$top") {
		t.Errorf("findings %v; want $filter and $top at line %d, the refusal at line %d", got, line, refusal)
	}
}

// TestQueryOptionRuleNamedRefusal: an option refused by name is reported; an option the page does not mention is
// not (only a refusal is evidence), and neither is the one a beta page excepts ("does **not** supports OData Query
// Parameters other than `$filter`", whose example uses $filter: the false finding of the first corpus run).
func TestQueryOptionRuleNamedRefusal(t *testing.T) {
	page := "# List widgets\n\n## HTTP request\n\n```http\nGET /widgets\n```\n\n## Optional query parameters\n\nThis method supports the `$select` and `$top` [OData query parameters](/graph/query-parameters). `$expand` is not supported.\n\n" +
		"## Examples\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"list_widgets\"} -->\n```http\nGET https://graph.microsoft.com/v1.0/widgets?$expand=parts&$filter=a eq 1&$select=id\n```\n"
	got := findingsOf(lintPages(t, map[string]string{"api/widget-list.md": page}, Options{}), "query-option")
	if len(got) != 1 || !strings.Contains(got[0].Message, "$expand, which the page says the method does not support (line 11)") {
		t.Errorf("findings %v", got)
	}
	beta := readQueryPage(t, "governanceroleassignment-get")
	if got := findingsOf(lintPages(t, map[string]string{"api/governanceroleassignment-get.md": beta}, Options{}), "query-option"); len(got) != 0 {
		t.Errorf("governanceroleassignment-get: %v", got)
	}
}

package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// queryOf reads an excerpt of a corpus page under testdata/queryoptions and returns its one operation's options.
func queryOf(t *testing.T, name string) (*model.QueryOptions, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "queryoptions", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	res := page(t, "api/"+name+".md", string(src))
	if len(res.ops) != 1 {
		t.Fatalf("%s: %d operations", name, len(res.ops))
	}
	return res.ops[0].Query, string(src)
}

func optionNames(list []model.QueryOption) []string {
	var out []string
	for _, o := range list {
		out = append(out, o.Name+":"+o.From)
	}
	return out
}

func TestQueryOptionsFromPages(t *testing.T) {
	tests := []struct {
		page        string
		scope       model.QueryScope
		supported   []string
		unsupported []string
		params      []string
		eventualFor []string // nil: no ConsistencyLevel requirement
	}{
		// "This method supports the `$count`, `$expand`, ... and `$top` OData query parameters"; a ConsistencyLevel row.
		{"group-list", model.QueryListed, []string{"$count:prose", "$expand:prose", "$filter:prose", "$orderby:prose", "$search:prose", "$select:prose", "$top:prose"}, nil, nil,
			[]string{"$count", "$search", "$filter"}},
		// "supports the [OData query parameters] ..., including `$search`, `$count`, `$filter`, and `$select`" and,
		// in the same paragraph, "The `$count` and `$search` parameters are currently not available in Azure AD B2C
		// tenants": supported wins.
		{"user-list", model.QueryGeneral, []string{"$search:prose", "$count:prose", "$filter:prose", "$select:prose"}, nil, nil,
			[]string{"$count", "$search", "$filter", "$orderby"}},
		// "does **not** support the [OData Query Parameters] ... (e.g. $filter is not supported here)".
		{"directoryrole-list", model.QueryNone, nil, []string{"$filter:prose"}, nil, nil},
		// A table of required parameters, "also supports some of the OData Query Parameters", and a note that two
		// properties do not support `$select` (about the properties, not the method).
		{"calendar-list-calendarview", model.QueryGeneral, nil, nil, []string{"startDateTime", "endDateTime"}, nil},
		// "supports the `$expand` and `$select` [OData query parameters]".
		{"driveitem-get", model.QueryListed, []string{"$expand:prose", "$select:prose"}, nil, nil, nil},
		// A table with $deltatoken and $skiptoken rows; "`$select` is not supported in this case".
		{"event-delta", model.QueryListed, []string{"$deltatoken:table", "$skiptoken:table"}, []string{"$select:prose"}, []string{"startDateTime", "endDateTime"}, nil},
		// (beta) "does **not** supports [OData Query Parameters] other than `$filter`": $filter only.
		{"governanceroleassignment-get", model.QueryListed, []string{"$filter:prose"}, nil, nil, nil},
		// "> Note: $filter is not supported." after a general statement.
		{"groupsetting-get", model.QueryGeneral, nil, []string{"$filter:prose"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			q, src := queryOf(t, tt.page)
			if q == nil {
				t.Fatal("no query options")
			}
			if q.Scope != tt.scope {
				t.Errorf("scope %q, want %q", q.Scope, tt.scope)
			}
			if got := optionNames(q.Supported); !reflect.DeepEqual(got, tt.supported) {
				t.Errorf("supported %v, want %v", got, tt.supported)
			}
			if got := optionNames(q.Unsupported); !reflect.DeepEqual(got, tt.unsupported) {
				t.Errorf("unsupported %v, want %v", got, tt.unsupported)
			}
			var params []string
			for _, p := range q.Params {
				params = append(params, p.Name)
				if p.Type != "String" && p.Type != "string" || p.Description == "" || p.Pos.Line == 0 {
					t.Errorf("param %+v", p)
				}
			}
			if !reflect.DeepEqual(params, tt.params) {
				t.Errorf("params %v, want %v", params, tt.params)
			}
			switch {
			case tt.eventualFor == nil && len(q.Headers) > 0:
				t.Errorf("headers %+v, want none", q.Headers)
			case tt.eventualFor != nil && (len(q.Headers) != 1 || q.Headers[0].Value != "eventual" || !reflect.DeepEqual(q.Headers[0].For, tt.eventualFor)):
				t.Errorf("headers %+v, want ConsistencyLevel: eventual for %v", q.Headers, tt.eventualFor)
			}
			// Every position points at the line that says it.
			lines := strings.Split(src, "\n")
			for _, o := range append(append([]model.QueryOption{}, q.Supported...), q.Unsupported...) {
				line := lines[o.Pos.Line-1]
				word := strings.TrimPrefix(o.Name, "$")
				if o.Pos.Col < 1 || !strings.Contains(strings.ToLower(line[o.Pos.Col-1:]), word) {
					t.Errorf("%s at %v: line %q", o.Name, o.Pos, line)
				}
			}
			if q.Pos.Line == 0 || !strings.Contains(strings.ToLower(lines[q.Pos.Line-1]), "query param") {
				t.Errorf("section position %v", q.Pos)
			}
		})
	}
}

// TestQueryOptionsFromExamples: an option a request example uses is supported (From "example") unless the page
// refuses it; a page that says nothing of query options and has no example using one has none.
func TestQueryOptionsFromExamples(t *testing.T) {
	page := func(section, url string) *model.QueryOptions {
		src := "# Get widget\n\n## HTTP request\n\n```http\nGET /widgets/{id}\n```\n\n" + section +
			"## Examples\n\n### Request\n\n<!-- {\"blockType\": \"request\", \"name\": \"get_widget\"} -->\n```http\nGET " + url + "\n```\n"
		res := readPage("api/widget-get.md", []byte(src))
		if len(res.ops) != 1 {
			t.Fatalf("ops %+v", res.ops)
		}
		return res.ops[0].Query
	}
	q := page("", "https://graph.microsoft.com/v1.0/widgets/1?$select=id,name&$expand=parts&foo=1")
	if q == nil || q.Scope != "" || !reflect.DeepEqual(optionNames(q.Supported), []string{"$select:example", "$expand:example"}) || q.Supported[0].Pos.Line != 15 {
		t.Errorf("options of an example: %+v", q)
	}
	if q := page("", "https://graph.microsoft.com/v1.0/widgets/1"); q != nil {
		t.Errorf("a page that says nothing: %+v", q)
	}
	q = page("## Optional query parameters\n\nThis method does not support OData query parameters to customize the response.\n\n", "https://graph.microsoft.com/v1.0/widgets/1?$filter=x")
	if q == nil || q.Scope != model.QueryNone || len(q.Supported) != 0 {
		t.Errorf("a page that supports none: %+v", q)
	}
	if pos, ok := q.Refuses("$filter"); !ok || pos.Line != 11 {
		t.Errorf("Refuses($filter) = %v, %v", pos, ok)
	}
	q = page("## Optional query parameters\n\nThis method supports the `select` and `expand` [OData query parameters](/graph/query-parameters) to help customize the response. The default sort order is `name asc`.\n\n", "https://graph.microsoft.com/v1.0/widgets/1?$top=2")
	if q == nil || q.Scope != model.QueryListed || !reflect.DeepEqual(optionNames(q.Supported), []string{"$select:prose", "$expand:prose", "$top:example"}) {
		t.Errorf("bare names in backticks: %+v", q)
	}
}

func TestSentences(t *testing.T) {
	got := []string{}
	for _, s := range sentences("This method does **not** support the [OData Query Parameters](/q) (e.g. $filter is not supported here). The other [x](y) are not. `$top` works") {
		got = append(got, s.text)
	}
	want := []string{"This method does **not** support the [OData Query Parameters](/q) (e.g. $filter is not supported here).", "The other [x](y) are not.", "`$top` works"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences %q", got)
	}
}

func TestConsistencyLevelRequired(t *testing.T) {
	for text, want := range map[string]bool{
		"eventual. Required.":              true,
		"eventual. Required":               true,
		"eventual. Required for `$count`.": false,
		"eventual. This header and `$count` are required when using `$search`, or in specific usage of `$filter`.": false,
		"eventual.": false,
	} {
		if got := unconditionallyRequired(text); got != want {
			t.Errorf("unconditionallyRequired(%q) = %v", text, got)
		}
	}
}

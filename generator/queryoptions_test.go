package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

// TestPlanQueryOptions: which typed options an operation gets from what its page says (excerpts of v1.0 pages
// under parser/testdata/queryoptions, and two crafted pages).
func TestPlanQueryOptions(t *testing.T) {
	pages := map[string][]byte{}
	for _, name := range []string{"group-list", "directoryrole-list", "driveitem-get"} {
		b, err := os.ReadFile(filepath.Join("..", "parser", "testdata", "queryoptions", name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		pages["api/"+name+".md"] = b
	}
	// The path already sends $filter: the struct has no Filter.
	pages["api/widget-list.md"] = []byte("# List widgets\n\n## HTTP request\n\n```http\nGET /widgets?$filter=kind eq '{kind}'\n```\n\n" +
		"## Optional query parameters\n\nThis method supports the `$filter` and `$select` OData query parameters.\n")
	// A count whose header row says "Required.": no $count field (the path is the count), every call sends it.
	pages["api/widget-count.md"] = []byte("# Count widgets\n\n## HTTP request\n\n```http\nGET /widgets/$count\n```\n\n" +
		"## Request headers\n\n| Header | Value |\n|:--|:--|\n| Authorization | Bearer {token}. Required. |\n| ConsistencyLevel | eventual. Required. |\n")
	m := parser.ParsePages(pages, nil)
	p, err := newPlan(m, Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	// By page, not by Go name: names are another matter (opGoName).
	specs := map[string]*templates.Operation{}
	for _, op := range m.Operations {
		specs[op.ID] = p.specOf[op]
	}
	for _, c := range []struct {
		op                   string
		options, eventualFor []string
		eventual, always     bool
	}{
		{"api/group-list", []string{"$select", "$expand", "$filter", "$orderby", "$search", "$top", "$count"}, []string{"$search", "$count"}, true, false},
		{"api/directoryrole-list", nil, nil, false, false},
		{"api/driveitem-get", []string{"$select", "$expand"}, nil, false, false},
		{"api/widget-list", []string{"$select"}, nil, false, false},
		{"api/widget-count", nil, nil, false, true},
	} {
		spec := specs[c.op]
		if spec == nil {
			t.Fatalf("no operation %s among %v", c.op, specs)
		}
		q := spec.Options
		if spec.Eventual != c.always {
			t.Errorf("%s: every call sends ConsistencyLevel = %v", c.op, spec.Eventual)
		}
		if c.options == nil {
			if q != nil {
				t.Errorf("%s: options %+v, want none", c.op, q)
			}
			continue
		}
		if q == nil || !slices.Equal(q.Options, c.options) || q.Eventual != c.eventual || !slices.Equal(q.EventualFor, c.eventualFor) || q.Type != spec.Name+"Query" || q.From != spec.Name+"QueryFromContext" {
			t.Errorf("%s: options %+v, want %v (eventual %v for %v)", c.op, q, c.options, c.eventual, c.eventualFor)
		}
	}
}

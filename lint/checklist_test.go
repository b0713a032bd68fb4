package lint

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/lint/csdl"
)

// issueChecklist maps each check the lint issue asks for to the rule ids that implement it.
var issueChecklist = []struct {
	check string
	rules []string
}{
	{"TODO anywhere (tables, descriptions, front matter; comments by option)", []string{"todo"}},
	{"template leftovers such as $(metadata.owner)", []string{"template-leftover"}},
	{`"Not yet documented"`, []string{"not-yet-documented"}},
	{"empty descriptions", []string{"empty-description"}},
	{"empty permission cells", []string{"empty-permission"}},
	{"git merge-conflict markers", []string{"merge-conflict"}},
	{"empty HTTP request block", []string{"empty-http-block"}},
	{"request with no verb or path", []string{"request-line"}},
	{"missing or misspelt required sections per page kind", []string{"missing-section", "section-name"}},
	{"duplicate properties", []string{"duplicate-property"}},
	{"duplicate example names", []string{"duplicate-example-name"}},
	{"request without a response", []string{"request-without-response"}},
	{"malformed status line (HTTP 1.1 201 Created)", []string{"status-line"}},
	{"status in the prose differs from the example's", []string{"status-mismatch"}},
	{"non-canonical reason phrase (204 OK)", []string{"reason-phrase"}},
	{"Content-Length differs from the body length", []string{"content-length"}},
	{"invalid JSON, at its page position", []string{"json-syntax"}},
	{`placeholder values ("String", "Int32") for example values`, []string{"placeholder-value"}},
	{"example property not defined on its type", []string{"unknown-property"}},
	{"example value of the wrong JSON type", []string{"value-type"}},
	{"enum value not among the documented values", []string{"enum-value"}},
	{"Properties table vs JSON representation, both ways, case-only differences", []string{"table-json", "property-case"}},
	{"request-body table vs resource page (missing property, other type)", []string{"request-body-property"}},
	{"read-only properties settable on a create page", []string{"read-only-in-create"}},
	{"@odata.type: annotation vs body, unexpected namespace", []string{"odata-type"}},
	{`single entity response wrapped in "value"`, []string{"value-wrapper"}},
	{"unresolved type, base type or @odata.type", []string{"unresolved-type", "unresolved-base-type", "unresolved-odata-type"}},
	{"relative links to missing files or anchors", []string{"broken-link", "broken-anchor"}},
	{"case-only link mismatches", []string{"link-case"}},
	{"malformed link targets", []string{"malformed-link"}},
	{"missing permissions table or include", []string{"missing-permissions"}},
	{"permissions header wording", []string{"permissions-header"}},
	{"unknown permission type rows", []string{"permission-type"}},
	{"against the service schema", []string{"schema-type", "schema-property", "schema-property-type", "schema-enum-member", "schema-base-type"}},
}

// TestIssueChecklist lints the rule cases and a few whole scenarios, and wants every rule of the checklist to
// be registered and to fire at least once.
func TestIssueChecklist(t *testing.T) {
	fired := map[string]bool{}
	add := func(fs []Finding) {
		for _, f := range fs {
			fired[f.Rule] = true
		}
	}
	for _, c := range ruleCases {
		if c.absent {
			continue
		}
		tree := widgetTree()
		tree[c.page] = mustReplace(t, tree[c.page], c.old, c.new)
		// Only the finding the case is about counts: a side effect must not stand in for a missing check.
		for _, f := range lintPages(t, tree, c.opts) {
			if f.Rule == c.rule {
				fired[f.Rule] = true
			}
		}
	}
	tree := widgetTree()
	tree["api/widget-post-again.md"] = tree[api]
	add(findingsOf(lintPages(t, tree, Options{}), "duplicate-example-name"))
	tree = widgetTree()
	tree[api] = tree[api][:strings.Index(tree[api], "### Response")]
	add(findingsOf(lintPages(t, tree, Options{}), "request-without-response"))
	schema := strings.Replace(widgetSchema, `<EntityType Name="widget" BaseType="graph.entity">`, `<EntityType Name="widget">`, 1)
	s, err := csdl.Read(strings.NewReader(schema), "service.csdl")
	if err != nil {
		t.Fatal(err)
	}
	add(lintPages(t, widgetTree(), Options{Schema: s}))

	for _, item := range issueChecklist {
		for _, id := range item.rules {
			if _, ok := LookupRule(id); !ok {
				t.Errorf("%s: rule %s is not registered", item.check, id)
				continue
			}
			if !fired[id] {
				t.Errorf("%s: rule %s never fires in the rule cases", item.check, id)
			}
		}
	}
}

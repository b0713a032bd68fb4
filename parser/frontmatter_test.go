package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func TestFrontMatterYAML(t *testing.T) {
	res := page(t, "api/x.md", "---\ntitle: \"Create user: now\"\ndescription: 'It''s new'\nms.prod: users # trailing comment\ndoc_type: apiPageType\n---\n\n# Create user\n")
	p := res.page
	if p.FrontMatter.Form != model.FrontMatterYAML || p.Title != "Create user: now" || p.DocType != "apiPageType" {
		t.Fatalf("got form %s title %q doc_type %q", p.FrontMatter.Form, p.Title, p.DocType)
	}
	if f, ok := p.FrontMatter.Get("description"); !ok || f.Value != "It's new" || f.Pos.Line != 3 {
		t.Errorf("description = %+v", f)
	}
	if f, _ := p.FrontMatter.Get("ms.prod"); f.Value != "users" {
		t.Errorf("ms.prod = %q, want users (comment dropped)", f.Value)
	}
	if p.H1 == nil || p.H1.Text != "Create user" || p.H1.Pos.Line != 8 {
		t.Errorf("H1 = %+v; the front matter must not be read as markdown", p.H1)
	}
}

func TestFrontMatterYAMLList(t *testing.T) {
	res := page(t, "x.md", "---\ntitle: List\ntoc.keywords:\n  - one\n  - two\ndoc_type: resourcePageType\n---\n# x resource type\n")
	if f, ok := res.page.FrontMatter.Get("toc.keywords"); !ok || f.Value != "one, two" || f.Pos.Line != 3 {
		t.Errorf("toc.keywords = %+v", f)
	}
	if res.page.DocType != "resourcePageType" {
		t.Errorf("doc_type %q", res.page.DocType)
	}
}

func TestFrontMatterInvalidYAML(t *testing.T) {
	res := page(t, "x.md", "---\ntitle: \"unterminated\ndoc_type: apiPageType\n  bad: [\n---\n# Title\n")
	if !hasDiag(res.diags, "front-matter", 0) {
		t.Fatalf("no front-matter diagnostic:\n%s", diagList(res.diags))
	}
	if res.page.DocType != "apiPageType" {
		t.Errorf("lenient read lost doc_type: %q", res.page.DocType)
	}
}

func TestFrontMatterUnclosed(t *testing.T) {
	res := page(t, "x.md", "---\ntitle: x\n\n# Title\n")
	if !hasDiag(res.diags, "front-matter", 1) {
		t.Errorf("want a front-matter diagnostic on line 1:\n%s", diagList(res.diags))
	}
}

func TestFrontMatterTable(t *testing.T) {
	res := page(t, "x.txt", "| title | Create x |\n|---|---|\n| description | Create a new x. |\n| doc_type | apiPageType |\nNamespace: microsoft.graph\n")
	p := res.page
	if p.FrontMatter.Form != model.FrontMatterTable || p.Title != "Create x" || p.DocType != "apiPageType" {
		t.Fatalf("form %s title %q doc_type %q", p.FrontMatter.Form, p.Title, p.DocType)
	}
	if f, _ := p.FrontMatter.Get("doc_type"); f.Pos.Line != 4 {
		t.Errorf("doc_type at line %d, want 4", f.Pos.Line)
	}
}

func TestFrontMatterAbsent(t *testing.T) {
	res := page(t, "x.md", "# user resource type\n\nNamespace: microsoft.graph\n")
	if res.page.FrontMatter.Form != model.FrontMatterNone || res.page.Namespace == nil || res.page.Namespace.Text != "microsoft.graph" {
		t.Errorf("form %s namespace %+v", res.page.FrontMatter.Form, res.page.Namespace)
	}
	if res.page.Kind != model.PageResource {
		t.Errorf("kind %s, want resource from the title", res.page.Kind)
	}
}

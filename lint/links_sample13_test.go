package lint

import (
	"strings"
	"testing"
)

// A lower-case link to a file whose name is not lower case: the docs' file names are lower case, so the file may
// be the slip as well as the link, and the hint names both (beta's contentType.md: precision sample 13, #104). A
// link in another case than a lower-case file keeps the one-way hint.
func TestLinkCaseBothWaysForAFileNotInLowerCase(t *testing.T) {
	pages := widgetTree()
	res := pages["resources/widget.md"]
	delete(pages, "resources/widget.md")
	pages["resources/Widget.md"] = res
	fs := findingsOf(lintPages(t, pages, Options{}), "link-case")
	if len(fs) == 0 {
		t.Fatalf("no link-case finding")
	}
	for _, f := range fs {
		if !strings.Contains(f.Message, "Widget.md, or rename the file to widget.md as the docs' file names are lower case") {
			t.Errorf("%s: %s", f.Pos, f.Message)
		}
	}
	pages = widgetTree()
	pages["api/widget-post.md"] = strings.Replace(pages["api/widget-post.md"], "../resources/widget.md", "../resources/Widget.md", 1)
	fs = findingsOf(lintPages(t, pages, Options{}), "link-case")
	if len(fs) != 1 || strings.Contains(fs[0].Message, "rename") || !strings.HasSuffix(fs[0].Message, "write ../resources/widget.md") {
		t.Errorf("one-way hint expected:\n%s", dump(fs))
	}
}

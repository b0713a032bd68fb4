package parser

import (
	"os"
	"strings"
	"testing"
)

// Excerpts of 2021 v1.0 pages in the GitHub-rendered form (lint/rendered_form_test.go), each the part of a page the
// plain-text reader once misread.

func renderedPage(t *testing.T, name string) (*pageResult, string) {
	t.Helper()
	b, err := os.ReadFile("testdata/rendered/" + name)
	if err != nil {
		t.Fatal(err)
	}
	res := page(t, name, string(b))
	if !res.page.Degraded || len(res.ops) == 0 {
		t.Fatalf("%s: degraded %v, ops %+v\n%s", name, res.page.Degraded, res.ops, diagList(res.diags))
	}
	return res, string(b)
}

// tablerow-delete: a path with {id|name} glued to the header table, a request example glued to includes, and
// "If successful" on the line after the request-body sentence.
func TestRenderedGluedPipesAndIncludes(t *testing.T) {
	res, _ := renderedPage(t, "tablerow-delete.txt")
	op := res.ops[0]
	if len(op.Paths) != 2 || op.Paths[1].Raw != "/me/drive/items/{id}/workbook/worksheets/{id|name}/tables/{id|name}/rows/{index}" {
		t.Errorf("paths %+v", op.Paths)
	}
	if len(op.Headers) != 1 || op.Headers[0].Name != "Authorization" {
		t.Errorf("headers %+v", op.Headers)
	}
	if op.Response.StatusSource != "prose" || op.Response.Status != 200 {
		t.Errorf("response %+v", op.Response)
	}
	if len(op.Examples) != 2 || op.Examples[0].Method != "DELETE" || !strings.HasSuffix(op.Examples[0].URL, "/rows/{index}") || op.Examples[1].Status != 200 {
		for _, ex := range op.Examples {
			t.Logf("example %+v", ex)
		}
		t.Errorf("want the DELETE request and its 200 response, got %d examples", len(op.Examples))
	}
}

// driveitem-invite: a request example whose request line is a bare path, with no sentence that opens the
// examples: its headers make it an example, not a line of the HTTP request section.
func TestRenderedExampleWithBarePath(t *testing.T) {
	res, src := renderedPage(t, "driveitem-invite.txt")
	op := res.ops[0]
	if len(op.Paths) != 1 {
		t.Errorf("paths %+v", op.Paths)
	}
	if len(op.Examples) != 2 {
		t.Fatalf("examples %+v", op.Examples)
	}
	req := op.Examples[0]
	if req.FirstLine.Line != lineOf(t, src, "Content-type")-1 || len(req.Headers) != 1 || req.JSON == nil || len(req.JSONIssues) != 0 {
		t.Errorf("request %+v", req)
	}
}

// directoryobject-checkmembergroups with its array's "]" lost: the body ends where the page's text goes on, so
// the response after it is still read.
func TestRenderedUnclosedBody(t *testing.T) {
	res, src := renderedPage(t, "unclosed-array.txt")
	op := res.ops[0]
	if len(op.Examples) != 2 || op.Examples[1].Status != 200 {
		t.Fatalf("examples %+v", op.Examples)
	}
	req := op.Examples[0]
	if len(req.JSONIssues) == 0 || req.JSONIssues[0].Line != lineOf(t, src, "}[!INCLUDE") {
		t.Errorf("issues %+v", req.JSONIssues)
	}
}

// driveitemversion-restore and onlinemeeting-get: "No request body" and "This example" cue their sections; a
// tab link, a reference definition and a note are no JSON and no header.
func TestRenderedNotesAndLinks(t *testing.T) {
	res, _ := renderedPage(t, "notes-and-links.txt")
	op := res.ops[0]
	if len(op.Paths) != 1 {
		t.Errorf("paths %+v", op.Paths)
	}
	if len(op.Examples) != 2 || op.Examples[0].Method != "POST" || op.Examples[1].Status != 204 {
		t.Fatalf("examples %+v", op.Examples)
	}
	for _, ex := range op.Examples {
		if len(ex.JSONIssues) != 0 || strings.TrimSpace(ex.Body) != "" || len(ex.Headers) != 0 {
			t.Errorf("example at %v read a body or headers: %q %+v %+v", ex.Pos, ex.Body, ex.Headers, ex.JSONIssues)
		}
	}
}

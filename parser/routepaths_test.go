package parser

import (
	"strings"
	"testing"
)

// driveitem-list-thumbnails (v1.0, 2021): the paths are in the first HTTP request block; later sections show
// requests for one thumbnail under "### HTTP request" headings, annotated as request examples.
const thumbnailsPage = "---\ntitle: \"List thumbnails\"\ndoc_type: apiPageType\n---\n" +
	"# List thumbnails for a DriveItem\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n\n```http\n" +
	"GET /drives/{drive-id}/items/{item-id}/thumbnails\nGET /me/drive/items/{item-id}/thumbnails\n```\n\n" +
	"## Example\n\n### Request\n\n<!-- { \"blockType\": \"request\", \"name\": \"enum-item-thumbnails\" } -->\n```http\n" +
	"GET /me/drive/items/{item-id}/thumbnails\n```\n\n" +
	"## Get a single thumbnail\n\n### HTTP request\n\n<!-- { \"blockType\": \"request\", \"name\": \"get-one-thumbnail\" } -->\n```http\n" +
	"GET /me/drive/items/{item-id}/thumbnails/{thumb-id}/{size}\n```\n\n### Response\n\n" +
	"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.thumbnail\" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"width\": 100}\n```\n"

func TestAnnotatedRequestUnderHTTPRequestIsAnExample(t *testing.T) {
	res := page(t, "api/driveitem-list-thumbnails.md", thumbnailsPage)
	if len(res.ops) != 1 {
		t.Fatalf("ops %+v", res.ops)
	}
	op := res.ops[0]
	var paths []string
	for _, p := range op.Paths {
		paths = append(paths, p.Template)
	}
	if got := strings.Join(paths, " "); got != "/drives/{driveId}/items/{itemId}/thumbnails /me/drive/items/{itemId}/thumbnails" {
		t.Errorf("paths %s; the request under \"Get a single thumbnail\" is an example, not a path", got)
	}
	var names []string
	for _, ex := range op.Examples {
		names = append(names, string(ex.Kind)+":"+ex.Name)
	}
	if got := strings.Join(names, " "); got != "request:enum-item-thumbnails request:get-one-thumbnail response:" {
		t.Errorf("examples %s", got)
	}
}

// A page whose only HTTP request block is annotated as a request states its paths there.
func TestAnnotatedRequestAloneIsTheSyntax(t *testing.T) {
	src := "---\ntitle: \"Get x\"\ndoc_type: apiPageType\n---\n# Get x\n\n## HTTP request\n\n" +
		"<!-- { \"blockType\": \"request\", \"name\": \"get_x\" } -->\n```http\nGET /xs/{id}\n```\n"
	res := page(t, "api/x-get.md", src)
	if len(res.ops) != 1 || len(res.ops[0].Paths) != 1 || res.ops[0].Paths[0].Template != "/xs/{id}" {
		t.Fatalf("ops %+v", res.ops)
	}
}

func TestProsePathIsNoRoute(t *testing.T) {
	src := "---\ntitle: \"Get attachment\"\ndoc_type: apiPageType\n---\n# Get attachment\n\n## HTTP request\n\n```http\n" +
		"GET /me/messages/{id}/attachments/{id}\n" +
		"GET /me/mailFolders/{id}/childFolders/{id}/.../messages/{id}/attachments/{id}\n" +
		"GET /users/{user-id} | user-principal-name/chats/{chat-id}\n" +
		"GET https://graph.microsoft.com/beta** Collection URI for microsoft.x not found\n" +
		"GET /me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n})\n" +
		"GET /me/messages?$filter=subject eq 'x'\n```\n"
	res := page(t, "api/attachment-get.md", src)
	if len(res.ops) != 1 {
		t.Fatalf("ops %+v", res.ops)
	}
	var paths []string
	for _, p := range res.ops[0].Paths {
		paths = append(paths, p.Raw)
	}
	want := "/me/messages/{id}/attachments/{id} | /me/drive/items/{id}/workbook/worksheets/{id}/range/resizedRange(deltaRows={n}, deltaColumns={n}) | /me/messages?$filter=subject eq 'x'"
	if got := strings.Join(paths, " | "); got != want {
		t.Errorf("paths\n%s\nwant\n%s", got, want)
	}
	for _, c := range []struct {
		needle, why string
	}{{"/.../", "an ellipsis"}, {"| user-principal-name", "words"}, {"** Collection", "markup (*)"}} {
		line := lineOf(t, src, c.needle)
		found := false
		for _, d := range res.diags {
			if d.Rule == "prose-path" && d.Pos.Line == line && strings.Contains(d.Message, "has "+c.why+" in it") {
				found = true
			}
		}
		if !found {
			t.Errorf("no prose-path (%s) at line %d: %s", c.why, line, diagList(res.diags))
		}
	}
}

// A page whose every path is prose documents no operation, and says why.
func TestOnlyProsePaths(t *testing.T) {
	src := "---\ntitle: \"Get x\"\ndoc_type: apiPageType\n---\n# Get x\n\n## HTTP request\n\n```http\nGET /xs/.../ys\n```\n"
	res := page(t, "api/x-get.md", src)
	if len(res.ops) != 0 || !hasDiag(res.diags, "prose-path", 10) {
		t.Errorf("ops %+v diags %s", res.ops, diagList(res.diags))
	}
}

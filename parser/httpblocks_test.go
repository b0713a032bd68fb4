package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func TestRequestLine(t *testing.T) {
	tests := []struct{ line, verb, target string }{
		{"POST /users", "POST", "/users"},
		{"GET /users/{id | userPrincipalName}", "GET", "/users/{id | userPrincipalName}"},
		{"GET https://graph.microsoft.com/v1.0/me HTTP/1.1", "GET", "https://graph.microsoft.com/v1.0/me"},
		{"patch /me", "patch", "/me"},
		{"Content-Type: application/json", "", ""},
		{"GET", "", ""},
	}
	for _, tt := range tests {
		v, target, ok := requestLine(tt.line)
		if ok != (tt.verb != "") || v != tt.verb || target != tt.target {
			t.Errorf("%q: got %q %q %v", tt.line, v, target, ok)
		}
	}
}

func TestParsePath(t *testing.T) {
	tests := []struct {
		raw      string
		template string
		query    string
		params   string // name:kind,...
	}{
		{"/users/{id}", "/users/{id}", "", "id:segment"},
		{"/users/{user id}/messages/{message-id}", "/users/{userId}/messages/{messageId}", "", "userId:segment,messageId:segment"},
		{"/users/{id | userPrincipalName}/authentication/methods", "/users/{id}/authentication/methods", "", "id:segment"},
		{"https://graph.microsoft.com/v1.0/me/drive/root:/{item-path}:/content", "/me/drive/root:/{itemPath}:/content", "", "itemPath:drive-path"},
		{"/drives/{drive-id}/items/{parent-id}:/{filename}:/content", "/drives/{driveId}/items/{parentId}:/{filename}:/content", "", "driveId:segment,parentId:segment,filename:drive-path"},
		{"/reports/getEmailActivityCounts(period='{period_value}')", "/reports/getEmailActivityCounts(period='{periodValue}')", "", "periodValue:function"},
		{"/users('{id}')", "/users('{id}')", "", "id:key"},
		{"/groups/{id}/members/$ref", "/groups/{id}/members/$ref", "", "id:segment"},
		{"/me/photo/$value", "/me/photo/$value", "", ""},
		{"/users?$filter=startswith(displayName,'{name}')&$count=true", "/users", "$filter=startswith(displayName,'{name}')&$count=true", "name:query"},
		{"/sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{id}", "/sites/{siteId}/lists/{listId}/items/{itemId}/versions/{id}", "", "siteId:segment,listId:segment,itemId:segment,id:segment"},
		{"/a/{id}/b/{id}", "/a/{id}/b/{id2}", "", "id:segment,id2:segment"},
		{"https://graph.microsoft.com/beta", "/", "", ""},
	}
	for _, tt := range tests {
		p := parsePath(tt.raw, model.Pos{})
		var params []string
		for _, x := range p.Params {
			params = append(params, fmt.Sprintf("%s:%s", x.Name, x.Kind))
		}
		if p.Template != tt.template || p.Query != tt.query || strings.Join(params, ",") != tt.params {
			t.Errorf("%q: template %q query %q params %v", tt.raw, p.Template, p.Query, params)
		}
	}
}

func apiPage(http string, rest string) string {
	return fm("apiPageType") + "\n# Do widget\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n<!-- { \"blockType\": \"ignored\" } -->\n```http\n" + http + "```\n\n" + rest
}

func TestHTTPRequestBlocks(t *testing.T) {
	src := apiPage("GET /widgets/{id}\nGET /me/widgets/{id}\nPATCH /widgets/{id}\n/widgets/{id}/alias\n\nget /lower\n", "")
	res := page(t, "api/widget-get.md", src)
	if len(res.ops) != 2 {
		t.Fatalf("ops %+v\n%s", res.ops, diagList(res.diags))
	}
	get, patch := res.ops[0], res.ops[1]
	if get.ID != "api/widget-get#get" || get.Method != "GET" || len(get.Paths) != 3 || get.Paths[2].Template != "/lower" {
		t.Errorf("GET op %+v paths %+v", get, get.Paths)
	}
	if patch.Method != "PATCH" || len(patch.Paths) != 2 || patch.Paths[1].Template != "/widgets/{id}/alias" {
		t.Errorf("PATCH op paths %+v", patch.Paths)
	}
	if !hasDiag(res.diags, "request-line", lineOf(t, src, "/widgets/{id}/alias")) || !hasDiag(res.diags, "http-verb-case", lineOf(t, src, "get /lower")) {
		t.Errorf("diagnostics:\n%s", diagList(res.diags))
	}
	if get.Paths[0].Pos.Line != lineOf(t, src, "GET /widgets/{id}") || get.Paths[0].Pos.Col != 5 {
		t.Errorf("path position %v", get.Paths[0].Pos)
	}
}

func TestEmptyHTTPBlock(t *testing.T) {
	src := apiPage("\n", "## Examples\n\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/widgets\n```\n")
	res := page(t, "api/widget-post.md", src)
	if !hasDiag(res.diags, "empty-http-block", lineOf(t, src, "```http")) {
		t.Errorf("diagnostics:\n%s", diagList(res.diags))
	}
	// The operation is still known from the example.
	if len(res.ops) != 1 || res.ops[0].Method != "POST" || res.ops[0].Paths[0].Template != "/widgets" {
		t.Errorf("ops %+v", res.ops)
	}
}

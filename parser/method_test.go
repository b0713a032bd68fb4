package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

const createWidget = `---
title: "Create widget"
description: "Create a widget."
doc_type: apiPageType
---

# Create widget

Namespace: microsoft.graph

Create a [widget](../resources/widget.md).

## Permissions

One of the following permissions is required to call this API.

|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account)|Widget.ReadWrite, Widget.ReadWrite.All|
|Delegated (personal Microsoft account)|Not supported.|
|Application||

## HTTP request

<!-- { "blockType": "ignored" } -->
` + "```http" + `
POST /users/{user-id}/widgets
` + "```" + `

## Request headers

| Header | Value |
|:---|:---|
| Authorization | Bearer {token}. Required. |
| Content-Type | application/json. Required. |

## Request body

In the request body, supply a JSON representation of a [widget](../resources/widget.md) object.

| Property | Type | Description |
|:---|:---|:---|
| name | String | The name. Required. |
| size | Int32 | The size. Optional. |

## Response

If successful, this method returns a ` + "`201 Created`" + ` response code and a [widget](../resources/widget.md) object in the response body.

## Examples

### Request

# [HTTP](#tab/http)
<!-- {
  "blockType": "request",
  "name": "create_widget",
} -->
` + "```http" + `
POST https://graph.microsoft.com/v1.0/users/x/widgets
Content-Type: application/json

{
  "name": "w",
  "size": 3,
}
` + "```" + `

### Response

<!-- {
  "blockType": "response",
  "truncated": true,
  "@odata.type": "microsoft.graph.widget"
} -->
` + "```http" + `
HTTP/1.1 201 Created
Content-Type: application/json

{
  "id": "1",
  "name": "w"
}
` + "```" + `
`

func TestMethodPage(t *testing.T) {
	res := page(t, "api/widget-post.md", createWidget)
	if len(res.ops) != 1 {
		t.Fatalf("ops %+v", res.ops)
	}
	op := res.ops[0]
	if op.ID != "api/widget-post" || op.Title != "Create widget" || op.Method != "POST" || op.Paths[0].Template != "/users/{userId}/widgets" {
		t.Errorf("op %+v path %+v", op, op.Paths[0])
	}
	if len(op.Permissions) != 3 || len(op.Permissions[0].Scopes) != 2 || op.Permissions[1].Scopes != nil || op.Permissions[2].Scopes != nil {
		t.Errorf("permissions %+v", op.Permissions)
	}
	if len(op.Headers) != 2 || op.Headers[1].Name != "Content-Type" || !op.Headers[1].Required {
		t.Errorf("headers %+v", op.Headers)
	}
	rb := op.RequestBody
	if rb == nil || rb.Kind != model.BodyType || rb.Type.Name != "widget" || rb.Type.Link != "../resources/widget.md" || len(rb.Params) != 2 || !rb.Params[0].Required || rb.Params[1].Required {
		t.Errorf("request body %+v", rb)
	}
	r := op.Response
	if r.Status != 201 || r.Reason != "Created" || r.StatusSource != "prose" || r.Type == nil || r.Type.Name != "widget" || r.Type.Collection {
		t.Errorf("response %+v type %+v", r, r.Type)
	}
	if r.Pos.Line != lineOf(t, createWidget, "201 Created`") || r.Pos.Col != 39 {
		t.Errorf("status position %v", r.Pos)
	}
	if len(op.Examples) != 2 {
		t.Fatalf("examples %+v", op.Examples)
	}
	req, resp := op.Examples[0], op.Examples[1]
	if req.Kind != model.ExampleRequest || req.Name != "create_widget" || req.Method != "POST" || len(req.Headers) != 1 || req.JSON == nil || len(req.JSONIssues) != 1 {
		t.Errorf("request example %+v", req)
	}
	if req.Annotation == nil || len(req.Annotation.Issues) != 1 || req.Annotation.Issues[0].Kind != "trailing-comma" {
		t.Errorf("annotation with a trailing comma: %+v", req.Annotation)
	}
	if resp.Kind != model.ExampleResponse || resp.Status != 201 || !resp.Truncated || resp.ODataType != "microsoft.graph.widget" || resp.BodyPos.Line != lineOf(t, createWidget, `"id": "1"`)-1 {
		t.Errorf("response example %+v", resp)
	}
}

func TestRequestBodyKinds(t *testing.T) {
	tests := []struct {
		body string
		kind model.BodyKind
	}{
		{"Do not supply a request body for this method.", model.BodyNone},
		{"Don't supply a request body for this method.", model.BodyNone},
		{"In the request body, provide a JSON object with the following parameters.\n\n| Parameter | Type | Description |\n|---|---|---|\n| a | String | A. |", model.BodyParameters},
		{"In the request body, supply the binary contents of the file.", model.BodyStream},
		{"Something the parser does not know.", model.BodyUnknown},
	}
	for _, tt := range tests {
		src := apiPage("POST /widgets\n", "## Request body\n\n"+tt.body+"\n\n## Response\n\nIf successful, this method returns a `204 No Content` response code.\n")
		res := page(t, "api/x.md", src)
		if rb := res.ops[0].RequestBody; rb == nil || rb.Kind != tt.kind {
			t.Errorf("%q: body %+v, want %s", tt.body, rb, tt.kind)
		}
		if r := res.ops[0].Response; r.Status != 204 || r.Type != nil {
			t.Errorf("response %+v", r)
		}
	}
}

func TestResponseProse(t *testing.T) {
	tests := []struct {
		prose      string
		status     int
		typ        string
		collection bool
	}{
		{"If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects in the response body.", 200, "widget", true},
		{"If successful, this method returns `200 OK` response code and [widget](../resources/widget.md) collection in the response body.", 200, "widget", true},
		{"If successful, this method returns a 201 Created response code and an authenticationMethodsPolicy object in the response body.", 201, "authenticationMethodsPolicy", false},
		{"If successful, this function returns a `200 OK` response code and a String collection in the response body.", 200, "Edm.String", true},
		{"If successful, this method returns `202 Accepted` response code.", 202, "", false},
		{"Returns a `302 Found` response redirecting to a download URL.", 302, "", false},
		// The status may be written with a comma.
		{"If successful, this method returns a `204, No Content` response code.", 204, "", false},
		{"If successful, this method returns `200, OK` response code and a [widget](../resources/widget.md) collection object in the response body.", 200, "widget", true},
		// Saying that nothing is returned names no type.
		{"If successful, this method returns a `200 OK` response code. It does not return anything in the response body.", 200, "", false},
		{"If successful, this action returns a `202 Accepted` response code. It doesn't return anything in the response body.", 202, "", false},
		{"If successful, this method returns a `200 OK` response code and nothing in the response body.", 200, "", false},
	}
	for _, tt := range tests {
		src := apiPage("GET /widgets\n", "## Response\n\n"+tt.prose+"\n")
		r := page(t, "api/x.md", src).ops[0].Response
		name := ""
		coll := false
		if r.Type != nil {
			name, coll = r.Type.Name, r.Type.Collection
		}
		if r.Status != tt.status || name != tt.typ || coll != tt.collection {
			t.Errorf("%q: status %d type %q collection %v", tt.prose, r.Status, name, coll)
		}
	}
}

func TestStatusInProse(t *testing.T) {
	tests := []struct {
		text   string
		code   int
		reason string
	}{
		{"returns a `204, No Content` response code", 204, "No Content"},
		{"returns `201, Created`", 201, "Created"},
		{"returns 200 OK", 200, "OK"},
		{"a value between 1 and 409, and more", 0, ""}, // a number in a sentence, not a status
		{"returns `204,No Content`", 204, "No Content"},
	}
	for _, tt := range tests {
		_, code, reason, ok := statusInProse(tt.text)
		if code != tt.code || reason != tt.reason || ok != (tt.code != 0) {
			t.Errorf("statusInProse(%q) = %d %q %v", tt.text, code, reason, ok)
		}
	}
}

func TestStatusFromExampleWhenProseIsMissing(t *testing.T) {
	src := apiPage("DELETE /widgets/{id}\n", "## Example\n\n```http\nDELETE https://graph.microsoft.com/v1.0/widgets/1\n```\n\n```http\nHTTP/1.1 204 No Content\n```\n")
	op := page(t, "api/x.md", src).ops[0]
	if op.Response.Status != 204 || op.Response.StatusSource != "example" || len(op.Examples) != 2 {
		t.Errorf("response %+v examples %d", op.Response, len(op.Examples))
	}
}

func TestParseStatusLine(t *testing.T) {
	tests := []struct {
		line   string
		code   int
		reason string
		ok     bool
	}{
		{"HTTP/1.1 201 Created", 201, "Created", true},
		{"HTTP 1.1 201 Created", 201, "Created", true},
		{"HTTP 201 Created", 201, "Created", true},
		{"HTTP/1.1 204 OK", 204, "OK", true},
		{"http/2 200", 200, "", true},
		{"HTTP/1.1 2011 Created", 0, "", false},
		{"HTTPS 200", 0, "", false},
		{"Content-Type: x", 0, "", false},
	}
	for _, tt := range tests {
		code, reason, ok := parseStatusLine(tt.line)
		if code != tt.code || reason != tt.reason || ok != tt.ok {
			t.Errorf("%q: %d %q %v", tt.line, code, reason, ok)
		}
	}
}

func TestPermissionsInclude(t *testing.T) {
	fsys := mapFS(map[string]string{
		"api/x.md":                              fm("apiPageType") + "\n# Get widget\n\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/x-permissions.md)]\n\n## HTTP request\n\n```http\nGET /widgets\n```\n",
		"includes/permissions/x-permissions.md": "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n|Application|Widget.Read.All|Widget.ReadWrite.All|\n",
		"api/y.md":                              fm("apiPageType") + "\n# Get y\n\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/missing.md)]\n\n## HTTP request\n\n```http\nGET /y\n```\n",
	})
	m, err := ParseFS(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	x := m.Operation("api/x")
	if x.PermissionsInclude == nil || len(x.Permissions) != 1 || len(x.Permissions[0].Scopes) != 2 || x.Permissions[0].Pos.File != "includes/permissions/x-permissions.md" {
		t.Errorf("x permissions %+v include %+v", x.Permissions, x.PermissionsInclude)
	}
	if m.Page("includes/permissions/x-permissions.md").Kind != model.PageInclude {
		t.Errorf("include page kind %s", m.Page("includes/permissions/x-permissions.md").Kind)
	}
	if !hasDiag(m.Diagnostics, "missing-include", 0) {
		t.Errorf("missing include not reported:\n%s", diagList(m.Diagnostics))
	}
}

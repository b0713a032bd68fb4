package parser

import (
	"encoding/json"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// A page scraped to plain text: headings, fences, pipes and braces are gone.
const scrapedPage = `Create widget

Namespace: microsoft.graph

Create a new widget.

One of the following permissions is required to call this API.

Permission type Permissions (from least to most privileged)
Delegated (work or school account) Widget.ReadWrite, Widget.ReadWrite.All
Delegated (personal Microsoft account) Not supported.
Application Widget.ReadWrite.All

HTTP request

POST /widgets

Request body

In the request body, supply a JSON representation of the widget object.

Property Type Description
name String The name. Required.
modes widgetMode collection The modes. The possible values are: fast, slow, unknownFutureValue.

If successful, this method returns a 201 Created response code and a widget object in the response body.

The following is an example of a request.

Content-Type: application/json

  "name": "w",
  "modes": [
      "fast",
      "slow"
  "tags": []

The following is an example of the response

HTTP/1.1 201 Created
Content-Type: application/json

  "id": "1",
  "name": "w"
`

func TestScrapedPage(t *testing.T) {
	res := page(t, "widget.txt", scrapedPage)
	if !res.page.Degraded || res.page.Kind != model.PageAPI {
		t.Fatalf("degraded %v kind %s", res.page.Degraded, res.page.Kind)
	}
	if res.page.H1 == nil || res.page.H1.Text != "Create widget" {
		t.Errorf("title %+v", res.page.H1)
	}
	if len(res.ops) != 1 {
		t.Fatalf("ops %+v\n%s", res.ops, diagList(res.diags))
	}
	op := res.ops[0]
	if op.Method != "POST" || op.Paths[0].Template != "/widgets" || op.Paths[0].Pos.Line != lineOf(t, scrapedPage, "POST /widgets") {
		t.Errorf("op %+v", op.Paths[0])
	}
	if len(op.Permissions) != 3 || len(op.Permissions[0].Scopes) != 2 {
		t.Errorf("permissions %+v", op.Permissions)
	}
	rb := op.RequestBody
	if rb == nil || rb.Type == nil || rb.Type.Name != "widget" || len(rb.Params) != 2 {
		t.Fatalf("body %+v", rb)
	}
	modes := rb.Params[1]
	if modes.Type.Name != "widgetMode" || !modes.Type.Collection || len(modes.AllowedValues) != 3 || modes.Pos.Line != lineOf(t, scrapedPage, "modes widgetMode") {
		t.Errorf("modes %+v", modes)
	}
	if op.Response.Status != 201 || op.Response.Type == nil || op.Response.Type.Name != "widget" {
		t.Errorf("response %+v", op.Response)
	}
	if len(op.Examples) != 2 {
		t.Fatalf("examples %+v", op.Examples)
	}
	req, resp := op.Examples[0], op.Examples[1]
	got, _ := json.Marshal(req.JSON)
	if !req.Reconstructed || string(got) != `{"name":"w","modes":["fast","slow"],"tags":[]}` {
		t.Errorf("request body reconstructed as %s", got)
	}
	if req.JSON.Members[1].Line != lineOf(t, scrapedPage, `"modes": [`) {
		t.Errorf("reconstructed positions moved: %d", req.JSON.Members[1].Line)
	}
	got, _ = json.Marshal(resp.JSON)
	if resp.Status != 201 || string(got) != `{"id":"1","name":"w"}` {
		t.Errorf("response %d %s", resp.Status, got)
	}
}

// A rendered page whose lines were glued: the request line runs into the header table.
func TestGluedLines(t *testing.T) {
	src := "| title | Create widget |\n|---|---|\n| doc_type | apiPageType |\nNamespace: microsoft.graph\nCreate a widget.\nPOST /widgets/{id}/parts| Name | Description |\n|---|---|\n| Authorization | Bearer {token}. Required. |\nIf successful, this method returns a 201 Created response code.\nPOST https://graph.microsoft.com/v1.0/widgets/1/parts\nContent-Type: application/json\n{\n\"name\": \"p\"\n}[!INCLUDE sample-code]\n"
	res := page(t, "w.txt", src)
	if len(res.ops) != 1 || res.ops[0].Paths[0].Template != "/widgets/{id}/parts" {
		t.Fatalf("ops %+v\n%s", res.ops, diagList(res.diags))
	}
	op := res.ops[0]
	if len(op.Headers) != 1 || op.Headers[0].Name != "Authorization" {
		t.Errorf("headers %+v", op.Headers)
	}
	if len(op.Examples) != 1 || op.Examples[0].JSON == nil || len(op.Examples[0].JSONIssues) != 0 {
		t.Errorf("examples %+v", op.Examples)
	}
	if len(res.page.Includes) != 1 || res.page.Includes[0].Name != "sample-code" {
		t.Errorf("includes %+v", res.page.Includes)
	}
}

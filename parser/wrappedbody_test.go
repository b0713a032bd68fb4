package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// addPasswordPage is application-addpassword.md trimmed: the Request body section names the object its table
// gives the members of, and the example sends that object.
const addPasswordPage = `---
title: "application: addPassword"
description: "Add a strong password to an application."
doc_type: "apiPageType"
---

# application: addPassword

Namespace: microsoft.graph

Adds a strong password to an [application](../resources/application.md).

## HTTP request

<!-- { "blockType": "ignored" } -->

` + "```http" + `
POST /applications/{id}/addPassword
` + "```" + `

## Request body

In the request body, provide an optional ` + "`passwordCredential`" + ` object with the following properties.

| Property	   | Type	|Description|
|:---------------|:--------|:----------|
| displayName | String | Friendly name for the password. Optional. |
| endDateTime | DateTimeOffset | The date and time at which the password expires. Optional. |
| startDateTime | DateTimeOffset | The date and time at which the password becomes valid. Optional. |

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a new [passwordCredential](../resources/passwordcredential.md) object in the response body.

## Examples

### Request

<!-- {
  "blockType": "request",
  "name": "application_addpassword"
}-->

` + "```http" + `
POST https://graph.microsoft.com/v1.0/applications/{id}/addPassword
Content-type: application/json

{
  "passwordCredential": {
    "displayName": "Password friendly name"
  }
}
` + "```" + `
`

const addPasswordExample = `{
  "passwordCredential": {
    "displayName": "Password friendly name"
  }
}`

func TestWrappedRequestBody(t *testing.T) {
	credential := resource("passwordCredential", "microsoft.graph", "A password credential.",
		"| displayName | String | Friendly name. |\n| endDateTime | DateTimeOffset | Expiry. |\n| startDateTime | DateTimeOffset | Start. |\n| hint | String | Hint. |\n",
		``, `{"displayName": "String", "endDateTime": "String (timestamp)", "startDateTime": "String (timestamp)", "hint": "String"}`)
	rows := []string{"displayName", "endDateTime", "startDateTime"}
	wrapped := []string{"passwordCredential"}
	cases := []struct {
		name     string
		edit     func(string) string
		want     []string // the body's parameters
		required bool
	}{
		{name: "as on the page", want: wrapped},
		{name: "a required linked object", edit: func(s string) string {
			return mustReplace(t, s, "an optional `passwordCredential` object", "a required [passwordCredential](../resources/passwordcredential.md) object")
		}, want: wrapped, required: true},
		{name: "half the wrapped members rows", edit: func(s string) string {
			return mustReplace(t, s, addPasswordExample, `{"passwordCredential": {"displayName": "x", "hint": "y"}}`)
		}, want: wrapped},
		{name: "no example", edit: func(s string) string {
			return s[:strings.Index(s, "## Examples")]
		}, want: rows},
		{name: "an example that does not wrap the rows", edit: func(s string) string {
			return mustReplace(t, s, addPasswordExample, `{"displayName": "Password friendly name"}`)
		}, want: rows},
		{name: "prose without the phrase", edit: func(s string) string {
			return mustReplace(t, s, "provide an optional `passwordCredential` object with the following properties", "provide a JSON object with the following parameters")
		}, want: rows},
		{name: "prose that names another object", edit: func(s string) string {
			return mustReplace(t, s, "an optional `passwordCredential` object", "an optional `keyCredential` object")
		}, want: rows},
		{name: "a second member beside the wrapper", edit: func(s string) string {
			return mustReplace(t, s, addPasswordExample, `{"passwordCredential": {"displayName": "x"}, "other": true}`)
		}, want: rows},
		{name: "a wrapper that is no object", edit: func(s string) string {
			return mustReplace(t, s, addPasswordExample, `{"passwordCredential": "x"}`)
		}, want: rows},
		{name: "wrapped members mostly not rows", edit: func(s string) string {
			return mustReplace(t, s, addPasswordExample, `{"passwordCredential": {"one": 1, "two": 2, "displayName": "x"}}`)
		}, want: rows},
		{name: "a row named after the object", edit: func(s string) string {
			return mustReplace(t, s, "| displayName | String |", "| passwordCredential | [passwordCredential](../resources/passwordcredential.md) | The credential. |\n| displayName | String |")
		}, want: append([]string{"passwordCredential"}, rows...)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := addPasswordPage
			if tc.edit != nil {
				src = tc.edit(src)
			}
			m := docs(t, map[string]string{"api/application-addpassword.md": src, "resources/passwordcredential.md": credential})
			if len(m.Operations) != 1 || m.Operations[0].RequestBody == nil {
				t.Fatalf("operations %+v", m.Operations)
			}
			rb := m.Operations[0].RequestBody
			var got []string
			for _, p := range rb.Params {
				got = append(got, p.Name)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") || rb.Kind != model.BodyParameters {
				t.Fatalf("body %s parameters %v, want %v", rb.Kind, got, tc.want)
			}
			if len(tc.want) != 1 {
				return
			}
			p := rb.Params[0]
			line := lineOf(t, src, "object with the following properties")
			if p.Type.Name != "microsoft.graph.passwordCredential" || p.Type.Kind != string(model.KindComplex) || p.Type.Collection ||
				p.Source != model.FromProse || p.Required != tc.required || p.Pos.Line != line || p.Pos.Col < 30 {
				t.Errorf("parameter %+v type %+v, want microsoft.graph.passwordCredential from the prose on line %d", p, p.Type, line)
			}
			// The rows stay in the page's table.
			var tables int
			for _, tbl := range m.Page("api/application-addpassword.md").Tables {
				if tbl.Role == model.TableRequestBody && len(tbl.Rows) == 3 {
					tables++
				}
			}
			if tables != 1 {
				t.Errorf("the request body table is no longer the page's")
			}
		})
	}
}

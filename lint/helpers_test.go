package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphdocgen/graphdocgen/parser"
)

// sharedDir is ../shared beside the checkout: seeds, corpus and the service schema.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: %s is absent (CI always has it): %v", dir, err)
	}
	return dir
}

// lintPages parses pages given as path → text and lints them, with opts.FS set to the same files.
func lintPages(t testing.TB, pages map[string]string, opts Options) []Finding {
	t.Helper()
	src := map[string][]byte{}
	fsys := fstest.MapFS{}
	for p, s := range pages {
		src[p] = []byte(s)
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	m := parser.ParsePages(src, fsys)
	if opts.FS == nil {
		opts.FS = fsys
	}
	return Run(m, opts)
}

// lineOf returns the 1-based line of the first line of text that contains s.
func lineOf(t testing.TB, text, s string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("%q is not in the page", s)
	return 0
}

// findingsOf returns the findings of a rule.
func findingsOf(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func dump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintln(&b, f)
	}
	return b.String()
}

// mustReplace replaces old by new in s once, failing when old is not there.
func mustReplace(t testing.TB, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("%q is not in the page", old)
	}
	return strings.Replace(s, old, new, 1)
}

// The clean docs tree the rule tests start from: a resource page and a create page for it. It must lint
// without a single finding (TestCleanTree).
const widgetResource = `---
title: "widget resource type"
description: "A widget."
doc_type: resourcePageType
---

# widget resource type

Namespace: microsoft.graph

A widget. Inherits from [entity](entity.md).

## Methods

| Method | Return type | Description |
|:---|:---|:---|
| [Create widget](../api/widget-post.md) | [widget](widget.md) | Create a widget. |

## Properties

| Property | Type | Description |
|:---|:---|:---|
| displayName | String | The name shown. |
| size | Int32 | The size in units. |
| color | widgetColor | The color. Possible values are: ` + "`red`, `green`, `unknownFutureValue`" + `. |
| tags | String collection | Tags. |
| createdDateTime | DateTimeOffset | When the widget was made. Read-only. |

## Relationships

None.

## JSON representation

<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "@odata.type": "microsoft.graph.widget",
  "baseType": "microsoft.graph.entity"
} -->

` + "```json" + `
{
  "id": "String (identifier)",
  "displayName": "String",
  "size": "Int32",
  "color": "String",
  "tags": ["String"],
  "createdDateTime": "String (timestamp)"
}
` + "```" + `
`

const entityResource = `---
title: "entity resource type"
description: "The base of entities."
doc_type: resourcePageType
---

# entity resource type

Namespace: microsoft.graph

The base type of entities.

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The identifier. Read-only. |

## JSON representation

<!-- {
  "blockType": "resource",
  "keyProperty": "id",
  "@odata.type": "microsoft.graph.entity"
} -->

` + "```json" + `
{
  "id": "String (identifier)"
}
` + "```" + `
`

const widgetPost = `---
title: "Create widget"
description: "Create a widget."
doc_type: apiPageType
---

# Create widget

Namespace: microsoft.graph

Create a [widget](../resources/widget.md). See [the properties](../resources/widget.md#properties).

## Permissions

| Permission type | Permissions (from least to most privileged) |
|:---|:---|
| Delegated (work or school account) | Widget.ReadWrite.All |
| Delegated (personal Microsoft account) | Not supported. |
| Application | Widget.ReadWrite.All |

## HTTP request

<!-- { "blockType": "ignored" } -->

` + "```http" + `
POST /widgets
` + "```" + `

## Request headers

| Name | Description |
|:---|:---|
| Authorization | Bearer {token}. Required. |

## Request body

In the request body, supply a JSON representation of the [widget](../resources/widget.md) object.

| Property | Type | Description |
|:---|:---|:---|
| displayName | String | The name shown. |
| size | Int32 | The size in units. |

## Response

If successful, this method returns a ` + "`201 Created`" + ` response code and a [widget](../resources/widget.md) object in the response body.

## Examples

### Request

<!-- {
  "blockType": "request",
  "name": "create_widget"
} -->

` + "```http" + `
POST https://graph.microsoft.com/v1.0/widgets
Content-Type: application/json

{
  "displayName": "Blue widget",
  "size": 3,
  "color": "red"
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
  "displayName": "Blue widget",
  "size": 3,
  "color": "red",
  "tags": []
}
` + "```" + `
`

func widgetTree() map[string]string {
	return map[string]string{
		"resources/widget.md": widgetResource,
		"resources/entity.md": entityResource,
		"api/widget-post.md":  widgetPost,
	}
}

package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func resourcePage(body string) string {
	return fm("resourcePageType") + "\n# widget resource type\n\nNamespace: microsoft.graph\n\n" + body
}

func TestPropertyTableHeaderVariants(t *testing.T) {
	for _, header := range []string{
		"| Property | Type | Description |",
		"|Property name|Type|Description|",
		"| Name | Type | Description |",
		"| **Property** | **Type** | **Description** |",
		"| Property | Type | Required | Description |",
	} {
		row := "| size | Int32 | The size. Not nullable. |"
		if strings.Contains(header, "Required") {
			row = "| size | Int32 | No | The size. Not nullable. |"
		}
		src := resourcePage("## Properties\n\n" + header + "\n|:---|:---|:---|\n" + row + "\n")
		res := page(t, "resources/widget.md", src)
		if len(res.types) != 1 || len(res.types[0].Properties) != 1 {
			t.Errorf("%s: types %+v", header, res.types)
			continue
		}
		p := res.types[0].Properties[0]
		if p.Name != "size" || p.Type.Name != "Edm.Int32" || p.Nullable == nil || *p.Nullable {
			t.Errorf("%s: property %+v", header, p)
		}
	}
}

func TestRequiredColumn(t *testing.T) {
	for _, c := range []struct{ header, yes, no string }{
		{"Required", "Yes", "No"},
		// externalconnectors-external-post-connections and -externalitem-create (v1.0)
		{"Required (Y/N)", "Y", "N"},
	} {
		src := resourcePage("## Properties\n\n| Property | Type | " + c.header + " | Description |\n|---|---|---|---|\n| a | String | " + c.yes + " | A. |\n| b | String | " + c.no + " | B. |\n")
		res := page(t, "resources/widget.md", src)
		ps := res.types[0].Properties
		if !ps[0].Required || ps[1].Required {
			t.Errorf("%s: required: a=%v b=%v", c.header, ps[0].Required, ps[1].Required)
		}
	}
}

func TestTableCellsAndPositions(t *testing.T) {
	src := resourcePage("## Properties\n\nSome text before.\n| Property | Type | Description |\n|---|---|---|\n| `code` | [thing](thing.md) collection | Uses a \\| pipe. |\n| extra | String | Desc. | stray |\n")
	res := page(t, "resources/widget.md", src)
	var tbl *model.Table
	for _, x := range res.page.Tables {
		if x.Role == model.TableProperties {
			tbl = x
		}
	}
	if tbl == nil {
		t.Fatalf("no properties table; tables %+v", res.page.Tables)
	}
	row := tbl.Rows[0]
	if row.Pos.Line != lineOf(t, src, "`code`") || row.Cells[1].Text != "[thing](thing.md) collection" || row.Cells[1].Pos.Col != 12 {
		t.Errorf("row %+v", row)
	}
	if row.Cells[2].Text != "Uses a | pipe." {
		t.Errorf("escaped pipe: %q", row.Cells[2].Text)
	}
	if len(tbl.Rows[1].Cells) != 4 || !hasDiag(res.diags, "table-shape", lineOf(t, src, "stray")) {
		t.Errorf("ragged row kept %d cells; diagnostics:\n%s", len(tbl.Rows[1].Cells), diagList(res.diags))
	}
	p := res.types[0].Properties[0]
	if p.Name != "code" || !p.Type.Collection || p.Type.Link != "thing.md" {
		t.Errorf("property %+v", p)
	}
}

func TestTableHeaderDelimiterMismatch(t *testing.T) {
	src := resourcePage("## Properties\n\n| Property | Type | Description |\n|---|---|\n| a | String | A. |\n")
	res := page(t, "resources/widget.md", src)
	if !hasDiag(res.diags, "table-shape", lineOf(t, src, "|---|---|")) {
		t.Errorf("want table-shape on the delimiter row:\n%s", diagList(res.diags))
	}
	if len(res.types[0].Properties) != 1 {
		t.Errorf("the table is still read: %+v", res.types[0].Properties)
	}
}

func TestTableUnderSubheadingIsNotProperties(t *testing.T) {
	src := resourcePage("## Properties\n\n| Property | Type | Description |\n|---|---|---|\n| a | String | A. |\n\n#### Supported property data types\n\n| Property Type | Remarks |\n|---|---|\n| Binary | 256 bytes. |\n")
	res := page(t, "resources/widget.md", src)
	if n := len(res.types[0].Properties); n != 1 {
		t.Errorf("got %d properties, want 1: %+v", n, res.types[0].Properties)
	}
}

func TestTableRoles(t *testing.T) {
	src := fm("apiPageType") + `
# Create widget

## Permissions

|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Application|Widget.ReadWrite.All|

## HTTP request

` + "```http\nPOST /widgets\n```" + `

## Request headers

| Name | Description |
|:-----|:------------|
| Authorization | Bearer {token}. Required. |

## Request body

| Parameter | Type | Description |
|:----|:---|:---|
| name | String | The name. Required. |
`
	res := page(t, "api/widget-post.md", src)
	var roles []model.TableRole
	for _, x := range res.page.Tables {
		roles = append(roles, x.Role)
	}
	want := []model.TableRole{model.TablePermissions, model.TableHeaders, model.TableRequestBody}
	if len(roles) != 3 || roles[0] != want[0] || roles[1] != want[1] || roles[2] != want[2] {
		t.Errorf("roles %v, want %v", roles, want)
	}
}

// A line of a description that does not start with a pipe shows as a row of its own; it is no property, its text
// belongs to the row above (precision sample 13, #82: intune-deviceconfig-windowsdeliveryoptimizationconfiguration).
func TestDescriptionContinuedOnALineWithoutPipe(t *testing.T) {
	src := resourcePage("## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n" +
		"|delay|Int64|Specifies the delay. Valid values 0 to 86400\nSpecifying 0 sets Delivery Optimization to manage this setting. Valid values 0 to 86400|\n" +
		"|size|Int32|The size.|\n")
	res := page(t, "resources/widget.md", src)
	ps := res.types[0].Properties
	if len(ps) != 2 || ps[0].Name != "delay" || ps[1].Name != "size" {
		t.Fatalf("properties %+v", ps)
	}
	if want := "Specifies the delay. Valid values 0 to 86400 Specifying 0 sets Delivery Optimization to manage this setting. Valid values 0 to 86400"; ps[0].Description != want {
		t.Errorf("description %q, want %q", ps[0].Description, want)
	}
	if len(res.diags) != 1 || !hasDiag(res.diags, "property-name", 17) ||
		!strings.Contains(res.diags[0].Message, "this line continues the description in the row above") {
		t.Errorf("diagnostics:\n%s", diagList(res.diags))
	}
	// A table without leading pipes at all is a table, not continuations.
	src = resourcePage("## Properties\n\nProperty|Type|Description\n:---|:---|:---\ndelay|Int64|The delay.\nsize|Int32|The size.\n")
	if ps := page(t, "resources/widget.md", src).types[0].Properties; len(ps) != 2 {
		t.Errorf("a table without leading pipes: %+v", ps)
	}
}

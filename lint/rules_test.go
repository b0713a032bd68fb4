package lint

import (
	"maps"
	"strings"
	"testing"
)

func TestCleanTree(t *testing.T) {
	if fs := lintPages(t, widgetTree(), Options{}); len(fs) > 0 {
		t.Fatalf("the clean tree has findings:\n%s", dump(fs))
	}
}

// ruleCase changes one page of the clean tree and expects a rule to report at the line that holds marker.
type ruleCase struct {
	name     string
	page     string
	old, new string
	rule     string
	marker   string // text on the line the finding must be at
	message  string // a part of the message, when it matters
	opts     Options
	absent   bool // the change must not produce a finding of the rule
	// extraJSON is added to the resource page's JSON representation, after "tags".
	extraJSON string
}

const (
	api = "api/widget-post.md"
	res = "resources/widget.md"
)

var ruleCases = []ruleCase{
	// Placeholders.
	{name: "todo in a table", page: api, old: "| size | Int32 | The size in units. |", new: "| size | Int32 | **TODO: Add Description** |",
		rule: "todo", marker: "TODO: Add", message: "write the real description"},
	{name: "todo in front matter", page: api, old: `description: "Create a widget."`, new: `description: "TODO: describe"`,
		rule: "todo", marker: "TODO: describe", message: "value of description"},
	{name: "todo in a comment is ignored", page: api, old: "## Request headers", new: "<!-- TODO: check headers -->\n## Request headers",
		rule: "todo", absent: true},
	{name: "todo in a comment with the option", page: api, old: "## Request headers", new: "<!-- TODO: check headers -->\n## Request headers",
		rule: "todo", marker: "TODO: check", opts: Options{TODOInComments: true}},
	{name: "todoTask is no placeholder", page: api, old: "Create a [widget]", new: "Like a todoTask, create a [widget]", rule: "todo", absent: true},
	{name: "template variable", page: api, old: `description: "Create a widget."`, new: `description: "$(metadata.owner)"`,
		rule: "template-leftover", marker: "$(metadata.owner)"},
	{name: "not yet documented", page: res, old: "| size | Int32 | The size in units. |", new: "| size | Int32 | Not yet documented |",
		rule: "not-yet-documented", marker: "Not yet documented", message: "write what size is"},
	{name: "empty description cell", page: res, old: "| size | Int32 | The size in units. |", new: "| size | Int32 |  |",
		rule: "empty-description", marker: "| size | Int32 |  |"},
	{name: "empty front matter description", page: res, old: `description: "A widget."`, new: `description: ""`,
		rule: "empty-description", marker: `description: ""`},
	{name: "empty permission", page: api, old: "| Application | Widget.ReadWrite.All |", new: "| Application |  |",
		rule: "empty-permission", marker: "| Application |  |"},
	{name: "merge conflict", page: api, old: "## Request headers", new: "<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n\n## Request headers",
		rule: "merge-conflict", marker: "<<<<<<< HEAD"},
	{name: "replacement character", page: api, old: "Create a [widget]", new: "Create a \uFFFD [widget]", rule: "replacement-char", marker: "\uFFFD"},

	// Structure.
	{name: "empty http block", page: api, old: "```http\nPOST /widgets\n```", new: "```http\n\n```", rule: "empty-http-block", marker: "```http"},
	{name: "request line without verb", page: api, old: "```http\nPOST /widgets\n```", new: "```http\n/widgets\n```", rule: "request-line", marker: "/widgets"},
	{name: "missing Response section", page: api, old: "## Response\n", new: "", rule: "missing-section", marker: "# Create widget", message: `"Response"`},
	{name: "misspelt section", page: api, old: "## Response\n", new: "## Reponse\n", rule: "section-name", marker: "## Reponse", message: `did you mean "Response"`},
	{name: "duplicate property", page: res, old: "| tags | String collection | Tags. |", new: "| tags | String collection | Tags. |\n| size | Int32 | Again. |",
		rule: "duplicate-property", marker: "| size | Int32 | Again. |"},
	{name: "request without response", page: api, old: "HTTP/1.1 201 Created", new: "",
		rule: "request-without-response", marker: "POST https://graph.microsoft.com/v1.0/widgets", absent: true},

	// HTTP examples.
	{name: "malformed status line", page: api, old: "HTTP/1.1 201 Created", new: "HTTP 1.1 201 Created", rule: "status-line", marker: "HTTP 1.1 201", message: `write "HTTP/1.1 201 Created"`},
	{name: "status differs from prose", page: api, old: "HTTP/1.1 201 Created", new: "HTTP/1.1 200 OK", rule: "status-mismatch", marker: "HTTP/1.1 200 OK"},
	{name: "reason phrase", page: api, old: "HTTP/1.1 201 Created", new: "HTTP/1.1 201 OK", rule: "reason-phrase", marker: "HTTP/1.1 201 OK", message: `write "201 Created"`},
	{name: "reason phrase in prose", page: api, old: "`201 Created`", new: "`201 OK`", rule: "reason-phrase", marker: "`201 OK`"},
	{name: "comma in the prose status", page: api, old: "`201 Created`", new: "`201, Created`", rule: "reason-phrase", marker: "`201, Created`",
		message: `"201, Created" is not the standard reason phrase; write "201 Created"`},
	{name: "content length", page: api, old: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json",
		new: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json\nContent-Length: 5", rule: "content-length", marker: "Content-Length: 5"},
	{name: "right content length", page: api, old: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json",
		new: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json\nContent-Length: 65", rule: "content-length", absent: true},
	{name: "trailing comma", page: api, old: "\"color\": \"red\"\n}\n```\n\n### Response", new: "\"color\": \"red\",\n}\n```\n\n### Response",
		rule: "json-syntax", marker: `"color": "red",`, message: "trailing comma"},
	{name: "placeholder value", page: api, old: `  "displayName": "Blue widget",
  "size": 3,
  "color": "red",
  "tags": []`, new: `  "displayName": "String",
  "size": 3,
  "color": "red",
  "tags": []`, rule: "placeholder-value", marker: `"displayName": "String"`},

	// Model consistency.
	{name: "unknown property", page: api, old: `  "size": 3,
  "color": "red",
  "tags": []`, new: `  "size": 3,
  "colour": "red",
  "tags": []`, rule: "unknown-property", marker: `"colour"`, message: "did you mean color?"},
	{name: "property case", page: api, old: `  "displayName": "Blue widget",
  "size": 3,
  "color": "red",
  "tags": []`, new: `  "DisplayName": "Blue widget",
  "size": 3,
  "color": "red",
  "tags": []`, rule: "property-case", marker: `"DisplayName"`},
	{name: "string for Int32", page: api, old: "  \"size\": 3,\n  \"color\": \"red\",\n  \"tags\"", new: "  \"size\": \"3\",\n  \"color\": \"red\",\n  \"tags\"",
		rule: "value-type", marker: `"size": "3"`},
	{name: "single value for a collection", page: api, old: `"tags": []`, new: `"tags": "blue"`, rule: "value-type", marker: `"tags": "blue"`, message: "wrap the value in [ ]"},
	{name: "member written twice", page: api, old: `"tags": []`, new: "\"tags\": [],\n  \"size\": 4", rule: "duplicate-key", marker: `"size": 4`, message: "(line "},
	{name: "representation: a word for an Int32", page: res, old: `"size": "Int32",`, new: `"size": "twelve",`, rule: "value-type", marker: `"size": "twelve"`, message: "neither its type's name nor a value of it"},
	{name: "representation: an object for a String", page: res, old: `"displayName": "String",`, new: `"displayName": {"text": "x"},`, rule: "value-type", marker: `"displayName": {`, message: "neither its type's name nor a value of it"},
	{name: "representation: a value of the type", page: res, old: `"size": "Int32",`, new: `"size": 12,`, rule: "value-type", absent: true},
	{name: "representation: the type named by @odata.type", page: res, old: `"size": "Int32",`, new: `"size": {"@odata.type": "Edm.Int32"},`, rule: "value-type", absent: true},
	{name: "null for a collection", page: api, old: `"tags": []`, new: `"tags": null`, rule: "value-type", marker: `"tags": null`, message: "never null; write []"},
	{name: "placeholder for a DateTimeOffset", page: api, old: `"tags": []`, new: "\"tags\": [],\n  \"createdDateTime\": \"datetime-value\"",
		rule: "value-format", marker: `"datetime-value"`, message: `write a value such as "2021-07-20T10:00:00Z"`},
	{name: "date for a DateTimeOffset", page: api, old: `"tags": []`, new: "\"tags\": [],\n  \"createdDateTime\": \"2021-07-20\"",
		rule: "value-format", marker: `"2021-07-20"`, message: "is not a date and time"},
	{name: "a DateTimeOffset in its form", page: api, old: `"tags": []`, new: "\"tags\": [],\n  \"createdDateTime\": \"2021-07-20T10:00:00.1234567Z\"",
		rule: "value-format", absent: true},
	{name: "empty string for an enum", page: api, old: "  \"color\": \"red\",\n  \"tags\"", new: "  \"color\": \"\",\n  \"tags\"", rule: "enum-value", marker: `"color": ""`},
	{name: "enum value", page: api, old: "  \"color\": \"red\",\n  \"tags\"", new: "  \"color\": \"purple\",\n  \"tags\"", rule: "enum-value", marker: `"purple"`},
	{name: "table row missing from the JSON", page: res, old: "| tags | String collection | Tags. |", new: "| tags | String collection | Tags. |\n| weight | Int32 | The weight. |",
		rule: "table-json", marker: "| weight |"},
	{name: "JSON member missing from the table", page: res, old: `"tags": ["String"],`, new: `"tags": ["String"],
  "shape": "String",`, rule: "table-json", marker: `"shape"`},
	{name: "request body row not on the resource", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
		new: "| size | Int32 | The size in units. |\n| colour | String | The colour. |\n\n## Response", rule: "request-body-property", marker: "| colour |", message: "did you mean color?"},
	{name: "request body row of another type", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
		new: "| size | String | The size in units. |\n\n## Response", rule: "request-body-property", marker: "| size | String |"},
	{name: "read-only property on a create page", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
		new: "| size | Int32 | The size in units. |\n| createdDateTime | DateTimeOffset | When. |\n\n## Response", rule: "read-only-in-create", marker: "| createdDateTime |",
		message: `remove the row, or drop "read-only" from the widget page if the request takes it`},
	{name: "id on a create page", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
		new: "| size | Int32 | The size in units. |\n| id | String | The identifier. |\n\n## Response", rule: "read-only-in-create", marker: "| id |"},
	{name: "odata.type in another namespace", page: api, old: `"@odata.type": "microsoft.graph.widget"`, new: `"@odata.type": "microsoft.widgets.widget"`,
		rule: "odata-type", marker: "microsoft.widgets.widget", message: `write "#microsoft.graph.widget"`},
	{name: "odata.type without namespace", page: api, old: "{\n  \"id\": \"1\",", new: "{\n  \"@odata.type\": \"widget\",\n  \"id\": \"1\",",
		rule: "odata-type", marker: `"@odata.type": "widget"`},
	{name: "annotation and body disagree", page: api, old: "{\n  \"id\": \"1\",", new: "{\n  \"@odata.type\": \"#microsoft.graph.entity\",\n  \"id\": \"1\",",
		rule: "odata-type", marker: `"@odata.type": "microsoft.graph.widget"`, message: "differs from the body's"},
	{name: "unknown odata.type", page: api, old: "{\n  \"id\": \"1\",", new: "{\n  \"@odata.type\": \"#microsoft.graph.gadget\",\n  \"id\": \"1\",",
		rule: "unresolved-odata-type", marker: "microsoft.graph.gadget"},
	{name: "value wrapper", page: api, old: "{\n  \"id\": \"1\",\n  \"displayName\": \"Blue widget\",\n  \"size\": 3,\n  \"color\": \"red\",\n  \"tags\": []\n}",
		new:  "{\n  \"value\": {\n  \"id\": \"1\",\n  \"displayName\": \"Blue widget\",\n  \"size\": 3,\n  \"color\": \"red\",\n  \"tags\": []\n  }\n}",
		rule: "value-wrapper", marker: `"value": {`},
	{name: "unresolved type", page: res, old: "| tags | String collection | Tags. |", new: "| tags | String collection | Tags. |\n| owner | gadget | The owner. |",
		rule: "unresolved-type", marker: "| owner | gadget |"},

	// Links.
	{name: "broken link", page: api, old: "Create a [widget](../resources/widget.md).", new: "Create a [widget](../resources/widgets.md).",
		rule: "broken-link", marker: "widgets.md", message: "did you mean ../resources/widget.md?"},
	{name: "link case", page: api, old: "Create a [widget](../resources/widget.md).", new: "Create a [widget](../resources/Widget.md).",
		rule: "link-case", marker: "Widget.md"},
	{name: "malformed link", page: api, old: "Create a [widget](../resources/widget.md).", new: "Create a [widget](../resources/-widget.md).",
		rule: "malformed-link", marker: "-widget.md", message: "write ../resources/widget.md (that file exists)"},
	{name: "broken anchor", page: api, old: "widget.md#properties", new: "widget.md#propertes", rule: "broken-anchor", marker: "#propertes", message: "did you mean #properties?"},
	{name: "link outside the tree", page: api, old: "Create a [widget](../resources/widget.md).", new: "Create a [widget](../../other/widget.md).",
		rule: "broken-link", absent: true},
	{name: "link to a folder not in the tree", page: api, old: "Create a [widget](../resources/widget.md).", new: "Create a [widget](../concepts/widget.md).",
		rule: "broken-link", absent: true},

	// Permissions.
	{name: "missing permissions", page: api, old: `| Permission type | Permissions (from least to most privileged) |
|:---|:---|
| Delegated (work or school account) | Widget.ReadWrite.All |
| Delegated (personal Microsoft account) | Not supported. |
| Application | Widget.ReadWrite.All |`, new: "Ask your administrator.", rule: "missing-permissions", marker: "## Permissions"},
	{name: "permissions header", page: api, old: "(from least to most privileged)", new: "(from most to least privileged)", rule: "permissions-header", marker: "most to least"},
	{name: "permission type", page: api, old: "| Application | Widget.ReadWrite.All |", new: "| Applications | Widget.ReadWrite.All |",
		rule: "permission-type", marker: "| Applications |", message: `did you mean "Application"?`},

	{name: "unresolved base type", page: res, old: `"baseType": "microsoft.graph.entity"`, new: `"baseType": "microsoft.graph.thing"`,
		rule: "unresolved-base-type", marker: `"baseType": "microsoft.graph.thing"`},
	{name: "case-only difference in the JSON representation", page: res, old: `"displayName": "String",`, new: `"DisplayName": "String",`,
		rule: "property-case", marker: `"DisplayName"`, message: `write "displayName"`},
	{name: "request line without path", page: api, old: "```http\nPOST /widgets\n```", new: "```http\nPOST\n```", rule: "request-line", marker: "POST"},
	{name: "anchor case", page: api, old: "widget.md#properties", new: "widget.md#Properties", rule: "link-case", marker: "#Properties"},

	// Precision fixes from the corpus sample (lint/testdata/precision-sample.md): each has a twin that fires.
	{name: "content length of a binary body", page: api, old: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json",
		new: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/zip\nContent-Length: 5", rule: "content-length", absent: true},
	{name: "content length of a described body", page: api, old: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json\n\n{\n  \"displayName\": \"Blue widget\",\n  \"size\": 3,\n  \"color\": \"red\"\n}",
		new: "POST https://graph.microsoft.com/v1.0/widgets\nContent-Length: 5\n\n<the bytes of the widget>", rule: "content-length", absent: true},
	{name: "empty cell before a stray one", page: api, old: "| Application | Widget.ReadWrite.All |", new: "| Application | | Widget.ReadWrite.All |",
		rule: "empty-permission", absent: true},
	{name: "stray permission cell", page: api, old: "| Application | Widget.ReadWrite.All |", new: "| Application | | Widget.ReadWrite.All |",
		rule: "table-shape", marker: "| Application | |"},
	{name: "permissions per resource", page: api, old: `| Permission type | Permissions (from least to most privileged) |
|:---|:---|
| Delegated (work or school account) | Widget.ReadWrite.All |
| Delegated (personal Microsoft account) | Not supported. |
| Application | Widget.ReadWrite.All |`, new: `| Supported resource | Delegated (work or school account) | Application |
|:---|:---|:---|
| widget | Widget.ReadWrite.All | Widget.ReadWrite.All |`, rule: "missing-permissions", absent: true},
	{name: "group label row", page: res, old: "| size | Int32 | The size in units. |", new: "|**Sizes**|\n| size | Int32 | The size in units. |",
		rule: "type-cell", absent: true},
	{name: "empty type cell", page: res, old: "| size | Int32 | The size in units. |", new: "| size | | The size in units. |",
		rule: "type-cell", marker: "| size | |"},
	{name: "values of a String property", page: res, old: "## Relationships", new: "### tags values\n\n| Member |\n|:---|\n| North America Letter |\n\n## Relationships",
		rule: "enum-member", absent: true},
	{name: "enum member not an identifier", page: res, old: "## Relationships", new: "### widgetColor values\n\n| Member |\n|:---|\n| red |\n| North America Letter |\n| unknownFutureValue |\n\n## Relationships",
		rule: "enum-member", marker: "| North America Letter |"},
	{name: "property in a table under a subheading", page: res, old: "## Relationships", new: "### Sizes\n\n| Property | Type | Description |\n|:---|:---|:---|\n| weight | Int32 | The weight. |\n\n## Relationships",
		rule: "table-json", absent: true, extraJSON: `"weight": "Int32",`},
	{name: "directory extension attribute", page: api, old: "  \"color\": \"red\"\n}\n```\n\n### Response", new: "  \"color\": \"red\",\n  \"extension_0123456789abcdef0123456789abcdef_tag\": \"x\"\n}\n```\n\n### Response",
		rule: "unknown-property", absent: true},
	{name: "value wrapper with a collection context", page: api, old: "{\n  \"id\": \"1\",\n  \"displayName\": \"Blue widget\",\n  \"size\": 3,\n  \"color\": \"red\",\n  \"tags\": []\n}",
		new:  "{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.widget)\",\n  \"value\": [{\n  \"id\": \"1\",\n  \"displayName\": \"Blue widget\",\n  \"size\": 3,\n  \"color\": \"red\",\n  \"tags\": []\n  }]\n}",
		rule: "value-wrapper", marker: `"value": [{`, message: "the example returns a collection"},

	{name: "group label in a request body table", page: api, old: "| size | Int32 | The size in units. |\n\n## Response",
		new: "|**Sizes**|\n| size | Int32 | The size in units. |\n\n## Response", rule: "request-body-property", absent: true},
	{name: "group labels twice", page: res, old: "| displayName | String | The name shown. |", new: "|**Names**|\n| displayName | String | The name shown. |\n|**Names**|",
		rule: "duplicate-property", absent: true},
	{name: "group label is no property", page: res, old: "| displayName | String | The name shown. |", new: "|**Names**|\n| displayName | String | The name shown. |",
		rule: "table-json", absent: true},
	{name: "required id on a create page", page: api, old: `| Property | Type | Description |
|:---|:---|:---|
| displayName | String | The name shown. |
| size | Int32 | The size in units. |`, new: `| Property | Type | Required | Description |
|:---|:---|:---|:---|
| id | String | Y | The identifier. |
| displayName | String | Y | The name shown. |
| size | Int32 | N | The size in units. |`, rule: "read-only-in-create", absent: true},
	{name: "request outside the examples", page: api, old: "## Request headers", new: "## Optional query parameters\n\ne.g.\n```http\nGET /widgets/{id}?$select=size\n```\n\n## Request headers",
		rule: "request-without-response", absent: true},

	// Suppressions.
	{name: "suppressed on the next line", page: api, old: "| Permission type |", new: "<!-- graphdocgen-lint-disable-next-line todo -->\n| Permission type |",
		rule: "suppression", marker: "graphdocgen-lint-disable-next-line", message: "silences no finding"},
	{name: "unknown rule in a suppression", page: api, old: "## Request headers", new: "<!-- graphdocgen-lint-disable-file tdo -->\n## Request headers",
		rule: "suppression", marker: "graphdocgen-lint-disable-file", message: "did you mean todo?"},
}

func TestRules(t *testing.T) {
	for _, c := range ruleCases {
		t.Run(c.name, func(t *testing.T) {
			tree := widgetTree()
			tree[c.page] = mustReplace(t, tree[c.page], c.old, c.new)
			if c.extraJSON != "" {
				tree[res] = mustReplace(t, tree[res], `"tags": ["String"],`, `"tags": ["String"],`+"\n  "+c.extraJSON)
			}
			fs := lintPages(t, tree, c.opts)
			got := findingsOf(fs, c.rule)
			if c.absent {
				if len(got) > 0 {
					t.Fatalf("want no %s finding, got:\n%s", c.rule, dump(got))
				}
				return
			}
			line := lineOf(t, tree[c.page], c.marker)
			for _, f := range got {
				if f.Pos.File == c.page && f.Pos.Line == line && strings.Contains(f.Message, c.message) {
					if f.Pos.Col < 1 {
						t.Errorf("finding has no column: %s", f)
					}
					return
				}
			}
			t.Fatalf("want %s at %s:%d (message with %q); all findings:\n%s", c.rule, c.page, line, c.message, dump(fs))
		})
	}
}

func TestRequestWithoutResponse(t *testing.T) {
	tree := widgetTree()
	// Drop the response block: the request is left alone.
	p := tree[api]
	i := strings.Index(p, "### Response")
	tree[api] = p[:i]
	fs := findingsOf(lintPages(t, tree, Options{}), "request-without-response")
	if len(fs) != 1 || fs[0].Pos.Line != lineOf(t, tree[api], "POST https://graph.microsoft.com") {
		t.Fatalf("want one finding at the request, got:\n%s", dump(fs))
	}
}

func TestDuplicateExampleName(t *testing.T) {
	tree := widgetTree()
	tree["api/widget-post-again.md"] = tree[api]
	fs := findingsOf(lintPages(t, tree, Options{}), "duplicate-example-name")
	if len(fs) != 1 || fs[0].Pos.File != "api/widget-post-again.md" || !strings.Contains(fs[0].Message, "api/widget-post.md") {
		t.Fatalf("want one finding on the second page naming the first, got:\n%s", dump(fs))
	}
}

// An ignored block makes no snippet, so its name may repeat one used elsewhere.
func TestDuplicateExampleNameIgnored(t *testing.T) {
	tree := widgetTree()
	tree["api/widget-post-again.md"] = mustReplace(t, tree[api], `"blockType": "request",
  "name": "create_widget"`, `"blockType": "ignored",
  "name": "create_widget"`)
	if fs := findingsOf(lintPages(t, tree, Options{}), "duplicate-example-name"); len(fs) > 0 {
		t.Fatalf("want no finding for an ignored block, got:\n%s", dump(fs))
	}
}

func TestSuppressions(t *testing.T) {
	base := widgetTree()[api]
	todoRow := "| size | Int32 | TODO: describe |"
	withTODO := mustReplace(t, base, "| size | Int32 | The size in units. |", todoRow)
	cases := []struct {
		name string
		page string
		want int // todo findings
	}{
		{"none", withTODO, 1},
		{"same line", mustReplace(t, withTODO, todoRow, todoRow+" <!-- graphdocgen-lint-disable-line todo -->"), 0},
		{"next line", mustReplace(t, withTODO, todoRow, "<!-- graphdocgen-lint-disable-next-line todo -- drafted later -->\n"+todoRow), 0},
		{"whole page", mustReplace(t, withTODO, "# Create widget", "<!-- graphdocgen-lint-disable-file todo -->\n# Create widget"), 0},
		{"every rule", mustReplace(t, withTODO, "# Create widget", "<!-- graphdocgen-lint-disable-file -->\n# Create widget"), 0},
		{"another rule", mustReplace(t, withTODO, todoRow, todoRow+" <!-- graphdocgen-lint-disable-line broken-link -->"), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree := widgetTree()
			tree[api] = c.page
			if got := len(findingsOf(lintPages(t, tree, Options{}), "todo")); got != c.want {
				t.Fatalf("todo findings: got %d, want %d", got, c.want)
			}
		})
	}
	// A disable-next-line before an annotated code block covers the whole block.
	tree := widgetTree()
	tree[api] = mustReplace(t, base, `"size": 3,
  "color": "red",
  "tags": []`, `"size": "String",
  "color": "red",
  "tags": []`)
	tree[api] = mustReplace(t, tree[api], "### Response\n", "### Response\n\n<!-- graphdocgen-lint-disable-next-line placeholder-value -->")
	if fs := lintPages(t, tree, Options{}); len(fs) > 0 {
		t.Fatalf("the block suppression left findings:\n%s", dump(fs))
	}
}

func TestRuleLevels(t *testing.T) {
	tree := widgetTree()
	tree[api] = mustReplace(t, tree[api], "HTTP/1.1 201 Created", "HTTP 1.1 201 Created")
	if fs := findingsOf(lintPages(t, tree, Options{Rules: map[string]string{"status-line": "off"}}), "status-line"); len(fs) > 0 {
		t.Fatalf("rule turned off still reports:\n%s", dump(fs))
	}
	if fs := findingsOf(lintPages(t, tree, Options{Rules: map[string]string{"http": "off"}}), "status-line"); len(fs) > 0 {
		t.Fatalf("family turned off still reports:\n%s", dump(fs))
	}
	fs := findingsOf(lintPages(t, tree, Options{Rules: map[string]string{"http": "off", "status-line": "info"}}), "status-line")
	if len(fs) != 1 || fs[0].Severity != sevInfo {
		t.Fatalf("rule level should win over its family's: %s", dump(fs))
	}
	if fs := findingsOf(lintPages(t, widgetTree(), Options{Rules: map[string]string{"split-type": "on"}}), "split-type"); len(fs) > 0 {
		t.Fatalf("split-type on a tree with no split types: %s", dump(fs))
	}
}

func TestOptionsValidate(t *testing.T) {
	if err := (Options{Rules: map[string]string{"todo": "off", "links": "error", "http": "on"}}).Validate(); err != nil {
		t.Fatal(err)
	}
	err := Options{Rules: map[string]string{"tdo": "off", "todo": "loud"}}.Validate()
	if err == nil || !strings.Contains(err.Error(), `did you mean "todo"?`) || !strings.Contains(err.Error(), `"loud"`) {
		t.Fatalf("want errors naming the unknown rule with a suggestion and the bad level, got %v", err)
	}
}

func TestEveryRuleIsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("rule %s is registered twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || !families[r.Family] || r.Severity.Rank() == 0 {
			t.Errorf("rule %s lacks a summary, family or severity", r.ID)
		}
	}
}

// A conceptual page kept among the resources names no type and needs none; a page with a properties table does.
func TestResourceNameOnConceptualPages(t *testing.T) {
	tree := widgetTree()
	tree["resources/widgets-overview.md"] = "---\ntitle: \"Working with widgets\"\n---\n\n# Working with widgets\n\nNamespace: microsoft.graph\n\nWidgets come in sizes.\n"
	if fs := findingsOf(lintPages(t, tree, Options{}), "resource-name"); len(fs) > 0 {
		t.Fatalf("want no finding on a conceptual page, got:\n%s", dump(fs))
	}
	tree["resources/widgets-overview.md"] += "\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| weight | Int32 | The weight. |\n"
	if fs := findingsOf(lintPages(t, tree, Options{}), "resource-name"); len(fs) == 0 {
		t.Fatal("want a finding on a page with a properties table and no type name")
	}
}

// isPlaceholderValue must agree with the expression it guards.
func TestIsPlaceholderValue(t *testing.T) {
	for _, s := range []string{"String", "Edm.String", "string", "STRING", "Int32", "int32", "Int64 (x)", "String (identifier)",
		"DateTimeOffset", "datetimeoffset", "Guid", "guid", "Date", "TimeOfDay", "Boolean", "boolean", "Byte", "SByte",
		"Stream", "Edm.Binary", "Double", "Decimal", "Duration", "Single", "Int16", "Str", "", "S", "Blue widget",
		"Strings", "sByte", "Contoso", "2021-07-20", "true", "String (a long note about what the placeholder stands for, kept for the example)"} {
		if got, want := isPlaceholderValue(s), placeholderValue.MatchString(s); got != want {
			t.Errorf("isPlaceholderValue(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

// A property declared as a base type holds values of its derived types, which @odata.type names.
func TestODataTypeOfPropertyValues(t *testing.T) {
	pages := widgetTree()
	pages[res] = mustReplace(t, pages[res], "| tags | String collection | Tags. |", "| tags | String collection | Tags. |\n| part | [widgetPart](widgetpart.md) | The part. |")
	pages[res] = mustReplace(t, pages[res], `"tags": ["String"],`, `"tags": ["String"],`+"\n  \"part\": {\"@odata.type\": \"microsoft.graph.widgetPart\"},")
	complexPage := func(name, intro, rows, json string) string {
		return "---\ntitle: \"" + name + " resource type\"\ndescription: \"A " + name + ".\"\ndoc_type: resourcePageType\n---\n\n# " + name +
			" resource type\n\nNamespace: microsoft.graph\n\n" + intro + "\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" + rows +
			"\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph." + name + "\"\n} -->\n\n```json\n" + json + "\n```\n"
	}
	pages["resources/widgetpart.md"] = complexPage("widgetPart", "A part of a widget.", "| name | String | The name. |\n", `{"name": "String"}`)
	pages["resources/gearpart.md"] = complexPage("gearPart", "A gear. Inherits from [widgetPart](widgetpart.md).", "| teeth | Int32 | Teeth. |\n", `{"teeth": 1024}`)
	pages["resources/label.md"] = complexPage("label", "A label.", "| text | String | The text. |\n", `{"text": "String"}`)
	for _, c := range []struct {
		name, part, marker, message string
	}{
		{"derived property without @odata.type", `{"name": "g", "teeth": 12}`, `"teeth"`, `"@odata.type": "#microsoft.graph.gearPart"`},
		{"derived property with the base's @odata.type", `{"@odata.type": "#microsoft.graph.widgetPart", "teeth": 12}`, `"teeth"`, "which @odata.type names"},
		{"unrelated @odata.type", `{"@odata.type": "#microsoft.graph.label", "text": "x"}`, `"#microsoft.graph.label"`, "nor a type derived from it"},
		{"@odata.type not in lower case", `{"@Odata.type": "#microsoft.graph.gearPart", "name": "g"}`, `"@Odata.type"`, "whose name is lower case"},
		{"derived value named", `{"@odata.type": "#microsoft.graph.gearPart", "teeth": 12}`, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tree := maps.Clone(pages)
			tree[api] = mustReplace(t, tree[api], `"tags": []`, "\"tags\": [],\n  \"part\": "+c.part)
			fs := findingsOf(lintPages(t, tree, Options{}), "odata-type")
			if c.marker == "" {
				if len(fs) > 0 {
					t.Fatalf("want no odata-type finding, got:\n%s", dump(fs))
				}
				return
			}
			line := lineOf(t, tree[api], c.marker)
			if len(fs) != 1 || fs[0].Pos.File != api || fs[0].Pos.Line != line || !strings.Contains(fs[0].Message, c.message) {
				t.Fatalf("want one odata-type finding at %s:%d with %q; got:\n%s", api, line, c.message, dump(fs))
			}
		})
	}
}

// A property named "type" may hold type names legitimately (placeholder-value leaves it alone), but when it is an
// enum its value is still checked: "string" for the member String is a member in another case.
func TestEnumValueUnderTypeKey(t *testing.T) {
	tree := widgetTree()
	tree[res] = mustReplace(t, tree[res], "| tags | String collection | Tags. |",
		"| tags | String collection | Tags. |\n| type | attributeType | The type. Possible values are: `String`, `Integer`. |")
	tree[res] = mustReplace(t, tree[res], `"tags": ["String"],`, `"tags": ["String"],`+"\n  \"type\": \"String\",")
	for value, message := range map[string]string{
		`"string"`: `"string" differs in case from the member String of attributeType; write "String", or, if "string" is right, correct the member or the property's type`,
		`"Text"`:   `"Text" is not a member of attributeType`,
	} {
		pages := maps.Clone(tree)
		pages[api] = mustReplace(t, pages[api], `"tags": []`, "\"tags\": [],\n  \"type\": "+value)
		fs := findingsOf(lintPages(t, pages, Options{}), "enum-value")
		line := lineOf(t, pages[api], `"type": `+value)
		if len(fs) != 1 || fs[0].Pos.Line != line || !strings.Contains(fs[0].Message, message) {
			t.Errorf("%s: want one enum-value finding at line %d with %q; got:\n%s", value, line, message, dump(fs))
		}
	}
}

// The Response section says a collection and the example answers one object: one of them is wrong.
func TestCollectionAnsweredWithOneObject(t *testing.T) {
	tree := widgetTree()
	tree[api] = mustReplace(t, tree[api], "and a [widget](../resources/widget.md) object in the response body",
		"and a collection of [widget](../resources/widget.md) objects in the response body")
	lines := strings.Split(tree[api], "\n")
	want := 0
	for i, l := range lines {
		if l == "HTTP/1.1 201 Created" {
			want = i + 4 // the status line, Content-Type, a blank line, then the body's "{"
		}
	}
	if lines[want-1] != "{" {
		t.Fatalf("line %d is %q, not the response body's {", want, lines[want-1])
	}
	fs := findingsOf(lintPages(t, tree, Options{}), "value-wrapper")
	if len(fs) != 1 || fs[0].Pos.Line != want || !strings.Contains(fs[0].Message, "returns a collection of widget, but the example returns a single object") {
		t.Fatalf("want one value-wrapper finding at line %d; got:\n%s", want, dump(fs))
	}
	// The same answer wrapped as a collection agrees with the prose.
	tree[api] = mustReplace(t, tree[api], "{\n  \"id\": \"1\",", "{\"value\": [{\n  \"id\": \"1\",")
	tree[api] = mustReplace(t, tree[api], "  \"tags\": []\n}", "  \"tags\": []\n}]}")
	if fs := findingsOf(lintPages(t, tree, Options{}), "value-wrapper"); len(fs) > 0 {
		t.Fatalf("a collection answer: want no value-wrapper finding; got:\n%s", dump(fs))
	}
}

// A description that lists values and the enum page its type names must agree.
func TestEnumListAgainstEnumPage(t *testing.T) {
	tree := widgetTree()
	tree["resources/enums.md"] = "---\ntitle: \"Enum values\"\ndescription: \"Enums.\"\ndoc_type: enumPageType\n---\n\n# Enum values\n\nNamespace: microsoft.graph\n\n" +
		"### widgetColor values\n\n| Member | Description |\n|:---|:---|\n| red | Red. |\n| green | Green. |\n| unknownFutureValue | Evolvable enumeration sentinel value. Do not use. |\n"
	tree[res] = mustReplace(t, tree[res], "| color | widgetColor |", "| color | [widgetColor](enums.md#widgetcolor-values) |")
	if fs := findingsOf(lintPages(t, tree, Options{}), "enum-list"); len(fs) > 0 {
		t.Fatalf("the lists agree: want no enum-list finding; got:\n%s", dump(fs))
	}
	tree[res] = mustReplace(t, tree[res], "`red`, `green`", "`red`, `grene`")
	fs := findingsOf(lintPages(t, tree, Options{}), "enum-list")
	line := lineOf(t, tree[res], "`grene`")
	col := strings.Index(strings.Split(tree[res], "\n")[line-1], "`grene`") + 1
	if len(fs) != 1 || fs[0].Pos.File != res || fs[0].Pos.Line != line || fs[0].Pos.Col != col || !strings.Contains(fs[0].Message, `did you mean "green"?`) {
		t.Fatalf("want one enum-list finding at %s:%d:%d suggesting green; got:\n%s", res, line, col, dump(fs))
	}
}

// widgetChange is the record of a change to a widget; widget's history holds them. For the request-body cases
// whose rows are another type's members.
const widgetChangeResource = `---
title: "widgetChange resource type"
description: "A change to a widget."
doc_type: resourcePageType
---

# widgetChange resource type

Namespace: microsoft.graph

A change to a widget.

## Properties

| Property | Type | Description |
|:---|:---|:---|
| comment | String | Why the widget changed. |
| state | String | The state the change set. |

## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.widgetChange"
} -->

` + "```json" + `
{
  "comment": "String",
  "state": "String"
}
` + "```" + `
`

// TestRequestBodyRowsTheCallerSends: rows the page's own request examples send, as the table lists them, are not
// reported when the docs say where they go: an id the caller supplies (sample 12 #118), and rows that are all
// members of the type of one of the resource's properties (sample 12 #9). Each has a twin that is still reported.
func TestRequestBodyRowsTheCallerSends(t *testing.T) {
	const table = "| size | Int32 | The size in units. |\n\n## Response"
	const body = "  \"size\": 3,\n  \"color\": \"red\"\n}"
	withRows := func(t *testing.T, rows, members string) map[string]string {
		tree := widgetTree()
		tree["resources/widgetchange.md"] = widgetChangeResource
		tree[res] = mustReplace(t, tree[res], "| tags | String collection | Tags. |",
			"| tags | String collection | Tags. |\n| history | [widgetChange](widgetchange.md) collection | The changes made to the widget. |")
		tree[res] = mustReplace(t, tree[res], `"tags": ["String"],`, `"tags": ["String"],`+"\n  \"history\": [{\"@odata.type\": \"microsoft.graph.widgetChange\"}],")
		tree[api] = mustReplace(t, tree[api], table, "| size | Int32 | The size in units. |\n"+rows+"\n\n## Response")
		tree[api] = mustReplace(t, tree[api], body, "  \"size\": 3,\n  \"color\": \"red\""+members+"\n}")
		return tree
	}
	cases := []struct {
		name          string
		rows, members string
		rule          string
		want          []string // the rows reported, by name
	}{
		{"an id the example sends", "| id | String | The id of the widget this one copies. |", ",\n  \"id\": \"w-17\"", "read-only-in-create", nil},
		{"an id the example does not send", "| id | String | The id of the widget this one copies. |", "", "read-only-in-create", []string{"id"}},
		{"another type's members, sent flat", "| comment | String | Why. |\n| state | String | The state. |",
			",\n  \"comment\": \"first\",\n  \"state\": \"new\"", "request-body-property", nil},
		{"another type's members, nested in the example", "| comment | String | Why. |\n| state | String | The state. |",
			",\n  \"history\": [{\"comment\": \"first\", \"state\": \"new\"}]", "request-body-property", []string{"comment", "state"}},
		{"another type's members, not sent", "| comment | String | Why. |\n| state | String | The state. |", "", "request-body-property", []string{"comment", "state"}},
		{"a row no property's type has", "| comment | String | Why. |\n| mood | String | The mood. |",
			",\n  \"comment\": \"first\",\n  \"mood\": \"calm\"", "request-body-property", []string{"comment", "mood"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree := withRows(t, c.rows, c.members)
			fs := lintPages(t, tree, Options{})
			var got []string
			for _, f := range findingsOf(fs, c.rule) {
				if f.Pos.File == api {
					got = append(got, strings.Fields(f.Message)[0])
				}
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Fatalf("%s at rows %v, want %v; all findings:\n%s", c.rule, got, c.want, dump(fs))
			}
		})
	}
}

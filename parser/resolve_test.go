package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func resource(name, ns, intro, props, annot, json string) string {
	return fm("resourcePageType") + "\n# " + name + " resource type\n\nNamespace: " + ns + "\n\n" + intro + "\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n" + props +
		"\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n" + annot + "\n  \"@odata.type\": \"" + ns + "." + name + "\"\n}-->\n```json\n" + json + "\n```\n"
}

func TestResourcesAcrossPages(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/entity.md": resource("entity", "microsoft.graph", "The base.", "| id | String | The id. Read-only. |\n", `  "keyProperty": "id",`, `{"id": "String"}`),
		"resources/widget.md": resource("widget", "microsoft.graph", "A widget. Inherits from [thing](thing.md).",
			"| id | String | Inherited from [entity](entity.md). |\n| owner | [person](person.md) |The owner. |\n| parts | [Part](part.md) collection | Parts. |\n| kind | widgetKind | The kind. Possible values are: `small`, `large`, `unknownFutureValue`. |\n| shape | [shape](enums.md#shape-values) | Shape. |\n| color | colour | Misspelt type. |\n",
			`  "keyProperty": "id",`, `{"id": "String", "owner": {"@odata.type": "microsoft.graph.person"}, "weight": 1.5, "extra": true}`),
		"resources/thing.md":  resource("thing", "microsoft.graph", "A thing.", "| id | String | Id. |\n| label | String | Label. |\n", `  "keyProperty": "id",`, `{"id": "String", "label": "String"}`),
		"resources/person.md": resource("person", "microsoft.graph", "A person.", "| name | String | Name. |\n", `  "openType": true,`, `{"name": "String"}`),
		"resources/part.md":   resource("part", "microsoft.graph", "A part.", "| colour2 | String | The colour. |\n", ``, `{"colour2": "String"}`),
		"resources/enums.md":  fm("enumPageType") + "\n# Enum values\n\nNamespace: microsoft.graph\n\n### shape values\n\n|Member|\n|:---|\n|round|\n|square|\n",
	})
	w := m.Type("microsoft.graph.widget")
	if w == nil {
		t.Fatalf("widget missing; types %v\n%s", m.Types, diagList(m.Diagnostics))
	}
	if w.Kind != model.KindEntity || w.BaseType != "microsoft.graph.thing" {
		t.Errorf("widget kind %s base %s", w.Kind, w.BaseType)
	}
	if m.Type("microsoft.graph.thing").BaseType != "microsoft.graph.entity" {
		t.Errorf("thing should derive from entity (it has an id and a key): %q", m.Type("microsoft.graph.thing").BaseType)
	}
	props := map[string]*model.Property{}
	for _, p := range w.Properties {
		props[p.Name] = p
	}
	if p := props["id"]; p.InheritedFrom != "microsoft.graph.entity" {
		t.Errorf("id inherited from %q", p.InheritedFrom)
	}
	if p := props["owner"]; p.Type.Name != "microsoft.graph.person" || p.Type.Kind != string(model.KindComplex) {
		t.Errorf("owner type %+v", p.Type)
	}
	if p := props["parts"]; p.Type.Name != "microsoft.graph.part" || !p.Type.Collection {
		t.Errorf("parts type %+v (case-insensitive name)", p.Type)
	}
	if p := props["shape"]; p.Type.Name != "microsoft.graph.shape" || p.Type.Kind != string(model.KindEnum) {
		t.Errorf("shape type %+v (link to an enums page anchor)", p.Type)
	}
	kind := m.Type("microsoft.graph.widgetKind")
	if kind == nil || kind.Source != model.SourceInlineValues || !kind.Evolvable || len(kind.Members) != 3 {
		t.Errorf("inline enum %+v", kind)
	}
	if p := props["weight"]; p == nil || p.Source != model.FromJSON || p.Type.Name != "Edm.Double" {
		t.Errorf("JSON-only property %+v", p)
	}
	if !hasDiag(m.Diagnostics, "unresolved-type", 0) || !strings.Contains(diagList(m.Diagnostics), "type colour is not documented") {
		t.Errorf("unresolved colour not reported:\n%s", diagList(m.Diagnostics))
	}
	// Open types keep their JSON sample members out of the schema.
	if m.Type("microsoft.graph.person").Open != true {
		t.Error("person should be open")
	}
}

func TestUnresolvedSuggestion(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/widget.md":      resource("widget", "microsoft.graph", "W.", "| a | [identitySett](identityset.md) | A. |\n", ``, `{}`),
		"resources/identityset.md": resource("identitySet", "microsoft.graph", "I.", "| user | String | U. |\n", ``, `{}`),
	})
	// The link resolves it even though the name is wrong.
	if a := m.Type("microsoft.graph.widget").Properties[0]; a.Type.Name != "microsoft.graph.identitySet" {
		t.Errorf("link did not resolve: %+v", a.Type)
	}
	m = docs(t, map[string]string{
		"resources/widget.md":      resource("widget", "microsoft.graph", "W.", "| a | identitySett | A. |\n", ``, `{}`),
		"resources/identityset.md": resource("identitySet", "microsoft.graph", "I.", "| user | String | U. |\n", ``, `{}`),
	})
	if !strings.Contains(diagList(m.Diagnostics), "did you mean microsoft.graph.identitySet?") {
		t.Errorf("no suggestion:\n%s", diagList(m.Diagnostics))
	}
}

func TestSplitTypesMerge(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/user.md":                resource("user", "microsoft.graph", "U.", "| a | String | A. |\n", `  "keyProperty": "id",`, `{}`),
		"resources/intune-devices-user.md": resource("user", "microsoft.graph", "U.", "| a | String | A. |\n| b | String | B. |\n", `  "keyProperty": "id",`, `{}`),
	})
	u := m.Type("microsoft.graph.user")
	if u.Page != "resources/user.md" || len(u.Properties) != 2 || !hasDiag(m.Diagnostics, "split-type", 0) {
		t.Errorf("user %+v props %d\n%s", u.Page, len(u.Properties), diagList(m.Diagnostics))
	}
}

func TestBaseTypeCycle(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/alpha.md": resource("alpha", "microsoft.graph", "Inherits from [beta](beta.md).", "| x | String | X. |\n", ``, `{}`),
		"resources/beta.md":  resource("beta", "microsoft.graph", "Inherits from [alpha](alpha.md).", "| y | String | Y. |\n", ``, `{}`),
	})
	if !hasDiag(m.Diagnostics, "base-type-cycle", 0) {
		t.Errorf("cycle not reported:\n%s", diagList(m.Diagnostics))
	}
	if len(m.Ancestors(m.Type("microsoft.graph.alpha"))) > 1 {
		t.Error("the cycle must be broken")
	}
}

func TestFlagsFromExamples(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/policy.md": resource("policy", "microsoft.graph", "P.", "| modes | [mode](mode.md) collection | M. |\n", `  "keyProperty": "id",`, `{}`),
		"resources/mode.md":   fm("enumPageType") + "\n# mode enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n|Member|\n|:---|\n|password|\n|sms|\n",
		"api/policy-post.md": apiPage("POST /policies\n", "## Request body\n\nIn the request body, supply a JSON representation of a [policy](../resources/policy.md) object.\n\n## Examples\n\n"+
			"<!-- { \"blockType\": \"request\", \"name\": \"p\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/policies\n\n{\"modes\": [\"password, sms\"]}\n```\n"),
	})
	if e := m.Type("microsoft.graph.mode"); e == nil || !e.Flags {
		t.Errorf("mode should be flags from the example value \"password, sms\": %+v", e)
	}
}

// An action's request body has no type: its parameters table says what each member is.
func TestFlagsFromActionExamples(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/option.md": fm("enumPageType") + "\n# option enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n|Member|\n|:---|\n|originalFiles|\n|text|\n|tags|\n",
		"resources/plain.md":  fm("enumPageType") + "\n# plain enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n|Member|\n|:---|\n|a|\n|b|\n",
		"api/case-export.md": apiPage("POST /cases/{id}/export\n", "## Request body\n\n| Parameter | Type | Description |\n|:---|:---|:---|\n"+
			"| exportOptions | [option](../resources/option.md) | Options. |\n| kind | [plain](../resources/plain.md) | Kind. |\n\n## Examples\n\n"+
			"<!-- { \"blockType\": \"request\", \"name\": \"e\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/cases/1/export\n\n{\"exportOptions\": \"originalFiles,tags\", \"kind\": \"a\"}\n```\n"),
	})
	if e := m.Type("microsoft.graph.option"); e == nil || !e.Flags {
		t.Errorf("option should be flags from the parameter value \"originalFiles,tags\": %+v", e)
	}
	if e := m.Type("microsoft.graph.plain"); e == nil || e.Flags {
		t.Errorf("plain is not flags: %+v", e)
	}
}

func TestDocTypeMismatch(t *testing.T) {
	src := strings.Replace(resource("widget", "microsoft.graph", "W.", "| a | String | A. |\n", ``, `{}`), "resourcePageType", "apiPageType", 1)
	res := page(t, "resources/widget.md", src)
	if res.page.Kind != model.PageResource || !hasDiag(res.diags, "doc-type", 5) {
		t.Errorf("kind %s\n%s", res.page.Kind, diagList(res.diags))
	}
}

// The introduction names the base type in more words than "Inherits from", and says that a type is open even when
// its annotation forgets "openType".
func TestBaseAndOpenFromProse(t *testing.T) {
	m := docs(t, map[string]string{
		"resources/grade.md":   resource("grade", "microsoft.graph", "How an assignment is graded.", "| kind | String | Kind. |\n", ``, `{"kind": "String"}`),
		"resources/points.md":  resource("points", "microsoft.graph", "Points grading. This is a subclass of [grade](grade.md).", "| max | Single | Max. |\n", ``, `{"max": 1.5}`),
		"resources/letters.md": resource("letters", "microsoft.graph", "Letter grading. A subclass of **grade**.", "| scale | String | Scale. |\n", ``, `{"scale": "String"}`),
		"resources/tokens.md":  resource("tokens", "microsoft.graph", "This is an _open type_ that holds feedback tokens.", "| a | Boolean | A. |\n", ``, `{"a": true}`),
		"resources/tab.md": strings.Replace(resource("tab", "microsoft.graph", "A tab's settings.", "| b | String | B. |\n", ``, `{"b": "String"}`),
			"# tab resource type", "# tab resource type (Open Type)", 1),
		"resources/assignee.md": resource("assignee", "microsoft.graph", "This type is used in the open type [tokens](tokens.md).", "| c | String | C. |\n", ``, `{"c": "String"}`),
	})
	for name, base := range map[string]string{"points": "microsoft.graph.grade", "letters": "microsoft.graph.grade", "grade": ""} {
		if got := m.Type("microsoft.graph." + name).BaseType; got != base {
			t.Errorf("%s: base %q, want %q", name, got, base)
		}
	}
	for name, open := range map[string]bool{"tokens": true, "tab": true, "assignee": false, "grade": false} {
		if got := m.Type("microsoft.graph." + name).Open; got != open {
			t.Errorf("%s: open %v, want %v", name, got, open)
		}
	}
}

package lint

import (
	"path/filepath"
	"strings"
	"testing"
)

// messagesOf lists the messages of the findings of rule in file.
func messagesOf(fs []Finding, rule, file string) []string {
	var out []string
	for _, f := range findingsOf(fs, rule) {
		if f.Pos.File == file {
			out = append(out, f.Message)
		}
	}
	return out
}

// Sample 12's #116: workforceIntegration's page lists no id and states no base, but GET
// /teamwork/workforceIntegrations/{workforceIntegrationId} addresses it by key: it is an entity, its examples'
// "id" is right, and the missing "Inherits from" is asked for on its page, once. rubricCriterion, a complex type
// no path addresses, keeps unknown-property for the id its examples show.
func TestInheritedID(t *testing.T) {
	const get = "api/workforceintegration-get.md"
	const resource = "resources/workforceintegration.md"
	base := readTree(t, filepath.Join("testdata", "issue11", "sample12-inherited-id"))
	copyOf := func() map[string]string {
		pages := map[string]string{}
		for k, v := range base {
			pages[k] = v
		}
		return pages
	}

	t.Run("addressed by key", func(t *testing.T) {
		pages := copyOf()
		// A second example of the same type: the note on its page stays one.
		pages["api/workforceintegration-list.md"] = strings.Replace(strings.Replace(pages[get],
			"GET /teamwork/workforceIntegrations/{workforceIntegrationId}", "GET /teamwork/workforceIntegrations", 1),
			`"@odata.type": "microsoft.graph.workforceIntegration"`, `"@odata.type": "microsoft.graph.workforceIntegration", "isCollection": true`, 1)
		fs := lintPages(t, pages, Options{})
		for _, f := range findingsOf(fs, "unknown-property") {
			if strings.Contains(f.Message, `"id" is not a property of workforceIntegration`) {
				t.Errorf("false positive is back: %v", f)
			}
		}
		notes := messagesOf(fs, "entity-base-unstated", resource)
		if len(notes) != 1 || !strings.Contains(notes[0], "addressed by key (GET /teamwork/workforceIntegrations/{workforceIntegrationId})") ||
			!strings.Contains(notes[0], `"Inherits from [entity](entity.md)."`) {
			t.Errorf("want one entity-base-unstated on %s naming the key path, got:\n%s", resource, dump(fs))
		}
		if n := len(messagesOf(fs, "unknown-property", "api/educationrubric-get.md")); n != 4 {
			t.Errorf("want the 4 ids of rubricCriterion (a complex type) still reported, got %d:\n%s", n, dump(fs))
		}
	})

	t.Run("no path by key", func(t *testing.T) {
		pages := copyOf()
		// The same GET on a path that names no key (a singleton's navigation) is no evidence of an entity.
		pages[get] = strings.ReplaceAll(pages[get], "/teamwork/workforceIntegrations/{workforceIntegrationId}", "/teamwork/workforceIntegration")
		fs := lintPages(t, pages, Options{})
		if got := messagesOf(fs, "unknown-property", get); len(got) != 1 || !strings.Contains(got[0], `"id" is not a property of workforceIntegration`) {
			t.Errorf("want the id reported on a type no path addresses by key, got:\n%s", dump(fs))
		}
		if got := messagesOf(fs, "entity-base-unstated", resource); len(got) != 0 {
			t.Errorf("want no entity-base-unstated without a key path, got %q", got)
		}
	})

	t.Run("a stated base", func(t *testing.T) {
		pages := copyOf()
		// A base the page states but no page documents: the id may be that base's, not entity's; the finding stays.
		pages[resource] = mustReplace(t, pages[resource], "\nAn instance of a workforce integration with shifts.\n",
			"\nAn instance of a workforce integration with shifts. Inherits from [changeTrackedEntity](changetrackedentity.md).\n")
		fs := lintPages(t, pages, Options{})
		if got := messagesOf(fs, "entity-base-unstated", resource); len(got) != 0 {
			t.Errorf("want no entity-base-unstated on a page that states a base, got %q", got)
		}
		if got := messagesOf(fs, "unknown-property", get); len(got) != 1 || !strings.Contains(got[0], `"id" is not a property of workforceIntegration`) {
			t.Errorf("want the id reported where the stated base is not documented, got:\n%s", dump(fs))
		}
	})

	t.Run("keySegment", func(t *testing.T) {
		for tmpl, want := range map[string]bool{
			"/teamwork/workforceIntegrations/{workforceIntegrationId}": true,
			"/users/{id | userPrincipalName}":                          true,
			"/drive/items(id='{id}')/":                                 true,
			"/teams/{id}/schedule":                                     false,
			"/me/outlook":                                              false,
			"/print/services(x)":                                       false,
		} {
			if got := keySegment(tmpl); got != want {
				t.Errorf("keySegment(%q) = %v, want %v", tmpl, got, want)
			}
		}
	})
}

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

// Sample 12's #48: addPassword's prose says the body is "an optional `passwordCredential` object with the
// following properties", the table lists that object's members, and the example wraps them in it. The parser reads
// the body as its one parameter, passwordCredential: the wrapper is no unknown parameter, and what is inside it is
// typed against passwordCredential. Without all the evidence the table's rows stay the parameters.
func TestWrappedParameters(t *testing.T) {
	const page = "api/serviceprincipal-addpassword.md"
	const body = `{
  "passwordCredential": {
    "displayName": "Password friendly name"
  }
}`
	cases := []struct {
		name       string
		edit       func(string) string
		want, none []string // substrings of unknown-property (want: each exactly once) and value-type messages
	}{
		{name: "as on the page", edit: func(s string) string { return s },
			none: []string{`"passwordCredential"`}},
		{name: "a member inside the wrapper that no row names", edit: func(s string) string {
			return mustReplace(t, s, body, `{
  "passwordCredential": {
    "displayName": "Password friendly name",
    "zzHint": "x"
  }
}`)
		}, want: []string{`"zzHint" is not a property of passwordCredential`}, none: []string{`"passwordCredential"`}},
		{name: "a wrong value inside the wrapper", edit: func(s string) string {
			return mustReplace(t, s, body, `{
  "passwordCredential": {
    "displayName": "Password friendly name",
    "endDateTime": 42
  }
}`)
		}, want: []string{"endDateTime is Edm.DateTimeOffset but the example gives a number"}, none: []string{`"passwordCredential"`}},
		{name: "prose that names no object", edit: func(s string) string {
			return mustReplace(t, s, "provide an optional `passwordCredential` object with the following properties.",
				"provide a JSON object with the following parameters.")
		}, want: []string{`"passwordCredential", which is not a parameter`}},
		{name: "prose that names another object", edit: func(s string) string {
			return mustReplace(t, s, "an optional `passwordCredential` object", "an optional `keyCredential` object")
		}, want: []string{`"passwordCredential", which is not a parameter`}},
		{name: "a second member beside the wrapper", edit: func(s string) string {
			return mustReplace(t, s, body, `{
  "passwordCredential": {
    "displayName": "Password friendly name"
  },
  "zzOther": true
}`)
		}, want: []string{`"passwordCredential", which is not a parameter`, `"zzOther", which is not a parameter`}},
		{name: "a wrapper whose members are mostly not rows", edit: func(s string) string {
			return mustReplace(t, s, body, `{
  "passwordCredential": {
    "zzOne": "a",
    "zzTwo": "b",
    "displayName": "Password friendly name"
  }
}`)
		}, want: []string{`"passwordCredential", which is not a parameter`}},
	}
	base := readTree(t, filepath.Join("testdata", "issue11", "sample12-wrapped-body"))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pages := map[string]string{}
			for k, v := range base {
				pages[k] = v
			}
			pages[page] = tc.edit(pages[page])
			fs := lintPages(t, pages, Options{})
			got := append(messagesOf(fs, "unknown-property", page), messagesOf(fs, "value-type", page)...)
			for _, w := range tc.want {
				n := 0
				for _, m := range got {
					if strings.Contains(m, w) {
						n++
					}
				}
				if n != 1 {
					t.Errorf("want one finding containing %q, got:\n%s", w, strings.Join(got, "\n"))
				}
			}
			for _, w := range tc.none {
				for _, m := range got {
					if strings.Contains(m, w) {
						t.Errorf("want no finding containing %q, got %q", w, m)
					}
				}
			}
		})
	}
}

package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

// namingModel is a directory in miniature: the types its paths navigate, and an operation per case of the naming
// convention.
func namingModel() *model.Model {
	const ns = "microsoft.graph"
	str := model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}
	ref := func(name string, many bool) *model.TypeRef {
		return &model.TypeRef{Name: ns + "." + name, Kind: string(model.KindEntity), Collection: many}
	}
	nav := func(names ...string) []*model.Property {
		var out []*model.Property
		for _, n := range names {
			out = append(out, &model.Property{Name: n, Type: *ref("directoryObject", true)})
		}
		return out
	}
	types := []*model.Type{
		{Kind: model.KindEntity, Namespace: ns, Name: "directoryObject", Properties: []*model.Property{{Name: "id", Type: str}}},
		{Kind: model.KindEntity, Namespace: ns, Name: "user", BaseType: ns + ".directoryObject",
			NavigationProperties: nav("manager", "memberOf", "messages", "mailFolders", "people", "photo")},
		{Kind: model.KindEntity, Namespace: ns, Name: "group", BaseType: ns + ".directoryObject", NavigationProperties: nav("members")},
		{Kind: model.KindEntity, Namespace: ns, Name: "message", NavigationProperties: nav("attachments")},
		{Kind: model.KindEntity, Namespace: ns, Name: "mailFolder", NavigationProperties: nav("messages")},
		{Kind: model.KindEntity, Namespace: ns, Name: "attachment"},
	}
	op := func(page, method, template string, answer *model.TypeRef) *model.Operation {
		return &model.Operation{ID: "api/" + page, Page: "api/" + page + ".md", Method: method,
			Paths: []*model.Path{{Raw: template, Template: template}}, Response: model.Response{Status: 200, Type: answer}}
	}
	withQuery := func(o *model.Operation, query string) *model.Operation {
		o.Paths[0].Query = query
		return o
	}
	m := &model.Model{Types: types, Operations: []*model.Operation{
		op("user-list", "GET", "/users", ref("user", true)),
		withQuery(op("user-list-filtered", "GET", "/users", ref("user", true)), "$filter=startswith(displayName,'{x}')"),
		op("user-get", "GET", "/users/{id}", ref("user", false)),
		op("user-post-users", "POST", "/users", ref("user", false)),
		op("user-update", "PATCH", "/users/{id}", nil),
		op("user-delete", "DELETE", "/users/{id}", nil),
		op("user-upsert", "PUT", "/users/{id}", ref("user", false)),
		op("user-list-manager", "GET", "/users/{id}/manager", ref("directoryObject", false)),
		op("user-list-memberof", "GET", "/users/{id}/memberOf", ref("directoryObject", true)),
		op("user-list-memberof-groups", "GET", "/users/{id}/memberOf/microsoft.graph.group", ref("group", true)),
		op("user-count", "GET", "/users/$count", nil),
		op("user-assignlicense", "POST", "/users/{id}/assignLicense", ref("user", false)),
		op("user-delta", "GET", "/users/delta()", ref("user", true)),
		op("group-post-members", "POST", "/groups/{id}/members/$ref", nil),
		op("group-delete-members", "DELETE", "/groups/{id}/members/{id2}/$ref", nil),
		op("message-list-attachments", "GET", "/users/{id}/messages/{id2}/attachments", ref("attachment", true)),
		op("mailfolder-message-list-attachments", "GET", "/users/{id}/mailFolders/{id2}/messages/{id3}/attachments", ref("attachment", true)),
		// Two pages documenting one request: the one the route chose (message-list-attachments, whose page words
		// are the path's) keeps the name; the other is named after its page.
		op("attachment-list", "GET", "/users/{id}/messages/{id2}/attachments", ref("attachment", true)),
		// Another page about another type documents user-get's request: As and that type.
		op("directoryobject-get", "GET", "/users/{id}", ref("directoryObject", false)),
		// The docs give no answer type: Get, not List.
		op("user-list-people", "GET", "/users/{id}/people", nil),
		op("user-override", "GET", "/users/{id}/photo", nil),
	}}
	m.Sort()
	return m
}

func TestOperationNameConvention(t *testing.T) {
	p, err := newPlan(namingModel(), Options{Package: "graph", Names: map[string]string{"api/user-override": "Avatar"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range p.files {
		for _, spec := range f.Operations {
			got[spec.Doc[strings.Index(spec.Doc, "Docs: ")+6:]] = spec.Name
		}
	}
	for page, want := range map[string]string{
		"api/user-list.md.":                           "ListUsers",
		"api/user-list-filtered.md.":                  "ListUsersWithFilter",
		"api/user-get.md.":                            "GetUser",
		"api/user-post-users.md.":                     "CreateUser",
		"api/user-update.md.":                         "UpdateUser",
		"api/user-delete.md.":                         "DeleteUser",
		"api/user-upsert.md.":                         "UpsertUser",
		"api/user-list-manager.md.":                   "GetUserManager",
		"api/user-list-memberof.md.":                  "ListUserMemberOf",
		"api/user-list-memberof-groups.md.":           "ListUserMemberOfAsGroup",
		"api/user-count.md.":                          "CountUsers",
		"api/user-assignlicense.md.":                  "UserAssignLicense",
		"api/user-delta.md.":                          "UserDelta",
		"api/group-post-members.md.":                  "AddGroupMemberRef",
		"api/group-delete-members.md.":                "RemoveGroupMemberRef",
		"api/message-list-attachments.md.":            "ListUserMessageAttachments",
		"api/attachment-list.md.":                     "AttachmentList",
		"api/mailfolder-message-list-attachments.md.": "ListMailFolderMessageAttachments",
		"api/directoryobject-get.md.":                 "GetUserAsDirectoryObject",
		"api/user-list-people.md.":                    "GetUserPeople",
		"api/user-override.md.":                       "Avatar",
	} {
		if got[page] != want {
			t.Errorf("%s is named %q, want %q", page, got[page], want)
		}
	}
	again, err := newPlan(namingModel(), Options{Package: "graph", Names: map[string]string{"api/user-override": "Avatar"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range again.files {
		for _, spec := range f.Operations {
			if page := spec.Doc[strings.Index(spec.Doc, "Docs: ")+6:]; got[page] != spec.Name {
				t.Errorf("%s is named %s, then %s", page, got[page], spec.Name)
			}
		}
	}
}

// An override that takes a name the convention would give keeps it; the operation that wanted it takes a longer one.
func TestOperationNameOverrideWins(t *testing.T) {
	p, err := newPlan(namingModel(), Options{Package: "graph", Names: map[string]string{"api/user-override": "GetUser"}})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range p.files {
		for _, spec := range f.Operations {
			if strings.HasSuffix(spec.Doc, "api/user-get.md.") && spec.Name == "GetUser" {
				t.Errorf("user-get took the override's name")
			}
			names[spec.Name] = true
		}
	}
	if !names["GetUser"] || !names["UserGet"] {
		t.Errorf("want the override GetUser and user-get named after its page (UserGet); have %v", names)
	}
}

// TestOperationNamesCorpus reports how the v1.0 corpus (and beta with GRAPHDOCGEN_LONG=1) is named and holds every
// name to the convention's promises: a List method answers with a Collection, a Count method with a number, and
// no operation name carries a numeric suffix.
func TestOperationNamesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: parses the corpus")
	}
	versions := []string{"v1.0"}
	if os.Getenv("GRAPHDOCGEN_LONG") != "" {
		versions = append(versions, "beta")
	}
	for _, version := range versions {
		m, err := parser.ParseDir(filepath.Join(corpusShared(t), "corpus", "graph-docs-2021", version), parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPlan(m, Options{Package: corpusPackage})
		if err != nil {
			t.Fatal(err)
		}
		var callable []*model.Operation
		for _, op := range m.Operations {
			if len(op.Paths) > 0 && httpMethod(op.Method) {
				callable = append(callable, op)
			}
		}
		how := map[nameSource]int{}
		named := p.nameOperations(callable)
		for _, n := range named {
			how[n.by]++
		}
		nav := navigationWords(m)
		all := map[string]bool{}
		var ops, variants, numbered []string
		verbs := regexp.MustCompile(`^(List|Get|Count|Create|Update|Upsert|Delete|Add|Remove|Set)[A-Z]`)
		conventional := 0
		for _, op := range callable {
			spec := p.specOf[op]
			ops = append(ops, spec.Name)
			all[spec.Name] = true
			// A name by the convention that is not an action's begins with its verb (ListItemCreateLink is the
			// listItem's createLink action).
			verbFirst := named[op].by == byConvention && !p.opShapeOf(op, nav).isAction()
			if verbFirst && verbs.MatchString(spec.Name) {
				conventional++
			}
			collection := spec.Result.Kind == templates.ResultJSON && spec.Result.Type.Kind == templates.TypePointer &&
				spec.Result.Type.Elem.Kind == templates.TypeGeneric && spec.Result.Type.Elem.Name == "Collection"
			if verbFirst && strings.HasPrefix(spec.Name, "List") && !collection {
				t.Errorf("%s: %s answers with %v, not a Collection", op.ID, spec.Name, spec.Result.Type)
			}
			if verbFirst && strings.HasPrefix(spec.Name, "Count") && spec.Result.Kind != templates.ResultCount {
				t.Errorf("%s: %s does not answer with a count", op.ID, spec.Name)
			}
			for _, v := range spec.Variants {
				variants = append(variants, v.Name)
				all[v.Name] = true
			}
		}
		// A numeric suffix is a name ending in digits whose stem is another method's name.
		stem := regexp.MustCompile(`^(.*[A-Za-z])[0-9]+$`)
		for _, list := range [][]string{ops, variants} {
			for _, name := range list {
				if s := stem.FindStringSubmatch(name); s != nil && all[s[1]] {
					numbered = append(numbered, name)
				}
			}
		}
		sort.Strings(numbered)
		t.Logf("%s: %d operations: %d by the convention (%d Verb+Noun, the rest actions and functions), %d by page, %d by override; %d path variants; numeric suffixes: %d %v",
			version, len(ops), how[byConvention], conventional, how[byPage], how[byOverride], len(variants), len(numbered), numbered)
		for _, name := range ops {
			if s := stem.FindStringSubmatch(name); s != nil && all[s[1]] {
				t.Errorf("%s: operation %s carries a numeric suffix", version, name)
			}
		}
	}
}

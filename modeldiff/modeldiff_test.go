package modeldiff

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func str(name string) model.TypeRef {
	return model.TypeRef{Name: name, Kind: model.KindPrimitive}
}

func ref(name, kind string) model.TypeRef { return model.TypeRef{Name: name, Kind: kind} }

func pos(file string, line int) model.Pos { return model.Pos{File: file, Line: line, Col: 3} }

func boolPtr(b bool) *bool { return &b }

func int64Ptr(v int64) *int64 { return &v }

// base builds the model both sides start from: an entity hierarchy, a complex type, two enums and two
// operations. Each call returns fresh values, so a test can change one side freely.
func base() *model.Model {
	entity := &model.Type{Kind: model.KindEntity, Namespace: "microsoft.graph", Name: "entity", Page: "resources/entity.md", Pos: pos("resources/entity.md", 1),
		Properties: []*model.Property{{Name: "id", Type: str("Edm.String"), Pos: pos("resources/entity.md", 10)}}}
	user := &model.Type{Kind: model.KindEntity, Namespace: "microsoft.graph", Name: "user", BaseType: "microsoft.graph.entity",
		Page: "resources/user.md", Pos: pos("resources/user.md", 1),
		Properties: []*model.Property{
			{Name: "id", Type: str("Edm.String"), InheritedFrom: "microsoft.graph.entity", Pos: pos("resources/user.md", 10)},
			{Name: "displayName", Type: str("Edm.String"), Pos: pos("resources/user.md", 11)},
			{Name: "age", Type: str("Edm.Int32"), Nullable: boolPtr(false), Pos: pos("resources/user.md", 12)},
			{Name: "businessPhones", Type: model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive, Collection: true}, Pos: pos("resources/user.md", 13)},
			{Name: "mail", Type: str("Edm.String"), ReadOnly: false, Pos: pos("resources/user.md", 14)},
			{Name: "identities", Type: ref("objectIdentity", ""), Pos: pos("resources/user.md", 15)},
			{Name: "ageGroup", Type: ref("microsoft.graph.ageGroup", "enum"), Pos: pos("resources/user.md", 16)},
		},
		NavigationProperties: []*model.Property{{Name: "manager", Type: ref("microsoft.graph.entity", "entity"), Pos: pos("resources/user.md", 20)}},
	}
	profile := &model.Type{Kind: model.KindComplex, Namespace: "microsoft.graph", Name: "passwordProfile", Page: "resources/passwordprofile.md", Pos: pos("resources/passwordprofile.md", 1),
		Properties: []*model.Property{{Name: "password", Type: str("Edm.String"), Pos: pos("resources/passwordprofile.md", 10)}}}
	ageGroup := &model.Type{Kind: model.KindEnum, Namespace: "microsoft.graph", Name: "ageGroup", Evolvable: true, Page: "resources/enums.md", Pos: pos("resources/enums.md", 5),
		Members: []*model.EnumMember{{Name: "minor", Pos: pos("resources/enums.md", 7)}, {Name: "adult", Pos: pos("resources/enums.md", 8)}, {Name: "unknownFutureValue", Pos: pos("resources/enums.md", 9)}}}
	weekIndex := &model.Type{Kind: model.KindEnum, Namespace: "microsoft.graph", Name: "weekIndex", Page: "resources/enums.md", Pos: pos("resources/enums.md", 20),
		Members: []*model.EnumMember{{Name: "first", Value: int64Ptr(0), Pos: pos("resources/enums.md", 22)}, {Name: "second", Value: int64Ptr(1), Pos: pos("resources/enums.md", 23)}}}
	list := &model.Operation{ID: "api/user-list", Page: "api/user-list.md", Method: "GET", Pos: pos("api/user-list.md", 30),
		Paths:    []*model.Path{{Template: "/users", Pos: pos("api/user-list.md", 30)}},
		Response: model.Response{Status: 200, Type: &model.TypeRef{Name: "microsoft.graph.user", Kind: "entity", Collection: true}, Pos: pos("api/user-list.md", 50)}}
	create := &model.Operation{ID: "api/user-post-users", Page: "api/user-post-users.md", Method: "POST", Pos: pos("api/user-post-users.md", 30),
		Paths: []*model.Path{{Template: "/users", Pos: pos("api/user-post-users.md", 30)}},
		RequestBody: &model.RequestBody{Kind: model.BodyType, Type: &model.TypeRef{Name: "microsoft.graph.user", Kind: "entity"}, Pos: pos("api/user-post-users.md", 40),
			Params: []*model.Property{
				{Name: "displayName", Type: str("Edm.String"), Required: true, Pos: pos("api/user-post-users.md", 42)},
				{Name: "mail", Type: str("Edm.String"), Pos: pos("api/user-post-users.md", 43)},
			}},
		Response: model.Response{Status: 201, Type: &model.TypeRef{Name: "microsoft.graph.user", Kind: "entity"}, Pos: pos("api/user-post-users.md", 50)}}
	get := &model.Operation{ID: "api/user-get", Page: "api/user-get.md", Method: "GET", Pos: pos("api/user-get.md", 30),
		Paths: []*model.Path{{Template: "/users/{id}", Params: []model.PathParam{{Name: "id", Type: str("Edm.String")}}, Pos: pos("api/user-get.md", 30)},
			{Template: "/me", Pos: pos("api/user-get.md", 31)}},
		Response: model.Response{Status: 200, Type: &model.TypeRef{Name: "microsoft.graph.user", Kind: "entity"}, Pos: pos("api/user-get.md", 50)}}
	m := &model.Model{Types: []*model.Type{entity, user, profile, ageGroup, weekIndex}, Operations: []*model.Operation{list, create, get}}
	m.Sort()
	return m
}

// brief renders a change for comparison: code, subject, breaking or not, and the position with its side.
func brief(c Change) string {
	b := "non-breaking"
	if c.Breaking {
		b = "breaking"
	}
	return fmt.Sprintf("%s %s %s @%s %s", c.Code, c.Subject, b, c.Side, c.Pos)
}

func TestIdenticalModels(t *testing.T) {
	if cs := Diff(base(), base()); len(cs) != 0 {
		t.Errorf("identical models differ: %v", cs)
	}
}

func TestCraftedChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(m *model.Model)
		want   []string
	}{
		{"property removed", func(m *model.Model) {
			u := m.Type("microsoft.graph.user")
			u.Properties = u.Properties[:len(u.Properties)-1]
		}, []string{"property-removed microsoft.graph.user/ageGroup breaking @old resources/user.md:16:3"}},
		{"optional property added", func(m *model.Model) {
			u := m.Type("microsoft.graph.user")
			u.Properties = append(u.Properties, &model.Property{Name: "nickname", Type: str("Edm.String"), Pos: pos("resources/user.md", 17)})
		}, []string{"property-added microsoft.graph.user/nickname non-breaking @new resources/user.md:17:3"}},
		{"required property added", func(m *model.Model) {
			p := m.Type("microsoft.graph.passwordProfile")
			p.Properties = append(p.Properties, &model.Property{Name: "forceChange", Type: str("Edm.Boolean"), Required: true, Pos: pos("resources/passwordprofile.md", 11)})
		}, []string{"property-added microsoft.graph.passwordProfile/forceChange breaking @new resources/passwordprofile.md:11:3"}},
		{"property type and collection changed", func(m *model.Model) {
			u := m.Type("microsoft.graph.user")
			u.OwnProperty("age").Type = str("Edm.Int64")
			u.OwnProperty("businessPhones").Type.Collection = false
		}, []string{
			"property-collection microsoft.graph.user/businessPhones breaking @new resources/user.md:13:3",
			"property-type microsoft.graph.user/age breaking @new resources/user.md:12:3",
		}},
		{"type only documented on one side is not a type change", func(m *model.Model) {
			m.Type("microsoft.graph.user").OwnProperty("identities").Type = ref("microsoft.graph.objectIdentity", "complex")
		}, nil},
		{"an unreadable type cell is not a type change", func(m *model.Model) {
			m.Type("microsoft.graph.user").OwnProperty("identities").Type = model.TypeRef{Raw: "[objectIdentity] collection", Collection: true}
		}, nil},
		{"nullable, required and read-only", func(m *model.Model) {
			u := m.Type("microsoft.graph.user")
			u.OwnProperty("age").Nullable = boolPtr(true)
			u.OwnProperty("mail").ReadOnly = true
			u.OwnProperty("displayName").Nullable = boolPtr(false) // unstated before: not reported
		}, []string{
			"property-nullable microsoft.graph.user/age breaking @new resources/user.md:12:3",
			"property-read-only microsoft.graph.user/mail breaking @new resources/user.md:14:3",
		}},
		{"property name case: same Go name", func(m *model.Model) {
			m.Type("microsoft.graph.user").OwnProperty("mail").Name = "Mail"
		}, []string{"property-renamed microsoft.graph.user/Mail non-breaking @new resources/user.md:14:3"}},
		{"property name case: other Go name", func(m *model.Model) {
			m.Type("microsoft.graph.user").OwnProperty("displayName").Name = "displayname"
		}, []string{"property-renamed microsoft.graph.user/displayname breaking @new resources/user.md:11:3"}},
		{"property moved to the base type", func(m *model.Model) {
			e, u := m.Type("microsoft.graph.entity"), m.Type("microsoft.graph.user")
			e.Properties = append(e.Properties, &model.Property{Name: "displayName", Type: str("Edm.String"), Pos: pos("resources/entity.md", 11)})
			u.OwnProperty("displayName").InheritedFrom = "microsoft.graph.entity"
		}, []string{
			"property-added microsoft.graph.entity/displayName non-breaking @new resources/entity.md:11:3",
			"property-moved microsoft.graph.user/displayName non-breaking @new resources/user.md:11:3",
		}},
		{"structural property becomes a navigation property", func(m *model.Model) {
			u := m.Type("microsoft.graph.user")
			identities, ageGroup := u.OwnProperty("identities"), u.OwnProperty("ageGroup")
			u.Properties = append(u.Properties[:5], ageGroup)
			u.NavigationProperties = append(u.NavigationProperties, identities)
		}, []string{"property-kind microsoft.graph.user/identities non-breaking @new resources/user.md:15:3"}},
		{"type removed and added", func(m *model.Model) {
			m.Types = m.Types[:0:0]
			for _, t := range base().Types {
				if t.Name != "passwordProfile" {
					m.Types = append(m.Types, t)
				}
			}
			m.Types = append(m.Types, &model.Type{Kind: model.KindComplex, Namespace: "microsoft.graph", Name: "identitySet", Pos: pos("resources/identityset.md", 1)})
			m.Sort()
		}, []string{
			"type-added microsoft.graph.identitySet non-breaking @new resources/identityset.md:1:3",
			"type-removed microsoft.graph.passwordProfile breaking @old resources/passwordprofile.md:1:3",
		}},
		{"type kind, base, abstract, open", func(m *model.Model) {
			p := m.Type("microsoft.graph.passwordProfile")
			p.Kind = model.KindEntity
			p.BaseType = "microsoft.graph.entity"
			p.BasePos = pos("resources/passwordprofile.md", 3)
			p.Abstract = true
			m.Type("microsoft.graph.user").Open = true
		}, []string{
			"type-abstract microsoft.graph.passwordProfile breaking @new resources/passwordprofile.md:1:3",
			"type-base microsoft.graph.passwordProfile breaking @new resources/passwordprofile.md:3:3",
			"type-kind microsoft.graph.passwordProfile breaking @new resources/passwordprofile.md:1:3",
			"type-open microsoft.graph.user non-breaking @new resources/user.md:1:3",
		}},
		{"enum members in an evolvable enum", func(m *model.Model) {
			g := m.Type("microsoft.graph.ageGroup")
			g.Members = []*model.EnumMember{g.Members[0], g.Members[2], {Name: "senior", Pos: pos("resources/enums.md", 10)}}
		}, []string{
			"member-added microsoft.graph.ageGroup/senior non-breaking @new resources/enums.md:10:3",
			"member-removed microsoft.graph.ageGroup/adult breaking @old resources/enums.md:8:3",
		}},
		{"enum members in a closed enum, values and flags", func(m *model.Model) {
			w := m.Type("microsoft.graph.weekIndex")
			w.Members[1].Value = int64Ptr(2)
			w.Members = append(w.Members, &model.EnumMember{Name: "third", Value: int64Ptr(4), Pos: pos("resources/enums.md", 24)})
			w.Flags = true
		}, []string{
			"enum-flags microsoft.graph.weekIndex breaking @new resources/enums.md:20:3",
			"member-added microsoft.graph.weekIndex/third breaking @new resources/enums.md:24:3",
			"member-value microsoft.graph.weekIndex/second breaking @new resources/enums.md:23:3",
		}},
		{"enum loses unknownFutureValue", func(m *model.Model) {
			g := m.Type("microsoft.graph.ageGroup")
			g.Members = g.Members[:2]
			g.Evolvable = false
		}, []string{"enum-evolvable microsoft.graph.ageGroup breaking @new resources/enums.md:5:3"}},
		{"operation removed and added", func(m *model.Model) {
			m.Operations = []*model.Operation{m.Operation("api/user-post-users"), m.Operation("api/user-get"),
				{ID: "api/user-delta", Page: "api/user-delta.md", Method: "GET", Paths: []*model.Path{{Template: "/users/delta()"}}, Pos: pos("api/user-delta.md", 30)}}
			m.Sort()
		}, []string{
			"operation-added api/user-delta non-breaking @new api/user-delta.md:30:3",
			"operation-removed api/user-list breaking @old api/user-list.md:30:3",
		}},
		{"operation documented on a renamed page", func(m *model.Model) {
			op := m.Operation("api/user-list")
			op.ID, op.Page, op.Pos = "api/users-list", "api/users-list.md", pos("api/users-list.md", 31)
			m.Sort()
		}, []string{"operation-moved api/users-list non-breaking @new api/users-list.md:31:3"}},
		{"paths: placeholder names do not matter", func(m *model.Model) {
			op := m.Operation("api/user-get")
			op.Paths[0].Template = "/users/{user-id}"
			op.Paths = append(op.Paths[:1], &model.Path{Template: "/users/{id}/manager", Pos: pos("api/user-get.md", 32)})
		}, []string{
			"path-added api/user-get non-breaking @new api/user-get.md:32:3",
			"path-removed api/user-get breaking @old api/user-get.md:31:3",
		}},
		{"path parameter type", func(m *model.Model) {
			m.Operation("api/user-get").Paths[0].Params[0].Type = str("Edm.Guid")
		}, []string{"path-parameter-type api/user-get breaking @new api/user-get.md:30:3"}},
		{"response status and type", func(m *model.Model) {
			op := m.Operation("api/user-post-users")
			op.Response.Status = 200
			m.Operation("api/user-list").Response.Type.Collection = false
			m.Operation("api/user-get").Response.Type = nil
		}, []string{
			"response-type api/user-get breaking @new api/user-get.md:50:3",
			"response-type api/user-list breaking @new api/user-list.md:50:3",
			"response-status api/user-post-users breaking @new api/user-post-users.md:50:3",
		}},
		{"request body parameters", func(m *model.Model) {
			body := m.Operation("api/user-post-users").RequestBody
			body.Params = []*model.Property{
				{Name: "displayName", Type: str("Edm.String"), Required: false, Pos: pos("api/user-post-users.md", 42)},
				{Name: "passwordProfile", Type: ref("microsoft.graph.passwordProfile", "complex"), Required: true, Pos: pos("api/user-post-users.md", 44)},
				{Name: "nickname", Type: str("Edm.String"), Pos: pos("api/user-post-users.md", 45)},
			}
		}, []string{
			"request-parameter-added api/user-post-users/nickname non-breaking @new api/user-post-users.md:45:3",
			"request-parameter-added api/user-post-users/passwordProfile breaking @new api/user-post-users.md:44:3",
			"request-parameter-removed api/user-post-users/mail breaking @old api/user-post-users.md:43:3",
			"request-parameter-required api/user-post-users/displayName non-breaking @new api/user-post-users.md:42:3",
		}},
		{"request body kind and type", func(m *model.Model) {
			m.Operation("api/user-get").RequestBody = &model.RequestBody{Kind: model.BodyStream, Pos: pos("api/user-get.md", 40)}
			m.Operation("api/user-post-users").RequestBody.Type = &model.TypeRef{Name: "microsoft.graph.entity", Kind: "entity"}
		}, []string{
			"request-body-kind api/user-get breaking @new api/user-get.md:40:3",
			"request-body-type api/user-post-users breaking @new api/user-post-users.md:40:3",
		}},
		{"an unclassified request body says nothing", func(m *model.Model) {
			m.Operation("api/user-post-users").RequestBody.Kind = model.BodyUnknown
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			newModel := base()
			tt.change(newModel)
			newModel.Reindex()
			var got []string
			for _, c := range Diff(base(), newModel) {
				got = append(got, brief(c))
			}
			want := append([]string(nil), tt.want...)
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

func TestRelaxations(t *testing.T) {
	strict := base()
	u := strict.Type("microsoft.graph.user")
	u.OwnProperty("mail").ReadOnly = true
	u.OwnProperty("age").Nullable = boolPtr(true)
	u.Abstract = true
	relaxed := base()
	cs := Diff(strict, relaxed)
	if len(cs) != 3 {
		t.Fatalf("want 3 changes, got %v", cs)
	}
	for _, c := range cs {
		if c.Breaking {
			t.Errorf("relaxation reported as breaking: %s (%s)", brief(c), c.Message)
		}
	}
	// The other way round, all three are breaking.
	for _, c := range Diff(relaxed, strict) {
		if !c.Breaking {
			t.Errorf("tightening reported as non-breaking: %s", brief(c))
		}
	}
}

func TestSummaryAndOrder(t *testing.T) {
	newModel := base()
	newModel.Type("microsoft.graph.user").OwnProperty("age").Type = str("Edm.Int64")
	newModel.Operations = newModel.Operations[1:] // api/user-get is first: removed
	newModel.Types = append(newModel.Types, &model.Type{Kind: model.KindComplex, Namespace: "microsoft.graph", Name: "aaa"})
	newModel.Sort()
	cs := Diff(base(), newModel)
	if s := Summarize(cs); s.Breaking != 2 || s.NonBreaking != 1 {
		t.Errorf("summary %+v of %v", s, cs)
	}
	// Types and their members come before operations, each in subject order.
	var subjects []string
	for _, c := range cs {
		subjects = append(subjects, c.Subject)
	}
	want := "microsoft.graph.aaa microsoft.graph.user/age api/user-get"
	if strings.Join(subjects, " ") != want {
		t.Errorf("order %v, want %s", subjects, want)
	}
}

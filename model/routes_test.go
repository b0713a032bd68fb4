package model

import (
	"strings"
	"testing"
)

func TestRouteShape(t *testing.T) {
	for in, want := range map[string]string{
		"/users/{id | userPrincipalName}/":                                      "/users/{}",
		"/Me/Calendar/Events?$top=2":                                            "/me/calendar/events",
		"/me/drive/root:/{item-path}:/content":                                  "/me/drive/root:/{}:/content",
		"/reports/getOffice365ActiveUserDetail(period='{period}')":              "/reports/getoffice365activeuserdetail(period='{}')",
		"/me/drive/items/{id}/workbook/worksheets/{id}/range(<address>)/format": "/me/drive/items/{}/workbook/worksheets/{}/range({})/format",
		"~/me": "/me",
		"":     "/",
	} {
		if got := RouteShape(in); got != want {
			t.Errorf("RouteShape(%q) = %q; want %q", in, got, want)
		}
	}
}

func op(id, method string, resp string, paths ...string) *Operation {
	o := &Operation{ID: id, Page: id + ".md", Method: method}
	if resp != "" {
		o.Response.Type = &TypeRef{Name: resp}
	}
	for i, p := range paths {
		tmpl, q, _ := strings.Cut(p, "?")
		o.Paths = append(o.Paths, &Path{Raw: p, Template: tmpl, Query: q, Pos: Pos{File: o.Page, Line: 10 + i}})
	}
	return o
}

// The cases of issue 12: calendar-list-events and user-list-events on /me/calendar/events; calendar-get and
// singlevaluelegacyextendedproperty-get on /me/calendars/{id}; user-list-manager's $expand forms of GET /me and
// GET /users/{id}.
func TestRoutesCanonical(t *testing.T) {
	m := &Model{Operations: []*Operation{
		op("api/calendar-get", "GET", "calendar", "/me/calendars/{id}", "/users/{id}/calendars/{id}"),
		op("api/calendar-list-events", "GET", "event", "/me/calendar/events", "/users/{id}/calendar/events"),
		op("api/singlevaluelegacyextendedproperty-get", "GET", "calendar", "/me/calendars/{id}?$expand=singleValueExtendedProperties($filter=id eq '{id}')", "/me/calendars/{id}"),
		op("api/user-get", "GET", "user", "/me", "/users/{id | userPrincipalName}"),
		op("api/user-list-events", "GET", "event", "/me/events", "/me/calendar/events", "/users/{id}/calendar/events"),
		op("api/user-list-manager", "GET", "directoryObject", "/me/manager", "/me?$expand=manager", "/users/{id}/?$expand=manager"),
	}}
	want := map[string]string{
		"GET /me/calendar/events":       "api/calendar-list-events",
		"GET /users/{}/calendar/events": "api/calendar-list-events",
		"GET /me/calendars/{}":          "api/calendar-get",
		"GET /me":                       "api/user-get",
		"GET /users/{}":                 "api/user-get",
		"GET /me/manager":               "api/user-list-manager",
		"GET /me/events":                "api/user-list-events",
	}
	got := map[string]*Route{}
	for _, r := range m.Routes() {
		got[r.Method+" "+r.Shape] = r
	}
	if len(got) != 8 {
		t.Errorf("%d routes; want 8", len(got))
	}
	for key, page := range want {
		r := got[key]
		if r == nil {
			t.Errorf("no route %s", key)
			continue
		}
		if r.Canonical.ID != page || r.Docs[0].Op != r.Canonical {
			t.Errorf("%s: canonical %s (%s); want %s", key, r.Canonical.ID, r.Why, page)
		}
	}
	me := got["GET /me"]
	if len(me.Docs) != 2 || !me.Docs[1].Queried || len(me.Stated()) != 1 || !strings.Contains(me.Why, "without a query string") {
		t.Errorf("GET /me: %+v, why %q", me.Docs, me.Why)
	}
	if r := got["GET /me/manager"]; r.Why != "the only page that documents the route" {
		t.Errorf("why %q", r.Why)
	}
	if r := m.RouteOf(m.Operations[4], m.Operations[4].Paths[1]); r != got["GET /me/calendar/events"] {
		t.Errorf("RouteOf: %v", r)
	}
	// Deterministic: the same operations in another order give the same choices.
	m2 := &Model{}
	for i := len(m.Operations) - 1; i >= 0; i-- {
		m2.Operations = append(m2.Operations, m.Operations[i])
	}
	for _, r := range m2.Routes() {
		if got[r.Method+" "+r.Shape].Canonical != r.Canonical {
			t.Errorf("%s: canonical %s in reverse order", r, r.Canonical.ID)
		}
	}
}

func TestRouteMatchesAndExamples(t *testing.T) {
	get := op("api/driveitem-get-content", "GET", "", "/me/drive/items/{item-id}/content", "/me/drive/root:/{path}:/content")
	get.Examples = []*Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/drive/items/0123/content?format=pdf"},
		{Kind: ExampleResponse, Status: 302},
		{Kind: ExampleRequest, Method: "GET", URL: "/me/drive/root:/Documents/a.txt:/content"},
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/beta/me/drive/items/0123"},
		{Kind: ExampleResponse, Status: 200},
	}
	m := &Model{Operations: []*Operation{get}}
	var items, drive *Route
	for _, r := range m.Routes() {
		switch r.Shape {
		case "/me/drive/items/{}/content":
			items = r
		case "/me/drive/root:/{}:/content":
			drive = r
		}
	}
	if items == nil || drive == nil {
		t.Fatalf("routes %v", m.Routes())
	}
	for url, want := range map[string]bool{
		"https://graph.microsoft.com/v1.0/me/drive/items/0123/content": true,
		"/ME/Drive/Items/{id}/Content/":                                true,
		"/me/drive/items/0123":                                         false,
		"/me/drive/items/a/b/content":                                  false,
	} {
		if got := items.Matches(url); got != want {
			t.Errorf("items.Matches(%q) = %v", url, got)
		}
	}
	if !drive.Matches("/me/drive/root:/Documents/a.txt:/content") {
		t.Errorf("a drive path is several segments")
	}
	ex := items.Examples()
	if len(ex) != 1 || ex[0].Response == nil || ex[0].Response.Status != 302 {
		t.Errorf("items examples %+v", ex)
	}
	if ex := drive.Examples(); len(ex) != 1 || ex[0].Response != nil {
		t.Errorf("drive examples %+v", ex)
	}
}

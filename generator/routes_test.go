package generator

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

// TestOneRouteOneMethod generates from excerpts of the v1.0 pages that share routes (testdata/routes, issue 12):
// calendar-list-events and user-list-events both document GET /me/calendar/events; calendar-get states
// GET /me/calendars/{id} and singlevaluelegacyextendedproperty-get writes it only with ?$expand=…. Each route is
// registered once, to its canonical page's method; every documented path has a Client method; the calendar ID
// reaches GetUserCalendar's calendar argument at /me/calendars/{id} as at /users/{id}/calendars/{id2}.
func TestOneRouteOneMethod(t *testing.T) {
	m, err := parser.ParseDir(filepath.Join("testdata", "routes"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlan(m, Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	specs := map[string]*templates.Operation{}
	for _, f := range p.files {
		for _, op := range f.Operations {
			specs[op.Name] = op
		}
	}
	routes := func(name string) []string {
		if specs[name] == nil {
			t.Fatalf("no operation %s; have %v", name, specs)
		}
		return specs[name].Routes
	}
	variants := func(name string) []string {
		var out []string
		for _, v := range specs[name].Variants {
			out = append(out, v.Name)
		}
		return out
	}
	for _, c := range []struct {
		op               string
		routes, variants []string
	}{
		{"ListCalendarEvents", []string{"/me/calendar/events", "/users/{id}/calendar/events", "/me/calendars/{id2}/events"},
			[]string{"ListCalendarEventsAtMe", "ListCalendarEventsAtMeCalendars"}},
		{"ListUserEvents", []string{"/me/events", "/users/{id}/events"},
			[]string{"ListUserEventsAtMe", "ListUserEventsAtMeCalendar", "ListUserEventsAtUsersCalendar"}},
		{"GetUserCalendar", []string{"/me/calendars/{id2}", "/users/{id}/calendars/{id2}"}, []string{"GetUserCalendarAtMe"}},
		{"GetMeCalendar", nil, nil},
	} {
		if got := routes(c.op); !slices.Equal(got, c.routes) {
			t.Errorf("%s serves %q, want %q", c.op, got, c.routes)
		}
		if got := variants(c.op); !slices.Equal(got, c.variants) {
			t.Errorf("%s has path variants %q, want %q", c.op, got, c.variants)
		}
	}
	files, err := p.render()
	if err != nil {
		t.Fatal(err)
	}
	all := bytes.Join([][]byte{files["calendar.go"], files["singlevaluelegacyextendedproperty.go"]}, nil)
	if !bytes.Contains(all, []byte("func (c *Client) GetMeCalendar(")) ||
		bytes.Contains(all, []byte("func (Unimplemented) GetMeCalendar(")) {
		t.Errorf("a page canonical for no route keeps its Client method and has no Server method")
	}
	if !strings.Contains(string(files["calendar.go"]), `s.GetUserCalendar(rt.context(r), pathValue(r, "id"), pathValue(r, "id2"))`) {
		t.Errorf("GetUserCalendar does not read its arguments by the wildcards of its routes:\n%s", files["calendar.go"])
	}
	again, err := Generate(m, Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if !bytes.Equal(again[name], data) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

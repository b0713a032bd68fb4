package parser

import (
	"path/filepath"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// TestRoutesCorpus builds the routes of the 2021 corpus: every path of every operation is on exactly one route, and
// the routes issue 12 names speak with the page that reads as their resource. Run with -v for the figures.
func TestRoutesCorpus(t *testing.T) {
	want := map[string]map[string]string{
		"v1.0": {
			"GET /me/calendar/events": "api/calendar-list-events",
			"GET /me/calendars/{}":    "api/calendar-get",
			"GET /users/{}":           "api/user-get",
			"GET /me":                 "api/user-get",
			"GET /users":              "api/user-list",
		},
		"beta": {
			"GET /users/{}": "api/user-get",
		},
	}
	for _, dir := range corpusDirs(t) {
		version := filepath.Base(dir)
		t.Run(version, func(t *testing.T) {
			m, err := ParseDir(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			routes := m.Routes()
			paths, shared, beyond, queriedOnly := 0, 0, 0, 0
			byKey := map[string]*model.Route{}
			for _, r := range routes {
				byKey[r.Method+" "+r.Shape] = r
				paths += len(r.Docs)
				if n := len(r.Operations()); n > 1 {
					shared++
					beyond += n - 1
				}
				if len(r.Stated()) == 0 {
					queriedOnly++
				}
				if r.Canonical == nil || r.Docs[0].Op != r.Canonical {
					t.Errorf("%s: canonical page is not the first doc", r)
				}
			}
			total := 0
			for _, op := range m.Operations {
				for _, p := range op.Paths {
					total++
					if r := m.RouteOf(op, p); r == nil {
						t.Errorf("%s %s of %s is on no route", op.Method, p.Template, op.ID)
					}
				}
			}
			if paths != total {
				t.Errorf("routes hold %d paths; the operations have %d", paths, total)
			}
			t.Logf("%s: %d operations, %d paths, %d routes; %d routes documented by 2+ pages (%d page-operations beyond the first); %d routes written only with a query string",
				version, len(m.Operations), total, len(routes), shared, beyond, queriedOnly)
			for key, page := range want[version] {
				r := byKey[key]
				switch {
				case r == nil:
					t.Errorf("no route %s", key)
				case r.Canonical.ID != page:
					t.Errorf("%s: canonical %s (%s); want %s", key, r.Canonical.ID, r.Why, page)
				}
			}
		})
	}
}

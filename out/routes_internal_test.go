// This file is written by hand, not generated. The corpus tests of the generator copy it into the package they
// generate from the whole docs (with its package clause renamed), so keep it to the support code's names.

package out

import (
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestEveryRouteLandsInItsOwnMethod sends a request to each route NewHandler registers and wants it routed to the
// operation registered for it, at that route: no route is registered twice (parameter names aside), and none is shadowed by
// another's pattern, ServeMux's or the fallback's.
func TestEveryRouteLandsInItsOwnMethod(t *testing.T) {
	var landed []string
	h := NewHandler(Unimplemented{}, func(rt *router) {
		rt.landed = func(operation, pattern string) { landed = append(landed, operation+" at "+pattern) }
	})
	rt := h.(*router)
	if len(rt.routes) == 0 {
		t.Fatal("NewHandler registered no route")
	}
	owner := map[string]string{}
	for _, r := range rt.routes {
		key := r.method + " " + strings.ToLower(routeParam.ReplaceAllString(r.template, "{}"))
		if prev, ok := owner[key]; ok {
			t.Errorf("%s %s is registered twice: for %s and for %s", r.method, r.template, prev, r.operation)
			continue
		}
		owner[key] = r.operation
		target := sampleRoutePath(r.template)
		req := httptest.NewRequest(r.method, target, nil)
		landed = nil
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if want := r.operation + " at " + r.template; len(landed) != 1 || landed[0] != want {
			t.Errorf("%s %s (%s) landed in %v, answered %d: %s", r.method, target, r.operation, landed, w.Code,
				strings.TrimSpace(w.Body.String()))
		}
	}
	if !t.Failed() {
		t.Logf("%d routes, each landed in its own operation", len(rt.routes))
	}
}

var routeParam = regexp.MustCompile(`\{[^{}]*\}`)

// sampleRoutePath fills a route template with sample values — v1, v2, … and a/b for a path of its own — as an
// escaped request target.
func sampleRoutePath(template string) string {
	n := 0
	path := routeParam.ReplaceAllStringFunc(template, func(p string) string {
		n++
		if strings.HasSuffix(p, "...}") {
			return "a/b" + string(rune('0'+n%10))
		}
		return "v" + string(rune('0'+n%10))
	})
	return (&url.URL{Path: path}).EscapedPath()
}

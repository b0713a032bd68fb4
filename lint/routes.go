package lint

// route-conflict: two pages that document one route (method and path) and disagree on what it does.

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// routeAspect is one thing two pages of a route can disagree on: what each says, and where.
type routeAspect struct {
	name, verb string
	say        func(c *checker, op *model.Operation) (said string, at model.Pos, ok bool)
	// same compares two sayings; nil compares the strings.
	same func(c *checker, a, b *model.Operation) bool
	// perRoute marks what a page says of every path alike, however many resources its paths reach (permissions).
	perRoute bool
}

var routeAspects = []routeAspect{
	{name: "success status", verb: "is", say: func(c *checker, op *model.Operation) (string, model.Pos, bool) {
		r := op.Response
		if r.Status == 0 {
			return "", model.Pos{}, false
		}
		return fmt.Sprintf("%d", r.Status), orPos(r.Pos, op.Pos), true
	}, same: func(c *checker, a, b *model.Operation) bool {
		sa, sb := a.Response.Status, b.Response.Status
		if sa == sb {
			return true
		}
		// PUT creates or replaces: 201 Created on the create page, 200 or 204 on the update page, both right.
		return a.Method == "PUT" && (sa == 201) != (sb == 201)
	}},
	{name: "response", verb: "is", say: func(c *checker, op *model.Operation) (string, model.Pos, bool) {
		t := op.Response.Type
		if t == nil || op.Response.Status == 204 || c.m.LookupType(t.Name) == nil {
			return "", model.Pos{}, false
		}
		return typeSaying(c.m.LookupType(t.Name), t.Collection), orPos(t.Pos, orPos(op.Response.Pos, op.Pos)), true
	}, same: func(c *checker, a, b *model.Operation) bool {
		ta, tb := a.Response.Type, b.Response.Type
		return ta.Collection == tb.Collection && c.related(c.m.LookupType(ta.Name), c.m.LookupType(tb.Name))
	}},
	{name: "request body", verb: "is", say: func(c *checker, op *model.Operation) (string, model.Pos, bool) {
		b := op.RequestBody
		if b == nil || b.Kind == model.BodyUnknown || op.Method == "GET" || op.Method == "DELETE" {
			return "", model.Pos{}, false
		}
		switch b.Kind {
		case model.BodyNone:
			return "no request body", orPos(b.Pos, op.Pos), true
		case model.BodyStream:
			return "binary content", orPos(b.Pos, op.Pos), true
		case model.BodyType:
			if b.Type != nil && c.m.LookupType(b.Type.Name) != nil {
				return typeSaying(c.m.LookupType(b.Type.Name), false), orPos(b.Pos, op.Pos), true
			}
		}
		return "", model.Pos{}, false
	}, same: func(c *checker, a, b *model.Operation) bool {
		ka, kb := a.RequestBody.Kind, b.RequestBody.Kind
		if ka != kb {
			return false
		}
		if ka == model.BodyType {
			return c.related(c.m.LookupType(a.RequestBody.Type.Name), c.m.LookupType(b.RequestBody.Type.Name))
		}
		return true
	}},
	{name: "permissions", verb: "are", perRoute: true, say: func(c *checker, op *model.Operation) (string, model.Pos, bool) {
		sets := permissionSets(op)
		if len(sets) == 0 {
			return "", model.Pos{}, false
		}
		var parts []string
		for k, set := range sets {
			scopes := make([]string, 0, len(set))
			for s := range set {
				scopes = append(scopes, s)
			}
			sort.Strings(scopes)
			if len(scopes) == 0 {
				scopes = []string{"not supported"}
			}
			parts = append(parts, k+": "+strings.Join(scopes, ", "))
		}
		sort.Strings(parts)
		return strings.Join(parts, "; "), op.Permissions[0].Pos, true
	}, same: func(c *checker, a, b *model.Operation) bool {
		// Pages list the least privileged permission and higher ones, in any order and number: they disagree only
		// where, for one kind of permission both give, they share no scope (or one says it is not supported).
		sa, sb := permissionSets(a), permissionSets(b)
		for k, x := range sa {
			y, ok := sb[k]
			if !ok {
				continue
			}
			if len(x) == 0 || len(y) == 0 {
				if len(x) != len(y) {
					return false
				}
				continue
			}
			shared := false
			for s := range x {
				shared = shared || y[s]
			}
			if !shared {
				return false
			}
		}
		return true
	}},
}

// permissionSets reads a permissions table as a set of scopes per kind (delegated work or school, delegated
// personal, application). The rows intune pages indent under a kind (" &nbsp; **Device configuration**") add their
// scopes to that kind's.
func permissionSets(op *model.Operation) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	kind := ""
	for _, p := range op.Permissions {
		if k := permissionKind(p.Type); k != "" {
			kind = k
		}
		if kind == "" {
			continue
		}
		if out[kind] == nil {
			out[kind] = map[string]bool{}
		}
		for _, s := range p.Scopes {
			out[kind][strings.ToLower(s)] = true
		}
	}
	return out
}

// permissionKind names a permissions-table row the same way however the page words it.
func permissionKind(t string) string {
	l := strings.ToLower(t)
	switch {
	case strings.Contains(l, "application"):
		return "application"
	case strings.Contains(l, "personal"):
		return "delegated (personal)"
	case strings.Contains(l, "delegated"):
		return "delegated (work or school)"
	}
	return "" // a row under a kind
}

func typeSaying(t *model.Type, collection bool) string {
	if collection {
		return "a collection of " + t.Name
	}
	if strings.ContainsRune("aeiouAEIOU", rune(t.Name[0])) {
		return "an " + t.Name
	}
	return "a " + t.Name
}

// related reports whether two types are one, one derives from the other, or both derive from a type below the root
// of their hierarchy: the pages of derived types document the route of their base's collection (intune's
// androidLobApp-create and iosLobApp-create for POST /deviceAppManagement/mobileApps), and the service takes and
// answers with any type derived from the one declared.
func (c *checker) related(a, b *model.Type) bool {
	if a == nil || b == nil || a == b {
		return true
	}
	up := func(t *model.Type) map[*model.Type]bool {
		out := map[*model.Type]bool{t: true}
		for _, x := range c.m.Ancestors(t) {
			if c.m.BaseOf(x) != nil { // not the root (entity, directoryObject's base): every type shares that
				out[x] = true
			}
		}
		return out
	}
	ua := up(a)
	for x := range up(b) {
		if ua[x] {
			return true
		}
	}
	return false
}

// speaksPerRoute reports whether what a page says of its response and body can hold for each of its paths: a page
// whose paths end at different collections (openTypeExtension-post documents messages, events and posts) states one
// response for all of them, which is not what each route answers.
func speaksPerRoute(op *model.Operation) bool {
	end := ""
	for _, p := range op.Paths {
		words := strings.Split(model.RouteShape(p.Template), "/")
		last := ""
		for i := len(words) - 1; i >= 0; i-- {
			if w := words[i]; w != "" && !strings.Contains(w, "{") {
				last = w
				break
			}
		}
		if end == "" {
			end = last
		} else if last != end {
			return false
		}
	}
	return true
}

// checkRoutes compares, on every route that several pages document, what each page says the route does with what
// the route's canonical page says. Pages that write the route only with a query string ($expand, $select) show a
// use of it, whose answer the query changes, and are not compared. A disagreement is reported once per pair of
// pages and aspect, at both pages, since only the authors know which is right.
func (c *checker) checkRoutes() {
	type pairKey struct {
		a, b   *model.Operation
		aspect string
	}
	type conflict struct {
		routes []*model.Route
	}
	conflicts := map[pairKey]*conflict{}
	var order []pairKey
	for _, r := range c.m.Routes() {
		stated := r.Stated()
		if len(stated) < 2 || stated[0].Op != r.Canonical {
			continue
		}
		canon := r.Canonical
		seen := map[*model.Operation]bool{canon: true}
		for _, d := range stated[1:] {
			if seen[d.Op] {
				continue
			}
			seen[d.Op] = true
			for _, asp := range routeAspects {
				if !asp.perRoute && (!speaksPerRoute(canon) || !speaksPerRoute(d.Op)) {
					continue
				}
				if asp.name == "permissions" && otherWorkload(canon.Page, d.Op.Page) {
					continue
				}
				sa, _, okA := asp.say(c, canon)
				sb, _, okB := asp.say(c, d.Op)
				if !okA || !okB {
					continue
				}
				same := sa == sb
				if asp.same != nil {
					same = asp.same(c, canon, d.Op)
				}
				if same {
					continue
				}
				k := pairKey{canon, d.Op, asp.name}
				if conflicts[k] == nil {
					conflicts[k] = &conflict{}
					order = append(order, k)
				}
				conflicts[k].routes = append(conflicts[k].routes, r)
			}
		}
	}
	for _, k := range order {
		var asp routeAspect
		for _, x := range routeAspects {
			if x.name == k.aspect {
				asp = x
			}
		}
		sa, atA, _ := asp.say(c, k.a)
		sb, atB, _ := asp.say(c, k.b)
		routes := conflicts[k].routes
		which := routes[0].Method + " " + routes[0].Template
		if len(routes) > 1 {
			which += fmt.Sprintf(" and %d more route(s)", len(routes)-1)
		}
		c.report(atA, "route-conflict", "", "%s is also documented by %s (%s), whose %s %s %s; this page's %s %s. The route answers one way: correct the page that is wrong",
			which, pageName(k.b.Page), atB, asp.name, asp.verb, sb, asp.verb, sa)
		c.report(atB, "route-conflict", "", "%s is also documented by %s (%s), whose %s %s %s; this page's %s %s. The route answers one way: correct the page that is wrong",
			which, pageName(k.a.Page), atA, asp.name, asp.verb, sa, asp.verb, sb)
	}
}

func pageName(p string) string { return path.Base(p) }

// otherWorkload reports whether two pages are Intune pages of different workloads, or one is an Intune page and the
// other is not. Intune documents its workloads' parts of shared types (user, organization, deviceManagement) on
// pages of their own, each with its workload's permissions: which permission a request to the route needs depends
// on the part it touches, so their permissions lists differ by design.
func otherWorkload(a, b string) bool {
	wa, ia := intuneWorkload(a)
	wb, ib := intuneWorkload(b)
	return ia != ib || ia && wa != wb
}

// intuneWorkload returns the workload of an Intune page ("api/intune-onboarding-user-get.md" → "onboarding").
func intuneWorkload(page string) (string, bool) {
	rest, ok := strings.CutPrefix(path.Base(page), "intune-")
	if !ok {
		return "", false
	}
	w, _, _ := strings.Cut(rest, "-")
	return w, true
}

// orPos is p, or else when p is unknown.
func orPos(p, orElse model.Pos) model.Pos {
	if p.Line == 0 {
		return orElse
	}
	return p
}

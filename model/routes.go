package model

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Route is one (method, path) the service answers, with every page that documents it. The docs document many
// routes on several pages (user-list-events and calendar-list-events both give GET /me/calendar/events); the model
// is keyed by page, and routes are the view the client, the server and the exporters need: one entry per route,
// one page that speaks for it.
type Route struct {
	Method string
	// Shape is the route's key: the template in lower case, without query string or trailing slash, with every
	// parameter written {} ("/users/{}/events"), so that {id} and {user-id} are one route.
	Shape string
	// Template is the path as the canonical page writes it.
	Template string
	// Docs are the pages' paths on this route, the canonical page's first, then by operation ID and position.
	Docs []RouteDoc
	// Canonical is the operation that speaks for the route; Why says on what evidence it was chosen.
	Canonical *Operation
	Why       string

	// Shape compiled, for Matches; compiled on first use, since most users of routes never match a URL.
	reOnce sync.Once
	re     *regexp.Regexp
}

// RouteDoc is one page's path on a route.
type RouteDoc struct {
	Op   *Operation
	Path *Path
	// Queried is set when the page writes the route only with a query string (GET /me?$expand=manager on the
	// list-manager page): the page shows a use of the route, not what the route answers.
	Queried bool
}

// Operations returns the distinct operations that document the route, canonical first.
func (r *Route) Operations() []*Operation {
	var out []*Operation
	seen := map[*Operation]bool{}
	for _, d := range r.Docs {
		if !seen[d.Op] {
			seen[d.Op] = true
			out = append(out, d.Op)
		}
	}
	return out
}

// Stated returns the docs that state the route (written without a query string), canonical first.
func (r *Route) Stated() []RouteDoc {
	var out []RouteDoc
	for _, d := range r.Docs {
		if !d.Queried {
			out = append(out, d)
		}
	}
	return out
}

// Routes returns every route the operations document, ordered by shape and method. It is computed once per index
// (Reindex starts over).
func (m *Model) Routes() []*Route {
	ix := m.ix()
	ix.routesOnce.Do(func() { ix.routes, ix.routeOf = buildRoutes(m.Operations) })
	return ix.routes
}

// RouteOf returns the route a path of op is on, or nil for a path that is no route (an operation without a method
// ServeMux could route).
func (m *Model) RouteOf(op *Operation, p *Path) *Route {
	m.Routes()
	return m.ix().routeOf[p]
}

// RouteShape is the key of a path template: lower case, no query string, no trailing slash, parameters written {}.
// A parameter is a {name}, or an <address> as the workbook pages write it.
func RouteShape(template string) string {
	literals, _ := SplitTemplate(template)
	s := strings.ToLower(strings.Join(literals, "{}"))
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	for len(s) > 1 && strings.HasSuffix(s, "/") {
		s = strings.TrimSuffix(s, "/")
	}
	return s
}

// SplitTemplate splits a path template into the text around its parameters (len(names)+1 pieces) and the
// parameters as written: no leading ~, nothing after a '?' outside a parameter, a parameter from { or < to its
// matching close ({x{y}} nests), an unclosed one running to the end. Routes, the OpenAPI export and the generator
// all read templates this way.
func SplitTemplate(template string) (literals, names []string) {
	t := strings.TrimPrefix(strings.TrimSpace(template), "~")
	var lit, name strings.Builder
	depth := 0
loop:
	for _, c := range t {
		switch {
		case c == '?' && depth == 0:
			break loop
		case c == '{' || c == '<':
			if depth > 0 {
				name.WriteRune(c)
			}
			depth++
		case (c == '}' || c == '>') && depth > 0:
			depth--
			if depth == 0 {
				literals, names = append(literals, lit.String()), append(names, name.String())
				lit.Reset()
				name.Reset()
			} else {
				name.WriteRune(c)
			}
		case depth > 0:
			name.WriteRune(c)
		default:
			lit.WriteRune(c)
		}
	}
	if depth > 0 {
		literals, names = append(literals, lit.String()), append(names, name.String())
		lit.Reset()
	}
	return append(literals, lit.String()), names
}

func buildRoutes(ops []*Operation) ([]*Route, map[*Path]*Route) {
	byKey := map[string]*Route{}
	routeOf := map[*Path]*Route{}
	for _, op := range ops {
		method := strings.ToUpper(op.Method)
		for _, p := range op.Paths {
			key := method + " " + RouteShape(p.Template)
			r := byKey[key]
			if r == nil {
				r = &Route{Method: method, Shape: RouteShape(p.Template)}
				byKey[key] = r
			}
			r.Docs = append(r.Docs, RouteDoc{Op: op, Path: p, Queried: p.Query != ""})
			routeOf[p] = r
		}
	}
	routes := make([]*Route, 0, len(byKey))
	for _, r := range byKey {
		r.choose()
		routes = append(routes, r)
	}
	sort.Slice(routes, func(i, j int) bool {
		if routes[i].Shape != routes[j].Shape {
			return routes[i].Shape < routes[j].Shape
		}
		return routes[i].Method < routes[j].Method
	})
	return routes, routeOf
}

// choose picks the canonical page of a route: the page that states the route without a query string, then the one
// whose name reads as the route's resource (its words are the path's segments, the later segments weighing more,
// and it has no words the path does not have), then the one whose response is the resource the path ends at.
// Ties go to the operation ID first in sort order, so the choice is deterministic.
func (r *Route) choose() {
	type scored struct {
		doc   RouteDoc
		score int
		why   []string
	}
	cands := make([]scored, len(r.Docs))
	for i, d := range r.Docs {
		s := scored{doc: d}
		if !d.Queried {
			s.score += 1000
			s.why = append(s.why, "states the path without a query string")
		}
		words, weight := pathWords(d.Path.Template)
		matched, extra := 0, 0
		var named []string
		for _, w := range pageWords(d.Op.Page) {
			if n, ok := weight[w]; ok {
				matched += n
				named = append(named, w)
			} else if !verbWords[w] {
				extra++
			}
		}
		s.score += 10*matched - 5*extra
		if len(named) > 0 {
			s.why = append(s.why, "its page name names the path's "+strings.Join(named, ", "))
		}
		if t := d.Op.Response.Type; t != nil && len(words) > 0 && strings.EqualFold(shortName(t.Name), words[len(words)-1]) {
			s.score += 3
			s.why = append(s.why, "it answers with the "+words[len(words)-1]+" the path ends at")
		}
		cands[i] = s
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		if cands[i].doc.Op.ID != cands[j].doc.Op.ID {
			return cands[i].doc.Op.ID < cands[j].doc.Op.ID
		}
		return cands[i].doc.Path.Pos.Before(cands[j].doc.Path.Pos)
	})
	r.Docs = r.Docs[:0]
	for _, c := range cands {
		r.Docs = append(r.Docs, c.doc)
	}
	best := cands[0]
	r.Canonical, r.Template = best.doc.Op, best.doc.Path.Template
	if len(r.Operations()) == 1 {
		r.Why = "the only page that documents the route"
		return
	}
	var why []string
	queried := false
	for _, d := range r.Docs {
		queried = queried || d.Queried
	}
	for _, w := range best.why {
		if w != "states the path without a query string" || queried {
			why = append(why, w)
		}
	}
	if cands[1].score == best.score {
		why = append(why, "first in page order among the pages that read equally well")
	}
	r.Why = strings.Join(why, "; ")
}

// verbWords are the words of a page name that say what a method does rather than what it acts on.
var verbWords = map[string]bool{"get": true, "list": true, "update": true, "delete": true, "post": true, "create": true,
	"put": true, "add": true, "remove": true, "patch": true, "upsert": true}

// pathWords returns the named segments of a template as lower-case singular words (me is a user), and each word's
// weight: its 1-based place among the named segments, so that the segments nearer the end weigh more.
func pathWords(template string) ([]string, map[string]int) {
	var words []string
	weight := map[string]int{}
	for _, seg := range strings.Split(RouteShape(template), "/") {
		if i := strings.IndexAny(seg, "({:"); i >= 0 {
			seg = seg[:i]
		}
		if seg == "" || strings.HasPrefix(seg, "$") {
			continue
		}
		if seg == "me" {
			seg = "user"
		}
		seg = Singular(seg)
		if i := strings.LastIndexByte(seg, '.'); i >= 0 {
			seg = seg[i+1:] // microsoft.graph.delta → delta
		}
		words = append(words, seg)
		weight[seg] = len(words)
	}
	return words, weight
}

// pageWords splits a page name ("api/calendar-list-events.md", "api/calendar-list-events") into lower-case
// singular words.
func pageWords(page string) []string {
	base := page[strings.LastIndexByte(page, '/')+1:]
	base = strings.TrimSuffix(base, ".md")
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(base), func(c rune) bool { return c == '-' || c == '_' }) {
		out = append(out, Singular(w))
	}
	return out
}

// Singular is the singular of a plural English noun the way path segments write them ("calendars",
// "policies", "mailboxes"); other words are returned as they are.
func Singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "xes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && len(s) > 3:
		return s[:len(s)-1]
	}
	return s
}

func shortName(full string) string {
	full = strings.TrimSuffix(strings.TrimPrefix(full, "Collection("), ")")
	return full[strings.LastIndexByte(full, '.')+1:]
}

// String is "GET /users/{id}".
func (r *Route) String() string { return r.Method + " " + r.Template }

// Summary says how many pages document the route.
func (r *Route) Summary() string {
	return r.String() + " (" + strconv.Itoa(len(r.Operations())) + " pages)"
}

// Examples returns the request examples of the route's pages that address the route, each with the response that
// follows it on its page (nil when none does): the union of what the pages show of the route.
func (r *Route) Examples() []ExchangeExample {
	var out []ExchangeExample
	for _, op := range r.Operations() {
		var last *ExchangeExample
		for _, ex := range op.Examples {
			switch ex.Kind {
			case ExampleRequest:
				last = nil
				if strings.EqualFold(ex.Method, r.Method) && r.Matches(ex.URL) {
					out = append(out, ExchangeExample{Op: op, Request: ex})
					last = &out[len(out)-1]
				}
			case ExampleResponse:
				if last != nil && last.Response == nil {
					last.Response = ex
				}
			}
		}
	}
	return out
}

// ExchangeExample is a request example of a route and the response shown after it.
type ExchangeExample struct {
	Op       *Operation
	Request  *Example
	Response *Example
}

// Headers returns the request headers the route's pages document, each name once (the canonical page's first).
func (r *Route) Headers() []Header {
	var out []Header
	seen := map[string]bool{}
	for _, op := range r.Operations() {
		for _, h := range op.Headers {
			if k := strings.ToLower(h.Name); !seen[k] {
				seen[k] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// Matches reports whether a request URL as an example writes it ("https://graph.microsoft.com/v1.0/users/{id}/
// events?$top=2", "/me/drive/root:/folder/a.txt:/content") addresses the route: its path, without host, version
// and query, has the route's segments, a parameter standing for any value (a drive path for several segments).
func (r *Route) Matches(url string) bool {
	r.reOnce.Do(func() { r.re = shapePattern(r.Shape) })
	return r.re.MatchString(requestPath(url))
}

// requestPath is the path of a request URL without scheme, host, Graph version and query string, in lower case.
func requestPath(url string) string {
	s := strings.TrimSpace(url)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		if j := strings.IndexByte(s, '/'); j >= 0 {
			s = s[j:]
		} else {
			s = "/"
		}
	}
	for _, v := range []string{"/v1.0/", "/beta/"} {
		if strings.HasPrefix(strings.ToLower(s), v) {
			s = s[len(v)-1:]
		}
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	for len(s) > 1 && strings.HasSuffix(s, "/") {
		s = strings.TrimSuffix(s, "/")
	}
	return strings.ToLower(s)
}

// shapePattern compiles a route shape: {} is one segment's value, or any path after a drive's "root:/".
func shapePattern(shape string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	rest := shape
	for {
		i := strings.Index(rest, "{}")
		if i < 0 {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		if strings.HasSuffix(rest[:i], ":/") || strings.HasSuffix(rest[:i], ":") {
			b.WriteString(".+?")
		} else {
			b.WriteString("[^/]+?")
		}
		rest = rest[i+2:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

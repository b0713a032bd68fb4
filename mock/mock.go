// Package mock serves a mock of the API the docs document: a request is routed to a route of the model, as the
// generated handler routes it, and answered with the documented response of the example request that matches it
// best, or a response built from the documented type when the route has no example. Request bodies are checked
// against the model first, and a bad request gets the OData error the generated handler gives.
//
// The docs are untrusted: nothing is ever read from disk by a request path, bodies are bounded, and a panic answers
// 500 for its request only.
package mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"mime"
	"net/http"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/graphdocgen/graphdocgen/model"
)

// Options tune a Mock.
type Options struct {
	// MaxBodyBytes bounds a request body (DefaultMaxBodyBytes when 0).
	MaxBodyBytes int64
	// Log gets a line per request with the page that answered (nil: no request log).
	Log *log.Logger
}

// DefaultMaxBodyBytes is the default bound of a request body: Graph's bodies in the docs are a few KiB.
const DefaultMaxBodyBytes = 1 << 20

// maxBodiesInFlight bounds how many bodies are decoded at once, so that memory stays bounded under many clients:
// a body of MaxBodyBytes decodes to at most ~20 times its size.
const maxBodiesInFlight = 16

// Mock is an http.Handler that answers as the docs of its model say. Load replaces the model while it serves.
type Mock struct {
	opts   Options
	state  atomic.Pointer[state]
	bodies chan struct{}
}

// New returns a mock of m.
func New(m *model.Model, opts Options) *Mock {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	mk := &Mock{opts: opts, bodies: make(chan struct{}, maxBodiesInFlight)}
	mk.Load(m)
	return mk
}

// Load makes the mock answer from m from the next request on; requests being answered finish with the model they
// started with.
func (mk *Mock) Load(m *model.Model) { mk.state.Store(newState(m)) }

// Routes is the number of routes served.
func (mk *Mock) Routes() int { return len(mk.state.Load().routes) }

// state is one model, with its routes ready to match.
type state struct {
	m      *model.Model
	routes []*route
	// byFirst holds the routes by their first path segment; wild those whose first segment has a parameter.
	byFirst map[string][]*route
	wild    []*route
	// unrouted are the documented exchanges whose request addresses no route (another host's upload URL, a path
	// no page states), by method and path: a request to exactly that path gets their response.
	unrouted map[string][]exchange
}

// route is a model route with what the mock needs of it.
type route struct {
	*model.Route
	literal int // characters of the shape that are not parameters: the route that spells out more wins
	// prefix and suffix are the shape's text before its first parameter and after its last: a path without them
	// is not the route's, which saves matching the route's pattern (most routes share a first segment).
	prefix, suffix string
	exchanges      []exchange
}

func newRoute(r *model.Route) *route {
	rt := &route{Route: r, literal: len(r.Shape) - 2*strings.Count(r.Shape, "{}"), prefix: r.Shape}
	if i := strings.Index(r.Shape, "{}"); i >= 0 {
		rt.prefix = r.Shape[:i]
		rt.suffix = r.Shape[strings.LastIndex(r.Shape, "{}")+2:]
	}
	return rt
}

// matches reports whether a path (as requestPath gives it) is on the route.
func (rt *route) matches(p string) bool {
	return strings.HasPrefix(p, rt.prefix) && strings.HasSuffix(p, rt.suffix) && rt.Matches(p)
}

func newState(m *model.Model) *state {
	s := &state{m: m, byFirst: map[string][]*route{}, unrouted: map[string][]exchange{}}
	for _, r := range m.Routes() {
		s.routes = append(s.routes, newRoute(r))
	}
	// Most specific first, as the generated handler tries its routes.
	sort.SliceStable(s.routes, func(i, j int) bool { return s.routes[i].literal > s.routes[j].literal })
	for _, rt := range s.routes {
		first, _, _ := strings.Cut(strings.TrimPrefix(rt.Shape, "/"), "/")
		if strings.Contains(first, "{}") {
			s.wild = append(s.wild, rt)
		} else {
			s.byFirst[first] = append(s.byFirst[first], rt)
		}
	}
	// Each documented request goes to the route it is a request to, with the response shown after it.
	for _, op := range m.Operations {
		for _, x := range exchangesOf(op) {
			method := strings.ToUpper(x.request.Method)
			path := x.path()
			if rt, _ := s.find(method, path); rt != nil {
				rt.exchanges = append(rt.exchanges, x)
			} else {
				key := method + " " + requestPath(path)
				s.unrouted[key] = append(s.unrouted[key], x)
			}
		}
	}
	return s
}

// exchangesOf pairs each request example of op with the response example that follows it before the next request.
func exchangesOf(op *model.Operation) []exchange {
	var out []exchange
	var last *model.Example
	for _, ex := range op.Examples {
		switch ex.Kind {
		case model.ExampleRequest:
			last = ex
		case model.ExampleResponse:
			if last != nil && last.Method != "" && last.URL != "" {
				out = append(out, newExchange(op, last, ex))
			}
			last = nil
		}
	}
	return out
}

// find returns the route of a request, or the methods the path allows when no route of the method matches. A path
// that no route matches is tried again without OData's trailing segments, which pages seldom state as paths:
// /$count, and a type cast (/microsoft.graph.group).
func (s *state) find(method, path string) (*route, []string) {
	p := requestPath(path)
	for {
		rt, allowed := s.findExact(method, p)
		if rt != nil || len(allowed) > 0 {
			return rt, allowed
		}
		i := strings.LastIndexByte(p, '/')
		last := p[i+1:]
		if i <= 0 || last != "$count" && !strings.HasPrefix(last, "microsoft.graph.") && !strings.HasPrefix(last, "graph.") {
			return nil, nil
		}
		p = p[:i]
	}
}

func (s *state) findExact(method, p string) (*route, []string) {
	first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	var best *route
	var allowed []string
	for _, list := range [][]*route{s.byFirst[first], s.wild} {
		for _, rt := range list {
			if best != nil && rt.literal <= best.literal {
				break // sorted: the rest spell out no more
			}
			if !rt.matches(p) {
				continue
			}
			if rt.Method == method || rt.Method == http.MethodGet && method == http.MethodHead {
				best = rt
			} else if !contains(allowed, rt.Method) {
				allowed = append(allowed, rt.Method)
			}
		}
	}
	if best != nil {
		return best, nil
	}
	sort.Strings(allowed)
	return nil, allowed
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// requestPath is a path without a Graph version prefix or trailing slash, in lower case, as routes are matched.
func requestPath(p string) string {
	lower := strings.ToLower(p)
	for _, v := range []string{"/v1.0/", "/beta/"} {
		if strings.HasPrefix(lower, v) {
			lower = lower[len(v)-1:]
		}
	}
	for len(lower) > 1 && strings.HasSuffix(lower, "/") {
		lower = lower[:len(lower)-1]
	}
	if !strings.HasPrefix(lower, "/") {
		lower = "/" + lower
	}
	return lower
}

// ServeHTTP answers one request.
func (mk *Mock) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	var source string
	defer func() {
		if p := recover(); p != nil {
			if mk.opts.Log != nil {
				mk.opts.Log.Printf("panic serving %s %s: %v", r.Method, excerpt(r.URL.Path, 200), p)
			}
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internalServerError", "Internal Server Error")
			}
			source = "panic"
		}
		if mk.opts.Log != nil {
			if source == "" {
				source = "-"
			}
			mk.opts.Log.Printf("%s %s %d %s (%s)", r.Method, excerpt(r.URL.RequestURI(), 300), rec.status, source,
				time.Since(start).Round(time.Microsecond))
		}
	}()
	source = mk.serve(rec, r)
}

// serve answers a request and returns the position of the docs that answered, or "".
func (mk *Mock) serve(w http.ResponseWriter, r *http.Request) string {
	s := mk.state.Load()
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	rt, allowed := s.find(method, r.URL.Path)
	if rt == nil {
		if xs := s.unrouted[method+" "+requestPath(r.URL.Path)]; len(xs) > 0 {
			x := preferred(xs, r.Header.Values("Prefer"))
			if x == nil {
				x = bestOf(xs, nil, incoming{path: requestPath(r.URL.Path), query: r.URL.Query()})
			}
			x.reply(w, r.Method == http.MethodHead)
			return x.response.Pos.String()
		}
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			writeError(w, http.StatusMethodNotAllowed, "methodNotAllowed", fmt.Sprintf("%s is not allowed on %s", r.Method, excerpt(r.URL.Path, 200)))
			return ""
		}
		writeError(w, http.StatusNotFound, "notFound", fmt.Sprintf("no operation at %s %s", r.Method, excerpt(r.URL.Path, 200)))
		return ""
	}
	op := rt.Canonical
	body, ok := mk.readBody(w, r, op)
	if !ok {
		return op.Pos.String()
	}
	var decoded any
	contentType := r.Header.Get("Content-Type")
	if len(body) > 0 && expectsJSON(op) && !rt.documentsContentType(contentType) {
		if e := s.checkRouteBody(rt, body, contentType); e != nil {
			writeError(w, e.status, e.code, e.message)
			return op.Pos.String()
		}
		_ = json.Unmarshal(body, &decoded)
	}
	if x := preferred(rt.exchanges, r.Header.Values("Prefer")); x != nil {
		x.reply(w, r.Method == http.MethodHead)
		return x.response.Pos.String()
	}
	req := incoming{path: requestPath(r.URL.Path), query: r.URL.Query(), body: decoded}
	if x := bestOf(rt.exchanges, rt.Canonical, req); x != nil {
		x.reply(w, r.Method == http.MethodHead)
		return x.response.Pos.String()
	}
	s.replyFromType(w, op, r.Method == http.MethodHead)
	return op.Pos.String()
}

// documentsContentType reports whether an example of the route sends a body of this media type that is not JSON
// (sendMail's text/plain MIME message): such a body is what the docs show, and is not checked as JSON.
func (rt *route) documentsContentType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "application/json" {
		return false
	}
	for _, x := range rt.exchanges {
		for _, h := range x.request.Headers {
			if strings.EqualFold(h.Name, "Content-Type") {
				if xmt, _, err := mime.ParseMediaType(h.Value); err == nil && xmt == mt {
					return true
				}
			}
		}
	}
	return false
}

// checkRouteBody checks a body against the canonical operation's documented body and, when that refuses it, the
// other pages' that document the route: a body one of them describes is a body the docs document for it.
func (s *state) checkRouteBody(rt *route, body []byte, contentType string) *badRequest {
	first := s.checkBody(rt.Canonical, body, contentType)
	if first == nil {
		return nil
	}
	for _, op := range rt.Operations()[1:] {
		if expectsJSON(op) && s.checkBody(op, body, contentType) == nil {
			return nil
		}
	}
	return first
}

// readBody reads the request body within the mock's bounds; false when it answered already.
func (mk *Mock) readBody(w http.ResponseWriter, r *http.Request, op *model.Operation) ([]byte, bool) {
	if r.Body == nil || r.ContentLength == 0 {
		return nil, true
	}
	if op.RequestBody != nil && op.RequestBody.Kind == model.BodyStream {
		return nil, true // a stream is not looked at; the server closes the body
	}
	if r.ContentLength > mk.opts.MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "requestEntityTooLarge", fmt.Sprintf("the body is larger than %d bytes", mk.opts.MaxBodyBytes))
		return nil, false
	}
	select {
	case mk.bodies <- struct{}{}:
		defer func() { <-mk.bodies }()
	case <-r.Context().Done():
		return nil, false
	case <-time.After(10 * time.Second):
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "serviceUnavailable", "too many request bodies in flight")
		return nil, false
	}
	var b bytes.Buffer
	_, err := b.ReadFrom(http.MaxBytesReader(w, r.Body, mk.opts.MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if ok := asMaxBytes(err, &tooLarge); ok {
			writeError(w, http.StatusRequestEntityTooLarge, "requestEntityTooLarge", fmt.Sprintf("the body is larger than %d bytes", mk.opts.MaxBodyBytes))
		} else {
			writeError(w, http.StatusBadRequest, "badRequest", "reading the body: "+excerpt(err.Error(), 200))
		}
		return nil, false
	}
	return b.Bytes(), true
}

// recorder remembers the status written, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(p []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	return r.ResponseWriter.Write(p)
}

// excerpt shortens s to n bytes for a message or a log line.
func excerpt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

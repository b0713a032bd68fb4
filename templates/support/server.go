package support

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Unimplemented answers 501 Not Implemented for every operation. Embed it in your Server to implement only the
// operations you need; the others keep compiling as the docs grow.
//
// The handler remembers an operation whose method returned the error of an Unimplemented method: from then on it
// answers 501 for it at once, without reading the request body or calling the method. To decline some calls of an
// operation you implement, return your own *Error with status 501 instead.
type Unimplemented struct{}

// notImplemented is the error of every Unimplemented method.
//
//go:noinline
func notImplemented(operation string) error {
	e := newError(http.StatusNotImplemented, "notImplemented", "%s is not implemented", operation)
	e.unimplemented = true
	return e
}

// HandlerOption configures NewHandler.
type HandlerOption func(*router)

// WithMaxBodyBytes limits the size of JSON request bodies (4 MiB by default); larger ones get 413.
func WithMaxBodyBytes(n int64) HandlerOption { return func(rt *router) { rt.maxBody = n } }

// WithMaxDepth limits how deeply objects and arrays nest in a JSON request body (64 by default); deeper ones get
// 400. Here and in the other limits, 0 means no limit.
func WithMaxDepth(n int) HandlerOption { return func(rt *router) { rt.limits.depth = n } }

// WithMaxMembers limits the members of one object (1,000 by default) and the members and array items of a whole
// JSON request body (20,000 by default); a body with more gets 413 before anything is decoded. Each member an open
// type keeps costs memory well beyond its text, so these, not the body's size, bound what a body costs.
func WithMaxMembers(perObject, total int) HandlerOption {
	return func(rt *router) { rt.limits.objectMembers, rt.limits.members = perObject, total }
}

// WithMaxDecodedBytes limits the estimated memory a decoded JSON request body takes (16 MiB by default): the
// body's bytes plus 64 bytes for each member and array item. A body above it gets 413 before it is decoded.
func WithMaxDecodedBytes(n int64) HandlerOption { return func(rt *router) { rt.limits.decoded = n } }

// WithMaxBodyBytesInFlight limits the memory of the JSON request bodies being read, decoded and served at once
// (64 MiB by default): each takes twice its Content-Length (twice the body limit when the length is unknown) until
// its method returns. A request waits for its share, at most 30 seconds, and then gets 503 with Retry-After.
// This is what bounds the server's memory under many concurrent large bodies.
func WithMaxBodyBytesInFlight(n int64) HandlerOption {
	return func(rt *router) { rt.inFlight = newBudget(n) }
}

// WithMaxHeaderBytes limits the size of a request's header — the request line and every header field — (64 KiB
// by default); a larger one gets an OData 431. net/http refuses headers above its own Server.MaxHeaderBytes first,
// with a plain-text 431: NewHTTPServer sets that high enough for this limit to answer.
func WithMaxHeaderBytes(n int) HandlerOption { return func(rt *router) { rt.maxHeader = n } }

// AllowDotSegments lets path parameters be "." or ".." or hold such a segment ("a/../b"). By default the handler
// answers 400 to them: a method gets its path parameters decoded ("..%2F..%2Fetc" arrives as "../../etc"), and
// one that uses them as file or storage paths must not be led out of its directory.
func AllowDotSegments() HandlerOption { return func(rt *router) { rt.allowDots = true } }

// WithErrorLog sets where the handler logs a panic of a Server method (the standard logger by default). The client
// gets a 500 that does not say what the panic did.
func WithErrorLog(l *log.Logger) HandlerOption { return func(rt *router) { rt.errorLog = l } }

// RequestFromContext returns the request a Server method is answering, for what the method's arguments do not
// carry: which of an operation's paths was called, headers, query options.
func RequestFromContext(ctx context.Context) *http.Request {
	r, _ := ctx.Value(requestKey{}).(*http.Request)
	return r
}

type requestKey struct{}

// NewHTTPServer returns an http.Server for handler at addr (":8080") with the timeouts and limits a server on an
// open network needs; net/http's zero values wait forever for slow clients. Change its fields before serving to
// suit your operations: ReadTimeout bounds reading a whole request, uploads included; WriteTimeout bounds writing
// the answer, downloads included.
//
// MaxHeaderBytes is 4 MiB so that a header larger than the handler's limit (WithMaxHeaderBytes, 64 KiB) reaches
// the handler and gets an OData 431; above 4 MiB net/http answers a plain-text 431 itself. The cost: until
// ReadHeaderTimeout, each connection may hold that much header in memory. Lower it to bound that more tightly,
// at the price of plain-text answers to large headers.
func NewHTTPServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    4 << 20,
	}
}

// jsonLimits bound the work decoding one JSON request body takes.
type jsonLimits struct {
	depth, objectMembers, members int
	decoded                       int64
}

// router sends requests to operations. Most documented paths are net/http ServeMux patterns; the rest — function
// arguments inside a segment (getX(period='{period}')), drive paths (root:/{path}:) and patterns ServeMux refuses as
// duplicates or conflicts — are matched by regular expressions when ServeMux has no match.
type router struct {
	mux       *http.ServeMux
	fallback  []*route
	maxBody   int64
	limits    jsonLimits
	inFlight  *budget
	maxHeader int
	allowDots bool
	errorLog  *log.Logger
	routes    []registered
	// landed, when a test sets it, hears which operation and route each request is routed to, before anything is
	// read.
	landed func(operation, pattern string)
}

type route struct {
	method  string
	re      *regexp.Regexp
	names   []string
	quoted  []bool // the value sits inside quotes: undo OData's doubled quotes
	handler http.HandlerFunc
	literal int    // the length of the template without its parameters
	prefix  string // the template up to its first parameter
}

// operation is what the handler knows of one operation across requests.
type operation struct {
	name          string
	unimplemented atomic.Bool // its method returned Unimplemented's error: answer 501 before reading anything
}

// operationFunc serves one operation: the generated code decodes the arguments, calls the method and replies.
type operationFunc func(w http.ResponseWriter, r *http.Request, op *operation)

func newRouter(opts []HandlerOption) *router {
	rt := &router{
		mux:       http.NewServeMux(),
		maxBody:   4 << 20,
		limits:    jsonLimits{depth: 64, objectMembers: 1000, members: 20000, decoded: 16 << 20},
		inFlight:  newBudget(64 << 20),
		maxHeader: 64 << 10,
	}
	for _, o := range opts {
		o(rt)
	}
	rt.mux.HandleFunc("/", rt.serveFallback)
	return rt
}

// exchange is the handler's state of one request: whether the answer has begun, and the share of the in-flight
// budget its body holds.
type exchange struct {
	http.ResponseWriter
	wrote    bool
	reserved int64
}

func (x *exchange) WriteHeader(status int) {
	x.wrote = true
	x.ResponseWriter.WriteHeader(status)
}

func (x *exchange) Write(p []byte) (int, error) {
	x.wrote = true
	return x.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (x *exchange) Unwrap() http.ResponseWriter { return x.ResponseWriter }

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x := &exchange{ResponseWriter: w}
	defer rt.finish(x, r)
	if rt.maxHeader > 0 && headerSize(r) > rt.maxHeader {
		writeError(x, newError(http.StatusRequestHeaderFieldsTooLarge, "requestHeaderFieldsTooLarge", "the request header is larger than %d bytes", rt.maxHeader))
		return
	}
	rt.mux.ServeHTTP(x, r)
}

// finish releases what the request held and turns a panic of a Server method into a 500 that does not say what
// happened (the panic is logged), so that the connection and the server carry on.
func (rt *router) finish(x *exchange, r *http.Request) {
	if x.reserved > 0 {
		rt.inFlight.release(x.reserved)
		x.reserved = 0
	}
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	logger := rt.errorLog
	if logger == nil {
		logger = log.Default()
	}
	logger.Printf("panic serving %s %q: %v\n%s", r.Method, excerpt(r.URL.Path, 200), v, debug.Stack())
	if x.wrote {
		// The answer has begun: all that is left is to cut it short, as net/http does.
		panic(http.ErrAbortHandler)
	}
	writeError(x, newError(http.StatusInternalServerError, "internalServerError", "%s", http.StatusText(http.StatusInternalServerError)))
}

// headerSize is the size of the request line and header fields as sent, near enough.
func headerSize(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + len(r.Host) + 4
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(v) + 4
		}
	}
	for name, values := range r.Trailer {
		for _, v := range values {
			n += len(name) + len(v) + 4
		}
	}
	return n
}

// handle registers an operation's handler at method and each of the routes it serves. Whole-segment parameters are
// written {name}; a parameter that is a path of its own (a drive item path) is written {name...}. The generator
// gives each documented route to one operation, so no two handle calls share a route.
func (rt *router) handle(name, method string, h operationFunc, templates ...string) {
	op := &operation{name: name}
	for _, template := range templates {
		rt.routes = append(rt.routes, registered{method: method, template: template, operation: name})
		hf := rt.serve(op, h, &matched{method: method, pattern: template, names: templateNames(template)})
		literal, names := len(templateParam.ReplaceAllString(template, "")), templateNames(template)
		muxed := func(w http.ResponseWriter, r *http.Request) {
			if !rt.serveSpecific(w, r, literal, names) {
				hf(w, r)
			}
		}
		if pattern, ok := muxPattern(template); ok && rt.tryMux(method+" "+pattern, muxed) {
			continue
		}
		rt.addFallback(compileRoute(method, template, hf))
	}
}

// addFallback keeps the fallback routes by how much of the path they spell out, most first (stable): the first
// that matches a request is the most specific, so /me/drive/root:/{path...}:/content is not taken for the item at
// /me/drive/root:/{path...}, whichever was registered first.
func (rt *router) addFallback(r *route) {
	i := sort.Search(len(rt.fallback), func(i int) bool { return rt.fallback[i].literal < r.literal })
	rt.fallback = append(rt.fallback, nil)
	copy(rt.fallback[i+1:], rt.fallback[i:])
	rt.fallback[i] = r
}

// registered is one route as handle got it, for the tests that send a request to each.
type registered struct{ method, template, operation string }

// serve is what runs before an operation's own handler: 501 for an operation known to be unimplemented, and 400
// for a path parameter that is a dot segment. The route goes into the request's context (RouteFromContext).
func (rt *router) serve(op *operation, h operationFunc, route *matched) http.HandlerFunc {
	params := route.names
	return func(w http.ResponseWriter, r *http.Request) {
		if rt.landed != nil {
			rt.landed(op.name, route.pattern)
		}
		r = r.WithContext(context.WithValue(r.Context(), routeKey{}, route))
		if op.unimplemented.Load() {
			writeError(w, notImplemented(op.name))
			return
		}
		if !rt.allowDots {
			for _, p := range params {
				if v := r.PathValue(p); hasDotSegment(v) {
					writeError(w, newError(http.StatusBadRequest, "badRequest", "the path parameter %s is %q, or has a . or .. segment, which is not allowed", p, excerpt(v, 100)))
					return
				}
			}
		}
		h(w, r, op)
	}
}

// templateNames returns the names of a template's path parameters.
func templateNames(template string) []string {
	var names []string
	for _, m := range templateParam.FindAllStringSubmatch(template, -1) {
		names = append(names, m[1])
	}
	return names
}

// hasDotSegment reports whether a path parameter is "." or "..", or has such a segment between slashes (or
// backslashes, which Windows reads as slashes).
func hasDotSegment(v string) bool {
	if !strings.Contains(v, ".") {
		return false
	}
	for _, seg := range strings.FieldsFunc(v, func(r rune) bool { return r == '/' || r == '\\' }) {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// tryMux registers with ServeMux, which panics on a pattern that conflicts with one already registered; such a
// route is matched by the fallback instead, so two documented pages with the same path never take the handler down.
func (rt *router) tryMux(pattern string, h http.HandlerFunc) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	rt.mux.HandleFunc(pattern, h)
	return true
}

// muxPattern converts a template into a ServeMux pattern when every segment is a literal or a whole {name}.
func muxPattern(template string) (string, bool) {
	if template == "/" {
		return "/{$}", true
	}
	if !strings.HasPrefix(template, "/") || strings.HasSuffix(template, "/") {
		return "", false
	}
	seen := map[string]bool{}
	for _, seg := range strings.Split(strings.TrimPrefix(template, "/"), "/") {
		if !strings.ContainsAny(seg, "{}") {
			continue
		}
		name, ok := strings.CutPrefix(seg, "{")
		if !ok || !strings.HasSuffix(name, "}") {
			return "", false
		}
		name = strings.TrimSuffix(name, "}")
		if strings.ContainsAny(name, "{}.") || seen[name] || name == "$" {
			return "", false
		}
		seen[name] = true
	}
	return template, true
}

var templateParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(\.\.\.)?\}`)

func compileRoute(method, template string, h http.HandlerFunc) *route {
	rt := &route{method: method, handler: h}
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, m := range templateParam.FindAllStringSubmatchIndex(template, -1) {
		b.WriteString(regexp.QuoteMeta(template[last:m[0]]))
		if m[4] >= 0 {
			b.WriteString("(.+?)")
		} else {
			b.WriteString("([^/]+?)")
		}
		rt.names = append(rt.names, template[m[2]:m[3]])
		rt.quoted = append(rt.quoted, m[0] > 0 && template[m[0]-1] == '\'')
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(template[last:]))
	b.WriteString("$")
	rt.re = regexp.MustCompile(b.String())
	rt.literal = len(templateParam.ReplaceAllString(template, ""))
	rt.prefix = template
	if loc := templateParam.FindStringIndex(template); loc != nil {
		rt.prefix = template[:loc[0]]
	}
	return rt
}

// serve calls the route's handler with the path values of its match.
func (rte *route) serve(w http.ResponseWriter, r *http.Request, m []string) {
	for i, name := range rte.names {
		v, err := url.PathUnescape(m[i+1])
		if err != nil {
			v = m[i+1]
		}
		if rte.quoted[i] {
			v = strings.ReplaceAll(v, "''", "'")
		}
		r.SetPathValue(name, v)
	}
	rte.handler(w, r)
}

// serveSpecific serves a request ServeMux matched with a pattern of literal characters by a fallback route of its
// method that matches it and spells out more of the path, and reports whether it did: ServeMux's /directoryRoles/{id}
// must not take /directoryRoles/roleTemplateId=62e9…, which only the fallback can express.
// The path values ServeMux set for its own pattern (muxNames) are emptied first.
func (rt *router) serveSpecific(w http.ResponseWriter, r *http.Request, literal int, muxNames []string) bool {
	var path string
	for _, rte := range rt.fallback {
		if rte.literal <= literal {
			return false // sorted: the rest spell out no more
		}
		if rte.method != r.Method && !(rte.method == http.MethodGet && r.Method == http.MethodHead) {
			continue
		}
		if path == "" {
			path = matchablePath(r.URL.EscapedPath())
		}
		if !strings.HasPrefix(path, rte.prefix) {
			continue
		}
		if m := rte.re.FindStringSubmatch(path); m != nil {
			for _, name := range muxNames {
				r.SetPathValue(name, "")
			}
			rte.serve(w, r, m)
			return true
		}
	}
	return false
}

// serveFallback matches what ServeMux could not: the fallback routes, then 405 or 404.
func (rt *router) serveFallback(w http.ResponseWriter, r *http.Request) {
	path := matchablePath(r.URL.EscapedPath())
	var allowed []string
	for _, rte := range rt.fallback {
		m := rte.re.FindStringSubmatch(path)
		if m == nil {
			continue
		}
		if rte.method != r.Method && !(rte.method == http.MethodGet && r.Method == http.MethodHead) {
			allowed = append(allowed, rte.method)
			continue
		}
		rte.serve(w, r, m)
		return
	}
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete} {
		if method == r.Method {
			continue
		}
		probe := r.Clone(r.Context())
		probe.Method = method
		if _, pattern := rt.mux.Handler(probe); pattern != "/" && pattern != "" {
			allowed = append(allowed, method)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, newError(http.StatusMethodNotAllowed, "methodNotAllowed", "%s is not allowed on %s", r.Method, excerpt(r.URL.Path, 200)))
		return
	}
	writeError(w, newError(http.StatusNotFound, "notFound", "no operation at %s %s", r.Method, excerpt(r.URL.Path, 200)))
}

// matchablePath decodes the escapes of an escaped path except those that would change its structure: %2F (a slash
// inside a value), %3A (a colon inside a drive path) and %25.
func matchablePath(escaped string) string {
	if !strings.Contains(escaped, "%") {
		return escaped
	}
	var b strings.Builder
	for i := 0; i < len(escaped); i++ {
		if escaped[i] == '%' && i+2 < len(escaped) {
			code := strings.ToUpper(escaped[i+1 : i+3])
			if n, err := strconv.ParseUint(code, 16, 8); err == nil && code != "2F" && code != "3A" && code != "25" {
				b.WriteByte(byte(n))
				i += 2
				continue
			}
		}
		b.WriteByte(escaped[i])
	}
	return b.String()
}

// queryParam extracts an argument from a query option whose value template holds it: the whole value when the
// template is just {name}, the matching part otherwise ($filter=id eq '{name}').
func queryParam(r *http.Request, key, template, name string) string {
	value := r.URL.Query().Get(key)
	if template == "{"+name+"}" {
		return value
	}
	re, err := compileTemplate(template)
	if err != nil {
		return ""
	}
	m := re.FindStringSubmatch(value)
	if m == nil {
		return ""
	}
	if i := re.SubexpIndex(name); i > 0 {
		v := m[i]
		if strings.Contains(template, "'{"+name+"}'") {
			v = strings.ReplaceAll(v, "''", "'")
		}
		return v
	}
	return ""
}

// compileTemplate turns a value template into a regular expression with a named group per {name}.
func compileTemplate(template string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	last := 0
	seen := map[string]bool{}
	for _, m := range templateParam.FindAllStringSubmatchIndex(template, -1) {
		b.WriteString(regexp.QuoteMeta(template[last:m[0]]))
		name := template[m[2]:m[3]]
		if seen[name] {
			b.WriteString("(?:.*?)")
		} else {
			b.WriteString("(?P<" + name + ">.*?)")
		}
		seen[name] = true
		last = m[1]
	}
	b.WriteString(regexp.QuoteMeta(template[last:]))
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// context is the context a Server method gets: the request's, carrying the request.
//
//go:noinline
func (rt *router) context(r *http.Request) context.Context {
	return context.WithValue(r.Context(), requestKey{}, r)
}

// pathValue is a path parameter of the matched route (r.PathValue, which inlines into every handler otherwise).
//
//go:noinline
func pathValue(r *http.Request, name string) string { return r.PathValue(name) }

// readJSON reads and strictly decodes a JSON request body into v, and checks that the required members are there.
// It answers 415, 413, 400 or 503 itself and returns false when the body is not acceptable. Before anything is
// decoded, the body must be UTF-8, well-formed, within the limits (size, depth, members, decoded size) and free of
// duplicate members.
func (rt *router) readJSON(w http.ResponseWriter, r *http.Request, v any, required ...string) bool {
	contentType := r.Header.Get("Content-Type")
	mediaType, params, err := mime.ParseMediaType(contentType)
	if charset, ok := params["charset"]; err == nil && ok && !strings.EqualFold(charset, "utf-8") {
		writeError(w, newError(http.StatusUnsupportedMediaType, "unsupportedMediaType", "the body must be application/json in UTF-8, not %q", excerpt(contentType, 100)))
		return false
	}
	if err != nil || mediaType != "application/json" {
		writeError(w, newError(http.StatusUnsupportedMediaType, "unsupportedMediaType", "the body must be application/json, not %q", excerpt(contentType, 100)))
		return false
	}
	if r.ContentLength > rt.maxBody {
		writeError(w, newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "the body is larger than %d bytes", rt.maxBody))
		return false
	}
	if !rt.reserve(w, r) {
		return false
	}
	data, err := readBody(w, r, rt.maxBody)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "the body is larger than %d bytes", tooLarge.Limit))
			return false
		}
		writeError(w, newError(http.StatusBadRequest, "badRequest", "reading the body: %v", err))
		return false
	}
	body := trimJSON(data)
	if len(body) == 0 {
		writeError(w, newError(http.StatusBadRequest, "badRequest", "the request needs a JSON body"))
		return false
	}
	if err := checkJSON(data, rt.limits); err != nil {
		writeError(w, err)
		return false
	}
	rv := reflect.ValueOf(v)
	if err := (&decoder{mode: strictMode}).value(body, rv.Elem()); err != nil {
		writeError(w, newError(http.StatusBadRequest, "badRequest", "%v", err))
		return false
	}
	for _, name := range required {
		// A navigation property is supplied by reference too: "printer@odata.bind": "https://.../printers/{id}".
		if body[0] != '{' || findMember(body, name) == nil && findMember(body, name+"@odata.bind") == nil {
			writeError(w, newError(http.StatusBadRequest, "badRequest", "the body lacks the required property %q", name))
			return false
		}
	}
	return true
}

// reserve takes the body's share of the in-flight budget, waiting for it; it answers 503 when it cannot. The share
// is given back when the request is done (exchange, finish).
func (rt *router) reserve(w http.ResponseWriter, r *http.Request) bool {
	x, ok := w.(*exchange)
	if !ok || rt.inFlight == nil {
		return true
	}
	n := rt.maxBody
	if r.ContentLength >= 0 {
		n = r.ContentLength
	}
	n = 2*n + 512 // the body, and what it decodes into
	if !rt.inFlight.acquire(r.Context(), n, 30*time.Second) {
		e := newError(http.StatusServiceUnavailable, "serviceUnavailable", "too many request bodies are being served: try again later")
		e.RetryAfter = time.Second
		writeError(w, e)
		return false
	}
	x.reserved += min(n, rt.inFlight.size)
	return true
}

// readBody reads a body of at most limit bytes, in one allocation when its length is known.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body := http.MaxBytesReader(w, r.Body, limit)
	if r.ContentLength < 0 {
		return io.ReadAll(body)
	}
	data := make([]byte, r.ContentLength)
	if _, err := io.ReadFull(body, data); err != nil {
		return nil, err
	}
	return data, nil
}

// checkJSON checks a request body before it is decoded: UTF-8 throughout, well-formed, within the limits, and
// without a member twice in one object (which a decoder would read as the last one while another reader takes the
// first). It takes time linear in the body's size, and memory for the keys of the objects it is in.
func checkJSON(data []byte, l jsonLimits) *Error {
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		return newError(http.StatusBadRequest, "badRequest", "the body is not UTF-8: invalid byte at offset %d", i)
	}
	if !json.Valid(data) {
		var x any
		err := json.Unmarshal(data, &x)
		if err == nil {
			err = errors.New("not JSON")
		}
		return newError(http.StatusBadRequest, "badRequest", "invalid JSON: %v", err)
	}
	type frame struct {
		object bool
		n      int
		keys   []string
		set    map[string]bool
	}
	var stack []*frame
	total := 0
	expectKey := false
	count := func() *Error {
		total++
		if l.members > 0 && total > l.members {
			return newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "the body has more than %d members and array items", l.members)
		}
		if l.decoded > 0 && int64(len(data))+64*int64(total) > l.decoded {
			return newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "the body would take more than %d bytes decoded", l.decoded)
		}
		return nil
	}
	for i := 0; i < len(data); {
		switch data[i] {
		case ' ', '\t', '\n', '\r', ':':
			i++
			continue
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1].object
			i++
			continue
		case '}', ']':
			stack = stack[:len(stack)-1]
			expectKey = false
			i++
			continue
		}
		if expectKey {
			f := stack[len(stack)-1]
			end := skipString(data, i)
			key := unquote(data[i:end])
			i, expectKey = end, false
			if f.n++; l.objectMembers > 0 && f.n > l.objectMembers {
				return newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "an object of the body has more than %d members", l.objectMembers)
			}
			if err := count(); err != nil {
				return err
			}
			dup := false
			if f.set != nil {
				dup = f.set[key]
				f.set[key] = true
			} else {
				for _, k := range f.keys {
					dup = dup || k == key
				}
				f.keys = append(f.keys, key)
				if len(f.keys) > 16 {
					f.set = make(map[string]bool, 2*len(f.keys))
					for _, k := range f.keys {
						f.set[k] = true
					}
					f.keys = nil
				}
			}
			if dup {
				return newError(http.StatusBadRequest, "badRequest", "the member %q is in an object twice", excerpt(key, 100))
			}
			continue
		}
		if n := len(stack); n > 0 && !stack[n-1].object {
			if err := count(); err != nil {
				return err
			}
		}
		switch data[i] {
		case '{', '[':
			if l.depth > 0 && len(stack) >= l.depth {
				return newError(http.StatusBadRequest, "badRequest", "the body nests objects and arrays more than %d deep", l.depth)
			}
			stack = append(stack, &frame{object: data[i] == '{'})
			expectKey = data[i] == '{'
			i++
		default:
			i = skipValue(data, i)
		}
	}
	return nil
}

// excerpt keeps what a message quotes from a request short: at most n bytes of valid UTF-8.
func excerpt(s string, n int) string {
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// reply answers with a Server method's result: the documented status and the result as JSON, or the error.
func (rt *router) reply(w http.ResponseWriter, op *operation, status int, result any, err error) {
	if err != nil {
		rt.fail(w, op, err)
		return
	}
	if status == http.StatusNoContent || isNilBody(result) {
		w.WriteHeader(status)
		return
	}
	data, err := marshalValue(reflect.ValueOf(result))
	if err != nil {
		writeError(w, fmt.Errorf("encoding the answer: %w", err))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// fail answers with a method's error, and remembers an operation whose method is Unimplemented's.
func (rt *router) fail(w http.ResponseWriter, op *operation, err error) {
	if e, ok := err.(*Error); ok && e.unimplemented && op != nil {
		op.unimplemented.Store(true)
	}
	writeError(w, err)
}

// replyCount answers a $count with the number as plain text.
func (rt *router) replyCount(w http.ResponseWriter, op *operation, status int, n int64, err error) {
	if err != nil {
		rt.fail(w, op, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	io.WriteString(w, strconv.FormatInt(n, 10))
}

// replyStream answers with content: the reader's bytes, or a redirect when the documented status is a 3xx (the
// method then returns the location).
func (rt *router) replyStream(w http.ResponseWriter, r *http.Request, op *operation, status int, content io.Reader, location string, err error) {
	if err != nil {
		rt.fail(w, op, err)
		return
	}
	if status/100 == 3 {
		http.Redirect(w, r, location, status)
		return
	}
	if c, ok := content.(io.Closer); ok {
		defer c.Close()
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.WriteHeader(status)
	if content != nil {
		io.Copy(w, content)
	}
}

// budget is a weighted semaphore: the bytes of request bodies in flight. Waiters are served in order.
type budget struct {
	size    int64
	mu      sync.Mutex
	free    int64
	waiters []*budgetWaiter
}

type budgetWaiter struct {
	n     int64
	ready chan struct{}
}

func newBudget(size int64) *budget {
	if size <= 0 {
		return nil
	}
	return &budget{size: size, free: size}
}

// acquire takes n bytes (at most the whole budget), waiting until they are free, ctx is done or wait has passed.
func (b *budget) acquire(ctx context.Context, n int64, wait time.Duration) bool {
	n = min(n, b.size)
	b.mu.Lock()
	if len(b.waiters) == 0 && b.free >= n {
		b.free -= n
		b.mu.Unlock()
		return true
	}
	bw := &budgetWaiter{n: n, ready: make(chan struct{})}
	b.waiters = append(b.waiters, bw)
	b.mu.Unlock()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case <-bw.ready:
		return true
	case <-ctx.Done():
	case <-timer.C:
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-bw.ready:
		return true // granted meanwhile
	default:
	}
	for i, o := range b.waiters {
		if o == bw {
			b.waiters = append(b.waiters[:i], b.waiters[i+1:]...)
			break
		}
	}
	b.grant()
	return false
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.grant()
	b.mu.Unlock()
}

func (b *budget) grant() {
	for len(b.waiters) > 0 && b.free >= b.waiters[0].n {
		bw := b.waiters[0]
		b.waiters = b.waiters[1:]
		b.free -= bw.n
		close(bw.ready)
	}
}

// writeError answers with an OData error body: an *Error's own status and code, 500 for anything else.
func writeError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = newError(http.StatusInternalServerError, "internalServerError", "%s", http.StatusText(http.StatusInternalServerError))
	}
	status := e.StatusCode
	if status == 0 {
		status = http.StatusInternalServerError
	}
	data, _ := e.MarshalJSON()
	w.Header().Set("Content-Type", "application/json")
	if e.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.FormatInt(int64((e.RetryAfter+time.Second-1)/time.Second), 10))
	}
	w.WriteHeader(status)
	w.Write(data)
}

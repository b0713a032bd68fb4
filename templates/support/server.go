package support

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// Unimplemented answers 501 Not Implemented for every operation. Embed it in your Server to implement only the
// operations you need; the others keep compiling as the docs grow.
type Unimplemented struct{}

func notImplemented(operation string) error {
	return newError(http.StatusNotImplemented, "notImplemented", "%s is not implemented", operation)
}

// HandlerOption configures NewHandler.
type HandlerOption func(*router)

// WithMaxBodyBytes limits the size of JSON request bodies (4 MiB by default); larger ones get 413.
func WithMaxBodyBytes(n int64) HandlerOption { return func(rt *router) { rt.maxBody = n } }

// RequestFromContext returns the request a Server method is answering, for what the method's arguments do not
// carry: which of an operation's paths was called, headers, query options.
func RequestFromContext(ctx context.Context) *http.Request {
	r, _ := ctx.Value(requestKey{}).(*http.Request)
	return r
}

type requestKey struct{}

// router sends requests to operations. Most documented paths are net/http ServeMux patterns; the rest — function
// arguments inside a segment (getX(period='{period}')), drive paths (root:/{path}:) and patterns ServeMux refuses as
// duplicates or conflicts — are matched by regular expressions when ServeMux has no match.
type router struct {
	mux      *http.ServeMux
	fallback []*route
	maxBody  int64
}

type route struct {
	method  string
	re      *regexp.Regexp
	names   []string
	quoted  []bool // the value sits inside quotes: undo OData's doubled quotes
	handler http.HandlerFunc
}

func newRouter(opts []HandlerOption) *router {
	rt := &router{mux: http.NewServeMux(), maxBody: 4 << 20}
	for _, o := range opts {
		o(rt)
	}
	rt.mux.HandleFunc("/", rt.serveFallback)
	return rt
}

func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) { rt.mux.ServeHTTP(w, r) }

// handle registers an operation's handler at method and each of its path templates. Whole-segment parameters are
// written {name}; a parameter that is a path of its own (a drive item path) is written {name...}.
func (rt *router) handle(method string, h http.HandlerFunc, templates ...string) {
	for _, template := range templates {
		if pattern, ok := muxPattern(template); ok && rt.tryMux(method+" "+pattern, h) {
			continue
		}
		rt.fallback = append(rt.fallback, compileRoute(method, template, h))
	}
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
	return rt
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
		writeError(w, newError(http.StatusMethodNotAllowed, "methodNotAllowed", "%s is not allowed on %s", r.Method, r.URL.Path))
		return
	}
	writeError(w, newError(http.StatusNotFound, "notFound", "no operation at %s %s", r.Method, r.URL.Path))
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
func (rt *router) context(r *http.Request) context.Context {
	return context.WithValue(r.Context(), requestKey{}, r)
}

// readJSON reads and strictly decodes a JSON request body into v, and checks that the required members are there.
// It answers 415, 413 or 400 itself and returns false when the body is not acceptable.
func (rt *router) readJSON(w http.ResponseWriter, r *http.Request, v any, required ...string) bool {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mediaType != "application/json" {
		writeError(w, newError(http.StatusUnsupportedMediaType, "unsupportedMediaType", "the body must be application/json, not %q", r.Header.Get("Content-Type")))
		return false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, rt.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, newError(http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "the body is larger than %d bytes", tooLarge.Limit))
			return false
		}
		writeError(w, newError(http.StatusBadRequest, "badRequest", "reading the body: %v", err))
		return false
	}
	if len(trimJSON(data)) == 0 {
		writeError(w, newError(http.StatusBadRequest, "badRequest", "the request needs a JSON body"))
		return false
	}
	if err := UnmarshalStrict(data, v); err != nil {
		writeError(w, newError(http.StatusBadRequest, "badRequest", "%v", err))
		return false
	}
	if len(required) > 0 {
		body := trimJSON(data)
		for _, name := range required {
			// A navigation property is supplied by reference too: "printer@odata.bind": "https://.../printers/{id}".
			if body[0] != '{' || findMember(body, name) == nil && findMember(body, name+"@odata.bind") == nil {
				writeError(w, newError(http.StatusBadRequest, "badRequest", "the body lacks the required property %q", name))
				return false
			}
		}
	}
	return true
}

// reply answers with a Server method's result: the documented status and the result as JSON, or the error.
func (rt *router) reply(w http.ResponseWriter, status int, result any, err error) {
	if err != nil {
		writeError(w, err)
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

// replyCount answers a $count with the number as plain text.
func (rt *router) replyCount(w http.ResponseWriter, status int, n int64, err error) {
	if err != nil {
		writeError(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(status)
	io.WriteString(w, strconv.FormatInt(n, 10))
}

// replyStream answers with content: the reader's bytes, or a redirect when the documented status is a 3xx (the
// method then returns the location).
func (rt *router) replyStream(w http.ResponseWriter, r *http.Request, status int, content io.Reader, location string, err error) {
	if err != nil {
		writeError(w, err)
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
	w.WriteHeader(status)
	w.Write(data)
}

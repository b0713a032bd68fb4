package mock

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// exchange is a documented request with the response shown after it, ready to compare with requests.
type exchange struct {
	op       *model.Operation
	request  *model.Example
	response *model.Example
	segments []string   // the request path's segments, lower case, unescaped
	query    url.Values // keys lower case
	body     any        // the request body as JSON, nil when none
	// answer is the response as sent: its status, headers and body.
	status  int
	header  http.Header
	payload []byte
}

func newExchange(op *model.Operation, request, response *model.Example) exchange {
	ex := exchange{op: op, request: request, response: response}
	path, rawQuery, _ := strings.Cut(stripHost(request.URL), "?")
	ex.segments = segments(requestPath(unescape(path)))
	ex.query = parseQuery(rawQuery)
	if request.JSON != nil {
		if b, err := request.JSON.MarshalJSON(); err == nil {
			_ = json.Unmarshal(b, &ex.body)
		}
	}
	ex.status, ex.header, ex.payload = answerOf(response)
	return ex
}

// path is the request's path, unescaped, without host or query string.
func (x *exchange) path() string {
	path, _, _ := strings.Cut(stripHost(x.request.URL), "?")
	return unescape(path)
}

// answerOf is what a documented response sends: its status (200 when it gives none), its headers that are valid
// and not about the transfer, and its body — the JSON re-encoded when it is JSON (a truncated example's ellipses
// dropped), the text otherwise.
func answerOf(ex *model.Example) (int, http.Header, []byte) {
	status := ex.Status
	if status < 200 || status > 599 {
		status = http.StatusOK
	}
	header := http.Header{}
	for _, h := range ex.Headers {
		name := http.CanonicalHeaderKey(strings.TrimSpace(h.Name))
		if !validHeader(name, h.Value) || skippedHeaders[name] {
			continue
		}
		header.Add(name, strings.TrimSpace(h.Value))
	}
	var body []byte
	switch {
	case ex.JSON != nil:
		body, _ = ex.JSON.MarshalJSON()
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "application/json")
		}
	case strings.TrimSpace(ex.Body) != "":
		body = []byte(ex.Body)
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", "text/plain; charset=utf-8")
		}
	}
	if status == http.StatusNoContent || status == http.StatusNotModified {
		body = nil
	}
	header.Set("X-Content-Type-Options", "nosniff")
	return status, header, body
}

// skippedHeaders describe the transfer, which the server does itself.
var skippedHeaders = map[string]bool{"Content-Length": true, "Transfer-Encoding": true, "Connection": true,
	"Keep-Alive": true, "Upgrade": true, "Trailer": true, "Content-Encoding": true}

// validHeader reports whether a header line from the docs may be sent: a token for a name, no control characters.
func validHeader(name, value string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// reply sends the documented response.
func (x *exchange) reply(w http.ResponseWriter, head bool) {
	for k, v := range x.header {
		w.Header()[k] = v
	}
	if x.payload != nil {
		w.Header().Set("Content-Length", strconv.Itoa(len(x.payload)))
	}
	w.WriteHeader(x.status)
	if !head && x.payload != nil {
		w.Write(x.payload)
	}
}

// incoming is a request as the examples are compared with it.
type incoming struct {
	path  string
	query url.Values
	body  any
}

// bestOf returns the exchange whose request matches req best — the most path segments alike (parameters
// included), then query options, then body members; ties go to the canonical operation's, then to the first.
func bestOf(xs []exchange, canonical *model.Operation, req incoming) *exchange {
	var best *exchange
	bestScore := -1 << 30
	segs := segments(req.path)
	query := lowerKeys(req.query)
	for i := range xs {
		x := &xs[i]
		score := 0
		if len(x.segments) == len(segs) {
			score += 8
			for j, s := range segs {
				if x.segments[j] == s {
					score += 4
				}
			}
		}
		for k, vs := range query {
			want, ok := x.query[k]
			switch {
			case !ok:
				score -= 2
			case len(want) > 0 && len(vs) > 0 && want[0] == vs[0]:
				score += 3
			default:
				score++
			}
		}
		for k := range x.query {
			if _, ok := query[k]; !ok {
				score -= 2
			}
		}
		score += bodyScore(x.body, req.body)
		score *= 2
		if x.op == canonical {
			score++
		}
		if score > bestScore {
			best, bestScore = x, score
		}
	}
	return best
}

// preferred returns the exchange a Prefer header names by its request's or response's annotation name
// (Prefer: example=get_user), as other mock servers let a client choose among documented answers; nil when none
// is named or the name is no example of the route.
func preferred(xs []exchange, prefer []string) *exchange {
	for _, header := range prefer {
		for _, pref := range strings.Split(header, ",") {
			name, ok := strings.CutPrefix(strings.TrimSpace(pref), "example=")
			if !ok {
				continue
			}
			name = strings.Trim(name, `"`)
			for i := range xs {
				if strings.EqualFold(xs[i].request.Name, name) || strings.EqualFold(xs[i].response.Name, name) {
					return &xs[i]
				}
			}
		}
	}
	return nil
}

// bodyScore counts the members two request bodies share, twice those with equal values.
func bodyScore(documented, sent any) int {
	a, ok1 := documented.(map[string]any)
	b, ok2 := sent.(map[string]any)
	if !ok1 || !ok2 {
		if (documented == nil) != (sent == nil) {
			return -1
		}
		return 0
	}
	score := 0
	for k, v := range b {
		w, ok := a[k]
		if !ok {
			score--
			continue
		}
		score++
		if jsonEqual(v, w) {
			score++
		}
	}
	return score - (len(a)-len(b))/2
}

func jsonEqual(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// stripHost drops the scheme and host of a URL as an example writes it.
func stripHost(u string) string {
	s := strings.TrimSpace(u)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		if j := strings.IndexByte(s, '/'); j >= 0 {
			return s[j:]
		}
		return "/"
	}
	return s
}

func segments(p string) []string {
	return strings.Split(strings.Trim(p, "/"), "/")
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// parseQuery reads a query string as an example writes it (spaces and quotes unescaped), keys in lower case.
func parseQuery(raw string) url.Values {
	q := url.Values{}
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		q.Add(strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v))
	}
	return q
}

func lowerKeys(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, vs := range q {
		for _, v := range vs {
			out.Add(strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v))
		}
	}
	return out
}

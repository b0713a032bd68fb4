package support

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Client calls the API: one method per documented operation. Authentication belongs to HTTPClient's transport,
// so any scheme works (the README shows azidentity and golang.org/x/oauth2).
type Client struct {
	// BaseURL is the service root the documented paths are relative to: "https://graph.microsoft.com/v1.0".
	BaseURL string
	// HTTPClient sends the requests; nil means a client with a 100-second timeout (DefaultHTTPClient). The
	// timeout covers reading the answer, a download's too: pass a client of your own for long downloads.
	HTTPClient *http.Client
	// MaxResponseBytes limits the JSON answers the client reads (0 means DefaultMaxResponseBytes, 64 MiB; a
	// negative value, no limit). A larger answer is an error wrapping ErrResponseTooLarge. Streams (downloads) are
	// the caller's to read and are not limited.
	MaxResponseBytes int64
	// Retry says which answers are worth another attempt and how long to wait first; the zero value retries an
	// idempotent request answered 429, 503 or 504 up to 3 times (see RetryPolicy).
	Retry RetryPolicy
}

// DefaultMaxResponseBytes is the limit of a JSON answer when Client.MaxResponseBytes is 0.
const DefaultMaxResponseBytes = 64 << 20

// DefaultHTTPClient sends the requests of a Client whose HTTPClient is nil.
var DefaultHTTPClient = &http.Client{Timeout: 100 * time.Second}

var (
	// ErrEmptyResponse is wrapped by the error a method returns when the service answered with a 2xx status but
	// no body where the operation answers with a JSON value: the method never returns a nil value without an
	// error.
	ErrEmptyResponse = errors.New("the answer has no body")
	// ErrResponseTooLarge is wrapped by the error a method returns when a JSON answer is larger than
	// Client.MaxResponseBytes.
	ErrResponseTooLarge = errors.New("the answer is too large")
	// ErrDotSegment is wrapped by the error a method returns, without sending anything, when a path parameter is
	// "." or ".." or holds such a segment (a drive path's "a/../b"): servers resolve them, escaped or not, into
	// another path than the operation's.
	ErrDotSegment = errors.New("a path parameter is a dot segment (. or ..)")
)

// NewClient returns a Client for the service at baseURL.
func NewClient(baseURL string, httpClient *http.Client) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTPClient: httpClient}
}

// RequestOption changes a request before it is sent: OData query options, headers.
type RequestOption func(*http.Request)

// WithQuery adds a query parameter, such as WithQuery("$select", "id,displayName"). A space is sent as %20,
// which the service expects ($filter=startswith(displayName,'a b')), not as +.
func WithQuery(name, value string) RequestOption {
	return func(r *http.Request) {
		q := r.URL.Query()
		q.Add(name, value)
		r.URL.RawQuery = encodeQuery(q)
	}
}

// encodeQuery encodes a query as url.Values.Encode does (keys sorted), each name and value escaped as the typed
// options escape them: a space as %20, + as %2B, and OData's $ ' ( ) , : kept as written.
func encodeQuery(q url.Values) string {
	// As the typed options are encoded (queryEscape): $top, not %24top; a space as %20, never +.
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(queryEscape(k, true))
			b.WriteByte('=')
			b.WriteString(queryEscape(v, false))
		}
	}
	return b.String()
}

// WithHeader sets a request header, such as WithHeader("ConsistencyLevel", "eventual").
func WithHeader(name, value string) RequestOption {
	return func(r *http.Request) { r.Header.Set(name, value) }
}

// call is one request as a generated method describes it.
type call struct {
	method string
	path   string // escaped, relative to BaseURL
	query  url.Values
	body   any       // a pointer to the JSON body, or nil
	stream io.Reader // a raw body, or nil
	out    any       // a pointer to decode a JSON answer into, or nil
	// link is an absolute URL the service gave (a nextLink, already checked by followLink) to GET instead of
	// BaseURL+path+query. Options change its header, not its query: the link carries the query already.
	link *url.URL
}

// do sends the call and decodes a JSON answer into k.out; an answer without a body is an error then.
func (c *Client) do(ctx context.Context, k *call, opts []RequestOption) error {
	resp, err := c.send(ctx, k, opts)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	limit := c.MaxResponseBytes
	if limit == 0 {
		limit = DefaultMaxResponseBytes
	}
	if limit > 0 && resp.ContentLength > limit {
		return fmt.Errorf("%s %s: %w: %d bytes, more than %d (Client.MaxResponseBytes)", k.method, k.path, ErrResponseTooLarge, resp.ContentLength, limit)
	}
	var body io.Reader = resp.Body
	if limit > 0 {
		body = io.LimitReader(resp.Body, limit+1)
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return fmt.Errorf("%s %s: reading the answer: %w", k.method, k.path, err)
	}
	if limit > 0 && int64(len(data)) > limit {
		return fmt.Errorf("%s %s: %w: more than %d bytes (Client.MaxResponseBytes)", k.method, k.path, ErrResponseTooLarge, limit)
	}
	if k.out == nil {
		return nil
	}
	if len(trimJSON(data)) == 0 {
		return fmt.Errorf("%s %s: %w (HTTP %d)", k.method, k.path, ErrEmptyResponse, resp.StatusCode)
	}
	if err := unmarshalMode(data, k.out, 0); err != nil {
		return fmt.Errorf("%s %s: decoding the answer: %w", k.method, k.path, err)
	}
	return nil
}

// doCount sends the call and reads a plain-text count ($count).
func (c *Client) doCount(ctx context.Context, k *call, opts []RequestOption) (int64, error) {
	resp, err := c.send(ctx, k, opts)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil {
		return 0, fmt.Errorf("%s %s: reading the answer: %w", k.method, k.path, err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %s: the answer is not a count: %q", k.method, k.path, data)
	}
	return n, nil
}

// doStream sends the call and returns the answer's body, which the caller closes. Redirects (such as the 302 a
// download answers with) are followed by the HTTP client.
func (c *Client) doStream(ctx context.Context, k *call, opts []RequestOption) (io.ReadCloser, error) {
	resp, err := c.send(ctx, k, opts)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func (c *Client) send(ctx context.Context, k *call, opts []RequestOption) (*http.Response, error) {
	if strings.IndexByte(k.path, dotMark) >= 0 {
		return nil, fmt.Errorf("%s %s: %w: refused before sending", k.method, strings.ReplaceAll(k.path, string(dotMark), ""), ErrDotSegment)
	}
	u := strings.TrimRight(c.BaseURL, "/") + k.path
	if len(k.query) > 0 {
		u += "?" + encodeQuery(k.query)
	}
	if k.link != nil {
		u = k.link.String()
	}
	var body io.Reader
	contentType := ""
	switch {
	case !isNilBody(k.body):
		data, err := marshalValue(reflect.ValueOf(k.body))
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding the body: %w", k.method, k.path, err)
		}
		body, contentType = bytes.NewReader(data), "application/json"
	case k.stream != nil:
		body, contentType = k.stream, "application/octet-stream"
	}
	req, err := http.NewRequestWithContext(ctx, k.method, u, body)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	for _, o := range opts {
		o(req)
	}
	if k.link != nil {
		link := *k.link
		req.URL, req.Host = &link, ""
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = DefaultHTTPClient
	}
	return c.sendWithRetries(ctx, hc, req)
}

// readError turns an answer outside 2xx into an *Error, from its OData error body when it has one. It reads at most
// 64 KiB of the body (an OData error is far smaller); another body becomes a message of at most 1 KiB. now is the
// clock a Retry-After date is compared with when the answer has no Date.
func readError(resp *http.Response, now func() time.Time) *Error {
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	io.CopyN(io.Discard, resp.Body, 64<<10) // so that the connection can be used again
	e := &Error{}
	if err := json.Unmarshal(data, e); err != nil || e.Code == "" && e.Message == "" {
		e = &Error{Code: http.StatusText(resp.StatusCode), Message: excerptText(data, 1<<10)}
	}
	e.StatusCode = resp.StatusCode
	h := resp.Header
	e.Header = h
	e.RequestID = h.Get("request-id")
	e.ClientRequestID = h.Get("client-request-id")
	e.Diagnostic = h.Get("x-ms-ags-diagnostic")
	e.Date, _ = http.ParseTime(h.Get("Date"))
	date := e.Date
	if date.IsZero() {
		date = now()
	}
	e.RetryAfter = retryAfter(h.Get("Retry-After"), date)
	return e
}

// retryAfter reads Retry-After: a number of seconds, or a date (from the answer's Date, or now).
func retryAfter(v string, date time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(min(n, int64(1<<62/time.Second))) * time.Second
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if date.IsZero() {
		date = time.Now()
	}
	return max(t.Sub(date), 0)
}

// excerptText makes a message of a body that is not an OData error: valid UTF-8, white space runs folded, at most n
// bytes.
func excerptText(data []byte, n int) string {
	s := strings.Join(strings.Fields(strings.ToValidUTF8(string(data[:min(len(data), 4*n)]), "\uFFFD")), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// Escaping of path parameters.

// dotMark marks, in an escaped path, a parameter that is a dot segment: no escaped value holds it, and send
// refuses a path that does. Escaping cannot make "." or ".." safe, since servers decode %2E before they resolve
// dot segments.
const dotMark = '\x00'

// pathSegment escapes a value that fills a whole path segment: /users/{id}.
//
// go:noinline, as every helper the generated methods call: inlined into thousands of methods it made the compiler
// hold their inlined bodies and debug information (v1.0: 1.63 GB peak before, 1.13 GB after; BenchmarkBuildCold).
//
//go:noinline
func pathSegment(v string) string {
	if v == "." || v == ".." {
		return string(dotMark) + v
	}
	return url.PathEscape(v)
}

// pathString escapes a value inside a quoted function argument: getX(period='{v}'). OData doubles quotes.
//
//go:noinline
func pathString(v string) string { return url.PathEscape(strings.ReplaceAll(v, "'", "''")) }

// queryString quotes a value inside a quoted literal of a query option: $filter=id eq '{v}'.
//
//go:noinline
func queryString(v string) string { return strings.ReplaceAll(v, "'", "''") }

// pathItems escapes a value that is itself a path, such as a drive item's: root:/{path}:. Its slashes stay.
func pathItems(v string) string {
	parts := strings.Split(strings.Trim(v, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(pathSegment(p), ":", "%3A")
	}
	return strings.Join(parts, "/")
}

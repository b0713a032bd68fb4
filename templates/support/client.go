package support

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// Client calls the API: one method per documented operation. Authentication belongs to HTTPClient's transport,
// so any scheme works (the README shows azidentity and golang.org/x/oauth2).
type Client struct {
	// BaseURL is the service root the documented paths are relative to: "https://graph.microsoft.com/v1.0".
	BaseURL string
	// HTTPClient sends the requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// NewClient returns a Client for the service at baseURL.
func NewClient(baseURL string, httpClient *http.Client) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTPClient: httpClient}
}

// RequestOption changes a request before it is sent: OData query options, headers.
type RequestOption func(*http.Request)

// WithQuery adds a query parameter, such as WithQuery("$select", "id,displayName").
func WithQuery(name, value string) RequestOption {
	return func(r *http.Request) {
		q := r.URL.Query()
		q.Add(name, value)
		r.URL.RawQuery = q.Encode()
	}
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
}

// do sends the call and decodes a JSON answer into k.out; it reports whether the answer had a body.
func (c *Client) do(ctx context.Context, k *call, opts []RequestOption) (bool, error) {
	resp, err := c.send(ctx, k, opts)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return false, fmt.Errorf("%s %s: reading the answer: %w", k.method, k.path, err)
	}
	if k.out == nil || len(trimJSON(data)) == 0 {
		return false, nil
	}
	if err := unmarshalMode(data, k.out, 0); err != nil {
		return false, fmt.Errorf("%s %s: decoding the answer: %w", k.method, k.path, err)
	}
	return true, nil
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
	u := strings.TrimRight(c.BaseURL, "/") + k.path
	if len(k.query) > 0 {
		u += "?" + k.query.Encode()
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
	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		return nil, readError(resp)
	}
	return resp, nil
}

// readError turns an answer outside 2xx into an *Error, from its OData error body when it has one.
func readError(resp *http.Response) error {
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	e := &Error{}
	if err := json.Unmarshal(data, e); err != nil || e.Code == "" && e.Message == "" {
		e = &Error{Code: http.StatusText(resp.StatusCode), Message: strings.TrimSpace(string(data))}
	}
	e.StatusCode = resp.StatusCode
	return e
}

// Escaping of path parameters.

// pathSegment escapes a value that fills a whole path segment: /users/{id}.
func pathSegment(v string) string { return url.PathEscape(v) }

// pathString escapes a value inside a quoted function argument: getX(period='{v}'). OData doubles quotes.
func pathString(v string) string { return url.PathEscape(strings.ReplaceAll(v, "'", "''")) }

// queryString quotes a value inside a quoted literal of a query option: $filter=id eq '{v}'.
func queryString(v string) string { return strings.ReplaceAll(v, "'", "''") }

// pathItems escapes a value that is itself a path, such as a drive item's: root:/{path}:. Its slashes stay.
func pathItems(v string) string {
	parts := strings.Split(strings.Trim(v, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(url.PathEscape(p), ":", "%3A")
	}
	return strings.Join(parts, "/")
}

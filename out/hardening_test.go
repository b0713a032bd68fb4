// Written by hand, not generated (like out_test.go): the generated server and client against hostile or broken
// peers (issue 10), through the package's exported API over HTTP.
package out_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/out"
)

// hardServer implements UpdateUser, GetUser and the drive download; everything else is Unimplemented's.
type hardServer struct {
	out.Unimplemented
	calls   atomic.Int64
	lastID  atomic.Value
	updates atomic.Int64
}

func (s *hardServer) UpdateUser(ctx context.Context, id string, u *out.User) error {
	s.updates.Add(1)
	return nil
}

func (s *hardServer) GetUser(ctx context.Context, id string) (*out.User, error) {
	s.calls.Add(1)
	s.lastID.Store(id)
	if id == "panic" {
		panic("the database password is hunter2")
	}
	u := &out.User{DisplayName: out.Some("Adele")}
	u.ID = out.Some(id)
	return u, nil
}

func (s *hardServer) GetItemContent(ctx context.Context, driveID, itemID string) (string, error) {
	s.calls.Add(1)
	s.lastID.Store(out.RequestFromContext(ctx).PathValue("itemPath"))
	return "https://example.com/content", nil
}

func serveHard(t *testing.T, s out.Server, opts ...out.HandlerOption) string {
	t.Helper()
	srv := httptest.NewServer(out.NewHandler(s, opts...))
	t.Cleanup(srv.Close)
	return srv.URL
}

// rawRequest sends a request line as written (no client-side cleaning of the path) and returns the answer.
func rawRequest(t *testing.T, base, method, target string) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	req, _ := http.NewRequest(method, base, nil)
	resp, err := http.ReadResponse(bufioReader(conn), req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// A body of 350,000 members nobody declared, on an open type, was kept member by member: 85 MB and 0.28 s per
// request before the method was called. Now the handler refuses it before decoding anything.
func TestHostileBodyIsRefusedBeforeDecoding(t *testing.T) {
	s := &hardServer{}
	base := serveHard(t, s)
	body := hostileBody()
	began := time.Now()
	resp := do(t, "PATCH", base+"/users/u1", "application/json", string(body))
	expectODataError(t, resp, http.StatusRequestEntityTooLarge, "requestEntityTooLarge", "more than 1000 members")
	if took := time.Since(began); took > 5*time.Second {
		t.Errorf("refusing took %v", took)
	}
	if s.updates.Load() != 0 {
		t.Error("the method was called")
	}
	// Within the limits, an open type keeps what it does not declare.
	resp = do(t, "PATCH", base+"/users/u1", "application/json", `{"m1":1,"m2":{"a":[1,2]}}`)
	if resp.StatusCode != http.StatusNoContent {
		t.Errorf("a small open body: %d", resp.StatusCode)
	}
}

func TestBodyLimitsAreOptions(t *testing.T) {
	base := serveHard(t, &hardServer{}, out.WithMaxMembers(3, 5), out.WithMaxDepth(3), out.WithMaxDecodedBytes(1000))
	for _, c := range []struct {
		name, body string
		status     int
		code, says string
	}{
		{"members per object", `{"a":1,"b":2,"c":3,"d":4}`, 413, "requestEntityTooLarge", "more than 3 members"},
		{"members in all", `{"a":[1,2,3,4,5]}`, 413, "requestEntityTooLarge", "more than 5 members and array items"},
		{"depth", `{"a":{"b":[[1]]}}`, 400, "badRequest", "more than 3 deep"},
		{"decoded size", `{"a":"` + strings.Repeat("x", 900) + `","b":1}`, 413, "requestEntityTooLarge", "1000 bytes decoded"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectODataError(t, do(t, "PATCH", base+"/users/u1", "application/json", c.body), c.status, c.code, c.says)
		})
	}
	if resp := do(t, "PATCH", base+"/users/u1", "application/json", `{"a":{"b":[1]}}`); resp.StatusCode != http.StatusNoContent {
		t.Errorf("a body within the limits: %d", resp.StatusCode)
	}
}

// An unimplemented operation answered 501 only after reading and decoding the body; once its method has said so,
// the handler answers 501 at once, whatever the body.
func TestUnimplementedIsRememberedBeforeTheBody(t *testing.T) {
	base := serveHard(t, &idleServer{})
	expectODataError(t, do(t, "PATCH", base+"/users/u1", "application/json", `{}`), 501, "notImplemented", "UpdateUser")
	expectODataError(t, do(t, "PATCH", base+"/users/u1", "application/json", `not JSON at all`), 501, "notImplemented", "UpdateUser")
	expectODataError(t, do(t, "PATCH", base+"/users/u1", "text/plain", string(hostileBody())), 501, "notImplemented", "UpdateUser")
	// Other operations are not affected.
	expectODataError(t, do(t, "POST", base+"/users", "application/json", `not JSON`), 400, "badRequest", "invalid JSON")
}

// A panicking method dropped the connection; now it answers an OData 500 that does not tell the panic's text,
// and the server carries on.
func TestPanickingMethodAnswers500(t *testing.T) {
	s := &hardServer{}
	srv := httptest.NewUnstartedServer(out.NewHandler(s, out.WithErrorLog(discardLog())))
	srv.Start()
	t.Cleanup(srv.Close)
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1}} // the same connection throughout
	for i := 0; i < 2; i++ {
		resp, err := client.Get(srv.URL + "/users/panic")
		if err != nil {
			t.Fatalf("the connection was dropped: %v", err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 500 || !strings.Contains(string(data), "internalServerError") || strings.Contains(string(data), "hunter2") {
			t.Errorf("panic answered %d %s", resp.StatusCode, data)
		}
	}
	resp, err := client.Get(srv.URL + "/users/u1")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("the next request: %v %v", resp, err)
	}
	resp.Body.Close()
	if s.calls.Load() != 3 {
		t.Errorf("%d calls", s.calls.Load())
	}
}

func TestBodyEncodingIsChecked(t *testing.T) {
	s := &hardServer{}
	base := serveHard(t, s)
	longType := "application/" + strings.Repeat("x", 50_000)
	for _, c := range []struct {
		name, contentType, body string
		status                  int
		code, says              string
	}{
		{"duplicate member", "application/json", `{"displayName":"a","displayName":"b"}`, 400, "badRequest", `"displayName" is in an object twice`},
		{"duplicate member, escaped", "application/json", `{"displayName":"a","display\u004eame":"b"}`, 400, "badRequest", "twice"},
		{"duplicate nested member", "application/json", `{"m":{"x":1,"y":[{"z":1,"z":2}]}}`, 400, "badRequest", `"z"`},
		{"invalid UTF-8", "application/json", "{\"displayName\":\"a\xff\xfe\"}", 400, "badRequest", "not UTF-8"},
		{"UTF-16", "application/json; charset=utf-16", `{"displayName":"a"}`, 415, "unsupportedMediaType", "UTF-8"},
		{"Latin-1", "application/json;charset=ISO-8859-1", `{"displayName":"a"}`, 415, "unsupportedMediaType", "UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			expectODataError(t, do(t, "PATCH", base+"/users/u1", c.contentType, c.body), c.status, c.code, c.says)
		})
	}
	for _, ct := range []string{"application/json; charset=utf-8", "application/json; charset=UTF-8", "application/json"} {
		if resp := do(t, "PATCH", base+"/users/u1", ct, `{"displayName":"é"}`); resp.StatusCode != 204 {
			t.Errorf("%s: %d", ct, resp.StatusCode)
		}
	}
	if s.updates.Load() != 3 {
		t.Errorf("%d updates", s.updates.Load())
	}
	// An over-long Content-Type was echoed whole in the 415 body (900 KB); now only an excerpt.
	resp := do(t, "PATCH", base+"/users/u1", longType, `{}`)
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 415 || len(data) > 400 {
		t.Errorf("long Content-Type: %d, %d bytes", resp.StatusCode, len(data))
	}
}

// A 2 MB header got net/http's plain-text 431. Through NewHTTPServer it reaches the handler, which answers an
// OData 431 above its own limit.
func TestLargeHeaderGetsOData431(t *testing.T) {
	h := out.NewHandler(&hardServer{})
	srv := httptest.NewUnstartedServer(h)
	srv.Config = out.NewHTTPServer("", h)
	srv.Start()
	t.Cleanup(srv.Close)
	req, _ := http.NewRequest("GET", srv.URL+"/users/u1", nil)
	req.Header.Set("X-Big", strings.Repeat("a", 2<<20))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	expectODataError(t, resp, http.StatusRequestHeaderFieldsTooLarge, "requestHeaderFieldsTooLarge", "65536")
	// A header of a few KiB is fine.
	req.Header.Set("X-Big", strings.Repeat("a", 4<<10))
	resp2, err := http.DefaultClient.Do(req)
	if err != nil || resp2.StatusCode != 200 {
		t.Fatalf("a 4 KiB header: %v %v", resp2, err)
	}
	resp2.Body.Close()
}

func TestNewHTTPServerHasTimeouts(t *testing.T) {
	s := out.NewHTTPServer(":8080", http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 {
		t.Errorf("timeouts %v %v %v %v", s.ReadHeaderTimeout, s.ReadTimeout, s.WriteTimeout, s.IdleTimeout)
	}
	if s.MaxHeaderBytes <= 2<<20 {
		t.Errorf("MaxHeaderBytes %d would answer a 2 MB header with net/http's plain 431", s.MaxHeaderBytes)
	}
	if s.Addr != ":8080" {
		t.Errorf("addr %q", s.Addr)
	}
}

// Path parameters arrive decoded: /users/..%2f..%2fetc%2fpasswd gave the method "../../etc/passwd". Dot segments
// are refused unless AllowDotSegments.
func TestDotSegmentsInPathParameters(t *testing.T) {
	s := &hardServer{}
	base := serveHard(t, s)
	for _, target := range []string{
		"/users/..%2f..%2fetc%2fpasswd",
		"/users/%2e%2e",
		"/users/%2E",
		"/users/a%2f..%2fb",
		"/users/..%5cwindows",
		"/me/drive/root:/%2e%2e/%2e%2e/etc/passwd:/content",
		"/me/drive/root:/..%2f..%2fetc%2fpasswd:/content",
		"/me/drive/root:/a/%2e/b:/content",
	} {
		resp := rawRequest(t, base, "GET", target)
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", target, resp.StatusCode)
		}
	}
	// Literal dot segments ServeMux redirects to the cleaned path itself.
	for _, target := range []string{"/users/a/../b", "/me/drive/root:/a/./b:/content"} {
		if resp := rawRequest(t, base, "GET", target); resp.StatusCode/100 != 3 && resp.StatusCode != 400 {
			t.Errorf("%s: %d", target, resp.StatusCode)
		}
	}
	if s.calls.Load() != 0 {
		t.Errorf("the server was called %d times (last with %q)", s.calls.Load(), s.lastID.Load())
	}
	for target, want := range map[string]string{
		"/users/a..b":                          "a..b",
		"/users/...":                           "...",
		"/users/.hidden":                       ".hidden",
		"/me/drive/root:/a/..b/c.txt:/content": "a/..b/c.txt",
	} {
		resp := rawRequest(t, base, "GET", target)
		if resp.StatusCode/100 != 2 && resp.StatusCode != 302 || s.lastID.Load() != want {
			t.Errorf("%s: %d, got %q", target, resp.StatusCode, s.lastID.Load())
		}
	}
	allowing := serveHard(t, s, out.AllowDotSegments())
	resp := rawRequest(t, allowing, "GET", "/users/..%2f..%2fetc%2fpasswd")
	if resp.StatusCode != 200 || s.lastID.Load() != "../../etc/passwd" {
		t.Errorf("AllowDotSegments: %d, %q", resp.StatusCode, s.lastID.Load())
	}
}

// The client side: an empty answer, a huge answer, a huge error page, the headers of an error, dot segments.
func TestClientAgainstBrokenAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("case") {
		case "empty":
			w.WriteHeader(200)
		case "big":
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"displayName":"`+strings.Repeat("x", 2<<20)+`"}`)
		case "html":
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Retry-After", "7")
			w.Header().Set("request-id", "rid-1")
			w.Header().Set("client-request-id", "crid-1")
			w.Header().Set("x-ms-ags-diagnostic", `{"ServerInfo":{"DataCenter":"West Europe"}}`)
			w.WriteHeader(503)
			io.WriteString(w, "<html>"+strings.Repeat("<p>overloaded</p>\n", 5<<20/18)+"</html>")
		case "throttled":
			w.Header().Set("Retry-After", time.Now().Add(time.Minute).UTC().Format(http.TimeFormat))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(429)
			io.WriteString(w, `{"error":{"code":"TooManyRequests","message":"slow down"}}`)
		}
	}))
	t.Cleanup(srv.Close)
	c := out.NewClient(srv.URL, nil)
	c.Retry.Disabled = true // the 503 and 429 below are read, not waited out (TestRetriesThroughTheHandler waits)
	ctx := context.Background()
	u, err := c.GetUser(ctx, "u1", out.WithQuery("case", "empty"))
	if u != nil || !errors.Is(err, out.ErrEmptyResponse) {
		t.Errorf("empty 200: %v, %v", u, err)
	}
	c.MaxResponseBytes = 1 << 20
	u, err = c.GetUser(ctx, "u1", out.WithQuery("case", "big"))
	if u != nil || !errors.Is(err, out.ErrResponseTooLarge) {
		t.Errorf("2 MiB answer over a 1 MiB limit: %v, %v", u, err)
	}
	c.MaxResponseBytes = 0
	if u, err = c.GetUser(ctx, "u1", out.WithQuery("case", "big")); err != nil || len(u.DisplayName.Value) != 2<<20 {
		t.Errorf("2 MiB answer under the default limit: %v", err)
	}
	_, err = c.GetUser(ctx, "u1", out.WithQuery("case", "html"))
	var oe *out.Error
	if !errors.As(err, &oe) {
		t.Fatalf("503: %v", err)
	}
	if oe.StatusCode != 503 || len(oe.Message) > 1100 || !strings.HasPrefix(oe.Message, "<html><p>overloaded</p> <p>") {
		t.Errorf("503 message of %d bytes: %.80q", len(oe.Message), oe.Message)
	}
	if oe.RetryAfter != 7*time.Second || oe.RequestID != "rid-1" || oe.ClientRequestID != "crid-1" ||
		!strings.Contains(oe.Diagnostic, "West Europe") || oe.Date.IsZero() || oe.Header.Get("Content-Type") != "text/html" {
		t.Errorf("503 header fields: %+v", *oe)
	}
	_, err = c.GetUser(ctx, "u1", out.WithQuery("case", "throttled"))
	if !errors.As(err, &oe) || oe.StatusCode != 429 || oe.RetryAfter < 55*time.Second || oe.RetryAfter > 61*time.Second {
		t.Errorf("429 with a Retry-After date: %v (%v)", err, oe.RetryAfter)
	}
	if out.DefaultHTTPClient.Timeout <= 0 {
		t.Error("the default HTTP client has no timeout")
	}
}

func TestClientRefusesDotSegments(t *testing.T) {
	var sent atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent.Add(1) }))
	t.Cleanup(srv.Close)
	c := out.NewClient(srv.URL, nil)
	ctx := context.Background()
	for _, id := range []string{"..", "."} {
		if _, err := c.GetUser(ctx, id); !errors.Is(err, out.ErrDotSegment) {
			t.Errorf("GetUser(%q): %v", id, err)
		}
		if err := c.DeleteUser(ctx, id); !errors.Is(err, out.ErrDotSegment) {
			t.Errorf("DeleteUser(%q): %v", id, err)
		}
	}
	for _, name := range []string{"../../etc/passwd", "a/./b", ".."} {
		if _, err := c.UpsertItemContent(ctx, "d1", "p1", name, bytes.NewReader(nil)); !errors.Is(err, out.ErrDotSegment) {
			t.Errorf("UpsertItemContent(%q): %v", name, err)
		}
	}
	if sent.Load() != 0 {
		t.Errorf("%d requests were sent", sent.Load())
	}
	// Dots that are not whole segments go as they are.
	c.GetUser(ctx, "a..b")
	c.UpsertItemContent(ctx, "d1", "p1", "reports/.hidden/q3..xlsx", bytes.NewReader(nil))
	if sent.Load() != 2 {
		t.Errorf("%d of 2 requests were sent", sent.Load())
	}
}

func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReader(r) }

func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }

// With http.ListenAndServe a connection that never finishes its header stays open for ever; NewHTTPServer's
// ReadHeaderTimeout (10 s, shortened here) closes it.
func TestNewHTTPServerClosesSlowConnections(t *testing.T) {
	h := out.NewHandler(&hardServer{})
	srv := httptest.NewUnstartedServer(h)
	srv.Config = out.NewHTTPServer("", h)
	srv.Config.ReadHeaderTimeout = 200 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET /users/u1 HTTP/1.1\r\nHost: x\r\n") // and nothing more
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	began := time.Now()
	_, err = io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the slow connection was still open after %v", time.Since(began))
	}
}

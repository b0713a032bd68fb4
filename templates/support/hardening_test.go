package support

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Issue 10: the handler and the client against hostile or broken peers. The end-to-end versions, through a
// generated package, are in out/hardening_test.go.

var testLimits = jsonLimits{depth: 4, objectMembers: 3, members: 8, decoded: 0}

func TestCheckJSON(t *testing.T) {
	for _, c := range []struct {
		body   string
		status int
		says   string
	}{
		{`{"a":1,"b":[1,2,{"c":null}],"d":"x"}`, 0, ""},
		{`[]`, 0, ""},
		{`"just a string"`, 0, ""},
		{`{"a":1,"a":2}`, 400, `"a" is in an object twice`},
		{`{"a":1,"\u0061":2}`, 400, "twice"},
		{`{"a":{"b":1},"c":{"b":2}}`, 0, ""}, // the same key in two objects
		{`[{"a":1},{"a":1}]`, 0, ""},
		{`{"a":{"b":1,"b":1}}`, 400, `"b"`},
		{`{"a":1,"b":2,"c":3,"d":4}`, 413, "more than 3 members"},
		{`[1,2,3,4,5,6,7,8,9]`, 413, "more than 8 members and array items"},
		{`[[[[1]]]]`, 0, ""},
		{`[[[[[1]]]]]`, 400, "more than 4 deep"},
		{"\"\xff\"", 400, "not UTF-8: invalid byte at offset 1"},
		{`{"a":`, 400, "invalid JSON"},
	} {
		err := checkJSON([]byte(c.body), testLimits)
		switch {
		case c.status == 0 && err != nil:
			t.Errorf("%s: %v", c.body, err)
		case c.status != 0 && (err == nil || err.StatusCode != c.status || !strings.Contains(err.Message, c.says)):
			t.Errorf("%s: %v, want %d %q", c.body, err, c.status, c.says)
		}
	}
	// Many members: the duplicate check switches from a list to a set.
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < 100; i++ {
		b.WriteString(`"k` + strconv.Itoa(i) + `":1,`)
	}
	many := b.String()
	limits := jsonLimits{depth: 4, objectMembers: 1000, members: 1000}
	if err := checkJSON([]byte(many+`"k100":1}`), limits); err != nil {
		t.Error(err)
	}
	if err := checkJSON([]byte(many+`"k7":1}`), limits); err == nil || !strings.Contains(err.Message, `"k7"`) {
		t.Errorf("duplicate among 100: %v", err)
	}
	if err := checkJSON([]byte(`{"a":"`+strings.Repeat("x", 100)+`"}`), jsonLimits{decoded: 100}); err == nil || err.StatusCode != 413 {
		t.Errorf("decoded size: %v", err)
	}
}

func TestHasDotSegment(t *testing.T) {
	for v, want := range map[string]bool{
		".": true, "..": true, "../x": true, "x/..": true, "a/./b": true, `..\x`: true, "/../": true,
		"": false, "a": false, "...": false, "a..b": false, ".x": false, "x.": false, "a/.b/c": false,
	} {
		if got := hasDotSegment(v); got != want {
			t.Errorf("%q: %v", v, got)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt(strings.Repeat("é", 100), 11); got != "ééééé…" {
		t.Errorf("%q", got)
	}
	if got := excerpt("a\xffb", 10); got != "a\uFFFDb" {
		t.Errorf("%q", got)
	}
	html := []byte("<html>\n  <p>busy</p>\n" + strings.Repeat("x", 5000))
	if got := excerptText(html, 20); got != "<html> <p>busy</p> x…" {
		t.Errorf("%q", got)
	}
}

// The in-flight budget: concurrent holders never exceed it, waiters are served, a waiter gives up at its
// deadline.
func TestBudget(t *testing.T) {
	b := newBudget(100)
	var held, most atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func(n int64) {
			defer wg.Done()
			if !b.acquire(context.Background(), n, 10*time.Second) {
				t.Error("gave up")
				return
			}
			now := held.Add(n)
			for m := most.Load(); now > m && !most.CompareAndSwap(m, now); m = most.Load() {
			}
			time.Sleep(time.Millisecond)
			held.Add(-n)
			b.release(n)
		}(int64(10 + i%40))
	}
	wg.Wait()
	if most.Load() > 100 || b.free != 100 || len(b.waiters) != 0 {
		t.Errorf("most held %d, free %d, %d waiters", most.Load(), b.free, len(b.waiters))
	}
	if !b.acquire(context.Background(), 1000, time.Second) { // more than the whole: takes the whole
		t.Fatal("a request larger than the budget never gets it")
	}
	if b.acquire(context.Background(), 1, 20*time.Millisecond) {
		t.Error("acquired from an empty budget")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if b.acquire(ctx, 1, time.Second) {
		t.Error("acquired with a canceled context")
	}
	b.release(100)
	if b.free != 100 || len(b.waiters) != 0 {
		t.Errorf("free %d, %d waiters", b.free, len(b.waiters))
	}
}

// A body waits for its share of the in-flight budget; one that cannot get it in time is answered 503.
func TestBodiesInFlight(t *testing.T) {
	release := make(chan struct{})
	rt := newRouter([]HandlerOption{WithMaxBodyBytesInFlight(300)})
	rt.handle("Post", "POST", func(w http.ResponseWriter, r *http.Request, op *operation) {
		var body testProfile
		if !rt.readJSON(w, r, &body) {
			return
		}
		<-release
		rt.reply(w, op, http.StatusNoContent, nil, nil)
	}, "/p")
	body := `{"password":"` + strings.Repeat("x", 50) + `"}` // reserves 2×64+512 = 640: the whole budget
	first := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		rt.ServeHTTP(rec, jsonRequest("POST", "/p", body))
		first <- rec.Code
	}()
	for freeOf(rt.inFlight) != 0 {
		time.Sleep(time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	rec := httptest.NewRecorder()
	rt.ServeHTTP(rec, jsonRequest("POST", "/p", body).WithContext(ctx))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("while the budget is taken: %d %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	close(release)
	if code := <-first; code != http.StatusNoContent {
		t.Errorf("first: %d", code)
	}
	if freeOf(rt.inFlight) != 300 {
		t.Errorf("the budget was not given back: %d free", rt.inFlight.free)
	}
}

func freeOf(b *budget) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.free
}

func jsonRequest(method, path, body string) *http.Request {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// An operation whose method returned Unimplemented's error answers 501 from then on without reading the body; a
// method's own 501 is not remembered.
func TestUnimplementedRemembered(t *testing.T) {
	var calls atomic.Int64
	rt := newRouter(nil)
	declines := func(err error) operationFunc {
		return func(w http.ResponseWriter, r *http.Request, op *operation) {
			var body testProfile
			if !rt.readJSON(w, r, &body) {
				return
			}
			calls.Add(1)
			rt.reply(w, op, http.StatusNoContent, nil, err)
		}
	}
	rt.handle("Stub", "POST", declines(notImplemented("Stub")), "/stub")
	rt.handle("Own", "POST", declines(newError(501, "notImplemented", "not today")), "/own")
	for i, want := range []int{501, 501, 501} {
		rec := httptest.NewRecorder()
		body := `{}`
		if i > 0 {
			body = `not JSON`
		}
		rt.ServeHTTP(rec, jsonRequest("POST", "/stub", body))
		if rec.Code != want {
			t.Errorf("stub, request %d: %d %s", i, rec.Code, rec.Body)
		}
	}
	for i := 0; i < 2; i++ {
		rec := httptest.NewRecorder()
		rt.ServeHTTP(rec, jsonRequest("POST", "/own", `{}`))
		if rec.Code != 501 {
			t.Errorf("own 501: %d", rec.Code)
		}
	}
	if calls.Load() != 3 {
		t.Errorf("%d calls, want 1 of the stub and 2 of the other", calls.Load())
	}
}

func TestPanicAnswers500(t *testing.T) {
	var logged strings.Builder
	rt := newRouter([]HandlerOption{WithErrorLog(log.New(&logged, "", 0))})
	rt.handle("Boom", "GET", func(w http.ResponseWriter, r *http.Request, op *operation) {
		panic("secret")
	}, "/boom")
	rt.handle("Half", "GET", func(w http.ResponseWriter, r *http.Request, op *operation) {
		io.WriteString(w, "partial")
		panic("after writing")
	}, "/half")
	rec := httptest.NewRecorder()
	rt.ServeHTTP(rec, httptest.NewRequest("GET", "/boom", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "secret") || !strings.Contains(logged.String(), "secret") {
		t.Errorf("%d %s; logged %q", rec.Code, rec.Body, logged.String())
	}
	func() {
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("a panic after the answer began: %v, want http.ErrAbortHandler", v)
			}
		}()
		rt.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/half", nil))
	}()
}

func TestHeaderLimit(t *testing.T) {
	rt := newRouter([]HandlerOption{WithMaxHeaderBytes(1 << 10)})
	rt.handle("Get", "GET", func(w http.ResponseWriter, r *http.Request, op *operation) {}, "/x")
	r := httptest.NewRequest("GET", "/x", nil)
	r.Header.Set("X-Big", strings.Repeat("a", 1<<10))
	rec := httptest.NewRecorder()
	rt.ServeHTTP(rec, r)
	var e Error
	if rec.Code != 431 || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Code != "requestHeaderFieldsTooLarge" {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}

func TestDotSegmentsRefused(t *testing.T) {
	for _, allow := range []bool{false, true} {
		var opts []HandlerOption
		if allow {
			opts = append(opts, AllowDotSegments())
		}
		rt := newRouter(opts)
		var got string
		echo := func(w http.ResponseWriter, r *http.Request, op *operation) {
			got = r.PathValue("id") + r.PathValue("p")
		}
		rt.handle("Get", "GET", echo, "/users/{id}")
		rt.handle("Drive", "GET", echo, "/root:/{p...}:/content")
		for _, path := range []string{"/users/..%2Fx", "/users/%2e", "/root:/a/%2E%2E/b:/content"} {
			got = ""
			rec := httptest.NewRecorder()
			rt.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if !allow && (rec.Code != 400 || got != "") || allow && (rec.Code != 200 || got == "") {
				t.Errorf("allow %v, %s: %d, got %q", allow, path, rec.Code, got)
			}
		}
	}
}

func TestClientLimitsAndHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/empty":
			w.WriteHeader(http.StatusOK)
		case "/big":
			io.WriteString(w, `{"password":"`+strings.Repeat("x", 1000)+`"}`)
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.Header().Set("request-id", "r1")
			w.WriteHeader(503)
			io.WriteString(w, strings.Repeat("<p>busy</p>", 100_000))
		}
	}))
	defer srv.Close()
	c := NewClient(srv.URL, nil)
	c.Retry.Disabled = true // the 503 below is read, not waited out
	var out testProfile
	if err := c.do(context.Background(), &call{method: "GET", path: "/empty", out: &out}, nil); !errors.Is(err, ErrEmptyResponse) {
		t.Errorf("empty: %v", err)
	}
	if err := c.do(context.Background(), &call{method: "DELETE", path: "/empty"}, nil); err != nil {
		t.Errorf("no answer expected: %v", err)
	}
	c.MaxResponseBytes = 500
	if err := c.do(context.Background(), &call{method: "GET", path: "/big", out: &out}, nil); !errors.Is(err, ErrResponseTooLarge) {
		t.Errorf("big: %v", err)
	}
	c.MaxResponseBytes = -1
	if err := c.do(context.Background(), &call{method: "GET", path: "/big", out: &out}, nil); err != nil {
		t.Errorf("big without a limit: %v", err)
	}
	err := c.do(context.Background(), &call{method: "GET", path: "/busy", out: &out}, nil)
	var e *Error
	if !errors.As(err, &e) || len(e.Message) > 1<<10+3 || e.RetryAfter != 2*time.Minute || e.RequestID != "r1" {
		t.Errorf("busy: %d bytes of message, %+v", len(e.Message), e)
	}
	if err := c.do(context.Background(), &call{method: "GET", path: "/users/" + pathSegment("..")}, nil); !errors.Is(err, ErrDotSegment) || strings.Contains(err.Error(), "\x00") {
		t.Errorf("dot segment: %q", err)
	}
	if DefaultHTTPClient.Timeout <= 0 {
		t.Error("no default timeout")
	}
}

func TestRetryAfter(t *testing.T) {
	date := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "0": 0, "5": 5 * time.Second, "-3": 0, "soon": 0,
		date.Add(90 * time.Second).Format(http.TimeFormat): 90 * time.Second,
		date.Add(-time.Hour).Format(http.TimeFormat):       0,
		"99999999999999999999":                             0,
	} {
		if got := retryAfter(v, date); got != want {
			t.Errorf("%q: %v, want %v", v, got, want)
		}
	}
	e := &Error{StatusCode: 429, Code: "TooManyRequests", RetryAfter: 1500 * time.Millisecond}
	rec := httptest.NewRecorder()
	writeError(rec, e)
	if rec.Header().Get("Retry-After") != "2" {
		t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
	}
}

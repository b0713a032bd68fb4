package support

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is the clock and sleep a RetryPolicy uses in tests: sleeping advances the clock and records the wait.
type fakeClock struct {
	now   time.Time
	waits []time.Duration
}

func (f *fakeClock) policy(p RetryPolicy) RetryPolicy {
	p.Now = func() time.Time { return f.now }
	p.Sleep = func(ctx context.Context, d time.Duration) error {
		f.waits = append(f.waits, d)
		f.now = f.now.Add(d)
		return ctx.Err()
	}
	return p
}

// flakyServer answers each request with the next of its answers (the last one repeats) and counts the attempts.
type flakyServer struct {
	mu       sync.Mutex
	answers  []func(w http.ResponseWriter)
	attempts int
	bodies   []string
}

func (s *flakyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	s.bodies = append(s.bodies, string(body))
	answer := s.answers[min(s.attempts, len(s.answers)-1)]
	s.attempts++
	answer(w)
}

func throttled(status int, retryAfter string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.Header().Set("request-id", "rid-7")
		w.Header().Set("Date", "Mon, 01 Jan 2024 12:00:00 GMT")
		writeError(w, newError(status, "TooManyRequests", "slow down"))
	}
}

func ok(w http.ResponseWriter) { fmt.Fprint(w, `{"id":"done"}`) }

func newFlaky(t *testing.T, answers ...func(w http.ResponseWriter)) (*flakyServer, *Client) {
	s := &flakyServer{answers: answers}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, NewClient(srv.URL, nil)
}

var start = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)

func TestRetryHonoursRetryAfterSeconds(t *testing.T) {
	s, c := newFlaky(t, throttled(429, "2"), throttled(429, "3"), ok)
	clock := &fakeClock{now: start}
	c.Retry = clock.policy(RetryPolicy{})
	var out testEntity
	body := &testEntity{ID: Some("x")}
	// A PUT is idempotent: retried by default, its body sent again each time.
	if err := c.do(context.Background(), &call{method: "PUT", path: "/items/x", body: body, out: &out}, nil); err != nil {
		t.Fatal(err)
	}
	if val(out.ID) != "done" || s.attempts != 3 || fmt.Sprint(clock.waits) != "[2s 3s]" {
		t.Errorf("%d attempts, waits %v, got %q", s.attempts, clock.waits, val(out.ID))
	}
	for i, b := range s.bodies {
		if b != `{"id":"x"}` {
			t.Errorf("attempt %d sent %q", i+1, b)
		}
	}
}

func TestRetryHonoursRetryAfterDate(t *testing.T) {
	// With a Date header, the wait is the difference between the two dates (the service's clock, not ours).
	s, c := newFlaky(t, throttled(503, "Mon, 01 Jan 2024 12:00:07 GMT"), ok)
	clock := &fakeClock{now: start.Add(time.Hour)}
	c.Retry = clock.policy(RetryPolicy{})
	if err := c.do(context.Background(), &call{method: "GET", path: "/items"}, nil); err != nil {
		t.Fatal(err)
	}
	if s.attempts != 2 || fmt.Sprint(clock.waits) != "[7s]" {
		t.Errorf("with Date: %d attempts, waits %v", s.attempts, clock.waits)
	}
	// Without one, the wait is from the injected clock's now.
	noDate := func(w http.ResponseWriter) {
		w.Header()["Date"] = nil
		w.Header().Set("Retry-After", start.Add(90*time.Second).Format(http.TimeFormat))
		w.WriteHeader(429)
	}
	s, c = newFlaky(t, noDate, ok)
	clock = &fakeClock{now: start.Add(30 * time.Second)}
	c.Retry = clock.policy(RetryPolicy{})
	if err := c.do(context.Background(), &call{method: "GET", path: "/items"}, nil); err != nil {
		t.Fatal(err)
	}
	if s.attempts != 2 || fmt.Sprint(clock.waits) != "[1m0s]" {
		t.Errorf("without Date: %d attempts, waits %v", s.attempts, clock.waits)
	}
}

func TestRetryBacksOffWithJitterThenGivesUp(t *testing.T) {
	s, c := newFlaky(t, throttled(504, ""))
	clock := &fakeClock{now: start}
	c.Retry = clock.policy(RetryPolicy{Jitter: func() float64 { return 0.5 }})
	err := c.do(context.Background(), &call{method: "DELETE", path: "/items/x"}, nil)
	// 4 attempts; waits of 1 s, 2 s and 4 s, each cut to 3/4 by the jitter.
	if s.attempts != 4 || fmt.Sprint(clock.waits) != "[750ms 1.5s 3s]" {
		t.Errorf("%d attempts, waits %v", s.attempts, clock.waits)
	}
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 504 || e.Code != "TooManyRequests" || e.Message != "slow down" ||
		e.RequestID != "rid-7" || !e.Date.Equal(start) || !strings.Contains(err.Error(), "after 4 attempts") {
		t.Errorf("error %v: %+v", err, e)
	}
	// The backoff doubles up to MaxDelay; jitter keeps each wait between half of it and all of it.
	p := RetryPolicy{MaxAttempts: 10, BaseDelay: time.Second, MaxDelay: 5 * time.Second, Jitter: func() float64 { return 0.999 }}
	var waits []time.Duration
	for attempt := 1; ; attempt++ {
		d, again := p.wait(attempt, &Error{StatusCode: 429})
		if !again {
			break
		}
		waits = append(waits, d.Round(10*time.Millisecond))
	}
	if fmt.Sprint(waits) != "[1s 2s 4s 5s 5s 5s 5s 5s 5s]" {
		t.Errorf("backoff %v", waits)
	}
	p.Jitter = func() float64 { return 0 }
	if d, _ := p.wait(1, &Error{StatusCode: 429}); d != 500*time.Millisecond {
		t.Errorf("least jitter: %v", d)
	}
}

func TestRetryOnlyWhatThePolicySays(t *testing.T) {
	for _, tc := range []struct {
		name     string
		policy   RetryPolicy
		method   string
		answer   func(w http.ResponseWriter)
		attempts int
	}{
		{"POST is not idempotent", RetryPolicy{}, "POST", throttled(429, "1"), 1},
		{"PATCH is not idempotent", RetryPolicy{}, "PATCH", throttled(503, "1"), 1},
		{"POST when listed", RetryPolicy{Methods: []string{"POST"}}, "POST", throttled(429, "1"), 4},
		{"disabled", RetryPolicy{Disabled: true}, "GET", throttled(429, "1"), 1},
		{"one attempt", RetryPolicy{MaxAttempts: 1}, "GET", throttled(429, "1"), 1},
		{"two attempts", RetryPolicy{MaxAttempts: 2}, "GET", throttled(429, "1"), 2},
		{"500 is not retried", RetryPolicy{}, "GET", throttled(500, "1"), 1},
		{"500 when listed", RetryPolicy{Statuses: []int{500}}, "GET", throttled(500, "1"), 4},
		{"404 is not retried", RetryPolicy{}, "GET", throttled(404, ""), 1},
		{"Retry-After beyond MaxRetryAfter", RetryPolicy{}, "GET", throttled(429, "301"), 1},
		{"Retry-After within MaxRetryAfter", RetryPolicy{MaxRetryAfter: time.Hour}, "GET", throttled(429, "301"), 4},
	} {
		s, c := newFlaky(t, tc.answer)
		c.Retry = (&fakeClock{now: start}).policy(tc.policy)
		err := c.do(context.Background(), &call{method: tc.method, path: "/items", body: &testEntity{}}, nil)
		var e *Error
		if s.attempts != tc.attempts || !errors.As(err, &e) {
			t.Errorf("%s: %d attempts, want %d (%v)", tc.name, s.attempts, tc.attempts, err)
		}
	}
	// A stream that cannot be read again is sent once.
	s, c := newFlaky(t, throttled(503, "1"), ok)
	c.Retry = (&fakeClock{now: start}).policy(RetryPolicy{})
	stream := io.MultiReader(strings.NewReader("content"))
	if err := c.do(context.Background(), &call{method: "PUT", path: "/items/x/content", stream: stream}, nil); err == nil || s.attempts != 1 {
		t.Errorf("stream: %d attempts, %v", s.attempts, err)
	}
	// One that can (a strings.Reader) is sent again, whole.
	s, c = newFlaky(t, throttled(503, "1"), ok)
	c.Retry = (&fakeClock{now: start}).policy(RetryPolicy{})
	if err := c.do(context.Background(), &call{method: "PUT", path: "/items/x/content", stream: strings.NewReader("content")}, nil); err != nil || s.attempts != 2 || strings.Join(s.bodies, ",") != "content,content" {
		t.Errorf("replayable stream: %d attempts, bodies %q, %v", s.attempts, s.bodies, err)
	}
}

func TestRetryIsBoundedByTheContext(t *testing.T) {
	// A wait that would pass the deadline is not begun: the error comes back at once.
	s, c := newFlaky(t, throttled(429, "5"), ok)
	clock := &fakeClock{now: time.Now()}
	c.Retry = clock.policy(RetryPolicy{})
	ctx, cancel := context.WithDeadline(context.Background(), clock.now.Add(4*time.Second))
	defer cancel()
	err := c.do(ctx, &call{method: "GET", path: "/items"}, nil)
	var e *Error
	if s.attempts != 1 || len(clock.waits) != 0 || !errors.As(err, &e) || e.StatusCode != 429 || !strings.Contains(err.Error(), "deadline") {
		t.Errorf("%d attempts, waits %v, %v", s.attempts, clock.waits, err)
	}
	// A context cancelled while waiting ends the retries; the error is both the answer's and the context's.
	s, c = newFlaky(t, throttled(503, "1"), ok)
	ctx, cancel = context.WithCancel(context.Background())
	c.Retry.Sleep = func(context.Context, time.Duration) error { cancel(); return ctx.Err() }
	err = c.do(ctx, &call{method: "GET", path: "/items"}, nil)
	if s.attempts != 1 || !errors.As(err, &e) || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %d attempts, %v", s.attempts, err)
	}
	// The default sleep stops when the context is done.
	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if err := (&RetryPolicy{}).sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("default sleep: %v", err)
	}
}

// A JSON answer of 10 MB where the limit is 1 MB is an error, with or without a Content-Length; without a limit it
// is read whole.
func TestResponseLimit(t *testing.T) {
	const tenMB, oneMB = 10 << 20, 1 << 20
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/sized" {
			w.Header().Set("Content-Length", fmt.Sprint(tenMB+len(`{"id":""}`)))
		}
		io.WriteString(w, `{"id":"`)
		chunk := strings.Repeat("x", 64<<10)
		for i := 0; i < tenMB/len(chunk); i++ {
			if _, err := io.WriteString(w, chunk); err != nil {
				return // the client stopped reading
			}
		}
		io.WriteString(w, `"}`)
	}))
	defer srv.Close()
	c := NewClient(srv.URL, nil)
	c.MaxResponseBytes = oneMB
	for _, path := range []string{"/sized", "/chunked"} {
		var out testEntity
		err := c.do(context.Background(), &call{method: "GET", path: path, out: &out}, nil)
		if !errors.Is(err, ErrResponseTooLarge) || val(out.ID) != "" {
			t.Errorf("%s: %v", path, err)
		}
	}
	c.MaxResponseBytes = -1
	var out testEntity
	if err := c.do(context.Background(), &call{method: "GET", path: "/chunked", out: &out}, nil); err != nil || len(val(out.ID)) != tenMB {
		t.Errorf("without a limit: %d bytes, %v", len(val(out.ID)), err)
	}
}

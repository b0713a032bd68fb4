package support

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"time"
)

// RetryPolicy says which answers the client sends a request again for, and how long it waits before it does. Its
// zero value is the default: up to 4 attempts of a GET, HEAD, PUT, DELETE or OPTIONS answered 429, 503 or 504,
// waiting what Retry-After says, else an exponential backoff with jitter (0.5–1 s, 1–2 s, 2–4 s, at most 30 s).
// No wait ever passes the context's deadline: when the next one would, the client returns the last error at once.
type RetryPolicy struct {
	// Disabled turns retries off: every answer is returned as it comes.
	Disabled bool
	// MaxAttempts counts the first attempt too; 0 means 4, and 1 retries nothing.
	MaxAttempts int
	// BaseDelay is the backoff before the first retry when the answer has no Retry-After, doubled for each
	// further one up to MaxDelay; the wait is between half of it and all of it (jitter, so that clients throttled
	// together do not come back together). 0 means 1 second and 30 seconds.
	BaseDelay, MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits for; a longer one is returned as the error. 0
	// means 5 minutes.
	MaxRetryAfter time.Duration
	// Statuses are the answers worth another attempt; nil means 429, 503 and 504.
	Statuses []int
	// Methods are the methods retried; nil means the idempotent ones: GET, HEAD, PUT, DELETE and OPTIONS. A POST
	// or PATCH may have taken effect before its answer was lost, so it is retried only when listed here.
	Methods []string

	// Sleep waits for d or until ctx is done (returning its error); nil means a timer. Now is the clock a
	// Retry-After date without a Date header and the context's deadline are compared with; nil means time.Now.
	// Jitter returns a number in [0, 1); nil means math/rand/v2. Tests set all three to see the waits without
	// waiting.
	Sleep  func(ctx context.Context, d time.Duration) error
	Now    func() time.Time
	Jitter func() float64
}

// DefaultRetryStatuses are the answers retried when RetryPolicy.Statuses is nil.
var DefaultRetryStatuses = []int{http.StatusTooManyRequests, http.StatusServiceUnavailable, http.StatusGatewayTimeout}

// DefaultRetryMethods are the methods retried when RetryPolicy.Methods is nil: the idempotent ones.
var DefaultRetryMethods = []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions}

func (p *RetryPolicy) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *RetryPolicy) sleep(ctx context.Context, d time.Duration) error {
	if p.Sleep != nil {
		return p.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retries reports whether a request of method may be sent again at all.
func (p *RetryPolicy) retries(method string) bool {
	if p.Disabled || p.MaxAttempts == 1 {
		return false
	}
	methods := p.Methods
	if methods == nil {
		methods = DefaultRetryMethods
	}
	return slices.Contains(methods, method)
}

// wait is how long to wait before attempt+1 after e answered attempt, and false when there is no further attempt.
func (p *RetryPolicy) wait(attempt int, e *Error) (time.Duration, bool) {
	maxAttempts := orDefault(p.MaxAttempts, 4)
	statuses := p.Statuses
	if statuses == nil {
		statuses = DefaultRetryStatuses
	}
	if attempt >= maxAttempts || !slices.Contains(statuses, e.StatusCode) {
		return 0, false
	}
	if e.RetryAfter > 0 {
		return e.RetryAfter, e.RetryAfter <= orDefault(p.MaxRetryAfter, 5*time.Minute)
	}
	base, most := orDefault(p.BaseDelay, time.Second), orDefault(p.MaxDelay, 30*time.Second)
	d := most
	if shift := attempt - 1; shift < 32 && base<<shift > 0 && base<<shift < most {
		d = base << shift
	}
	jitter := rand.Float64
	if p.Jitter != nil {
		jitter = p.Jitter
	}
	return d/2 + time.Duration(jitter()*float64(d/2)), true
}

// orDefault is v, or def when v is zero or less.
func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// sendWithRetries sends req, and sends it again as the client's RetryPolicy says while the answer is one worth
// another attempt. It returns a 2xx answer, or the last answer's *Error.
func (c *Client) sendWithRetries(ctx context.Context, hc *http.Client, req *http.Request) (*http.Response, error) {
	p := &c.Retry
	// A body that cannot be read again (a stream without GetBody) is sent once.
	retry := p.retries(req.Method) && (req.Body == nil || req.Body == http.NoBody || req.GetBody != nil)
	for attempt := 1; ; attempt++ {
		resp, err := hc.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode/100 == 2 {
			return resp, nil
		}
		e := readError(resp, p.now)
		resp.Body.Close()
		if !retry {
			return nil, e
		}
		d, ok := p.wait(attempt, e)
		if !ok && attempt > 1 {
			return nil, fmt.Errorf("%w (after %d attempts)", e, attempt)
		}
		if !ok {
			return nil, e
		}
		if deadline, has := ctx.Deadline(); has && p.now().Add(d).After(deadline) {
			return nil, fmt.Errorf("%w (attempt %d; not retried: waiting %v would pass the context's deadline)", e, attempt, d)
		}
		if err := p.sleep(ctx, d); err != nil {
			return nil, fmt.Errorf("%w (attempt %d; waiting %v to retry: %w)", e, attempt, d, err)
		}
		next := req.Clone(ctx)
		if req.GetBody != nil {
			if next.Body, err = req.GetBody(); err != nil {
				return nil, fmt.Errorf("%w (attempt %d; reading the body again: %w)", e, attempt, err)
			}
		}
		req = next
	}
}

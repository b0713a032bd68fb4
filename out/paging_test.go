package out_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/out"
)

// pagedUsers serves UserList in pages, as Graph does: $top is the page size, and each page but the last links to
// the next with an absolute nextLink carrying $top and a $skiptoken.
type pagedUsers struct {
	out.Unimplemented
	total int
	calls atomic.Int64
	// throttle answers UserGet 429 with Retry-After this many times before it answers.
	throttle atomic.Int64
}

func (s *pagedUsers) ListUsers(ctx context.Context) (*out.Collection[*out.User], error) {
	s.calls.Add(1)
	r := out.RequestFromContext(ctx)
	q := r.URL.Query()
	size, _ := strconv.Atoi(q.Get("$top"))
	if size <= 0 {
		size = 100
	}
	from, _ := strconv.Atoi(q.Get("$skiptoken"))
	page := &out.Collection[*out.User]{Value: []*out.User{}}
	for i := from; i < min(from+size, s.total); i++ {
		u := &out.User{DisplayName: out.Some(fmt.Sprintf("user %d", i+1))}
		page.Value = append(page.Value, u)
	}
	if from+size < s.total {
		page.NextLink = fmt.Sprintf("http://%s/v1.0/users?$top=%d&$skiptoken=%d", r.Host, size, from+size)
	}
	return page, nil
}

func (s *pagedUsers) GetUser(ctx context.Context, userID string) (*out.User, error) {
	if s.throttle.Add(-1) >= 0 {
		return nil, &out.Error{StatusCode: http.StatusTooManyRequests, Code: "TooManyRequests", Message: "slow down", RetryAfter: 2 * time.Second}
	}
	u := &out.User{DisplayName: out.Some("Adele Vance")}
	u.ID = out.Some(userID)
	return u, nil
}

// TestListUsersAllPagesThroughTheHandler follows the nextLinks of the generated handler through the generated
// client's iterator: every item once, in order, one request a page.
func TestListUsersAllPagesThroughTheHandler(t *testing.T) {
	s := &pagedUsers{total: 7}
	c, rec, _ := harness(t, s)
	var names []string
	for u, err := range c.ListUsersAll(context.Background(), out.WithPageSize(2)) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, u.DisplayName.Value)
	}
	if strings.Join(names, ",") != "user 1,user 2,user 3,user 4,user 5,user 6,user 7" {
		t.Errorf("items %v", names)
	}
	var sent []string
	for _, x := range rec.take() {
		sent = append(sent, x.path)
	}
	if len(sent) != 4 || s.calls.Load() != 4 {
		t.Errorf("%d requests %v, %d calls", len(sent), sent, s.calls.Load())
	}
	// Breaking sends nothing more; WithMaxPages stops after its pages.
	s.calls.Store(0)
	for range c.ListUsersAll(context.Background(), out.WithPageSize(2)) {
		break
	}
	n := 0
	for _, err := range c.ListUsersAll(context.Background(), out.WithPageSize(2), out.WithMaxPages(2)) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if s.calls.Load() != 3 || n != 4 {
		t.Errorf("break then 2 pages: %d calls, %d items", s.calls.Load(), n)
	}
}

// TestRetriesThroughTheHandler: a Server method that answers 429 with RetryAfter is waited out by the client, with
// the clock injected.
func TestRetriesThroughTheHandler(t *testing.T) {
	s := &pagedUsers{}
	s.throttle.Store(2)
	c, rec, _ := harness(t, s)
	var waits []time.Duration
	c.Retry.Sleep = func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	u, err := c.GetUser(context.Background(), "u1")
	if err != nil || u.ID.Value != "u1" || len(rec.take()) != 3 || fmt.Sprint(waits) != "[2s 2s]" {
		t.Errorf("%v, %v, waits %v", u, err, waits)
	}
}

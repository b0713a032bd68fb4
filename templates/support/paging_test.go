package support

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// pagedServer answers GET /items with pages of the ids 1..total, size $top (default 2), linking each page to the
// next with an absolute nextLink (base + link); the last page of /items/delta() carries a deltaLink. It records the
// request URIs and headers it saw.
type pagedServer struct {
	total int
	link  string // the nextLink's prefix, "" for the server's own URL
	mu    sync.Mutex
	seen  []*http.Request
	srv   *httptest.Server
}

func newPagedServer(t *testing.T, total int) *pagedServer {
	s := &pagedServer{total: total}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *pagedServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.seen = append(s.seen, r)
	s.mu.Unlock()
	q := r.URL.Query()
	size, _ := strconv.Atoi(q.Get("$top"))
	if size <= 0 {
		size = 2
	}
	from, _ := strconv.Atoi(q.Get("$skiptoken"))
	if q.Get("$deltatoken") != "" {
		from = s.total // a new round: nothing changed since
	}
	var ids []string
	for i := from; i < min(from+size, s.total); i++ {
		ids = append(ids, fmt.Sprintf(`{"id":"%d"}`, i+1))
	}
	page := `{"value":[` + strings.Join(ids, ",") + `]`
	if from+size < s.total {
		prefix := s.link
		if prefix == "" {
			prefix = "http://" + r.Host
		}
		page += fmt.Sprintf(`,"@odata.nextLink":"%s%s?$top=%d&$skiptoken=%d"`, prefix, r.URL.Path, size, from+size)
	} else if strings.HasSuffix(r.URL.Path, "/delta()") {
		page += `,"@odata.deltaLink":"http://` + r.Host + r.URL.Path + `?$deltatoken=d1"`
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, page+"}")
}

func (s *pagedServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var uris []string
	for _, r := range s.seen {
		uris = append(uris, r.URL.RequestURI())
	}
	s.seen = nil
	return uris
}

func collect[T any](seq func(func(T, error) bool)) (got []T, err error) {
	for v, e := range seq {
		if e != nil {
			return got, e
		}
		got = append(got, v)
	}
	return got, nil
}

func ids(items []*testEntity) string {
	var s []string
	for _, it := range items {
		s = append(s, val(it.ID))
	}
	return strings.Join(s, ",")
}

func TestAllFollowsNextLinks(t *testing.T) {
	s := newPagedServer(t, 7)
	c := NewClient(s.srv.URL, nil)
	first := &call{method: "GET", path: "/items"}
	items, err := collect(allItems[*testEntity](context.Background(), c, first, nil, []RequestOption{WithHeader("ConsistencyLevel", "eventual")}))
	if err != nil || ids(items) != "1,2,3,4,5,6,7" {
		t.Fatalf("items %s, %v", ids(items), err)
	}
	if got := strings.Join(s.requests(), " "); got != "/items /items?$top=2&$skiptoken=2 /items?$top=2&$skiptoken=4 /items?$top=2&$skiptoken=6" {
		t.Errorf("requests: %s", got)
	}
	// Options' headers go with every page; their query only with the first (the link carries it onward).
	items, err = collect(allItems[*testEntity](context.Background(), c, first, nil, []RequestOption{WithPageSize(3), WithQuery("$select", "id"), WithHeader("ConsistencyLevel", "eventual")}))
	if err != nil || ids(items) != "1,2,3,4,5,6,7" {
		t.Fatalf("page size 3: %s, %v", ids(items), err)
	}
	s.mu.Lock()
	for _, r := range s.seen {
		if r.Header.Get("ConsistencyLevel") != "eventual" {
			t.Errorf("%s without the option's header", r.URL)
		}
	}
	s.mu.Unlock()
	if got := strings.Join(s.requests(), " "); got != "/items?$select=id&$top=3 /items?$top=3&$skiptoken=3 /items?$top=3&$skiptoken=6" {
		t.Errorf("requests with page size 3: %s", got)
	}
	items, err = collect(allItems[*testEntity](context.Background(), c, first, nil, []RequestOption{WithMaxPages(2)}))
	if err != nil || ids(items) != "1,2,3,4" || len(s.requests()) != 2 {
		t.Errorf("at most 2 pages: %s, %v", ids(items), err)
	}
}

func TestAllStopsWhenTheCallerBreaks(t *testing.T) {
	s := newPagedServer(t, 7)
	c := NewClient(s.srv.URL, nil)
	var got []string
	for it, err := range allItems[*testEntity](context.Background(), c, &call{method: "GET", path: "/items"}, nil, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, val(it.ID))
		if len(got) == 3 { // the first item of the second page
			break
		}
	}
	if reqs := s.requests(); strings.Join(got, ",") != "1,2,3" || len(reqs) != 2 {
		t.Errorf("items %v after %d requests %v", got, len(reqs), reqs)
	}
}

func TestAllRefusesAForeignNextLink(t *testing.T) {
	evil := newPagedServer(t, 7)
	for _, prefix := range []string{evil.srv.URL, "https://" + strings.TrimPrefix(evil.srv.URL, "http://"), "http://user:pw@" + strings.TrimPrefix(evil.srv.URL, "http://")} {
		s := newPagedServer(t, 7)
		s.link = prefix
		c := NewClient(s.srv.URL, nil)
		items, err := collect(allItems[*testEntity](context.Background(), c, &call{method: "GET", path: "/items"}, nil, []RequestOption{WithHeader("Authorization", "Bearer secret")}))
		if !errors.Is(err, ErrForeignLink) || ids(items) != "1,2" || len(s.requests()) != 1 {
			t.Errorf("nextLink %s: items %s, %v", prefix, ids(items), err)
		}
	}
	if reqs := evil.requests(); len(reqs) != 0 {
		t.Errorf("the other host got %v", reqs)
	}
	// A relative nextLink stays on the client's host.
	s := newPagedServer(t, 3)
	c := NewClient(s.srv.URL, nil)
	if _, err := c.followLink("/items?$skiptoken=2", "nextLink"); err != nil {
		t.Errorf("relative link: %v", err)
	}
	if _, err := c.followLink("HTTP://"+strings.ToUpper(strings.TrimPrefix(s.srv.URL, "http://"))+"/x", "nextLink"); err != nil {
		t.Errorf("same host in capitals: %v", err)
	}
}

func TestAllRefusesANextLinkToItself(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"value":[{"id":"x"}],"@odata.nextLink":"http://%s/loop?$skiptoken=1"}`, r.Host)
	}))
	defer srv.Close()
	items, err := collect(allItems[*testEntity](context.Background(), NewClient(srv.URL, nil), &call{method: "GET", path: "/loop"}, nil, nil))
	if err == nil || !strings.Contains(err.Error(), "the page itself") || len(items) != 2 {
		t.Errorf("%d items, %v", len(items), err)
	}
}

func TestDeltaLinkEndsARoundAndStartsTheNext(t *testing.T) {
	s := newPagedServer(t, 5)
	c := NewClient(s.srv.URL, nil)
	var delta string
	first := &call{method: "GET", path: "/items/delta()"}
	items, err := collect(allItems[*testEntity](context.Background(), c, first, &delta, nil))
	if err != nil || ids(items) != "1,2,3,4,5" || delta != s.srv.URL+"/items/delta()?$deltatoken=d1" {
		t.Fatalf("first round: %s, %v, deltaLink %q", ids(items), err, delta)
	}
	s.requests()
	items, err = collect(allItems[*testEntity](context.Background(), c, first, &delta, []RequestOption{WithQuery("$select", "id")}))
	if reqs := s.requests(); err != nil || len(items) != 0 || len(reqs) != 1 || reqs[0] != "/items/delta()?$deltatoken=d1" {
		t.Errorf("second round: %s, %v, requests %v", ids(items), err, reqs)
	}
	// A stored deltaLink to another host is refused too.
	delta = "https://elsewhere.example/items/delta()?$deltatoken=d1"
	if _, err := collect(allItems[*testEntity](context.Background(), c, first, &delta, nil)); !errors.Is(err, ErrForeignLink) || len(s.requests()) != 0 {
		t.Errorf("foreign deltaLink: %v", err)
	}
}

func TestAllYieldsTheErrorLast(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("$skiptoken") != "" {
			writeError(w, newError(http.StatusForbidden, "Authorization_RequestDenied", "no"))
			return
		}
		fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":"http://%s/items?$skiptoken=1"}`, r.Host)
	}))
	defer srv.Close()
	var got []string
	var errs []error
	for it, err := range allItems[*testEntity](context.Background(), NewClient(srv.URL, nil), &call{method: "GET", path: "/items"}, nil, nil) {
		if err != nil {
			errs = append(errs, err)
			continue // the iterator stops by itself after an error
		}
		got = append(got, val(it.ID))
	}
	var e *Error
	if len(got) != 1 || len(errs) != 1 || !errors.As(errs[0], &e) || e.StatusCode != 403 {
		t.Errorf("items %v, errors %v", got, errs)
	}
}

func TestQuerySpacesAreEncodedAsPercent20(t *testing.T) {
	var raw []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw = append(raw, r.URL.RawQuery)
		fmt.Fprint(w, `{"value":[]}`)
	}))
	defer srv.Close()
	c := NewClient(srv.URL, nil)
	opts := []RequestOption{WithQuery("$filter", "startswith(displayName,'a b+c')")}
	var out Collection[*testEntity]
	if err := c.do(context.Background(), &call{method: "GET", path: "/items", query: map[string][]string{"$search": {`"x y"`}}, out: &out}, opts); err != nil {
		t.Fatal(err)
	}
	want := "$filter=startswith(displayName,'a%20b%2Bc')&$search=%22x%20y%22"
	if len(raw) != 1 || raw[0] != want {
		t.Errorf("query %q, want %q", raw, want)
	}
}

package support

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ErrForeignLink is wrapped by the error an All method yields, without sending anything, when a nextLink or
// deltaLink points to another scheme or host than Client.BaseURL: the answer is not trusted to send the request,
// and the credentials the HTTP client adds, elsewhere.
var ErrForeignLink = errors.New("the link leaves the client's BaseURL host")

// WithPageSize asks for pages of n items: $top=n on an All method's first request, which the service carries into
// its nextLinks. n ≤ 0 leaves the page size to the service.
func WithPageSize(n int) RequestOption {
	return func(r *http.Request) {
		if n <= 0 {
			return
		}
		q := r.URL.Query()
		q.Set("$top", strconv.Itoa(n))
		r.URL.RawQuery = encodeQuery(q)
	}
}

// WithMaxPages makes an All method stop after n pages, without following the last page's nextLink; n ≤ 0 means no
// limit. Other methods ignore it.
func WithMaxPages(n int) RequestOption {
	return func(r *http.Request) {
		if s, ok := r.Context().Value(pagingKey{}).(*paging); ok {
			s.maxPages = n
		}
	}
}

// pagingKey is the context key of an All method's settings, which options set as they are applied to a request.
type pagingKey struct{}

type paging struct{ maxPages int }

// allItems is the iterator an All method returns: it sends first, yields the items of its answer, and follows
// @odata.nextLink with a GET until a page has none, the page limit is reached, a request fails (the error is yielded
// once, last) or the caller breaks (nothing more is sent). Options apply to every request, but on a followed link
// only their header changes: the link carries the query. With deltaLink set, a delta function's round starts from
// *deltaLink when it is not empty, and *deltaLink is set to the @odata.deltaLink of the last page, where the next
// round starts. The loop is pages', which is not generic: a package has an All method for every collection
// answer, and only this little is compiled for each element type (once for each shape: not inlined into each All
// method, which would compile its closures again in every one).
//
//go:noinline
func allItems[T any](ctx context.Context, c *Client, first *call, deltaLink *string, opts []RequestOption) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var page Collection[T]
		err := c.pages(ctx, first, deltaLink, opts, &page, func() (next, delta string, more bool) {
			for _, v := range page.Value {
				if !yield(v, nil) {
					return "", "", false
				}
			}
			next, delta = page.NextLink, page.DeltaLink
			page = Collection[T]{}
			return next, delta, true
		})
		if err != nil {
			var zero T
			yield(zero, err)
		}
	}
}

// pages sends first, decoding each page into page, and calls read after each to yield its items and get its links;
// it follows the nextLinks until read returns more false, a page has no nextLink or the page limit is reached. It
// returns the error that ended it, if any.
func (c *Client) pages(ctx context.Context, first *call, deltaLink *string, opts []RequestOption, page any,
	read func() (next, delta string, more bool)) error {
	settings := &paging{}
	ctx = context.WithValue(ctx, pagingKey{}, settings)
	k := *first
	if deltaLink != nil && *deltaLink != "" {
		link, err := c.followLink(*deltaLink, "deltaLink")
		if err != nil {
			return err
		}
		k = call{method: http.MethodGet, path: link.EscapedPath(), link: link}
	}
	for pages := 1; ; pages++ {
		k.out = page
		if err := c.do(ctx, &k, opts); err != nil {
			return err
		}
		next, delta, more := read()
		switch {
		case !more:
			return nil
		case next == "":
			if deltaLink != nil && delta != "" {
				*deltaLink = delta
			}
			return nil
		case settings.maxPages > 0 && pages >= settings.maxPages:
			return nil
		}
		link, err := c.followLink(next, "nextLink")
		if err != nil {
			return err
		}
		if k.link != nil && link.String() == k.link.String() {
			return fmt.Errorf("GET %s: the nextLink is the page itself", k.path)
		}
		k = call{method: http.MethodGet, path: link.EscapedPath(), link: link}
	}
}

// followLink resolves a link the service gave against BaseURL and refuses one to another scheme or host, or with
// user information.
func (c *Client) followLink(raw, what string) (*url.URL, error) {
	base, err := url.Parse(strings.TrimRight(c.BaseURL, "/") + "/")
	if err != nil {
		return nil, fmt.Errorf("the client's BaseURL: %w", err)
	}
	link, err := base.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("the %s %.200q: %w", what, raw, err)
	}
	if !strings.EqualFold(link.Scheme, base.Scheme) || hostKey(link) != hostKey(base) || link.User != nil {
		return nil, fmt.Errorf("the %s %.200q: %w %s", what, raw, ErrForeignLink, base.Host)
	}
	return link, nil
}

// hostKey is a URL's host in lower case with the scheme's default port.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	return strings.ToLower(u.Hostname()) + ":" + port
}

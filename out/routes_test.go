// This file is written by hand, not generated: routes (issue 12) through the package's exported API.

package out_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"

	"github.com/graphdocgen/graphdocgen/out"
)

// routeServer records the Route of each call of ListAuthenticationMethods.
type routeServer struct {
	out.Unimplemented
	mu     sync.Mutex
	args   []string
	routes []out.Route
}

func (s *routeServer) ListAuthenticationMethods(ctx context.Context, userID string) (*out.Collection[out.AnyAuthenticationMethod], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.args = append(s.args, userID)
	s.routes = append(s.routes, out.RouteFromContext(ctx))
	return &out.Collection[out.AnyAuthenticationMethod]{}, nil
}

// TestPathVariantsAndQueryOptions calls both documented paths of authentication-list-methods: the client has a
// method for each (ListAuthenticationMethods for /users/{id}/…, ListAuthenticationMethodsAtMe for /me/…), the
// server one method for both, which tells them apart by RouteFromContext and gets the parsed query options.
func TestPathVariantsAndQueryOptions(t *testing.T) {
	s := &routeServer{}
	srv := httptest.NewServer(out.NewHandler(s))
	defer srv.Close()
	c := out.NewClient(srv.URL, srv.Client())
	ctx := context.Background()
	if _, err := c.ListAuthenticationMethods(ctx, "u1", out.WithQuery("$top", "5"), out.WithQuery("$count", "true")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListAuthenticationMethodsAtMe(ctx, out.WithQuery("$select", "id,phoneNumber"),
		out.WithQuery("$expand", "members($select=id,displayName),manager"), out.WithQuery("$filter", "phoneType eq 'mobile'")); err != nil {
		t.Fatal(err)
	}
	five := 5
	want := []out.Route{
		{Method: "GET", Pattern: "/users/{id}/authentication/methods", Params: map[string]string{"id": "u1"},
			Query: out.QueryOptions{Top: &five, Count: true}},
		{Method: "GET", Pattern: "/me/authentication/methods", Params: map[string]string{},
			Query: out.QueryOptions{Select: []string{"id", "phoneNumber"}, Expand: []string{"members($select=id,displayName)", "manager"},
				Filter: "phoneType eq 'mobile'"}},
	}
	if !reflect.DeepEqual(s.routes, want) {
		t.Errorf("the server got routes\n %+v\nwant\n %+v", s.routes, want)
	}
	if !reflect.DeepEqual(s.args, []string{"u1", ""}) {
		t.Errorf("the server got user IDs %q; at /me the argument is empty", s.args)
	}
}

// TestQueryOptionsParse reads the options with or without $, in any case, and leaves a value that does not parse
// unset.
func TestQueryOptionsParse(t *testing.T) {
	r := httptest.NewRequest(http.MethodGet, "/users?select=id&$TOP=ten&$skip=20&$orderby=displayName%20desc,id&$search=%22a,b%22", nil)
	twenty := 20
	want := out.QueryOptions{Select: []string{"id"}, Skip: &twenty, OrderBy: []string{"displayName desc", "id"}, Search: `"a,b"`}
	if got := out.ParseQueryOptions(r); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := out.RouteFromContext(context.Background()); !reflect.DeepEqual(got, out.Route{}) {
		t.Errorf("outside a call: %+v", got)
	}
}

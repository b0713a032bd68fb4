// Written by hand, not generated: the typed query options of docs-input's pages, from the Client through
// NewHandler to the Server method.
package out_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/graphdocgen/graphdocgen/out"
)

// queryServer records what the handler saw of each call: the raw query, ConsistencyLevel and the typed options.
type queryServer struct {
	out.Unimplemented
	rawQuery, consistency string
	query                 out.ListUsersQuery
}

func (s *queryServer) ListUsers(ctx context.Context) (*out.Collection[*out.User], error) {
	r := out.RequestFromContext(ctx)
	s.rawQuery, s.consistency = r.URL.RawQuery, r.Header.Get("ConsistencyLevel")
	s.query = out.ListUsersQueryFromContext(ctx)
	return &out.Collection[*out.User]{}, nil
}

func (s *queryServer) CountGroupMembers(ctx context.Context, groupID string) (int64, error) {
	s.consistency = out.RequestFromContext(ctx).Header.Get("ConsistencyLevel")
	return 3, nil
}

// TestTypedQueryOptions: user-list.md documents $filter, $select and $top, and ConsistencyLevel for $count; the
// handler sees them encoded as the service expects (%20 for a space, not +; comma-joined $select; $ and quotes as
// written), in the order of the struct's fields, and the Server method reads them back typed.
func TestTypedQueryOptions(t *testing.T) {
	s := &queryServer{}
	c, _, _ := harness(t, s)
	ctx := context.Background()
	q := out.ListUsersQuery{Select: []string{"id", "displayName"}, Filter: "startswith(displayName,'Adele V')", Top: 5}
	if _, err := c.ListUsers(ctx, q.Option()); err != nil {
		t.Fatal(err)
	}
	if want := "$select=id,displayName&$filter=startswith(displayName,'Adele%20V')&$top=5"; s.rawQuery != want {
		t.Errorf("the handler saw ?%s\nwant ?%s", s.rawQuery, want)
	}
	if s.consistency != "" {
		t.Errorf("ConsistencyLevel %q without $count or Eventual", s.consistency)
	}
	if !reflect.DeepEqual(s.query, q) {
		t.Errorf("the Server method read %+v, want %+v", s.query, q)
	}

	// $count sends ConsistencyLevel: eventual (the page says $count needs it); unset options are not sent; the
	// escape hatch encodes as the typed options do.
	if _, err := c.ListUsers(ctx, out.ListUsersQuery{Count: true}.Option(), out.WithQueryParam("$search", `"displayName:a b"`)); err != nil {
		t.Fatal(err)
	}
	if want := `$count=true&$search=%22displayName:a%20b%22`; s.rawQuery != want {
		t.Errorf("the handler saw ?%s\nwant ?%s", s.rawQuery, want)
	}
	if s.consistency != "eventual" || !s.query.Count || !s.query.Eventual || s.query.Top != 0 || s.query.Select != nil {
		t.Errorf("ConsistencyLevel %q, typed %+v", s.consistency, s.query)
	}

	// Eventual alone sends the header and no option.
	if _, err := c.ListUsers(ctx, out.ListUsersQuery{Eventual: true}.Option()); err != nil {
		t.Fatal(err)
	}
	if s.rawQuery != "" || s.consistency != "eventual" {
		t.Errorf("Eventual: ?%s, ConsistencyLevel %q", s.rawQuery, s.consistency)
	}
}

// TestConsistencyLevelRequired: group-list-members-count.md says "ConsistencyLevel | eventual. Required.": every
// call sends it, and a caller's own header still wins.
func TestConsistencyLevelRequired(t *testing.T) {
	s := &queryServer{}
	c, _, _ := harness(t, s)
	n, err := c.CountGroupMembers(context.Background(), "g1")
	if err != nil || n != 3 {
		t.Fatalf("count %d, %v", n, err)
	}
	if s.consistency != "eventual" {
		t.Errorf("ConsistencyLevel %q", s.consistency)
	}
	if _, err := c.CountGroupMembers(context.Background(), "g1", out.WithHeader("ConsistencyLevel", "session")); err != nil {
		t.Fatal(err)
	}
	if s.consistency != "session" {
		t.Errorf("the caller's ConsistencyLevel lost: %q", s.consistency)
	}
}

// TestQueryFromContextOutsideHandler: the reader is safe where there is no call.
func TestQueryFromContextOutsideHandler(t *testing.T) {
	if q := out.ListUsersQueryFromContext(context.Background()); !reflect.DeepEqual(q, out.ListUsersQuery{}) {
		t.Errorf("%+v", q)
	}
	var _ http.Handler = out.NewHandler(&queryServer{})
}

package support

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
)

// TestMostSpecificRouteWins registers, in the order that used to shadow them, routes of which one spells out more
// of a path than another that also matches it: each request must land in the route that spells out most, whether
// ServeMux or the fallback holds the other (the v1.0 docs' /drives/root:/{path}:/content beside root:/{path}, and
// /directoryRoles/roleTemplateId={id} beside /directoryRoles/{id}).
func TestMostSpecificRouteWins(t *testing.T) {
	rt := newRouter(nil)
	var got []string
	rt.landed = func(operation, pattern string) { got = append(got, operation+" "+pattern) }
	var route Route
	var id string
	h := func(w http.ResponseWriter, r *http.Request, op *operation) {
		route, id = RouteFromContext(rt.context(r)), r.PathValue("id")
	}
	rt.handle("ItemGet", "GET", h, "/me/drive/root:/{path...}", "/directoryRoles/{id}")
	rt.handle("ContentGet", "GET", h, "/me/drive/root:/{path...}:/content")
	rt.handle("RoleByTemplate", "GET", h, "/directoryRoles/roleTemplateId={roleTemplateId}")
	for _, c := range []struct{ target, want string }{
		{"/me/drive/root:/a/b.txt", "ItemGet /me/drive/root:/{path...}"},
		{"/me/drive/root:/a/b.txt:/content", "ContentGet /me/drive/root:/{path...}:/content"},
		{"/directoryRoles/r1", "ItemGet /directoryRoles/{id}"},
		{"/directoryRoles/roleTemplateId=t1", "RoleByTemplate /directoryRoles/roleTemplateId={roleTemplateId}"},
	} {
		got = nil
		rt.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", c.target+"?$select=id", nil))
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s landed in %v, want %s", c.target, got, c.want)
		}
	}
	want := Route{Method: "GET", Pattern: "/directoryRoles/roleTemplateId={roleTemplateId}",
		Params: map[string]string{"roleTemplateId": "t1"}, Query: QueryOptions{Select: []string{"id"}}}
	if !reflect.DeepEqual(route, want) || id != "" {
		t.Errorf("the method got %+v and id %q, want %+v and no id (the value ServeMux's /directoryRoles/{id} matched)", route, id, want)
	}
	if r := RouteFromContext(context.Background()); r.Pattern != "" || r.Params != nil {
		t.Errorf("outside a call: %+v", r)
	}
}

package mock

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

func docsInput(t testing.TB) *model.Model {
	t.Helper()
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func do(t *testing.T, h http.Handler, method, target, contentType, body string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body == "" {
		req = httptest.NewRequest(method, target, nil)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	data, _ := io.ReadAll(res.Body)
	return res, data
}

// odataError reads an OData error body and fails unless it has the shape the generated handler gives.
func odataError(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Error struct {
			Code, Message string
			InnerError    map[string]string `json:"innerError"`
		} `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" ||
		len(e.Error.InnerError["request-id"]) != 36 || e.Error.InnerError["date"] == "" {
		t.Fatalf("not an OData error with innerError: %s (%v)", body, err)
	}
	return e.Error.Code
}

func TestBadRequestsGetODataErrors(t *testing.T) {
	mk := New(docsInput(t), Options{MaxBodyBytes: 1024})
	const phones = "/v1.0/users/u1/authentication/phoneMethods"
	tests := []struct {
		name, method, target, contentType, body string
		status                                  int
		code                                    string
	}{
		{"unknown route", "GET", "/v1.0/nothing/here", "", "", 404, "notFound"},
		{"wrong method", "PUT", "/users", "", "", 405, "methodNotAllowed"},
		{"invalid JSON", "POST", phones, "application/json", `{"phoneNumber":`, 400, "badRequest"},
		{"member not of the type", "POST", phones, "application/json", `{"phoneNumber":"+1 2065555555","phoneType":"mobile","bogus":1}`, 400, "badRequest"},
		{"wrong JSON kind", "POST", phones, "application/json", `{"phoneNumber":5,"phoneType":"mobile"}`, 400, "badRequest"},
		{"undocumented enum value", "POST", phones, "application/json", `{"phoneNumber":"+1","phoneType":"pager"}`, 400, "badRequest"},
		{"not an object", "POST", phones, "application/json", `[1,2]`, 400, "badRequest"},
		{"too deep", "POST", phones, "application/json", strings.Repeat("[", 100) + strings.Repeat("]", 100), 400, "badRequest"},
		{"too large", "POST", phones, "application/json", `{"phoneNumber":"` + strings.Repeat("1", 2000) + `"}`, 413, "requestEntityTooLarge"},
		{"not JSON", "POST", phones, "application/xml", `<a/>`, 415, "unsupportedMediaType"},
		{"missing required parameter", "POST", "/users/u1/changePassword", "application/json", `{"currentPassword":"a"}`, 400, "badRequest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, mk, tt.method, tt.target, tt.contentType, tt.body)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", res.StatusCode, tt.status, body)
			}
			if code := odataError(t, body); code != tt.code {
				t.Errorf("code %q, want %q", code, tt.code)
			}
			if tt.status == 405 && res.Header.Get("Allow") == "" {
				t.Error("405 without Allow")
			}
		})
	}
	// The documented request itself is answered with the documented response.
	res, body := do(t, mk, "POST", phones, "application/json", `{"phoneNumber":"+1 2065555555","phoneType":"mobile"}`)
	if res.StatusCode != http.StatusCreated || !bytes.Contains(body, []byte(`"phoneType":"mobile"`)) {
		t.Errorf("documented request: %d %s", res.StatusCode, body)
	}
}

// TestBestExampleAndPrefixes: the version prefix is optional, HEAD is GET without a body, and a query the example
// shows picks that example.
func TestBestExampleAndPrefixes(t *testing.T) {
	mk := New(docsInput(t), Options{})
	for _, target := range []string{"/v1.0/users/87d349ed", "/beta/users/87d349ed", "/users/87d349ed/"} {
		res, body := do(t, mk, "GET", target, "", "")
		if res.StatusCode != 200 || !bytes.Contains(body, []byte(`"displayName":"Adele Vance"`)) {
			t.Errorf("GET %s: %d %s", target, res.StatusCode, body)
		}
	}
	res, body := do(t, mk, "HEAD", "/users/87d349ed", "", "")
	if res.StatusCode != 200 || len(body) != 0 || res.Header.Get("Content-Length") == "" {
		t.Errorf("HEAD: %d %q %v", res.StatusCode, body, res.Header)
	}
}

// TestAnswerBuiltFromType: a route whose pages show no response answers a value of the documented type that the
// mock's own body check accepts as that type.
func TestAnswerBuiltFromType(t *testing.T) {
	m := docsInput(t)
	get := m.Operation("api/user-get")
	list := m.Operation("api/user-list")
	get.Examples, list.Examples = nil, nil
	mk := New(m, Options{})
	s := mk.state.Load()

	res, body := do(t, mk, "GET", "/users/x", "", "")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET /users/x: %d %s", res.StatusCode, body)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatal(err)
	}
	user := *get.Response.Type
	if e := s.checkValue(v, user, nil, "body", 0); e != nil {
		t.Errorf("built user is not a user: %s: %s", e.message, body)
	}
	if obj, _ := v.(map[string]any); obj["displayName"] != "string" {
		t.Errorf("built user lacks displayName: %s", body)
	}
	res, body = do(t, mk, "GET", "/users", "", "")
	var coll struct{ Value []any }
	if err := json.Unmarshal(body, &coll); res.StatusCode != 200 || err != nil || len(coll.Value) != 1 {
		t.Fatalf("GET /users: %d %s", res.StatusCode, body)
	}
	if e := s.checkValue(coll.Value[0], user, nil, "value[0]", 0); e != nil {
		t.Errorf("built list item is not a user: %s", e.message)
	}
}

// TestPanicIsOneRequests: a panic while answering gets that request an OData 500, and the mock carries on.
func TestPanicIsOneRequests(t *testing.T) {
	mk := New(docsInput(t), Options{})
	good := mk.state.Load()
	mk.state.Store(&state{byFirst: map[string][]*route{"users": {{}}}}) // a route without a model route: Matches panics
	res, body := do(t, mk, "GET", "/users/x", "", "")
	if res.StatusCode != 500 || odataError(t, body) != "internalServerError" {
		t.Fatalf("panic: %d %s", res.StatusCode, body)
	}
	mk.state.Store(good)
	if res, _ := do(t, mk, "GET", "/users/x", "", ""); res.StatusCode != 200 {
		t.Fatalf("after a panic: %d", res.StatusCode)
	}
}

// TestWatchReloadsOnChange: a page written is reloaded once it has stayed the same for one interval; nothing
// changed, nothing reloaded.
func TestWatchReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "a.md")
	if err := os.WriteFile(page, []byte("# a"), 0o644); err != nil {
		t.Fatal(err)
	}
	var reloads atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { Watch(ctx, []string{dir}, 10*time.Millisecond, func() { reloads.Add(1) }); close(done) }()
	time.Sleep(50 * time.Millisecond)
	if n := reloads.Load(); n != 0 {
		t.Fatalf("%d reloads without a change", n)
	}
	if err := os.WriteFile(page, []byte("# a, longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for reloads.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if reloads.Load() != 1 {
		t.Fatalf("%d reloads after one change, want 1", reloads.Load())
	}
}

func TestHeaderFromDocsIsChecked(t *testing.T) {
	for _, h := range [][2]string{{"Content-Type", "application/json"}, {"Location", "https://x/y"}} {
		if !validHeader(h[0], h[1]) {
			t.Errorf("%v refused", h)
		}
	}
	for _, h := range [][2]string{{"Bad Name", "x"}, {"X", "a\r\nSet-Cookie: y"}, {"", "x"}, {"X:Y", "z"}} {
		if validHeader(h[0], h[1]) {
			t.Errorf("%q accepted", h)
		}
	}
}

// TestPreferExample: Prefer: example=NAME picks a documented answer by its annotation's name; a name that is no
// example of the route leaves the choice to the request.
func TestPreferExample(t *testing.T) {
	m := docsInput(t)
	op := m.Operation("api/user-get")
	var request *model.Example
	for _, ex := range op.Examples {
		if ex.Kind == model.ExampleRequest {
			request = ex
		}
	}
	other := *request
	other.Name = "get_other_user"
	id := &model.Value{Kind: model.ValueString, Str: "other"}
	op.Examples = append(op.Examples, &other, &model.Example{Kind: model.ExampleResponse, Status: 200, Pos: model.Pos{File: "x.md", Line: 9},
		JSON: &model.Value{Kind: model.ValueObject, Members: []model.Member{{Key: "id", Value: id}}}})
	mk := New(m, Options{})
	for prefer, want := range map[string]string{"": "Adele Vance", "example=get_other_user": `{"id":"other"}`,
		`return=minimal, example="get_user"`: "Adele Vance", "example=nothing": "Adele Vance"} {
		req := httptest.NewRequest("GET", "/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd", nil)
		if prefer != "" {
			req.Header.Set("Prefer", prefer)
		}
		rec := httptest.NewRecorder()
		mk.ServeHTTP(rec, req)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("Prefer %q: %d %s, want %s", prefer, rec.Code, rec.Body, want)
		}
	}
}

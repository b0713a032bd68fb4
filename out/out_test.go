// This file is written by hand, not generated: it exercises the package generated from docs-input/ the way a user
// would, through its exported API, with the Client talking to NewHandler over HTTP. The generator never writes or
// deletes *_test.go files here.
package out_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/out"
)

// exchange is one request the client sent and the status it got.
type exchange struct {
	method, path, contentType string // path as sent, escaped
	body                      []byte
	status                    int
	respBody                  []byte
}

// recorder is an http.RoundTripper that keeps every exchange, so tests see the wire, not only the typed results.
type recorder struct {
	mu   sync.Mutex
	seen []exchange
}

func (rec *recorder) RoundTrip(r *http.Request) (*http.Response, error) {
	x := exchange{method: r.Method, path: r.URL.EscapedPath(), contentType: r.Header.Get("Content-Type")}
	if r.Body != nil {
		x.body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(x.body))
	}
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	x.status = resp.StatusCode
	x.respBody, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(x.respBody))
	rec.mu.Lock()
	rec.seen = append(rec.seen, x)
	rec.mu.Unlock()
	return resp, nil
}

// last returns the exchanges since the previous call.
func (rec *recorder) take() []exchange {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := rec.seen
	rec.seen = nil
	return out
}

// harness serves s under /v1.0 (as Graph does, mounted in a ServeMux of the user's) and returns a Client for it.
func harness(t *testing.T, s out.Server, opts ...out.HandlerOption) (*out.Client, *recorder, string) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/v1.0/", http.StripPrefix("/v1.0", out.NewHandler(s, opts...)))
	mux.HandleFunc("GET /download/{name...}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "content of "+r.PathValue("name"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	rec := &recorder{}
	return out.NewClient(srv.URL+"/v1.0", &http.Client{Transport: rec}), rec, srv.URL + "/v1.0"
}

// fullServer implements every operation of docs-input without embedding Unimplemented, so that an operation added
// to the docs fails this test's compilation until it is covered here. Each method records its arguments.
type fullServer struct {
	mu   sync.Mutex
	args map[string][]any
}

var _ out.Server = (*fullServer)(nil)

func (s *fullServer) record(op string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.args == nil {
		s.args = map[string][]any{}
	}
	s.args[op] = append([]any{}, args...) // never nil: a call without arguments is still a call
}

func (s *fullServer) got(op string) []any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.args[op]
}

func (s *fullServer) ListAuthenticationMethods(ctx context.Context, userID string) (*out.Collection[out.AnyAuthenticationMethod], error) {
	s.record("ListAuthenticationMethods", userID)
	phone := &out.PhoneAuthenticationMethod{PhoneNumber: out.Some("+1 555 0100"), PhoneType: out.Some(out.AuthenticationPhoneTypeMobile)}
	phone.ID = out.Some("p1")
	email := &out.EmailAuthenticationMethod{EmailAddress: out.Some("a@example.com")}
	email.ID = out.Some("e1")
	return &out.Collection[out.AnyAuthenticationMethod]{Value: []out.AnyAuthenticationMethod{phone, email}}, nil
}

func (s *fullServer) CreateAuthenticationPhoneMethod(ctx context.Context, userID string, body *out.PhoneAuthenticationMethod) (*out.PhoneAuthenticationMethod, error) {
	s.record("CreateAuthenticationPhoneMethod", userID, body)
	created := *body
	created.ID = out.Some("3179e48a-750b-4051-897c-87b9720928f7")
	return &created, nil
}

func (s *fullServer) UpsertPolicyAuthenticationStrengthPolicy(ctx context.Context, policyID string, body *out.AuthenticationStrengthPolicy) (*out.AuthenticationStrengthPolicy, error) {
	s.record("UpsertPolicyAuthenticationStrengthPolicy", policyID, body)
	return body, nil
}

func (s *fullServer) CreatePolicyAuthenticationStrengthPolicy(ctx context.Context, body *out.AuthenticationStrengthPolicy) (*out.AuthenticationStrengthPolicy, error) {
	s.record("CreatePolicyAuthenticationStrengthPolicy", body)
	body.PolicyType = out.Some(out.AuthenticationStrengthPolicyTypeCustom)
	return body, nil
}

func (s *fullServer) GetCommunicationCallRecord(ctx context.Context, callRecordID string) (*out.CallRecordsCallRecord, error) {
	s.record("GetCommunicationCallRecord", callRecordID)
	rec := &out.CallRecordsCallRecord{Version: out.Some(int64(2)), Modalities: []out.CallRecordsModality{"audio", "hologram"}}
	rec.ID = out.Some(callRecordID)
	return rec, nil
}

func (s *fullServer) GetItemContent(ctx context.Context, driveID, itemID string) (string, error) {
	if driveID == "" && itemID == "" {
		// Called at /me/drive/root:/{itemPath}:/content, a documented path without the canonical path's
		// parameters: its own are in the request.
		itemPath := out.RequestFromContext(ctx).PathValue("itemPath")
		s.record("GetItemContent", "me", itemPath)
		return "/download/" + itemPath, nil
	}
	s.record("GetItemContent", driveID, itemID)
	return "/download/" + itemID, nil
}

func (s *fullServer) UpsertItemContent(ctx context.Context, driveID, parentID, filename string, body io.Reader) (*out.DriveItem, error) {
	content, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	s.record("UpsertItemContent", driveID, parentID, filename, string(content))
	return &out.DriveItem{Name: out.Some(filename), Size: out.Some(int64(len(content)))}, nil
}

func (s *fullServer) CreateAuthenticationEmailMethod(ctx context.Context, userID string, body *out.EmailAuthenticationMethod) (*out.EmailAuthenticationMethod, error) {
	s.record("CreateAuthenticationEmailMethod", userID, body)
	return body, nil
}

func (s *fullServer) CountGroupMembers(ctx context.Context, groupID string) (int64, error) {
	s.record("CountGroupMembers", groupID)
	return 42, nil
}

func (s *fullServer) AddGroupMemberRef(ctx context.Context, groupID string, body *out.AddGroupMemberRefRequest) error {
	s.record("AddGroupMemberRef", groupID, body)
	return nil
}

func (s *fullServer) ReportGetEmailActivityCounts(ctx context.Context, period string) (*out.Collection[*out.EmailActivityCount], error) {
	s.record("ReportGetEmailActivityCounts", period)
	return &out.Collection[*out.EmailActivityCount]{Value: []*out.EmailActivityCount{
		{ReportDate: out.Some(out.Date{Year: 2024, Month: time.February, Day: 29}), Send: out.Some(int64(3))},
	}}, nil
}

func (s *fullServer) UserChangePassword(ctx context.Context, userID string, body *out.UserChangePasswordRequest) error {
	s.record("UserChangePassword", userID, body)
	return nil
}

func (s *fullServer) DeleteUser(ctx context.Context, userID string) error {
	s.record("DeleteUser", userID)
	return nil
}

func (s *fullServer) GetUser(ctx context.Context, userID string) (*out.User, error) {
	s.record("GetUser", userID)
	if userID == "missing" {
		return nil, &out.Error{StatusCode: http.StatusNotFound, Code: "Request_ResourceNotFound", Message: "no user " + userID}
	}
	if userID == "broken" {
		return nil, errors.New("database password is hunter2")
	}
	u := &out.User{DisplayName: out.Some("Adele Vance")}
	u.ID = out.Some(userID)
	return u, nil
}

func (s *fullServer) ListUsers(ctx context.Context) (*out.Collection[*out.User], error) {
	s.record("ListUsers")
	u := &out.User{DisplayName: out.Some("Adele Vance")}
	return &out.Collection[*out.User]{Value: []*out.User{u}, NextLink: "https://graph.microsoft.com/v1.0/users?$skiptoken=X"}, nil
}

func (s *fullServer) CreateUser(ctx context.Context, body *out.User) (*out.User, error) {
	s.record("CreateUser", body)
	created := *body
	created.ID = out.Some("87d349ed-44d7-43e1-9a83-5f2406dee5bd")
	created.PasswordProfile = out.Optional[*out.PasswordProfile]{} // never echo a password
	return &created, nil
}

func (s *fullServer) UpdateUser(ctx context.Context, userID string, body *out.User) error {
	s.record("UpdateUser", userID, body)
	return nil
}

// A user ID that needs every kind of escaping a path segment can need.
const awkwardID = "a/b c?d#e%f&g=h'é"

// TestEveryOperation calls every operation of docs-input through the Client and NewHandler and checks the request
// line as sent, the documented status, the arguments the Server got and the typed result.
func TestEveryOperation(t *testing.T) {
	s := &fullServer{}
	c, rec, _ := harness(t, s)
	ctx := context.Background()

	type step struct {
		op       string
		call     func(t *testing.T)
		wantArgs []any // compared after the server recorded them; bodies are checked in call
		method   string
		path     string
		status   int
	}
	esc := "a%2Fb%20c%3Fd%23e%25f&g=h%27%C3%A9"
	steps := []step{
		{op: "ListAuthenticationMethods", method: "GET", path: "/v1.0/users/" + esc + "/authentication/methods", status: 200,
			wantArgs: []any{awkwardID},
			call: func(t *testing.T) {
				res, err := c.ListAuthenticationMethods(ctx, awkwardID)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Value) != 2 {
					t.Fatalf("%d methods, want 2", len(res.Value))
				}
				phone, ok := res.Value[0].(*out.PhoneAuthenticationMethod)
				if !ok {
					t.Fatalf("value[0] is %T, want the *PhoneAuthenticationMethod its @odata.type names", res.Value[0])
				}
				if n, _ := out.Get(phone.PhoneNumber); n != "+1 555 0100" {
					t.Errorf("phone number %q", n)
				}
				if _, ok := res.Value[1].(*out.EmailAuthenticationMethod); !ok {
					t.Errorf("value[1] is %T, want *EmailAuthenticationMethod", res.Value[1])
				}
				if id, _ := out.Get(res.Value[1].AsAuthenticationMethod().ID); id != "e1" {
					t.Errorf("the base view of value[1] has id %q", id)
				}
			}},
		{op: "CreateAuthenticationPhoneMethod", method: "POST", path: "/v1.0/users/u1/authentication/phoneMethods", status: 201,
			call: func(t *testing.T) {
				res, err := c.CreateAuthenticationPhoneMethod(ctx, "u1", &out.PhoneAuthenticationMethod{
					PhoneNumber: out.Some("+1 2065555555"), PhoneType: out.Some(out.AuthenticationPhoneTypeMobile)})
				if err != nil {
					t.Fatal(err)
				}
				if id, ok := out.Get(res.ID); !ok || id == "" {
					t.Errorf("created method has no id: %+v", res)
				}
				body := s.got("CreateAuthenticationPhoneMethod")[1].(*out.PhoneAuthenticationMethod)
				if pt, _ := out.Get(body.PhoneType); pt != out.AuthenticationPhoneTypeMobile {
					t.Errorf("server got phoneType %q", pt)
				}
			}},
		{op: "UpsertPolicyAuthenticationStrengthPolicy", method: "PUT", path: "/v1.0/policies/authenticationStrengthPolicies/pol%201", status: 200,
			call: func(t *testing.T) {
				res, err := c.UpsertPolicyAuthenticationStrengthPolicy(ctx, "pol 1", &out.AuthenticationStrengthPolicy{
					DisplayName:         out.Some("Strong"),
					AllowedCombinations: []out.AuthenticationMethodModes{out.AuthenticationMethodModesPassword.With(out.AuthenticationMethodModesSms), out.AuthenticationMethodModesFido2},
				})
				if err != nil {
					t.Fatal(err)
				}
				if got := res.AllowedCombinations; len(got) != 2 || got[0] != "password, sms" || !got[0].Has(out.AuthenticationMethodModesSms) {
					t.Errorf("allowedCombinations came back as %q", got)
				}
				if id := s.got("UpsertPolicyAuthenticationStrengthPolicy")[0]; id != "pol 1" {
					t.Errorf("server got id %q", id)
				}
			}},
		{op: "CreatePolicyAuthenticationStrengthPolicy", method: "POST", path: "/v1.0/policies/authenticationStrengthPolicies", status: 201,
			call: func(t *testing.T) {
				res, err := c.CreatePolicyAuthenticationStrengthPolicy(ctx, &out.AuthenticationStrengthPolicy{
					DisplayName: out.Some("Strong"), AllowedCombinations: []out.AuthenticationMethodModes{"password, sms"}})
				if err != nil {
					t.Fatal(err)
				}
				if pt, _ := out.Get(res.PolicyType); pt != out.AuthenticationStrengthPolicyTypeCustom {
					t.Errorf("policyType %q", pt)
				}
			}},
		{op: "GetCommunicationCallRecord", method: "GET", path: "/v1.0/communications/callRecords/r1", status: 200,
			wantArgs: []any{"r1"},
			call: func(t *testing.T) {
				res, err := c.GetCommunicationCallRecord(ctx, "r1")
				if err != nil {
					t.Fatal(err)
				}
				if v, _ := out.Get(res.Version); v != 2 || len(res.Modalities) != 2 || res.Modalities[1] != "hologram" {
					t.Errorf("call record %+v: want version 2 and the undocumented modality kept", res)
				}
			}},
		{op: "GetItemContent", method: "GET", path: "/v1.0/drives/d1/items/i%201/content", status: 302,
			wantArgs: []any{"d1", "i 1"},
			call: func(t *testing.T) {
				rc, err := c.GetItemContent(ctx, "d1", "i 1")
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				data, _ := io.ReadAll(rc)
				if string(data) != "content of i 1" {
					t.Errorf("downloaded %q: the client should follow the 302 to the content", data)
				}
			}},
		{op: "UpsertItemContent", method: "PUT", path: "/v1.0/drives/d1/items/root:/reports/Q1%202024%3Afinal.txt:/content", status: 201,
			wantArgs: []any{"d1", "root", "reports/Q1 2024:final.txt", "hello"},
			call: func(t *testing.T) {
				res, err := c.UpsertItemContent(ctx, "d1", "root", "reports/Q1 2024:final.txt", strings.NewReader("hello"))
				if err != nil {
					t.Fatal(err)
				}
				if n, _ := out.Get(res.Size); n != 5 {
					t.Errorf("size %d", n)
				}
			}},
		{op: "CreateAuthenticationEmailMethod", method: "POST", path: "/v1.0/users/u1/authentication/emailMethods", status: 201,
			call: func(t *testing.T) {
				res, err := c.CreateAuthenticationEmailMethod(ctx, "u1", &out.EmailAuthenticationMethod{EmailAddress: out.Some("k@example.com")})
				if err != nil {
					t.Fatal(err)
				}
				if a, _ := out.Get(res.EmailAddress); a != "k@example.com" {
					t.Errorf("emailAddress %q", a)
				}
			}},
		{op: "CountGroupMembers", method: "GET", path: "/v1.0/groups/g1/members/$count", status: 200,
			wantArgs: []any{"g1"},
			call: func(t *testing.T) {
				n, err := c.CountGroupMembers(ctx, "g1")
				if err != nil || n != 42 {
					t.Errorf("count %d, %v", n, err)
				}
			}},
		{op: "AddGroupMemberRef", method: "POST", path: "/v1.0/groups/g1/members/$ref", status: 204,
			call: func(t *testing.T) {
				err := c.AddGroupMemberRef(ctx, "g1", &out.AddGroupMemberRefRequest{ODataID: out.Some("https://graph.microsoft.com/v1.0/directoryObjects/u1")})
				if err != nil {
					t.Fatal(err)
				}
				body := s.got("AddGroupMemberRef")[1].(*out.AddGroupMemberRefRequest)
				if id, _ := out.Get(body.ODataID); !strings.HasSuffix(id, "/directoryObjects/u1") {
					t.Errorf("server got @odata.id %q", id)
				}
			}},
		{op: "ReportGetEmailActivityCounts", method: "GET", path: "/v1.0/reports/getEmailActivityCounts(period='it%27%27s%20D7')", status: 200,
			wantArgs: []any{"it's D7"}, // OData doubles a quote inside a quoted argument; the handler undoes it
			call: func(t *testing.T) {
				res, err := c.ReportGetEmailActivityCounts(ctx, "it's D7")
				if err != nil {
					t.Fatal(err)
				}
				if d, _ := out.Get(res.Value[0].ReportDate); d.String() != "2024-02-29" {
					t.Errorf("reportDate %v", d)
				}
			}},
		{op: "UserChangePassword", method: "POST", path: "/v1.0/users/u1/changePassword", status: 204,
			call: func(t *testing.T) {
				if err := c.UserChangePassword(ctx, "u1", &out.UserChangePasswordRequest{CurrentPassword: out.Some("old"), NewPassword: out.Some("new")}); err != nil {
					t.Fatal(err)
				}
			}},
		{op: "DeleteUser", method: "DELETE", path: "/v1.0/users/" + esc, status: 204, wantArgs: []any{awkwardID},
			call: func(t *testing.T) {
				if err := c.DeleteUser(ctx, awkwardID); err != nil {
					t.Fatal(err)
				}
			}},
		{op: "GetUser", method: "GET", path: "/v1.0/users/" + esc, status: 200, wantArgs: []any{awkwardID},
			call: func(t *testing.T) {
				u, err := c.GetUser(ctx, awkwardID)
				if err != nil {
					t.Fatal(err)
				}
				if id, _ := out.Get(u.ID); id != awkwardID {
					t.Errorf("id %q", id)
				}
			}},
		{op: "ListUsers", method: "GET", path: "/v1.0/users", status: 200,
			call: func(t *testing.T) {
				res, err := c.ListUsers(ctx, out.WithQuery("$select", "displayName"))
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Value) != 1 || !strings.Contains(res.NextLink, "skiptoken") {
					t.Errorf("page %+v", res)
				}
			}},
		{op: "CreateUser", method: "POST", path: "/v1.0/users", status: 201,
			call: func(t *testing.T) {
				u, err := c.CreateUser(ctx, &out.User{
					AccountEnabled: out.Some(true), DisplayName: out.Some("Adele Vance"), MailNickname: out.Some("AdeleV"),
					PasswordProfile: out.Some(&out.PasswordProfile{Password: out.Some("xWwvJ]6NMw+bWH-d")}),
				})
				if err != nil {
					t.Fatal(err)
				}
				if id, _ := out.Get(u.ID); id == "" || u.PasswordProfile.State != out.Absent {
					t.Errorf("created user %+v", u)
				}
			}},
		{op: "UpdateUser", method: "PATCH", path: "/v1.0/users/u1", status: 204,
			call: func(t *testing.T) {
				if err := c.UpdateUser(ctx, "u1", &out.User{DisplayName: out.Some("Adele")}); err != nil {
					t.Fatal(err)
				}
			}},
	}
	covered := map[string]bool{}
	for _, st := range steps {
		covered[st.op] = true
		t.Run(st.op, func(t *testing.T) {
			rec.take()
			st.call(t)
			seen := rec.take()
			if len(seen) == 0 {
				t.Fatal("no request was sent")
			}
			first := seen[0]
			if first.method != st.method || first.path != st.path {
				t.Errorf("sent %s %s, want %s %s", first.method, first.path, st.method, st.path)
			}
			if first.status != st.status {
				t.Errorf("answered %d (%s), want the documented %d", first.status, first.respBody, st.status)
			}
			got := s.got(st.op)
			if got == nil {
				t.Fatalf("the server's %s was not called", st.op)
			}
			if st.wantArgs != nil && !reflect.DeepEqual(got, st.wantArgs) {
				t.Errorf("the server got %q, want %q", got, st.wantArgs)
			}
		})
	}
	// Every method of Server must have a step: the interface is the list of documented operations.
	serverType := reflect.TypeOf((*out.Server)(nil)).Elem()
	for i := 0; i < serverType.NumMethod(); i++ {
		if name := serverType.Method(i).Name; !covered[name] {
			t.Errorf("operation %s has no step in TestEveryOperation", name)
		}
	}
}

// TestAlternativePaths checks that every documented path of an operation is served, not only the one the client
// calls: a parameter of another path reaches the Server method through RequestFromContext.
func TestAlternativePaths(t *testing.T) {
	s := &fullServer{}
	_, _, base := harness(t, s)
	resp := do(t, "GET", base+"/me/drive/root:/a%20b/c%3Ad.txt:/content", "", "")
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(data) != "content of a b/c:d.txt" {
		t.Errorf("GET by drive path answered %d %q", resp.StatusCode, data)
	}
	if got := s.got("GetItemContent"); !reflect.DeepEqual(got, []any{"me", "a b/c:d.txt"}) {
		t.Errorf("the server got %q", got)
	}
	resp = do(t, "GET", base+"/me/authentication/methods", "", "")
	if resp.StatusCode != 200 {
		t.Errorf("GET /me/authentication/methods answered %d", resp.StatusCode)
	}
	if got := s.got("ListAuthenticationMethods"); !reflect.DeepEqual(got, []any{""}) {
		t.Errorf("at /me the user ID is empty; the server got %q", got)
	}
}

// TestPatchSendsOnlyWhatWasSet checks the Optional representation on the wire: absent properties are not sent,
// NullOf sends an explicit null, and the server sees the three states apart.
func TestPatchSendsOnlyWhatWasSet(t *testing.T) {
	s := &fullServer{}
	c, rec, _ := harness(t, s)
	err := c.UpdateUser(context.Background(), "u1", &out.User{
		DisplayName:   out.Some("Adele"),
		UsageLocation: out.NullOf[string](),
		Manager:       out.NullOf[out.AnyDirectoryObject](),
	})
	if err != nil {
		t.Fatal(err)
	}
	sent := rec.take()[0]
	if want := `{"displayName":"Adele","usageLocation":null,"manager":null}`; string(sent.body) != want {
		t.Errorf("PATCH sent %s, want only what was set: %s", sent.body, want)
	}
	if sent.contentType != "application/json" {
		t.Errorf("content type %q", sent.contentType)
	}
	body := s.got("UpdateUser")[1].(*out.User)
	if body.DisplayName.State != out.Present || body.UsageLocation.State != out.Null || body.AgeGroup.State != out.Absent {
		t.Errorf("server saw displayName %v, usageLocation %v, ageGroup %v; want present, null, absent",
			body.DisplayName.State, body.UsageLocation.State, body.AgeGroup.State)
	}
	if body.Manager.State != out.Null {
		t.Errorf("manager: %v, want null", body.Manager.State)
	}
	// An empty collection is sent (it clears the property); a nil one is not.
	rec.take()
	if err := c.UpdateUser(context.Background(), "u1", &out.User{BusinessPhones: []string{}}); err != nil {
		t.Fatal(err)
	}
	if sent := rec.take()[0]; string(sent.body) != `{"businessPhones":[]}` {
		t.Errorf("sent %s, want the empty collection", sent.body)
	}
}

// TestWireForms checks how each Edm primitive with a Go type of its own is written and read.
func TestWireForms(t *testing.T) {
	u := out.User{
		Birthday:         out.Some(out.Date{Year: 2024, Month: time.February, Day: 29}),
		CreatedDateTime:  out.Some(time.Date(2024, 2, 29, 8, 30, 0, 0, time.UTC)),
		MailboxTimeout:   out.Some(out.DurationOf(90 * time.Minute)),
		PhotoData:        out.Some([]byte("hello")),
		StorageQuotaUsed: out.Some(int64(9007199254740993)), // beyond float64's exact integers
		TenantID:         out.Some(mustGUID(t, "7d3c3e5e-1f0b-4f43-9c6e-2f1a0b9c8d7e")),
		PreferredWorkHours: out.Some(&out.WorkingHours{
			StartTime: out.Some(out.TimeOfDay{Hour: 8, Minute: 30}),
			EndTime:   out.Some(out.TimeOfDay{Hour: 17, Second: 5, Nanosecond: 500000000}),
		}),
		ExtensionData: out.Some(json.RawMessage(`{"any":[1,"thing"]}`)),
	}
	data, err := out.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"birthday":"2024-02-29"`,
		`"createdDateTime":"2024-02-29T08:30:00Z"`,
		`"mailboxTimeout":"PT1H30M"`,
		`"photoData":"aGVsbG8="`,
		`"storageQuotaUsed":9007199254740993`,
		`"tenantId":"7d3c3e5e-1f0b-4f43-9c6e-2f1a0b9c8d7e"`,
		`"startTime":"08:30:00"`,
		`"endTime":"17:00:05.5"`,
		`"extensionData":{"any":[1,"thing"]}`,
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("encoded user lacks %s:\n%s", want, data)
		}
	}
	var back out.User
	if err := out.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, u) {
		t.Errorf("round trip changed the user:\n got  %+v\n want %+v", back, u)
	}
	// The forms the docs and the service also write.
	var read out.User
	err = out.Unmarshal([]byte(`{"createdDateTime":"2024-02-29T08:30:00.1234567Z","mailboxTimeout":"P1DT2H",
		"preferredWorkHours":{"startTime":"08:00:00.0000000"},"birthday":"1990-12-31"}`), &read)
	if err != nil {
		t.Fatal(err)
	}
	if ct, _ := out.Get(read.CreatedDateTime); ct.Nanosecond() != 123456700 {
		t.Errorf("seven fractional digits read as %v", ct)
	}
	if d, _ := out.Get(read.MailboxTimeout); d.Days != 1 || d.Time != 2*time.Hour {
		t.Errorf("P1DT2H read as %+v", d)
	}
	if wh, _ := out.Get(read.PreferredWorkHours); wh == nil || wh.StartTime.Value != (out.TimeOfDay{Hour: 8}) {
		t.Errorf("startTime read as %+v", wh)
	}
	for _, bad := range []string{`{"birthday":"2024-02-30"}`, `{"mailboxTimeout":"1 hour"}`, `{"createdDateTime":"yesterday"}`, `{"photoData":"not base64!"}`} {
		if err := out.Unmarshal([]byte(bad), &out.User{}); err == nil {
			t.Errorf("%s was accepted", bad)
		}
	}
}

func mustGUID(t *testing.T, s string) out.GUID {
	t.Helper()
	g, err := out.ParseGUID(s)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestEnums checks the constants, IsKnown, and that a value the docs do not list survives a decode and an encode.
func TestEnums(t *testing.T) {
	if out.UserTypeGuest != "guest" || out.AgeGroupNotAdult != "notAdult" {
		t.Errorf("constants hold %q and %q", out.UserTypeGuest, out.AgeGroupNotAdult)
	}
	if !out.UserTypeMember.IsKnown() || out.UserType("robot").IsKnown() {
		t.Error("IsKnown does not tell documented values from others")
	}
	in := `{"ageGroup":"adult","userType":"robot"}` // in the struct's order, which is the encoder's
	var u out.User
	if err := out.Unmarshal([]byte(in), &u); err != nil {
		t.Fatalf("an unknown value must decode: %v", err)
	}
	if ut, _ := out.Get(u.UserType); ut != "robot" || ut.IsKnown() {
		t.Errorf("userType read as %q", ut)
	}
	data, err := out.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != in {
		t.Errorf("re-encoded as %s, want %s unchanged", data, in)
	}
	// Flags: a set written "a, b", kept as written.
	var p out.AuthenticationStrengthPolicy
	in = `{"allowedCombinations":["password, sms","fido2","sms, hardwareOath, password"]}`
	if err := out.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	combo := p.AllowedCombinations[0]
	if !combo.Has(out.AuthenticationMethodModesPassword) || !combo.Has(out.AuthenticationMethodModesSms) || combo.Has(out.AuthenticationMethodModesFido2) {
		t.Errorf("%q: Has is wrong", combo)
	}
	if !p.AllowedCombinations[2].Has("password, sms") {
		t.Errorf("%q should contain the set password, sms in any order", p.AllowedCombinations[2])
	}
	if got := combo.Members(); !reflect.DeepEqual(got, []out.AuthenticationMethodModes{"password", "sms"}) {
		t.Errorf("members %q", got)
	}
	if got := combo.Without(out.AuthenticationMethodModesPassword).With(out.AuthenticationMethodModesVoice, out.AuthenticationMethodModesSms); got != "sms, voice" {
		t.Errorf("set operations gave %q", got)
	}
	if !combo.IsKnown() || out.AuthenticationMethodModes("password, carrierPigeon").IsKnown() {
		t.Error("a flags value is known when each of its members is")
	}
	if data, _ := out.Marshal(&p); string(data) != in {
		t.Errorf("flags re-encoded as %s, want %s", data, in)
	}
}

// TestPolymorphism checks that a property, a collection and a response declared as a base type hold the derived
// type @odata.type names, and write it back with its @odata.type.
func TestPolymorphism(t *testing.T) {
	in := `{"manager":{"@odata.type":"#microsoft.graph.user","id":"m1","displayName":"Boss"},` +
		`"memberOf":[{"@odata.type":"#microsoft.graph.group","id":"g1","displayName":"Team"},{"id":"d1"}]}`
	var u out.User
	if err := out.Unmarshal([]byte(in), &u); err != nil {
		t.Fatal(err)
	}
	boss, ok := u.Manager.Value.(*out.User)
	if !ok {
		t.Fatalf("manager is %T, want *out.User", u.Manager.Value)
	}
	if name, _ := out.Get(boss.DisplayName); name != "Boss" {
		t.Errorf("manager's displayName %q", name)
	}
	if _, ok := u.MemberOf[0].(*out.Group); !ok {
		t.Errorf("memberOf[0] is %T, want *out.Group", u.MemberOf[0])
	}
	if _, ok := u.MemberOf[1].(*out.DirectoryObject); !ok {
		t.Errorf("memberOf[1] has no @odata.type and is %T, want the base *out.DirectoryObject", u.MemberOf[1])
	}
	data, err := out.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != in {
		t.Errorf("re-encoded as\n %s\nwant\n %s", data, in)
	}
	// Set in Go, without ODataType: the encoder names the derived type itself.
	g := &out.Group{DisplayName: out.Some("Team")}
	data, err = out.Marshal(&out.User{Manager: out.Some[out.AnyDirectoryObject](g)})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"manager":{"@odata.type":"#microsoft.graph.group","displayName":"Team"}}`; string(data) != want {
		t.Errorf("encoded %s, want %s", data, want)
	}
	// The handler refuses an @odata.type that is not derived from the declared type.
	_, _, base := harness(t, &fullServer{})
	resp := post(t, base+"/users/u1/authentication/phoneMethods", "application/json",
		`{"@odata.type":"#microsoft.graph.group","phoneNumber":"+1","phoneType":"mobile"}`)
	expectODataError(t, resp, http.StatusBadRequest, "badRequest", "microsoft.graph.group")
}

// TestOpenTypes checks that members the docs do not declare are kept, on an open type and on a closed one read
// leniently, and written back.
func TestOpenTypes(t *testing.T) {
	in := `{"@odata.etag":"W/\"1\"","displayName":"Adele","extension_abc_costCenter":"42","nested":{"a":[1,2]}}`
	var u out.User
	if err := out.Unmarshal([]byte(in), &u); err != nil {
		t.Fatal(err)
	}
	if string(u.AdditionalData["extension_abc_costCenter"]) != `"42"` || string(u.AdditionalData["@odata.etag"]) != `"W/\"1\""` {
		t.Errorf("additional data %q", u.AdditionalData)
	}
	data, err := out.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != in {
		t.Errorf("re-encoded as %s, want %s", data, in)
	}
	// The handler accepts dynamic properties on an open type and refuses unknown ones on a closed type.
	s := &fullServer{}
	_, _, base := harness(t, s)
	resp := do(t, "PATCH", base+"/users/u1", "application/json", `{"displayName":"A","costCenter":"42"}`)
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("PATCH of an open type with a dynamic property: %d", resp.StatusCode)
	}
	if got := s.got("UpdateUser")[1].(*out.User).AdditionalData["costCenter"]; string(got) != `"42"` {
		t.Errorf("the server lost the dynamic property: %q", got)
	}
	resp = post(t, base+"/users/u1/changePassword", "application/json", `{"currentPassword":"a","newPassword":"b","hint":"c"}`)
	expectODataError(t, resp, http.StatusBadRequest, "badRequest", `no property "hint"`)
}

// TestHandlerRefusesBadRequests checks the answers NewHandler gives before a Server method is called.
func TestHandlerRefusesBadRequests(t *testing.T) {
	s := &fullServer{}
	_, _, base := harness(t, s, out.WithMaxBodyBytes(256))
	validUser := `{"accountEnabled":true,"displayName":"A","mailNickname":"a","passwordProfile":{"password":"p"}}`
	for _, c := range []struct {
		name, method, path, contentType, body string
		status                                int
		code, says                            string
	}{
		{"wrong content type", "POST", "/users", "text/plain", validUser, 415, "unsupportedMediaType", "application/json"},
		{"no content type", "POST", "/users", "", validUser, 415, "unsupportedMediaType", "application/json"},
		{"malformed JSON", "POST", "/users", "application/json", `{"displayName": `, 400, "badRequest", "invalid JSON"},
		{"empty body", "POST", "/users", "application/json", ``, 400, "badRequest", "needs a JSON body"},
		{"missing required property", "POST", "/users", "application/json", `{"accountEnabled":true,"displayName":"A","mailNickname":"a"}`, 400, "badRequest", `"passwordProfile"`},
		{"bad enum value", "POST", "/users/u1/authentication/phoneMethods", "application/json", `{"phoneNumber":"+1","phoneType":"satellite"}`, 400, "badRequest", "satellite"},
		{"wrong JSON type", "POST", "/users", "application/json", `{"accountEnabled":"yes","displayName":"A","mailNickname":"a","passwordProfile":{}}`, 400, "badRequest", "accountEnabled"},
		{"null where not nullable", "PATCH", "/users/u1", "application/json", `{"businessPhones":null}`, 400, "badRequest", "businessPhones"},
		{"array instead of object", "PATCH", "/users/u1", "application/json", `[]`, 400, "badRequest", ""},
		{"body too large", "PATCH", "/users/u1", "application/json", `{"displayName":"` + strings.Repeat("x", 300) + `"}`, 413, "requestEntityTooLarge", "256"},
		{"unknown path", "GET", "/nothing/here", "", "", 404, "notFound", "/nothing/here"},
		{"wrong method", "GET", "/users/u1/authentication/phoneMethods", "", "", 405, "methodNotAllowed", "GET"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.args = nil
			resp := do(t, c.method, base+c.path, c.contentType, c.body)
			expectODataError(t, resp, c.status, c.code, c.says)
			if len(s.args) != 0 {
				t.Errorf("the server was called with %v", s.args)
			}
		})
	}
	resp := do(t, "GET", base+"/users/u1/authentication/phoneMethods", "", "")
	if allow := resp.Header.Get("Allow"); !strings.Contains(allow, "POST") {
		t.Errorf("405 without Allow: POST (%q)", allow)
	}
}

// TestErrors checks that errors from a Server reach the client typed, with status, code and message.
func TestErrors(t *testing.T) {
	c, _, _ := harness(t, &fullServer{})
	_, err := c.GetUser(context.Background(), "missing")
	var oe *out.Error
	if !errors.As(err, &oe) {
		t.Fatalf("error %v (%T) is not an *out.Error", err, err)
	}
	if oe.StatusCode != 404 || oe.Code != "Request_ResourceNotFound" || oe.Message != "no user missing" {
		t.Errorf("error %+v", oe)
	}
	// Any other error answers 500 without showing what it says.
	_, err = c.GetUser(context.Background(), "broken")
	if !errors.As(err, &oe) || oe.StatusCode != 500 || strings.Contains(oe.Message, "hunter2") {
		t.Errorf("a plain error came back as %+v", err)
	}
	// A client request the handler refuses is an *out.Error too.
	err = c.UserChangePassword(context.Background(), "u1", &out.UserChangePasswordRequest{CurrentPassword: out.Some("only one")})
	if !errors.As(err, &oe) || oe.StatusCode != 400 || !strings.Contains(oe.Message, "newPassword") {
		t.Errorf("a missing required parameter came back as %v", err)
	}
}

type partialServer struct {
	out.Unimplemented
}

func (partialServer) DeleteUser(context.Context, string) error { return nil }

// TestUnimplemented checks that embedding Unimplemented answers 501 for what a Server leaves out.
func TestUnimplemented(t *testing.T) {
	c, _, _ := harness(t, partialServer{})
	if err := c.DeleteUser(context.Background(), "u1"); err != nil {
		t.Errorf("implemented operation: %v", err)
	}
	_, err := c.GetUser(context.Background(), "u1")
	var oe *out.Error
	if !errors.As(err, &oe) || oe.StatusCode != http.StatusNotImplemented || oe.Code != "notImplemented" || !strings.Contains(oe.Message, "GetUser") {
		t.Errorf("unimplemented operation answered %v", err)
	}
}

func post(t *testing.T, url, contentType, body string) *http.Response {
	t.Helper()
	return do(t, "POST", url, contentType, body)
}

func do(t *testing.T, method, url, contentType, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// expectODataError checks an answer's status and its {"error": {"code", "message"}} body.
func expectODataError(t *testing.T, resp *http.Response, status int, code, says string) {
	t.Helper()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != status {
		t.Errorf("status %d, want %d (%s)", resp.StatusCode, status, data)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	var body struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(data, &body); err != nil {
		t.Fatalf("not an OData error body: %s", data)
	}
	if body.Error.Code != code || !strings.Contains(body.Error.Message, says) {
		t.Errorf("error %+v, want code %s and a message with %q", body.Error, code, says)
	}
}

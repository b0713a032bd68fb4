package support

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
	"testing"
	"time"
)

// The types below are written the way the generator writes them, so that the support code is tested on its own.

type testEntity struct {
	ODataType      string                     `json:"@odata.type,omitempty"`
	ID             Optional[string]           `json:"id,omitzero" odata:"nonnull"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (t testEntity) MarshalJSON() ([]byte, error)     { return marshalObject(&t) }
func (t *testEntity) UnmarshalJSON(data []byte) error { return unmarshalObject(data, t) }

type testMethod struct {
	testEntity
	CreatedDateTime Optional[time.Time] `json:"createdDateTime,omitzero"`
}

func (t testMethod) MarshalJSON() ([]byte, error)     { return marshalObject(&t) }
func (t *testMethod) UnmarshalJSON(data []byte) error { return unmarshalObject(data, t) }

type anyTestMethod interface{ AsTestMethod() *testMethod }

func (t *testMethod) AsTestMethod() *testMethod { return t }

type testPhoneType string

const (
	testPhoneTypeMobile testPhoneType = "mobile"
	testPhoneTypeOffice testPhoneType = "office"
)

func (v testPhoneType) IsKnown() bool { return v == testPhoneTypeMobile || v == testPhoneTypeOffice }

type testModes string

func (v testModes) IsKnown() bool {
	return flagsKnown(v, func(f testModes) bool { return f == "password" || f == "sms" || f == "fido2" })
}

type testPhoneMethod struct {
	testMethod
	PhoneNumber Optional[string]        `json:"phoneNumber,omitzero"`
	PhoneType   Optional[testPhoneType] `json:"phoneType,omitzero"`
}

func (t testPhoneMethod) MarshalJSON() ([]byte, error)     { return marshalObject(&t) }
func (t *testPhoneMethod) UnmarshalJSON(data []byte) error { return unmarshalObject(data, t) }

type testProfile struct {
	ODataType      string                     `json:"@odata.type,omitempty"`
	Password       Optional[string]           `json:"password,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (t testProfile) MarshalJSON() ([]byte, error)     { return marshalObject(&t) }
func (t *testProfile) UnmarshalJSON(data []byte) error { return unmarshalObject(data, t) }

type testUser struct {
	testEntity
	DisplayName Optional[string]          `json:"displayName,omitzero"`
	Phones      []string                  `json:"businessPhones,omitzero"`
	Profile     Optional[*testProfile]    `json:"passwordProfile,omitzero"`
	Methods     []anyTestMethod           `json:"methods,omitzero"`
	Primary     Optional[anyTestMethod]   `json:"primaryMethod,omitzero"`
	Birthday    Optional[Date]            `json:"birthday,omitzero"`
	Start       Optional[TimeOfDay]       `json:"startTime,omitzero"`
	Timeout     Optional[Duration]        `json:"timeout,omitzero"`
	Tenant      Optional[GUID]            `json:"tenantId,omitzero"`
	Photo       Optional[[]byte]          `json:"photo,omitzero"`
	Extension   Optional[json.RawMessage] `json:"extension,omitzero"`
	Modes       []testModes               `json:"allowedCombinations,omitzero"`
	Score       Optional[float64]         `json:"score,omitzero"`
	Quota       Optional[int64]           `json:"quota,omitzero"`
	Enabled     Optional[bool]            `json:"accountEnabled,omitzero"`
}

func (t testUser) MarshalJSON() ([]byte, error)     { return marshalObject(&t) }
func (t *testUser) UnmarshalJSON(data []byte) error { return unmarshalObject(data, t) }
func (*testUser) openType()                         {}

func init() {
	registerType("test.entity", (*testEntity)(nil))
	registerType("test.method", (*testMethod)(nil))
	registerType("test.phoneMethod", (*testPhoneMethod)(nil))
	registerType("test.profile", (*testProfile)(nil))
	registerType("test.user", (*testUser)(nil))
	registerBase((*anyTestMethod)(nil), (*testMethod)(nil))
}

// equivalentJSON compares two documents as values (member order and white space aside).
func equivalentJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRoundTripKeepsEverything(t *testing.T) {
	in := `{
		"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
		"@odata.type": "#test.user",
		"id": "u1",
		"displayName": null,
		"businessPhones": [],
		"passwordProfile": {"password": "x", "@odata.etag": "W/1"},
		"methods": [
			{"@odata.type": "#test.phoneMethod", "id": "m1", "phoneNumber": "+1 425", "phoneType": "satellite"},
			{"id": "m2", "createdDateTime": "2021-07-16T10:00:00Z"}
		],
		"primaryMethod": {"@odata.type": "#test.phoneMethod", "phoneType": "mobile"},
		"birthday": "1990-05-17",
		"startTime": "08:30:00",
		"timeout": "PT1H30M",
		"tenantId": "8f0b2c5e-0a6f-4a4e-9a8e-0f3c1e2d4b5a",
		"photo": "aGVsbG8=",
		"extension": {"any": ["thing", 1]},
		"allowedCombinations": ["password, sms"],
		"score": 1.5,
		"quota": 9007199254740993,
		"accountEnabled": false,
		"dynamicProperty": {"kept": true},
		"manager@odata.navigationLink": "users/x/manager"
	}`
	var u testUser
	if err := unmarshalMode([]byte(in), &u, rejectUnknown); err != nil {
		t.Fatal(err)
	}
	if u.DisplayName.State != Null || u.Phones == nil || len(u.Phones) != 0 {
		t.Errorf("null and empty collections must survive: %v %#v", u.DisplayName, u.Phones)
	}
	phone, ok := u.Methods[0].(*testPhoneMethod)
	if !ok || val(phone.PhoneType) != "satellite" || val(phone.ID) != "m1" {
		t.Errorf("methods[0] = %#v, want the derived type with its unknown enum value kept", u.Methods[0])
	}
	if _, ok := u.Methods[1].(*testMethod); !ok {
		t.Errorf("methods[1] = %T, want the base type", u.Methods[1])
	}
	if p, _ := Get(u.Primary); p == nil || p.AsTestMethod() == nil {
		t.Errorf("primaryMethod = %#v", u.Primary)
	}
	if val(u.Birthday) != (Date{1990, time.May, 17}) || val(u.Start) != (TimeOfDay{Hour: 8, Minute: 30}) {
		t.Errorf("birthday %v start %v", u.Birthday, u.Start)
	}
	if d, _ := val(u.Timeout).Std(); d != 90*time.Minute {
		t.Errorf("timeout = %v", d)
	}
	if val(u.Quota) != 9007199254740993 {
		t.Errorf("int64 lost precision: %d", val(u.Quota))
	}
	if string(u.AdditionalData["dynamicProperty"]) != `{"kept":true}` || u.AdditionalData["@odata.context"] == nil {
		t.Errorf("additional data = %v", u.AdditionalData)
	}
	if !flagsHas(u.Modes[0], "sms") || flagsHas(u.Modes[0], "fido2") {
		t.Errorf("flags %q", u.Modes[0])
	}
	out, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(in, `"startTime": "08:30:00"`, `"startTime": "08:30:00"`, 1)
	equivalentJSON(t, out, []byte(want))
}

func TestPatchSendsOnlyWhatWasSet(t *testing.T) {
	u := testUser{DisplayName: Some("Adele"), Score: NullOf[float64]()}
	out, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"displayName":"Adele","score":null}` {
		t.Errorf("got %s", out)
	}
}

func TestDerivedValueInBaseSlotCarriesItsType(t *testing.T) {
	u := testUser{Methods: []anyTestMethod{&testPhoneMethod{PhoneNumber: Some("+1")}, &testMethod{}}}
	out, _ := json.Marshal(u)
	if string(out) != `{"methods":[{"@odata.type":"#test.phoneMethod","phoneNumber":"+1"},{}]}` {
		t.Errorf("got %s", out)
	}
}

func TestStrictDecode(t *testing.T) {
	for _, tc := range []struct {
		in, wantErr string
		lenientOK   bool // the lenient decode (the client's) keeps what it can represent
	}{
		{`{"phoneNumber": "1", "unknown": 1}`, `test.phoneMethod has no property "unknown"`, true},
		{`{"phoneType": "satellite"}`, `phoneType: "satellite" is not a documented value of testPhoneType`, true},
		{`{"id": null}`, `id: null is not allowed`, true},
		{`{"phoneNumber": 5}`, `phoneNumber: expected a string, got the number 5`, false},
		{`{"createdDateTime": "yesterday"}`, `createdDateTime: "yesterday" is not a date and time`, false},
		{`{"@odata.type": "#test.profile"}`, `does not match test.phoneMethod`, true},
		{`{"phoneNumber": "1",}`, `invalid JSON`, false},
		{`{"phoneNumber": "1", "@odata.etag": "x", "phoneType": "mobile"}`, ``, true},
		// A directory extension attribute may be on any directory object; one that only looks like it may not.
		{`{"extension_fe2174665583431c953114ff7268b7b3_Education_ObjectType": "Student"}`, ``, true},
		{`{"extension_fe2174665583431c_ObjectType": "Student"}`, `has no property "extension_fe2174665583431c_ObjectType"`, true},
	} {
		var m testPhoneMethod
		err := UnmarshalStrict([]byte(tc.in), &m)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tc.in, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: error %v, want %q", tc.in, err, tc.wantErr)
		}
		if lenientErr := json.Unmarshal([]byte(tc.in), &m); (lenientErr == nil) != tc.lenientOK {
			t.Errorf("%s: lenient decode: %v", tc.in, lenientErr)
		}
	}
	var u testUser
	if err := UnmarshalStrict([]byte(`{"anything": 1, "allowedCombinations": ["sms, fido2"]}`), &u); err != nil {
		t.Errorf("open types take unknown properties: %v", err)
	}
	// The service reads enum members case-insensitively; the value is kept as written.
	var pm testPhoneMethod
	if err := UnmarshalStrict([]byte(`{"phoneType": "Mobile"}`), &pm); err != nil || pm.PhoneType.Value != "Mobile" {
		t.Errorf("a member in another case must be taken as written: %v, %q", err, pm.PhoneType.Value)
	}
	if err := UnmarshalStrict([]byte(`{"allowedCombinations": ["Password, SMS"]}`), &u); err != nil {
		t.Errorf("flags in another case must be taken: %v", err)
	}
	if err := UnmarshalStrict([]byte(`{"phoneType": "Mobil"}`), &pm); err == nil {
		t.Errorf("a value that is no member in any case must be refused")
	}
	if err := UnmarshalStrict([]byte(`{"allowedCombinations": ["sms, voice"]}`), &u); err == nil {
		t.Errorf("an unknown flag must be refused")
	}
	if err := UnmarshalStrict([]byte(`{"methods": [{"@odata.type": "#test.profile"}]}`), &u); err == nil || !strings.Contains(err.Error(), "methods[0]") {
		t.Errorf("an unrelated @odata.type must be refused with its path: %v", err)
	}
}

func TestTemporal(t *testing.T) {
	for _, s := range []string{"PT1H30M", "P2D", "-PT0.5S", "P1Y2M3DT4H5M6.007S", "PT0S", "P1W"} {
		d, err := ParseDuration(s)
		if err != nil || d.String() != s {
			t.Errorf("duration %s → %v %v", s, d, err)
		}
	}
	for _, s := range []string{"P", "PT", "1H", "PT1X", "P1.5D"} {
		if _, err := ParseDuration(s); err == nil {
			t.Errorf("duration %q must be refused", s)
		}
	}
	for in, want := range map[string]string{"08:00:00.0000000": "08:00:00", "23:59:59.5": "23:59:59.5", "07:30": "07:30:00"} {
		tod, err := ParseTimeOfDay(in)
		if err != nil || tod.String() != want {
			t.Errorf("time of day %s → %v %v", in, tod, err)
		}
	}
	for _, s := range []string{"24:00:00", "8:00", "08:00:00.", "aa:bb"} {
		if _, err := ParseTimeOfDay(s); err == nil {
			t.Errorf("time of day %q must be refused", s)
		}
	}
	g, err := ParseGUID("{8F0B2C5E-0A6F-4A4E-9A8E-0F3C1E2D4B5A}")
	if err != nil || g.String() != "8f0b2c5e-0a6f-4a4e-9a8e-0f3c1e2d4b5a" {
		t.Errorf("guid %v %v", g, err)
	}
	for in, want := range map[string]string{
		"2021-07-16T10:00:00Z":         "2021-07-16T10:00:00Z",
		"2021-07-16T10:00:00.1234567Z": "2021-07-16T10:00:00.1234567Z",
		"2021-07-16T10:00:00":          "2021-07-16T10:00:00Z",
		"2021-07-16T10:00:00+02:00":    "2021-07-16T10:00:00+02:00",
	} {
		tm, err := parseDateTimeOffset(in)
		if err != nil || tm.Format(time.RFC3339Nano) != want {
			t.Errorf("datetime %s → %v %v", in, tm, err)
		}
	}
}

func TestFlags(t *testing.T) {
	v := flagsWith(testModes("password"), "sms", "password, fido2")
	if v != "password, sms, fido2" {
		t.Errorf("with: %q", v)
	}
	if v = flagsWithout(v, "sms"); v != "password, fido2" {
		t.Errorf("without: %q", v)
	}
	if got := flagsOf(testModes(" password ,sms")); !reflect.DeepEqual(got, []testModes{"password", "sms"}) {
		t.Errorf("of: %q", got)
	}
}

// testServer routes a few templates the way generated registration code does.
func testServer() *router {
	rt := newRouter(nil)
	echo := func(names ...string) operationFunc {
		return func(w http.ResponseWriter, r *http.Request, _ *operation) {
			var parts []string
			for _, n := range names {
				parts = append(parts, n+"="+r.PathValue(n))
			}
			io.WriteString(w, strings.Join(parts, " "))
		}
	}
	rt.handle("op", "GET", echo("id"), "/users/{id}")
	rt.handle("op", "GET", echo("userId"), "/users/{userId}") // conflicts: must not panic
	rt.handle("op", "GET", echo("x"), "/a/{x}/b")
	rt.handle("op", "GET", echo("y"), "/a/b/{y}") // overlaps without precedence
	rt.handle("op", "GET", echo("period"), "/reports/getCounts(period='{period}')")
	rt.handle("op", "GET", echo("itemPath"), "/me/drive/root:/{itemPath...}:/content")
	rt.handle("op", "PUT", echo("driveId", "parentId", "filename"), "/drives/{driveId}/items/{parentId}:/{filename...}:/content")
	rt.handle("op", "GET", echo("id"), "/users/{id}/photo/$value")
	rt.handle("op", "GET", echo("id", "id2"), "/x/{id}/y/{id2}")
	return rt
}

func TestRouter(t *testing.T) {
	srv := httptest.NewServer(testServer())
	defer srv.Close()
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/users/" + pathSegment("a/b c"), "id=a/b c"},
		{"GET", "/a/1/b", "x=1"},
		{"GET", "/a/b/2", "y=2"},
		{"GET", "/reports/getCounts(period='" + pathString("D'7") + "')", "period=D'7"},
		{"GET", "/reports/getCounts(period=%27D7%27)", "period=D7"},
		{"GET", "/me/drive/root:/" + pathItems("reports/2021/q3:x.xlsx") + ":/content", "itemPath=reports/2021/q3:x.xlsx"},
		{"PUT", "/drives/d1/items/p1:/" + pathItems("notes.txt") + ":/content", "driveId=d1 parentId=p1 filename=notes.txt"},
		{"GET", "/users/u1/photo/$value", "id=u1"},
		{"GET", "/users/u1/photo/%24value", "id=u1"},
		{"DELETE", "/users/u1", "405"},
		{"GET", "/nowhere", "404"},
		{"POST", "/reports/getCounts(period='D7')", "405"},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := string(body)
		if resp.StatusCode != 200 {
			got = http.StatusText(resp.StatusCode)
			if tc.want == "405" || tc.want == "404" {
				got = strings.Fields(resp.Status)[0]
				var e Error
				if err := json.Unmarshal(body, &e); err != nil || e.Code == "" {
					t.Errorf("%s %s: error body %s is not an OData error", tc.method, tc.path, body)
				}
			}
		}
		if got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.method, tc.path, got, tc.want)
		}
	}
}

func TestReadJSON(t *testing.T) {
	rt := newRouter([]HandlerOption{WithMaxBodyBytes(64)})
	rt.handle("PostMethods", "POST", func(w http.ResponseWriter, r *http.Request, op *operation) {
		var body anyTestMethod
		if !rt.readJSON(w, r, &body, "phoneNumber") {
			return
		}
		rt.reply(w, op, http.StatusCreated, &body, nil)
	}, "/methods")
	for _, tc := range []struct {
		contentType, body string
		status            int
	}{
		{"application/json", `{"@odata.type": "#test.phoneMethod", "phoneNumber": "1"}`, 201},
		{"application/json; charset=utf-8", `{"@odata.type": "#test.phoneMethod", "phoneNumber": "1"}`, 201},
		{"text/plain", `{"phoneNumber": "1"}`, 415},
		{"", `{"phoneNumber": "1"}`, 415},
		{"application/json", `{"@odata.type": "#test.phoneMethod"}`, 400},
		{"application/json", `{"@odata.type":"#test.phoneMethod","phoneNumber@odata.bind":"n"}`, 201}, // by reference
		{"application/json", `{"phoneNumber": "1", "bogus": true}`, 400},
		{"application/json", `{"phoneNumber": `, 400},
		{"application/json", ``, 400},
		{"application/json", `{"phoneNumber": "` + strings.Repeat("1", 100) + `"}`, 413},
	} {
		req := httptest.NewRequest("POST", "/methods", strings.NewReader(tc.body))
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		rec := httptest.NewRecorder()
		rt.ServeHTTP(rec, req)
		if rec.Code != tc.status {
			t.Errorf("%q %s: status %d, want %d (%s)", tc.contentType, tc.body, rec.Code, tc.status, rec.Body)
		}
		if tc.status == 201 && !strings.Contains(rec.Body.String(), `"@odata.type":"#test.phoneMethod"`) {
			t.Errorf("reply %s lost the derived type", rec.Body)
		}
	}
}

func TestClientErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/odata":
			writeError(w, newError(http.StatusForbidden, "Authorization_RequestDenied", "Insufficient privileges"))
		case "/plain":
			http.Error(w, "bad gateway", http.StatusBadGateway)
		case "/ok":
			if r.Header.Get("Content-Type") != "application/json" || r.URL.Query().Get("$select") != "id" {
				http.Error(w, "bad request", 400)
				return
			}
			body, _ := io.ReadAll(r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.Write(bytes.Replace(body, []byte(`"+1"`), []byte(`"+2"`), 1))
		}
	}))
	defer srv.Close()
	c := NewClient(srv.URL+"/", nil)
	var out testPhoneMethod
	err := c.do(context.Background(), &call{method: "GET", path: "/odata", out: &out}, nil)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 403 || e.Code != "Authorization_RequestDenied" {
		t.Errorf("odata error: %#v", err)
	}
	err = c.do(context.Background(), &call{method: "GET", path: "/plain", out: &out}, nil)
	if !errors.As(err, &e) || e.StatusCode != 502 || e.Message != "bad gateway" {
		t.Errorf("plain error: %#v", err)
	}
	var body anyTestMethod = &testPhoneMethod{PhoneNumber: Some("+1")}
	var got anyTestMethod
	err = c.do(context.Background(), &call{method: "POST", path: "/ok", body: &body, out: &got}, []RequestOption{WithQuery("$select", "id")})
	if err != nil {
		t.Fatal(err)
	}
	if p, isPhone := got.(*testPhoneMethod); !isPhone || val(p.PhoneNumber) != "+2" {
		t.Errorf("got %#v", got)
	}
}

func val[T any](o Optional[T]) T {
	v, _ := Get(o)
	return v
}

// OData writes Int64 and Decimal as strings for IEEE754Compatible clients, and the values of Double that JSON numbers
// cannot hold as "NaN", "INF" and "-INF"; both forms decode, strictly too. Encoding writes numbers.
func TestNumberForms(t *testing.T) {
	type numbers struct {
		I Optional[int64]   `json:"i,omitzero"`
		F Optional[float64] `json:"f,omitzero"`
		S []float32         `json:"s,omitzero"`
	}
	var n numbers
	if err := UnmarshalStrict([]byte(`{"i": "9007199254740993", "f": "-0.5", "s": [1.5, "NaN", "INF", "-INF", "2"]}`), &n); err != nil {
		t.Fatal(err)
	}
	if n.I.Value != 9007199254740993 || n.F.Value != -0.5 || len(n.S) != 5 || n.S[4] != 2 {
		t.Errorf("got %+v", n)
	}
	out, err := Marshal(&n)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"i":9007199254740993,"f":-0.5,"s":[1.5,"NaN","INF","-INF",2]}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	for _, bad := range []string{`{"i": "1.5"}`, `{"i": "+1"}`, `{"i": "0x10"}`, `{"f": "Inf"}`, `{"f": "0x1p-2"}`, `{"f": "1_0"}`, `{"f": "one"}`, `{"f": true}`, `{"i": ""}`} {
		if err := Unmarshal([]byte(bad), &numbers{}); err == nil {
			t.Errorf("%s: decoded", bad)
		}
	}
}

// The service's errors carry more than code and message (a naming policy's prefix and suffix in a detail, other
// members of the error); reading and writing one keeps them.
func TestErrorKeepsEveryMember(t *testing.T) {
	in := `{"error":{"code":"Request_UnprocessableEntity","message":"Invalid.","innerError":{"request-id":"r1"},
		"details":[{"target":"displayName","code":"MissingPrefixSuffix","message":"Missing.","prefix":"My_","suffix":"_x"}],
		"@odata.type":"#microsoft.graph.error"}}`
	var e Error
	if err := json.Unmarshal([]byte(in), &e); err != nil {
		t.Fatal(err)
	}
	if e.Code != "Request_UnprocessableEntity" || len(e.Details) != 1 || e.Details[0].Target != "displayName" ||
		string(e.Details[0].AdditionalData["prefix"]) != `"My_"` || string(e.AdditionalData["@odata.type"]) != `"#microsoft.graph.error"` {
		t.Fatalf("read %+v", e)
	}
	out, err := json.Marshal(&e)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	if err := json.Unmarshal([]byte(in), &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("re-encoded\n%s\nwant the same members as\n%s", out, in)
	}
	if err := json.Unmarshal([]byte(`{"error":{"code":1}}`), &e); err == nil {
		t.Fatal("a number for code was accepted")
	}
}

// CheckWireForm accepts what the generated types read and refuses the rest: the linter reports example values by it.
func TestCheckWireForm(t *testing.T) {
	for _, c := range []struct {
		edm, value string
		ok         bool
	}{
		{"Edm.DateTimeOffset", "2021-07-20T10:00:00Z", true},
		{"Edm.DateTimeOffset", "2021-07-20T10:00:00.1234567", true},
		{"Edm.DateTimeOffset", "datetime-value", false},
		{"Edm.DateTimeOffset", "1974-07-22", false},
		{"Edm.Date", "1974-07-22", true},
		{"Edm.Date", "2020-09-08T12:02:30.667Z", false},
		{"Edm.TimeOfDay", "08:00:00.0000000", true},
		{"Edm.TimeOfDay", "8 am", false},
		{"Edm.Duration", "PT1H30M", true},
		{"Edm.Duration", "1 hour", false},
		{"Edm.Guid", "5662f6c4-f6c4-5662-c4f6-6256c4f66256", true},
		{"Edm.Guid", "skuId-value", false},
		{"Edm.Binary", "aGVsbG8=", true},
		{"Edm.Binary", "MIIDYDCCAki...", false},
		{"Edm.Stream", "content-value", false},
		{"Edm.String", "anything", true},
		{"Edm.Int32", "not checked here", true},
	} {
		err := CheckWireForm(c.edm, c.value)
		if (err == nil) != c.ok {
			t.Errorf("CheckWireForm(%s, %q) = %v, want ok %v", c.edm, c.value, err, c.ok)
		}
		// The generated types agree: a struct field of the type reads the value exactly when the check passes.
		var target any
		switch c.edm {
		case "Edm.Date":
			target = new(Date)
		case "Edm.Guid":
			target = new(GUID)
		case "Edm.Binary", "Edm.Stream":
			target = new([]byte)
		case "Edm.DateTimeOffset":
			target = new(testMethod)
		default:
			continue
		}
		data, _ := json.Marshal(c.value)
		if _, isMethod := target.(*testMethod); isMethod {
			err = json.Unmarshal([]byte(`{"createdDateTime":`+string(data)+`}`), target)
		} else {
			err = json.Unmarshal(data, target)
		}
		if (err == nil) != c.ok {
			t.Errorf("decoding %s %q: %v, want ok %v", c.edm, c.value, err, c.ok)
		}
	}
}

// testAttributeType is an enum whose members are PascalCase, as a few of the docs' are.
type testAttributeType string

func (v testAttributeType) IsKnown() bool { return v == "String" || v == "DateTime" }

func TestKnownIgnoringCase(t *testing.T) {
	for in, want := range map[testAttributeType]bool{"String": false, "string": true, "dateTime": true, "STRING": false, "Strin": false} {
		// "String" is known as written (so not "known ignoring case"); "STRING" has no candidate that is a member.
		if got := knownIgnoringCase(reflect.ValueOf(in)); got != want {
			t.Errorf("knownIgnoringCase(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[testPhoneType]bool{"Mobile": true, "MOBILE": true, "mobil": false} {
		if got := knownIgnoringCase(reflect.ValueOf(in)); got != want {
			t.Errorf("knownIgnoringCase(%q) = %v, want %v", in, got, want)
		}
	}
}

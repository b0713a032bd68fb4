package support

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// FuzzCodecRoundTrip feeds arbitrary bytes to the codec of the generated types, through testUser, which has what
// generated structs have: Optional values, an enum, a flags enum, collections, a polymorphic collection and value,
// a nested struct, temporal types, GUID, binary, raw JSON, numbers, an embedded base and AdditionalData (it is an
// open type). Whatever decodes must encode, the encoding must decode again, and encode to the same bytes; nothing
// may panic, the strict decode and the handler's checks included. Crashers are kept in testdata/fuzz.
//
//	go test -run '^$' -fuzz FuzzCodecRoundTrip -fuzztime 10m ./templates/support/
func FuzzCodecRoundTrip(f *testing.F) {
	for _, seed := range []string{
		`{}`,
		`null`,
		`{"id":"u1","displayName":"Adele","businessPhones":["+1 555"],"passwordProfile":{"password":"p","x":1},` +
			`"methods":[{"@odata.type":"#test.phoneMethod","phoneNumber":"+1","phoneType":"mobile","createdDateTime":"2021-07-01T12:00:00.1234567Z"},{"id":"m2"}],` +
			`"primaryMethod":{"@odata.type":"test.phoneMethod","phoneType":"satellite"},"birthday":"2024-02-29","startTime":"08:30:00.5",` +
			`"timeout":"P1DT2H3M4.5S","tenantId":"7d3c3e5e-1f0b-4f43-9c6e-2f1a0b9c8d7e","photo":"aGVsbG8=","extension":{"a":[1,{"b":null}]},` +
			`"allowedCombinations":["password, sms","fido2"],"score":"NaN","quota":"9007199254740993","accountEnabled":true,` +
			`"@odata.etag":"W/\"1\"","dynamic":{"nested":[1,2,3]},"extension_0123456789abcdef0123456789abcdef_x":"y"}`,
		`{"displayName":null,"primaryMethod":null,"score":1e308,"quota":-9223372036854775808,"timeout":"-PT0S"}`,
		`{"displayName":"\u00e9\ud83d\ude00\u2028","unknown":"\ud800"}`,
		`{"id":1}`,
		`{"methods":[null,{"@odata.type":"#test.entity"}]}`,
		`{"birthday":"0000-01-01","startTime":"23:59:59.999999999","score":-0.0}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("an input of %d bytes takes more than 5 s", len(data))) })
		defer watchdog.Stop()
		var strict testUser
		_ = UnmarshalStrict(data, &strict)
		_ = checkJSON(data, jsonLimits{depth: 64, objectMembers: 1000, members: 20000, decoded: 16 << 20})
		var v testUser
		if err := Unmarshal(data, &v); err != nil {
			return
		}
		first, err := Marshal(&v)
		if err != nil {
			t.Fatalf("what decoded does not encode: %v\ninput %q", err, data)
		}
		var w testUser
		if err := Unmarshal(first, &w); err != nil {
			t.Fatalf("the encoding does not decode: %v\ninput    %q\nencoding %q", err, data, first)
		}
		second, err := Marshal(&w)
		if err != nil {
			t.Fatalf("the second encoding fails: %v\ninput %q", err, data)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("the encoding is not stable\ninput  %q\nfirst  %q\nsecond %q", data, first, second)
		}
	})
}

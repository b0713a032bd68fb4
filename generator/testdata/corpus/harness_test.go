package graph

// This file is copied into a package generated from the docs corpus by generator/corpus_test.go, beside
// testdata/corpus_cases.json, which that test writes, and corpus_server_test.go, which it generates. It lives in
// generator/testdata so that the generator's own build ignores it. It prints one line per case, which the outer test
// reads:
//
//	RT <tab> id <tab> ok
//	RT <tab> id <tab> FAIL <tab> reason <tab> detail
//	RTV <tab> id <tab> reason <tab> detail        (round-trips, but UnmarshalStrict's value checks refuse it)
//	E2E <tab> id <tab> ok <tab> typed | raw      (raw: the body or the answer is json.RawMessage)
//	E2E <tab> id <tab> FAIL <tab> reason <tab> detail
//
// Equivalence of the re-encoded JSON with the docs' JSON (corpusEquivalent) is by value, not by text:
//   - members are compared as sets: order does not matter; a member missing on either side is a difference,
//     except an @odata.type the encoder adds where a derived value sits in a base-typed place;
//   - numbers are compared by value (1.0 = 1 = 1e0; equal as float64 when the docs write more digits than a
//     double holds, or as float32 when the re-encoding is a float32's shortest form: an Edm.Single), and a string holding a number equals that number (OData's IEEE754Compatible form of Int64
//     and Decimal: "9007199254740993");
//   - strings that differ are equal when both read as the same Edm.DateTimeOffset instant (precision, "Z" or
//     "+00:00", no offset = UTC), the same Edm.Duration, Edm.TimeOfDay, Edm.Date, or the same Edm.Guid in another
//     case or with braces;
//   - a flags value equals another listing the same members in the same order, spaces after commas aside;
//   - everything else (booleans, null, array order and length) must be identical.

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

type corpusCases struct {
	RoundTrip []corpusRoundTrip `json:"roundtrip"`
	E2E       []corpusE2E       `json:"e2e"`
}

// corpusRoundTrip is one example body (or one instance of a collection example).
type corpusRoundTrip struct {
	ID string `json:"id"`
	// Type is the schema type the JSON is an instance of; when empty, Method and Side say which Go type to decode
	// into: the body parameter ("request") or the result ("response") of the Client method.
	Type   string          `json:"type,omitempty"`
	Method string          `json:"method,omitempty"`
	Side   string          `json:"side,omitempty"`
	JSON   json.RawMessage `json:"json"`
}

// corpusE2E is one route called through the Client against NewHandler.
type corpusE2E struct {
	ID     string   `json:"id"`     // the route: "GET /users/{id}/events"
	Method string   `json:"method"` // the Server method that serves the route
	Client string   `json:"client"` // the Client method that calls it
	Args   []string `json:"args"`   // the Client method's arguments
	// ServerArgs are the arguments the Server method must get: the client's, by parameter, "" for a parameter of
	// the method's first path that the route has not.
	ServerArgs []string        `json:"serverArgs"`
	Request    json.RawMessage `json:"request,omitempty"`
	Response   json.RawMessage `json:"response,omitempty"`
	Status     int             `json:"status"`
}

func loadCorpusCases(t *testing.T) *corpusCases {
	data, err := os.ReadFile("testdata/corpus_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c corpusCases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func TestCorpusRoundTrip(t *testing.T) {
	cases := loadCorpusCases(t)
	client := reflect.TypeFor[*Client]()
	for _, c := range cases.RoundTrip {
		reason, detail := corpusRoundTripOne(client, c)
		if reason == "" {
			fmt.Printf("RT\t%s\tok\n", c.ID)
			continue
		}
		fmt.Printf("RT\t%s\tFAIL\t%s\t%s\n", c.ID, reason, oneLine(detail))
	}
}

func corpusRoundTripOne(client reflect.Type, c corpusRoundTrip) (reason, detail string) {
	if c.Side == "error" {
		// An error answer is an OData error body, whatever the operation answers with when it succeeds.
		var e Error
		if err := json.Unmarshal(c.JSON, &e); err != nil {
			return decodeReason(err), err.Error()
		}
		out, err := json.Marshal(&e)
		if err != nil {
			return "encode", err.Error()
		}
		if diff := corpusEquivalent(c.JSON, out); diff != "" {
			return "not-equivalent", diff + " | re-encoded: " + clip(string(out), 300)
		}
		return "", ""
	}
	var target reflect.Type
	switch {
	case c.Type != "":
		if target = lookupType(c.Type); target == nil {
			return "no-go-type", "the registry has no type " + c.Type
		}
	default:
		m, ok := client.MethodByName(c.Method)
		if !ok {
			return "no-go-type", "no Client method " + c.Method
		}
		target = corpusMethodType(m.Type, c.Side)
		if target == nil {
			return "no-go-type", c.Method + " has no JSON " + c.Side
		}
	}
	// Strict about members: a member the type does not declare is refused unless the type is open. Values are
	// taken as the client takes them (an enum value the docs do not list is kept), so that the round trip shows
	// what the types can hold; UnmarshalStrict's value checks are reported apart (RTV lines).
	ptr := reflect.New(target)
	if err := unmarshalMode(c.JSON, ptr.Interface(), rejectUnknown); err != nil {
		return decodeReason(err), err.Error()
	}
	out, err := Marshal(ptr.Interface())
	if err != nil {
		return "encode", err.Error()
	}
	if diff := corpusEquivalent(c.JSON, out); diff != "" {
		return "not-equivalent", diff + " | re-encoded: " + clip(string(out), 300)
	}
	if err := UnmarshalStrict(c.JSON, reflect.New(target).Interface()); err != nil {
		fmt.Printf("RTV\t%s\t%s\t%s\n", c.ID, decodeReason(err), oneLine(err.Error()))
	}
	return "", ""
}

// corpusMethodType is the Go type a Client method takes as its JSON body or returns as its JSON answer: the type
// itself, not a pointer to it. Methods are func(recv, ctx, args..., body?, opts...) (result?, error).
func corpusMethodType(ft reflect.Type, side string) reflect.Type {
	switch side {
	case "request":
		// The last argument before opts, when it is not a string (path arguments are strings) or a Reader.
		if ft.NumIn() < 4 {
			return nil
		}
		t := ft.In(ft.NumIn() - 2)
		if t.Kind() == reflect.String || t.Kind() == reflect.Interface && t.NumMethod() == 1 && t.Method(0).Name == "Read" {
			return nil
		}
		return t
	case "response":
		if ft.NumOut() != 2 {
			return nil
		}
		t := ft.Out(0)
		if t.Kind() == reflect.Int64 || t.Kind() == reflect.Interface && t.NumMethod() > 0 && t.Method(0).Name == "Close" {
			return nil
		}
		return t
	}
	return nil
}

func decodeReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "has no property"):
		return "unknown-property"
	case strings.Contains(msg, "is not a documented value"):
		return "undocumented-enum-value"
	case strings.Contains(msg, "null is not allowed"):
		return "null-not-allowed"
	case strings.Contains(msg, "@odata.type"):
		return "odata-type-mismatch"
	case strings.Contains(msg, "is not a date"), strings.Contains(msg, "is not a time"),
		strings.Contains(msg, "is not an ISO 8601 duration"), strings.Contains(msg, "is not a GUID"):
		return "bad-primitive-form"
	case strings.Contains(msg, "expected "):
		return "wrong-json-kind"
	case strings.Contains(msg, "invalid JSON"):
		return "invalid-json"
	}
	return "decode-other"
}

// E2E: a Server that answers every selected operation with the docs' response example and records what it got.

type corpusCall struct {
	method  string
	args    []string
	body    []byte // the body the handler decoded, re-encoded; nil when the operation takes none
	respErr error  // the docs' response example did not decode into the result type
}

var corpusE2EState struct {
	sync.Mutex
	responses map[string]json.RawMessage
	calls     []corpusCall
}

// corpusServe is what every method of the generated corpusServer calls.
func corpusServe[R any](ctx context.Context, method string, args []string, body any, hasBody bool) (R, error) {
	var zero R
	call := corpusCall{method: method, args: args}
	if hasBody {
		data, err := Marshal(body)
		if err != nil {
			return zero, err
		}
		call.body = data
	}
	corpusE2EState.Lock()
	defer corpusE2EState.Unlock()
	resp := corpusE2EState.responses[method]
	var out R
	if len(resp) > 0 {
		p := reflect.New(reflect.TypeFor[R]())
		call.respErr = Unmarshal(resp, p.Interface())
		out, _ = p.Elem().Interface().(R) // a nil interface when the example did not decode
	}
	corpusE2EState.calls = append(corpusE2EState.calls, call)
	if call.respErr != nil {
		return zero, call.respErr
	}
	return out, nil
}

// corpusStatus records the status of each answer the client gets.
type corpusStatus struct {
	next http.RoundTripper
	mu   sync.Mutex
	last int
}

func (s *corpusStatus) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(r)
	if err == nil {
		s.mu.Lock()
		s.last = resp.StatusCode
		s.mu.Unlock()
	}
	return resp, err
}

func TestCorpusE2E(t *testing.T) {
	cases := loadCorpusCases(t)
	corpusE2EState.responses = map[string]json.RawMessage{}
	for _, c := range cases.E2E {
		corpusE2EState.responses[c.Method] = c.Response
	}
	srv := httptest.NewServer(NewHandler(corpusServer{}))
	defer srv.Close()
	status := &corpusStatus{next: srv.Client().Transport}
	client := NewClient(srv.URL, &http.Client{Transport: status})
	cv := reflect.ValueOf(client)
	ctx := context.Background()
	for _, c := range cases.E2E {
		reason, detail := corpusE2EOne(ctx, cv, status, c)
		if reason == "" {
			fmt.Printf("E2E\t%s\tok\t%s\n", c.ID, corpusTyped(cv.MethodByName(c.Client).Type()))
			continue
		}
		fmt.Printf("E2E\t%s\tFAIL\t%s\t%s\n", c.ID, reason, oneLine(detail))
	}
}

func corpusE2EOne(ctx context.Context, cv reflect.Value, status *corpusStatus, c corpusE2E) (reason, detail string) {
	m := cv.MethodByName(c.Client)
	if !m.IsValid() {
		return "no-method", c.Client
	}
	ft := m.Type()
	in := []reflect.Value{reflect.ValueOf(ctx)}
	for _, a := range c.Args {
		in = append(in, reflect.ValueOf(a))
	}
	var body reflect.Value
	if len(c.Request) > 0 {
		bt := ft.In(len(in))
		p := reflect.New(bt)
		if err := UnmarshalStrict(c.Request, p.Interface()); err != nil {
			return "request-example", err.Error()
		}
		body = p.Elem()
		in = append(in, body)
	}
	if len(in) != ft.NumIn()-1 {
		return "signature", fmt.Sprintf("%s takes %d arguments, the case has %d", c.Client, ft.NumIn()-1, len(in))
	}
	corpusE2EState.Lock()
	corpusE2EState.calls = nil
	corpusE2EState.Unlock()
	status.last = 0
	out := m.Call(in)
	corpusE2EState.Lock()
	calls := corpusE2EState.calls
	corpusE2EState.Unlock()
	if err, _ := out[len(out)-1].Interface().(error); err != nil {
		switch {
		case len(calls) == 1 && calls[0].respErr != nil:
			return "response-example", calls[0].respErr.Error()
		case strings.Contains(err.Error(), "is not implemented"):
			return "routing", err.Error()
		}
		return "call", err.Error()
	}
	if len(calls) != 1 || calls[0].method != c.Method {
		var got []string
		for _, k := range calls {
			got = append(got, k.method)
		}
		return "routing", fmt.Sprintf("the handler called %v", got)
	}
	got := calls[0]
	if !reflect.DeepEqual(got.args, c.ServerArgs) && !(len(got.args) == 0 && len(c.ServerArgs) == 0) {
		return "arguments", fmt.Sprintf("the server got %q, want %q (the client sent %q)", got.args, c.ServerArgs, c.Args)
	}
	if status.last != c.Status {
		return "status", fmt.Sprintf("answered %d, documented %d", status.last, c.Status)
	}
	if len(c.Request) > 0 {
		if got.body == nil {
			return "request-body", "the server got no body"
		}
		if diff := corpusEquivalent(c.Request, got.body); diff != "" {
			return "request-body", diff
		}
	}
	if len(c.Response) > 0 {
		if len(out) != 2 {
			return "signature", c.Client + " returns no result"
		}
		res := out[0]
		if res.Kind() == reflect.Pointer && res.IsNil() || res.Kind() == reflect.Interface && res.IsNil() {
			return "response", "the client got no value"
		}
		data, err := Marshal(res.Interface())
		if err != nil {
			return "response", err.Error()
		}
		if diff := corpusEquivalent(c.Response, data); diff != "" {
			return "response", diff
		}
	}
	return "", ""
}

// corpusTyped says whether an operation's body and answer are generated types ("typed") or raw JSON ("raw").
func corpusTyped(ft reflect.Type) string {
	raw := reflect.TypeFor[json.RawMessage]()
	for i := 0; i < ft.NumIn(); i++ {
		if ft.In(i) == raw {
			return "raw"
		}
	}
	if ft.NumOut() == 2 && ft.Out(0) == raw {
		return "raw"
	}
	return "typed"
}

// Equivalence.

func corpusEquivalent(want, got []byte) string {
	var w, g any
	if err := corpusDecode(want, &w); err != nil {
		return "docs JSON: " + err.Error()
	}
	if err := corpusDecode(got, &g); err != nil {
		return "re-encoded JSON: " + err.Error()
	}
	return corpusCompare("$", w, g)
}

func corpusDecode(data []byte, v *any) error {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	return dec.Decode(v)
}

func corpusCompare(path string, w, g any) string {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: object became %s", path, corpusShow(g))
		}
		keys := make([]string, 0, len(wv))
		for k := range wv {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gk, ok := gv[k]
			if !ok {
				return fmt.Sprintf("%s.%s: dropped", path, k)
			}
			if d := corpusCompare(path+"."+k, wv[k], gk); d != "" {
				return d
			}
		}
		var extra []string
		for k := range gv {
			if _, ok := wv[k]; !ok && k != "@odata.type" {
				extra = append(extra, k)
			}
		}
		if len(extra) > 0 {
			sort.Strings(extra)
			return fmt.Sprintf("%s: added %s", path, strings.Join(extra, ", "))
		}
		return ""
	case []any:
		gv, ok := g.([]any)
		if !ok {
			return fmt.Sprintf("%s: array became %s", path, corpusShow(g))
		}
		if len(wv) != len(gv) {
			return fmt.Sprintf("%s: %d items became %d", path, len(wv), len(gv))
		}
		for i := range wv {
			if d := corpusCompare(fmt.Sprintf("%s[%d]", path, i), wv[i], gv[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		if corpusSameNumber(string(wv), g) {
			return ""
		}
	case string:
		if gs, ok := g.(string); ok && corpusSameString(wv, gs) {
			return ""
		}
		if gn, ok := g.(json.Number); ok && corpusSameNumber(string(gn), wv) {
			return ""
		}
	default:
		if reflect.DeepEqual(w, g) {
			return ""
		}
	}
	return fmt.Sprintf("%s: %s became %s", path, corpusShow(w), corpusShow(g))
}

func corpusSameNumber(a string, b any) bool {
	var bs string
	switch bv := b.(type) {
	case json.Number:
		bs = string(bv)
	case string:
		bs = bv
	default:
		return false
	}
	// Equal as written, or as the nearest float64 (the docs write more digits than a double holds).
	x, ok1 := new(big.Float).SetString(a)
	y, ok2 := new(big.Float).SetString(bs)
	if !ok1 || !ok2 {
		return false
	}
	if x.Cmp(y) == 0 {
		return true
	}
	fx, _ := strconv.ParseFloat(a, 64)
	fy, _ := strconv.ParseFloat(bs, 64)
	if fx == fy {
		return true
	}
	// An Edm.Single (float32) is written in the fewest digits that read back as the same float32: the docs'
	// value equals it when it rounds to that float32.
	return strconv.FormatFloat(float64(float32(fy)), 'g', -1, 32) == bs && float32(fx) == float32(fy)
}

func corpusSameString(a, b string) bool {
	if a == b {
		return true
	}
	if x, err := parseDateTimeOffset(a); err == nil {
		if y, err := parseDateTimeOffset(b); err == nil {
			return x.Equal(y)
		}
	}
	if x, err := ParseDuration(a); err == nil {
		if y, err := ParseDuration(b); err == nil {
			return x == y
		}
	}
	if x, err := ParseTimeOfDay(a); err == nil {
		if y, err := ParseTimeOfDay(b); err == nil {
			return x == y
		}
	}
	if x, err := ParseDate(a); err == nil {
		if y, err := ParseDate(b); err == nil {
			return x == y
		}
	}
	if x, err := ParseGUID(a); err == nil {
		if y, err := ParseGUID(b); err == nil {
			return x == y
		}
	}
	if strings.Contains(a, ",") && strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(b, " ", "") {
		return true
	}
	return false
}

func corpusShow(v any) string {
	data, _ := json.Marshal(v)
	return clip(string(data), 120)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/lint"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// lockedBuffer is standard error shared by the server's goroutines and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var listening = regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)`)

// startServe runs `graphdocgen serve` through the real CLI on a free port of 127.0.0.1 and returns its base URL,
// its standard error and a stop function that cancels it (as SIGINT would) and waits for its exit code.
func startServe(t testing.TB, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedBuffer{}
	exit := make(chan int, 1)
	go func() {
		exit <- RunContext(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), nil, io.Discard, stderr)
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if m := listening.FindStringSubmatch(stderr.String()); m != nil {
			stopped := false
			var code int
			stop := func() int {
				if !stopped {
					cancel()
					code, stopped = <-exit, true
				}
				return code
			}
			t.Cleanup(func() { stop() })
			return "http://" + m[1], stderr, stop
		}
		select {
		case code := <-exit:
			cancel()
			t.Fatalf("serve exited with %d before listening: %s", code, stderr)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve is not listening: %s", stderr)
		}
	}
}

// TestServeReplaysDocsInput: every request example of docs-input/ sent to the mock gets its documented response.
func TestServeReplaysDocsInput(t *testing.T) {
	replayCorpus(t, filepath.Join("..", "..", "docs-input"), 1.0)
}

// TestServeReplaysCorpusV1 replays every request example of the v1.0 corpus and wants 98% of those without lint
// findings answered as documented.
func TestServeReplaysCorpusV1(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "graph-docs-2021", "v1.0")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared is absent: the v1.0 corpus is not replayed")
	}
	if testing.Short() {
		t.Skip("-short: the v1.0 corpus is not replayed")
	}
	replayCorpus(t, dir, 0.98)
}

// replayed is one request example sent and what came back.
type replayed struct {
	op       *model.Operation
	request  *model.Example
	response *model.Example
	findings []string // the lint rules reported on the two examples' lines
	prefer   bool     // sent with Prefer: example=<the request's name>, since another example makes the same request
	// others are the responses other pages document for the same request (method, URL and body): a mock answers one
	// request one way, and any of them is the documented answer to it.
	others  []*model.Example
	problem string // why the answer is not the documented one; "" when it is
}

func replayCorpus(t *testing.T, dir string, want float64) {
	m, err := parser.ParseDir(dir, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]lint.Finding{}
	for _, f := range lint.Run(m, lint.Options{FS: os.DirFS(dir)}) {
		byFile[f.Pos.File] = append(byFile[f.Pos.File], f)
	}
	var cases []*replayed
	for _, op := range m.Operations {
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleResponse {
				continue
			}
			req := op.RequestBefore(ex)
			if req == nil || req.Method == "" || req.URL == "" || hasResponseBetween(op, req, ex) {
				continue
			}
			c := &replayed{op: op, request: req, response: ex}
			c.findings = append(findingsOn(byFile, req), findingsOn(byFile, ex)...)
			cases = append(cases, c)
		}
	}
	ambiguous := ambiguousCases(cases)
	byRequest := map[string][]*replayed{}
	for _, c := range cases {
		byRequest[requestKey(c)] = append(byRequest[requestKey(c)], c)
	}
	for c := range ambiguous {
		c.prefer = c.request.Name != ""
		for _, o := range byRequest[requestKey(c)] {
			if o != c {
				c.others = append(c.others, o.response)
			}
		}
	}
	base, stderr, stop := startServe(t, "--docs", dir, "--quiet", "--poll", "0")
	client := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	work := make(chan *replayed)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				c.problem = replay(client, base, c)
			}
		}()
	}
	for _, c := range cases {
		work <- c
	}
	close(work)
	wg.Wait()
	if code := stop(); code != ExitOK {
		t.Fatalf("serve exited with %d: %s", code, stderr)
	}

	var clean, cleanOK, allOK, unambiguous, unambiguousOK, ambiguousClean, ambiguousOK int
	causes := map[string]int{}
	for _, c := range cases {
		if c.problem == "" {
			allOK++
		}
		if len(c.findings) > 0 {
			continue
		}
		clean++
		if !ambiguous[c] {
			unambiguous++
		} else {
			ambiguousClean++
		}
		if c.problem == "" {
			cleanOK++
			if !ambiguous[c] {
				unambiguousOK++
			} else {
				ambiguousOK++
			}
			continue
		}
		cause, _, _ := strings.Cut(c.problem, ":")
		if ambiguous[c] {
			cause = "same request, another response"
		}
		causes[cause]++
		if !ambiguous[c] {
			t.Logf("%s (%s %s): %s", c.request.Pos, c.request.Method, excerptString(c.request.URL, 120), c.problem)
		}
	}
	if len(cases) == 0 || unambiguous == 0 {
		t.Fatalf("%s: no request example with a response to replay", dir)
	}
	rate := float64(cleanOK) / float64(clean)
	t.Logf("%s: %d of %d request examples without lint findings, whose request no other example with another response makes too, answered as documented (%.1f%%)",
		filepath.Base(dir), unambiguousOK, unambiguous, 100*float64(unambiguousOK)/float64(unambiguous))
	t.Logf("%s: those another example makes with another response (sent with Prefer: example=<name>; any page's documented answer to the same request counts): %d of %d answered as documented",
		filepath.Base(dir), ambiguousOK, ambiguousClean)
	t.Logf("%s: all examples without lint findings: %d of %d (%.1f%%); all examples: %d of %d; failures by cause: %v",
		filepath.Base(dir), cleanOK, clean, 100*float64(cleanOK)/float64(clean), allOK, len(cases), sortedCounts(causes))
	if rate < want {
		t.Errorf("match rate %.1f%% is under %.0f%%", 100*rate, 100*want)
	}
}

// ambiguousCases are the examples whose request (method, path, query and body) another example makes too, with
// another response: pages that document the same call (GET /deviceAppManagement/mobileApps on each app type's
// list page) each with their own answer. A mock gives one answer to one request, so at most one of them can match.
func ambiguousCases(cases []*replayed) map[*replayed]bool {
	answers := map[string]map[string]bool{}
	keyOf := requestKey
	answerOf := func(c *replayed) string {
		var body []byte
		if c.response.JSON != nil {
			body, _ = c.response.JSON.MarshalJSON()
		}
		return fmt.Sprint(c.response.Status, " ", string(body))
	}
	for _, c := range cases {
		k := keyOf(c)
		if answers[k] == nil {
			answers[k] = map[string]bool{}
		}
		answers[k][answerOf(c)] = true
	}
	out := map[*replayed]bool{}
	for _, c := range cases {
		if len(answers[keyOf(c)]) > 1 {
			out[c] = true
		}
	}
	return out
}

// requestKey is what makes two examples the same request: method, URL (host aside, case aside) and body.
func requestKey(c *replayed) string {
	var body []byte
	if c.request.JSON != nil {
		body, _ = c.request.JSON.MarshalJSON()
	}
	return strings.ToUpper(c.request.Method) + " " + strings.ToLower(strings.TrimPrefix(strings.TrimSpace(c.request.URL), "https://graph.microsoft.com")) + " " + string(body)
}

// hasResponseBetween reports whether another response example stands between a request and ex (ex answers that
// one's request, not this).
func hasResponseBetween(op *model.Operation, req, ex *model.Example) bool {
	in := false
	for _, x := range op.Examples {
		switch {
		case x == req:
			in = true
		case x == ex:
			return false
		case in && x.Kind == model.ExampleResponse:
			return true
		}
	}
	return false
}

// findingsOn returns the rules of the warnings and errors lint reports on an example's lines, its annotation
// included.
func findingsOn(byFile map[string][]lint.Finding, ex *model.Example) []string {
	start, end := ex.Pos.Line, ex.BodyPos.Line+strings.Count(ex.Body, "\n")+1
	if ex.Annotation != nil && ex.Annotation.Pos.File == ex.Pos.File && ex.Annotation.Pos.Line < start {
		start = ex.Annotation.Pos.Line
	}
	var rules []string
	for _, f := range byFile[ex.Pos.File] {
		if f.Severity != model.SeverityInfo && f.Pos.Line >= start && f.Pos.Line <= end {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// replay sends a documented request and compares the answer with the documented response: the status, and the
// body, of which the documented JSON must be a part (all of it, but what the example truncates).
func replay(client *http.Client, base string, c *replayed) string {
	req, err := documentedRequest(base, c.request)
	if err != nil {
		return "request: " + err.Error()
	}
	if c.prefer {
		req.Header.Set("Prefer", "example="+c.request.Name)
	}
	res, err := client.Do(req)
	if err != nil {
		return "transport: " + err.Error()
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return "transport: " + err.Error()
	}
	problem := answerProblem(res.StatusCode, body, c.response)
	for _, o := range c.others {
		if problem != "" && answerProblem(res.StatusCode, body, o) == "" {
			return ""
		}
	}
	return problem
}

// answerProblem compares an answer with a documented response: the status, and the body, of which the documented
// JSON must be a part; "" when it is.
func answerProblem(status int, body []byte, response *model.Example) string {
	want := response.Status
	if want == 0 {
		want = http.StatusOK
	}
	if status != want {
		return fmt.Sprintf("status: %d, want %d: %s", status, want, excerptString(string(body), 200))
	}
	if response.JSON == nil || want == http.StatusNoContent {
		return ""
	}
	doc, _ := response.JSON.MarshalJSON()
	var documented, got any
	if err := decodeNumbers(doc, &documented); err != nil {
		return "documented: " + err.Error()
	}
	if err := decodeNumbers(body, &got); err != nil {
		return "body: not JSON: " + excerptString(string(body), 200)
	}
	if at := jsonSubset(documented, got, response.JSON, ""); at != "" {
		return "body: differs at " + at
	}
	return ""
}

func decodeNumbers(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// jsonSubset returns where got lacks what want has ("" when it has all): members of objects, items of arrays —
// all of them, but only the first ones of an array the example truncates.
func jsonSubset(want, got any, doc *model.Value, at string) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return at
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return at + "/" + k
			}
			if p := jsonSubset(wv, gv, doc.Get(k), at+"/"+k); p != "" {
				return p
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) < len(w) || len(g) != len(w) && (doc == nil || !doc.Elided) {
			return at
		}
		for i := range w {
			var item *model.Value
			if doc != nil && i < len(doc.Items) {
				item = doc.Items[i]
			}
			if p := jsonSubset(w[i], g[i], item, fmt.Sprintf("%s/%d", at, i)); p != "" {
				return p
			}
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) {
			return at
		}
	}
	return ""
}

// documentedRequest makes an HTTP request of a request example: its method, its path and query (escaped as a
// client would), its headers and its body.
func documentedRequest(base string, ex *model.Example) (*http.Request, error) {
	target := strings.TrimSpace(ex.URL)
	if i := strings.Index(target, "://"); i >= 0 {
		target = target[i+3:]
		if j := strings.IndexByte(target, '/'); j >= 0 {
			target = target[j:]
		} else {
			target = "/"
		}
	}
	path, rawQuery, _ := strings.Cut(target, "?")
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	var query []string
	for _, part := range strings.Split(rawQuery, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		query = append(query, url.QueryEscape(k)+"="+url.QueryEscape(v))
	}
	u := (&url.URL{Path: path}).EscapedPath()
	if len(query) > 0 {
		u += "?" + strings.Join(query, "&")
	}
	var body io.Reader
	if ex.JSON != nil {
		b, _ := ex.JSON.MarshalJSON()
		body = bytes.NewReader(b)
	} else if strings.TrimSpace(ex.Body) != "" {
		body = strings.NewReader(ex.Body)
	}
	req, err := http.NewRequest(strings.ToUpper(ex.Method), base+u, body)
	if err != nil {
		return nil, err
	}
	for _, h := range ex.Headers {
		name := http.CanonicalHeaderKey(strings.TrimSpace(h.Name))
		if name == "Content-Length" || name == "Host" || strings.ContainsAny(name, " \t:") || strings.ContainsAny(h.Value, "\r\n") {
			continue
		}
		req.Header.Add(name, strings.TrimSpace(h.Value))
	}
	return req, nil
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func excerptString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// TestServeCommand: the real CLI serves on a free port of 127.0.0.1, logs each request with the page that answered,
// reloads a page written while it serves, and stops cleanly with exit 0 when its context is done (as on SIGINT).
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(docsInput)); err != nil {
		t.Fatal(err)
	}
	base, stderr, stop := startServe(t, "--docs", dir, "--poll", "20ms")
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/v1.0/users/87d349ed"); code != 200 || !strings.Contains(body, "Adele Vance") {
		t.Fatalf("GET user: %d %s", code, body)
	}
	// The page's example now answers with another name: served once the page is reloaded.
	page := filepath.Join(dir, "api", "user-get.md")
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, bytes.ReplaceAll(text, []byte("Adele Vance"), []byte("Megan Bowen")), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, body := get("/v1.0/users/87d349ed"); strings.Contains(body, "Megan Bowen") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page written was not reloaded: %s", stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code, _ := get("/v1.0/nothing"); code != 404 {
		t.Errorf("unknown route: %d", code)
	}
	if code := stop(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	log := stderr.String()
	for _, want := range []string{"GET /v1.0/users/87d349ed 200 api/user-get.md:", "GET /v1.0/nothing 404 -", "reloaded: 20 routes", "stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if _, err := http.Get(base + "/users/x"); err == nil {
		t.Error("still serving after stop")
	}
}

func TestServeFailures(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve"}, "--docs is required"},
		{[]string{"serve", "--docs", docsInput, "--addr", "127.0.0.1:-1"}, "--addr"},
		{[]string{"serve", "--docs", docsInput, "--max-body-bytes", "x"}, "--max-body-bytes"},
		{[]string{"serve", "--docs", filepath.Join(t.TempDir(), "none")}, "docs"},
	} {
		var stderr bytes.Buffer
		if code := Run(tt.args, nil, io.Discard, &stderr); code != ExitUsage || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", tt.args, code, stderr.String(), tt.want)
		}
	}
}

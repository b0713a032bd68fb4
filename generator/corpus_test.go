package generator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dave/jennifer/jen"
	"github.com/graphdocgen/graphdocgen/lint"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

// The corpus tests generate the package of a whole docs corpus into a temporary module and prove it there, in one
// `go vet` and one `go test` run (sharing the build cache of the outer go command):
//
//   - the package compiles and is vet clean;
//   - round trip: every request and response example whose JSON parses and whose type is known decodes strictly
//     (UnmarshalStrict) into the generated type and re-encodes to equivalent JSON (the rules are in
//     testdata/corpus/harness_test.go); at least 95% of those without a doc defect the linter reports must, and
//     every one that does not must be a doc defect the linter reports at the failing value (the raw rate, defects
//     included, is logged);
//   - routes: every route of the model is registered once, and a request to each lands in the operation registered
//     for it (TestEveryRouteLandsInItsOwnMethod, copied from out/);
//   - end to end, per route: the generated Client method of the route's path calls the generated NewHandler over
//     httptest, for every route whose canonical page gives what it needs, with the page's request example as the
//     body and a Server that answers with its response example; the client must get the typed answer with the
//     documented status and the route's Server method the typed request and the path arguments. The share that
//     must pass is of the routes whose examples are free of lint findings (warnings and errors).
//
// v1.0 runs always (when ../shared is there); beta only with GRAPHDOCGEN_LONG=1.

const corpusPackage = "graph"

func corpusShared(t testing.TB) string {
	dir := os.Getenv("GRAPHDOCGEN_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "graph-docs-2021")); err != nil {
		t.Skipf("the docs corpus is not there (%v): set GRAPHDOCGEN_SHARED to the shared folder, or check it out beside the project as ../shared", err)
	}
	return dir
}

func TestCorpusV1(t *testing.T) {
	runCorpus(t, "v1.0", corpusWant{roundTrip: 0.95, allLinted: true, e2e: 200, e2eClean: 0.99})
}

// TestSeedsEndToEnd proves the package generated from the five seed pages (drafts full of TODOs, a plain-text
// scrape, a page with its front matter as a table) the same way: each seed's operation goes from the generated
// Client through NewHandler and back, with the seed's own example bodies where it has them.
func TestSeedsEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and tests a generated module")
	}
	root := filepath.Join(corpusShared(t), "seeds")
	m := runDocs(t, "seeds", root, parser.Options{Include: []string{"*.md", "*.txt"}}, corpusWant{roundTrip: 0.95, allLinted: true, everyRoute: true})
	if len(m.Operations) < 5 {
		t.Errorf("seeds: %d operations, want one per seed page", len(m.Operations))
	}
}

func TestCorpusBeta(t *testing.T) {
	if os.Getenv("GRAPHDOCGEN_LONG") == "" {
		t.Skip("the beta corpus takes minutes: set GRAPHDOCGEN_LONG=1 to run it")
	}
	runCorpus(t, "beta", corpusWant{roundTrip: 0.95, allLinted: true, e2e: 200, e2eClean: 0.99})
}

type corpusWant struct {
	roundTrip float64 // the least share of examples without a reported doc defect that must round-trip
	// allLinted requires every round-trip failure to be a doc defect the linter reports at the failing value.
	allLinted bool
	e2e       int // the least number of routes that must pass end to end
	// e2eClean is the least share of the routes whose examples are free of lint findings that must pass end to end.
	e2eClean float64
	// everyRoute requires every route of the docs to pass end to end.
	everyRoute bool
}

// corpusExample is what the outer test knows of a round-trip case: where its example is.
type corpusExample struct {
	key        string // the example: page, kind and index
	file       string
	start, end int                     // lines of the annotation (or fence) through the body
	values     map[string]*model.Value // case id → the JSON it decodes
	// truncated is set when the docs cut the example short: "truncated": true in its annotation, or a "..." the
	// parser dropped (and marked Elided).
	truncated bool
}

func elided(v *model.Value) bool {
	if v == nil {
		return false
	}
	if v.Elided {
		return true
	}
	for _, m := range v.Members {
		if elided(m.Value) {
			return true
		}
	}
	for _, it := range v.Items {
		if elided(it) {
			return true
		}
	}
	return false
}

// lineOf finds the line of the value at a path of a decode error ("a.b[2].c") or a difference ("$.a.b[2]") in v,
// the object that holds it, and the value itself (nil when the path leads nowhere); line 0 when the path does not
// lead anywhere.
func lineOf(v *model.Value, path string) (line int, parent, at *model.Value) {
	path = strings.TrimPrefix(strings.TrimPrefix(path, "$"), ".")
	if v != nil {
		line = v.Line
	}
	for path != "" && v != nil {
		parent = v
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			var i int
			if end < 0 || v.Kind != model.ValueArray {
				return line, parent, nil
			}
			if _, err := fmt.Sscanf(path[1:end], "%d", &i); err != nil || i < 0 || i >= len(v.Items) {
				return line, parent, nil
			}
			v, path = v.Items[i], strings.TrimPrefix(path[end+1:], ".")
			line = v.Line
		case v.Kind == model.ValueObject:
			// Keys may hold dots (@odata.type): take the longest member name the path starts with.
			var best *model.Member
			for i := range v.Members {
				k := v.Members[i].Key
				if strings.HasPrefix(path, k) && (len(path) == len(k) || path[len(k)] == '.' || path[len(k)] == '[') &&
					(best == nil || len(k) > len(best.Key)) {
					best = &v.Members[i]
				}
			}
			if best == nil {
				return line, parent, nil
			}
			line, v, path = best.Line, best.Value, strings.TrimPrefix(path[len(best.Key):], ".")
		default:
			return line, parent, nil
		}
	}
	return line, parent, v
}

// lastLine is the last line of a value: the line of its last nested member or item.
func lastLine(v *model.Value) int {
	if v == nil {
		return 0
	}
	end := v.Line
	for _, m := range v.Members {
		end = max(end, m.Line, lastLine(m.Value))
	}
	for _, it := range v.Items {
		end = max(end, lastLine(it))
	}
	return end
}

// failurePath extracts the JSON path from a failure's detail: "a.b: message" or "$.a.b: message".
func failurePath(reason, detail string) (string, bool) {
	if reason == "not-equivalent" || strings.HasPrefix(detail, "$") {
		p, _, ok := strings.Cut(detail, ": ")
		return p, ok
	}
	p, _, ok := strings.Cut(detail, ": ")
	if !ok || strings.ContainsAny(p, " \"\t") {
		return "", false
	}
	return p, true
}

func runCorpus(t *testing.T, version string, want corpusWant) {
	if testing.Short() {
		t.Skip("-short: the corpus test builds a package of a thousand types")
	}
	runDocs(t, version, filepath.Join(corpusShared(t), "corpus", "graph-docs-2021", version), parser.Options{}, want)
}

// runDocs generates the package of the docs under root and proves it (see the top of the file); version names the
// docs in the log.
func runDocs(t *testing.T, version, root string, opts parser.Options, want corpusWant) *model.Model {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}

	start := time.Now()
	m, err := parser.ParseDir(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	parsed := time.Now()
	p, err := newPlan(m, Options{Package: corpusPackage})
	if err != nil {
		t.Fatal(err)
	}
	files, err := p.render()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: parsed %d pages in %v; generated %d files for %d types and %d operations in %v",
		version, len(m.Pages), parsed.Sub(start).Round(time.Millisecond), len(files), len(m.Types), len(m.Operations),
		time.Since(parsed).Round(time.Millisecond))

	li := lintIndex{byFile: map[string][]lint.Finding{}, pageOf: map[string]string{}}
	for _, f := range lint.Run(m, lint.Options{FS: os.DirFS(root)}) {
		li.byFile[f.Pos.File] = append(li.byFile[f.Pos.File], f)
	}
	for _, ty := range m.Types {
		li.pageOf[strings.ToLower(ty.FullName())] = ty.Pos.File
	}
	cases, examples, skipped := corpusCasesOf(m, p, li)
	repaired, leftOut := 0, 0
	for _, c := range cases.E2E {
		if len(c.LeftOut) > 0 {
			repaired, leftOut = repaired+1, leftOut+len(c.LeftOut)
		}
	}
	t.Logf("%s: end to end: %d routes with cases; %d of them with %d members left out of their examples as doc defects the linter reports",
		version, len(cases.E2E), repaired, leftOut)
	t.Logf("%s: %d round-trip cases from %d examples; %d examples left out: %s", version, len(cases.RoundTrip),
		len(examples), skipped.total(), skipped)
	server := corpusServerFile(p, cases.E2E)

	// GRAPHDOCGEN_CORPUS_DIR keeps the module for a look afterwards (it is emptied first).
	dir := os.Getenv("GRAPHDOCGEN_CORPUS_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else {
		dir = filepath.Join(dir, version)
		must(t, os.RemoveAll(dir))
	}
	pkgDir := filepath.Join(dir, corpusPackage)
	must(t, os.MkdirAll(filepath.Join(pkgDir, "testdata"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/corpus\n\ngo 1.24\n"), 0o644))
	for name, data := range files {
		must(t, os.WriteFile(filepath.Join(pkgDir, name), data, 0o644))
	}
	harness, err := os.ReadFile(filepath.Join("testdata", "corpus", "harness_test.go"))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(pkgDir, "corpus_harness_test.go"), harness, 0o644))
	must(t, os.WriteFile(filepath.Join(pkgDir, "corpus_server_test.go"), server, 0o644))
	routes, err := os.ReadFile(filepath.Join("..", "out", "routes_internal_test.go"))
	must(t, err)
	routes = bytes.Replace(routes, []byte("\npackage out\n"), []byte("\npackage "+corpusPackage+"\n"), 1)
	must(t, os.WriteFile(filepath.Join(pkgDir, "corpus_routes_test.go"), routes, 0o644))
	if version == "v1.0" {
		// BenchmarkBuildCold's program, built here by vet, so that a renamed operation breaks a test and not only
		// the benchmark that needs GRAPHDOCGEN_LONG.
		cold := strings.Replace(coldMain, `"example.com/cold/graph"`, `"example.com/corpus/`+corpusPackage+`"`, 1)
		must(t, os.MkdirAll(filepath.Join(dir, "cmd", "cold"), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, "cmd", "cold", "main.go"), []byte(cold), 0o644))
	}
	checkRoutesRegistered(t, version, m, p)
	data, err := json.Marshal(cases)
	must(t, err)
	must(t, os.WriteFile(filepath.Join(pkgDir, "testdata", "corpus_cases.json"), data, 0o644))

	try := func(args ...string) ([]byte, error) {
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GO111MODULE=on")
		began := time.Now()
		out, err := cmd.CombinedOutput()
		t.Logf("%s: go %s: %v", version, strings.Join(args, " "), time.Since(began).Round(time.Second))
		return out, err
	}
	run := func(args ...string) []byte {
		out, err := try(args...)
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, tail(out, 60))
		}
		return out
	}
	run("vet", "./...")
	out := run("test", "-count=1", "-v", "-run", "^TestCorpus(RoundTrip|E2E)$", "./"+corpusPackage)
	// The routes test is a test of its own, so that a shadowed route is reported beside the end-to-end figures.
	if out, err := try("test", "-count=1", "-v", "-run", "^TestEveryRouteLandsInItsOwnMethod$", "./"+corpusPackage); err != nil {
		t.Errorf("%s: a request to a route lands elsewhere: %v\n%s", version, err, tail(out, 60))
	} else if m := regexp.MustCompile(`routes_test.go:\d+: (\d+ routes, each landed in its own operation)`).FindSubmatch(out); m != nil {
		t.Logf("%s: %s", version, m[1])
	}

	res := readCorpusResults(t, out)
	checkRoundTrip(t, version, li, cases, examples, res, want)
	checkE2E(t, version, cases, res.e2e, want)
	if want.everyRoute {
		for _, r := range m.Routes() {
			if res, ok := res.e2e[r.String()]; !ok || !res.ok {
				t.Errorf("%s: end to end: %s (%s) did not pass: %+v", version, r, r.Canonical.ID, res)
			}
		}
	}
	return m
}

type corpusResult struct {
	ok             bool
	reason, detail string
}

// corpusResults are the per-case lines the generated package's test printed.
type corpusResults struct {
	rt, e2e map[string]corpusResult
	// values are the round-trip cases that round-trip but that UnmarshalStrict's value checks refuse.
	values map[string]corpusResult
}

func readCorpusResults(t *testing.T, out []byte) corpusResults {
	res := corpusResults{rt: map[string]corpusResult{}, e2e: map[string]corpusResult{}, values: map[string]corpusResult{}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) == 4 && f[0] == "RTV":
			res.values[f[1]] = corpusResult{reason: f[2], detail: f[3]}
		case len(f) >= 3 && (f[0] == "RT" || f[0] == "E2E"):
			r := corpusResult{ok: f[2] == "ok"}
			if r.ok && len(f) > 3 {
				r.detail = f[3]
			}
			if !r.ok {
				if len(f) < 5 {
					t.Fatalf("unreadable result line %q", sc.Text())
				}
				r.reason, r.detail = f[3], f[4]
			}
			if f[0] == "RT" {
				res.rt[f[1]] = r
			} else {
				res.e2e[f[1]] = r
			}
		}
	}
	return res
}

// lintVerdict says whether the linter reports a failing case: at the failing value, elsewhere in the example, or
// not at all, with the rules.
type lintVerdict struct {
	atValue bool
	rules   []string
	line    int
}

// lintIndex holds the linter's findings by page, and the page of each type (by lower-case full name), where the
// linter reports a type's own defects.
type lintIndex struct {
	byFile map[string][]lint.Finding
	pageOf map[string]string
}

func (li lintIndex) verdict(ex *corpusExample, id string, r corpusResult) lintVerdict {
	v := lintVerdict{line: ex.start}
	var parent *model.Value
	if path, ok := failurePath(r.reason, r.detail); ok {
		if l, p, _ := lineOf(ex.values[id], path); l > 0 {
			v.line, parent = l, p
		}
	}
	// A member the type lacks is often one of several: the linter may report the type's defect (an undeclared base
	// type, a missing @odata.type) at another member of the same object.
	objStart, objEnd := -1, -1
	if parent != nil && (r.reason == "unknown-property" || r.reason == "odata-type-mismatch") {
		objStart, objEnd = parent.Line, lastLine(parent)
	}
	sameDefect := map[string]bool{"unknown-property": true, "odata-type": true, "unresolved-odata-type": true, "property-case": true, "duplicate-key": true}
	// Findings at the failing value (its line or the next: a member's value may start on the line after its key)
	// say why; others in the example at least show that the linter sees a defect there.
	var near, inExample []string
	// The annotation names the wrong type for the whole example (odata-type at the annotation, before the body),
	// or the type an @odata.type names lacks the "inherits from" that makes it fit (unstated-base-type on its own
	// page, where the linter reports it instead of at every example): either explains the example's misfits.
	if r.reason == "unknown-property" || r.reason == "odata-type-mismatch" {
		body := ex.end
		if top := ex.values[id]; top != nil && top.Line > 0 {
			body = top.Line
		}
		for _, f := range li.byFile[ex.file] {
			if f.Rule == "odata-type" && f.Pos.Line >= ex.start && f.Pos.Line < body {
				v.atValue, v.rules = true, []string{"odata-type (annotation)"}
				return v
			}
		}
	}
	// The object is one of the types a row's type cell names as alternatives ("[appHostedMediaConfig] or
	// [serviceHostedMediaConfig]"): the model and the generated field take the first, and the linter reports the
	// cell at its row (type-cell), where the defect is.
	if (r.reason == "unknown-property" || r.reason == "odata-type-mismatch") && parent != nil {
		if ot := parent.Get("@odata.type"); ot != nil && ot.Kind == model.ValueString {
			short := ot.Str[strings.LastIndexByte(ot.Str, '.')+1:]
			for _, fs := range li.byFile {
				for _, f := range fs {
					if f.Rule == "type-cell" && strings.Contains(f.Message, "names more than one type") && strings.Contains(f.Message, "["+short+"]") {
						v.atValue, v.rules = true, []string{"type-cell (" + f.Pos.String() + ")"}
						return v
					}
				}
			}
		}
	}
	if r.reason == "odata-type-mismatch" {
		if name, ok := namedODataType(r.detail); ok {
			for _, f := range li.byFile[li.pageOf[strings.ToLower(name)]] {
				if f.Rule == "unstated-base-type" {
					v.atValue, v.rules = true, []string{"unstated-base-type (" + f.Pos.File + ")"}
					return v
				}
			}
		}
	}
	// An id the type's tables lack on an entity the docs address by key: the entity's id, whose missing "Inherits
	// from" the linter asks for on the type's page (entity-base-unstated) rather than at every example.
	if r.reason == "unknown-property" {
		if name, rest, ok := strings.Cut(r.detail, " has no property "); ok && rest == `"id"` {
			name = name[strings.LastIndex(name, " ")+1:]
			for _, f := range li.byFile[li.pageOf[strings.ToLower(name)]] {
				if f.Rule == "entity-base-unstated" && strings.Contains(f.Message, "addressed by key") {
					v.atValue, v.rules = true, []string{"entity-base-unstated (" + f.Pos.File + ")"}
					return v
				}
			}
		}
	}
	// A value cut short on purpose ("MIIDYDCCAki...", the start of a certificate): the example is shortened, not
	// wrong, and no generated decoder can read it (the linter leaves it alone, as it leaves "..." in a body).
	if path, ok := failurePath(r.reason, r.detail); ok && r.reason == "decode-other" {
		if _, _, val := lineOf(ex.values[id], path); val != nil && val.Kind == model.ValueString &&
			(strings.HasSuffix(val.Str, "...") || strings.HasSuffix(val.Str, "…")) {
			v.atValue, v.rules = true, []string{"shortened value"}
			return v
		}
	}
	// A single value for a collection the declaring resource page itself shows single in its JSON representation:
	// the page's contradiction, which the linter reports there (value-type) rather than at every example.
	if path, ok := failurePath(r.reason, r.detail); ok && r.reason == "wrong-json-kind" {
		member := path[strings.LastIndexAny(path, ".]")+1:]
		for _, fs := range li.byFile {
			for _, f := range fs {
				if f.Rule == "value-type" && strings.HasPrefix(f.Message, member+" is a collection (") && strings.Contains(f.Message, "the JSON representation shows a single") {
					v.atValue, v.rules = true, []string{"value-type (" + f.Pos.String() + ")"}
					return v
				}
			}
		}
	}
	for _, f := range li.byFile[ex.file] {
		switch {
		case f.Pos.Line >= v.line && f.Pos.Line <= v.line+1,
			sameDefect[f.Rule] && f.Pos.Line >= objStart && f.Pos.Line <= objEnd:
			near = append(near, f.Rule)
		case f.Pos.Line >= ex.start && f.Pos.Line <= ex.end:
			inExample = append(inExample, f.Rule)
		}
	}
	if len(near) > 0 {
		v.atValue, v.rules = true, uniq(near)
	} else {
		v.rules = uniq(inExample)
	}
	return v
}

// namedODataType is the full name of the type an odata-type-mismatch failure's @odata.type names.
func namedODataType(detail string) (string, bool) {
	_, rest, ok := strings.Cut(detail, `@odata.type "`)
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, `"`)
	return strings.TrimPrefix(name, "#"), ok && name != ""
}

func (v lintVerdict) String() string {
	switch {
	case v.atValue:
		return "[lint: " + strings.Join(v.rules, ", ") + "]"
	case len(v.rules) > 0:
		return "[not linted at the value; elsewhere in the example: " + strings.Join(v.rules, ", ") + "]"
	}
	return "[NOT LINTED]"
}

// checkRoundTrip reports the round trip. An example passes when all of its instances do. A failure the linter
// reports at the failing value is a doc defect; the others count against the generator: the generator's rate is
// passed / (examples - doc defects), and it must reach least. The raw rate (passed / examples) is reported too.
func checkRoundTrip(t *testing.T, version string, li lintIndex, cases *corpusCases, examples map[string]*corpusExample, res corpusResults, want corpusWant) {
	failed := map[string][]string{} // example key → failing case ids
	valueFailed := map[string][]string{}
	for _, c := range cases.RoundTrip {
		r, ok := res.rt[c.ID]
		if !ok {
			t.Errorf("round trip: no result for %s", c.ID)
			continue
		}
		key := corpusExampleKey(c.ID)
		if !r.ok {
			failed[key] = append(failed[key], c.ID)
		} else if _, bad := res.values[c.ID]; bad {
			valueFailed[key] = append(valueFailed[key], c.ID)
		}
	}

	report := func(title string, failed map[string][]string, results map[string]corpusResult) (defects int, unreported []string) {
		keys := make([]string, 0, len(failed))
		for k := range failed {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		byReason := map[string][]string{}
		for _, key := range keys {
			ex, id := examples[key], failed[key][0]
			r := results[id]
			v := li.verdict(ex, id, r)
			line := fmt.Sprintf("%s:%d %s: %s %s", ex.file, v.line, strings.TrimPrefix(id, key), r.detail, v)
			if v.atValue {
				defects++
			} else {
				unreported = append(unreported, r.reason+": "+line)
			}
			byReason[r.reason] = append(byReason[r.reason], line)
		}
		reasons := make([]string, 0, len(byReason))
		for r := range byReason {
			reasons = append(reasons, r)
		}
		sort.Slice(reasons, func(i, j int) bool {
			if len(byReason[reasons[i]]) != len(byReason[reasons[j]]) {
				return len(byReason[reasons[i]]) > len(byReason[reasons[j]])
			}
			return reasons[i] < reasons[j]
		})
		var b strings.Builder
		for _, r := range reasons {
			fmt.Fprintf(&b, "\n%s (%d):", r, len(byReason[r]))
			for _, l := range byReason[r] {
				b.WriteString("\n  " + l)
			}
		}
		if len(failed) > 0 {
			t.Logf("%s: %s: %d examples, %d linted at the failing value (doc defects), %d not:%s", version, title,
				len(failed), defects, len(failed)-defects, b.String())
		}
		return defects, unreported
	}
	defects, unreported := report("round-trip failures by reason", failed, res.rt)
	_, valueUnreported := report("examples that round-trip but that UnmarshalStrict's value checks refuse", valueFailed, res.values)
	if want.allLinted && len(unreported)+len(valueUnreported) > 0 {
		t.Errorf("%s: every failure must be a doc defect the linter reports at the failing value; these are not "+
			"(a generator gap, or a defect the linter misses):\n  %s", version, strings.Join(append(unreported, valueUnreported...), "\n  "))
	}

	truncated, truncatedPassed := 0, 0
	for key, ex := range examples {
		if ex.truncated {
			truncated++
			if failed[key] == nil {
				truncatedPassed++
			}
		}
	}
	t.Logf("%s: round trip: %d of %d truncated examples (\"truncated\" or \"...\") pass", version, truncatedPassed, truncated)

	passed := len(examples) - len(failed)
	raw := float64(passed) / float64(max(len(examples), 1))
	rate := float64(passed) / float64(max(len(examples)-defects, 1))
	t.Logf("%s: round trip: %d of %d examples pass (%.1f%%), %d of %d cases; %d failures are doc defects the linter "+
		"reports at the failing value, %d are not: %d of %d examples without a reported defect pass (%.1f%%); "+
		"%d more pass the round trip but not UnmarshalStrict's value checks (enum members, nulls)",
		version, passed, len(examples), 100*raw, len(cases.RoundTrip)-countFailed(res.rt), len(cases.RoundTrip),
		defects, len(unreported), passed, len(examples)-defects, 100*rate, len(valueFailed))
	if len(examples) == 0 || rate < want.roundTrip {
		t.Errorf("round trip: %.1f%% of the examples without a reported doc defect pass, want at least %.0f%%; "+
			"the failures the linter does not report (generator gaps or linter misses):\n  %s",
			100*rate, 100*want.roundTrip, strings.Join(unreported, "\n  "))
	}
}

// checkRoutesRegistered wants every route of the model whose method can be sent registered once, at its canonical
// operation's server method.
func checkRoutesRegistered(t *testing.T, version string, m *model.Model, p *plan) {
	registered := map[string][]string{}
	for _, f := range p.files {
		for _, spec := range f.Operations {
			for _, r := range spec.Routes {
				key := spec.Method + " " + model.RouteShape(r)
				registered[key] = append(registered[key], spec.Name)
			}
		}
	}
	n := 0
	for _, r := range m.Routes() {
		spec := p.specOf[r.Canonical]
		if spec == nil {
			continue // no method net/http sends
		}
		n++
		key := r.Method + " " + r.Shape
		if got := registered[key]; len(got) != 1 || got[0] != spec.Name {
			t.Errorf("%s: route %s is registered for %v, want once for %s (%s)", version, r, got, spec.Name, r.Canonical.Page)
		}
		delete(registered, key)
	}
	for key, names := range registered {
		t.Errorf("%s: %s is registered for %v but is no route of the model", version, key, names)
	}
	t.Logf("%s: %d routes registered, each once", version, n)
}

func checkE2E(t *testing.T, version string, cases *corpusCases, e2e map[string]corpusResult, want corpusWant) {
	passed, untyped, clean, cleanPassed := 0, 0, 0, 0
	byReason := map[string][]string{}
	for _, c := range cases.E2E {
		r, ok := e2e[c.ID]
		if len(c.Findings) == 0 {
			clean++
		}
		switch {
		case !ok:
			t.Errorf("end to end: no result for %s", c.ID)
		case r.ok:
			passed++
			if len(c.Findings) == 0 {
				cleanPassed++
			}
			if r.detail != "typed" {
				untyped++
			}
		default:
			reason := r.reason
			if len(c.Findings) > 0 {
				reason += ", examples with lint findings"
			}
			line := c.ID + " (" + c.Client + " → " + c.Method + ", " + c.Page + "): " + r.detail
			if len(c.Findings) > 0 {
				line += " [lint: " + strings.Join(uniq(c.Findings), ", ") + "]"
			}
			byReason[reason] = append(byReason[reason], line)
		}
	}
	rate := 0.0
	if clean > 0 {
		rate = float64(cleanPassed) / float64(clean)
	}
	t.Logf("%s: end to end: %d of %d routes whose examples are free of lint findings pass (%.1f%%); %d of %d routes in all "+
		"(%d of them with a raw JSON body or answer, the others typed)", version, cleanPassed, clean, 100*rate, passed,
		len(cases.E2E), untyped)
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		t.Logf("%s: end to end, %s (%d):\n  %s", version, r, len(byReason[r]), strings.Join(byReason[r], "\n  "))
	}
	if passed < want.e2e {
		t.Errorf("end to end: %d routes pass, want at least %d", passed, want.e2e)
	}
	if rate < want.e2eClean {
		t.Errorf("end to end: %.1f%% of the routes whose examples are free of lint findings pass, want at least %.0f%%", 100*rate, 100*want.e2eClean)
	}
}

func countFailed(rs map[string]corpusResult) int {
	n := 0
	for _, r := range rs {
		if !r.ok {
			n++
		}
	}
	return n
}

// Cases.

type corpusCases struct {
	RoundTrip []corpusRoundTrip `json:"roundtrip"`
	E2E       []corpusE2E       `json:"e2e"`
}

type corpusRoundTrip struct {
	ID     string          `json:"id"`
	Type   string          `json:"type,omitempty"`
	Method string          `json:"method,omitempty"`
	Side   string          `json:"side,omitempty"`
	JSON   json.RawMessage `json:"json"`
}

type corpusE2E struct {
	ID         string          `json:"id"` // the route
	Method     string          `json:"method"`
	Client     string          `json:"client"`
	Args       []string        `json:"args"`
	ServerArgs []string        `json:"serverArgs"`
	Request    json.RawMessage `json:"request,omitempty"`
	Response   json.RawMessage `json:"response,omitempty"`
	Status     int             `json:"status"`
	// LeftOut are the members left out of the docs' examples as defects the linter reports (file:line key).
	LeftOut []string `json:"-"`
	// Findings are the rules the linter reports (warnings and errors) in the examples the case uses.
	Findings []string `json:"-"`
	Page     string   `json:"-"`
	spec     *templates.Operation
}

// corpusSkips counts the examples that are not round-trip cases, by why.
type corpusSkips map[string]int

func (s corpusSkips) total() int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

func (s corpusSkips) String() string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d %s", s[k], k))
	}
	return strings.Join(parts, ", ")
}

// corpusExampleKey is the part of a case id that names its example: "api/user-get.md#response1[2]" → "api/user-get.md#response1".
func corpusExampleKey(id string) string {
	if i := strings.LastIndexByte(id, '['); i > 0 {
		return id[:i]
	}
	return id
}

func jsonOK(ex *model.Example) bool {
	if ex.JSON == nil {
		return false
	}
	for _, is := range ex.JSONIssues {
		if is.Fatal {
			return false
		}
	}
	return true
}

func rawOf(v *model.Value) json.RawMessage {
	data, _ := v.MarshalJSON()
	return data
}

func corpusCasesOf(m *model.Model, p *plan, li lintIndex) (*corpusCases, map[string]*corpusExample, corpusSkips) {
	cases := &corpusCases{}
	base := map[*model.Operation]*corpusE2E{}
	examples := map[string]*corpusExample{}
	skipped := corpusSkips{}
	for _, op := range m.Operations {
		spec := p.specOf[op]
		n := map[model.ExampleKind]int{}
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest && ex.Kind != model.ExampleResponse {
				continue
			}
			n[ex.Kind]++
			key := fmt.Sprintf("%s#%s%d", op.ID, ex.Kind, n[ex.Kind])
			if strings.TrimSpace(ex.Body) == "" {
				continue // no body: nothing to decode
			}
			if !jsonOK(ex) {
				skipped["not JSON or broken JSON"]++
				continue
			}
			info := &corpusExample{key: key, file: ex.Pos.File, start: ex.Pos.Line - 1,
				end: ex.BodyPos.Line + strings.Count(ex.Body, "\n") + 1, values: map[string]*model.Value{},
				truncated: ex.Truncated || elided(ex.JSON)}
			if ex.Annotation != nil && ex.Annotation.Pos.File == ex.Pos.File && ex.Annotation.Pos.Line < info.start {
				info.start = ex.Annotation.Pos.Line
			}
			subject := m.ExampleSubject(op, ex)
			pageTyped := subject.From == "" || subject.From == "request-body" || subject.From == "response"
			if pageTyped && ex.Kind == model.ExampleRequest && !op.Requests(ex) ||
				pageTyped && ex.Kind == model.ExampleResponse && op.RequestBefore(ex) != nil && !op.Requests(op.RequestBefore(ex)) {
				// A page may show a request on another path (rangeformat-update's PATCH of format/font) among its
				// examples: the page's body or answer type is not that request's, and the linter does not hold
				// it to them either. (An example whose annotation or @odata.type names its type is kept.)
				skipped["a request on another path"]++
				continue
			}
			var rts []corpusRoundTrip
			if ex.Kind == model.ExampleResponse && ex.Status >= 400 {
				// An error answer (a page may show how the operation fails) decodes into the generated Error.
				rts = append(rts, corpusRoundTrip{ID: key, Side: "error", JSON: rawOf(ex.JSON)})
				info.values[key] = ex.JSON
			} else if ti := p.types[subject.Type]; subject.Type != nil && ti != nil && !ti.isEnum() && len(subject.Instances) > 0 {
				for i, inst := range subject.Instances {
					t := m.SubjectType(subject.Type, inst)
					if p.types[t] == nil || p.types[t].isEnum() {
						t = subject.Type
					}
					id := fmt.Sprintf("%s[%d]", key, i)
					rts = append(rts, corpusRoundTrip{ID: id, Type: t.FullName(), JSON: rawOf(inst)})
					info.values[id] = inst
				}
			} else if spec != nil && corpusSideType(spec, ex.Kind) {
				rts = append(rts, corpusRoundTrip{ID: key, Method: spec.Name, Side: string(ex.Kind), JSON: rawOf(ex.JSON)})
				info.values[key] = ex.JSON
			} else {
				skipped["type unknown"]++
				continue
			}
			examples[key] = info
			cases.RoundTrip = append(cases.RoundTrip, rts...)
		}
		if c := corpusE2ECase(op, spec, li); c != nil {
			base[op] = c
		}
	}
	for _, r := range m.Routes() {
		if c := base[r.Canonical]; c != nil {
			cases.E2E = append(cases.E2E, corpusRouteCase(p, r, c))
		}
	}
	return cases, examples, skipped
}

// corpusRouteCase makes the case of a route from its canonical operation's: the Client method of the path the
// canonical page writes the route with, its arguments, and what the Server method must get of them.
func corpusRouteCase(p *plan, r *model.Route, base *corpusE2E) corpusE2E {
	c := *base
	c.ID = r.String()
	c.Client = p.clientOf[r.Docs[0].Path]
	params := base.spec.Params
	for _, v := range base.spec.Variants {
		if v.Name == c.Client {
			params = v.Params
		}
	}
	// A path argument of the server method is the value of the parameter after the same segment (paramKeys) in
	// the route's path, "" when the route has none; a query argument that of the same query option.
	sent := map[string]string{}
	keys, names := paramKeys(r.Docs[0].Path.Template), paramNames(r.Docs[0].Path.Template)
	c.Args = nil
	for i, prm := range params {
		a := fmt.Sprintf("arg%d", i+1)
		c.Args = append(c.Args, a)
		if prm.Route != "" {
			sent["path "+keys[i]] = a
			sent["name "+keys[i]] = names[i]
		} else {
			sent["query "+prm.QueryKey+" "+prm.QueryWildcard] = a
		}
	}
	canonical := canonicalPath(r.Canonical).Template
	canonKeys, canonNames := paramKeys(canonical), paramNames(canonical)
	c.ServerArgs = nil
	for i, prm := range base.spec.Params {
		if prm.Route != "" {
			v := sent["path "+canonKeys[i]]
			if v != "" && !sameParam(canonNames[i], sent["name "+canonKeys[i]]) {
				v = "" // another parameter after the same segment: /items/{itemId} is not /items/{parentId}
			}
			c.ServerArgs = append(c.ServerArgs, v)
		} else {
			c.ServerArgs = append(c.ServerArgs, sent["query "+prm.QueryKey+" "+prm.QueryWildcard])
		}
	}
	return c
}

// corpusSideType reports whether the operation's request body or answer has a Go type of its own (not raw JSON).
func corpusSideType(spec *templates.Operation, kind model.ExampleKind) bool {
	var t *templates.Type
	switch {
	case kind == model.ExampleRequest && spec.Body != nil && spec.Body.Kind == templates.BodyJSON:
		t = spec.Body.Type
	case kind == model.ExampleResponse && spec.Result.Kind == templates.ResultJSON:
		t = spec.Result.Type
	}
	return t != nil && t.String() != rawJSON.String()
}

// corpusE2ECase makes an end-to-end case of an operation whose docs give a request example when it takes a JSON
// body and a response example when it answers with JSON.
func corpusE2ECase(op *model.Operation, spec *templates.Operation, li lintIndex) *corpusE2E {
	if spec == nil {
		return nil
	}
	if spec.Body != nil && spec.Body.Kind != templates.BodyJSON {
		return nil
	}
	if spec.Result.Kind != templates.ResultNone && spec.Result.Kind != templates.ResultJSON {
		return nil
	}
	if len(spec.Routes) == 0 {
		return nil // no server method: another page speaks for each of its routes
	}
	c := &corpusE2E{ID: op.ID, Method: spec.Name, Status: spec.Status, Page: op.Page, spec: spec}
	first := func(kind model.ExampleKind) *model.Example {
		for _, ex := range op.Examples {
			if ex.Kind == kind {
				return ex
			}
		}
		return nil
	}
	if spec.Body != nil {
		ex := first(model.ExampleRequest)
		if ex == nil || !jsonOK(ex) {
			return nil
		}
		v, left := li.withoutDefects(ex.Pos.File, ex.JSON)
		c.Request, c.LeftOut = rawOf(v), append(c.LeftOut, left...)
		c.Findings = append(c.Findings, li.findingsIn(ex)...)
	}
	if spec.Result.Kind == templates.ResultJSON {
		ex := first(model.ExampleResponse)
		if ex == nil || !jsonOK(ex) {
			return nil
		}
		v, left := li.withoutDefects(ex.Pos.File, ex.JSON)
		c.Response, c.LeftOut = rawOf(v), append(c.LeftOut, left...)
		c.Findings = append(c.Findings, li.findingsIn(ex)...)
	}
	return c
}

// findingsIn returns the rules of the warnings and errors the linter reports in an example, from its annotation
// through its body.
func (li lintIndex) findingsIn(ex *model.Example) []string {
	start, end := ex.Pos.Line, ex.BodyPos.Line+strings.Count(ex.Body, "\n")+1
	if ex.Annotation != nil && ex.Annotation.Pos.File == ex.Pos.File && ex.Annotation.Pos.Line < start {
		start = ex.Annotation.Pos.Line
	}
	var rules []string
	for _, f := range li.byFile[ex.Pos.File] {
		if f.Severity != "info" && f.Pos.Line >= start && f.Pos.Line <= end {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// valueDefects are the rules that find an example value wrong (a placeholder, a value not in its type's form or
// enum, a member the type does not have): end to end, such members are left out of the docs' examples, so that
// the rest of the example still goes through the client and the handler.
var valueDefects = map[string]bool{"placeholder-value": true, "value-format": true, "value-type": true, "enum-value": true,
	"unknown-property": true}

// withoutDefects returns v without the object members at whose key or value the linter reports a value defect
// (at any depth), and their lines.
func (li lintIndex) withoutDefects(file string, v *model.Value) (*model.Value, []string) {
	bad := map[int]bool{}
	for _, f := range li.byFile[file] {
		// A member in another case than an enum's is a note, and goes through; unknown-property is a note by
		// default since precision sample 6, and still a defect here.
		if valueDefects[f.Rule] && (f.Severity != "info" || f.Rule == "unknown-property") {
			bad[f.Pos.Line] = true
		}
	}
	if len(bad) == 0 {
		return v, nil
	}
	var left []string
	var strip func(v *model.Value) *model.Value
	strip = func(v *model.Value) *model.Value {
		if v == nil {
			return nil
		}
		out := *v
		switch v.Kind {
		case model.ValueObject:
			out.Members = nil
			for _, m := range v.Members {
				if bad[m.Line] || m.Value != nil && bad[m.Value.Line] && m.Value.Kind != model.ValueObject && m.Value.Kind != model.ValueArray {
					left = append(left, fmt.Sprintf("%s:%d %s", file, m.Line, m.Key))
					continue
				}
				m.Value = strip(m.Value)
				out.Members = append(out.Members, m)
			}
		case model.ValueArray:
			out.Items = nil
			for _, it := range v.Items {
				out.Items = append(out.Items, strip(it))
			}
		}
		return &out
	}
	return strip(v), left
}

// corpusServerFile renders corpus_server_test.go: a Server whose methods of the end-to-end operations record their
// arguments and answer with the docs' response example (corpusServe, in the harness).
func corpusServerFile(p *plan, cases []corpusE2E) []byte {
	f := jen.NewFile(corpusPackage)
	f.HeaderComment(templates.Header)
	f.Type().Id("corpusServer").Struct(jen.Id("Unimplemented"))
	done := map[string]bool{}
	for _, c := range cases {
		spec := c.spec
		if done[spec.Name] {
			continue // routes of one operation share its method
		}
		done[spec.Name] = true
		params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
		var args []jen.Code
		for i := range spec.Params {
			name := fmt.Sprintf("a%d", i)
			params = append(params, jen.Id(name).String())
			args = append(args, jen.Id(name))
		}
		body, hasBody := jen.Code(jen.Nil()), jen.False()
		if spec.Body != nil {
			params = append(params, jen.Id("body").Add(spec.Body.Type.Code()))
			body, hasBody = jen.Id("body"), jen.True()
		}
		argList := jen.Index().String().Values(args...)
		if spec.Result.Kind == templates.ResultJSON {
			rt := spec.Result.Type.Code()
			f.Func().Params(jen.Id("corpusServer")).Id(spec.Name).Params(params...).Params(rt, jen.Error()).Block(
				jen.Return(jen.Id("corpusServe").Types(rt).Call(jen.Id("ctx"), jen.Lit(spec.Name), argList, body, hasBody)),
			)
			continue
		}
		f.Func().Params(jen.Id("corpusServer")).Id(spec.Name).Params(params...).Error().Block(
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("corpusServe").Types(jen.Struct()).Call(jen.Id("ctx"), jen.Lit(spec.Name), argList, body, hasBody),
			jen.Return(jen.Err()),
		)
	}
	var b bytes.Buffer
	if err := f.Render(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func uniq(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func tail(out []byte, lines int) string {
	ls := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(ls) > lines {
		ls = append([]string{fmt.Sprintf("... %d lines before", len(ls)-lines)}, ls[len(ls)-lines:]...)
	}
	return strings.Join(ls, "\n")
}

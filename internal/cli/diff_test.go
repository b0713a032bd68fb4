package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// editFile replaces old by new in a file, failing when old is not there exactly once.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s: %q occurs %d times", path, old, n)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// changedDocs makes old/ (a copy of docs-input) and new/ (the same with crafted changes) and returns their paths.
func changedDocs(t *testing.T) (oldRoot, newRoot string) {
	t.Helper()
	dir := t.TempDir()
	oldRoot, newRoot = filepath.Join(dir, "old"), filepath.Join(dir, "new")
	copyTree(t, docsInput, oldRoot)
	copyTree(t, docsInput, newRoot)
	user := filepath.Join(newRoot, "resources", "user.md")
	// birthday goes: from the table and from the JSON representation, which would otherwise bring it back.
	editFile(t, user, "| birthday | Date | The birthday of the user. |\n", "")
	editFile(t, user, "  \"birthday\": \"Date\",\n", "")
	editFile(t, user, "| storageQuotaUsed | Int64 |", "| storageQuotaUsed | Int32 |")
	editFile(t, user, "| usageLocation | String | A two-letter country code. |\n",
		"| usageLocation | String | A two-letter country code. |\n| nickname | String | A name friends use. |\n")
	editFile(t, user, "| adult | 2 | The user is an adult. |\n", "| adult | 2 | The user is an adult. |\n| senior | 4 | The user is retired. |\n")
	editFile(t, filepath.Join(newRoot, "api", "user-delete.md"), "DELETE /users/{id}\n", "DELETE /users/{id}\nDELETE /me\n")
	return oldRoot, newRoot
}

// The changes changedDocs makes, as diff prints them (positions under the roots given on the command line).
var wantChangedDocs = []string{
	"OLD/resources/user.md:36:3: breaking: property microsoft.graph.user/birthday removed; code that uses it no longer compiles",
	"NEW/resources/user.md:50:3: breaking: property microsoft.graph.user/storageQuotaUsed type changed from Edm.Int64 to Edm.Int32; the Go type changes: code that reads or sets it no longer compiles",
	"NEW/api/user-delete.md:31:8: non-breaking: operation api/user-delete path /me added",
	"NEW/resources/user.md:53:3: non-breaking: property microsoft.graph.user/nickname added (optional)",
	"NEW/resources/user.md:66:3: non-breaking: enum member microsoft.graph.ageGroup/senior added",
}

func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	sort.Strings(lines)
	return lines
}

func TestDiffTrees(t *testing.T) {
	oldRoot, newRoot := changedDocs(t)
	code, stdout, stderr := runGraphdocgen(t, "diff", oldRoot, newRoot)
	if code != ExitOK {
		t.Fatalf("exit %d without --fail-on-breaking: %s", code, stderr)
	}
	got := strings.NewReplacer(filepath.ToSlash(oldRoot), "OLD", filepath.ToSlash(newRoot), "NEW").Replace(stdout)
	lines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	// Breaking changes come first.
	if len(lines) != len(wantChangedDocs) || !strings.Contains(lines[0], ": breaking: ") || !strings.Contains(lines[1], ": breaking: ") {
		t.Errorf("breaking changes should come first:\n%s", got)
	}
	want := append([]string(nil), wantChangedDocs...)
	sort.Strings(want)
	if g := sortedLines(got); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(want, "\n  "))
	}
	if stderr != "graphdocgen diff: 2 breaking changes, 3 non-breaking changes\n" {
		t.Errorf("summary %q", stderr)
	}

	code, _, _ = runGraphdocgen(t, "diff", "--fail-on-breaking", oldRoot, newRoot)
	if code != ExitFindings {
		t.Errorf("--fail-on-breaking with breaking changes: exit %d, want 1", code)
	}
	code, stdout, stderr = runGraphdocgen(t, "diff", "--fail-on-breaking", oldRoot, oldRoot)
	if code != ExitOK || stdout != "" || stderr != "graphdocgen diff: 0 breaking changes, 0 non-breaking changes\n" {
		t.Errorf("a tree against itself: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Without the breaking changes, --fail-on-breaking passes.
	code, _, stderr = runGraphdocgen(t, "diff", "--fail-on-breaking", newRoot, newRoot)
	if code != ExitOK {
		t.Errorf("no breaking change: exit %d (%s)", code, stderr)
	}
}

func TestDiffJSON(t *testing.T) {
	oldRoot, newRoot := changedDocs(t)
	code, stdout, stderr := runGraphdocgen(t, "diff", "--format", "json", oldRoot, newRoot)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var report struct {
		Format  string
		Old     string
		New     string
		Summary struct{ Breaking, NonBreaking int }
		Changes []struct {
			Kind, Element, Code, Subject, Message, Reason, Old, New, Pos, Side string
			Breaking                                                           bool
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if report.Format != DiffFormat || report.Old != filepath.ToSlash(oldRoot) || report.Summary.Breaking != 2 || report.Summary.NonBreaking != 3 || len(report.Changes) != 5 {
		t.Errorf("report head: %+v", report)
	}
	found := false
	for _, c := range report.Changes {
		if c.Code == "property-type" {
			found = true
			if c.Subject != "microsoft.graph.user/storageQuotaUsed" || c.Old != "Edm.Int64" || c.New != "Edm.Int32" || !c.Breaking ||
				c.Pos != "resources/user.md:50:3" || c.Side != "new" || c.Kind != "changed" || c.Element != "property" {
				t.Errorf("property-type change: %+v", c)
			}
		}
		if c.Code == "property-removed" && (c.Side != "old" || c.Pos != "resources/user.md:36:3") {
			t.Errorf("removal located in the new tree: %+v", c)
		}
	}
	if !found {
		t.Errorf("no property-type change in %s", stdout)
	}
}

func TestDiffModelFiles(t *testing.T) {
	oldRoot, newRoot := changedDocs(t)
	dir := t.TempDir()
	oldJSON, newJSON := filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")
	for root, out := range map[string]string{oldRoot: oldJSON, newRoot: newJSON} {
		if code, _, stderr := runGraphdocgen(t, "model", "--docs", root, "-o", out); code != ExitOK {
			t.Fatalf("model: %s", stderr)
		}
	}
	code, stdout, stderr := runGraphdocgen(t, "diff", newJSON, oldJSON) // the other way round
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Reversed, the removal is an addition and the additions removals, located in the model files' own terms.
	want := []string{
		"api/user-delete.md:31:8 (old): breaking: operation api/user-delete path /me removed; the client method for that path disappears",
		"resources/user.md:36:3 (new): non-breaking: property microsoft.graph.user/birthday added (optional)",
		"resources/user.md:51:3 (new): breaking: property microsoft.graph.user/storageQuotaUsed type changed from Edm.Int32 to Edm.Int64; the Go type changes: code that reads or sets it no longer compiles",
		"resources/user.md:53:3 (old): breaking: property microsoft.graph.user/nickname removed; code that uses it no longer compiles",
		"resources/user.md:66:3 (old): breaking: enum member microsoft.graph.ageGroup/senior removed; its Go constant disappears, and the service no longer sends it",
	}
	if g := sortedLines(stdout); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(g, "\n  "), strings.Join(want, "\n  "))
	}

	// A tree on one side and a model file on the other.
	code, _, stderr = runGraphdocgen(t, "diff", oldRoot, newJSON)
	if code != ExitOK || stderr != "graphdocgen diff: 2 breaking changes, 3 non-breaking changes\n" {
		t.Errorf("tree against model file: exit %d, %q", code, stderr)
	}
}

func TestDiffFailures(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, map[string]string{
		"other.json":  `{"format": "something/else", "pages": []}`,
		"broken.json": `{"format": "graphdocgen/model/v1", "pages": [`,
		"empty/.keep": "",
		"pages/a.md":  pageA,
	})
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no arguments", []string{"diff"}, "graphdocgen diff: want two arguments, OLD and NEW; got 0\nRun 'graphdocgen diff --help' for usage.\n"},
		{"one argument", []string{"diff", "pages"}, "graphdocgen diff: want two arguments, OLD and NEW; got 1\nRun 'graphdocgen diff --help' for usage.\n"},
		{"missing old", []string{"diff", "nosuch", "pages"}, "graphdocgen diff: stat nosuch: no such file or directory\n"},
		{"missing new", []string{"diff", "pages", "nosuch"}, "graphdocgen diff: stat nosuch: no such file or directory\n"},
		{"bad format", []string{"diff", "--format", "html", "pages", "pages"}, "graphdocgen diff: --format must be text or json, not \"html\"\n"},
		{"not a model", []string{"diff", "other.json", "pages"}, "graphdocgen diff: other.json: not a graphdocgen model: format \"something/else\", want \"graphdocgen/model/v1\" (write one with 'graphdocgen model --format json')\n"},
		{"broken model", []string{"diff", "pages", "broken.json"}, "graphdocgen diff: broken.json: not a model file: unexpected end of JSON input\n"},
		{"no pages", []string{"diff", "pages", "empty"}, "graphdocgen diff: empty: no pages to read\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runGraphdocgen(t, tt.args...)
			if code != ExitUsage || stderr != tt.stderr || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit 2, %q", code, stderr, stdout, tt.stderr)
			}
		})
	}
}

func TestDiffHelp(t *testing.T) {
	code, stdout, stderr := runGraphdocgen(t, "diff", "--help")
	if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "Usage: graphdocgen diff OLD NEW") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, flag := range []string{"--format", "--fail-on-breaking", "--include", "--exclude", "--config FILE", "model files from 'model --format json'"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("help does not mention %s", flag)
		}
	}
}

func TestDiffUsesConfigGlobs(t *testing.T) {
	oldRoot, newRoot := changedDocs(t)
	inTempProject(t, map[string]string{"graphdocgen.yaml": "exclude: [api/**]\n"})
	code, stdout, stderr := runGraphdocgen(t, "diff", oldRoot, newRoot)
	if code != ExitOK || strings.Contains(stdout, "api/user-delete") || stderr != "graphdocgen diff: 2 breaking changes, 2 non-breaking changes\n" {
		t.Errorf("the config's exclude should drop the api pages: exit %d, %q\n%s", code, stderr, stdout)
	}
}

// TestDiffSharedPages runs diff on the v1.0 pages the 2021 corpus and the 2026 sample share, copied to a
// temporary folder, through the command line: exit 1 with --fail-on-breaking, and JSON positions that open.
func TestDiffSharedPages(t *testing.T) {
	shared, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared is not beside the project (%v): skipping the diff of the 2021 and 2026 pages", err)
	}
	from2021 := filepath.Join(shared, "corpus", "graph-docs-2021", "v1.0")
	from2026 := filepath.Join(shared, "corpus", "graph-docs-2026-sample", "v1.0")
	dir := t.TempDir()
	oldRoot, newRoot := filepath.Join(dir, "2021"), filepath.Join(dir, "2026")
	for _, sub := range []string{"api", "resources"} {
		entries, err := os.ReadDir(filepath.Join(from2026, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			oldSrc, err := os.ReadFile(filepath.Join(from2021, sub, e.Name()))
			if err != nil {
				continue
			}
			newSrc, err := os.ReadFile(filepath.Join(from2026, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, oldRoot, map[string]string{sub + "/" + e.Name(): string(oldSrc)})
			writeFiles(t, newRoot, map[string]string{sub + "/" + e.Name(): string(newSrc)})
		}
	}
	code, stdout, stderr := runGraphdocgen(t, "diff", "--fail-on-breaking", "--format", "json", oldRoot, newRoot)
	if code != ExitFindings {
		t.Fatalf("exit %d (%s): the 2026 pages drop enums the 2021 pages have", code, stderr)
	}
	var report struct {
		Summary struct{ Breaking, NonBreaking int }
		Changes []struct {
			Code, Subject, Pos, Side string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", strings.TrimSpace(stderr))
	if report.Summary.Breaking == 0 || report.Summary.NonBreaking == 0 {
		t.Errorf("summary %+v", report.Summary)
	}
	for _, c := range report.Changes {
		if c.Code == "property-added" && c.Subject == "microsoft.graph.authenticationMethodConfiguration/excludeTargets" {
			file := strings.SplitN(c.Pos, ":", 2)[0]
			if c.Side != "new" || file != "resources/authenticationmethodconfiguration.md" {
				t.Errorf("excludeTargets located at %s (%s)", c.Pos, c.Side)
			}
			return
		}
	}
	t.Errorf("the 2026 authenticationMethodConfiguration page adds excludeTargets; diff did not report it")
}

// TestDiffRefusesBrokenModelFiles: a model file with null where a type, operation, property or path should be
// made diff panic (nil pointer in model.(*Type).FullName via Reindex); now it is refused with where, exit 2.
func TestDiffRefusesBrokenModelFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if code, _, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "-o", good); code != ExitOK {
		t.Fatal(stderr)
	}
	const head = `{"format":"graphdocgen/model/v1",`
	for body, want := range map[string]string{
		`"types":[null]}`:                                       "/types/0: null is not an object",
		`"operations":[null]}`:                                  "/operations/0: null is not an object",
		`"types":[{"name":"a","properties":[null]}]}`:           "/types/0/properties/0: null is not an object",
		`"operations":[{"id":"a","paths":[{"raw":"/"},null]}]}`: "/operations/0/paths/1: null is not an object",
		`"types":{}}`:                                           "/types: an object is not an array",
	} {
		bad := filepath.Join(dir, "old.json")
		if err := os.WriteFile(bad, []byte(head+body), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"diff", bad, good}, {"diff", good, bad}} {
			code, stdout, stderr := runGraphdocgen(t, args...)
			if code != ExitUsage || stdout != "" || stderr != "graphdocgen diff: "+bad+": "+want+"\n" {
				t.Errorf("%s: exit %d, stderr %q; want %q", body, code, stderr, want)
			}
		}
	}
}

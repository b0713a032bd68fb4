package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// lintPage is a small method page with two defects: a TODO in a permissions cell (an error) and a reason
// phrase that is not the standard one (a warning).
const lintPage = `---
title: "Create widget"
description: "Create a widget."
doc_type: apiPageType
---

# Create widget

Namespace: microsoft.graph

Create a widget.

## Permissions

| Permission type | Permissions (from least to most privileged) |
|:---|:---|
| Delegated (work or school account) | TODO: find out |
| Delegated (personal Microsoft account) | Not supported. |
| Application | Widget.ReadWrite.All |

## HTTP request

` + "```http" + `
POST /widgets
` + "```" + `

## Request body

In the request body, supply a JSON representation of the widget object.

## Response

If successful, this method returns a ` + "`201 Created`" + ` response code.

## Examples

### Request

<!-- { "blockType": "request", "name": "create_widget" } -->

` + "```http" + `
POST https://graph.microsoft.com/v1.0/widgets
Content-Type: application/json

{
  "displayName": "Blue widget"
}
` + "```" + `

### Response

<!-- { "blockType": "response" } -->

` + "```http" + `
HTTP/1.1 201 OK
` + "```" + `
`

// lintTree writes a docs tree with lintPage and returns its root.
func lintTree(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "docs")
	writeFiles(t, dir, map[string]string{"api/widget-post.md": lintPage})
	return dir
}

var textFinding = regexp.MustCompile(`^[^:]+\.md:\d+:\d+: (error|warning|info) [a-z-]+: .+$`)

func TestLintCommand(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", docs)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d; stderr %q", code, ExitFindings, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("want two findings, got:\n%s", stdout)
	}
	for _, l := range lines {
		if !textFinding.MatchString(l) {
			t.Errorf("not file:line:col: severity rule: message: %q", l)
		}
	}
	wantTODO := filepath.ToSlash(filepath.Join(docs, "api", "widget-post.md")) + ":17:40: error todo:"
	if !strings.HasPrefix(lines[0], wantTODO) || !strings.Contains(lines[1], ":55:14: warning reason-phrase:") {
		t.Errorf("findings:\n%s\nwant the TODO at %s and the reason phrase at line 55", stdout, wantTODO)
	}
	if stderr != "2 findings (1 error, 1 warning):\n* reason-phrase: 1\n* todo: 1\ngraphdocgen lint: 1 page, 1 error, 1 warning, 0 notes\n" {
		t.Errorf("summary %q", stderr)
	}
}

func TestLintFailOn(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"--fail-on", "error"}, ExitFindings},
		{[]string{"--fail-on", "none"}, ExitOK},
		{[]string{"--rule", "todo=off", "--fail-on", "error"}, ExitOK},          // only the warning is left
		{[]string{"--rule", "todo=off"}, ExitFindings},                          // warning is the default threshold
		{[]string{"--rule", "placeholders=off", "--rule", "http=info"}, ExitOK}, // families
		{[]string{"--rule", "http=info", "--rule", "placeholders=off", "--fail-on", "info"}, ExitFindings},
	}
	for _, c := range cases {
		code, _, stderr := runGraphdocgen(t, append([]string{"lint", "--docs", docs}, c.args...)...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, stderr)
		}
	}
}

func TestLintFormats(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)

	code, stdout, _ := runGraphdocgen(t, "lint", "--docs", docs, "--format", "json")
	var report struct {
		Findings []struct{ File, Rule string }
		Summary  struct{ Errors, Warnings int }
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil || code != ExitFindings {
		t.Fatalf("json: exit %d, %v\n%s", code, err, stdout)
	}
	if len(report.Findings) != 2 || report.Summary.Errors != 1 || report.Summary.Warnings != 1 {
		t.Errorf("json report: %+v", report)
	}

	out := filepath.Join(t.TempDir(), "lint.sarif")
	code, stdout, _ = runGraphdocgen(t, "lint", "--docs", docs, "--format", "sarif", "-o", out)
	data, err := os.ReadFile(out)
	if err != nil || code != ExitFindings || stdout != "" {
		t.Fatalf("sarif: exit %d, %v, stdout %q", code, err, stdout)
	}
	var log struct {
		Version string
		Runs    []struct{ Results []struct{ RuleID string } }
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 2 {
		t.Errorf("sarif log: %v %+v", err, log)
	}

	t.Setenv("GITHUB_STEP_SUMMARY", "") // in CI, the job's own summary
	_, stdout, _ = runGraphdocgen(t, "lint", "--docs", docs, "--format", "github")
	if !strings.HasPrefix(stdout, "::error file=") || !strings.Contains(stdout, ",line=17,col=40,title=graphdocgen todo::") {
		t.Errorf("github annotations:\n%s", stdout)
	}
}

func TestLintBaseline(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	base := filepath.Join(t.TempDir(), "baseline.json")
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", docs, "--write-baseline", base)
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "wrote 2 findings to") {
		t.Fatalf("write-baseline: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runGraphdocgen(t, "lint", "--docs", docs, "--baseline", base)
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "(2 more in the baseline)") {
		t.Fatalf("with the baseline: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// Lines move and a new defect appears: only the new one is reported.
	page := strings.Replace(lintPage, "Create a widget.\n", "Create a widget.\n\nMore text.\n\nAnd more.\n", 1)
	page = strings.Replace(page, "| Application | Widget.ReadWrite.All |", "| Application |  |", 1)
	writeFiles(t, docs, map[string]string{"api/widget-post.md": page})
	code, stdout, _ = runGraphdocgen(t, "lint", "--docs", docs, "--baseline", base)
	if code != ExitFindings || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "empty-permission") {
		t.Fatalf("after an edit: exit %d, want only the new empty permission:\n%s", code, stdout)
	}
}

func TestLintConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	docs := lintTree(t)
	writeFiles(t, dir, map[string]string{"graphdocgen.yaml": "docs: " + docs + "\nlint:\n  failOn: error\n  rules:\n    todo: off\n"})
	if code, stdout, stderr := runGraphdocgen(t, "lint"); code != ExitOK || strings.Contains(stdout, "todo") {
		t.Fatalf("config: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// The command line wins over the file.
	if code, _, _ := runGraphdocgen(t, "lint", "--fail-on", "warning"); code != ExitFindings {
		t.Fatalf("--fail-on did not override the config: exit %d", code)
	}
	writeFiles(t, dir, map[string]string{"graphdocgen.yaml": "docs: " + docs + "\nlint:\n  rules:\n    tood: off\n"})
	code, _, stderr := runGraphdocgen(t, "lint")
	if code != ExitUsage || !strings.Contains(stderr, "graphdocgen.yaml:4:5") || !strings.Contains(stderr, `did you mean "todo"?`) {
		t.Fatalf("unknown rule in the config: exit %d, stderr %q", code, stderr)
	}
}

func TestLintFailures(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	docs := lintTree(t)
	writeFiles(t, dir, map[string]string{
		"bad-baseline.json": "{\n  \"version\": 1,\n  \"findings\": [ oops ]\n}\n",
		"bad.csdl":          "<edmx:Edmx><nothing/></edmx:Edmx>",
		"empty/readme.txt":  "not a page",
	})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no docs", []string{"lint"}, "--docs is required"},
		{"missing docs", []string{"lint", "--docs", filepath.Join(dir, "nope")}, "docs: stat"},
		{"no pages", []string{"lint", "--docs", filepath.Join(dir, "empty")}, "no pages under"},
		{"bad format", []string{"lint", "--docs", docs, "--format", "xml"}, "--format must be one of text, json, sarif, github"},
		{"bad fail-on", []string{"lint", "--docs", docs, "--fail-on", "loud"}, "--fail-on must be error, warning, info or none"},
		{"unknown rule", []string{"lint", "--docs", docs, "--rule", "tood=off"}, `unknown rule "tood" (did you mean "todo"?)`},
		{"bad level", []string{"lint", "--docs", docs, "--rule", "todo=loud"}, `level "loud"`},
		{"rule without level", []string{"lint", "--docs", docs, "--rule", "todo"}, "write ID=LEVEL"},
		{"bad baseline", []string{"lint", "--docs", docs, "--baseline", "bad-baseline.json"}, "bad-baseline.json:3:"},
		{"missing baseline", []string{"lint", "--docs", docs, "--baseline", "none.json"}, "baseline: open none.json"},
		{"baseline of a change", []string{"lint", "--docs", docs, "--write-baseline", "b.json", "--changed-only"}, "does not go with --new-from-rev or --changed-only"},
		{"bad color", []string{"lint", "--docs", docs, "--color", "rainbow"}, "--color must be auto, always or never"},
		{"negative cap", []string{"lint", "--docs", docs, "--max-annotations", "-1"}, "--max-annotations must be 0"},
		{"bad schema", []string{"lint", "--docs", docs, "--against", "bad.csdl"}, "bad.csdl: no entity, complex or enum types"},
		{"missing schema", []string{"lint", "--docs", docs, "--against", "none.csdl"}, "schema: open none.csdl"},
		{"unwritable output", []string{"lint", "--docs", docs, "-o", filepath.Join(dir, "bad-baseline.json", "out.txt")}, "output:"},
		{"extra argument", []string{"lint", "--docs", docs, "extra"}, `unexpected argument "extra"`},
		{"unknown flag", []string{"lint", "--docz", docs}, "unknown flag: --docz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runGraphdocgen(t, tt.args...)
			if code != ExitUsage || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d (want %d), stderr %q, want it to contain %q", code, ExitUsage, stderr, tt.want)
			}
			if stdout != "" {
				t.Errorf("nothing should be written on a usage or I/O error, got %q", stdout)
			}
		})
	}
}

func TestLintHelp(t *testing.T) {
	code, stdout, stderr := runGraphdocgen(t, "lint", "--help")
	if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "Usage: graphdocgen lint --docs DIR") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, flag := range []string{"--format", "--fail-on", "--baseline", "--write-baseline", "--against", "--rule", "--output", "--config",
		"--new-from-rev", "--changed-only", "--color", "--job-summary", "--max-annotations"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("help does not mention %s", flag)
		}
	}
	code, stdout, _ = runGraphdocgen(t, "lint", "--list-rules")
	if code != ExitOK || !regexp.MustCompile(`(?m)^todo\s+placeholders\s+error\s+TODO placeholder`).MatchString(stdout) {
		t.Fatalf("list-rules: exit %d\n%s", code, stdout)
	}
}

// TestLintSeeds runs the command on the five seed pages, as the README shows.
func TestLintSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("skipping: %s is absent (CI always has it)", seeds)
	}
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", seeds, "--include", "*.txt", "--fail-on", "error")
	if code != ExitFindings || !strings.Contains(stdout, "001_a2d0fcfc9932b485.txt:126:1: error status-line:") {
		t.Fatalf("exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !regexp.MustCompile(`^\S+\.txt:\d+:\d+: (error|warning|info) [a-z-]+: .+$`).MatchString(l) {
			t.Errorf("not file:line:col: severity rule: message: %q", l)
		}
	}
}

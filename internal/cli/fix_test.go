package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fixDocs are a method page with six fixable defects — with a byte order mark, CRLF line endings and no final line
// break, all of which --fix keeps — a resource page with one, and a page with none. fixClean is the method page
// as --fix should leave it.
var (
	fixClean = strings.Join([]string{
		"\ufeff# user: get", "", "## Permissions", "",
		"| Permission type | Permissions (from least to most privileged) |", "|:---|:---|", "| Application | User.Read.All |", "",
		"## HTTP request", "", "```http", "GET /users/{id}", "```", "",
		"## Response", "", "If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object.", "",
		"## Examples", "", "### Request", "", "```http", "GET https://graph.microsoft.com/v1.0/users/1", "```", "",
		"### Response", "", "```http", "HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: 19", "", `{"id": "1", "a": 2}`, "```",
	}, "\r\n")
	fixBroken = strings.NewReplacer("`200 OK`", "`200 Ok`", "(../resources/user.md)", "(../resources/User.md)",
		"| Permissions (from least to most privileged) |", "| Permission |", "HTTP/1.1 200 OK", "HTTP 1.1 200 OK",
		"Content-Length: 19", "Content-Length: 25", `"a": 2}`, `"a": 2,}`).Replace(fixClean)
	fixResource      = "# user resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The id. |\n| a | Int32 | A. See [user](User.md). |\n"
	fixResourceClean = strings.Replace(fixResource, "(User.md)", "(user.md)", 1)
	fixOther         = "# Overview\n\nSee the [user](resources/user.md).\n"
)

func fixTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"api/user-get.md": fixBroken, "resources/user.md": fixResource, "overview.md": fixOther})
	if err := os.Chmod(filepath.Join(dir, "resources", "user.md"), 0o640); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLintFixWrites(t *testing.T) {
	dir := fixTree(t)
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--fix")
	if got := readFile(t, filepath.Join(dir, "api", "user-get.md")); got != fixClean {
		t.Errorf("api/user-get.md after --fix:\n%q\nwant\n%q", got, fixClean)
	}
	if got := readFile(t, filepath.Join(dir, "resources", "user.md")); got != fixResourceClean {
		t.Errorf("resources/user.md after --fix:\n%q", got)
	}
	if st, err := os.Stat(filepath.Join(dir, "resources", "user.md")); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("resources/user.md's mode not kept: %v %v", st.Mode(), err)
	}
	if got := readFile(t, filepath.Join(dir, "overview.md")); got != fixOther {
		t.Errorf("overview.md changed: %q", got)
	}
	// What is reported is what is left: none of the fixed rules.
	for _, rule := range []string{"status-line", "reason-phrase", "content-length", "json-syntax", "link-case", "permissions-header"} {
		if strings.Contains(stdout, " "+rule+": ") {
			t.Errorf("%s still reported after --fix:\n%s", rule, stdout)
		}
	}
	for _, want := range []string{"fixed 7 findings in 2 files:", "* link-case: 2", "* content-length: 1", "(7 fixed in 2 files)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != ExitOK && code != ExitFindings {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	// JSON says what was fixed too.
	dir2 := fixTree(t)
	if _, stdout, _ := runGraphdocgen(t, "lint", "--docs", dir2, "--fix", "--format", "json"); !strings.Contains(stdout, `"fixed": {`) ||
		!strings.Contains(stdout, `"link-case": 2`) {
		t.Errorf("JSON summary does not count the fixes:\n%s", stdout)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*", ".*fix*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// A second --fix has nothing to do, and writes nothing.
	before, _ := os.Stat(filepath.Join(dir, "api", "user-get.md"))
	code, stdout, stderr = runGraphdocgen(t, "lint", "--docs", dir, "--fix", "--diff")
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "0 findings fixable in 0 files") {
		t.Errorf("second run: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runGraphdocgen(t, "lint", "--docs", dir, "--fix")
	after, _ := os.Stat(filepath.Join(dir, "api", "user-get.md"))
	if strings.Contains(stderr, "fixed") || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("second --fix: exit %d, the page rewritten (%v → %v):\n%s", code, before.ModTime(), after.ModTime(), stderr)
	}
}

func TestLintFixDiff(t *testing.T) {
	dir := fixTree(t)
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--fix", "--diff")
	if code != ExitFindings {
		t.Errorf("exit %d, want %d (there is something to fix)\n%s", code, ExitFindings, stderr)
	}
	if got := readFile(t, filepath.Join(dir, "api", "user-get.md")); got != fixBroken {
		t.Errorf("--diff wrote the page")
	}
	for _, want := range []string{
		"diff --git a/api/user-get.md b/api/user-get.md\n--- a/api/user-get.md\n+++ b/api/user-get.md\n",
		"-HTTP 1.1 200 OK\r\n+HTTP/1.1 200 OK\r\n",
		"-Content-Length: 25\r\n+Content-Length: 19\r\n",
		"-{\"id\": \"1\", \"a\": 2,}\r\n+{\"id\": \"1\", \"a\": 2}\r\n ```\n\\ No newline at end of file\n",
		"diff --git a/resources/user.md b/resources/user.md\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("diff lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "--fix would fix 7 findings in 2 files:") {
		t.Errorf("stderr: %s", stderr)
	}
	// The diff is what --fix writes: git applies it to the pages and gets the fixed ones.
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the diff is not applied")
	}
	patch := filepath.Join(t.TempDir(), "fix.diff")
	if err := os.WriteFile(patch, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "apply", "--unsafe-paths", patch)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if got := readFile(t, filepath.Join(dir, "api", "user-get.md")); got != fixClean {
		t.Errorf("the diff applied gives\n%q\nwant\n%q", got, fixClean)
	}
}

// TestLintFixRefuses: docs are untrusted, so --fix writes no file through a symbolic link (which could lead out of
// the docs root) and no read-only file, and says so; the other pages are fixed.
func TestLintFixRefuses(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links and modes differ on Windows")
	}
	dir := fixTree(t)
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte(fixResource), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "resources", "linked.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "api", "user-get.md"), 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--fix", "--follow-symlinks")
	if got := readFile(t, outside); got != fixResource {
		t.Errorf("--fix wrote through a symbolic link out of the docs root")
	}
	if got := readFile(t, filepath.Join(dir, "api", "user-get.md")); got != fixBroken {
		t.Errorf("--fix wrote a read-only page")
	}
	if got := readFile(t, filepath.Join(dir, "resources", "user.md")); got != fixResourceClean {
		t.Errorf("the writable page was not fixed")
	}
	for _, want := range []string{"resources/linked.md is a symbolic link; --fix does not write through links", "api/user-get.md is read-only; not fixed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if code != ExitFindings {
		t.Errorf("exit %d, want %d: the refused pages' findings are left", code, ExitFindings)
	}
}

func TestLintFixUsage(t *testing.T) {
	dir := fixTree(t)
	for _, args := range [][]string{{"--diff"}, {"--fix", "--write-baseline", filepath.Join(dir, "b.json")}} {
		code, _, stderr := runGraphdocgen(t, append([]string{"lint", "--docs", dir}, args...)...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, ExitUsage, stderr)
		}
	}
}

// TestDiffLines checks the edit script on pairs of texts: its kept and removed lines are the old text, its kept and
// added lines the new one, and it keeps as many lines as the longest common subsequence has.
func TestDiffLines(t *testing.T) {
	cases := [][2]string{
		{"", "a\n"}, {"a\n", ""}, {"a\nb\nc\n", "a\nb\nc\n"}, {"a\nb\nc\n", "a\nx\nc\n"},
		{"a\nb\nc\nd\ne\n", "b\nc\nx\ne\nf\n"}, {"x\ny\n", "a\nb\nc\n"}, {"a\nb", "a\nb\n"},
	}
	lcs := map[int]int{0: 0, 1: 0, 2: 3, 3: 2, 4: 3, 5: 0, 6: 1}
	for i, c := range cases {
		x, y := splitLinesKeep([]byte(c[0])), splitLinesKeep([]byte(c[1]))
		var gotX, gotY []string
		kept := 0
		for _, o := range diffLines(x, y) {
			switch o.kind {
			case ' ':
				gotX, gotY = append(gotX, x[o.x]), append(gotY, y[o.y])
				kept++
			case '-':
				gotX = append(gotX, x[o.x])
			case '+':
				gotY = append(gotY, y[o.y])
			}
		}
		if strings.Join(gotX, "") != c[0] || strings.Join(gotY, "") != c[1] || kept != lcs[i] {
			t.Errorf("%q → %q: script gives %q → %q keeping %d lines, want %d", c[0], c[1], gotX, gotY, kept, lcs[i])
		}
	}
	if d := unifiedDiff("a/p", "b/p", []byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"), []byte("1\n2\n3\n4\n5\nsix\n7\n8\n9\n10\n")); d !=
		"diff --git a/p b/p\n--- a/p\n+++ b/p\n@@ -3,7 +3,7 @@\n 3\n 4\n 5\n-6\n+six\n 7\n 8\n 9\n" {
		t.Errorf("unified diff:\n%s", d)
	}
}

// TestLintFixChangedOnly: with --changed-only, --fix fixes the files the change touched and leaves the others.
func TestLintFixChangedOnly(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("skipping: git is not installed; --changed-only needs it")
	}
	dir := fixTree(t)
	runGit(t, dir, "init", "-q")
	runGit(t, dir, "add", ".")
	runGit(t, dir, "commit", "-q", "-m", "docs")
	resource := filepath.Join(dir, "resources", "user.md")
	if err := os.WriteFile(resource, []byte(fixResource+"\nMore.\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--fix", "--changed-only")
	if got := readFile(t, resource); got != fixResourceClean+"\nMore.\n" {
		t.Errorf("the changed page was not fixed: %q\n%s", got, stderr)
	}
	if got := readFile(t, filepath.Join(dir, "api", "user-get.md")); got != fixBroken {
		t.Errorf("--changed-only --fix fixed a page outside the change")
	}
	if !strings.Contains(stderr, "fixed 1 finding in 1 file") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestLintFixBaseline: a finding the baseline accepts is not fixed.
func TestLintFixBaseline(t *testing.T) {
	dir := fixTree(t)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--write-baseline", baseline); code != ExitOK {
		t.Fatalf("write baseline: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", dir, "--baseline", baseline, "--fix", "--diff")
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "0 findings fixable") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

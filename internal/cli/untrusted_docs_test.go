package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
)

// Docs folders are untrusted: files that are not regular files are never opened, pages over --max-page-bytes are
// not read, symbolic links that leave the docs root are not followed unless asked; each is reported and the rest
// read.

// runWithin runs graphdocgen and fails the test when it takes longer than d (a read that blocks).
func runWithin(t *testing.T, d time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := runGraphdocgen(t, args...)
		done <- result{c, o, e}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(d):
		t.Fatalf("graphdocgen %s: still running after %s", strings.Join(args, " "), d)
	}
	return
}

func untrustedTree(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"resources/a.md": pageA})
	return dir
}

func modelDiagnostics(t *testing.T, stdout, rule string) []model.Diagnostic {
	t.Helper()
	m, err := export.ReadJSON([]byte(stdout))
	if err != nil {
		t.Fatalf("model: %v", err)
	}
	var out []model.Diagnostic
	for _, d := range m.Diagnostics {
		if d.Rule == rule {
			out = append(out, d)
		}
	}
	if m.Type("microsoft.graph.a") == nil {
		t.Errorf("the readable page was not read: %d types", len(m.Types))
	}
	return out
}

func TestDocsSymlinkToDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	dir := untrustedTree(t)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "resources", "zero.md")); err != nil {
		t.Fatal(err)
	}
	for _, follow := range []bool{false, true} {
		args := []string{"model", "--docs", dir}
		want := "leads outside the docs root"
		if follow {
			args = append(args, "--follow-symlinks")
			want = "not a regular file but a character device"
		}
		code, stdout, stderr := runWithin(t, 20*time.Second, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		ds := modelDiagnostics(t, stdout, "unreadable-page")
		if len(ds) != 1 || ds[0].Pos.File != "resources/zero.md" || !strings.Contains(ds[0].Message, want) {
			t.Errorf("%v: diagnostics %v, want one with %q", args, ds, want)
		}
		if !strings.Contains(stderr, "warning: "+filepath.ToSlash(filepath.Join(dir, "resources", "zero.md"))+": not read: ") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
	}
}

func TestDocsNamedPipePage(t *testing.T) {
	dir := untrustedTree(t)
	if err := mkfifo(filepath.Join(dir, "resources", "p.md")); err != nil {
		t.Skip("no named pipes:", err)
	}
	code, stdout, stderr := runWithin(t, 20*time.Second, "model", "--docs", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ds := modelDiagnostics(t, stdout, "unreadable-page")
	if len(ds) != 1 || ds[0].Pos.File != "resources/p.md" || !strings.Contains(ds[0].Message, "a named pipe") {
		t.Errorf("diagnostics %v", ds)
	}

	// lint reports it as a finding, and fails on it.
	code, stdout, _ = runWithin(t, 20*time.Second, "lint", "--docs", dir)
	if code != ExitFindings || !strings.Contains(stdout, "resources/p.md:1:1: error unreadable-page: not read: not a regular file but a named pipe") {
		t.Errorf("lint: exit %d, %s", code, stdout)
	}
}

func TestDocsRootIsNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "docs")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes:", err)
	}
	for _, args := range [][]string{
		{"model", "--docs", fifo},
		{"lint", "--docs", fifo},
		{"generate", "--docs", fifo, "--out", filepath.Join(t.TempDir(), "out")},
		{"diff", fifo, docsInput},
	} {
		code, stdout, stderr := runWithin(t, 20*time.Second, args...)
		if code != ExitUsage || stdout != "" || !strings.Contains(stderr, fifo+" is a named pipe, not a ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

func TestDocsSymlinkOutsideRoot(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("# secret resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| password | String | hunter2 |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := untrustedTree(t)
	if err := os.Symlink(secret, filepath.Join(dir, "resources", "passwd.md")); err != nil {
		t.Fatal(err)
	}
	// A folder link that leaves the root is not walked into; a link inside the root is read.
	if err := os.Symlink(outside, filepath.Join(dir, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"real/b.md": strings.ReplaceAll(pageA, "# a resource", "# b resource")})
	if err := os.Symlink(filepath.Join("..", "real", "b.md"), filepath.Join(dir, "resources", "b.md")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runWithin(t, 20*time.Second, "model", "--docs", dir, "--exclude", "real/**")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "hunter2") {
		t.Errorf("the page behind a link out of the root was read")
	}
	ds := modelDiagnostics(t, stdout, "unreadable-page")
	if len(ds) != 1 || ds[0].Pos.File != "resources/passwd.md" || !strings.Contains(ds[0].Message, "outside the docs root") {
		t.Errorf("diagnostics %v", ds)
	}
	if !strings.Contains(stdout, `"microsoft.graph.b"`) {
		t.Errorf("the link inside the root was not read")
	}

	// Asked to, it follows the link.
	code, stdout, stderr = runWithin(t, 20*time.Second, "model", "--docs", dir, "--exclude", "real/**", "--follow-symlinks")
	if code != ExitOK || !strings.Contains(stdout, "hunter2") || len(modelDiagnostics(t, stdout, "unreadable-page")) != 0 {
		t.Errorf("--follow-symlinks: exit %d, stderr %s", code, stderr)
	}
	// Also from the config file.
	inTempProject(t, map[string]string{"graphdocgen.yaml": "docs: " + dir + "\nexclude: [real/**]\nfollowSymlinks: true\n"})
	code, stdout, _ = runWithin(t, 20*time.Second, "model")
	if code != ExitOK || !strings.Contains(stdout, "hunter2") {
		t.Errorf("followSymlinks: true: exit %d", code)
	}
}

func TestDocsMaxPageBytes(t *testing.T) {
	dir := untrustedTree(t)
	big := pageA + "\n" + strings.Repeat("Lorem ipsum dolor sit amet. ", 100) + "\n"
	writeFiles(t, dir, map[string]string{"resources/big.md": strings.ReplaceAll(big, "# a resource", "# big resource")})
	code, stdout, stderr := runWithin(t, 20*time.Second, "model", "--docs", dir, "--max-page-bytes", "1KiB")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ds := modelDiagnostics(t, stdout, "unreadable-page")
	if len(ds) != 1 || ds[0].Pos.File != "resources/big.md" || !strings.Contains(ds[0].Message, "more than the 1024 a page may have (--max-page-bytes)") {
		t.Errorf("diagnostics %v", ds)
	}
	// The default reads it; 0 is no limit.
	for _, args := range [][]string{{"model", "--docs", dir}, {"model", "--docs", dir, "--max-page-bytes", "0"}} {
		code, stdout, _ = runWithin(t, 20*time.Second, args...)
		if code != ExitOK || len(modelDiagnostics(t, stdout, "unreadable-page")) != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	// The config key, and its position when wrong.
	inTempProject(t, map[string]string{"graphdocgen.yaml": "docs: " + dir + "\nmaxPageBytes: 1KiB\n"})
	code, stdout, _ = runWithin(t, 20*time.Second, "model")
	if code != ExitOK || len(modelDiagnostics(t, stdout, "unreadable-page")) != 1 {
		t.Errorf("maxPageBytes: 1KiB: exit %d", code)
	}
	code, _, stderr = runGraphdocgen(t, "model", "--docs", dir, "--max-page-bytes", "big")
	if code != ExitUsage || !strings.Contains(stderr, `--max-page-bytes: "big" is not a size`) {
		t.Errorf("bad size: exit %d, %s", code, stderr)
	}
	// A single page given as the docs root over the limit is an error: there is nothing else to read.
	code, _, stderr = runGraphdocgen(t, "model", "--docs", filepath.Join(dir, "resources", "big.md"), "--max-page-bytes", "1KiB")
	if code != ExitUsage || !strings.Contains(stderr, "more than the 1024 a page may have") {
		t.Errorf("single page: exit %d, %s", code, stderr)
	}
}

// TestDocsSeveralRootsUntrusted: layered roots get the same checks.
func TestDocsSeveralRootsUntrusted(t *testing.T) {
	front := t.TempDir()
	if err := mkfifo(filepath.Join(front, "p.md")); err != nil {
		t.Skip("no named pipes:", err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(front, "passwd.md")); err != nil {
		t.Fatal(err)
	}
	dir := untrustedTree(t)
	code, stdout, stderr := runWithin(t, 20*time.Second, "model", "--docs", front, "--docs", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if ds := modelDiagnostics(t, stdout, "unreadable-page"); len(ds) != 2 {
		t.Errorf("diagnostics %v", ds)
	}
}

func TestLintBaselineNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "baseline.json")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes:", err)
	}
	code, _, stderr := runWithin(t, 20*time.Second, "lint", "--docs", docsInput, "--baseline", fifo)
	if code != ExitUsage || !strings.Contains(stderr, fifo+" is a named pipe, not a file") {
		t.Errorf("exit %d, %s", code, stderr)
	}
}

// TestLintAgainstNamedPipe: --against names a schema file; a named pipe there must not wait for a writer.
func TestLintAgainstNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "schema.csdl")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes:", err)
	}
	code, _, stderr := runWithin(t, 20*time.Second, "lint", "--docs", docsInput, "--against", fifo)
	if code != ExitUsage || !strings.Contains(stderr, "schema: "+fifo+" is a named pipe, not a file") {
		t.Errorf("exit %d, %s", code, stderr)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/export"
)

// docsInput is the sample docs tree of the repository, read (never written) by the tests.
var docsInput = filepath.Join("..", "..", "docs-input")

func TestModelCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "m.json")
	code, stdout, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "-o", out)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if !regexp.MustCompile(`^graphdocgen model: \d+ pages, \d+ types, \d+ operations, `).MatchString(stderr) {
		t.Errorf("summary %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := export.ReadJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if m.Type("microsoft.graph.user") == nil || m.Operation("api/user-list") == nil {
		t.Errorf("the model lacks user or user-list: %d types, %d operations", len(m.Types), len(m.Operations))
	}

	code, stdout, _ = runGraphdocgen(t, "model", "--docs", docsInput, "--format", "csdl")
	if code != ExitOK || !strings.Contains(stdout, `<EntityType Name="user"`) {
		t.Errorf("csdl: exit %d, %d bytes", code, len(stdout))
	}
}

func TestModelHelp(t *testing.T) {
	for _, args := range [][]string{{"model", "--help"}, {"help", "model"}, {"model", "-h"}} {
		code, stdout, stderr := runGraphdocgen(t, args...)
		if code != ExitOK || !strings.HasPrefix(stdout, "Usage: graphdocgen model --docs DIR") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
		for _, flag := range []string{"--docs DIR", "--format", "--output", "--include", "--exclude", "--config FILE"} {
			if !strings.Contains(stdout, flag) {
				t.Errorf("%v: help does not mention %s", args, flag)
			}
		}
	}
}

func TestModelFailures(t *testing.T) {
	t.Chdir(t.TempDir()) // no graphdocgen.yaml here
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no docs", []string{"model"}, "graphdocgen model: --docs is required (or docs: in graphdocgen.yaml)\n"},
		{"missing docs dir", []string{"model", "--docs", "nosuch"}, "graphdocgen model: docs: stat nosuch: no such file or directory\n"},
		{"bad format", []string{"model", "--docs", "nosuch", "--format", "yaml"}, "graphdocgen model: --format must be json, csdl or openapi, not \"yaml\"\n"},
		{"stray argument", []string{"model", "pages"}, "graphdocgen model: unexpected argument \"pages\" (the docs root goes after --docs)\n"},
		{"unknown flag", []string{"model", "--doc", "x"}, "graphdocgen model: unknown flag: --doc\nRun 'graphdocgen model --help' for usage.\n"},
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

func TestModelUnreadablePage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"resources/a.md": pageA, "resources/b.md": pageA})
	b := filepath.Join(dir, "resources", "b.md")
	if err := os.Chmod(b, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(b); err == nil {
		// Running as root, modes do not stop reads: a link to nowhere cannot be read by anyone.
		if err := os.Remove(b); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(dir, "gone.md"), b); err != nil {
			t.Fatal(err)
		}
	}
	// The page that cannot be read is reported, in the model and on standard error; the rest is read.
	code, stdout, stderr := runGraphdocgen(t, "model", "--docs", dir)
	if code != ExitOK || !strings.Contains(stderr, "graphdocgen model: warning: "+filepath.ToSlash(b)+": not read: ") {
		t.Errorf("exit %d, stdout %d bytes, stderr %q", code, len(stdout), stderr)
	}
	m, err := export.ReadJSON([]byte(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Pages) != 1 || len(m.Diagnostics) == 0 || m.Diagnostics[0].Rule != "unreadable-page" || m.Diagnostics[0].Pos.File != "resources/b.md" {
		t.Errorf("%d pages, diagnostics %v", len(m.Pages), m.Diagnostics)
	}
}

func TestModelOutputNotWritable(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(readOnly, "m.json")
	want := "permission denied"
	if probe, err := os.Create(filepath.Join(readOnly, "probe")); err == nil {
		// Root writes into read-only folders: aim below a regular file instead, which nobody can.
		probe.Close()
		target = filepath.Join(readOnly, "probe", "m.json")
		want = "not a directory"
	}
	code, _, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "-o", target)
	if code != ExitUsage || !strings.HasPrefix(stderr, "graphdocgen model: ") || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, want)
	}
	if _, err := os.Stat(target); err == nil {
		t.Errorf("%s was written", target)
	}
}

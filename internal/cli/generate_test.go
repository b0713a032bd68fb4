package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// generateInto runs generate on docs into out and fails the test unless it succeeds.
func generateInto(t *testing.T, docs, out string, extra ...string) string {
	t.Helper()
	code, stdout, stderr := runGraphdocgen(t, append([]string{"generate", "--docs", docs, "--out", out}, extra...)...)
	if code != ExitOK || stdout != "" {
		t.Fatalf("generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	return stderr
}

// dirFiles lists the regular files of dir (not below it), sorted.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// agePast sets the modification time of every file in dir to a fixed time in the past and returns it, so that a
// rewrite shows whatever the file system's timestamp resolution.
func agePast(t *testing.T, dir string) time.Time {
	t.Helper()
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, name := range dirFiles(t, dir) {
		if err := os.Chtimes(filepath.Join(dir, name), past, past); err != nil {
			t.Fatal(err)
		}
	}
	return past
}

// touchedSince lists the files of dir whose modification time is not past.
func touchedSince(t *testing.T, dir string, past time.Time) []string {
	t.Helper()
	var touched []string
	for _, name := range dirFiles(t, dir) {
		st, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !st.ModTime().Equal(past) {
			touched = append(touched, name)
		}
	}
	return touched
}

func TestGenerateCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	summary := generateInto(t, docsInput, out)
	if !regexp.MustCompile(`^graphdocgen generate: \d+ files from \d+ pages, \d+ types, \d+ operations; (\d+) written, 0 unchanged, 0 removed in .*graph; 0 unresolved types\n$`).MatchString(summary) {
		t.Errorf("summary %q", summary)
	}
	names := dirFiles(t, out)
	if len(names) < 5 || !slices.Contains(names, "user.go") || !slices.Contains(names, "support_client.go") {
		t.Fatalf("files %v", names)
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), generatedHeader+"\n") || !regexp.MustCompile(`(?m)^package graph$`).Match(data) {
			t.Errorf("%s starts %q: want the header, and the package named after the folder", name, data[:min(len(data), 80)])
		}
	}

	// A second run finds everything up to date and touches nothing.
	past := agePast(t, out)
	if summary := generateInto(t, docsInput, out); !strings.Contains(summary, "; 0 written, ") {
		t.Errorf("second run: %q", summary)
	}
	if touched := touchedSince(t, out, past); len(touched) > 0 {
		t.Errorf("second run rewrote %v", touched)
	}
	code, stdout, stderr := runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--check")
	if code != ExitOK || stdout != "" || stderr != "graphdocgen generate --check: "+out+" is up to date\n" {
		t.Errorf("--check after generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestGenerateCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	code, stdout, stderr := runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--check")
	if code != ExitFindings || !strings.Contains(stdout, "missing "+filepath.Join(out, "user.go")+"\n") || strings.Contains(stdout, "stale") {
		t.Errorf("--check before any generate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("--check created %s", out)
	}

	generateInto(t, docsInput, out)
	// user.go stale, week.go missing, old.go extra (ours, not produced any more); mine.go is someone's.
	writeFiles(t, out, map[string]string{
		"old.go":  generatedHeader + "\n\npackage graph\n",
		"mine.go": "package graph\n",
	})
	user := filepath.Join(out, "user.go")
	data, err := os.ReadFile(user)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(user, append(data, "// edited by hand\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "week.go")); err != nil {
		t.Fatal(err)
	}
	before := dirFiles(t, out)
	past := agePast(t, out)

	code, stdout, stderr = runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--check")
	want := "stale   " + user + "\nmissing " + filepath.Join(out, "week.go") + "\nextra   " + filepath.Join(out, "old.go") + "\n"
	if code != ExitFindings || stdout != want {
		t.Errorf("--check: exit %d, stdout\n%s\nwant exit 1 and\n%s", code, stdout, want)
	}
	if wantErr := "graphdocgen generate --check: " + out + " is out of date: 1 stale, 1 missing, 1 extra; run graphdocgen generate without --check\n"; stderr != wantErr {
		t.Errorf("--check: stderr %q, want %q", stderr, wantErr)
	}
	if after := dirFiles(t, out); !reflect.DeepEqual(after, before) {
		t.Errorf("--check changed the folder: %v, was %v", after, before)
	}
	if touched := touchedSince(t, out, past); len(touched) > 0 {
		t.Errorf("--check wrote %v", touched)
	}
}

func TestGenerateRemovesOnlyItsOwnFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	generateInto(t, docsInput, out)
	handWritten := map[string]string{
		"out_test.go":  "package graph\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {}\n",
		"extra.go":     "// Code generated by another tool. DO NOT EDIT.\n\npackage graph\n",
		"notes.txt":    "Code generated by graphdocgen. DO NOT EDIT.\n", // not a comment line: not our header
		"late.go":      "package graph\n\n" + generatedHeader + "\n",    // the header, but not first
		"sub/deep.go":  generatedHeader + "\n\npackage sub\n",           // below the package: not ours to judge
		"README.md":    "hand-written\n",
		"user_test.go": "package graph\n",
	}
	writeFiles(t, out, handWritten)
	writeFiles(t, out, map[string]string{"gone.go": generatedHeader + "\n\npackage graph\n"})

	summary := generateInto(t, docsInput, out, "-v")
	if !strings.Contains(summary, "removed "+filepath.Join(out, "gone.go")+"\n") || !strings.Contains(summary, "; 0 written, ") || !strings.Contains(summary, ", 1 removed in ") {
		t.Errorf("summary %q", summary)
	}
	if _, err := os.Stat(filepath.Join(out, "gone.go")); err == nil {
		t.Error("gone.go, generated before and not now, is still there")
	}
	for name, content := range handWritten {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || string(data) != content {
			t.Errorf("%s: %q, %v; want it untouched", name, data, err)
		}
	}

	// Fewer outputs: the client and server files go, the hand-written ones stay.
	summary = generateInto(t, docsInput, out, "--emit", "models", "-v")
	if !strings.Contains(summary, "removed "+filepath.Join(out, "support_client.go")+"\n") {
		t.Errorf("--emit models did not remove the client: %q", summary)
	}
	for name := range handWritten {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestGenerateDoesNotReplaceForeignFiles(t *testing.T) {
	out := t.TempDir()
	mine := "package graph\n\n// User is mine.\ntype User struct{}\n"
	writeFiles(t, out, map[string]string{"user.go": mine})
	for _, check := range []bool{false, true} {
		args := []string{"generate", "--docs", docsInput, "--out", out, "--package", "graph"}
		if check {
			args = append(args, "--check")
		}
		code, stdout, stderr := runGraphdocgen(t, args...)
		want := "graphdocgen generate: " + filepath.Join(out, "user.go") + ": the file is not graphdocgen's"
		if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, want) {
			t.Errorf("check=%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", check, code, stdout, stderr, want)
		}
	}
	if names := dirFiles(t, out); !reflect.DeepEqual(names, []string{"user.go"}) {
		t.Errorf("files %v: nothing should be written when one file is in the way", names)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "user.go")); string(data) != mine {
		t.Errorf("user.go was replaced: %q", data)
	}
}

// TestGenerateRewritesOnlyDependentFiles changes one page and checks that regenerating rewrites only the file
// generated from it; the others keep their modification times.
func TestGenerateRewritesOnlyDependentFiles(t *testing.T) {
	dir := t.TempDir()
	docs, out := filepath.Join(dir, "docs"), filepath.Join(dir, "graph")
	copyTree(t, docsInput, docs)
	generateInto(t, docs, out)
	before := map[string]string{}
	for _, name := range dirFiles(t, out) {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = string(data)
	}
	past := agePast(t, out)

	editFile(t, filepath.Join(docs, "resources", "user.md"),
		"\nRepresents a user account. Inherits from", "\nRepresents a person who signs in. Inherits from")
	summary := generateInto(t, docs, out, "-v")
	if touched := touchedSince(t, out, past); !reflect.DeepEqual(touched, []string{"user.go"}) {
		t.Errorf("rewritten %v, want only user.go; %s", touched, summary)
	}
	data, err := os.ReadFile(filepath.Join(out, "user.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Represents a person who signs in.") || string(data) == before["user.go"] {
		t.Error("user.go does not carry the new description")
	}
	if !strings.Contains(summary, "wrote "+filepath.Join(out, "user.go")+"\n") || !strings.Contains(summary, "; 1 written, ") {
		t.Errorf("summary %q", summary)
	}
}

// absDocsInput is docsInput for tests that change the working directory.
func absDocsInput(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(docsInput)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestGenerateConfig(t *testing.T) {
	docs := absDocsInput(t)
	dir := inTempProject(t, map[string]string{
		"project/graphdocgen.yaml": `docs: ../pages
out: ../gen/api
package: graph
emit: [models]
names:
  microsoft.graph.user: Person
types:
  Edm.DateTimeOffset: string
`,
	})
	copyTree(t, docs, filepath.Join(dir, "pages"))
	code, stdout, stderr := runGraphdocgen(t, "generate", "--config", "project/graphdocgen.yaml")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	out := filepath.Join(dir, "gen", "api")
	names := dirFiles(t, out)
	if slices.Contains(names, "support_client.go") || slices.Contains(names, "server.go") {
		t.Errorf("emit: [models] wrote %v", names)
	}
	person, err := os.ReadFile(filepath.Join(out, "person.go")) // files are named after the Go names
	if err != nil {
		t.Fatalf("%v; files %v", err, names)
	}
	for _, want := range []string{"\npackage graph\n", "\ntype Person struct {", "CreatedDateTime Optional[string] "} {
		if !strings.Contains(string(person), want) {
			t.Errorf("person.go lacks %q", want)
		}
	}

	// Flags win: --package and --emit replace the file's.
	code, _, stderr = runGraphdocgen(t, "generate", "--config", "project/graphdocgen.yaml", "--package", "other", "--emit", "models,client")
	if code != ExitOK {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	names = dirFiles(t, out)
	if !slices.Contains(names, "support_client.go") {
		t.Errorf("--emit models,client: no client in %v", names)
	}
	if person, _ := os.ReadFile(filepath.Join(out, "person.go")); !strings.Contains(string(person), "\npackage other\n") {
		t.Error("--package other did not win over the config")
	}
}

func TestGenerateConfigOverrideNamesNothing(t *testing.T) {
	docs := absDocsInput(t)
	dir := inTempProject(t, map[string]string{"graphdocgen.yaml": "docs: pages\nout: gen\nnames:\n  microsoft.graph.user: Person\n  microsoft.graph.usr: Nobody\ntypes:\n  microsoft.graph.user.nosuch: string\n"})
	copyTree(t, docs, filepath.Join(dir, "pages"))
	code, stdout, stderr := runGraphdocgen(t, "generate")
	want := "graphdocgen generate: graphdocgen.yaml:5:24: names.microsoft.graph.usr: no such type, property, enum member or operation in the docs\n" +
		"graphdocgen.yaml:7:32: types.microsoft.graph.user.nosuch: no such type, property, enum member or operation in the docs\n"
	if code != ExitUsage || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr\n%s\nwant\n%s", code, stdout, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "gen")); err == nil {
		t.Error("the output folder was made")
	}
}

func TestGenerateFailures(t *testing.T) {
	docsInput := absDocsInput(t)
	dir := t.TempDir()
	t.Chdir(dir) // no graphdocgen.yaml here
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no docs", []string{"generate", "--out", "x"}, "graphdocgen generate: --docs is required (or docs: in graphdocgen.yaml)\n"},
		{"no out", []string{"generate", "--docs", docsInput}, "graphdocgen generate: --out is required (or out: in graphdocgen.yaml)\n"},
		{"missing docs dir", []string{"generate", "--docs", "nosuch", "--out", "x"}, "graphdocgen generate: docs: stat nosuch: no such file or directory\n"},
		{"bad emit", []string{"generate", "--docs", docsInput, "--out", "x", "--emit", "models,sever"}, "graphdocgen generate: --emit takes models, client or server, not \"sever\"\n"},
		{"out not an identifier", []string{"generate", "--docs", docsInput, "--out", "my-api"}, "graphdocgen generate: --package is required: the output directory's name \"my-api\" is not a Go identifier\n"},
		{"stray argument", []string{"generate", "--out", "x", "pages"}, "graphdocgen generate: unexpected argument \"pages\" (the docs root goes after --docs)\n"},
		{"unknown flag", []string{"generate", "--chek"}, "graphdocgen generate: unknown flag: --chek\nRun 'graphdocgen generate --help' for usage.\n"},
		{"missing config", []string{"generate", "--config", "nosuch.yaml"}, "graphdocgen generate: config: open nosuch.yaml: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runGraphdocgen(t, tt.args...)
			if code != ExitUsage || stderr != tt.stderr || stdout != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit 2, %q", code, stderr, stdout, tt.stderr)
			}
		})
	}
	if names := dirFiles(t, dir); len(names) > 0 {
		t.Errorf("failed runs wrote %v", names)
	}
}

func TestGenerateOutputNotWritable(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "ro")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	out := readOnly
	want := "permission denied"
	if probe, err := os.Create(filepath.Join(readOnly, "probe")); err == nil {
		// Root writes into read-only folders: aim below a regular file instead, which nobody can.
		probe.Close()
		out = filepath.Join(readOnly, "probe", "graph")
		want = "not a directory"
	}
	code, stdout, stderr := runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--package", "graph")
	if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, "graphdocgen generate: ") || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, want)
	}
	if out == readOnly && !strings.HasPrefix(stderr, "graphdocgen generate: write "+filepath.Join(out, "")) {
		t.Errorf("stderr %q does not name the file being written", stderr)
	}
}

func TestGenerateHelp(t *testing.T) {
	code, stdout, stderr := runGraphdocgen(t, "generate", "--help")
	if code != ExitOK || stderr != "" || !strings.HasPrefix(stdout, "Usage: graphdocgen generate --docs DIR --out DIR") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, flag := range []string{"--docs DIR", "--out DIR", "--package NAME", "--emit", "--check", "--config FILE", "--include", "--exclude", "--verbose"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("help does not mention %s", flag)
		}
	}
}

// TestGenerateKeepsHandWrittenFilesOfOut regenerates a copy of the repository's out/, whose out_test.go is
// hand-written, with fewer outputs and then all of them again: the generated files come and go, out_test.go stays.
func TestGenerateKeepsHandWrittenFilesOfOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	copyTree(t, filepath.Join("..", "..", "out"), out)
	handWritten, err := os.ReadFile(filepath.Join(out, "out_test.go"))
	if err != nil {
		t.Skipf("the repository's out/ has no out_test.go: %v", err)
	}
	if hasGeneratedHeader(handWritten) {
		t.Fatal("out/out_test.go carries the generated-code header")
	}
	summary := generateInto(t, docsInput, out, "--package", "out", "--emit", "models", "-v")
	if !strings.Contains(summary, "removed "+filepath.Join(out, "support_client.go")+"\n") {
		t.Errorf("--emit models kept the client: %s", summary)
	}
	generateInto(t, docsInput, out, "--package", "out")
	if code, stdout, stderr := runGraphdocgen(t, "generate", "--docs", docsInput, "--out", out, "--package", "out", "--check"); code != ExitOK {
		t.Errorf("--check after regenerating: exit %d\n%s%s", code, stdout, stderr)
	}
	if data, err := os.ReadFile(filepath.Join(out, "out_test.go")); err != nil || string(data) != string(handWritten) {
		t.Errorf("out_test.go was changed or removed: %v", err)
	}
}

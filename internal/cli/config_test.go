package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// runGraphdocgen runs the real entry point and returns the exit code and what it wrote.
func runGraphdocgen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeFiles creates files (slash paths relative to dir) with their content.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyTree copies a folder of the repository (docs-input) so a test can change it or add a config beside it.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// modelPages reads the page paths of a model JSON file.
func modelPages(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Pages []struct{ Path string } `json:"pages"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range m.Pages {
		paths = append(paths, p.Path)
	}
	return paths
}

const pageA = "# a resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. |\n"

// inTempProject makes a temporary folder with files, makes it the working directory and returns it.
func inTempProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	t.Chdir(dir)
	return dir
}

func TestConfigFileInWorkingDirectory(t *testing.T) {
	inTempProject(t, map[string]string{
		"graphdocgen.yaml":          "docs: pages\nexclude: [drafts/**]\n",
		"pages/resources/a.md":      pageA,
		"pages/drafts/b.md":         pageA,
		"pages/resources/notes.txt": "not a page",
	})
	code, _, stderr := runGraphdocgen(t, "model", "-o", "m.json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := modelPages(t, "m.json"); !reflect.DeepEqual(got, []string{"resources/a.md"}) {
		t.Errorf("pages %v: want the config's docs root without its excluded folder", got)
	}

	// Flags win over the file: --exclude replaces the config's list, --docs its roots.
	code, _, stderr = runGraphdocgen(t, "model", "--exclude", "resources/**", "-o", "m.json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := modelPages(t, "m.json"); !reflect.DeepEqual(got, []string{"drafts/b.md"}) {
		t.Errorf("pages %v: --exclude should replace the config's exclude", got)
	}
	code, _, stderr = runGraphdocgen(t, "model", "--docs", "pages/drafts", "-o", "m.json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := modelPages(t, "m.json"); !reflect.DeepEqual(got, []string{"b.md"}) {
		t.Errorf("pages %v: --docs should replace the config's docs", got)
	}
}

func TestConfigFlagResolvesPathsAgainstTheFile(t *testing.T) {
	inTempProject(t, map[string]string{
		"ci/graphdocgen.yaml":   "docs: ../pages\ninclude: ['*.txt']\n",
		"pages/resources/a.txt": pageA,
		"pages/resources/b.md":  pageA,
		"graphdocgen.yaml":      "docs: nowhere\n", // --config wins over the file in the working directory
	})
	code, _, stderr := runGraphdocgen(t, "model", "--config", "ci/graphdocgen.yaml", "-o", "m.json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := modelPages(t, "m.json"); !reflect.DeepEqual(got, []string{"resources/a.txt"}) {
		t.Errorf("pages %v", got)
	}
}

func TestConfigSeveralDocsRoots(t *testing.T) {
	inTempProject(t, map[string]string{
		"graphdocgen.yaml":         "docs: [local, upstream]\n",
		"local/resources/a.md":     strings.Replace(pageA, "| name | String |", "| name | Int32 |", 1),
		"upstream/resources/a.md":  pageA,
		"upstream/resources/b.md":  strings.Replace(pageA, "# a resource", "# b resource", 1),
		"upstream/api/x/nested.md": pageA,
	})
	code, out, stderr := runGraphdocgen(t, "model")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var m struct {
		Pages []struct{ Path string } `json:"pages"`
		Types []struct {
			Name       string
			Properties []struct {
				Name string
				Type struct{ Name string }
			}
		} `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range m.Pages {
		paths = append(paths, p.Path)
	}
	if want := []string{"api/x/nested.md", "resources/a.md", "resources/b.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("pages %v, want %v (the union of the roots)", paths, want)
	}
	for _, ty := range m.Types {
		if ty.Name == "a" && (len(ty.Properties) != 1 || ty.Properties[0].Type.Name != "Edm.Int32") {
			t.Errorf("type a should come from the first root (name: Int32): %+v", ty)
		}
	}
}

func TestBadConfig(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"unknown key", "docs: pages\npakage: graph\n", `graphdocgen.yaml:2:1: unknown key "pakage" (did you mean "package"?)`},
		{"wrong type", "docs: pages\nlint:\n  todoInComments: [true]\n", `graphdocgen.yaml:3:19: lint.todoInComments: expected true or false, found a list`},
		{"bad value", "docs: pages\nemit: [models, sever]\n", `graphdocgen.yaml:2:16: emit[1]: "sever" is not one of models, client, server (did you mean "server"?)`},
		{"YAML syntax", "docs: [pages\n", `graphdocgen.yaml:1: YAML: did not find expected ',' or ']'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inTempProject(t, map[string]string{"graphdocgen.yaml": tt.config, "pages/a.md": pageA})
			for _, cmd := range [][]string{{"model"}, {"diff", "pages", "pages"}, {"generate"}, {"generate", "--check"}} {
				code, stdout, stderr := runGraphdocgen(t, cmd...)
				if code != ExitUsage {
					t.Errorf("%s: exit %d, want %d", cmd[0], code, ExitUsage)
				}
				if want := "graphdocgen " + cmd[0] + ": " + tt.want + "\n"; stderr != want {
					t.Errorf("%s: stderr\n  %q\nwant\n  %q", cmd[0], stderr, want)
				}
				if stdout != "" {
					t.Errorf("%s: wrote to stdout: %q", cmd[0], stdout)
				}
			}
			// --help still works with a broken config: it does not read it.
			if code, stdout, _ := runGraphdocgen(t, "model", "--help"); code != ExitOK || !strings.Contains(stdout, "--config") {
				t.Errorf("--help with a bad config: exit %d", code)
			}
		})
	}
}

func TestConfigFileErrors(t *testing.T) {
	dir := inTempProject(t, map[string]string{"pages/a.md": pageA})
	code, _, stderr := runGraphdocgen(t, "model", "--config", "missing.yaml", "--docs", "pages")
	if code != ExitUsage || stderr != "graphdocgen model: config: open missing.yaml: no such file or directory\n" {
		t.Errorf("missing --config: exit %d, %q", code, stderr)
	}

	// An unreadable file. Root reads files whatever their mode, so it gets a folder where the file should be.
	unreadable := filepath.Join(dir, "secret.yaml")
	writeFiles(t, dir, map[string]string{"secret.yaml": "docs: pages\n"})
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(unreadable); err == nil {
		unreadable = filepath.Join(dir, "folder.yaml")
		if err := os.Mkdir(unreadable, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr = runGraphdocgen(t, "model", "--config", unreadable)
	if code != ExitUsage || !strings.HasPrefix(stderr, "graphdocgen model: config: read "+unreadable) && !strings.HasPrefix(stderr, "graphdocgen model: config: open "+unreadable) {
		t.Errorf("unreadable config: exit %d, %q", code, stderr)
	}
}

func TestApplyConfigBindings(t *testing.T) {
	inTempProject(t, map[string]string{"graphdocgen.yaml": `docs: [a, b]
package: graph
out: gen
emit: [models]
lint:
  failOn: error
  baseline: base.json
  todoInComments: true
  rules:
    todo: off
    links: warning
`})
	// The flags of a generate-like and a lint-like command, as they would define them.
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	docs := fs.StringArray("docs", nil, "")
	pkg := fs.String("package", "", "")
	out := fs.String("out", "", "")
	emit := fs.StringSlice("emit", nil, "")
	failOn := fs.String("fail-on", "warning", "")
	baseline := fs.String("baseline", "", "")
	todo := fs.Bool("todo-in-comments", false, "")
	rules := fs.StringArray("rule", nil, "")
	addConfigFlag(fs)
	if err := fs.Parse([]string{"--package", "mine", "--rule", "links=error"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		t.Fatal(err)
	}
	got := []any{*docs, *pkg, *out, *emit, *failOn, *baseline, *todo, *rules}
	want := []any{[]string{"a", "b"}, "mine", "gen", []string{"models"}, "error", "base.json", true,
		[]string{"links=warning", "todo=off", "links=error"}} // the command line's rule comes last: it wins
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flags\n  %v\nwant\n  %v", got, want)
	}
	if fs.Changed("docs") || !fs.Changed("package") {
		t.Errorf("Changed should still tell the command line from the config")
	}
	if cfg.Package != "graph" {
		t.Errorf("the config keeps its own values: %q", cfg.Package)
	}

	// A single-valued --docs and a config with two roots: an error at the config's line.
	fs = pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.String("docs", "", "")
	addConfigFlag(fs)
	_ = fs.Parse(nil)
	if _, err := applyConfig(fs); err == nil || err.Error() != "graphdocgen.yaml:1:7: docs: --docs takes one value; the config gives 2" {
		t.Errorf("two roots for one --docs: %v", err)
	}
}

func TestNoConfigFile(t *testing.T) {
	inTempProject(t, map[string]string{"pages/a.md": pageA})
	code, _, stderr := runGraphdocgen(t, "model")
	if code != ExitUsage || stderr != "graphdocgen model: --docs is required (or docs: in graphdocgen.yaml)\n" {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

func TestConfigDocsRootMissing(t *testing.T) {
	inTempProject(t, map[string]string{"graphdocgen.yaml": "# the docs moved\ndocs: [pages, nowhere]\n", "pages/a.md": pageA})
	code, _, stderr := runGraphdocgen(t, "model")
	if want := "graphdocgen model: graphdocgen.yaml:2:7: docs: stat nowhere: no such file or directory\n"; code != ExitUsage || stderr != want {
		t.Errorf("exit %d, %q; want the config's line: %q", code, stderr, want)
	}
	// Given on the command line, the same mistake is the command line's.
	code, _, stderr = runGraphdocgen(t, "model", "--docs", "nowhere")
	if want := "graphdocgen model: docs: stat nowhere: no such file or directory\n"; code != ExitUsage || stderr != want {
		t.Errorf("exit %d, %q; want %q", code, stderr, want)
	}
}

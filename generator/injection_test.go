package generator

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	gdparser "github.com/graphdocgen/graphdocgen/parser"
)

// injectionModel reads testdata/injection: issue 10's reproduction, a property whose description closes the
// generated comment and declares an init function (widget.md), and a type named con, whose descriptions, enum
// members and a multi-line cell try the same (reserved-device-name.md: the page cannot be named con.md, which a module zip refuses).
func injectionModel(t *testing.T) *model.Model {
	t.Helper()
	m, err := gdparser.ParseDir(filepath.Join("testdata", "injection"), gdparser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Type("microsoft.graph.widget") == nil || m.Type("microsoft.graph.con") == nil {
		t.Fatalf("the pages were not read as types: %v", m.Types)
	}
	return m
}

// TestInjectionIsInert is the reproduction of issue 10: before, the widget page generated a package that passed go
// vet and printed INJECTED when imported. The generated files must hold exactly the declarations the pages imply.
func TestInjectionIsInert(t *testing.T) {
	m := injectionModel(t)
	checkGeneratedPackage(t, m)
	files, err := Generate(m, Options{Package: "victim"})
	if err != nil {
		t.Fatal(err)
	}
	src := files["widget.go"]
	f, err := parser.ParseFile(token.NewFileSet(), "widget.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"func Widget.MarshalJSON", "func Widget.UnmarshalJSON", "func init", "type Widget"}
	if got := declsOf(f); !slices.Equal(got, want) {
		t.Errorf("widget.go declares %q, want %q\n%s", got, want, src)
	}
	if !strings.Contains(string(src), `// / * * / X int }; func init() { println("INJECTED") }; type Injected struct { //`) {
		t.Errorf("widget.go does not keep the description, made inert, as the field's comment:\n%s", src)
	}
	if _, ok := files["con.go"]; ok {
		t.Errorf("a file named con.go, which Windows cannot hold")
	}
	if _, ok := files["con_api.go"]; !ok {
		t.Errorf("no con_api.go among %v", keysOf(files))
	}
}

// TestInjectionDoesNotRun builds the generated package into a program that imports it and runs it: nothing the docs
// wrote may run.
func TestInjectionDoesNotRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	files, err := Generate(injectionModel(t), Options{Package: "victim"})
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	write := func(rel, data string) {
		path := filepath.Join(mod, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n\ngo 1.24\n")
	write("main.go", "package main\n\nimport _ \"x/victim\"\n\nfunc main() { println(\"ran\") }\n")
	for name, data := range files {
		write("victim/"+name, string(data))
	}
	run := func(args ...string) string {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("vet", "./...")
	if out := run("run", "."); strings.Contains(out, "INJECTED") || !strings.Contains(out, "ran") {
		t.Errorf("the program printed %q", out)
	}
}

func keysOf(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

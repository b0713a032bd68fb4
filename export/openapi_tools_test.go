package export

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// The OpenAPI documents are checked by tools from the Go module proxy — kin-openapi and pb33f/libopenapi-validator,
// and the ogen code generator — which live in their own module, testdata/openapitools, so that graphdocgen's
// go.mod stays lean (they need a newer Go than graphdocgen does, and bring a hundred modules). The tests run
// them with `go run`; they skip, saying why, without a go command, in -short mode, or when the module proxy
// cannot be reached.

// openAPIToolsModule returns the tools module's directory, its modules downloaded.
func openAPIToolsModule(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs OpenAPI tools from the module proxy; skipped in -short mode")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("no go command on PATH: %v", err)
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "openapitools"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := goIn(dir, "mod", "download"); err != nil {
		t.Skipf("the module proxy is unreachable, so the OpenAPI tools cannot be fetched (go mod download in %s: %v)\n%s", dir, err, out)
	}
	return dir
}

func goIn(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	return cmd.CombinedOutput()
}

// openAPIInputs writes the OpenAPI documents of docs-input (JSON and YAML) and of each seed page into dir, and
// returns their paths; with corpora, those of the v1.0 and beta corpora too (when ../shared is there).
func openAPIInputs(t *testing.T, dir string, corpora bool) []string {
	t.Helper()
	var files []string
	write := func(name string, m *model.Model) {
		doc := OpenAPI(m)
		for _, ext := range []string{".json", ".yaml"} {
			data, err := doc.Encode(name + ext)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			path := filepath.Join(dir, name+ext)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, path)
			if len(data) > 8<<20 {
				break // one encoding of a large document is enough to check
			}
		}
		t.Logf("%s: %d paths, %d operations, %d schemas, %d examples, %d operations with security scopes",
			name, doc.Stats.Paths, doc.Stats.Operations, doc.Stats.Schemas, doc.Stats.Examples, doc.Stats.Secured)
	}
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	write("docs-input", m)

	shared := filepath.Join("..", "..", "shared")
	seeds, _ := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if len(seeds) == 0 {
		t.Logf("no seeds in %s: ../shared is not beside the project; checking docs-input only", shared)
		return files
	}
	for i, page := range seeds {
		m, err := parser.ParseDir(filepath.Dir(page), parser.Options{Include: []string{filepath.Base(page)}})
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		write(fmt.Sprintf("seed%d", i), m)
	}
	if !corpora {
		return files
	}
	for _, version := range []string{"v1.0", "beta"} {
		root := filepath.Join(shared, "corpus", "graph-docs-2021", version)
		if _, err := os.Stat(root); err != nil {
			t.Logf("no %s corpus at %s: skipping it", version, root)
			continue
		}
		m, err := parser.ParseDir(root, parser.Options{})
		if err != nil {
			t.Fatalf("%s: %v", root, err)
		}
		write(version, m)
	}
	return files
}

// TestOpenAPIValidates: kin-openapi (in OpenAPI 3.1 mode) and libopenapi-validator find no error in the
// documents of docs-input and the seeds; with GRAPHDOCGEN_OPENAPI_CORPUS=1, of the v1.0 and beta corpora too
// (minutes: the beta document is 28 MB, and the validators take their time over it).
func TestOpenAPIValidates(t *testing.T) {
	tools := openAPIToolsModule(t)
	files := openAPIInputs(t, t.TempDir(), os.Getenv("GRAPHDOCGEN_OPENAPI_CORPUS") == "1")
	out, err := goIn(tools, append([]string{"run", "./validate"}, files...)...)
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, ": note: ") {
			t.Log(line) // how many of the docs' examples fit their schemas: a figure, not an error
		}
	}
	if err != nil {
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) > 60 {
			lines = append(lines[:60], fmt.Sprintf("... and %d more", len(lines)-60))
		}
		t.Errorf("validation failed (%v):\n%s", err, strings.Join(lines, "\n"))
	}
}

// TestOpenAPICorporaValidate: the documents of the v1.0 and beta corpora validate under kin-openapi (in OpenAPI
// 3.1 mode), in every run where ../shared is beside the project (seconds); libopenapi-validator's pass over them
// takes many minutes, and runs in TestOpenAPIValidates with GRAPHDOCGEN_OPENAPI_CORPUS=1.
func TestOpenAPICorporaValidate(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the corpora's OpenAPI documents are not validated")
	}
	root := filepath.Join("..", "..", "shared", "corpus", "graph-docs-2021")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("../shared is absent (%v): no corpus to export", err)
	}
	tools := openAPIToolsModule(t)
	dir := t.TempDir()
	var files []string
	for _, version := range []string{"v1.0", "beta"} {
		m, err := parser.ParseDir(filepath.Join(root, version), parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		doc := OpenAPI(m)
		data, err := doc.Encode(version + ".json")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, version+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		t.Logf("%s: %d paths, %d operations, %d schemas, %d examples, %d operations with security scopes",
			version, doc.Stats.Paths, doc.Stats.Operations, doc.Stats.Schemas, doc.Stats.Examples, doc.Stats.Secured)
	}
	out, err := goIn(tools, append([]string{"run", "./validate", "-kin-only"}, files...)...)
	if err != nil {
		t.Errorf("validation failed (%v):\n%s", err, out)
	} else {
		t.Logf("%s", out)
	}
}

// TestOpenAPIGeneratesGo: ogen generates a Go client and server from the documents of docs-input and the seeds,
// and the generated code builds.
func TestOpenAPIGeneratesGo(t *testing.T) {
	tools := openAPIToolsModule(t)
	specs := t.TempDir()
	var docs []string
	// Not the corpora: ogen writes v1.0 as 2 million lines in one package, more than the compiler builds in
	// 13 GB (see the README).
	for _, f := range openAPIInputs(t, specs, false) {
		if strings.HasSuffix(f, ".json") {
			docs = append(docs, f)
		}
	}
	goMod, err := os.ReadFile(filepath.Join(tools, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goSum, err := os.ReadFile(filepath.Join(tools, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	goMod = bytes.Replace(goMod, []byte("module graphdocgen.test/openapitools"), []byte("module graphdocgen.test/generated"), 1)
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), goMod, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), goSum, 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(tools, "ogen.yml")
	for _, doc := range docs {
		name := strings.TrimSuffix(filepath.Base(doc), ".json")
		pkg := strings.ReplaceAll(strings.ReplaceAll(name, "-", ""), ".", "")
		out, err := goIn(tools, "tool", "ogen", "--config", config, "--target", filepath.Join(mod, pkg), "--package", pkg, "--clean", doc)
		if err != nil {
			t.Errorf("ogen %s: %v\n%s", name, err, tail(out, 40))
			continue
		}
		// ogen skips what it does not implement (ignore_not_implemented in ogen.yml) and says so: for Graph,
		// an operation whose body is a type derived from one with a discriminator ("merge discriminator").
		if skipped := bytes.Count(out, []byte("Skipping operation")); skipped > 0 {
			t.Logf("ogen %s: skipped %d operations it does not implement", name, skipped)
		}
		if _, err := os.Stat(filepath.Join(mod, pkg, "oas_client_gen.go")); err != nil {
			t.Errorf("ogen %s wrote no client: %v\n%s", name, err, tail(out, 20))
		}
	}
	if out, err := goIn(mod, "build", "./..."); err != nil {
		t.Errorf("the generated code does not build: %v\n%s", err, tail(out, 60))
	}
}

func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("... %d lines before", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

package cli

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// These tests run the go command on graphdocgen as a user would: from another module's go:generate line, and
// with go install …@latest. They work offline: every dependency comes from the module cache.

const modulePath = "github.com/graphdocgen/graphdocgen"

// repoRoot is the root of the graphdocgen module.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// goCommand finds the go command, or skips the test.
func goCommand(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not on PATH: %v", err)
	}
	return goBin
}

// runGo runs the go command in dir with extra environment variables and returns its combined output; it fails the
// test when the command fails.
func runGo(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(goCommand(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
	}
	return string(out)
}

// goEnv reads one setting of the go command.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	return strings.TrimSpace(runGo(t, ".", nil, "env", name))
}

// offlineEnv keeps the go command off the network and on this toolchain.
var offlineEnv = []string{"GOTOOLCHAIN=local", "GOWORK=off", "GOSUMDB=off", "GOFLAGS=-mod=mod"}

// TestGoGenerateConsumer runs testdata/consumer — a module that generates its API package with a go:generate line
// — against this checkout: go generate, go build, go vet, then generate --check in and out of date.
func TestGoGenerateConsumer(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command (go generate, build and vet of a consumer module); skipped with -short")
	}
	goCommand(t)
	root := repoRoot(t)
	dir := filepath.Join(t.TempDir(), "consumer")
	copyTree(t, filepath.Join("testdata", "consumer"), dir)
	copyTree(t, docsInput, filepath.Join(dir, "docs"))
	// The consumer requires graphdocgen; point it at this checkout, and give it the checksums of graphdocgen's
	// dependencies.
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gomod = append(gomod, "\nreplace "+modulePath+" => "+root+"\n"...)
	writeFiles(t, dir, map[string]string{"go.mod": string(gomod)})
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"go.sum": string(sum)})
	env := append([]string{"GOPROXY=off"}, offlineEnv...)

	handWritten, err := os.ReadFile(filepath.Join(dir, "graph", "generate.go"))
	if err != nil {
		t.Fatal(err)
	}
	runGo(t, dir, env, "generate", "./...")
	names := dirFiles(t, filepath.Join(dir, "graph"))
	if !slices.Contains(names, "person.go") || !slices.Contains(names, "support_client.go") {
		t.Fatalf("go generate wrote %v", names)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "graph", "generate.go")); string(data) != string(handWritten) {
		t.Errorf("go generate changed the hand-written graph/generate.go:\n%s", data)
	}
	runGo(t, dir, env, "build", "./...")
	runGo(t, dir, env, "vet", "./...")
	if out := runGo(t, dir, env, "run", "."); !strings.HasPrefix(out, "*graph.Client {") {
		t.Errorf("the consumer printed %q", out)
	}

	// The CI check: up to date now, out of date after a page changes.
	check := []string{"run", modulePath + "/cmd/graphdocgen", "generate", "--config", "graphdocgen.yaml", "--check"}
	if out := runGo(t, dir, env, check...); !strings.Contains(out, "graph is up to date") {
		t.Errorf("--check after go generate: %s", out)
	}
	editFile(t, filepath.Join(dir, "docs", "resources", "user.md"),
		"\nRepresents a user account. Inherits from", "\nRepresents a person who signs in. Inherits from")
	cmd := exec.Command(goCommand(t), check...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != ExitFindings || !strings.Contains(string(out), "stale   "+filepath.Join("graph", "person.go")+"\n") {
		t.Errorf("--check after a page changed: %v\n%s", err, out)
	}
}

// TestGoInstallLatest publishes this checkout to a module proxy in a temporary folder and installs graphdocgen
// from it with `go install …/cmd/graphdocgen@latest` into an empty GOPATH, as a user would from the real proxy;
// the dependencies come from the module cache, whose download folder is itself a module proxy. Then it runs the
// installed binary's version command, which must report the published version.
func TestGoInstallLatest(t *testing.T) {
	if testing.Short() {
		t.Skip("publishes the module to a file proxy and runs go install; skipped with -short")
	}
	goCommand(t)
	cacheProxy := filepath.Join(goEnv(t, "GOMODCACHE"), "cache", "download")
	if _, err := os.Stat(cacheProxy); err != nil {
		t.Skipf("no module cache to take the dependencies from: %v", err)
	}
	root := repoRoot(t)
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	when := time.Now().UTC().Truncate(time.Second)
	version := "v0.0.0-" + when.Format("20060102150405") + "-000000000000"
	publishModule(t, root, proxy, version, when)

	gopath := filepath.Join(tmp, "gopath")
	env := append([]string{
		"GOPATH=" + gopath,
		"GOMODCACHE=" + filepath.Join(gopath, "pkg", "mod"),
		"GOBIN=",
		"GOPROXY=" + fileURL(proxy) + "," + fileURL(cacheProxy),
	}, offlineEnv...)
	// The module cache's files are read-only; the go command removes them.
	t.Cleanup(func() {
		cmd := exec.Command(goCommand(t), "clean", "-modcache")
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go clean -modcache: %v\n%s", err, out)
		}
	})
	runGo(t, tmp, env, "install", modulePath+"/cmd/graphdocgen@latest")

	bin := filepath.Join(gopath, "bin", "graphdocgen")
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", bin, err, out)
	}
	if !strings.HasPrefix(string(out), "graphdocgen "+version+"\nmodule:   "+modulePath+"\n") {
		t.Errorf("version of the installed binary:\n%s\nwant graphdocgen %s", out, version)
	}
}

func fileURL(dir string) string { return "file://" + filepath.ToSlash(dir) }

// publishModule writes the module at root to proxy in the GOPROXY protocol's layout: @v/list, the version's .info,
// .mod and .zip, and @latest (pseudo-versions are not listed, so the go command asks @latest).
func publishModule(t *testing.T, root, proxy, version string, when time.Time) {
	t.Helper()
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	info, err := json.Marshal(map[string]string{"Version": version, "Time": when.Format(time.RFC3339)})
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, proxy, map[string]string{
		modulePath + "/@v/list":                 "",
		modulePath + "/@v/" + version + ".info": string(info),
		modulePath + "/@v/" + version + ".mod":  string(gomod),
		modulePath + "/@latest":                 string(info),
	})
	zipModule(t, root, filepath.Join(dir, version+".zip"), modulePath+"@"+version)
}

// zipModule writes a module zip as golang.org/x/mod/zip does: every regular file of the module under prefix/,
// without version control folders, nested modules, symbolic links or build leftovers (.gitignore'd binaries).
func zipModule(t *testing.T, root, file, prefix string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	count := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p == root {
				return nil
			}
			switch rel {
			case ".git", ".hg", ".svn", "bin", "tmp", "vendor":
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasSuffix(rel, ".test") || strings.HasSuffix(rel, ".prof") || rel == "graphdocgen" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(prefix + "/" + rel)
		if err != nil {
			return err
		}
		count++
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if count < 10 {
		t.Fatalf("the module zip has %d files", count)
	}
}

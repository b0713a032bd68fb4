package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

const full = `# every key
version: 1
docs: [docs-input, /abs/docs]
include: "*.md"
exclude:
  - includes/**
  - "*-beta.md"
package: graph
out: out
emit: [models, client]
names:
  microsoft.graph.user: Person
  microsoft.graph.user.mobilePhone: Mobile
  microsoft.graph.bodyType.html: BodyHTML
  api/driveitem-put-content#put: UploadContent
types:
  Edm.DateTimeOffset: "*time.Time"
  Edm.Decimal: github.com/shopspring/decimal.Decimal
  microsoft.graph.Json: encoding/json.RawMessage
  Edm.Binary: "[]byte"
lint:
  rules:
    todo: error
    links: off
    split-type: On
  failOn: warning
  baseline: lint-baseline.json
  against: ../truth/v1.0.csdl
  todoInComments: true
  intuneCreateTables: false
`

func TestParseFull(t *testing.T) {
	c, err := Parse(filepath.Join("proj", "graphdocgen.yaml"), []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		File:    filepath.Join("proj", "graphdocgen.yaml"),
		Docs:    []string{filepath.Join("proj", "docs-input"), "/abs/docs"},
		Include: []string{"*.md"},
		Exclude: []string{"includes/**", "*-beta.md"},
		Package: "graph",
		Out:     filepath.Join("proj", "out"),
		Emit:    []string{"models", "client"},
		Names: map[string]string{"microsoft.graph.user": "Person", "microsoft.graph.user.mobilePhone": "Mobile", "microsoft.graph.bodyType.html": "BodyHTML",
			"api/driveitem-put-content#put": "UploadContent"},
		Types: map[string]GoType{
			"Edm.DateTimeOffset":   {Spec: "*time.Time", Import: "time", Expr: "*time.Time"},
			"Edm.Decimal":          {Spec: "github.com/shopspring/decimal.Decimal", Import: "github.com/shopspring/decimal", Expr: "decimal.Decimal"},
			"microsoft.graph.Json": {Spec: "encoding/json.RawMessage", Import: "encoding/json", Expr: "json.RawMessage"},
			"Edm.Binary":           {Spec: "[]byte", Expr: "[]byte"},
		},
		Lint: Lint{
			Rules:          map[string]string{"todo": "error", "links": "off", "split-type": "on"},
			FailOn:         "warning",
			Baseline:       filepath.Join("proj", "lint-baseline.json"),
			Against:        filepath.Join("truth", "v1.0.csdl"),
			TODOInComments: true,
		},
	}
	c.positions = nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

func TestPositions(t *testing.T) {
	c, err := Parse("g.yaml", []byte(full))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Has("package") || c.Has("nothing") || !c.Has("lint.failOn") {
		t.Errorf("Has: package %v, nothing %v, lint.failOn %v", c.Has("package"), c.Has("nothing"), c.Has("lint.failOn"))
	}
	if got := c.Pos("package").String(); got != "g.yaml:8:10" {
		t.Errorf("Pos(package) = %s", got)
	}
	if got := c.Pos("lint.rules.todo").String(); got != "g.yaml:23:11" {
		t.Errorf("Pos(lint.rules.todo) = %s", got)
	}
	err = c.Errorf("out", "cannot write to %s", c.Out)
	if err.Error() != "g.yaml:9:6: cannot write to out" || !errors.Is(err, ErrInvalid) {
		t.Errorf("Errorf: %v", err)
	}
}

func TestEmptyFile(t *testing.T) {
	for _, src := range []string{"", "# nothing yet\n", "---\n"} {
		c, err := Parse("g.yaml", []byte(src))
		if err != nil || c.Package != "" || c.Docs != nil {
			t.Errorf("%q: %+v, %v", src, c, err)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // each error line, in order
	}{
		{"unknown key with suggestion", "docs: x\npakage: graph\n", []string{`g.yaml:2:1: unknown key "pakage" (did you mean "package"?)`}},
		{"unknown key without suggestion", "zzz: 1\n", []string{`g.yaml:1:1: unknown key "zzz" (known keys: version, docs, include, exclude, maxPageBytes, followSymlinks, package, out, emit, names, types, lint)`}},
		{"unknown nested key", "lint:\n  fail-on: error\n", []string{`g.yaml:2:3: lint: unknown key "fail-on" (did you mean "failOn"?)`}},
		{"wrong type: list for string", "package: [a, b]\n", []string{`g.yaml:1:10: package: expected a string, found a list`}},
		{"wrong type: mapping for list", "docs:\n  a: b\n", []string{`g.yaml:2:3: docs: expected a string, found a mapping`}},
		{"wrong type: string for bool", "lint:\n  todoInComments: yes\n", []string{`g.yaml:2:19: lint.todoInComments: expected true or false, found "yes"`}},
		{"wrong type: scalar for mapping", "lint: strict\n", []string{`g.yaml:1:7: lint: expected a mapping of keys to values, found "strict"`}},
		{"no value", "out:\n", []string{`g.yaml:1:5: out: expected a string, found no value`}},
		{"bad package name", "package: my-pkg\n", []string{`g.yaml:1:10: package: "my-pkg" is not a Go package name`}},
		{"bad emit value", "emit: [models, clients]\n", []string{`g.yaml:1:16: emit[1]: "clients" is not one of models, client, server (did you mean "client"?)`}},
		{"emit twice", "emit: [models, models]\n", []string{`g.yaml:1:16: emit[1]: "models" listed twice`}},
		{"empty list", "include: []\n", []string{`g.yaml:1:10: include: empty list`}},
		{"bad glob", "exclude: ['[a-']\n", []string{`g.yaml:1:11: exclude[0]: bad glob "[a-": syntax error in pattern`}},
		{"bad level", "lint:\n  rules:\n    todo: loud\n", []string{`g.yaml:3:11: lint.rules.todo: "loud" is not one of off, on, info, warning, error`}},
		{"bad fail-on", "lint:\n  failOn: warn\n", []string{`g.yaml:2:11: lint.failOn: "warn" is not one of error, warning, info, none (did you mean "warning"?)`}},
		{"bad Go name", "names:\n  microsoft.graph.user: person\n", []string{`g.yaml:2:25: names.microsoft.graph.user: "person" is not an exported Go identifier`}},
		{"bad model name", "names:\n  'user mobile': X\n", []string{`g.yaml:2:3: names: "user mobile" is not a model name (write microsoft.graph.user, microsoft.graph.user.displayName, microsoft.graph.userType.guest or api/user-get)`}},
		{"bad type key", "types:\n  api/user-get: string\n", []string{`g.yaml:2:3: types: "api/user-get" is not an Edm type or a property (write Edm.Guid or microsoft.graph.user.tenantId)`}},
		{"bad Go type", "types:\n  Edm.Date: 'map[string'\n", []string{`g.yaml:2:13: types.Edm.Date: "map[string" is not a Go type (write string, *time.Time, []byte or github.com/x/y.Type)`}},
		{"unexported Go type", "types:\n  Edm.Date: civil.date\n", []string{`g.yaml:2:13: types.Edm.Date: "civil.date": date is not exported from civil`}},
		{"repeated key", "out: a\nout: b\n", []string{`g.yaml:2:1: key "out" repeated (first at line 1)`}},
		{"bad version", "version: 2\n", []string{`g.yaml:1:10: version: this graphdocgen reads config version 1, not "2"`}},
		{"not a mapping", "- docs\n", []string{`g.yaml:1:1: expected a mapping of keys to values, found a list`}},
		{"two documents", "out: a\n---\nout: b\n", []string{`g.yaml:2:1: a config file holds one YAML document; remove the second one`}},
		{"syntax error", "out: a\n  b: c\n", []string{`g.yaml:2: YAML: mapping values are not allowed in this context`}},
		{"several errors in file order", "package: 1x\nemit: server\npakage: y\n", []string{
			`g.yaml:1:10: package: "1x" is not a Go package name`,
			`g.yaml:3:1: unknown key "pakage" (did you mean "package"?)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("g.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; config %+v", c)
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error is not a *config.Error: %T", err)
			}
		})
	}
}

func TestErrorsWrap(t *testing.T) {
	_, err := Parse("g.yaml", []byte("pakage: x\n"))
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("content error does not wrap ErrInvalid: %v", err)
	}
	_, err = Parse("g.yaml", []byte("a: [\n"))
	if errors.Is(err, ErrInvalid) || err == nil || errors.Unwrap(err) == nil {
		t.Errorf("syntax error should wrap the YAML error: %v", err)
	}
}

func TestCheckLintRules(t *testing.T) {
	c, err := Parse("g.yaml", []byte("lint:\n  rules:\n    todo: error\n    tood: off\n    placeholder: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckLintRules([]string{"todo", "placeholders", "http"})
	want := "g.yaml:4:5: lint.rules: unknown rule \"tood\" (did you mean \"todo\"?)\n" +
		"g.yaml:5:5: lint.rules: unknown rule \"placeholder\" (did you mean \"placeholders\"?)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if err := c.CheckLintRules([]string{"todo", "tood", "placeholder"}); err != nil {
		t.Errorf("all known: %v", err)
	}
}

func TestParseGoType(t *testing.T) {
	for spec, want := range map[string]GoType{
		"string":               {Expr: "string"},
		"*MyTime":              {Expr: "*MyTime"},
		"[]*time.Duration":     {Import: "time", Expr: "[]*time.Duration"},
		"gopkg.in/inf.v0.Dec":  {}, // "inf.v0" is not a package name: an error
		"example.com/a/b_c.X":  {Import: "example.com/a/b_c", Expr: "b_c.X"},
		"map[string]any":       {Expr: "map[string]any"},
		"map[string]time.Time": {}, // time is not imported
		"a/b":                  {}, // not a type
		"":                     {},
		"github.com/x/y.T.U.V": {},
	} {
		got, err := ParseGoType(spec)
		if want.Expr == "" {
			if err == nil {
				t.Errorf("%q: no error, got %+v", spec, got)
			}
			continue
		}
		want.Spec = spec
		if err != nil || got != want {
			t.Errorf("%q: got %+v, %v; want %+v", spec, got, err, want)
		}
	}
}

func TestLoadAndFind(t *testing.T) {
	dir := t.TempDir()
	if c, err := Find(dir); c != nil || err != nil {
		t.Errorf("Find in an empty dir: %v, %v", c, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load of a missing file: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("docs: pages\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Find(dir)
	if err != nil || c == nil || c.Docs[0] != filepath.Join(dir, "pages") {
		t.Errorf("Find: %+v, %v", c, err)
	}
}

func TestClosest(t *testing.T) {
	names := []string{"docs", "include", "exclude", "package", "out"}
	for in, want := range map[string]string{"doc": "docs", "Package": "package", "exclud": "exclude", "o": "", "warn": "", "zzzzzz": ""} {
		if got := closest(in, names); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPageReadingKeys(t *testing.T) {
	c, err := Parse("g.yaml", []byte("maxPageBytes: 512KiB\nfollowSymlinks: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.MaxPageBytes != 512<<10 || !c.FollowSymlinks || !c.Has("maxPageBytes") || !c.Has("followSymlinks") {
		t.Errorf("got %d %v", c.MaxPageBytes, c.FollowSymlinks)
	}
	_, err = Parse("g.yaml", []byte("maxPageBytes: lots\n"))
	if err == nil || !strings.Contains(err.Error(), `g.yaml:1:15: maxPageBytes: "lots" is not a size`) {
		t.Errorf("got %v", err)
	}
	for in, want := range map[string]int64{"0": 0, "1048576": 1 << 20, "8MiB": 8 << 20, "8 MiB": 8 << 20, "2k": 2048, "1G": 1 << 30} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "MiB", "1.5MiB", "8TiB", "99999999999999999999"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

// TestConfigNamedPipe: a graphdocgen.yaml that is a named pipe (it comes with a checkout) is an error, not a hang.
func TestConfigNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := mkfifo(filepath.Join(dir, FileName)); err != nil {
		t.Skip("no named pipes:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Find(dir)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file but a named pipe") {
			t.Errorf("got %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("reading a named pipe as the config file hangs")
	}
}

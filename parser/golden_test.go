package parser

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./parser -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the model read now; run with -update if the change is intended. Diff:\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the lines that differ, with line numbers, up to 40 of them.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			if n++; n == 40 {
				break
			}
		}
	}
	return b.String()
}

// summary renders what the model holds in a compact, reviewable text form.
func summary(m *model.Model) string {
	var b strings.Builder
	for _, p := range m.Pages {
		title := ""
		if p.H1 != nil {
			title = p.H1.Text
		}
		fmt.Fprintf(&b, "page %s kind=%s frontmatter=%s title=%q degraded=%v\n", p.Path, p.Kind, p.FrontMatter.Form, title, p.Degraded)
	}
	for _, t := range m.Types {
		var attrs []string
		if t.BaseType != "" {
			attrs = append(attrs, "base="+t.BaseType)
		}
		for name, on := range map[string]bool{"abstract": t.Abstract, "open": t.Open, "flags": t.Flags, "evolvable": t.Evolvable} {
			if on {
				attrs = append(attrs, name)
			}
		}
		sort.Strings(attrs)
		if len(t.Key) > 0 {
			attrs = append(attrs, "key="+strings.Join(t.Key, ","))
		}
		fmt.Fprintf(&b, "%s %s %s source=%s @%s\n", t.Kind, t.FullName(), strings.Join(attrs, " "), t.Source, t.Pos)
		for _, p := range t.Properties {
			fmt.Fprintf(&b, "  prop %s\n", propSummary(p))
		}
		for _, p := range t.NavigationProperties {
			fmt.Fprintf(&b, "  nav %s\n", propSummary(p))
		}
		for _, mem := range t.Members {
			v := ""
			if mem.Value != nil {
				v = fmt.Sprintf("=%d", *mem.Value)
			}
			fmt.Fprintf(&b, "  member %s%s @%d\n", mem.Name, v, mem.Pos.Line)
		}
	}
	for _, o := range m.Operations {
		fmt.Fprintf(&b, "op %s %s %q @%s\n", o.ID, o.Method, o.Title, o.Pos)
		for _, p := range o.Paths {
			var params []string
			for _, x := range p.Params {
				params = append(params, fmt.Sprintf("%s:%s:%s", x.Name, x.Kind, x.Type))
			}
			fmt.Fprintf(&b, "  path %s query=%q params=[%s]\n", p.Template, p.Query, strings.Join(params, " "))
		}
		for _, perm := range o.Permissions {
			fmt.Fprintf(&b, "  permission %q %s @%d\n", perm.Type, strings.Join(perm.Scopes, ","), perm.Pos.Line)
		}
		if o.PermissionsInclude != nil {
			fmt.Fprintf(&b, "  permissions-include %s\n", o.PermissionsInclude.Target)
		}
		for _, h := range o.Headers {
			fmt.Fprintf(&b, "  header %s required=%v\n", h.Name, h.Required)
		}
		if rb := o.RequestBody; rb != nil {
			typ := ""
			if rb.Type != nil {
				typ = " type=" + rb.Type.String()
			}
			fmt.Fprintf(&b, "  body %s%s @%d\n", rb.Kind, typ, rb.Pos.Line)
			for _, p := range rb.Params {
				fmt.Fprintf(&b, "    param %s\n", propSummary(p))
			}
		}
		r := o.Response
		typ := ""
		if r.Type != nil {
			typ = " type=" + r.Type.String()
		}
		fmt.Fprintf(&b, "  response %d %q from=%s%s @%s\n", r.Status, r.Reason, r.StatusSource, typ, r.Pos)
		for _, ex := range o.Examples {
			var issues []string
			for _, is := range ex.JSONIssues {
				issues = append(issues, fmt.Sprintf("%s@%d", is.Kind, is.Line))
			}
			body := "none"
			if ex.JSON != nil {
				body = ex.JSON.Kind.String()
			}
			fmt.Fprintf(&b, "  example %s name=%q %s%s status=%d %q odata=%q collection=%v truncated=%v reconstructed=%v body=%s issues=[%s] @%d\n",
				ex.Kind, ex.Name, ex.Method, shortURL(ex.URL), ex.Status, ex.StatusLine, ex.ODataType, ex.IsCollection, ex.Truncated, ex.Reconstructed, body, strings.Join(issues, " "), ex.Pos.Line)
		}
	}
	for _, d := range m.Diagnostics {
		fmt.Fprintf(&b, "diag %s\n", d)
	}
	return b.String()
}

func shortURL(u string) string {
	if u == "" {
		return ""
	}
	return " " + strings.TrimPrefix(strings.TrimPrefix(u, "https://graph.microsoft.com/v1.0"), "https://graph.microsoft.com/beta")
}

func propSummary(p *model.Property) string {
	var attrs []string
	if p.Required {
		attrs = append(attrs, "required")
	}
	if p.ReadOnly {
		attrs = append(attrs, "readonly")
	}
	if p.Key {
		attrs = append(attrs, "key")
	}
	if p.Nullable != nil {
		attrs = append(attrs, fmt.Sprintf("nullable=%v", *p.Nullable))
	}
	if p.InheritedFrom != "" {
		attrs = append(attrs, "inherited="+p.InheritedFrom)
	}
	if len(p.AllowedValues) > 0 {
		attrs = append(attrs, "values="+strings.Join(p.AllowedValues, ","))
	}
	if p.Source != model.FromTable {
		attrs = append(attrs, "from="+string(p.Source))
	}
	kind := p.Type.Kind
	if kind == "" {
		kind = "unresolved"
	}
	return fmt.Sprintf("%s %s(%s) %s @%d:%d", p.Name, p.Type, kind, strings.Join(attrs, " "), p.Pos.Line, p.Pos.Col)
}

// TestGoldenDocsInput pins the model of docs-input/: a summary and the full JSON export.
func TestGoldenDocsInput(t *testing.T) {
	m, err := ParseDir(filepath.Join("..", "docs-input"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "docs-input.summary.txt", []byte(summary(m)))
	data, err := export.JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "docs-input.model.json", data)
	golden(t, "docs-input.csdl", export.CSDL(m))
}

// TestGoldenSeeds pins what each of the five seed pages yields.
func TestGoldenSeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) != 5 {
		t.Fatalf("want the five seeds in %s, found %d (%v)", dir, len(files), err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			m, err := ParseDir(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Operations) != 1 {
				t.Errorf("want one operation, got %d", len(m.Operations))
			}
			for _, d := range m.Diagnostics {
				if d.Rule == "internal" {
					t.Errorf("the parser failed on the page: %s", d)
				}
			}
			golden(t, "seed-"+strings.TrimSuffix(name, ".txt")+".summary.txt", []byte(summary(m)))
		})
	}
}

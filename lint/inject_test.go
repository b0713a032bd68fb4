package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// The defect-injection test takes clean pages of the 2021 v1.0 corpus, injects one defect of a kind into each
// page where that kind applies, lints the tree again and checks that the defect is reported at the injected
// line (recall), and that no page left unmodified gets a finding of that rule it did not have (no spill-over).
//
// The tree is every resource page plus a stride sample of method pages, so each lint run is a fraction of the
// corpus and the test stays within seconds.

// injection is one defect in one page: the page's new text and the line the finding must be at.
type injection struct {
	text string
	line int
}

// injector makes one kind of defect in a page, or says it does not apply there.
type injector struct {
	name string
	rule string
	// apply returns the page's new lines and the 1-based line of the defect; ok is false when the page has no
	// place for the defect.
	apply func(c *injectCtx, p *model.Page, lines []string) (out []string, line int, ok bool)
}

type injectCtx struct {
	m *model.Model
}

func TestDefectInjection(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus injection test in -short mode")
	}
	root := filepath.Join(sharedDir(t), "corpus", "graph-docs-2021", "v1.0")
	files := sampleTree(t, root)
	baseModel := parseFiles(t, files)
	baseFindings := Run(baseModel, Options{FS: mapFS(files)})
	before := indexFindings(baseFindings)
	ctx := &injectCtx{m: baseModel}

	pagesTouched := map[string]bool{}
	total, hits := 0, 0
	var report []string
	only := os.Getenv("INJECT_ONLY") // a part of the kinds' names, to rerun a few while working on them
	for _, inj := range injectors() {
		if only != "" && !strings.Contains(inj.name, only) {
			continue
		}
		mutated := map[string]injection{}
		for _, p := range baseModel.Pages {
			if p.Degraded || len(before[inj.rule][p.Path]) > 0 {
				continue // clean pages only: none of this rule's findings before
			}
			lines := strings.Split(string(p.Source), "\n")
			out, line, ok := inj.apply(ctx, p, append([]string(nil), lines...))
			if !ok {
				continue
			}
			mutated[p.Path] = injection{text: strings.Join(out, "\n"), line: line}
		}
		if len(mutated) < 5 {
			t.Errorf("%s: only %d pages could take the defect; the injector needs fixing", inj.name, len(mutated))
			continue
		}
		tree := make(map[string][]byte, len(files))
		for p, b := range files {
			tree[p] = b
		}
		for p, in := range mutated {
			tree[p] = []byte(in.text)
		}
		after := indexFindings(Run(parseFiles(t, tree), Options{FS: mapFS(tree)}))

		found := 0
		var missed []string
		for p, in := range mutated {
			pagesTouched[p] = true
			if containsLine(after[inj.rule][p], in.line) {
				found++
			} else if len(missed) < 3 {
				missed = append(missed, fmt.Sprintf("%s:%d", p, in.line))
			}
		}
		total += len(mutated)
		hits += found
		recall := float64(found) / float64(len(mutated))
		report = append(report, fmt.Sprintf("%-32s %-24s %4d/%-4d %.3f %s", inj.name, inj.rule, found, len(mutated), recall, strings.Join(missed, " ")))
		if recall < 0.95 {
			t.Errorf("%s: recall %.3f (%d of %d), below 0.95; missed e.g. %v", inj.name, recall, found, len(mutated), missed)
		}
		// Spill-over: pages that were not touched keep exactly their findings of this rule.
		for p, lines := range after[inj.rule] {
			if _, ok := mutated[p]; ok {
				continue
			}
			if !subsetLines(lines, before[inj.rule][p]) {
				t.Errorf("%s: untouched page %s has new %s findings at lines %v (before: %v)", inj.name, p, inj.rule, lines, before[inj.rule][p])
			}
		}
	}
	sort.Strings(report)
	t.Logf("defect injection on %d pages (%d injections), recall %.3f:\n%s", len(pagesTouched), total, float64(hits)/float64(max(total, 1)), strings.Join(report, "\n"))
	if len(pagesTouched) < 200 && only == "" {
		t.Errorf("only %d pages took a defect; want at least 200", len(pagesTouched))
	}
}

// sampleTree loads every resource page and every third method page of the corpus.
func sampleTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	api := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "api/") {
			api++
			if api%3 != 0 {
				return nil
			}
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func mapFS(files map[string][]byte) fstest.MapFS {
	m := make(fstest.MapFS, len(files))
	for p, b := range files {
		m[p] = &fstest.MapFile{Data: b}
	}
	return m
}

func parseFiles(t *testing.T, files map[string][]byte) *model.Model {
	t.Helper()
	m, err := parser.ParseFS(mapFS(files), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// indexFindings maps rule → file → lines with a finding.
func indexFindings(fs []Finding) map[string]map[string][]int {
	out := map[string]map[string][]int{}
	for _, f := range fs {
		if out[f.Rule] == nil {
			out[f.Rule] = map[string][]int{}
		}
		out[f.Rule][f.Pos.File] = append(out[f.Rule][f.Pos.File], f.Pos.Line)
	}
	return out
}

func containsLine(lines []int, n int) bool {
	for _, l := range lines {
		if l == n {
			return true
		}
	}
	return false
}

// subsetLines reports whether every line of a is in b: no finding is new (one may have gone, when its
// counterpart on a mutated page changed).
func subsetLines(a, b []int) bool {
	for _, n := range a {
		if !containsLine(b, n) {
			return false
		}
	}
	return true
}

// Helpers for injectors.

// insertAt inserts text as new lines before 1-based line n.
func insertAt(lines []string, n int, text ...string) []string {
	out := append([]string(nil), lines[:n-1]...)
	out = append(out, text...)
	return append(out, lines[n-1:]...)
}

// deleteLines removes 1-based lines from..to.
func deleteLines(lines []string, from, to int) []string {
	return append(append([]string(nil), lines[:from-1]...), lines[to:]...)
}

// tableOf returns the first table of a role whose rows are simple (no escaped pipes), and its description
// column.
func tableOf(p *model.Page, roles ...model.TableRole) *model.Table {
	for _, t := range p.Tables {
		for _, r := range roles {
			if t.Role == r && len(t.Rows) > 0 && len(t.Header) >= 2 && !strings.Contains(string(p.Source), "\\|") {
				return t
			}
		}
	}
	return nil
}

func rowLine(lines []string, r model.Row) string { return lines[r.Pos.Line-1] }

// rewriteRow writes a row back with cell i replaced.
func rewriteRow(r model.Row, i int, text string) string {
	cells := make([]string, len(r.Cells))
	for k, c := range r.Cells {
		cells[k] = c.Text
	}
	cells[i] = text
	return "| " + strings.Join(cells, " | ") + " |"
}

// fenceEndLine returns the line of the fence closing the block opened on line open.
func fenceEndLine(lines []string, open int) int {
	marker := fenceMarker(lines[open-1])
	for n := open + 1; n <= len(lines); n++ {
		t := strings.TrimSpace(lines[n-1])
		if strings.HasPrefix(t, marker) && strings.Trim(t, marker[:1]) == "" {
			return n
		}
	}
	return 0
}

// firstExample returns the first example of the page's operations that satisfies ok.
func firstExample(c *injectCtx, p *model.Page, ok func(op *model.Operation, ex *model.Example) bool) (*model.Operation, *model.Example) {
	for _, id := range p.Operations {
		op := c.m.Operation(id)
		if op == nil {
			continue
		}
		for _, ex := range op.Examples {
			if !ex.Reconstructed && ok(op, ex) {
				return op, ex
			}
		}
	}
	return nil, nil
}

func plainJSONExample(ex *model.Example) bool {
	return ex.JSON != nil && ex.JSON.Kind == model.ValueObject && len(ex.JSONIssues) == 0 && !elided(ex.JSON) && ex.Pos.Line > 1
}

// firstLink returns the first link to an existing page of the tree, without anchor.
func firstLink(c *injectCtx, p *model.Page, lines []string) (model.Link, bool) {
	for _, l := range p.Links {
		if !strings.HasSuffix(l.Target, ".md") || strings.Contains(l.Target, "://") || strings.HasPrefix(l.Target, "/") {
			continue
		}
		dest := path.Join(path.Dir(p.Path), l.Target)
		if c.m.Page(dest) == nil || strings.Count(lines[l.Pos.Line-1], l.Target) != 1 {
			continue
		}
		return l, true
	}
	return model.Link{}, false
}

var statusLineRe = regexp.MustCompile(`^HTTP/1\.1 (\d{3}) (.+)$`)

func injectors() []injector {
	return append(append(markdownInjectors(), formInjectors()...), renderedInjectors()...)
}

func markdownInjectors() []injector {
	return []injector{
		{"todo in a table", "todo", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TableProperties, model.TableRequestBody)
			if t == nil {
				return nil, 0, false
			}
			r := t.Rows[0]
			lines[r.Pos.Line-1] = rewriteRow(r, len(r.Cells)-1, "**TODO: Add Description**")
			return lines, r.Pos.Line, true
		}},
		{"template variable", "template-leftover", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			f, ok := p.FrontMatter.Get("author")
			if !ok || p.FrontMatter.Form != model.FrontMatterYAML {
				return nil, 0, false
			}
			lines[f.Pos.Line-1] = `author: "$(metadata.owner)"`
			return lines, f.Pos.Line, true
		}},
		{"not yet documented", "not-yet-documented", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TableProperties)
			if t == nil {
				return nil, 0, false
			}
			r := t.Rows[len(t.Rows)-1]
			lines[r.Pos.Line-1] = rewriteRow(r, len(r.Cells)-1, "Not yet documented")
			return lines, r.Pos.Line, true
		}},
		{"empty description", "empty-description", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TableProperties)
			if t == nil {
				return nil, 0, false
			}
			d := descriptionColumn(t.Header)
			r := t.Rows[0]
			if d < 0 || d >= len(r.Cells) || cellName(r.Cells[0].Text) == "" {
				return nil, 0, false
			}
			lines[r.Pos.Line-1] = rewriteRow(r, d, "")
			return lines, r.Pos.Line, true
		}},
		{"empty permission", "empty-permission", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TablePermissions)
			if t == nil || !isPermissionsTable(t) || len(t.Rows[0].Cells) < 2 || len(t.Rows) > 1 && isSubRow(t.Rows[1]) {
				return nil, 0, false
			}
			r := t.Rows[0]
			lines[r.Pos.Line-1] = rewriteRow(r, 1, "")
			return lines, r.Pos.Line, true
		}},
		{"merge conflict", "merge-conflict", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, h := range p.Headings {
				if h.Level == 2 {
					return insertAt(lines, h.Pos.Line, "<<<<<<< HEAD", "ours", "=======", "theirs", ">>>>>>> topic", ""), h.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"replacement character", "replacement-char", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.H1 == nil {
				return nil, 0, false
			}
			for n := p.H1.Pos.Line + 1; n <= len(lines) && n < p.H1.Pos.Line+8; n++ {
				l := lines[n-1]
				if i := strings.Index(l, " "); i > 0 && len(l) > 20 && l[0] >= 'A' && l[0] <= 'Z' {
					lines[n-1] = l[:i] + " \uFFFD" + l[i:]
					return lines, n, true
				}
			}
			return nil, 0, false
		}},
		{"empty HTTP request block", "empty-http-block", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, b := range p.CodeBlocks {
				if normHeading(b.Section) == "http request" && b.Lines > 0 && fenceMarker(lines[b.Pos.Line-1]) != "" {
					end := fenceEndLine(lines, b.Pos.Line)
					if end == 0 {
						return nil, 0, false
					}
					out := append(append([]string(nil), lines[:b.Pos.Line]...), "")
					return append(out, lines[end-1:]...), b.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"request line without verb", "request-line", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, b := range p.CodeBlocks {
				if normHeading(b.Section) == "http request" && b.Lines > 0 {
					n := b.Pos.Line + 1
					verb, target, ok := strings.Cut(strings.TrimSpace(lines[n-1]), " ")
					if !ok || verb != strings.ToUpper(verb) || !strings.HasPrefix(target, "/") {
						return nil, 0, false
					}
					lines[n-1] = strings.TrimSpace(target)
					return lines, n, true
				}
			}
			return nil, 0, false
		}},
		{"misspelt section", "section-name", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, h := range p.Headings {
				if h.Level == 2 && normHeading(h.Text) == "response" {
					lines[h.Pos.Line-1] = "## Reponse"
					return lines, h.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"section removed", "missing-section", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.H1 == nil || p.Kind != model.PageAPI {
				return nil, 0, false
			}
			for _, h := range p.Headings {
				if h.Level == 2 && normHeading(h.Text) == "http request" {
					for _, o := range p.Headings {
						if o.Level > 2 && strings.Contains(normHeading(o.Text), "http request") {
							return nil, 0, false // a scenario page keeps its subsections
						}
					}
					lines[h.Pos.Line-1] = ""
					return lines, p.H1.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"duplicate property row", "duplicate-property", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageResource {
				return nil, 0, false
			}
			t := tableOf(p, model.TableProperties)
			if t == nil {
				return nil, 0, false
			}
			r := t.Rows[0]
			return insertAt(lines, r.Pos.Line+1, rowLine(lines, r)), r.Pos.Line + 1, true
		}},
		{"duplicate example name", "duplicate-example-name", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			var named []*model.Example
			for _, id := range p.Operations {
				for _, ex := range c.m.Operation(id).Examples {
					// Ignored blocks make no snippets, so their names may repeat.
					if ex.Kind == model.ExampleRequest && ex.Name != "" && ex.Annotation != nil && ex.Annotation.Value.Get("name") != nil &&
						!strings.EqualFold(ex.Annotation.BlockType, "ignored") {
						named = append(named, ex)
					}
				}
			}
			if len(named) < 2 {
				return nil, 0, false
			}
			v := named[1].Annotation.Value.Get("name")
			l := lines[v.Line-1]
			old := `"` + named[1].Name + `"`
			if strings.Count(l, old) != 1 {
				return nil, 0, false
			}
			lines[v.Line-1] = strings.Replace(l, old, `"`+named[0].Name+`"`, 1)
			return lines, v.Line, true
		}},
		{"response removed", "request-without-response", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, id := range p.Operations {
				exs := c.m.Operation(id).Examples
				for i := 0; i+1 < len(exs); i++ {
					req, resp := exs[i], exs[i+1]
					if req.Kind != model.ExampleRequest || resp.Kind != model.ExampleResponse || !answerable(req) || req.Reconstructed {
						continue
					}
					from := resp.Pos.Line - 1
					if resp.Annotation != nil && resp.Annotation.Pos.Line < from && resp.Annotation.Pos.Line > req.Pos.Line {
						from = resp.Annotation.Pos.Line
					}
					end := fenceEndLine(lines, resp.Pos.Line-1)
					if fenceMarker(lines[resp.Pos.Line-2]) == "" || end == 0 || i+2 < len(exs) && exs[i+2].Kind == model.ExampleResponse {
						return nil, 0, false
					}
					return deleteLines(lines, from, end), req.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"malformed status line", "status-line", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				return ex.Kind == model.ExampleResponse && ex.FirstLine.Line > 0 && strings.HasPrefix(lines[ex.FirstLine.Line-1], "HTTP/1.1 ")
			})
			if ex == nil {
				return nil, 0, false
			}
			n := ex.FirstLine.Line
			lines[n-1] = "HTTP 1.1 " + strings.TrimPrefix(lines[n-1], "HTTP/1.1 ")
			return lines, n, true
		}},
		{"status differs from the prose", "status-mismatch", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(op *model.Operation, ex *model.Example) bool {
				return ex.Kind == model.ExampleResponse && op.Response.StatusSource == "prose" && op.Response.Status/100 == 2 &&
					ex.Status == op.Response.Status && statusLineRe.MatchString(lines[ex.FirstLine.Line-1]) && !strings.Contains(string(p.Source), "206")
			})
			if ex == nil {
				return nil, 0, false
			}
			lines[ex.FirstLine.Line-1] = "HTTP/1.1 206 Partial Content"
			return lines, ex.FirstLine.Line, true
		}},
		{"reason phrase", "reason-phrase", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				return ex.Kind == model.ExampleResponse && ex.FirstLine.Line > 0 && statusLineRe.MatchString(lines[ex.FirstLine.Line-1])
			})
			if ex == nil {
				return nil, 0, false
			}
			m := statusLineRe.FindStringSubmatch(lines[ex.FirstLine.Line-1])
			lines[ex.FirstLine.Line-1] = "HTTP/1.1 " + m[1] + " Okay"
			return lines, ex.FirstLine.Line, true
		}},
		{"content length", "content-length", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				if ex.Kind != model.ExampleRequest || !plainJSONExample(ex) || ex.FirstLine.Line == 0 || ex.Truncated || strings.Contains(ex.Body, "...") {
					return false
				}
				for _, h := range ex.Headers {
					if strings.EqualFold(h.Name, "Content-Length") {
						return false
					}
				}
				return true
			})
			if ex == nil {
				return nil, 0, false
			}
			return insertAt(lines, ex.FirstLine.Line+1, "Content-Length: 1"), ex.FirstLine.Line + 1, true
		}},
		{"trailing comma", "json-syntax", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectTrailingComma(c, p, lines, true)
		}},
		{"placeholder value", "placeholder-value", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				return ex.Kind != model.ExampleRepresentation && plainJSONExample(ex)
			})
			if ex == nil {
				return nil, 0, false
			}
			for _, m := range ex.JSON.Members {
				v := m.Value
				if v == nil || v.Kind != model.ValueString || strings.Contains(m.Key, "@") || typeNameKeys[strings.ToLower(m.Key)] || v.Line != m.Line {
					continue
				}
				old := fmt.Sprintf("%q", v.Str)
				l := lines[v.Line-1]
				if strings.Count(l, old) != 1 {
					continue
				}
				lines[v.Line-1] = strings.Replace(l, old, `"String"`, 1)
				return lines, v.Line, true
			}
			return nil, 0, false
		}},
		{"unknown property", "unknown-property", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectMember(c, p, lines, `"zzInjectedProperty": "x",`, func(s model.ExampleSubject) bool {
				checker := newChecker(c.m, Options{})
				return s.Type != nil && !checker.isOpen(s.Type)
			})
		}},
		{"unknown odata.type", "unresolved-odata-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectMember(c, p, lines, `"@odata.type": "#microsoft.graph.zzNoSuchType",`, func(s model.ExampleSubject) bool { return true })
		}},
		{"number for a string", "value-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return changeValue(c, p, lines, func(t *model.Type, prop *model.Property, v *model.Value) (string, bool) {
				return "42", prop.Type.Name == "Edm.String" && !prop.Type.Collection && v.Kind == model.ValueString
			})
		}},
		{"placeholder for a date and time", "value-format", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return changeValue(c, p, lines, func(t *model.Type, prop *model.Property, v *model.Value) (string, bool) {
				return `"datetime-value"`, prop.Type.Name == "Edm.DateTimeOffset" && !prop.Type.Collection && v.Kind == model.ValueString
			})
		}},
		{"null for a collection", "value-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return changeValue(c, p, lines, func(t *model.Type, prop *model.Property, v *model.Value) (string, bool) {
				return "null", prop.Type.Collection && v.Kind == model.ValueArray && len(v.Items) == 0
			})
		}},
		{"value outside the enum", "enum-value", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return changeValue(c, p, lines, func(t *model.Type, prop *model.Property, v *model.Value) (string, bool) {
				et := c.m.Type(prop.Type.Name)
				return `"zzNotAMember"`, et != nil && et.Kind == model.KindEnum && !prop.Type.Collection && v.Kind == model.ValueString && namedAs(prop.Type, et) && et.Member(v.Str) != nil
			})
		}},
		{"table row not in the JSON", "table-json", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageResource || len(p.Types) == 0 {
				return nil, 0, false
			}
			t := c.m.Type(p.Types[0])
			tbl := tableOf(p, model.TableProperties)
			if t == nil || tbl == nil || t.Representation == nil || t.Representation.JSON == nil || t.Representation.Truncated || elided(t.Representation.JSON) {
				return nil, 0, false
			}
			n := tbl.Rows[len(tbl.Rows)-1].Pos.Line + 1
			return insertAt(lines, n, "| zzInjected | String | Injected. |"), n, true
		}},
		{"request-body row not a property", "request-body-property", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectBodyRow(c, p, lines, "| zzInjected | String | Injected. |", false)
		}},
		{"id on a create page", "read-only-in-create", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectBodyRow(c, p, lines, "| id | String | The identifier. |", true)
		}},
		{"odata.type in another namespace", "odata-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				return ex.Kind == model.ExampleResponse && strings.HasPrefix(ex.ODataType, "microsoft.graph.") && ex.Annotation.Value.Get("@odata.type") != nil
			})
			if ex == nil {
				return nil, 0, false
			}
			v := ex.Annotation.Value.Get("@odata.type")
			l := lines[v.Line-1]
			if !strings.Contains(l, "microsoft.graph.") {
				return nil, 0, false
			}
			lines[v.Line-1] = strings.Replace(l, "microsoft.graph.", "microsoft.zzother.", 1)
			return lines, v.Line, true
		}},
		{"single entity in value", "value-wrapper", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(op *model.Operation, ex *model.Example) bool {
				if ex.Kind != model.ExampleResponse || !plainJSONExample(ex) || op.Method != "GET" || op.Response.Type == nil || op.Response.Type.Collection {
					return false
				}
				req := op.RequestBefore(ex)
				s := c.m.ExampleSubject(op, ex)
				return req != nil && !collectionRequest(req.URL) && !s.Collection && s.Type != nil && c.m.Property(s.Type, "value") == nil &&
					strings.TrimSpace(lines[ex.JSON.Line-1]) == "{" && !strings.HasPrefix(strings.ToLower(ex.ODataType), "collection(")
			})
			if ex == nil {
				return nil, 0, false
			}
			// The body's closing brace is the last "}" before the closing fence.
			end := fenceEndLine(lines, ex.Pos.Line-1)
			for end > ex.JSON.Line && strings.TrimSpace(lines[end-1]) != "}" {
				end--
			}
			if end <= ex.JSON.Line {
				return nil, 0, false
			}
			lines = insertAt(lines, end, "}")
			return insertAt(lines, ex.JSON.Line+1, `"value": {`), ex.JSON.Line + 1, true
		}},
		{"unresolved type cell", "unresolved-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageResource {
				return nil, 0, false
			}
			t := tableOf(p, model.TableProperties)
			if t == nil {
				return nil, 0, false
			}
			cols := -1
			for i, h := range t.Header {
				if normHeading(h.Text) == "type" {
					cols = i
				}
			}
			r := t.Rows[0]
			if cols < 0 || cols >= len(r.Cells) || strings.Contains(rowLine(lines, r), "`") || splitPart(c, p) {
				return nil, 0, false
			}
			// A name of this page only: a row that lists values ("Possible values are ...") makes its type
			// name an enum, which would resolve every other page's reference to the same name.
			name := "zzNoType" + strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, strings.TrimSuffix(path.Base(p.Path), ".md"))
			lines[r.Pos.Line-1] = rewriteRow(r, cols, name)
			return lines, r.Pos.Line, true
		}},
		{"broken link", "broken-link", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			l, ok := firstLink(c, p, lines)
			if !ok {
				return nil, 0, false
			}
			lines[l.Pos.Line-1] = strings.Replace(lines[l.Pos.Line-1], l.Target, strings.TrimSuffix(l.Target, ".md")+"zzq.md", 1)
			return lines, l.Pos.Line, true
		}},
		{"link in the wrong case", "link-case", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			l, ok := firstLink(c, p, lines)
			base := path.Base(l.Target)
			if !ok || base[0] < 'a' || base[0] > 'z' {
				return nil, 0, false
			}
			fixed := strings.TrimSuffix(l.Target, base) + strings.ToUpper(base[:1]) + base[1:]
			lines[l.Pos.Line-1] = strings.Replace(lines[l.Pos.Line-1], l.Target, fixed, 1)
			return lines, l.Pos.Line, true
		}},
		{"malformed link", "malformed-link", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			l, ok := firstLink(c, p, lines)
			if !ok {
				return nil, 0, false
			}
			base := path.Base(l.Target)
			lines[l.Pos.Line-1] = strings.Replace(lines[l.Pos.Line-1], l.Target, strings.TrimSuffix(l.Target, base)+"-"+base, 1)
			return lines, l.Pos.Line, true
		}},
		{"broken anchor", "broken-anchor", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			l, ok := firstLink(c, p, lines)
			if !ok || c.m.Page(path.Join(path.Dir(p.Path), l.Target)).Degraded {
				return nil, 0, false
			}
			lines[l.Pos.Line-1] = strings.Replace(lines[l.Pos.Line-1], l.Target, l.Target+"#zz-no-such-heading", 1)
			return lines, l.Pos.Line, true
		}},
		{"permissions table removed", "missing-permissions", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageAPI || len(p.Operations) == 0 || hasPermissionsInclude(p) {
				return nil, 0, false
			}
			var tables []*model.Table
			for _, t := range p.Tables {
				if t.Role == model.TablePermissions && isPermissionsTable(t) {
					tables = append(tables, t)
				}
			}
			var heading *model.Heading
			for i, h := range p.Headings {
				if n := normHeading(h.Text); n == "permissions" || n == "prerequisites" {
					heading = &p.Headings[i]
					break
				}
			}
			if len(tables) != 1 || heading == nil || len(tables[0].Rows) == 0 {
				return nil, 0, false
			}
			t := tables[0]
			return deleteLines(lines, t.Pos.Line, t.Rows[len(t.Rows)-1].Pos.Line), heading.Pos.Line, true
		}},
		{"permissions header wording", "permissions-header", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TablePermissions)
			if t == nil || isIntune(p.Path) || !strings.Contains(lines[t.Pos.Line-1], "least to most") {
				return nil, 0, false
			}
			lines[t.Pos.Line-1] = strings.Replace(lines[t.Pos.Line-1], "least to most", "most to least", 1)
			return lines, t.Pos.Line, true
		}},
		{"unknown permission type", "permission-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TablePermissions)
			if t == nil || !isPermissionsTable(t) {
				return nil, 0, false
			}
			for _, r := range t.Rows {
				if len(r.Cells) > 1 && strings.TrimSpace(r.Cells[0].Text) == "Application" {
					lines[r.Pos.Line-1] = rewriteRow(r, 0, "Applications")
					return lines, r.Pos.Line, true
				}
			}
			return nil, 0, false
		}},
		{"extra table cell", "table-shape", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TableProperties, model.TablePermissions)
			if t == nil || len(t.Rows[0].Cells) != len(t.Header) {
				return nil, 0, false
			}
			r := t.Rows[0]
			lines[r.Pos.Line-1] = rewriteRow(r, len(r.Cells)-1, r.Cells[len(r.Cells)-1].Text+" | extra")
			return lines, r.Pos.Line, true
		}},
		{"lower-case verb", "http-verb-case", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, b := range p.CodeBlocks {
				if normHeading(b.Section) == "http request" && b.Lines > 0 {
					n := b.Pos.Line + 1
					verb, target, ok := strings.Cut(strings.TrimSpace(lines[n-1]), " ")
					if !ok || verb != strings.ToUpper(verb) || !strings.HasPrefix(target, "/") {
						return nil, 0, false
					}
					lines[n-1] = strings.ToLower(verb) + " " + target
					return lines, n, true
				}
			}
			return nil, 0, false
		}},
	}
}

// splitPart reports whether p documents part of a type whose main page is another: the parser merges such
// parts into the main type and does not resolve their rows again.
func splitPart(c *injectCtx, p *model.Page) bool {
	for _, full := range p.Types {
		if t := c.m.Type(full); t != nil && t.Page != p.Path {
			return true
		}
	}
	return false
}

// injectMember inserts a member line at the start of the first instance of an example whose subject passes ok.
func injectMember(c *injectCtx, p *model.Page, lines []string, member string, ok func(model.ExampleSubject) bool) ([]string, int, bool) {
	_, ex := firstExample(c, p, func(op *model.Operation, ex *model.Example) bool {
		if ex.Kind == model.ExampleRepresentation || !plainJSONExample(ex) {
			return false
		}
		s := c.m.ExampleSubject(op, ex)
		return len(s.Instances) > 0 && len(s.Instances[0].Members) > 0 && s.Instances[0].Members[0].Line > s.Instances[0].Line && ok(s)
	})
	if ex == nil {
		return nil, 0, false
	}
	op := c.m.Operation(opOf(c, p, ex))
	inst := c.m.ExampleSubject(op, ex).Instances[0]
	n := inst.Members[0].Line
	return insertAt(lines, n, member), n, true
}

func opOf(c *injectCtx, p *model.Page, ex *model.Example) string {
	for _, id := range p.Operations {
		for _, x := range c.m.Operation(id).Examples {
			if x == ex {
				return id
			}
		}
	}
	return ""
}

// changeValue replaces the value of the first top-level member, in an example whose type is known, for which
// pick returns a replacement.
func changeValue(c *injectCtx, p *model.Page, lines []string, pick func(t *model.Type, prop *model.Property, v *model.Value) (string, bool)) ([]string, int, bool) {
	for _, id := range p.Operations {
		op := c.m.Operation(id)
		for _, ex := range op.Examples {
			if ex.Reconstructed || ex.Kind == model.ExampleRepresentation || !plainJSONExample(ex) {
				continue
			}
			s := newChecker(c.m, Options{}).subject(op, ex)
			if s.Type == nil || len(s.Instances) == 0 {
				continue
			}
			t := c.m.SubjectType(s.Type, s.Instances[0])
			for _, m := range s.Instances[0].Members {
				prop := c.m.Property(t, m.Key)
				v := m.Value
				if prop == nil || prop.Name != m.Key || v == nil || v.Line != m.Line || !prop.Type.Resolved() {
					continue
				}
				// Strings, and empty arrays, are values whose text on the line is known.
				var old string
				switch {
				case v.Kind == model.ValueString && !placeholderValue.MatchString(v.Str):
					old = fmt.Sprintf("%q", v.Str)
				case v.Kind == model.ValueArray && len(v.Items) == 0:
					old = "[]"
				default:
					continue
				}
				repl, ok := pick(t, prop, v)
				if !ok {
					continue
				}
				l := lines[v.Line-1]
				if strings.Count(l, old) != 1 {
					continue
				}
				lines[v.Line-1] = strings.Replace(l, old, repl, 1)
				return lines, v.Line, true
			}
		}
	}
	return nil, 0, false
}

// injectBodyRow adds a row to a create or update page's request-body table, when the body's type is known.
func injectBodyRow(c *injectCtx, p *model.Page, lines []string, row string, create bool) ([]string, int, bool) {
	for _, id := range p.Operations {
		op := c.m.Operation(id)
		rb := op.RequestBody
		if rb == nil || rb.Kind != model.BodyType || rb.Type == nil || len(rb.Params) == 0 || c.m.LookupType(rb.Type.Name) == nil {
			continue
		}
		if create && (op.Method != "POST" || isIntune(p.Path)) {
			continue
		}
		if create && anyParam(rb.Params, "id") {
			continue
		}
		var tbl *model.Table
		for _, x := range p.Tables {
			if x.Role == model.TableRequestBody && len(x.Rows) > 0 {
				tbl = x
			}
		}
		if tbl == nil {
			continue
		}
		n := tbl.Rows[len(tbl.Rows)-1].Pos.Line + 1
		return insertAt(lines, n, row), n, true
	}
	return nil, 0, false
}

func anyParam(ps []*model.Property, name string) bool {
	for _, p := range ps {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// injectTrailingComma adds a comma after the last member of a page's first plain JSON example, when that member is
// a scalar followed by the closing brace. trimBlanks drops the line's trailing blanks first; without it a line that
// has some is left alone (the fix test must find the page's bytes again once the comma goes).
func injectTrailingComma(c *injectCtx, p *model.Page, lines []string, trimBlanks bool) ([]string, int, bool) {
	_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
		return plainJSONExample(ex) && len(ex.JSON.Members) > 0
	})
	if ex == nil {
		return nil, 0, false
	}
	last := ex.JSON.Members[len(ex.JSON.Members)-1]
	if last.Value == nil || last.Value.Kind == model.ValueObject || last.Value.Kind == model.ValueArray {
		return nil, 0, false
	}
	l := lines[last.Line-1]
	if trimBlanks {
		l = strings.TrimRight(l, " ")
	} else if strings.TrimRight(l, " \t") != l {
		return nil, 0, false
	}
	if strings.HasSuffix(l, ",") || !strings.HasPrefix(strings.TrimSpace(lines[last.Line]), "}") {
		return nil, 0, false
	}
	lines[last.Line-1] = l + ","
	return lines, last.Line, true
}

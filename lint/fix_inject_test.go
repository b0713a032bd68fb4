package lint

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// The fix-by-injection test: take pages of the 2021 v1.0 corpus that have no fixable finding, inject one fixable
// defect of a kind into each page where it applies, lint, apply the fixes, and check that every fixed page is the
// clean original byte for byte — the fix undoes exactly the defect and touches nothing else.

// fixKinds are the injectors whose defect has exactly one fix: the defect-injection test's where its defect is
// mechanical, and ones that mirror them for the fixes it has no injector for.
func fixKinds() []injector {
	reuse := map[string]bool{"malformed status line": true, "reason phrase": true,
		"link in the wrong case": true, "malformed link": true}
	var kinds []injector
	for _, inj := range injectors() {
		if reuse[inj.name] {
			kinds = append(kinds, inj)
		}
	}
	if len(kinds) != len(reuse) {
		panic(fmt.Sprintf("fixKinds: found %d of the %d reused injectors", len(kinds), len(reuse)))
	}
	return append(kinds, fixInjectors()...)
}

var (
	proseStatusRe = regexp.MustCompile("`(2\\d\\d) ([A-Z][a-z]+(?: [A-Z][a-z]+)*)`")
	odataValueRe  = regexp.MustCompile(`"@odata\.type": *"#microsoft\.graph\.(\w+)"`)
)

func fixInjectors() []injector {
	return []injector{
		// The defect-injection test's trailing comma, on lines without trailing blanks (it trims them).
		{"trailing comma", "json-syntax", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			return injectTrailingComma(c, p, lines, false)
		}},
		{"wrong Content-Length value", "content-length", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			chk := newChecker(c.m, Options{})
			pt := chk.text(p)
			for _, id := range p.Operations {
				op := c.m.Operation(id)
				for _, ex := range op.Examples {
					if ex.Reconstructed || !plainJSONExample(ex) || ex.Truncated || strings.Contains(ex.Body, "...") {
						continue
					}
					for _, h := range ex.Headers {
						body := chk.bodyLines(pt, ex)
						if !strings.EqualFold(h.Name, "Content-Length") || body == nil {
							continue
						}
						lf, _ := bodyLengths(body)
						l := lines[h.Pos.Line-1]
						if strings.TrimSpace(h.Value) != strconv.Itoa(lf) || strings.Count(l, h.Value) != 1 {
							continue
						}
						lines[h.Pos.Line-1] = strings.Replace(l, h.Value, strconv.Itoa(lf+1000), 1)
						return lines, h.Pos.Line, true
					}
				}
			}
			return nil, 0, false
		}},
		{"reason phrase in the prose", "reason-phrase", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, id := range p.Operations {
				r := c.m.Operation(id).Response
				if r.StatusSource != "prose" || r.Pos.Line == 0 {
					continue
				}
				l := lines[r.Pos.Line-1]
				m := proseStatusRe.FindStringSubmatchIndex(l)
				if m == nil || l[m[2]:m[3]] != strconv.Itoa(r.Status) || !strings.Contains(l[m[4]:m[5]], " ") {
					continue
				}
				// "204 No content", as the corpus has it: the words after the first in lower case.
				first, rest, _ := strings.Cut(l[m[4]:m[5]], " ")
				lines[r.Pos.Line-1] = l[:m[4]] + first + " " + strings.ToLower(rest) + l[m[5]:]
				return lines, r.Pos.Line, true
			}
			return nil, 0, false
		}},
		{"blank line after the request line", "http-blank-line", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				return ex.Kind == model.ExampleRequest && ex.FirstLine.Line > 0 && len(ex.Headers) > 0 &&
					ex.Headers[0].Pos.Line == ex.FirstLine.Line+1 && httpHeaderNames[strings.ToLower(ex.Headers[0].Name)]
			})
			if ex == nil {
				return nil, 0, false
			}
			return insertAt(lines, ex.FirstLine.Line+1, ""), ex.FirstLine.Line + 1, true
		}},
		{"no blank line before the body", "http-blank-line", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
				if !plainJSONExample(ex) || ex.FirstLine.Line == 0 || len(ex.Headers) == 0 {
					return false
				}
				last := ex.Headers[len(ex.Headers)-1].Pos.Line
				return ex.BodyPos.Line == last+2 && lines[last] == ""
			})
			if ex == nil {
				return nil, 0, false
			}
			return deleteLines(lines, ex.BodyPos.Line-1, ex.BodyPos.Line-1), ex.BodyPos.Line - 1, true
		}},
		{"@odata.type key in another case", "odata-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			n, _, ok := odataTypeLine(c, p, lines)
			if !ok {
				return nil, 0, false
			}
			lines[n-1] = strings.Replace(lines[n-1], `"@odata.type"`, `"@Odata.type"`, 1)
			return lines, n, true
		}},
		{"@odata.type in a namespace the docs do not use", "odata-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			n, name, ok := odataTypeLine(c, p, lines)
			if !ok || c.m.Type("microsoft.graph."+name) == nil {
				return nil, 0, false
			}
			lines[n-1] = strings.Replace(lines[n-1], "#microsoft.graph."+name, "#microsoft.zzother."+name, 1)
			return lines, n, true
		}},
		{"doc_type of another kind", "doc-type", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageAPI || len(p.Operations) == 0 || p.FrontMatter.Form != model.FrontMatterYAML {
				return nil, 0, false
			}
			for i, l := range lines {
				if strings.TrimSpace(l) == "doc_type: apiPageType" {
					lines[i] = strings.Replace(l, "apiPageType", "resourcePageType", 1)
					return lines, i + 1, true
				}
				if i > 0 && strings.TrimSpace(l) == "---" {
					break
				}
			}
			return nil, 0, false
		}},
		{"permissions column header", "permissions-header", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := tableOf(p, model.TablePermissions)
			const want = "Permissions (from least to most privileged)"
			if t == nil || len(t.Header) != 2 || strings.TrimSpace(t.Header[1].Text) != want || strings.Count(lines[t.Pos.Line-1], want) != 1 {
				return nil, 0, false
			}
			lines[t.Pos.Line-1] = strings.Replace(lines[t.Pos.Line-1], want, "Permission", 1)
			return lines, t.Pos.Line, true
		}},
	}
}

func TestFixByInjection(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the corpus fix-injection test in -short mode")
	}
	root := filepath.Join(sharedDir(t), "corpus", "graph-docs-2021", "v1.0")
	files := sampleTree(t, root)
	baseModel := parseFiles(t, files)
	// Pages with a finding of a fixing rule already are left out: their fixed text would not be the original (a
	// fix applies), or the defect injected may not be the only one of the line (an ambiguous reason phrase).
	fixable := map[string]bool{}
	for _, f := range Run(baseModel, Options{FS: mapFS(files)}) {
		if r := ruleByID[f.Rule]; r != nil && r.Fix {
			fixable[f.Pos.File] = true
		}
	}
	ctx := &injectCtx{m: baseModel}
	var report []string
	covered := map[string]bool{}
	for _, inj := range fixKinds() {
		covered[inj.rule] = true
		mutated := map[string]string{}
		for _, p := range baseModel.Pages {
			if p.Degraded || fixable[p.Path] || !ruleByID[inj.rule].Fix {
				continue
			}
			lines := strings.Split(string(p.Source), "\n")
			if out, _, ok := inj.apply(ctx, p, append([]string(nil), lines...)); ok {
				mutated[p.Path] = strings.Join(out, "\n")
			}
		}
		if len(mutated) < 5 {
			t.Errorf("%s: only %d pages could take the defect; the injector needs fixing", inj.name, len(mutated))
			continue
		}
		tree := make(map[string][]byte, len(files))
		for p, b := range files {
			tree[p] = b
		}
		for p, text := range mutated {
			tree[p] = []byte(text)
		}
		byPage := map[string][]*Fix{}
		rules := map[string]map[string]bool{} // page → rules of its fixes
		for _, f := range Run(parseFiles(t, tree), Options{FS: mapFS(tree)}) {
			if f.Fix != nil {
				byPage[f.Pos.File] = append(byPage[f.Pos.File], f.Fix)
				if rules[f.Pos.File] == nil {
					rules[f.Pos.File] = map[string]bool{}
				}
				rules[f.Pos.File][f.Rule] = true
			}
		}
		restored, missed := 0, 0
		var wrong []string
		for _, p := range sortedPaths(mutated) {
			if len(byPage[p]) == 0 {
				missed++ // not detected: the defect-injection test measures that (recall)
				continue
			}
			out, _ := ApplyFixes(tree[p], byPage[p])
			if string(out) == string(files[p]) {
				restored++
			} else if len(wrong) < 3 {
				wrong = append(wrong, fmt.Sprintf("%s (fixes of %v%s)", p, keys(rules[p]), firstDifference(string(out), string(files[p]))))
			}
		}
		for p := range byPage {
			if _, ok := mutated[p]; !ok && !fixable[p] {
				t.Errorf("%s: untouched page %s got a fix", inj.name, p)
			}
		}
		report = append(report, fmt.Sprintf("%-48s %-20s %4d/%-4d (%d not detected)", inj.name, inj.rule, restored, len(mutated)-missed, missed))
		if restored != len(mutated)-missed {
			t.Errorf("%s: %d of %d pages fixed back to the original; not e.g. %v", inj.name, restored, len(mutated)-missed, wrong)
		}
		if missed*20 > len(mutated) {
			t.Errorf("%s: %d of %d defects not detected, more than 5%%", inj.name, missed, len(mutated))
		}
	}
	for id := range fixingRules {
		if !covered[id] {
			t.Errorf("rule %s fixes, but no kind of defect here checks its fixes", id)
		}
	}
	t.Logf("fix by injection (pages restored byte for byte / pages with a fix):\n%s", strings.Join(report, "\n"))
}

func sortedPaths(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// firstDifference shows the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return fmt.Sprintf("; line %d is %q, was %q", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("; %d lines, was %d", len(g), len(w))
}

// odataTypeLine finds a top-level "@odata.type": "#microsoft.graph.x" member of an operation's example, alone on
// its line, and returns the line and x.
func odataTypeLine(c *injectCtx, p *model.Page, lines []string) (n int, name string, ok bool) {
	_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
		if !plainJSONExample(ex) {
			return false
		}
		for _, m := range ex.JSON.Members {
			if m.Key == "@odata.type" && odataValueRe.MatchString(lines[m.Line-1]) && strings.Count(lines[m.Line-1], "@odata.type") == 1 {
				return true
			}
		}
		return false
	})
	if ex == nil {
		return 0, "", false
	}
	for _, m := range ex.JSON.Members {
		if sm := odataValueRe.FindStringSubmatch(lines[m.Line-1]); m.Key == "@odata.type" && sm != nil {
			return m.Line, sm[1], true
		}
	}
	return 0, "", false
}

func hasProperty(t *model.Type, name string) bool {
	for _, p := range t.Properties {
		if p.Name == name {
			return true
		}
	}
	return false
}

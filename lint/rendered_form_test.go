package lint

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// The GitHub-rendered form of a page, as in ../shared/seeds/004: the text of the rendered HTML copied out. The
// front matter shows as a two-column table, headings and comments are gone, fences are gone and code lines lose
// their indentation, includes are flattened to "[!INCLUDE name]" text, links to their text, blank lines are
// dropped, the lines of a paragraph are joined, and a code block's last line is glued to what follows the heading
// after it ("POST /users/{usersId}/x| Name | Description |", "}[!INCLUDE sample-code] [!INCLUDE sdk-documentation]").
// The seed shows that glue only before a table and before includes, so only that glue is made.

var (
	includeMarkdown   = regexp.MustCompile(`\[!INCLUDE\s*\[([^\]]*)\]\([^)]*\)\]`)
	inlineComment     = regexp.MustCompile(`<!--.*?-->`)
	referenceLink     = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	refDefinitionLine = regexp.MustCompile(`^\[[^\]]+\]:\s*\S`)
)

// rendered turns a markdown page into its GitHub-rendered text. at maps each 1-based line of the page to its line
// in the result (0 when the line was dropped).
func rendered(lines []string) (out []string, at []int) {
	at = make([]int, len(lines)+2)
	i := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		rows := 0
		for i = 1; i < len(lines) && strings.TrimSpace(lines[i]) != "---"; i++ {
			k, v, ok := strings.Cut(lines[i], ":")
			if !ok || strings.HasPrefix(lines[i], " ") {
				continue
			}
			out = append(out, "| "+strings.TrimSpace(k)+" | "+strings.Trim(strings.TrimSpace(v), `"'`)+" |")
			at[i+1] = len(out)
			if rows == 0 {
				out = append(out, "|---|---|")
			}
			rows++
		}
		i++
	}
	// glue is set after a code block followed by a heading: the next table or include line joins its last line.
	glue, afterFence := false, false
	emit := func(n int, text string) {
		if glue && len(out) > 0 && (strings.HasPrefix(text, "|") || strings.HasPrefix(text, "[!INCLUDE")) {
			out[len(out)-1] += text
		} else {
			out = append(out, text)
		}
		glue, afterFence = false, false
		at[n] = len(out)
	}
	prose := func(l string) string {
		l = inlineComment.ReplaceAllString(l, "")
		l = referenceLink.ReplaceAllString(l, "$1")
		l = includeMarkdown.ReplaceAllString(l, "[!INCLUDE $1]")
		l = markdownLink.ReplaceAllString(l, "$1")
		l = strings.NewReplacer("**", "", "`", "").Replace(l)
		return strings.TrimSpace(l)
	}
	inFence, inComment, inPara := false, false, false
	fence := ""
	for ; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		n := i + 1
		switch {
		case inComment:
			inComment = !strings.Contains(t, "-->")
			continue
		case inFence:
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				inFence, afterFence = false, true
			} else if t != "" {
				emit(n, t)
			}
			continue
		}
		if t == "" {
			inPara = false
			continue
		}
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			inFence, inPara = true, false
			fence = t[:3]
		case strings.HasPrefix(t, "<!--"):
			inComment = !strings.Contains(t, "-->")
			inPara = false
		case refDefinitionLine.MatchString(t):
			// A link reference definition does not show.
		case strings.HasPrefix(t, "#"):
			glue = afterFence
			inPara = false
		case t == "---" || strings.HasPrefix(t, "|") && strings.Trim(t, "|-: ") == "":
			if strings.HasPrefix(t, "|") {
				emit(n, "|"+strings.Repeat("---|", strings.Count(strings.Trim(t, "|"), "|")+1))
			}
			inPara = false
		case strings.HasPrefix(t, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
				cells = append(cells, prose(c))
			}
			emit(n, "| "+strings.Join(cells, " | ")+" |")
			inPara = false
		default:
			text := prose(strings.TrimLeft(t, "> "))
			for _, bullet := range []string{"- ", "* "} {
				if strings.HasPrefix(text, bullet) {
					text, inPara = strings.TrimSpace(text[2:]), false
				}
			}
			if text == "" {
				continue
			}
			if inPara && !glue {
				out[len(out)-1] += " " + text
				at[n] = len(out)
				continue
			}
			emit(n, text)
			inPara = true
		}
	}
	return out, at
}

// renderedOf applies rendered and returns the result with the page line n mapped.
func renderedOf(lines []string, n int) ([]string, int, bool) {
	out, at := rendered(lines)
	return out, at[n], at[n] > 0
}

// renderedFrom applies rendered and returns the result with the first kept page line from n on.
func renderedFrom(lines []string, n int) ([]string, int, bool) {
	out, at := rendered(lines)
	for ; n <= len(lines); n++ {
		if at[n] > 0 {
			return out, at[n], true
		}
	}
	return nil, 0, false
}

// renderedExample returns an HTTP example of the page whose JSON body the rendered form keeps readable.
func renderedExample(c *injectCtx, p *model.Page, lines []string, ok func(ex *model.Example) bool) *model.Example {
	return scrapedExample(c, p, lines, ok)
}

func hasHeader(ex *model.Example, name string) bool {
	for _, h := range ex.Headers {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

// contentLengthInjector inserts a wrong Content-Length into a request or response example and turns the page
// into a form (plainText or rendered): more than the body could be, or half of what the form shows. A response
// may be shortened (the form loses the annotation that says so): only a length below what it shows is wrong, so
// a response takes half.
func contentLengthInjector(kind model.ExampleKind, form func([]string) ([]string, []int)) func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
	return func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
		if p.Kind != model.PageAPI || strings.Contains(string(p.Source), "```\n```") {
			return nil, 0, false
		}
		_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
			return ex.Kind == kind && plainJSONExample(ex) && ex.FirstLine.Line > 0 && ex.BodyPos.Line > 0 && len(ex.Headers) > 0 &&
				!hasHeader(ex, "Content-Length") && !binaryBody(ex) && !strings.Contains(ex.Body, "...") &&
				strings.TrimSpace(lines[ex.BodyPos.Line-1]) == "{" && (!ex.Truncated || kind == model.ExampleResponse)
		})
		if ex == nil {
			return nil, 0, false
		}
		shown := 0
		for _, l := range strings.Split(strings.TrimSpace(ex.Body), "\n") {
			shown += len(strings.TrimSpace(l))
		}
		want := shown / 2
		if pageHash(p)%2 == 1 && kind == model.ExampleRequest {
			want = 2*len(ex.Body) + 40 // more than the body could be with its braces, indentation and CRLF line ends
		}
		at := ex.Headers[len(ex.Headers)-1].Pos.Line + 1
		out, pos := form(insertAt(lines, at, "Content-Length: "+strconv.Itoa(want)))
		return out, pos[at], pos[at] > 0
	}
}

// statusInjector makes a response example's status contradict the Response section's ("returns a 201 Created"
// above "HTTP/1.1 206 Partial Content").
func statusInjector(form func([]string) ([]string, []int)) func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
	return func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
		if p.Kind != model.PageAPI {
			return nil, 0, false
		}
		_, ex := firstExample(c, p, func(op *model.Operation, ex *model.Example) bool {
			return ex.Kind == model.ExampleResponse && op.Response.StatusSource == "prose" && op.Response.Status/100 == 2 &&
				ex.Status == op.Response.Status && statusLineRe.MatchString(lines[ex.FirstLine.Line-1]) && !strings.Contains(string(p.Source), "206")
		})
		if ex == nil {
			return nil, 0, false
		}
		lines[ex.FirstLine.Line-1] = "HTTP/1.1 206 Partial Content"
		out, at := form(lines)
		return out, at[ex.FirstLine.Line], at[ex.FirstLine.Line] > 0
	}
}

// inForm runs a markdown injector and turns its page into a form.
func inForm(inj injector, form func([]string) ([]string, []int)) func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
	return func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
		out, line, ok := inj.apply(c, p, lines)
		if !ok {
			return nil, 0, false
		}
		res, at := form(out)
		return res, at[line], at[line] > 0
	}
}

func formInjector(name string) injector {
	for _, inj := range formInjectors() {
		if inj.name == name {
			return inj
		}
	}
	panic("no injector " + name)
}

func renderedInjectors() []injector {
	return []injector{
		// The rendered body keeps its braces, so the JSON reader finds the defect where the closer is missing:
		// on the line that took the removed line's place.
		{"rendered: unclosed array", "json-syntax", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			open, closer := arrayToUnclose(c, p, lines)
			if open == 0 {
				return nil, 0, false
			}
			return renderedFrom(deleteLines(lines, closer, closer), closer)
		}},
		{"rendered: lost brace", "json-syntax", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			open, closer := objectToUnclose(c, p, lines)
			if open == 0 {
				return nil, 0, false
			}
			return renderedFrom(deleteLines(lines, closer, closer), closer)
		}},
		{"rendered: request content length", "content-length", contentLengthInjector(model.ExampleRequest, rendered)},
		{"rendered: response content length", "content-length", contentLengthInjector(model.ExampleResponse, rendered)},
		{"rendered: path parameter renamed", "path-parameter", inForm(formInjector("path parameter renamed"), rendered)},
		{"rendered: permissions include", "missing-permissions", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			t := permissionsTableOnly(p)
			if t == nil {
				return nil, 0, false
			}
			out := deleteLines(lines, t.Pos.Line+1, t.Rows[len(t.Rows)-1].Pos.Line)
			out[t.Pos.Line-1] = "[!INCLUDE [permissions-table](../includes/permissions/" + strings.TrimSuffix(p.Path[strings.LastIndex(p.Path, "/")+1:], ".md") + "-permissions.md)]"
			return renderedOf(out, t.Pos.Line)
		}},
		{"rendered: permissions section emptied", "missing-permissions", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			out, _, ok := formInjector("permissions section emptied").apply(c, p, lines)
			if !ok {
				return nil, 0, false
			}
			res, _ := rendered(out)
			// No heading survives the rendering: the finding is the page's, at its first line.
			return res, 1, true
		}},
		{"rendered: status differs from the prose", "status-mismatch", statusInjector(rendered)},
	}
}

// permissionsTableOnly returns the page's one permissions table when the page has no permissions include.
func permissionsTableOnly(p *model.Page) *model.Table {
	if p.Kind != model.PageAPI || len(p.Operations) == 0 || hasPermissionsInclude(p) {
		return nil
	}
	var tables []*model.Table
	for _, t := range p.Tables {
		if t.Role == model.TablePermissions && isPermissionsTable(t) {
			tables = append(tables, t)
		}
	}
	if len(tables) != 1 || len(tables[0].Rows) == 0 {
		return nil
	}
	return tables[0]
}

// objectToUnclose finds a nested object of an example body, opened at the end of a line ("\"body\": {") and
// closed on a line of its own, with members after it; it returns the lines that open and close it.
func objectToUnclose(c *injectCtx, p *model.Page, lines []string) (open, closer int) {
	ex := scrapedExample(c, p, lines, func(ex *model.Example) bool {
		open, closer = 0, 0
		end := ex.BodyPos.Line + strings.Count(ex.Body, "\n")
		for n := ex.BodyPos.Line + 1; n <= end && n <= len(lines) && open == 0; n++ {
			if !objectOpenRe.MatchString(lines[n-1]) {
				continue
			}
			indent := len(lines[n-1]) - len(strings.TrimLeft(lines[n-1], " "))
			for k := n + 1; k < end; k++ {
				if len(lines[k-1])-len(strings.TrimLeft(lines[k-1], " ")) == indent {
					if strings.TrimSpace(lines[k-1]) == "}," && scrapedMemberLine.MatchString(lines[k]) {
						open, closer = n, k
					}
					break
				}
			}
		}
		return open > 0
	})
	if ex == nil {
		return 0, 0
	}
	return open, closer
}

var objectOpenRe = regexp.MustCompile(`^\s*"[^"]*"\s*:\s*\{$`)

// arrayToUnclose finds an array of an example body, opened at the end of a line and closed on a line of its own
// at the same indentation, with an item in it; it returns the lines that open and close it.
func arrayToUnclose(c *injectCtx, p *model.Page, lines []string) (open, closer int) {
	ex := scrapedExample(c, p, lines, func(ex *model.Example) bool {
		open, closer = 0, 0
		end := ex.BodyPos.Line + strings.Count(ex.Body, "\n")
		for n := ex.BodyPos.Line; n <= end && n <= len(lines); n++ {
			if arrayOpenRe.MatchString(lines[n-1]) && open == 0 {
				open = n
				indent := len(lines[n-1]) - len(strings.TrimLeft(lines[n-1], " "))
				for k := n + 1; k <= end; k++ {
					t := strings.TrimSpace(lines[k-1])
					if (t == "]" || t == "],") && len(lines[k-1])-len(strings.TrimLeft(lines[k-1], " ")) == indent {
						closer = k
						break
					}
				}
				if closer == 0 || closer == n+1 {
					open = 0
				}
			}
		}
		return open > 0 && closer > 0
	})
	if ex == nil {
		return 0, 0
	}
	return open, closer
}

// TestRenderedControl renders the pages the rendered injectors use, without a defect: the rules those injectors
// test must stay quiet on them.
func TestRenderedControl(t *testing.T) {
	formControl(t, "rendered", rendered, func(ctx *injectCtx, p *model.Page, lines []string) bool {
		// A page whose permissions come from an include shows none once rendered: a true defect of the form.
		return !hasPermissionsInclude(p) && (scrapedExample(ctx, p, lines, func(*model.Example) bool { return true }) != nil || permissionsTableOnly(p) != nil)
	})
}

// formControl turns the pages use picks into a form without a defect and checks that the form rules stay quiet
// on them (findings the markdown page has already do not count).
func formControl(t *testing.T, name string, form func([]string) ([]string, []int), use func(ctx *injectCtx, p *model.Page, lines []string) bool) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	root := sharedDir(t) + "/corpus/graph-docs-2021/v1.0"
	files := sampleTree(t, root)
	base := parseFiles(t, files)
	ctx := &injectCtx{m: base}
	before := indexFindings(Run(base, Options{FS: mapFS(files)}))
	tree := make(map[string][]byte, len(files))
	for p, b := range files {
		tree[p] = b
	}
	changed := map[string]bool{}
	for _, p := range base.Pages {
		if p.Degraded {
			continue
		}
		lines := strings.Split(string(p.Source), "\n")
		if !use(ctx, p, lines) {
			continue
		}
		out, _ := form(lines)
		tree[p.Path] = []byte(strings.Join(out, "\n"))
		changed[p.Path] = true
	}
	m := parseFiles(t, tree)
	degraded := 0
	for _, p := range m.Pages {
		if changed[p.Path] && p.Degraded {
			degraded++
		}
	}
	bad := map[string]int{}
	for _, f := range Run(m, Options{FS: mapFS(tree)}) {
		if !changed[f.Pos.File] || len(before[f.Rule][f.Pos.File]) > 0 {
			continue
		}
		switch f.Rule {
		case "json-syntax", "content-length", "request-line", "path-parameter", "missing-permissions", "status-mismatch":
			bad[f.Rule]++
			if bad[f.Rule] <= 3 {
				t.Logf("%s", f)
			}
		}
	}
	t.Logf("%d pages turned %s, %d read as degraded; findings of the form rules on them: %v", len(changed), name, degraded, bad)
	if degraded < len(changed)*90/100 {
		t.Errorf("only %d of %d %s pages read as degraded", degraded, len(changed), name)
	}
	for r, n := range bad {
		if n*100 > len(changed) {
			t.Errorf("%s: %d findings on %d clean %s pages (over 1%%)", r, n, len(changed), name)
		}
	}
}

var gluedRequestTable = regexp.MustCompile(`(?m)^(GET|POST|PATCH|PUT|DELETE) /\S+\| Name \|.*\n\|---\|`)

// TestRenderedLikeSeed checks rendered() against the traits of the rendered seed (../shared/seeds/004): what the
// seed has, a rendered corpus page has, and what the seed lacks, it lacks.
func TestRenderedLikeSeed(t *testing.T) {
	root := sharedDir(t)
	seed, err := os.ReadFile(root + "/seeds/004_24ad20879d6ddd78.txt")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(root + "/corpus/graph-docs-2021/v1.0/api/directoryobject-checkmembergroups.md")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := rendered(strings.Split(string(page), "\n"))
	for name, lines := range map[string][]string{"seed": strings.Split(strings.TrimRight(string(seed), "\n"), "\n"), "rendered": out} {
		text := strings.Join(lines, "\n")
		if !strings.HasPrefix(lines[0], "| title | ") || lines[1] != "|---|---|" {
			t.Errorf("%s: front matter not a table: %q %q", name, lines[0], lines[1])
		}
		if !gluedRequestTable.MatchString(text) {
			t.Errorf("%s: no request line glued to the header table", name)
		}
		for _, trait := range []string{"}[!INCLUDE sample-code] [!INCLUDE sdk-documentation]", "\n[!INCLUDE sample-code] [!INCLUDE sdk-documentation]\n", "\n{\n\""} {
			if !strings.Contains(text, trait) {
				t.Errorf("%s lacks %q", name, trait)
			}
		}
		for i, l := range lines {
			if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "```") || strings.Contains(l, "<!--") || strings.HasPrefix(l, " ") {
				t.Errorf("%s line %d: %q (blank lines, headings, fences, comments and indentation are gone)", name, i+1, l)
			}
		}
	}
}

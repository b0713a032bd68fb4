// Package readme checks README.md: its table of contents matches its headings, and every Go block in it is either
// a program that is compiled and run here, its output compared with the README's, or marked as a fragment with a
// reason.
package readme

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/cli"
)

const readmePath = "../README.md"

// block is a fenced code block of the README.
type block struct {
	line   int    // of the opening fence, 1-based
	lang   string // the fence's info string: "go", "sh", ""
	marker string // the HTML comment on the last non-blank line before the fence, without <!-- -->, trimmed
	body   string
}

// heading is a Markdown ATX heading outside code blocks.
type heading struct {
	line  int
	level int
	text  string
}

type readme struct {
	blocks   []block
	headings []heading
	lines    []string // the lines outside code blocks, others blank, so that line numbers stay
}

// readReadme splits the README into headings and fenced blocks (``` fences, as the README uses).
func readReadme(t *testing.T) readme {
	t.Helper()
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	var r readme
	var open *block
	var lastNonBlank string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if open != nil {
			if strings.TrimSpace(line) == "```" {
				r.blocks = append(r.blocks, *open)
				open = nil
				lastNonBlank = "```" // a marker belongs to the next block only
			} else {
				open.body += line + "\n"
			}
			r.lines = append(r.lines, "")
			continue
		}
		if rest, ok := strings.CutPrefix(line, "```"); ok {
			b := block{line: n, lang: strings.TrimSpace(rest)}
			if m, ok := strings.CutPrefix(lastNonBlank, "<!--"); ok {
				if m, ok := strings.CutSuffix(m, "-->"); ok {
					b.marker = strings.TrimSpace(m)
				}
			}
			open = &b
			r.lines = append(r.lines, "")
			continue
		}
		r.lines = append(r.lines, line)
		if strings.TrimSpace(line) != "" {
			lastNonBlank = strings.TrimSpace(line)
		}
		if level := len(line) - len(strings.TrimLeft(line, "#")); level >= 1 && level <= 6 && strings.HasPrefix(line[level:], " ") {
			r.headings = append(r.headings, heading{line: n, level: level, text: strings.TrimSpace(line[level:])})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if open != nil {
		t.Fatalf("README.md:%d: a code block is never closed", open.line)
	}
	return r
}

// anchor is the id GitHub gives a heading: its text as rendered (code spans lose their backticks, links keep their
// text), lower-cased, every character that is not a letter, mark, digit, connector, hyphen or space dropped, and
// spaces made hyphens.
func anchor(text string) string {
	text = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(text, "$1")
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchors are the ids of every heading, a repeated one suffixed -1, -2, … in order, as GitHub does.
func (r readme) anchors() map[string]heading {
	seen := map[string]int{}
	out := map[string]heading{}
	for _, h := range r.headings {
		a := anchor(h.text)
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out[a] = h
	}
	return out
}

func TestAnchor(t *testing.T) {
	for text, want := range map[string]string{
		"The config file (`graphdocgen.yaml`)":                                              "the-config-file-graphdocgenyaml",
		"Day to day: the config file, regenerating, go generate, CI, diff, version":         "day-to-day-the-config-file-regenerating-go-generate-ci-diff-version",
		"A mock of the documented API (`serve`)":                                            "a-mock-of-the-documented-api-serve",
		"Docs CI: lint what a pull request changed, upload SARIF, check the generated code": "docs-ci-lint-what-a-pull-request-changed-upload-sarif-check-the-generated-code",
		"Samples 10–12 — a [link](x.md) and snake_case":                                     "samples-1012--a-link-and-snake_case",
	} {
		if got := anchor(text); got != want {
			t.Errorf("anchor(%q) = %q, want %q", text, got, want)
		}
	}
}

var (
	tocStart = "<!-- toc -->"
	tocEnd   = "<!-- /toc -->"
	mdLink   = regexp.MustCompile(`\]\(#([^)\s]*)\)`)
	codeSpan = regexp.MustCompile("`[^`]*`") // text, not a link: "`# [HTTP](#tab/http)`"
)

// TestTableOfContents checks the contents between <!-- toc --> and <!-- /toc -->: every ## heading is linked from
// it, in the README's order, and every link in it (and every #anchor link elsewhere in the README) leads to a heading.
func TestTableOfContents(t *testing.T) {
	r := readReadme(t)
	anchors := r.anchors()
	text := strings.Join(r.lines, "\n")
	start, end := strings.Index(text, tocStart), strings.Index(text, tocEnd)
	if start < 0 || end < start {
		t.Fatalf("README.md has no %s … %s block", tocStart, tocEnd)
	}
	toc := text[start:end]
	var linked []string
	for _, m := range mdLink.FindAllStringSubmatch(toc, -1) {
		linked = append(linked, m[1])
	}
	pos := map[string]int{}
	for i, a := range linked {
		pos[a] = i
	}
	last := -1
	for _, h := range r.headings {
		if h.level != 2 {
			continue
		}
		a := anchorOf(anchors, h)
		i, ok := pos[a]
		if !ok {
			t.Errorf("README.md:%d: heading %q is not in the table of contents (#%s)", h.line, h.text, a)
			continue
		}
		if i < last {
			t.Errorf("README.md:%d: heading %q is out of order in the table of contents", h.line, h.text)
		}
		last = i
	}
	for n, line := range r.lines {
		line = codeSpan.ReplaceAllString(line, "")
		for _, m := range mdLink.FindAllStringSubmatch(line, -1) {
			if _, ok := anchors[m[1]]; !ok {
				t.Errorf("README.md:%d: link #%s leads to no heading", n+1, m[1])
			}
		}
	}
	if len(linked) == 0 {
		t.Error("the table of contents links nothing")
	}
}

// anchorOf is the id a heading got (after suffixes for repeats).
func anchorOf(anchors map[string]heading, h heading) string {
	for a, g := range anchors {
		if g == h {
			return a
		}
	}
	return ""
}

// Markers before a ```go block: "snippet: NAME" runs the block as a program and compares what it prints with the
// ```text block marked "output: NAME"; "snippet: fragment — REASON" says why a block is not run.
var (
	runnableMarker = regexp.MustCompile(`^snippet: ([a-z][a-z0-9-]*)$`)
	fragmentMarker = regexp.MustCompile(`^snippet: fragment\s*(?:—|-|:)\s*(\S.*)$`)
	outputMarker   = regexp.MustCompile(`^output: ([a-z][a-z0-9-]*)$`)
)

// sortBlocks sorts the README's Go blocks into programs to run (by name, with their expected output) and fragments,
// and returns a problem for a Go block without a marker, a fragment without a reason, a program without an output
// block.
func sortBlocks(r readme) (programs map[string]block, outputs map[string]string, fragments int, problems []string) {
	programs, outputs = map[string]block{}, map[string]string{}
	for _, b := range r.blocks {
		if m := outputMarker.FindStringSubmatch(b.marker); m != nil {
			outputs[m[1]] = b.body
		}
	}
	for _, b := range r.blocks {
		if b.lang != "go" {
			continue
		}
		switch m := runnableMarker.FindStringSubmatch(b.marker); {
		case fragmentMarker.MatchString(b.marker):
			fragments++
		case m != nil && m[1] != "fragment":
			if _, dup := programs[m[1]]; dup {
				problems = append(problems, fmt.Sprintf("README.md:%d: a second snippet named %q", b.line, m[1]))
			}
			programs[m[1]] = b
			if _, ok := outputs[m[1]]; !ok {
				problems = append(problems, fmt.Sprintf("README.md:%d: snippet %q has no ```text block marked "+
					"<!-- output: %s --> to compare with", b.line, m[1], m[1]))
			}
		default:
			problems = append(problems, fmt.Sprintf("README.md:%d: a ```go block must follow <!-- snippet: NAME --> "+
				"(run by readme_test.go) or <!-- snippet: fragment — why it is not run -->; it follows %q", b.line, b.marker))
		}
	}
	return programs, outputs, fragments, problems
}

// TestSnippets builds (and vets, and wants gofmt'd) every runnable Go snippet of the README as a program of one
// temporary module, with the package graphdocgen generates from docs-input/ as the quick start does (`generate
// --package graph`; out/ is the same code as package out), and runs each, comparing what it prints with the
// README's output block. One `go build` compiles them all.
func TestSnippets(t *testing.T) {
	r := readReadme(t)
	programs, outputs, fragments, problems := sortBlocks(r)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("%d Go blocks: %d run, %d fragments", len(programs)+fragments, len(programs), fragments)
	if len(programs) == 0 {
		t.Fatal("the README has no runnable Go snippet; the quick start should be one")
	}
	if t.Failed() {
		return
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not on PATH, so the README's snippets cannot be built: %v", err)
	}

	mod := t.TempDir()
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(mod, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/app\n\ngo 1.24\n")
	var stdout, stderr bytes.Buffer
	if code := cli.Run([]string{"generate", "--docs", "../docs-input", "--out", filepath.Join(mod, "graph"), "--package", "graph"},
		nil, &stdout, &stderr); code != 0 {
		t.Fatalf("generate exited %d: %s%s", code, stdout.String(), stderr.String())
	}
	for name, b := range programs {
		if formatted, err := format.Source([]byte(b.body)); err != nil || string(formatted) != b.body {
			t.Errorf("README.md:%d: snippet %q is not gofmt'd (%v)", b.line, name, err)
		}
		write(filepath.Join("cmd", name, "main.go"), b.body)
	}

	bin := filepath.Join(mod, "bin")
	env := append(os.Environ(), "GOTOOLCHAIN=local", "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	build := exec.Command(goBin, "build", "-o", bin+string(filepath.Separator), "./cmd/...")
	build.Dir, build.Env = mod, env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the README's snippets: %v\n%s", err, lineNumbers(out, programs))
	}
	vet := exec.Command(goBin, "vet", "./cmd/...")
	vet.Dir, vet.Env = mod, env
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet of the README's snippets: %v\n%s", err, lineNumbers(out, programs))
	}
	for name := range programs {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(filepath.Join(bin, name))
			cmd.Dir = mod
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("README.md:%d: snippet %q: %v\n%s", programs[name].line, name, err, out)
			}
			if got, want := string(out), outputs[name]; got != want {
				t.Errorf("README.md:%d: snippet %q printed\n%s\nthe README's output block says\n%s", programs[name].line, name, got, want)
			}
		})
	}
}

// lineNumbers turns cmd/NAME/main.go:L:C in the go command's output into README.md lines.
func lineNumbers(out []byte, programs map[string]block) string {
	re := regexp.MustCompile(`cmd/([a-z0-9-]+)/main\.go:(\d+)`)
	return re.ReplaceAllStringFunc(string(out), func(s string) string {
		m := re.FindStringSubmatch(s)
		var l int
		fmt.Sscan(m[2], &l)
		if b, ok := programs[m[1]]; ok {
			return fmt.Sprintf("README.md:%d (snippet %s line %d)", b.line+l, m[1], l)
		}
		return s
	})
}

// TestSnippetMarkers checks that sorting the blocks fails where it should: an unmarked Go block, a fragment with no
// reason, a program without output; and passes a marked fragment and a program with its output.
func TestSnippetMarkers(t *testing.T) {
	r := readme{blocks: []block{
		{line: 1, lang: "go"},
		{line: 5, lang: "go", marker: "snippet: fragment"},
		{line: 9, lang: "go", marker: "snippet: demo"},
		{line: 13, lang: "go", marker: "snippet: fragment — needs credentials"},
		{line: 17, lang: "go", marker: "snippet: hello"},
		{line: 21, lang: "text", marker: "output: hello", body: "hi\n"},
	}}
	programs, outputs, fragments, problems := sortBlocks(r)
	want := []string{"README.md:1:", "README.md:5:", "README.md:9:"}
	if len(problems) != len(want) {
		t.Fatalf("problems %q, want one each at %v", problems, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(problems[i], w) {
			t.Errorf("problem %d = %q, want it at %s", i, problems[i], w)
		}
	}
	if fragments != 1 || programs["hello"].line != 17 || outputs["hello"] != "hi\n" {
		t.Errorf("fragments %d, programs %v, outputs %q", fragments, programs, outputs)
	}
}

// declaredNames are the exported top-level names and method names that the Go files of dir declare.
func declaredNames(t *testing.T, dir string) map[string]bool {
	t.Helper()
	pkgs, err := parser.ParseDir(token.NewFileSet(), dir, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					names[d.Name.Name] = true
				case *ast.GenDecl:
					for _, s := range d.Specs {
						switch s := s.(type) {
						case *ast.TypeSpec:
							names[s.Name.Name] = true
						case *ast.ValueSpec:
							for _, n := range s.Names {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return names
}

// generatePackage runs graphdocgen generate on docs into a temporary folder and returns it.
func generatePackage(t *testing.T, docs string) string {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := cli.Run([]string{"generate", "--docs", docs, "--out", dir, "--package", "graph"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("generate --docs %s exited %d: %s%s", docs, code, stdout.String(), stderr.String())
	}
	return dir
}

// TestFragmentNames keeps the fragments' names current, since they are not compiled: each graph.Name and each
// method called on the client (c.Name) must be declared by the package generated from docs-input, or else by the
// one generated from the 2021 v1.0 corpus (../shared), which the fragments about user events and delta speak of.
func TestFragmentNames(t *testing.T) {
	r := readReadme(t)
	used := regexp.MustCompile(`\b(?:graph|c)\.([A-Z][A-Za-z0-9_]*)`)
	type use struct {
		line int
		name string
	}
	var uses []use
	for _, b := range r.blocks {
		if b.lang != "go" || !fragmentMarker.MatchString(b.marker) {
			continue
		}
		for i, l := range strings.Split(b.body, "\n") {
			for _, m := range used.FindAllStringSubmatch(l, -1) {
				uses = append(uses, use{b.line + 1 + i, m[1]})
			}
		}
	}
	if len(uses) == 0 {
		t.Fatal("no graph.Name or c.Method in the README's fragments: the pattern or the README changed")
	}
	// Fields and the client's own fields are not declarations of the package: c.Retry, c.BaseURL.
	clientFields := map[string]bool{"Retry": true, "BaseURL": true, "HTTPClient": true, "MaxResponseBytes": true}
	small := declaredNames(t, generatePackage(t, "../docs-input"))
	var missing []use
	for _, u := range uses {
		if !small[u.name] && !clientFields[u.name] {
			missing = append(missing, u)
		}
	}
	if len(missing) == 0 {
		t.Logf("%d names in fragments, all declared by the docs-input package", len(uses))
		return
	}
	corpus := filepath.Join("..", "..", "shared", "corpus", "graph-docs-2021", "v1.0")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("%d names of the fragments are not in the docs-input package and %s is absent to check them: %v", len(missing), corpus, err)
	}
	big := declaredNames(t, generatePackage(t, corpus))
	checked := 0
	for _, u := range missing {
		if !big[u.name] {
			t.Errorf("README.md:%d: %s is declared by neither the package generated from docs-input nor that from v1.0", u.line, u.name)
		}
		checked++
	}
	t.Logf("%d names in fragments: %d declared by the docs-input package, %d by the v1.0 one", len(uses), len(uses)-checked, checked)
}

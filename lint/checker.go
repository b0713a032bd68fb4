package lint

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// checker holds what the checks share: the model, lookups built once, and the findings so far.
type checker struct {
	m        *model.Model
	opts     Options
	findings []Finding

	texts       map[string]*pageText
	dirs        map[string]bool     // folders that hold pages: links into them can be checked
	lowerPaths  map[string]string   // lower-cased page path → path, for case-only link mismatches
	dirFiles    map[string][]string // folder → base names of its pages, for "did you mean"
	opsByPage   map[string][]*model.Operation
	typesByPage map[string][]*model.Type
	namespaces  map[string]bool // lower-cased namespaces the docs use
	// typesDocumented is set when the tree has resource or enum pages, so that a type reference that resolves
	// to nothing is a finding; a tree of method pages alone (a draft, a single page) cannot tell.
	typesDocumented bool
	anchors         map[string]map[string]bool // page path → anchors it defines
	suppress        map[string]*suppressions
	open            map[*model.Type]bool   // isOpen's answers
	lowerTypeNames  []string               // the names of m.Types in lower case, for suggestType
	typeMemo        map[string]*model.Type // m.Type's answers by the name as written
	// The typing pass (typing.go): each example's, each JSON object's type, each request body's, and the GET
	// operations by path.
	typings       map[*model.Example]*exampleTyping
	objectFacts   map[*model.Value]objectFact
	bodies        map[*model.Operation]bodyEvidence
	getPaths      map[string]getPath
	openWhy       map[*model.Type]string  // openEvidence's reasons
	unstatedBases map[[2]*model.Type]bool // (type, base) pairs reported by unstated-base-type
	// derived lists each type's direct derived types by its lower-cased full name: m.Derived scans every type,
	// and definedOnDerived asks for every member a type lacks.
	derived    map[string][]*model.Type
	claimHints map[*model.Value]string // typeClaimHint's answers, per object
	// extra are rules the parser reports that this linter does not know.
	extra map[string]*Rule
}

// rule finds a rule by id, the parser's unknown ones included.
func (c *checker) rule(id string) *Rule {
	if r := ruleByID[id]; r != nil {
		return r
	}
	return c.extra[id]
}

func newChecker(m *model.Model, opts Options) *checker {
	c := &checker{
		m: m, opts: opts,
		texts:         make(map[string]*pageText, len(m.Pages)),
		dirs:          map[string]bool{},
		lowerPaths:    make(map[string]string, len(m.Pages)),
		dirFiles:      map[string][]string{},
		opsByPage:     map[string][]*model.Operation{},
		typesByPage:   map[string][]*model.Type{},
		namespaces:    map[string]bool{"microsoft.graph": true},
		anchors:       map[string]map[string]bool{},
		suppress:      map[string]*suppressions{},
		extra:         map[string]*Rule{},
		open:          map[*model.Type]bool{},
		typings:       map[*model.Example]*exampleTyping{},
		objectFacts:   map[*model.Value]objectFact{},
		bodies:        map[*model.Operation]bodyEvidence{},
		openWhy:       map[*model.Type]string{},
		unstatedBases: map[[2]*model.Type]bool{},
	}
	for _, p := range m.Pages {
		d := path.Dir(p.Path)
		c.dirs[d] = true
		c.lowerPaths[strings.ToLower(p.Path)] = p.Path
		c.dirFiles[d] = append(c.dirFiles[d], path.Base(p.Path))
		if p.Kind == model.PageResource || p.Kind == model.PageEnum {
			c.typesDocumented = true
		}
		if p.Namespace != nil {
			if ns := strings.Trim(strings.TrimSpace(p.Namespace.Text), "`*."); ns != "" {
				c.namespaces[strings.ToLower(ns)] = true
			}
		}
	}
	for _, o := range m.Operations {
		c.opsByPage[o.Page] = append(c.opsByPage[o.Page], o)
	}
	c.derived = map[string][]*model.Type{}
	c.claimHints = map[*model.Value]string{}
	for _, t := range m.Types {
		if t.BaseType != "" {
			k := strings.ToLower(t.BaseType)
			c.derived[k] = append(c.derived[k], t)
		}
		c.typesByPage[t.Page] = append(c.typesByPage[t.Page], t)
		c.namespaces[strings.ToLower(t.Namespace)] = true
	}
	return c
}

// derivedOf is m.Derived from the index built once.
func (c *checker) derivedOf(t *model.Type) []*model.Type {
	return c.derived[strings.ToLower(t.FullName())]
}

// typ is m.Type, remembering its answers: examples ask for the same few names again and again.
func (c *checker) typ(name string) *model.Type {
	if t, ok := c.typeMemo[name]; ok {
		return t
	}
	if c.typeMemo == nil {
		c.typeMemo = map[string]*model.Type{}
	}
	t := c.m.Type(name)
	c.typeMemo[name] = t
	return t
}

// report records a finding; sev "" means the rule's default severity.
func (c *checker) report(pos model.Pos, rule string, sev model.Severity, format string, args ...any) {
	if c.rule(rule) == nil {
		panic("lint: unregistered rule " + rule)
	}
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	c.findings = append(c.findings, Finding{Pos: pos, Severity: sev, Rule: rule, Message: msg})
}

// text returns the page's text, split and classified once.
func (c *checker) text(p *model.Page) *pageText {
	if pt := c.texts[p.Path]; pt != nil {
		return pt
	}
	pt := newPageText(p)
	c.texts[p.Path] = pt
	return pt
}

// textOf returns the text of the page at path, or nil.
func (c *checker) textOf(file string) *pageText {
	if p := c.m.Page(file); p != nil {
		return c.text(p)
	}
	return nil
}

// fileExists reports whether a file exists in the docs tree: a page of the model, or a file of opts.FS.
func (c *checker) fileExists(p string) bool {
	if c.m.Page(p) != nil {
		return true
	}
	if c.opts.FS != nil {
		if _, err := fs.Stat(c.opts.FS, p); err == nil {
			return true
		}
	}
	return false
}

// dirInTree reports whether folder d is part of the linted tree.
func (c *checker) dirInTree(d string) bool {
	if c.dirs[d] {
		return true
	}
	if c.opts.FS != nil && d != "." && !strings.HasPrefix(d, "../") {
		if st, err := fs.Stat(c.opts.FS, d); err == nil && st.IsDir() {
			return true
		}
	}
	return false
}

// pageText is a page split into lines, with what each line is: front matter, inside a fenced code block, or
// (part) HTML comment.
type pageText struct {
	page  *model.Page
	lines []string
	// visible is the line with HTML comments blanked out (same length, so byte offsets hold); nil entries mean
	// the line has no comment.
	visible []string
	inFence []bool // the line is a fence line or inside a fenced code block
	// fenceEnd maps the line of each opening fence to the line of its closing fence (the last line when the
	// block is never closed).
	fenceEnd map[int]int
	fmEnd    int   // the last line of YAML front matter; 0 when none
	starts   []int // byte offset of each line in the page's source, for fixes (lineStart)
}

func newPageText(p *model.Page) *pageText {
	src := string(p.Source)
	n := strings.Count(src, "\n") + 1
	pt := &pageText{page: p, lines: make([]string, 0, n)}
	for len(src) > 0 || len(pt.lines) == 0 {
		i := strings.IndexByte(src, '\n')
		var l string
		if i < 0 {
			l, src = src, ""
		} else {
			l, src = src[:i], src[i+1:]
		}
		pt.lines = append(pt.lines, strings.TrimSuffix(l, "\r"))
		if i < 0 {
			break
		}
	}
	pt.inFence = make([]bool, len(pt.lines))
	pt.visible = make([]string, len(pt.lines))
	if p.FrontMatter.Form == model.FrontMatterYAML && len(pt.lines) > 0 && strings.TrimSpace(strings.TrimPrefix(pt.lines[0], "\ufeff")) == "---" {
		for i := 1; i < len(pt.lines); i++ {
			if t := strings.TrimSpace(pt.lines[i]); t == "---" || t == "..." {
				pt.fmEnd = i + 1
				break
			}
		}
	}
	pt.fenceEnd = map[int]int{}
	var fence string // the open fence's marker, "" outside code
	open := 0
	inComment := false
	for i := pt.fmEnd; i < len(pt.lines); i++ {
		l := pt.lines[i]
		if fence != "" {
			pt.inFence[i] = true
			if t := strings.TrimSpace(l); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				pt.fenceEnd[open] = i + 1
			}
			continue
		}
		if !inComment {
			if f := fenceMarker(l); f != "" {
				fence, open = f, i+1
				pt.fenceEnd[open] = len(pt.lines)
				pt.inFence[i] = true
				continue
			}
		}
		if !inComment && !strings.Contains(l, "<!--") {
			continue
		}
		// Blank the comment parts of the line.
		b := []byte(l)
		j := 0
		for j < len(b) {
			if inComment {
				end := strings.Index(l[j:], "-->")
				stop := len(b)
				if end >= 0 {
					stop = j + end + 3
					inComment = false
				}
				for k := j; k < stop; k++ {
					b[k] = ' '
				}
				j = stop
				continue
			}
			start := strings.Index(l[j:], "<!--")
			if start < 0 {
				break
			}
			j += start
			inComment = true
		}
		pt.visible[i] = string(b)
	}
	return pt
}

// fenceMarker returns the fence a line opens ("```" or "~~~", as long as written), or "".
func fenceMarker(l string) string {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || len(t) < 3 {
		return ""
	}
	ch := t[0]
	if ch != '`' && ch != '~' {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == ch {
		n++
	}
	if n < 3 || ch == '`' && strings.Contains(t[n:], "`") {
		return ""
	}
	return t[:n]
}

// line returns 1-based line n, or "".
func (pt *pageText) line(n int) string {
	if n < 1 || n > len(pt.lines) {
		return ""
	}
	return pt.lines[n-1]
}

// prose returns 1-based line n with HTML comments blanked.
func (pt *pageText) prose(n int) string {
	if n < 1 || n > len(pt.lines) {
		return ""
	}
	if v := pt.visible[n-1]; v != "" {
		return v
	}
	return pt.lines[n-1]
}

// pos returns the position of byte offset off on 1-based line n, with the column counted in characters.
func (pt *pageText) pos(n, off int) model.Pos {
	l := pt.line(n)
	if off > len(l) {
		off = len(l)
	}
	return model.Pos{File: pt.page.Path, Line: n, Col: utf8.RuneCountInString(l[:max(off, 0)]) + 1}
}

// find returns the position of s on line n at or after column col (1-based characters), or the line's start
// when s is not there.
func (pt *pageText) find(n int, s string, fromCol int) model.Pos {
	l := pt.line(n)
	from := byteOffset(l, fromCol)
	if i := strings.Index(l[from:], s); i >= 0 && s != "" {
		return pt.pos(n, from+i)
	}
	if i := strings.Index(strings.ToLower(l[from:]), strings.ToLower(s)); i >= 0 && s != "" {
		return pt.pos(n, from+i)
	}
	col := fromCol
	if col < 1 {
		col = 1
	}
	return model.Pos{File: pt.page.Path, Line: n, Col: col}
}

// byteOffset converts a 1-based character column of l to a byte offset.
func byteOffset(l string, col int) int {
	if col <= 1 {
		return 0
	}
	n := 1
	for i := range l {
		if n == col {
			return i
		}
		n++
	}
	return len(l)
}

// sectionLines returns the first and last line of the section whose heading is h: up to the next heading of
// the same or a higher level.
func sectionLines(p *model.Page, nLines int, h model.Heading) (from, to int) {
	from, to = h.Pos.Line, nLines
	found := false
	for _, x := range p.Headings {
		if x.Pos.Line == h.Pos.Line {
			found = true
			continue
		}
		if found && x.Level <= h.Level && x.Pos.Line > h.Pos.Line {
			return from, x.Pos.Line - 1
		}
	}
	return from, to
}

// closest returns the candidate nearest to s by edit distance (ignoring case), when fewer than limit edits
// away and not s itself; the first of equally near candidates wins.
func closest(s string, candidates []string, limit int) string {
	best, bestD := "", limit
	ls := strings.ToLower(s)
	for _, cand := range candidates {
		if cand == s {
			continue
		}
		if d := editDistance(ls, strings.ToLower(cand), bestD); d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// didYouMean formats a suggestion, or "".
func didYouMean(s string) string {
	if s == "" {
		return ""
	}
	return "; did you mean " + s + "?"
}

func isIntune(file string) bool { return strings.HasPrefix(path.Base(file), "intune-") }

// shortName returns the part of a qualified name after the last dot.
func shortName(full string) string {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[i+1:]
	}
	return full
}

// namespaceOf returns the part of a qualified name before the last dot.
func namespaceOf(full string) string {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[:i]
	}
	return ""
}

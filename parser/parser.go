// Package parser reads API reference pages written in the Microsoft Graph docs convention into a model.Model.
//
// Pages are independent, so they are read in parallel (one goldmark parse and one pass over its blocks each);
// references between pages — property types, base types, response types, links — are resolved afterwards.
// Nothing in a page stops the read: what cannot be understood becomes a diagnostic at its position.
package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/workers"
	"github.com/graphdocgen/graphdocgen/model"
)

// Options control which files are read and how.
type Options struct {
	// Include are glob patterns (path.Match on the slash path relative to the root, or on the base name) of
	// files to read; default "*.md".
	Include []string
	// Exclude are glob patterns of files to skip, matched the same way.
	Exclude []string
	// Workers is the number of pages read at once; 0 means GOMAXPROCS.
	Workers int
	// GCPercent is the garbage collector's percentage (runtime/debug.SetGCPercent) while ParseFS and ParseDir
	// read pages: 0 means 200, which reads the corpus with half as many collections for about 40% more peak
	// memory; a negative value leaves the process's setting alone. A process setting that is higher, or off, is
	// kept.
	GCPercent int
	// MaxPageBytes is the size limit of one page: a larger file is not read but reported (rule unreadable-page).
	// 0 means DefaultMaxPageBytes; a negative value, no limit.
	MaxPageBytes int64
	// FollowSymlinks lets ParseDir read through symbolic links that lead outside the docs root; by default such
	// files are reported (rule unreadable-page) and not read. Links inside the root are always followed.
	FollowSymlinks bool
}

// UnreadablePage is the rule of the diagnostic for a file that matches the globs but is not read: not a regular
// file (a named pipe, a device, a socket), over Options.MaxPageBytes, behind a symbolic link that leaves the
// docs root, or failing to read.
const UnreadablePage = "unreadable-page"

func (o Options) maxPageBytes() int64 {
	switch {
	case o.MaxPageBytes == 0:
		return DefaultMaxPageBytes
	case o.MaxPageBytes < 0:
		return -1
	}
	return o.MaxPageBytes
}

// ErrNoPages is returned when the docs root holds no file to read.
var ErrNoPages = errors.New("no pages to read")

// ParseDir reads every page under root (see DocsFS for the symbolic links it follows). root may also be a
// single page; it must be a folder or a regular file.
func ParseDir(root string, opts Options) (*model.Model, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("docs: %w", err)
	}
	switch {
	case st.IsDir():
		return ParseFS(DocsFS(root, opts.FollowSymlinks), opts)
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("docs: %s is %s, not a folder or a page", root, DescribeMode(st.Mode()))
	}
	dir, name := filepath.Split(root)
	if dir == "" {
		dir = "."
	}
	src, err := readRegular(DocsFS(dir, true), name, opts.maxPageBytes())
	if err != nil {
		return nil, fmt.Errorf("docs: %s: %w", root, unwrapPath(err))
	}
	return ParsePages(map[string][]byte{path.Base(root): src}, nil), nil
}

// ParseFS reads every matching page of fsys. A matching file that is not a regular file, or is larger than
// Options.MaxPageBytes, or cannot be read, is not read and becomes a diagnostic (UnreadablePage) at its path;
// the other pages are read.
func ParseFS(fsys fs.FS, opts Options) (*model.Model, error) {
	files, err := ListPages(fsys, opts)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ErrNoPages
	}
	return parseFiles(fsys, files, opts)
}

// ListPages returns the slash paths of the files ParseFS would read, sorted.
func ListPages(fsys fs.FS, opts Options) ([]string, error) {
	include := opts.Include
	if len(include) == 0 {
		include = []string{"*.md"}
	}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if matchAny(include, p) && !matchAny(opts.Exclude, p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("docs: %w", err)
	}
	sort.Strings(files)
	return files, nil
}

func matchAny(patterns []string, p string) bool {
	for _, pat := range patterns {
		if ok, _ := path.Match(pat, p); ok {
			return true
		}
		if ok, _ := path.Match(pat, path.Base(p)); ok {
			return true
		}
		// "dir/**" matches everything below dir.
		if prefix, ok := strings.CutSuffix(pat, "/**"); ok && strings.HasPrefix(p, prefix+"/") {
			return true
		}
	}
	return false
}

func parseFiles(fsys fs.FS, files []string, opts Options) (*model.Model, error) {
	nWorkers := opts.Workers
	if nWorkers <= 0 {
		nWorkers = runtime.GOMAXPROCS(0)
	}
	gcPercent := opts.GCPercent
	if gcPercent == 0 {
		gcPercent = defaultReadGCPercent
	}
	defer raiseGCPercent(gcPercent)()
	limit := opts.maxPageBytes()
	results := make([]*pageResult, len(files))
	errs := make([]error, len(files))
	scratches := make([]pageScratch, nWorkers) // one per worker, reused from page to page
	workers.Each(nWorkers, len(files), func(w, i int) {
		src, err := readRegular(fsys, files[i], limit)
		if err != nil {
			errs[i] = err
			return
		}
		results[i] = scratches[w].readPage(files[i], src)
	})
	// A file that cannot be read is reported where it is; the rest of the tree is read.
	var unreadable []model.Diagnostic
	kept := results[:0]
	for i, res := range results {
		if errs[i] != nil {
			unreadable = append(unreadable, model.Diagnostic{Pos: model.Pos{File: files[i], Line: 1}, Severity: model.SeverityError,
				Rule: UnreadablePage, Message: "not read: " + unwrapPath(errs[i]).Error()})
			continue
		}
		kept = append(kept, res)
	}
	m := resolve(kept, boundedFS{fsys, limit})
	if len(unreadable) > 0 {
		m.Diagnostics = append(m.Diagnostics, unreadable...)
		model.SortDiagnostics(m.Diagnostics)
	}
	return m, nil
}

// ParsePages reads pages given as path → content, as if they were files under one root.
func ParsePages(pages map[string][]byte, fsys fs.FS) *model.Model {
	paths := make([]string, 0, len(pages))
	for p := range pages {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	results := make([]*pageResult, len(paths))
	scratch := &pageScratch{}
	for i, p := range paths {
		results[i] = scratch.readPage(p, pages[p])
	}
	return resolve(results, fsys)
}

// pageResult is what one page yields before cross-page resolution.
type pageResult struct {
	page  *model.Page
	types []*model.Type
	ops   []*model.Operation
	diags []model.Diagnostic
	// baseHints are base types suggested by "Inherited from [x]" rows, for types with no stated base.
	baseHints map[*model.Type][]string
	// hasMethods marks types whose page lists methods: only entities are addressable.
	hasMethods map[*model.Type]bool
}

// pageReader holds the state of reading one page.
type pageReader struct {
	*pageScratch
	path   string
	src    []byte
	lines  lineIndex
	page   *model.Page
	blocks []*block
	heads  [7]*block
	refs   map[string]string // reference-style link definitions, lower-case label → target
	res    *pageResult
	base   int // byte offset of the markdown after the front matter
}

// pageScratch is memory that one worker's page reads reuse from page to page. What it holds does not outlive
// the page, except the rest of the JSON slabs, which the next pages take from.
type pageScratch struct {
	blocks       reused[block]
	blockList    []*block // the room of pageReader.blocks
	nodes        goldmarkNodes
	lineStarts   []int
	exampleLines []int // line starts of the code block readExampleBlock reads
	json         jsonMemory
	lowBuf       []byte // scratch space of lower
	linkIndex    lineBrackets
}

// newBlock stores b and returns where. Blocks are reused page after page: a page's blocks are read only while
// the page is.
func (s *pageScratch) newBlock(b block) *block {
	at := s.blocks.next()
	*at = b
	return at
}

func (p *pageReader) pos(line, col int) model.Pos {
	return model.Pos{File: p.path, Line: line, Col: col}
}

func (p *pageReader) diag(line, col int, sev model.Severity, rule, msg string) {
	p.res.diags = append(p.res.diags, model.Diagnostic{Pos: p.pos(line, col), Severity: sev, Rule: rule, Message: msg})
}

func (p *pageReader) diagAt(pos model.Pos, sev model.Severity, rule, msg string) {
	p.res.diags = append(p.res.diags, model.Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: msg})
}

// readRefDefs collects reference-style link definitions: "[label]: target" at the start of a line.
func (p *pageReader) readRefDefs() {
	for n := p.lines.lineOf(p.base); n <= p.lines.count(); n++ {
		l := p.lines.line(n)
		t := strings.TrimLeft(l, " \t")
		if len(l)-len(t) > 3 || !strings.HasPrefix(t, "[") {
			continue
		}
		end := strings.Index(t, "]:")
		if end < 2 || strings.ContainsAny(t[1:end], "[]") {
			continue
		}
		target := strings.TrimSpace(t[end+2:])
		if i := strings.IndexAny(target, " \t"); i >= 0 {
			target = target[:i]
		}
		target = strings.Trim(target, "<>")
		if target == "" {
			continue
		}
		if p.refs == nil {
			p.refs = map[string]string{}
		}
		p.refs[strings.ToLower(t[1:end])] = target
	}
}

// readPage reads one page. It never fails: problems become diagnostics.
func readPage(file string, src []byte) *pageResult {
	return (&pageScratch{}).readPage(file, src)
}

// readPage reads one page with the worker's scratch memory.
func (s *pageScratch) readPage(file string, src []byte) (res *pageResult) {
	res = &pageResult{}
	src, faults := cleanText(src)
	s.blocks.reset()
	s.nodes.reset()
	p := &pageReader{pageScratch: s, path: file, src: src, res: res, blocks: s.blockList[:0]}
	defer func() { s.blockList = p.blocks[:0] }()
	p.lines = newLineIndex(src, s.lineStarts[:0])
	s.lineStarts = p.lines.starts
	p.page = &model.Page{Path: file, Source: src, Kind: model.PageUnknown}
	res.page = p.page
	defer func() {
		// A page must never take the whole run down; report where it happened instead.
		if r := recover(); r != nil {
			p.diag(1, 0, model.SeverityError, "internal", fmt.Sprintf("graphdocgen could not read this page (please report): %v", r))
		}
	}()

	p.reportTextFaults(faults)
	mdStart := p.readFrontMatter()
	// goldmark reads what follows the front matter; p.base maps its offsets back to the page.
	md := src[mdStart:]
	p.base = mdStart
	if bytes.Contains(md, []byte("]:")) {
		p.readRefDefs()
	}
	p.readMarkdown(md)
	if p.degraded() {
		p.page.Degraded = true
		p.blocks = nil
		p.heads = [7]*block{}
		p.page.Tables, p.page.Annotations = nil, nil
		p.readPlainText(mdStart)
	}
	if bytes.Contains(src, []byte("[!INCLUDE ")) && len(p.page.Includes) == 0 || p.page.Degraded {
		p.collectScrapedIncludes()
	}
	p.readOutline()
	p.classify()
	switch p.page.Kind {
	case model.PageResource:
		p.readResource()
	case model.PageEnum:
		p.readEnumPage()
	case model.PageAPI:
		p.readMethodPage()
	}
	p.readEnumTables()
	for _, t := range res.types {
		p.page.Types = append(p.page.Types, t.FullName())
	}
	for _, o := range res.ops {
		p.page.Operations = append(p.page.Operations, o.ID)
	}
	return res
}

// degraded reports whether the page lost its markdown structure (a scrape): no section headings and no fences,
// yet lines that belong on an API page — a request or status line, or a section title standing alone.
func (p *pageReader) degraded() bool {
	for _, b := range p.blocks {
		// An indented code block (content on its first line) is no sign of markdown: a scrape keeps the
		// indentation of JSON members, four spaces deep after a blank line.
		if b.kind == blockHeading && b.level >= 2 || b.kind == blockCode && b.contentLine != b.line {
			return false
		}
	}
	for n := 1; n <= p.lines.count(); n++ {
		l := strings.TrimSpace(p.lines.line(n))
		if l == "" || l[0] == '|' {
			continue
		}
		if _, target, ok := requestLine(l); ok && (strings.HasPrefix(target, "/") || strings.HasPrefix(target, "http")) {
			return true
		}
		if isStatusLine(l) {
			return true
		}
		if len(l) < 40 && classifySection(l) != sectionOther && !strings.HasSuffix(l, ".") {
			return true
		}
	}
	return false
}

// readOutline records headings, the H1 and the "Namespace:" line, and code blocks.
func (p *pageReader) readOutline() {
	headings, codeBlocks := 0, 0
	for _, b := range p.blocks {
		switch {
		case b.kind == blockHeading && !b.synthetic:
			headings++
		case b.kind == blockCode:
			codeBlocks++
		}
	}
	if headings > 0 {
		p.page.Headings = make([]model.Heading, 0, headings)
	}
	if codeBlocks > 0 {
		p.page.CodeBlocks = make([]model.CodeBlock, 0, codeBlocks)
	}
	for _, b := range p.blocks {
		switch b.kind {
		case blockHeading:
			if b.synthetic {
				continue
			}
			p.page.Headings = append(p.page.Headings, model.Heading{Level: b.level, Text: b.text, Anchor: anchorOf(b.text), Pos: p.pos(b.line, 1)})
			if b.level == 1 && p.page.H1 == nil {
				p.page.H1 = &model.Text{Text: b.text, Pos: p.pos(b.line, 1)}
			}
		case blockParagraph:
			if p.page.Namespace == nil {
				for i, rest := 0, b.text; rest != ""; i++ {
					l, next, _ := strings.Cut(rest, "\n")
					t := strings.TrimSpace(stripEmphasis(l))
					if ns, ok := strings.CutPrefix(t, "Namespace:"); ok {
						p.page.Namespace = &model.Text{Text: strings.TrimSpace(ns), Pos: p.pos(b.line+i, 1)}
						break
					}
					rest = next
				}
			}
		case blockCode:
			sec := ""
			if s := b.section(); s != nil {
				sec = s.text
			}
			p.page.CodeBlocks = append(p.page.CodeBlocks, model.CodeBlock{
				Pos: p.pos(b.line, 1), Info: b.info, Lines: strings.Count(b.text, "\n") + boolInt(b.text != "" && !strings.HasSuffix(b.text, "\n")),
				Blank: strings.TrimSpace(b.text) == "", Section: sec, HasAnnot: p.annotationFor(b) != nil,
			})
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// classify decides the page kind from doc_type, checked against the content: a page whose doc_type says one
// kind while its title and sections plainly say another is read as what it is, and the mismatch reported.
func (p *pageReader) classify() {
	var buf [32]byte
	dt := string(bytes.TrimRight(model.AppendLower(buf[:0], strings.TrimSpace(p.page.DocType)), "_ "))
	declared := model.PageUnknown
	switch dt {
	case "resourcepagetype":
		declared = model.PageResource
	case "enumpagetype":
		declared = model.PageEnum
	case "apipagetype":
		declared = model.PageAPI
	case "conceptualpagetype", "conceptual", "overview":
		declared = model.PageConceptual
	}
	content := p.contentKind()
	kind := declared
	switch {
	case declared == model.PageUnknown:
		kind = content
	case content != model.PageUnknown && content != declared && declared != model.PageConceptual && p.strongContent(content):
		kind = content
		if f, ok := p.page.FrontMatter.Get("doc_type"); ok {
			p.diagAt(f.Pos, model.SeverityWarning, "doc-type", fmt.Sprintf("doc_type is %s but the page is a %s page; write doc_type: %s", p.page.DocType, content, docTypeFor(content)))
		}
	}
	if kind == model.PageUnknown {
		switch {
		case strings.HasPrefix(p.path, "includes/") || strings.Contains(p.path, "/includes/"):
			kind = model.PageInclude
		case strings.Contains("/"+p.path, "/api/"):
			kind = model.PageAPI
		case strings.Contains("/"+p.path, "/resources/"):
			kind = model.PageResource
		}
	}
	p.page.Kind = kind
}

func docTypeFor(k model.PageKind) string {
	switch k {
	case model.PageResource:
		return "resourcePageType"
	case model.PageEnum:
		return "enumPageType"
	case model.PageAPI:
		return "apiPageType"
	}
	return "conceptualPageType"
}

// contentKind says what the title and sections show the page to be.
func (p *pageReader) contentKind() model.PageKind {
	h1 := ""
	if p.page.H1 != nil {
		h1 = p.lower(p.page.H1.Text)
	}
	switch {
	case strings.HasSuffix(h1, " enum type") || strings.HasSuffix(h1, " enumeration type"):
		return model.PageEnum
	case strings.HasSuffix(h1, " resource type") || strings.HasSuffix(h1, " complex type") || strings.HasSuffix(h1, " entity type"):
		return model.PageResource
	case p.hasSection(sectionHTTPRequest) || p.hasRequestLine():
		return model.PageAPI
	case p.hasAnnotation("resource"):
		return model.PageResource
	case p.hasSection(sectionMembers):
		return model.PageEnum
	}
	return model.PageUnknown
}

// strongContent reports whether the content evidence for kind k outweighs a doc_type: a resource page has a
// resource annotation or a Properties section and no HTTP request section; an API page has request lines.
func (p *pageReader) strongContent(k model.PageKind) bool {
	switch k {
	case model.PageResource:
		return (p.hasAnnotation("resource") || p.hasSection(sectionProperties)) && !p.hasSection(sectionHTTPRequest)
	case model.PageEnum:
		return p.hasSection(sectionMembers) && !p.hasSection(sectionHTTPRequest)
	case model.PageAPI:
		return p.hasSection(sectionHTTPRequest) && !p.hasAnnotation("resource")
	}
	return false
}

func (p *pageReader) hasSection(k sectionKind) bool {
	for _, b := range p.blocks {
		if b.kind == blockHeading && b.sec == k {
			return true
		}
	}
	return false
}

func (p *pageReader) hasAnnotation(blockType string) bool {
	for _, a := range p.page.Annotations {
		if strings.EqualFold(a.BlockType, blockType) {
			return true
		}
	}
	return false
}

func (p *pageReader) hasRequestLine() bool {
	for _, b := range p.blocks {
		if b.kind == blockCode {
			if _, _, ok := requestLine(firstLine(b.text)); ok {
				return true
			}
		}
	}
	return false
}

// annotationFor returns the annotation that belongs to code block b: the nearest annotation comment before it,
// with nothing but tab markers and paragraphs of prose in between and no other code block.
func (p *pageReader) annotationFor(b *block) *model.Annotation {
	idx := b.idx
	for i := idx - 1; i >= 0 && i >= idx-4; i-- {
		x := p.blocks[i]
		switch x.kind {
		case blockComment:
			if x.annotation != nil {
				return x.annotation
			}
		case blockCode, blockTable:
			return nil
		case blockHeading:
			if x.level <= 2 {
				return nil
			}
		}
	}
	return nil
}

func firstLine(s string) string {
	s = strings.TrimLeft(s, " \t\r\n")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

package lint

import (
	"fmt"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// Fix is the one mechanical change that resolves a finding, attached by the rule that made the finding when the
// message states exactly one replacement. Its edits are byte spans of the page as read (model.Page.Source).
type Fix struct {
	// Description says what the fix does, in the message's words ("write HTTP/1.1 201 Created").
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
	// Reads are the spans the fix was computed from (a Content-Length from its body): when another fix edits
	// them, this one is left for the next round, which computes it again from the edited text.
	Reads []Edit `json:"reads,omitempty"`
}

// Edit replaces the bytes [Start, End) of a page with New. Start == End inserts.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// overlaps reports whether e and o touch the same bytes; two insertions at one place overlap too, since their
// order would be a guess.
func (e Edit) overlaps(o Edit) bool {
	if e.Start == o.Start {
		return true
	}
	return e.Start < o.End && o.Start < e.End
}

// ApplyFixes applies fixes to src, a page's bytes as read, and returns the new bytes and which fixes were applied.
// A fix is applied whole or not at all: one with an edit out of range or overlapping an edit of an earlier fix
// (in the order of their first edits), or whose Reads another applied fix edits, is left out, and its finding
// stays. Bytes outside the edited spans are
// copied as they are, so line endings, a byte order mark and a missing final newline are kept.
func ApplyFixes(src []byte, fixes []*Fix) (out []byte, applied []bool) {
	applied = make([]bool, len(fixes))
	order := make([]int, 0, len(fixes))
	for i, f := range fixes {
		if f != nil && len(f.Edits) > 0 {
			order = append(order, i)
		}
	}
	first := func(f *Fix) int {
		m := f.Edits[0].Start
		for _, e := range f.Edits[1:] {
			m = min(m, e.Start)
		}
		return m
	}
	// Fixes that read other text come last, so that the fixes of that text win.
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := fixes[order[a]], fixes[order[b]]
		if (len(fa.Reads) > 0) != (len(fb.Reads) > 0) {
			return len(fb.Reads) > 0
		}
		return first(fa) < first(fb)
	})
	var taken []Edit
	for _, i := range order {
		ok := true
		for j, e := range fixes[i].Edits {
			if e.Start < 0 || e.End < e.Start || e.End > len(src) {
				ok = false
			}
			for _, t := range taken {
				ok = ok && !e.overlaps(t)
			}
			for _, o := range fixes[i].Edits[:j] {
				ok = ok && !e.overlaps(o)
			}
		}
		for _, r := range fixes[i].Reads {
			for _, t := range taken {
				ok = ok && !(t.Start < r.End && r.Start < t.End || t.Start == t.End && r.Start <= t.Start && t.Start <= r.End)
			}
		}
		if !ok {
			continue
		}
		applied[i] = true
		taken = append(taken, fixes[i].Edits...)
	}
	if len(taken) == 0 {
		return src, applied
	}
	sort.Slice(taken, func(a, b int) bool { return taken[a].Start < taken[b].Start })
	out = make([]byte, 0, len(src)+64)
	at := 0
	for _, e := range taken {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, src[at:]...), applied
}

func init() {
	for _, r := range allRules {
		r.Fix = fixingRules[r.ID]
	}
}

// fixingRules are the rules that attach fixes; TestFixByInjection checks each one's fixes on corpus pages.
// property-case is not among them: either side of a case clash may be the wrong one (its hint gives both).
var fixingRules = map[string]bool{
	"status-line": true, "reason-phrase": true, "content-length": true, "json-syntax": true, "http-blank-line": true,
	"link-case": true, "malformed-link": true, "permissions-header": true, "odata-type": true,
	"doc-type": true,
}

// lineStart returns the byte offset in the page's source of the start of 1-based line n.
func (pt *pageText) lineStart(n int) int {
	if pt.starts == nil {
		src := pt.page.Source
		pt.starts = []int{0}
		for i, b := range src {
			if b == '\n' {
				pt.starts = append(pt.starts, i+1)
			}
		}
	}
	if n < 1 || n > len(pt.starts) {
		return -1
	}
	return pt.starts[n-1]
}

// replaceOn returns the edit that writes repl in place of old on line n: its first occurrence at or after
// character column fromCol, or its only occurrence on the line. ok is false when old is not there as written.
func (pt *pageText) replaceOn(n, fromCol int, old, repl string) (e Edit, ok bool) {
	l, start := pt.line(n), pt.lineStart(n)
	if old == "" || start < 0 {
		return Edit{}, false
	}
	i := strings.Index(l[byteOffset(l, fromCol):], old)
	if i >= 0 {
		i += byteOffset(l, fromCol)
	} else if strings.Count(l, old) == 1 {
		i = strings.Index(l, old)
	} else {
		return Edit{}, false
	}
	return Edit{Start: start + i, End: start + i + len(old), New: repl}, true
}

// fixLast attaches a fix to the finding just reported.
func (c *checker) fixLast(desc string, edits ...Edit) {
	if len(edits) == 0 || len(c.findings) == 0 {
		return
	}
	c.findings[len(c.findings)-1].Fix = &Fix{Description: desc, Edits: edits}
}

// fixReplace attaches to the finding just reported the fix that writes repl in place of old on line n (see
// replaceOn); no fix when old is not on the line as written.
func (c *checker) fixReplace(pt *pageText, n, fromCol int, old, repl string) {
	if e, ok := pt.replaceOn(n, fromCol, old, repl); ok && old != repl {
		c.fixLast("write "+repl, e)
	}
}

// fixStatusLine attaches the fix that writes a response example's status line in the canonical form: HTTP/1.1
// for a malformed line, or the line's own version (keepVersion, for a reason phrase), and the code's standard
// reason phrase. There is none when the code is unknown, or the phrase written is another code's (which of the
// two was meant is a guess).
func (c *checker) fixStatusLine(pt *pageText, at model.Pos, ex *model.Example, keepVersion bool) {
	canon, version := http.StatusText(ex.Status), "HTTP/1.1"
	if keepVersion {
		if !canonicalStatusLine.MatchString(ex.StatusLine) {
			return // status-line's fix writes the whole line
		}
		version = strings.Fields(ex.StatusLine)[0]
	}
	if canon == "" || reasonOfOtherCode(ex.Status, ex.Reason) {
		return
	}
	c.fixReplace(pt, at.Line, at.Col, strings.TrimSpace(ex.StatusLine), fmt.Sprintf("%s %d %s", version, ex.Status, canon))
}

// reasonOfOtherCode reports whether phrase is the reason phrase of another status code than code: "200 Created"
// is 200 OK or 201 Created.
func reasonOfOtherCode(code int, phrase string) bool {
	for other := 100; other < 600; other++ {
		if other != code && http.StatusText(other) != "" && strings.EqualFold(http.StatusText(other), strings.TrimSpace(phrase)) {
			return true
		}
	}
	return false
}

// removeLine returns the edit that removes 1-based line n, line ending included, when it is blank.
func (pt *pageText) removeLine(n int) []Edit {
	start, next := pt.lineStart(n), pt.lineStart(n+1)
	if start < 0 || next < 0 || strings.TrimSpace(pt.line(n)) != "" {
		return nil
	}
	return []Edit{{Start: start, End: next}}
}

// insertLineBefore returns the edit that inserts a blank line before 1-based line n, ended as the line before it is.
func (pt *pageText) insertLineBefore(n int) []Edit {
	start := pt.lineStart(n)
	if start < 1 {
		return nil
	}
	eol := "\n"
	if start >= 2 && pt.page.Source[start-2] == '\r' {
		eol = "\r\n"
	}
	return []Edit{{Start: start, End: start, New: eol}}
}

// removeByte returns the edit that removes the byte at 1-based line n, character column col, when it is b.
func (pt *pageText) removeByte(n, col int, b byte) []Edit {
	start := pt.lineStart(n)
	l := pt.line(n)
	off := byteOffset(l, col)
	if start < 0 || off >= len(l) || l[off] != b {
		return nil
	}
	return []Edit{{Start: start + off, End: start + off + 1}}
}

// fixLinkFile attaches the fix that writes a link's file part as fix, when fix names a file of the tree and the
// file part is written as read (no %-escapes, which the check reads through).
func (c *checker) fixLinkFile(pt *pageText, at model.Pos, target, file, fix string) {
	written := target
	if i := strings.IndexAny(written, "#?"); i >= 0 {
		written = written[:i]
	}
	resolved := path.Join(path.Dir(pt.page.Path), fix)
	if fix == "" || written != file || strings.HasPrefix(resolved, "../") || !c.fileExists(resolved) {
		return
	}
	if path.Clean(path.Dir(written)) == path.Clean(path.Dir(fix)) {
		fix = strings.TrimSuffix(written, path.Base(written)) + path.Base(fix) // keep "./" as written
	}
	c.fixReplace(pt, at.Line, at.Col, target, fix+target[len(written):])
}

// jsonString is s as a JSON string literal, as an example writes a plain key or value.
func jsonString(s string) string { return strconv.Quote(s) }

// fixContentLength attaches the fix that writes the body's length as the Content-Length value. It reads the n
// body lines from line from: a fix of the body (a trailing comma) changes the length, so this one then waits for
// the next round.
func (c *checker) fixContentLength(pt *pageText, at model.Pos, value string, length, from, n int) {
	start, end := pt.lineStart(from), pt.lineStart(from+n)
	if end < 0 {
		end = len(pt.page.Source)
	}
	e, ok := pt.replaceOn(at.Line, at.Col, strings.TrimSpace(value), strconv.Itoa(length))
	if !ok || start < 0 {
		return
	}
	c.fixLast("write "+strconv.Itoa(length), e)
	c.findings[len(c.findings)-1].Fix.Reads = []Edit{{Start: start, End: end}}
}

// fixPermissionsColumn attaches the fix that writes the standard wording of a two-column permissions table's second
// header; a table with more columns wants other headers (Least privileged permissions | Higher privileged
// permissions), which no one wording gives.
func (c *checker) fixPermissionsColumn(p *model.Page, t *model.Table) {
	if len(t.Header) == 2 {
		c.fixReplace(c.textOf(p.Path), t.Header[1].Pos.Line, t.Header[1].Pos.Col, strings.TrimSpace(t.Header[1].Text), "Permissions (from least to most privileged)")
	}
}

// docTypes are the front matter's doc_type values of the page kinds that have one.
var docTypes = map[model.PageKind]string{model.PageAPI: "apiPageType", model.PageResource: "resourcePageType", model.PageEnum: "enumPageType"}

// fixDiagnostic attaches the fix of a parser diagnostic just reported, from what the model says: doc-type's value
// is the one of the kind the page was read as (the parser reports it when the content leaves no doubt).
func (c *checker) fixDiagnostic(d model.Diagnostic) {
	p := c.m.Page(d.Pos.File)
	if d.Rule != "doc-type" || p == nil || p.FrontMatter.Form != model.FrontMatterYAML || docTypes[p.Kind] == "" || p.DocType == "" {
		return
	}
	pt := c.text(p)
	if name, _, ok := strings.Cut(strings.TrimSpace(pt.line(d.Pos.Line)), ":"); ok && strings.TrimSpace(name) == "doc_type" {
		c.fixReplace(pt, d.Pos.Line, 1, p.DocType, docTypes[p.Kind])
	}
}

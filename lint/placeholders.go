package lint

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

var (
	templateVar = regexp.MustCompile(`\$\(\s*[A-Za-z_][A-Za-z0-9_.]*\s*\)`)
	// Replacers are built once: building one costs more than most of the replacing.
	nameMarks   = strings.NewReplacer("**", "", "__", "", "`", "", "\\", "")
	markupMarks = strings.NewReplacer("**", "", "__", "", "`", "")
	htmlBreaks  = strings.NewReplacer("<br>", "", "<br/>", "", "<br />", "", "&nbsp;", "")
)

// checkPlaceholders reports what a writer left to fill in: TODO, template variables, "Not yet documented", empty
// descriptions and permission cells, merge-conflict markers and characters lost to an encoding conversion.
func (c *checker) checkPlaceholders(pt *pageText) {
	conflict := false
	var cleaned map[model.Pos]bool // where the parser put U+FFFD for a byte it reported (invalid-utf8, control-character)
	for i, raw := range pt.lines {
		n := i + 1
		l := raw
		if !c.opts.TODOInComments {
			l = pt.prose(n)
		}
		for _, off := range todoOffsets(l) {
			c.report(pt.pos(n, off), "todo", "", "TODO placeholder: %s; write the real %s", snippet(raw, off), todoWhat(pt, n))
		}
		if strings.Contains(raw, "$(") {
			for _, loc := range templateVar.FindAllStringIndex(raw, -1) {
				c.report(pt.pos(n, loc[0]), "template-leftover", "", "template variable %s was never filled in; write the value it stands for", raw[loc[0]:loc[1]])
			}
		}
		if !pt.inFence[i] {
			if j := indexFold(pt.prose(n), "not yet documented"); j >= 0 {
				c.report(pt.pos(n, j), "not-yet-documented", "", "\"Not yet documented\" is a placeholder; write what %s is", describedThing(pt, n))
			}
		}
		if strings.ContainsRune(raw, '\uFFFD') {
			if cleaned == nil {
				cleaned = c.cleanedBytes(pt.page.Path)
			}
			for off, r := range raw {
				if r != '\uFFFD' {
					continue
				}
				if p := pt.pos(n, off); !cleaned[p] {
					c.report(p, "replacement-char", "",
						"U+FFFD replacement character: a character was lost in an encoding conversion; retype the original")
					break
				}
			}
		}
		switch {
		case strings.HasPrefix(raw, "<<<<<<<") && (len(raw) == 7 || raw[7] == ' '):
			conflict = true
			c.report(pt.pos(n, 0), "merge-conflict", "", "merge-conflict marker <<<<<<<: resolve the conflict and remove the markers")
		case conflict && (raw == "=======" || strings.HasPrefix(raw, "|||||||")):
			c.report(pt.pos(n, 0), "merge-conflict", "", "merge-conflict marker %s: resolve the conflict and remove the markers", raw[:7])
		case strings.HasPrefix(raw, ">>>>>>>") && (len(raw) == 7 || raw[7] == ' '):
			conflict = false
			c.report(pt.pos(n, 0), "merge-conflict", "", "merge-conflict marker >>>>>>>: resolve the conflict and remove the markers")
		}
	}
	c.checkEmptyDescriptions(pt)
	c.checkEmptyPermissions(pt)
}

// cleanedBytes returns the positions on a page where the parser replaced a byte that is not text with U+FFFD and
// said so: the replacement character there is that finding, not a second one.
func (c *checker) cleanedBytes(file string) map[model.Pos]bool {
	at := map[model.Pos]bool{}
	for _, d := range c.m.Diagnostics {
		if d.Pos.File == file && (d.Rule == "invalid-utf8" || d.Rule == "control-character") {
			at[d.Pos] = true
		}
	}
	return at
}

// todoOffsets returns the byte offsets of TODO markers in l: upper-case TODO not preceded by a letter or digit
// and not followed by a lower-case letter, so that "todoTask" and "/me/todo/lists" (Microsoft To Do) are not
// placeholders while "TODO:", "**TODO" and "TODOSEARCHAPI" are.
func todoOffsets(l string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(l[from:], "TODO")
		if i < 0 {
			return out
		}
		i += from
		from = i + 4
		if i > 0 && isAlnum(l[i-1]) {
			continue
		}
		if i+4 < len(l) && l[i+4] >= 'a' && l[i+4] <= 'z' {
			continue
		}
		// "TODO" or `TODO` in quotes talks about the word; it is not a placeholder.
		if i > 0 && i+4 < len(l) && (l[i-1] == '"' && l[i+4] == '"' || l[i-1] == '`' && l[i+4] == '`') {
			continue
		}
		out = append(out, i)
	}
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// snippet quotes the placeholder text at off, up to the end of its sentence or cell.
func snippet(l string, off int) string {
	s := l[off:]
	if i := strings.IndexAny(s, "|*\"`"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		cut := 57
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return "\"" + s + "\""
}

// todoWhat says what a TODO stands in for, from where it is.
func todoWhat(pt *pageText, n int) string {
	if n <= pt.fmEnd {
		key, _, _ := strings.Cut(strings.TrimSpace(pt.line(n)), ":")
		return "value of " + key
	}
	if pt.inFence[n-1] {
		return "example value"
	}
	if t := tableAt(pt.page, n); t != nil {
		switch t.Role {
		case model.TablePermissions:
			return "permissions (for example User.Read.All)"
		case model.TableProperties, model.TableRelationships, model.TableRequestBody, model.TableParameters, model.TableEnumMembers:
			return "description"
		}
		return "cell text"
	}
	return "text"
}

// describedThing names the row a "Not yet documented" cell describes.
func describedThing(pt *pageText, n int) string {
	if t := tableAt(pt.page, n); t != nil {
		for _, r := range t.Rows {
			if r.Pos.Line == n && len(r.Cells) > 0 {
				if name := cellName(r.Cells[0].Text); name != "" {
					return name
				}
			}
		}
	}
	return "it"
}

// tableAt returns the table that has a row or header on line n.
func tableAt(p *model.Page, n int) *model.Table {
	for _, t := range p.Tables {
		if t.Pos.Line > n {
			return nil
		}
		if n == t.Pos.Line {
			return t
		}
		if len(t.Rows) > 0 && n <= t.Rows[len(t.Rows)-1].Pos.Line {
			return t
		}
	}
	return nil
}

// cellName strips markdown from a name cell: "**id**", "`id`", "[x](x.md)", "id (read-only)".
func cellName(s string) string {
	s = stripLinksText(s)
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	s = nameMarks.Replace(s)
	return strings.TrimSpace(strings.Trim(s, "*_'\" "))
}

// stripLinksText replaces markdown links by their labels.
func stripLinksText(s string) string {
	for {
		i := strings.Index(s, "](")
		if i < 0 {
			return s
		}
		open := strings.LastIndexByte(s[:i], '[')
		end := strings.IndexByte(s[i:], ')')
		if open < 0 || end < 0 {
			return s
		}
		s = s[:open] + s[open+1:i] + s[i+end+1:]
	}
}

// indexFold finds lower-case sub in s ignoring case; the cheap test on sub's tail (lower-case in practice)
// spares lower-casing every line of the corpus.
func indexFold(s, sub string) int {
	if len(s) < len(sub) || !strings.Contains(s, sub[len(sub)-6:]) {
		return -1
	}
	return strings.Index(strings.ToLower(s), sub)
}

// describedTables are the tables whose rows each need a description.
var describedTables = map[model.TableRole]bool{
	model.TableProperties: true, model.TableRelationships: true, model.TableRequestBody: true,
	model.TableParameters: true, model.TableEnumMembers: true,
}

// checkEmptyDescriptions reports an empty description in the front matter and empty description cells.
func (c *checker) checkEmptyDescriptions(pt *pageText) {
	p := pt.page
	if f, ok := p.FrontMatter.Get("description"); ok && strings.TrimSpace(f.Value) == "" && p.FrontMatter.Form == model.FrontMatterYAML {
		c.report(pt.find(f.Pos.Line, f.Key, 1), "empty-description", "", "the front matter description is empty; write one sentence that says what the page documents")
	}
	for _, t := range p.Tables {
		if !describedTables[t.Role] {
			continue
		}
		desc := descriptionColumn(t.Header)
		if desc < 0 {
			continue
		}
		for _, r := range t.Rows {
			if len(r.Cells) == 0 {
				continue
			}
			name := cellName(r.Cells[0].Text)
			if name == "" || strings.Trim(name, "-: ") == "" {
				continue
			}
			if desc >= len(r.Cells) {
				// One missing trailing cell renders as an empty one.
				if desc == len(r.Cells) {
					c.report(model.Pos{File: p.Path, Line: r.Pos.Line, Col: len([]rune(pt.line(r.Pos.Line))) + 1}, "empty-description", "",
						"%s has no description; write what it is", name)
				}
				continue
			}
			if strings.TrimSpace(stripHTMLBreaks(r.Cells[desc].Text)) == "" {
				c.report(r.Cells[desc].Pos, "empty-description", "", "%s has no description; write what it is", name)
			}
		}
	}
}

func stripHTMLBreaks(s string) string {
	return htmlBreaks.Replace(s)
}

// descriptionColumn returns the index of the header's description column, or -1.
func descriptionColumn(h []model.Cell) int {
	for i, c := range h {
		switch normHeading(c.Text) {
		case "description", "details", "notes", "remarks", "definition":
			return i
		}
	}
	return -1
}

// extraCellFilled reports whether a cell beyond the header's n columns has text: a row written with a stray '|'
// ("| &nbsp; **Onboarding** | |Scope.All|") gives its permission one cell late, and table-shape reports the
// extra cell.
func extraCellFilled(r model.Row, n int) bool {
	for _, c := range r.Cells[min(n, len(r.Cells)):] {
		if strings.TrimSpace(stripHTMLBreaks(c.Text)) != "" {
			return true
		}
	}
	return false
}

// checkEmptyPermissions reports empty cells in permissions tables.
func (c *checker) checkEmptyPermissions(pt *pageText) {
	for _, t := range pt.page.Tables {
		if t.Role != model.TablePermissions || !isPermissionsTable(t) {
			continue
		}
		for k, r := range t.Rows {
			if len(r.Cells) == 0 || strings.TrimSpace(r.Cells[0].Text) == "" {
				continue
			}
			if k+1 < len(t.Rows) && isSubRow(t.Rows[k+1]) {
				continue // the rows indented below give the permissions
			}
			for i := 1; i < len(t.Header) && i < len(r.Cells); i++ {
				if strings.TrimSpace(stripHTMLBreaks(r.Cells[i].Text)) == "" && !extraCellFilled(r, len(t.Header)) {
					c.report(r.Cells[i].Pos, "empty-permission", "",
						"no permission given for %s; list the least privileged permission first, or write \"Not supported.\"", strings.TrimSpace(stripMarkup(r.Cells[0].Text)))
				}
			}
		}
	}
}

// normHeading lower-cases heading or header text and drops emphasis and punctuation.
func normHeading(s string) string {
	s = strings.ToLower(stripMarkup(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == ':' || r == '.' || r == '?':
			continue
		case r == ' ' || r == '\t' || r == '_' || r == '\u00a0':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// stripMarkup removes links (keeping labels), emphasis and code marks.
func stripMarkup(s string) string {
	s = stripLinksText(s)
	return strings.TrimSpace(markupMarks.Replace(s))
}

package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// paragraphOrTable records a paragraph, or the pipe table it holds. As in GFM, a table starts at a header line
// followed by a delimiter row ("|---|:---|"), and every later line of the paragraph is a row; lines before the
// header stay a paragraph. Cells are split from the source lines, so rows with more cells than the header keep
// them (and are reported) instead of losing them.
func (p *pageReader) paragraphOrTable(start, end int, raw string) {
	if end > start && strings.Contains(raw, "|") && strings.Contains(raw, "-") {
		for l := start + 1; l <= end; l++ {
			if !isDelimiterRow(p.lines.line(l)) || !strings.Contains(p.lines.line(l-1), "|") {
				continue
			}
			if l-1 > start {
				p.addBlock(block{kind: blockParagraph, line: start, endLine: l - 2, text: firstLines(raw, l-1-start)})
			}
			p.addTable(p.readTable(l-1, end), l-1, end)
			return
		}
	}
	p.addBlock(block{kind: blockParagraph, line: start, endLine: end, text: raw})
}

// firstLines returns the first n lines of s.
func firstLines(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return s
		}
		i += j + 1
	}
	return strings.TrimSuffix(s[:i], "\n")
}

func isDelimiterRow(l string) bool {
	l = strings.TrimSpace(l)
	if !strings.Contains(l, "-") || !strings.Contains(l, "|") && !strings.HasPrefix(l, "-") {
		return false
	}
	for _, c := range l {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// readTable reads the pipe table whose header is line head and whose last row is line end; the delimiter row
// follows the header.
func (p *pageReader) readTable(head, end int) *model.Table {
	// The cells of all rows share one allocation, counted first.
	rows := end - head - 1
	count := countCells(p.lines.line(head))
	for r := head + 2; r <= end; r++ {
		count += countCells(p.lines.line(r))
	}
	cells := make([]model.Cell, 0, count)
	t := &model.Table{Pos: p.pos(head, 1)}
	cells = appendCells(cells, p.lines.line(head), t.Pos)
	t.Header = cells[:len(cells):len(cells)]
	if delims := countCells(p.lines.line(head + 1)); delims != len(t.Header) {
		p.diag(head+1, 1, model.SeverityWarning, "table-shape", fmt.Sprintf(
			"the header has %d cells but the delimiter row has %d; the table does not render as a table", len(t.Header), delims))
	}
	if rows > 0 {
		t.Rows = make([]model.Row, 0, rows)
	}
	for r := head + 2; r <= end; r++ {
		from := len(cells)
		pos := p.pos(r, 1)
		cells = appendCells(cells, p.lines.line(r), pos)
		t.Rows = append(t.Rows, model.Row{Pos: pos, Cells: cells[from:len(cells):len(cells)]})
	}
	return t
}

// rowSpan returns where the cells of row l start and end: after a blockquote marker, leading space and an
// optional leading pipe; before trailing space and an unescaped trailing pipe.
func rowSpan(l string) (start, end int) {
	for start < len(l) && (l[start] == ' ' || l[start] == '\t' || l[start] == '>') {
		start++
	}
	if start < len(l) && l[start] == '|' {
		start++
	}
	end = len(l)
	for end > start && (l[end-1] == ' ' || l[end-1] == '\t' || l[end-1] == '\r') {
		end--
	}
	if end > start && l[end-1] == '|' && (end < 2 || l[end-2] != '\\') {
		end--
	}
	return start, end
}

// countCells returns the number of cells appendCells finds in row l.
func countCells(l string) int {
	start, end := rowSpan(l)
	n := 1
	for j := start; j < end; j++ {
		switch l[j] {
		case '\\':
			j++
		case '|':
			n++
		}
	}
	return n
}

// appendCells splits row l into trimmed cells at unescaped pipes and appends them to cells. The row starts at
// position at; each cell is positioned at the column where its text starts.
func appendCells(cells []model.Cell, l string, at model.Pos) []model.Cell {
	start, end := rowSpan(l)
	// Columns count characters; they are counted as the row is read, from where the last count stopped.
	counted, runes := 0, 0
	flush := func(stop int) {
		lead := start
		for lead < stop {
			if l[lead] == ' ' || l[lead] == '\t' {
				lead++
			} else if strings.HasPrefix(l[lead:stop], "\u00a0") {
				lead += len("\u00a0")
			} else {
				break
			}
		}
		runes += utf8.RuneCountInString(l[counted:lead])
		counted = lead
		text := l[start:stop]
		if strings.IndexByte(text, 0xc2) >= 0 { // the first byte of a no-break space
			text = strings.ReplaceAll(text, "\u00a0", " ")
		}
		text = strings.TrimSpace(text)
		if strings.IndexByte(text, '\\') >= 0 {
			text = strings.ReplaceAll(text, `\|`, "|")
		}
		pos := at
		pos.Col += runes
		cells = append(cells, model.Cell{Text: text, Pos: pos})
	}
	for j := start; j < end; j++ {
		if l[j] == '\\' {
			j++
			continue
		}
		if l[j] == '|' {
			flush(j)
			start = j + 1
		}
	}
	flush(end)
	return cells
}

// addTable records a table as a block, deciding its role from its header and section.
func (p *pageReader) addTable(t *model.Table, start, end int) {
	b := p.addBlock(block{kind: blockTable, line: start, endLine: end, table: t})
	if sec := b.section(); sec != nil {
		t.Section = sec.text
	}
	if len(p.page.Tables) == 0 && p.frontMatterTable(t) {
		p.page.Tables = append(p.page.Tables, t)
		return
	}
	t.Role = tableRole(t, b)
	p.page.Tables = append(p.page.Tables, t)
	// Ragged rows: more or fewer cells than the header. One missing trailing cell is common and renders fine.
	for _, r := range t.Rows {
		if len(r.Cells) > len(t.Header) {
			p.diagAt(r.Pos, model.SeverityWarning, "table-shape",
				"this row has more cells than the header; the extra cells are not shown (escape '|' inside a cell as '\\|')")
		}
	}
}

// columns gives the index of each known column of a table header.
type columns struct {
	name, typ, desc, value, required, perm int
}

func headerColumns(h []model.Cell) columns {
	c := columns{name: -1, typ: -1, desc: -1, value: -1, required: -1, perm: -1}
	var buf [64]byte
	for i, cell := range h {
		switch string(appendNormHeader(buf[:0], cell.Text)) {
		case "property", "property name", "name", "parameter", "parameter name", "relationship", "member", "members",
			"header", "request header", "field", "key", "enum member", "value name", "permission type", "method":
			if c.name < 0 {
				c.name = i
			}
		case "type", "data type", "return type", "property type", "value type":
			if c.typ < 0 {
				c.typ = i
			}
		case "description", "details", "notes", "remarks", "values", "definition":
			if c.desc < 0 {
				c.desc = i
			}
		case "value", "int value", "numeric value", "enum value":
			if c.value < 0 {
				c.value = i
			}
		case "required", "required?", "required y/n", "is required", "optional", "mandatory":
			c.required = i
		case "permissions", "permissions from least to most privileged", "permissions from most to least privileged",
			"least privileged permissions", "higher privileged permissions", "permission":
			if c.perm < 0 {
				c.perm = i
			}
		}
	}
	return c
}

// normHeader lower-cases a header cell and drops emphasis and punctuation.
func normHeader(s string) string {
	var buf [64]byte
	return string(appendNormHeader(buf[:0], s))
}

// appendNormHeader appends normHeader(s) to dst. Headers are normalized to be compared: a caller that keeps the
// result in a buffer of its own spares allocating it.
func appendNormHeader(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a run of blanks is pending: written as one space before the next character
	if isPlainASCII(s) {
		// The common case, byte by byte: no emphasis to strip, and lower case is ASCII lower case.
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch c {
			case '(', ')', ':', '.':
				continue
			case ' ', '\t':
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for _, r := range strings.ToLower(stripEmphasis(s)) {
		switch r {
		case '(', ')', ':', '.':
			continue
		case ' ', '\t', '_', '\u00a0':
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isPlainASCII reports whether s is ASCII without the emphasis marks stripEmphasis removes.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '*' || c == '_' || c == '`' {
			return false
		}
	}
	return true
}

func tableRole(t *model.Table, b *block) model.TableRole {
	if len(t.Header) == 0 {
		return model.TableOther
	}
	first := normHeader(t.Header[0].Text)
	cols := headerColumns(t.Header)
	kind, _ := b.innermost()
	switch {
	case first == "permission type" || cols.perm >= 0 && kind == sectionPermissions:
		return model.TablePermissions
	case first == "method" || kind == sectionMethods:
		return model.TableMethods
	case first == "member" || first == "members" || first == "enum member" || first == "name" && cols.value >= 0 && cols.typ < 0:
		return model.TableEnumMembers
	case kind == sectionEnumValues && cols.typ < 0:
		return model.TableEnumMembers
	case kind == sectionHeaders || first == "header" || first == "request header":
		return model.TableHeaders
	case first == "relationship" || kind == sectionRelationships && cols.typ >= 0:
		return model.TableRelationships
	case kind == sectionRequestBody && cols.typ >= 0:
		return model.TableRequestBody
	case kind == sectionParameters && cols.typ >= 0:
		return model.TableParameters
	case kind == sectionProperties && cols.typ >= 0 && directlyUnder(b, sectionProperties) || first == "property" && cols.typ >= 0 && kind != sectionProperties:
		return model.TableProperties
	case cols.typ >= 0 && cols.name >= 0 && b.under(sectionRequestBody):
		return model.TableRequestBody
	}
	return model.TableOther
}

// directlyUnder reports whether b's nearest heading is a heading of kind k; tables under a sub-heading of the
// Properties section ("Supported property data types", "Properties of a definition") describe something else.
func directlyUnder(b *block, k sectionKind) bool {
	h := b.section()
	return h != nil && h.sec == k
}

// cell returns row cell i, or an empty cell positioned at the row when the row is short.
func cell(r model.Row, i int) model.Cell {
	if i >= 0 && i < len(r.Cells) {
		return r.Cells[i]
	}
	return model.Cell{Pos: r.Pos}
}

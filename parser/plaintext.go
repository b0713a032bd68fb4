package parser

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// readPlainText rebuilds the blocks of a page that lost its markdown structure — a scrape whose headings, fences
// and braces were stripped, or a rendered page whose lines were glued together. Section titles standing alone on a
// line become headings; request and status lines start HTTP blocks; phrases that open a section ("In the request
// body, supply", "If successful, this method returns") get the heading the scrape lost. Headings made up this way
// are marked synthetic and left out of the page outline.
func (p *pageReader) readPlainText(from int) {
	vl := p.virtualLines(p.lines.lineOf(from))
	var para []vline
	flush := func() {
		if len(para) == 0 {
			return
		}
		var b strings.Builder
		for i, l := range para {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l.text)
		}
		text := b.String()
		p.cueSection(text, para[0].n)
		p.addBlock(block{kind: blockParagraph, line: para[0].n, endLine: para[len(para)-1].n, text: text})
		para = nil
	}
	sawTitle := p.page.Title != ""
	for i := 0; i < len(vl); i++ {
		l := vl[i]
		t := strings.TrimSpace(l.text)
		switch {
		case t == "":
			flush()
			continue
		case strings.HasPrefix(t, "<!--"):
			flush()
			j := i
			for j < len(vl) && !strings.Contains(vl[j].text, "-->") {
				j++
			}
			j = min(j, len(vl)-1)
			var b strings.Builder
			for k := i; k <= j; k++ {
				b.WriteString(vl[k].text)
				// Not after the page's last line when it has no line end: what is read past the end of the
				// comment would be on a line the page does not have.
				if k < j || vl[j].n < p.lines.count() {
					b.WriteByte('\n')
				}
			}
			p.addComment(vl[i].n, vl[j].n, b.String())
			i = j
			continue
		case strings.HasPrefix(t, "|"):
			flush()
			j := i
			for j < len(vl) && strings.HasPrefix(strings.TrimSpace(vl[j].text), "|") {
				j++
			}
			p.plainPipeTable(vl[i:j])
			i = j - 1
			continue
		case !sawTitle && !p.hasHeading(1) && i < 5 && len(t) < 120 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ":"):
			flush()
			p.addBlock(block{kind: blockHeading, level: 1, line: l.n, endLine: l.n, text: t})
			sawTitle = true
			continue
		}
		if k := classifySection(t); k != sectionOther && len(t) < 40 && !strings.HasSuffix(t, ".") {
			flush()
			level := 2
			if (k == sectionExampleRequest || k == sectionResponse) && p.heads[2] != nil && p.heads[2].sec == sectionExamples {
				level = 3
			}
			p.addBlock(block{kind: blockHeading, level: level, line: l.n, endLine: l.n, text: t})
			continue
		}
		if verb, target, ok := requestLine(t); ok && !proseAfterVerb(target) {
			flush()
			if strings.HasPrefix(target, "/") && !p.inExamples() && !p.pastRequestSyntax() && !startsHTTPMessage(vl, i+1) {
				p.synthHeading("HTTP request", 2, l.n)
				p.addBlock(block{kind: blockCode, line: l.n, contentLine: l.n, endLine: l.n, text: verb + " " + target + "\n", reconstructed: true})
				continue
			}
			if !p.inExamples() {
				p.synthHeading("Examples", 2, l.n)
			}
			i = p.plainHTTP(vl, i) - 1
			continue
		}
		if isStatusLine(t) {
			flush()
			if !p.inExamples() {
				p.synthHeading("Examples", 2, l.n)
			}
			i = p.plainHTTP(vl, i) - 1
			continue
		}
		if isHeaderLine(t) && !proseNote.MatchString(t) && p.followedByJSON(vl, i) {
			// Headers and a body with no request line: an example whose request line the scrape lost.
			flush()
			if p.inExamples() {
				i = p.plainHTTP(vl, i) - 1
				continue
			}
		}
		if cols := plainTableHeader(t); cols != nil {
			flush()
			i = p.plainTable(vl, i, cols) - 1
			continue
		}
		if sectionCue(t) != "" {
			// A rendered page has no blank line between paragraphs: a line that opens a section opens one.
			flush()
		}
		para = append(para, l)
	}
	flush()
}

// vline is a line of the page, or a part of one that a scrape glued to another ("POST /x| Name | Description |").
type vline struct {
	n    int // 1-based page line
	col  int // 1-based column where text starts
	text string
}

// gluedTableAt returns where the table row glued to the end of l starts: the first pipe from which the row has as
// many pipes as the delimiter row under it ("DELETE /tables/{id|name}/rows| Name | Description |"), or -1.
func gluedTableAt(l, delimiter string) int {
	l = strings.TrimRight(l, " ")
	if strings.HasPrefix(strings.TrimSpace(l), "|") || !strings.HasSuffix(l, "|") || !isDelimiterRow(delimiter) {
		return -1
	}
	want := strings.Count(strings.TrimSpace(delimiter), "|")
	for k := 0; k < len(l); k++ {
		if l[k] == '|' && k > 0 && strings.TrimSpace(l[:k]) != "" && strings.Count(l[k:], "|") == want {
			return k
		}
	}
	return -1
}

func (p *pageReader) virtualLines(from int) []vline {
	var out []vline
	for n := from; n <= p.lines.count(); n++ {
		l := strings.TrimRight(p.lines.line(n), "\r")
		if k := gluedTableAt(l, p.lines.line(n+1)); k > 0 {
			out = append(out, vline{n: n, col: 1, text: strings.TrimRight(l[:k], " ")})
			out = append(out, vline{n: n, col: utf8.RuneCountInString(l[:k]) + 1, text: strings.TrimRight(l[k:], " ")})
			continue
		}
		if k := strings.Index(l, "[!INCLUDE"); k > 0 && strings.TrimSpace(l[:k]) != "" {
			// A rendered page glues a code block's last line to the includes after it ("}[!INCLUDE sample-code]").
			out = append(out, vline{n: n, col: 1, text: l[:k]})
			out = append(out, vline{n: n, col: utf8.RuneCountInString(l[:k]) + 1, text: l[k:]})
			continue
		}
		out = append(out, vline{n: n, col: 1, text: l})
	}
	return out
}

func (p *pageReader) hasHeading(level int) bool {
	for _, b := range p.blocks {
		if b.kind == blockHeading && b.level == level {
			return true
		}
	}
	return false
}

// pastRequestSyntax reports whether the reader is in the request body or response section, which come after
// the HTTP request syntax: a request line there is an example's.
func (p *pageReader) pastRequestSyntax() bool {
	h := p.heads[2]
	return h != nil && (h.sec == sectionRequestBody || h.sec == sectionResponse)
}

// startsHTTPMessage reports whether vl[i] goes on with a request's headers or body: the request line above it is
// an example's, not the syntax section's.
func startsHTTPMessage(vl []vline, i int) bool {
	if i >= len(vl) {
		return false
	}
	t := strings.TrimSpace(vl[i].text)
	return isHeaderLine(t) || t == "{"
}

func (p *pageReader) inExamples() bool {
	for l := 1; l <= 6; l++ {
		if h := p.heads[l]; h != nil && h.sec == sectionExamples {
			return true
		}
	}
	return false
}

// synthHeading adds a heading the scrape lost, unless the page is already in that section.
func (p *pageReader) synthHeading(text string, level, line int) {
	k := classifySection(text)
	if h := p.heads[level]; h != nil && h.sec == k {
		return
	}
	p.addBlock(block{kind: blockHeading, level: level, line: line, endLine: line, text: text, synthetic: true})
}

// cueSection adds the heading a paragraph's opening phrase implies on a page without headings.
func (p *pageReader) cueSection(text string, line int) {
	if h := sectionCue(text); h != "" {
		p.synthHeading(h, 2, line)
	}
}

// sectionCue returns the section a paragraph's opening phrase implies, or "".
func sectionCue(text string) string {
	low := strings.ToLower(text)
	switch {
	case strings.HasPrefix(low, "one of the following permissions") || strings.HasPrefix(low, "choose the permission"):
		return "Permissions"
	case strings.HasPrefix(low, "in the request body") || strings.HasPrefix(low, "do not supply a request body") || strings.HasPrefix(low, "don't supply a request body") ||
		strings.HasPrefix(low, "no request body"):
		return "Request body"
	case strings.HasPrefix(low, "if successful") || strings.HasPrefix(low, "this method returns"):
		return "Response"
	case strings.HasPrefix(low, "the following example") || strings.HasPrefix(low, "the following is an example") || strings.HasPrefix(low, "here is an example") ||
		strings.HasPrefix(low, "this example "):
		return "Examples"
	}
	return ""
}

// plainPipeTable reads pipe rows of a scraped page (no goldmark table, since the page was not read as markdown).
func (p *pageReader) plainPipeTable(rows []vline) {
	if len(rows) == 0 {
		return
	}
	t := &model.Table{Pos: p.pos(rows[0].n, rows[0].col)}
	t.Header = appendCells(nil, rows[0].text, t.Pos)
	for _, r := range rows[1:] {
		if isDelimiterRow(r.text) {
			continue
		}
		pos := p.pos(r.n, r.col)
		t.Rows = append(t.Rows, model.Row{Pos: pos, Cells: appendCells(nil, r.text, pos)})
	}
	if len(t.Header) == 2 && len(t.Rows) > 0 && strings.EqualFold(cleanName(cell(t.Rows[0], 0).Text), "Authorization") {
		p.synthHeading("Request headers", 2, rows[0].n)
	}
	if h := headerColumns(t.Header); h.typ >= 0 && h.name >= 0 && p.heads[2] != nil && p.heads[2].sec == sectionHeaders {
		p.synthHeading("Request body", 2, rows[0].n)
	}
	p.addTable(t, rows[0].n, rows[len(rows)-1].n)
}

// plainTableHeader recognizes the header line of a table whose pipes were stripped.
func plainTableHeader(t string) []string {
	switch n := normHeader(t); {
	case n == "property type description" || n == "parameter type description" || n == "name type description":
		return strings.Fields(t)
	case n == "name description" || n == "header value" || n == "name value":
		return strings.Fields(t)
	case strings.HasPrefix(n, "permission type permissions") || strings.HasPrefix(n, "permission type least privileged"):
		return []string{"Permission type", strings.TrimSpace(t[len("Permission type"):])}
	case n == "member value description" || n == "member description" || n == "member":
		return strings.Fields(t)
	}
	return nil
}

var permissionTypes = []string{"Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"}

// plainTable reads the rows of a pipe-less table, splitting each line by the shape its header implies.
func (p *pageReader) plainTable(vl []vline, i int, headerCells []string) int {
	hl := vl[i]
	t := &model.Table{Pos: p.pos(hl.n, hl.col)}
	col := 1
	rest := hl.text
	for _, h := range headerCells {
		k := strings.Index(rest, h)
		if k < 0 {
			k = 0
		}
		col += utf8.RuneCountInString(rest[:k])
		t.Header = append(t.Header, model.Cell{Text: h, Pos: p.pos(hl.n, col)})
		col += utf8.RuneCountInString(h)
		// A header cell the line does not hold (the header was guessed from a part of it) moves past no more
		// than the line.
		rest = rest[min(k+len(h), len(rest)):]
	}
	perm := strings.EqualFold(headerCells[0], "Permission type")
	typed := len(headerCells) == 3 && normHeader(headerCells[1]) == "type"
	j := i + 1
	for ; j < len(vl); j++ {
		l := vl[j]
		line := l.text
		if strings.TrimSpace(line) == "" {
			break
		}
		var cells []model.Cell
		add := func(start, end int) {
			text := strings.TrimSpace(line[start:end])
			lead := len(line[start:end]) - len(strings.TrimLeft(line[start:end], " "))
			cells = append(cells, model.Cell{Text: text, Pos: p.pos(l.n, l.col+utf8.RuneCountInString(line[:start+lead]))})
		}
		switch {
		case perm:
			matched := false
			for _, pt := range permissionTypes {
				if strings.HasPrefix(strings.TrimSpace(line), pt) {
					k := strings.Index(line, pt) + len(pt)
					add(0, k)
					add(k, len(line))
					matched = true
					break
				}
			}
			if !matched {
				goto done
			}
		case typed:
			f := fieldSpans(line)
			if len(f) < 2 {
				goto done
			}
			typeEnd := f[1][1]
			next := 2
			if len(f) > 2 && strings.EqualFold(line[f[2][0]:f[2][1]], "collection") {
				typeEnd = f[2][1]
				next = 3
			}
			add(f[0][0], f[0][1])
			add(f[1][0], typeEnd)
			if next < len(f) {
				add(f[next][0], len(line))
			} else {
				cells = append(cells, model.Cell{Pos: p.pos(l.n, l.col+len(line))})
			}
		default:
			f := fieldSpans(line)
			if len(f) == 0 {
				goto done
			}
			add(f[0][0], f[0][1])
			if len(f) > 1 {
				add(f[1][0], len(line))
			}
		}
		t.Rows = append(t.Rows, model.Row{Pos: p.pos(l.n, l.col), Cells: cells})
	}
done:
	if len(t.Rows) == 0 {
		p.addBlock(block{kind: blockParagraph, line: hl.n, endLine: hl.n, text: hl.text})
		return i + 1
	}
	if perm {
		p.synthHeading("Permissions", 2, hl.n)
	}
	if typed && !p.inExamples() && (p.heads[2] == nil || p.heads[2].sec != sectionRequestBody) && p.page.Kind != model.PageResource {
		p.synthHeading("Request body", 2, hl.n)
	}
	p.addTable(t, hl.n, vl[j-1].n)
	return j
}

// fieldSpans returns the [start,end) byte spans of the whitespace-separated fields of s.
func fieldSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

var jsonMemberLine = regexp.MustCompile(`^\s*"[^"]*"\s*:`)

func (p *pageReader) followedByJSON(vl []vline, i int) bool {
	for j := i; j < len(vl) && j < i+8; j++ {
		t := strings.TrimSpace(vl[j].text)
		if strings.HasPrefix(t, "{") || jsonMemberLine.MatchString(t) {
			return true
		}
		if t != "" && !isHeaderLine(t) {
			return false
		}
	}
	return false
}

// plainHTTP reads an unfenced HTTP example starting at vl[i]: a request or status line (or headers alone),
// header lines, and a JSON body — braced, or with its braces stripped, in which case the braces are restored on
// the same lines so that positions stay true. It returns the index after the example.
func (p *pageReader) plainHTTP(vl []vline, i int) int {
	start := vl[i].n
	j := i + 1
	first := strings.TrimSpace(vl[i].text)
	if isHeaderLine(first) && !isStatusLine(first) {
		j = i
	}
	// Headers and the blank lines around them.
	for j < len(vl) {
		t := strings.TrimSpace(vl[j].text)
		if t == "" || isHeaderLine(t) && !jsonMemberLine.MatchString(t) {
			j++
			continue
		}
		break
	}
	body := map[int]string{} // page line → rewritten text
	end := vl[max(j-1, i)].n
	if j < len(vl) {
		t := strings.TrimSpace(vl[j].text)
		switch {
		case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") && !markdownBracket.MatchString(t):
			depth := 0
			for first := j; j < len(vl); j++ {
				l := vl[j].text
				if j > first && !jsonLine(l) {
					// A body that never closes (a lost brace) ends where the page's text goes on; what a
					// rendering glued after its last bracket ("}[!INCLUDE sample-code]") is not the body's.
					if k := strings.Index(body[end], "[!INCLUDE"); k > 0 {
						body[end] = strings.TrimRightFunc(body[end][:k], unicode.IsSpace)
					}
					break
				}
				cut := balancedEnd(l, &depth)
				if cut >= 0 {
					body[vl[j].n] = l[:cut]
					end = vl[j].n
					j++
					break
				}
				body[vl[j].n] = l
				end = vl[j].n
			}
		case jsonMemberLine.MatchString(t):
			var lines []vline
			for ; j < len(vl); j++ {
				tt := strings.TrimSpace(vl[j].text)
				if tt == "" || !(jsonMemberLine.MatchString(tt) || strings.HasPrefix(tt, "\"") || strings.Trim(tt, "[]{}, ") == "") {
					break
				}
				lines = append(lines, vl[j])
			}
			for n, text := range restoreBraces(lines) {
				body[n] = text
			}
			if len(lines) > 0 {
				end = lines[len(lines)-1].n
			}
		}
	}
	var b strings.Builder
	for n := start; n <= end; n++ {
		if text, ok := body[n]; ok {
			b.WriteString(text)
		} else if n == vl[i].n {
			b.WriteString(vl[i].text)
		} else {
			b.WriteString(p.lines.line(n))
		}
		// Not after the page's last line when it has no line end (as for comments).
		if n < end || n < p.lines.count() {
			b.WriteByte('\n')
		}
	}
	p.addBlock(block{kind: blockCode, line: start, contentLine: start, endLine: end, text: b.String(), reconstructed: true})
	return j
}

// markdownBracket is a line a scrape kept that opens with a bracket but no JSON array: an include as text
// ("[!INCLUDE sample-code]"), a link ("[C#](#tab/csharp)"), a reference definition ("[item-resource]: ../x.md").
var markdownBracket = regexp.MustCompile(`^\[(?:!|[^\]"]*\][(:\[])`)

// proseNote is a note's label, which reads like a header ("Note: If 'Accept-Language: ja' is specified").
var proseNote = regexp.MustCompile(`(?i)^(?:note|notes|important|tip|caution|warning)\s*:`)

// jsonLine reports whether a line can be a line of a JSON body: it starts with a string, a bracket, a number or a
// literal (a member's value may go on over several lines, but prose, an include or a status line cannot).
func jsonLine(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || strings.HasPrefix(t, "[!") {
		return t == ""
	}
	switch c := t[0]; {
	case strings.IndexByte("\"{}[],-0123456789", c) >= 0:
		return true
	case strings.HasPrefix(t, "true") || strings.HasPrefix(t, "false") || strings.HasPrefix(t, "null"):
		return true
	}
	return false
}

// balancedEnd tracks brace depth over a line and returns the byte index just after the brace that closes the
// outermost value, or -1 when the value goes on.
func balancedEnd(l string, depth *int) int {
	inStr := false
	for k := 0; k < len(l); k++ {
		c := l[k]
		switch {
		case inStr && c == '\\':
			k++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			*depth++
		case c == '}' || c == ']':
			*depth--
			if *depth == 0 {
				return k + 1
			}
		}
	}
	return -1
}

// restoreBraces puts back the braces a scrape stripped from a JSON object: "{" before the first member, "}" after
// the last, and "]" or "}" where a line at or left of the indentation of the line that opened an array or object
// shows that it ended. Each line keeps its page line.
func restoreBraces(lines []vline) map[int]string {
	out := map[int]string{}
	type open struct {
		closer byte
		indent int
	}
	var stack []open
	texts := make([]string, len(lines))
	for k, l := range lines {
		texts[k] = l.text
	}
	for k, l := range lines {
		indent := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
		t := strings.TrimSpace(l.text)
		if k > 0 && jsonMemberLine.MatchString(t) {
			for len(stack) > 0 && indent <= stack[len(stack)-1].indent {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				texts[k-1] = strings.TrimRight(texts[k-1], ", ") + string(top.closer) + ","
			}
		}
		if strings.HasSuffix(t, "[") {
			stack = append(stack, open{']', indent})
		} else if strings.HasSuffix(t, "{") {
			stack = append(stack, open{'}', indent})
		} else if strings.HasPrefix(t, "]") || strings.HasPrefix(t, "}") {
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(texts) > 0 {
		last := len(texts) - 1
		for len(stack) > 0 {
			texts[last] += string(stack[len(stack)-1].closer)
			stack = stack[:len(stack)-1]
		}
		texts[0] = "{" + texts[0]
		texts[last] += "}"
	}
	for k, l := range lines {
		out[l.n] = texts[k]
	}
	return out
}

// proseAfterVerb reports whether what follows a verb is a sentence, not a request target: "Delete or hang up an
// active call." opens call-delete's rendered page, with no fence to say it is prose. A target that starts with a
// letter ("GET me/events") is a path only when it has no space in it.
func proseAfterVerb(target string) bool {
	if target == "" || strings.ContainsAny(target[:1], "/{~") || strings.HasPrefix(target, "http") {
		return false
	}
	return strings.ContainsAny(target, " \t")
}

package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// readExampleBlock reads an HTTP example (request line or status line, headers, body) or a JSON block.
func (p *pageReader) readExampleBlock(b *block, a *model.Annotation, kind model.ExampleKind) *model.Example {
	ex := &model.Example{Kind: kind, Annotation: a, Pos: p.pos(b.contentLine, 1), Reconstructed: b.reconstructed}
	if s := b.section(); s != nil {
		ex.Section = s.text
	}
	if a != nil {
		ex.Name = a.String("name")
		ex.ODataType = strings.TrimPrefix(a.String("@odata.type"), "#")
		ex.IsCollection = a.Bool("isCollection")
		ex.Truncated = a.Bool("truncated")
	}
	lines := splitLines(b.text, p.exampleLines)
	p.exampleLines = lines.starts
	i := 0
	for i < lines.len() && strings.TrimSpace(lines.at(i)) == "" {
		i++
	}
	if i < lines.len() && kind != model.ExampleRepresentation {
		first := strings.TrimSpace(lines.at(i))
		if verb, target, ok := requestLine(first); ok {
			ex.Method, ex.URL = strings.ToUpper(verb), target
			ex.FirstLine = p.pos(b.contentLine+i, 1)
			i++
		} else if code, reason, ok := parseStatusLine(first); ok {
			ex.StatusLine = first
			ex.Status, ex.Reason = code, reason
			ex.FirstLine = p.pos(b.contentLine+i, 1)
			i++
		}
		if ex.FirstLine.Line > 0 || kind == model.ExampleRequest || kind == model.ExampleResponse {
			// Headers, with blank lines tolerated before them.
			for i < lines.len() {
				t := strings.TrimSpace(lines.at(i))
				if t == "" {
					j := i + 1
					for j < lines.len() && strings.TrimSpace(lines.at(j)) == "" {
						j++
					}
					if j < lines.len() && isHeaderLine(strings.TrimSpace(lines.at(j))) && len(ex.Headers) == 0 {
						i = j
						continue
					}
					break
				}
				if !isHeaderLine(t) {
					break
				}
				name, value, _ := strings.Cut(t, ":")
				ex.Headers = append(ex.Headers, model.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value), Pos: p.pos(b.contentLine+i, 1)})
				i++
			}
		}
	}
	for i < lines.len() && strings.TrimSpace(lines.at(i)) == "" {
		i++
	}
	if i >= lines.len() {
		return ex
	}
	body := lines.from(i)
	ex.Body = strings.TrimRight(body, " \t\r\n")
	ex.BodyPos = p.pos(b.contentLine+i, 1)
	t := strings.TrimLeft(body, " \t\r")
	if strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		col := len(lines.at(i)) - len(strings.TrimLeft(lines.at(i), " \t")) + 1
		ex.JSON, ex.JSONIssues = readJSONWith(strings.TrimLeft(body, " \t"), b.contentLine+i, col, &p.json)
		if b.reconstructed {
			p.keepJSONOnPage(ex.JSON, ex.JSONIssues)
		}
	}
	return ex
}

// keepJSONOnPage moves the positions of JSON read from a reconstructed block — braces a scrape stripped put back
// at the ends of lines — that fall past the end of their page line to its end.
func (p *pageReader) keepJSONOnPage(v *model.Value, issues []model.JSONIssue) {
	clamp := func(line, col *int) {
		if *line > p.lines.count() {
			*line = p.lines.count()
		}
		if width := utf8.RuneCountInString(p.lines.line(*line)); *col > width+1 {
			*col = width + 1
		}
	}
	for k := range issues {
		clamp(&issues[k].Line, &issues[k].Col)
	}
	var walk func(v *model.Value)
	walk = func(v *model.Value) {
		if v == nil {
			return
		}
		clamp(&v.Line, &v.Col)
		for k := range v.Members {
			clamp(&v.Members[k].Line, &v.Members[k].Col)
			walk(v.Members[k].Value)
		}
		for _, it := range v.Items {
			walk(it)
		}
	}
	walk(v)
}

// exampleKind classifies a code block in an examples section by its annotation or its first line.
func exampleKind(b *block, a *model.Annotation) (model.ExampleKind, bool) {
	if a != nil {
		switch strings.ToLower(a.BlockType) {
		case "request":
			return model.ExampleRequest, true
		case "response":
			return model.ExampleResponse, true
		}
	}
	first := firstLine(b.text)
	if _, _, ok := requestLine(first); ok {
		return model.ExampleRequest, true
	}
	if _, _, ok := parseStatusLine(first); ok {
		return model.ExampleResponse, true
	}
	// A block without a request or status line: its heading says which side it shows ("### Request",
	// "#### Response"); a recovered block that starts with headers is a request whose request line was lost.
	if b.under(sectionExamples) || b.reconstructed {
		if k, _ := b.innermost(); k == sectionExampleResponse || k == sectionResponse {
			return model.ExampleResponse, true
		} else if k == sectionExampleRequest || b.reconstructed && isHeaderLine(first) {
			return model.ExampleRequest, true
		}
	}
	return "", false
}

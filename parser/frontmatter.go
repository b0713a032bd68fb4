package parser

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/graphdocgen/graphdocgen/model"
)

// readFrontMatter reads a YAML front matter block ("---" lines) at the start of the page. It returns the block and
// the byte offset where the markdown after it starts (0 when there is none).
func (p *pageReader) readFrontMatter() int {
	fm := &p.page.FrontMatter
	fm.Form = model.FrontMatterNone
	first := strings.TrimRight(strings.TrimPrefix(p.lines.line(1), "\ufeff"), " \t")
	if first != "---" {
		return 0
	}
	closing := 0
	for n := 2; n <= p.lines.count(); n++ {
		l := strings.TrimRight(p.lines.line(n), " \t")
		if l == "---" || l == "..." {
			closing = n
			break
		}
	}
	if closing == 0 {
		p.diag(1, 1, model.SeverityError, "front-matter", "front matter opened with '---' is never closed; add a '---' line after the metadata")
		return 0
	}
	fm.Form = model.FrontMatterYAML
	fm.Pos = p.pos(1, 1)
	if !p.simpleFrontMatter(2, closing) {
		fm.Fields = fm.Fields[:0]
		p.yamlFrontMatter(2, closing)
	}
	for _, f := range fm.Fields {
		p.pageField(f)
	}
	return p.lines.offset(closing + 1)
}

// pageField sets the page fact a front matter field gives: its title, description or doc_type.
func (p *pageReader) pageField(f model.Field) {
	switch strings.ToLower(f.Key) {
	case "title":
		p.page.Title = f.Value
	case "description":
		p.page.Description = f.Value
	case "doc_type":
		p.page.DocType = f.Value
	}
}

// simpleFrontMatter reads "key: value" lines, the form nearly every page uses, without a YAML parser. It returns
// false when a line needs one (lists, block scalars, continuation lines).
func (p *pageReader) simpleFrontMatter(from, to int) bool {
	for n := from; n < to; n++ {
		l := p.lines.line(n)
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if l[0] == ' ' || l[0] == '\t' || strings.HasPrefix(t, "- ") {
			return false
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return false
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if v == "|" || v == ">" || strings.HasPrefix(v, "[") || strings.HasPrefix(v, "{") || strings.HasPrefix(v, "&") {
			return false
		}
		if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
			if len(v) < 2 || v[len(v)-1] != v[0] || strings.Contains(v[1:len(v)-1], string(v[0])) {
				return false
			}
			v = v[1 : len(v)-1]
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		if p.page.FrontMatter.Fields == nil {
			// A field a line: room for the rest at once, rather than growing field by field on every page.
			p.page.FrontMatter.Fields = make([]model.Field, 0, to-n)
		}
		p.page.FrontMatter.Fields = append(p.page.FrontMatter.Fields, model.Field{Key: k, Value: v, Pos: p.pos(n, 1)})
	}
	return true
}

// yamlFrontMatter reads the block with a YAML parser; on a syntax error it reports it and keeps the lines it can.
func (p *pageReader) yamlFrontMatter(from, to int) {
	var b strings.Builder
	for n := from; n < to; n++ {
		// A carriage return inside a line ends a line for YAML but not for the page: as a space it keeps YAML's
		// line numbers the page's (it folds to a space in a YAML scalar anyway).
		b.WriteString(strings.ReplaceAll(p.lines.line(n), "\r", " "))
		b.WriteByte('\n')
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.String()), &doc); err != nil {
		line := from
		msg := err.Error()
		if n, ok := yamlErrorLine(msg); ok && n >= 1 {
			// "unexpected end of stream" is on the line after the block: the block's last line is the page's.
			line = min(from+n-1, max(to-1, from))
		}
		p.diag(line, 1, model.SeverityError, "front-matter", fmt.Sprintf("front matter is not valid YAML: %s", strings.TrimPrefix(msg, "yaml: ")))
		p.lenientFrontMatter(from, to)
		return
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		p.diag(from, 1, model.SeverityError, "front-matter", "front matter is not a mapping of keys to values")
		return
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		val := v.Value
		if v.Kind == yaml.SequenceNode {
			var items []string
			for _, it := range v.Content {
				items = append(items, it.Value)
			}
			val = strings.Join(items, ", ")
		}
		f := model.Field{Key: k.Value, Value: val, Pos: p.pos(from+k.Line-1, k.Column)}
		// The page is clean text, but YAML escapes ("\0", "\x01") are not.
		key, badKey := cleanString(f.Key)
		value, badValue := cleanString(f.Value)
		if badKey || badValue {
			f.Key, f.Value = key, value
			p.diagAt(f.Pos, model.SeverityError, ruleControlChar, "a YAML escape in this field writes a control character; it is read as U+FFFD")
		}
		p.page.FrontMatter.Fields = append(p.page.FrontMatter.Fields, f)
	}
}

// lenientFrontMatter keeps every "key: value" line of a block that YAML rejected.
func (p *pageReader) lenientFrontMatter(from, to int) {
	for n := from; n < to; n++ {
		l := p.lines.line(n)
		if l == "" || l[0] == ' ' || l[0] == '\t' {
			continue
		}
		if k, v, ok := strings.Cut(l, ":"); ok {
			v = strings.Trim(strings.TrimSpace(v), `"'`)
			p.page.FrontMatter.Fields = append(p.page.FrontMatter.Fields, model.Field{Key: strings.TrimSpace(k), Value: v, Pos: p.pos(n, 1)})
		}
	}
}

func yamlErrorLine(msg string) (int, bool) {
	var n int
	if i := strings.Index(msg, "line "); i >= 0 {
		if _, err := fmt.Sscanf(msg[i:], "line %d", &n); err == nil {
			return n, true
		}
	}
	return 0, false
}

// frontMatterTable recognizes metadata rendered as a two-column table at the top of a scraped page
// ("| title | Create x |", "| doc_type | apiPageType |").
func (p *pageReader) frontMatterTable(t *model.Table) bool {
	if p.page.FrontMatter.Form != model.FrontMatterNone || len(t.Header) != 2 {
		return false
	}
	keys := 0
	rows := append([]model.Row{{Pos: t.Pos, Cells: t.Header}}, t.Rows...)
	for _, r := range rows {
		if len(r.Cells) > 0 && frontMatterKeys[strings.ToLower(r.Cells[0].Text)] {
			keys++
		}
	}
	if keys < 2 {
		return false
	}
	fm := &p.page.FrontMatter
	fm.Form = model.FrontMatterTable
	fm.Pos = t.Pos
	for _, r := range rows {
		if len(r.Cells) < 2 || strings.Trim(r.Cells[0].Text, "-: ") == "" {
			continue
		}
		f := model.Field{Key: r.Cells[0].Text, Value: r.Cells[1].Text, Pos: r.Cells[0].Pos}
		fm.Fields = append(fm.Fields, f)
		p.pageField(f)
	}
	t.Role = model.TableFrontMatter
	return true
}

var frontMatterKeys = map[string]bool{
	"title": true, "description": true, "author": true, "doc_type": true, "ms.prod": true, "ms.subservice": true,
	"ms.localizationpriority": true, "localization_priority": true, "ms.date": true,
}

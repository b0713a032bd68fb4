package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// continuation returns the text of row r when r is no row but the rest of the description above it: its line
// does not start with a pipe where the header's does, it has no type and its first cell is not a name. GitHub
// shows such a line as a row of its own ("Specifying 0 sets Delivery Optimization to …", on Intune pages); it is
// reported where it starts, and the caller adds its text to the description of the row above.
func (p *pageReader) continuation(t *model.Table, cols columns, r model.Row) (string, bool) {
	startsWithPipe := func(line int) bool {
		return strings.HasPrefix(strings.TrimLeft(p.lines.line(line), " \t>"), "|")
	}
	if len(r.Cells) == 0 || startsWithPipe(r.Pos.Line) || !startsWithPipe(t.Pos.Line) { // most rows stop at the first test
		return "", false
	}
	if cols.typ >= 0 && strings.TrimSpace(cell(r, cols.typ).Text) != "" {
		return "", false
	}
	nc := cell(r, max(cols.name, 0))
	if name := cleanName(nc.Text); name == "" || isPropertyName(name) {
		return "", false
	}
	p.diagAt(nc.Pos, model.SeverityWarning, "property-name", "this line continues the description in the row above, but "+
		"it does not start with |, so it shows as a row of its own; join it to the line above")
	return plainText(strings.Join(cellTexts(r), " ")), true
}

// propertyFromRow reads a row of a properties, relationships, request-body or parameters table. It returns nil
// for rows that are not properties (group labels, blank rows).
func (p *pageReader) propertyFromRow(t *model.Table, cols columns, r model.Row) *model.Property {
	nameIdx := cols.name
	if nameIdx < 0 {
		nameIdx = 0
	}
	nc := cell(r, nameIdx)
	if groupHeadingRow(r) {
		return nil
	}
	name := cleanName(nc.Text)
	if name == "" {
		if strings.TrimSpace(strings.Join(cellTexts(r), "")) != "" {
			p.diagAt(nc.Pos, model.SeverityWarning, "property-name", "this row has no property name")
		}
		return nil
	}
	if !isPropertyName(name) {
		p.diagAt(nc.Pos, model.SeverityWarning, "property-name", "property name "+quote(nc.Text)+" is not a single identifier")
		if f := strings.Fields(name); len(f) > 0 && isPropertyName(f[0]) {
			name = f[0]
		} else {
			return nil
		}
	}
	prop := &model.Property{Name: name, Source: model.FromTable, Pos: nc.Pos}
	descCell := cell(r, cols.desc)
	if cols.desc < 0 {
		descCell = cell(r, len(t.Header)-1)
		if len(t.Header)-1 == nameIdx || len(t.Header)-1 == cols.typ {
			descCell = model.Cell{}
		}
	}
	raw := descCell.Text
	prop.Description = plainText(raw)
	if cols.typ >= 0 {
		tcell := cell(r, cols.typ)
		tc, problem := parseTypeCell(tcell.Text, p.refs)
		if problem != "" {
			sev := model.SeverityWarning
			if tc.name == "" {
				sev = model.SeverityError
			}
			p.diagAt(tcell.Pos, sev, "type-cell", problem)
		}
		prop.Type = p.typeRef(tc, tcell)
	}
	p.applyPhrases(prop, raw)
	if cols.required >= 0 {
		v := strings.ToLower(plainText(cell(r, cols.required).Text))
		switch {
		case strings.HasPrefix(v, "yes") || v == "true" || v == "required" || v == "y":
			prop.Required = true
		case strings.HasPrefix(v, "no") || v == "n" || v == "false" || v == "optional":
			prop.Required = false
		}
		if normHeader(t.Header[cols.required].Text) == "optional" {
			prop.Required = !prop.Required
		}
	}
	return prop
}

// groupHeadingRow reports whether a row is a heading over the rows below it, not a property: one filled cell,
// all of it bold ("|**Device management**|" in the Intune properties tables).
func groupHeadingRow(r model.Row) bool {
	filled := ""
	for _, c := range r.Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			if filled != "" {
				return false
			}
			filled = t
		}
	}
	inner, ok := strings.CutPrefix(filled, "**")
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, "**")
	return ok && inner != "" && !strings.Contains(inner, "**")
}

// applyPhrases sets the facts a description states in words: "Read-only.", "Not nullable.", "Nullable.",
// "Required.", "Key.", "Inherited from [x](x.md)", "Possible values are: `a`, `b`". Plain string scanning: this
// runs on every row of the corpus.
func (p *pageReader) applyPhrases(prop *model.Property, raw string) {
	low := p.lower(prop.Description)
	if readOnly(low) {
		prop.ReadOnly = true
	}
	switch {
	case notNullable(low):
		f := false
		prop.Nullable = &f
	case sentenceWord(low, "nullable"):
		t := true
		prop.Nullable = &t
	}
	if sentenceWord(low, "required") || strings.Contains(low, "(required)") {
		prop.Required = true
	}
	if sentenceWord(low, "key") {
		prop.Key = true
	}
	if i := indexFold(raw, "inherited from"); i >= 0 {
		if ref := inheritedRef(raw[i+len("inherited from"):]); ref != "" {
			prop.InheritedFrom = ref
		}
	}
	if vals, _ := inlineValues(raw); len(vals) > 0 {
		prop.AllowedValues = vals
	}
}

// readOnly reports whether low says "read-only", "readonly" or "read only", and not "read-only for" (someone) nor
// "read only after creation" (settable when created: openIdConnectProvider's type).
// One scan for "read" instead of one for each spelling: this runs on every row of the corpus.
func readOnly(low string) bool {
	said := false
	for i := strings.Index(low, "read"); i >= 0; {
		rest := low[i+len("read"):]
		switch {
		case strings.HasPrefix(rest, "-only for"),
			strings.HasPrefix(rest, "-only after"), strings.HasPrefix(rest, " only after"), strings.HasPrefix(rest, "only after"):
			return false
		case strings.HasPrefix(rest, "-only") || strings.HasPrefix(rest, "only") || strings.HasPrefix(rest, " only"):
			said = true
		}
		next := strings.Index(rest, "read")
		if next < 0 {
			break
		}
		i += len("read") + next
	}
	return said
}

// notNullable reports whether low says "not nullable", "non-nullable", "not-nullable" or "non nullable".
func notNullable(low string) bool {
	for from := 0; ; {
		i := strings.Index(low[from:], "nullable")
		if i < 0 {
			return false
		}
		if at := from + i; at >= 4 {
			switch low[at-4 : at] {
			case "not ", "non-", "not-", "non ":
				return true
			}
		}
		from += i + len("nullable")
	}
}

// sentenceWord reports whether word stands as a sentence of its own in low ("... Read-only. Required."): at the
// start of the text or after '.', '>' or ')', and followed by '.', '<' or the end.
func sentenceWord(low, word string) bool {
	for from := 0; ; {
		i := strings.Index(low[from:], word)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(word)
		before := strings.TrimRight(low[:i], " \t*")
		if before != "" {
			c := before[len(before)-1]
			if c != '.' && c != '>' && c != ')' && c != ';' {
				continue
			}
		}
		after := strings.TrimLeft(low[from:], " *")
		if after == "" || after[0] == '.' || after[0] == '<' {
			return true
		}
	}
}

// inheritedRef reads the type after "Inherited from": a link "[x](x.md)", a reference "[x]", or a name.
func inheritedRef(s string) string {
	s = strings.TrimLeft(s, " :*`")
	if label, _, ok := firstLink(s); ok && strings.HasPrefix(s, "[") {
		return strings.Trim(stripEmphasis(label), "[]`*. ")
	}
	if strings.HasPrefix(s, "[") {
		if end := strings.IndexByte(s, ']'); end > 0 {
			return strings.Trim(stripEmphasis(s[1:end]), "`*. ")
		}
	}
	end := 0
	for end < len(s) && (isWordByte(s[end]) || s[end] == '.') {
		end++
	}
	return strings.Trim(s[:end], ".")
}

// typeRef turns a parsed type cell into a TypeRef; schema types are resolved later.
func (p *pageReader) typeRef(tc typeCell, c model.Cell) model.TypeRef {
	ref := model.TypeRef{Name: tc.name, Collection: tc.collection, Raw: c.Text, Link: tc.link, Pos: c.Pos}
	if tc.primitive {
		ref.Kind = model.KindPrimitive
	}
	return ref
}

// cleanName strips emphasis, code marks, links and trailing notes from a name cell: "**id**", "`id`",
// "id (read-only)".
func cleanName(s string) string {
	s = plainText(s)
	if i := strings.Index(s, " ("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.Trim(s, "*`'\" "))
}

func cellTexts(r model.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = c.Text
	}
	return out
}

func quote(s string) string { return "\"" + s + "\"" }

package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

var (
	readOnlyPhrase    = regexp.MustCompile(`(?i)\bread[- ]?only\b`)
	notNullablePhrase = regexp.MustCompile(`(?i)\b(not|non)[- ]nullable\b`)
	nullablePhrase    = regexp.MustCompile(`(?i)(^|[.>]\s*)nullable\b`)
	requiredPhrase    = regexp.MustCompile(`(?i)(^|[.>)]\s*|\s)required\.?\s*($|[.<])|^\s*required\b|\(required\)`)
	keyPhrase         = regexp.MustCompile(`(?i)(^|[.]\s*)key\.`)
	inheritedPhrase   = regexp.MustCompile(`(?i)inherited\s+from\s+(\[[^\]]*\]\([^)]*\)|\[[^\]]*\]|\*{0,2}` + "`?" + `[A-Za-z][A-Za-z0-9_.]*)`)
	propertyNameShape = regexp.MustCompile(`^[@A-Za-z_$][A-Za-z0-9_.@$-]*$`)
)

// propertyFromRow reads a row of a properties, relationships, request-body or parameters table. It returns nil
// for rows that are not properties (group labels, blank rows).
func (p *pageReader) propertyFromRow(t *model.Table, cols columns, r model.Row) *model.Property {
	nameIdx := cols.name
	if nameIdx < 0 {
		nameIdx = 0
	}
	nc := cell(r, nameIdx)
	name := cleanName(nc.Text)
	if name == "" {
		if strings.TrimSpace(strings.Join(cellTexts(r), "")) != "" {
			p.diagAt(nc.Pos, model.SeverityWarning, "property-name", "this row has no property name")
		}
		return nil
	}
	if !propertyNameShape.MatchString(name) {
		p.diagAt(nc.Pos, model.SeverityWarning, "property-name", "property name "+quote(nc.Text)+" is not a single identifier")
		if f := strings.Fields(name); len(f) > 0 && propertyNameShape.MatchString(f[0]) {
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
		case strings.HasPrefix(v, "no") || v == "false" || v == "optional":
			prop.Required = false
		}
		if normHeader(t.Header[cols.required].Text) == "optional" {
			prop.Required = !prop.Required
		}
	}
	return prop
}

// applyPhrases sets the facts a description states in words.
func (p *pageReader) applyPhrases(prop *model.Property, raw string) {
	desc := prop.Description
	if readOnlyPhrase.MatchString(desc) && !strings.Contains(strings.ToLower(desc), "read-only for") {
		prop.ReadOnly = true
	}
	if notNullablePhrase.MatchString(desc) {
		f := false
		prop.Nullable = &f
	} else if nullablePhrase.MatchString(desc) {
		t := true
		prop.Nullable = &t
	}
	if requiredPhrase.MatchString(desc) {
		prop.Required = true
	}
	if keyPhrase.MatchString(desc) {
		prop.Key = true
	}
	if m := inheritedPhrase.FindStringSubmatch(raw); m != nil {
		ref := m[1]
		if label, _, ok := firstLink(ref); ok {
			ref = label
		}
		prop.InheritedFrom = strings.Trim(stripEmphasis(ref), "[]`*. ")
	}
	if vals, _ := inlineValues(raw); len(vals) > 0 {
		prop.AllowedValues = vals
	}
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

package parser

import (
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// valuesTriggers open a list of values. The docs phrase it many ways: "Possible values are: `a`, `b`", "The
// possible values are", "Allowed values:", "Valid values are", "Supported values are", "The value can be one of",
// "possible values of this flagged enum are:", "one of the following values:".
var valuesTriggers = []string{"possible value", "allowed value", "valid value", "supported value", "accepted value",
	"available value", "value can be one of", "one of the following values"}

// valuesPhrase returns where the first values phrase in desc starts and where the list after it starts.
func valuesPhrase(desc string) (start, end int, ok bool) {
	if !hasValuesTrigger(desc) {
		return 0, 0, false
	}
	low := strings.ToLower(desc)
	start = -1
	var trigger string
	// Every trigger holds "value": one scan for "value" and a look around each, rather than a scan for each
	// trigger (this runs on every description that mentions a value).
	for from := 0; ; {
		i := strings.Index(low[from:], "value")
		if i < 0 {
			break
		}
		v := from + i
		for _, t := range valuesTriggers {
			s := v - strings.Index(t, "value")
			if s >= 0 && (start < 0 || s < start) && strings.HasPrefix(low[s:], t) {
				start, trigger = s, t
			}
		}
		from = v + 1
	}
	if start < 0 {
		return 0, 0, false
	}
	end = start + len(trigger)
	if strings.HasSuffix(trigger, "value") && end < len(low) && low[end] == 's' {
		end++
	}
	skip := func(words ...string) {
		rest := strings.TrimLeft(low[end:], " \t")
		for _, w := range words {
			if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
				end = len(low) - len(rest) + len(w)
				return
			}
		}
	}
	for _, w := range []string{"of this flagged enum", "of this flagged enumeration", "of this enum", "of this enumeration", "of this property"} {
		if rest := strings.TrimLeft(low[end:], " \t"); strings.HasPrefix(rest, w) {
			end = len(low) - len(rest) + len(w)
			break
		}
	}
	skip("are", "is", "includes", "include", "can be")
	skip("the following")
	for end < len(low) && (low[end] == ' ' || low[end] == '\t') {
		end++
	}
	if end < len(low) && low[end] == ':' {
		end++
	}
	return start, end, true
}

// hasValuesTrigger reports whether desc holds a values phrase in any case, without a lowered copy: most
// descriptions that say "value" hold none. (No trigger has a letter that a non-ASCII character lowers to, so
// folding ASCII case finds what lowering finds.)
func hasValuesTrigger(desc string) bool {
	for from := 0; ; {
		i := indexFold(desc[from:], "value")
		if i < 0 {
			return false
		}
		v := from + i
		for _, t := range valuesTriggers {
			if s := v - strings.Index(t, "value"); s >= 0 && hasPrefixFold(desc[s:], t) {
				return true
			}
		}
		from = v + 1
	}
}

// inlineValues extracts the values listed after a values phrase in a description. Backticked lists are the norm;
// plain comma lists (as in scraped pages) are read when the list has no backticks at all.
func inlineValues(desc string) (values []string, flags bool) {
	if !mayListValues(desc) {
		return nil, false
	}
	start, end, ok := valuesPhrase(desc)
	if !ok {
		return nil, false
	}
	flags = strings.Contains(strings.ToLower(desc[max(0, start-80):end]), "flag")
	rest := desc[end:]
	backticked := strings.Contains(firstSentence(rest), "`")
	seen := map[string]bool{}
	i := 0
	for i < len(rest) {
		// Separators between items, and notes in parentheses after an item.
		for i < len(rest) && strings.ContainsRune(" ,:;\t\n*", rune(rest[i])) {
			i++
		}
		if backticked && i < len(rest) && rest[i] == '(' {
			if end := strings.IndexByte(rest[i:], ')'); end > 0 {
				i += end + 1
				continue
			}
		}
		if w := leadingWord(rest[i:]); w == "and" || w == "or" {
			i += len(w)
			continue
		}
		if i >= len(rest) {
			break
		}
		var item string
		if rest[i] == '`' {
			end := strings.IndexByte(rest[i+1:], '`')
			if end < 0 {
				break
			}
			item = strings.TrimSpace(rest[i+1 : i+1+end])
			i += end + 2
		} else if !backticked {
			w := leadingWord(rest[i:])
			if w == "" {
				break
			}
			item = w
			i += len(w)
		} else {
			break
		}
		// "`a`, `b`" items may carry a trailing note in parentheses; keep identifiers only.
		if !isIdentifier(item) {
			if len(values) == 0 {
				return nil, false
			}
			continue
		}
		if strings.EqualFold(item, "null") || strings.EqualFold(item, "true") || strings.EqualFold(item, "false") {
			continue
		}
		if !seen[item] {
			seen[item] = true
			values = append(values, item)
		}
		// A plain list ends with its sentence.
		if !backticked && i < len(rest) && rest[i] == '.' {
			break
		}
	}
	if len(values) < 2 && !backticked {
		return nil, false
	}
	return values, flags
}

// mayListValues is a cheap test that rules out most descriptions before the phrases are looked for.
func mayListValues(desc string) bool {
	return indexFold(desc, "value") >= 0
}

func leadingWord(s string) string {
	j := 0
	for j < len(s) && isWordByte(s[j]) {
		j++
	}
	return s[:j]
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i]
	}
	return s
}

// readMembers reads an enum members table: Member | Value | Description, or a single Member column.
func (p *pageReader) readMembers(t *model.Table) []*model.EnumMember {
	cols := headerColumns(t.Header)
	nameIdx := cols.name
	if nameIdx < 0 {
		nameIdx = 0
	}
	var out []*model.EnumMember
	seen := map[string]bool{}
	for _, r := range t.Rows {
		c := cell(r, nameIdx)
		name := cleanName(c.Text)
		if name == "" {
			continue
		}
		if !isIdentifier(name) {
			p.diagAt(c.Pos, model.SeverityWarning, "enum-member", "enum member "+quote(c.Text)+" is not an identifier")
			continue
		}
		if seen[name] {
			p.diagAt(c.Pos, model.SeverityWarning, "duplicate-member", "enum member "+name+" is listed twice")
			continue
		}
		seen[name] = true
		m := &model.EnumMember{Name: name, Pos: c.Pos}
		if cols.value >= 0 {
			if v, err := strconv.ParseInt(strings.TrimSpace(plainText(cell(r, cols.value).Text)), 0, 64); err == nil {
				m.Value = &v
			}
		}
		if cols.desc >= 0 {
			m.Description = plainText(cell(r, cols.desc).Text)
		} else if len(t.Header) > 1 && cols.value != len(t.Header)-1 && nameIdx != len(t.Header)-1 {
			m.Description = plainText(cell(r, len(t.Header)-1).Text)
		}
		out = append(out, m)
	}
	return out
}

// newEnum builds an enum type and marks it evolvable and flags where its members say so.
func (p *pageReader) newEnum(name string, line int, members []*model.EnumMember, src model.TypeSource, prose string) *model.Type {
	t := &model.Type{Kind: model.KindEnum, Namespace: p.namespace(), Name: name, Members: members, Page: p.path, Pos: p.pos(line, 1), Source: src}
	markEnum(t, prose)
	return t
}

// markEnum sets Evolvable (an unknownFutureValue member) and Flags (power-of-two values, or prose saying
// "flagged"/"flags").
func markEnum(t *model.Type, prose string) {
	for _, m := range t.Members {
		if m.Name == "unknownFutureValue" {
			t.Evolvable = true
		}
	}
	low := strings.ToLower(prose)
	if strings.Contains(low, "flagged enum") || strings.Contains(low, "flags enum") || strings.Contains(low, "multiple members to be selected") {
		t.Flags = true
		return
	}
	t.Flags = t.Flags || powerOfTwoValues(t.Members)
}

// powerOfTwoValues reports whether members carry values that are distinct powers of two (0 allowed) and not
// simply 0, 1, 2, ... in order.
func powerOfTwoValues(ms []*model.EnumMember) bool {
	if len(ms) < 3 {
		return false
	}
	seen := map[int64]bool{}
	sequential := true
	for i, m := range ms {
		if m.Value == nil {
			return false
		}
		v := *m.Value
		if v < 0 || v&(v-1) != 0 || seen[v] {
			return false
		}
		seen[v] = true
		if v != int64(i) && v != int64(i+1) {
			sequential = false
		}
	}
	return !sequential
}

// readEnumPage reads a one-enum page: "# x enum type" with a "## Members" table.
func (p *pageReader) readEnumPage() {
	name := ""
	line := 1
	if p.page.H1 != nil {
		line = p.page.H1.Pos.Line
		h := p.page.H1.Text
		for _, suf := range []string{" enum type", " enumeration type", " enum", " enumeration"} {
			if n, ok := cutSuffixFold(h, suf); ok {
				name = strings.TrimSpace(stripEmphasis(n))
				break
			}
		}
	}
	for _, b := range p.blocks {
		if b.kind != blockTable || b.table.Role == model.TableFrontMatter {
			continue
		}
		if k, _ := b.innermost(); k != sectionMembers && !(k == sectionOther && name != "" && b.table.Role == model.TableEnumMembers) {
			continue
		}
		if name == "" || !isIdentifier(name) {
			p.diag(line, 1, model.SeverityWarning, "enum-name", "cannot tell the enum's name: the title should read \"<name> enum type\"")
			return
		}
		members := p.readMembers(b.table)
		t := p.newEnum(name, line, members, model.SourceEnumPage, p.introText())
		b.table.Role = model.TableEnumMembers
		p.res.types = append(p.res.types, t)
		return
	}
}

// readEnumTables reads "### x values" sections (aggregate enum pages, and enums documented on resource pages).
func (p *pageReader) readEnumTables() {
	for _, b := range p.blocks {
		if b.kind != blockTable {
			continue
		}
		h := b.section()
		if h == nil {
			continue
		}
		name := enumValuesName(h.text)
		if name == "" || !isIdentifier(name) {
			continue
		}
		cols := headerColumns(b.table.Header)
		if cols.typ >= 0 {
			continue
		}
		if p.definesType(name) {
			continue
		}
		b.table.Role = model.TableEnumMembers
		prose := p.proseBetween(h, b)
		p.res.types = append(p.res.types, p.newEnum(name, h.line, p.readMembers(b.table), model.SourceEnumTable, prose))
	}
}

func (p *pageReader) definesType(name string) bool {
	for _, t := range p.res.types {
		if strings.EqualFold(t.Name, name) {
			return true
		}
	}
	return false
}

// proseBetween returns the paragraph text between two blocks.
func (p *pageReader) proseBetween(from, to *block) string {
	var b strings.Builder
	for i := from.idx + 1; i < to.idx && i < len(p.blocks); i++ {
		if p.blocks[i].kind == blockParagraph {
			b.WriteString(p.blocks[i].text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

package parser

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// readQueryOptions reads what a method page says of OData query options: the statements of its "Optional query
// parameters" section ("This method supports the `$select`, `$filter` and `$top` OData query parameters", "does not
// support OData query parameters", "Some operators are not supported: `$count`, ..."), its query parameter tables,
// the ConsistencyLevel header that advanced queries need (in that section or the request headers table), and the
// options its request examples use. nil when the page says nothing of them.
func (p *pageReader) readQueryOptions(examples []*model.Example) *model.QueryOptions {
	q := &model.QueryOptions{}
	var positive, general, negativeAll bool
	var refusal model.Pos
	follow := 0 // polarity a list after "supports the following ...:" inherits: 1 supported, -1 not
	for _, b := range p.blocks {
		if b.under(sectionExamples) {
			continue
		}
		head := b.section()
		if head == nil || !queryHeading(head.text) {
			if b.kind == blockTable && b.table.Role == model.TableHeaders {
				p.readConsistencyRows(q, b.table)
			}
			continue
		}
		if q.Pos.IsZero() {
			q.Pos = p.pos(head.line, 1)
		}
		switch b.kind {
		case blockTable:
			p.readQueryTable(q, b.table)
			follow = 0
		case blockParagraph:
			mentions := p.optionMentions(b)
			if follow != 0 && len(b.text) < 120 && len(mentions) > 0 {
				// An item of the list the statement before announced.
				for _, m := range mentions {
					if follow > 0 {
						addOption(&q.Supported, m, "prose")
					} else {
						addOption(&q.Unsupported, m, "prose")
					}
				}
				continue
			}
			follow = 0
			for _, s := range sentences(b.text) {
				low := strings.ToLower(stripEmphasis(s.text))
				in := mentionsIn(mentions, s.from, s.from+len(s.text))
				if strings.Contains(low, "consistencylevel") && strings.Contains(low, "eventual") {
					p.addConsistency(q, in, p.pos(b.line+strings.Count(b.text[:s.from], "\n"), 1))
				}
				switch statementPolarity(low) {
				case 1:
					if len(in) == 0 && !strings.Contains(low, "odata") {
						continue // "You can also use the `includeDeletedItems=true` query parameter": not about OData options
					}
					positive = true
					if q.ScopePos.IsZero() {
						q.ScopePos = p.pos(b.line+strings.Count(b.text[:s.from], "\n"), 1)
					}
					if len(in) == 0 && strings.Contains(low, "odata") || containsAny(low, "including", "some of", "such as", "for example", "e.g.", "same odata") {
						general = true
					}
					for _, m := range in {
						addOption(&q.Supported, m, "prose")
					}
					if strings.HasSuffix(strings.TrimSpace(low), ":") {
						follow = 1
					}
				case -1:
					if i := exceptAt(strings.ToLower(s.text)); i >= 0 {
						// "does **not** support OData Query Parameters other than `$filter`": those it names after
						// are what it supports, and only they.
						positive = true
						for _, m := range in {
							if m.at-s.from >= i {
								addOption(&q.Supported, m, "prose")
							}
						}
						if q.ScopePos.IsZero() {
							q.ScopePos = p.pos(b.line+strings.Count(b.text[:s.from], "\n"), 1)
						}
						continue
					}
					if propertyRefusal(low) {
						continue // "The **createdDateTime** and **lastModifiedDateTime** properties do not support `$select`"
					}
					if generalRefusal.MatchString(low) {
						negativeAll = true
						refusal = p.pos(b.line+strings.Count(b.text[:s.from], "\n"), 1)
					}
					for _, m := range in {
						addOption(&q.Unsupported, m, "prose")
					}
					if strings.HasSuffix(strings.TrimSpace(low), ":") {
						follow = -1
					}
				}
			}
		}
	}
	switch {
	case positive && general:
		q.Scope = model.QueryGeneral
	case positive && len(q.Supported) > 0:
		q.Scope = model.QueryListed
	case positive:
		q.Scope = model.QueryGeneral
	case negativeAll:
		q.Scope, q.ScopePos = model.QueryNone, refusal
	case len(q.Supported) > 0:
		q.Scope = model.QueryListed // a table of options only
	}
	if q.Scope != model.QueryNone {
		for _, ex := range examples {
			if ex.Kind == model.ExampleRequest {
				for _, m := range exampleOptions(ex) {
					if _, refused := q.Refuses(m.name); !refused {
						addOption(&q.Supported, m, "example")
					}
				}
			}
		}
	}
	// An option the page both offers and refuses (the "$count and $search parameters are currently not available in
	// Azure AD B2C tenants" of a method that supports them) is supported.
	kept := q.Unsupported[:0]
	for _, o := range q.Unsupported {
		if !q.Supports(o.Name) {
			kept = append(kept, o)
		}
	}
	q.Unsupported = kept
	if q.Scope == "" && len(q.Supported) == 0 && len(q.Unsupported) == 0 && len(q.Params) == 0 && len(q.Headers) == 0 {
		return nil
	}
	if q.Pos.IsZero() {
		for _, list := range [][]model.QueryOption{q.Supported, q.Unsupported} {
			if len(list) > 0 && q.Pos.IsZero() {
				q.Pos = list[0].Pos
			}
		}
		if q.Pos.IsZero() && len(q.Headers) > 0 {
			q.Pos = q.Headers[0].Pos
		}
	}
	return q
}

// queryHeading reports whether a heading opens a section on query parameters: "Optional query parameters",
// "Query parameters", "OData query parameters"; not "Examples using the $orderBy OData query parameter".
func queryHeading(text string) bool {
	t := normHeader(text)
	return strings.Contains(t, "query parameter") && !strings.HasPrefix(t, "example") && !strings.HasPrefix(t, "use ")
}

// statementPolarity says whether a lower-cased sentence says options are supported (1), not supported (-1), or
// neither (0).
func statementPolarity(low string) int {
	if containsAny(low, "not support", "n't support", "n\u2019t support", "not currently support", "not supported",
		"unsupported", "not available", "cannot be used", "can't be used", "not be used") {
		return -1
	}
	if containsAny(low, "support", "requires the", "you can use", "can be used", "you can also use", "are available") {
		return 1
	}
	return 0
}

// exceptAt returns where a refusing sentence starts naming the options it excepts ("other than `$filter`",
// "except `$select`"), or -1. low is the sentence lower-cased, with emphasis kept: offsets are the sentence's.
func exceptAt(low string) int {
	for _, w := range []string{"other than", "except"} {
		if i := strings.Index(low, w); i >= 0 {
			return i
		}
	}
	return -1
}

// propertyRefusal reports whether a refusing sentence is about some properties, not the method: "the
// **createdDateTime** and **lastModifiedDateTime** properties of [event](...) do not support `$select`".
func propertyRefusal(low string) bool {
	i := strings.Index(low, " not ")
	return i > 0 && strings.Contains(low[:i], "propert")
}

// generalRefusal matches a sentence that refuses OData query options as a whole, not named ones.
var generalRefusal = regexp.MustCompile(`(?:not|n't|n\x{2019}t)\s+support\s+(?:the\s+|any\s+)?(?:\[)?(?:odata|optional)?\s*(?:query|odata)|(?:odata\s+)?query\s+(?:parameters|options)\s+are\s+not\s+supported|^\s*not supported\.?\s*$`)

// sentence is a sentence of a paragraph and where it starts in it.
type sentence struct {
	text string
	from int
}

// sentences splits a paragraph at ". " (or "! ", "? ") before a capital letter, a backtick or a link, keeping "e.g."
// and "(e.g. $filter is not supported here)" inside their sentence.
func sentences(text string) []sentence {
	var out []sentence
	start := 0
	for i := 0; i+2 < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && c != ':' || text[i+1] != ' ' && text[i+1] != '\n' {
			continue
		}
		next := text[i+2]
		if !(next >= 'A' && next <= 'Z' || next == '`' || next == '[') {
			continue
		}
		if c == '.' && i >= 3 && (strings.EqualFold(text[i-3:i], "e.g") || strings.EqualFold(text[i-3:i], "i.e")) {
			continue
		}
		out = append(out, sentence{text[start : i+1], start})
		start = i + 2
	}
	if start < len(text) {
		out = append(out, sentence{text[start:], start})
	}
	return out
}

// mention is an OData option named in text: its normalized name and where.
type mention struct {
	name string
	at   int // byte offset in the block's text
	pos  model.Pos
}

// optionWord finds the ways prose names an option: $select, `select`, [$top](...), "OData `$orderBy`".
var optionWord = regexp.MustCompile("\\\\?\\$([A-Za-z]+)\\b|`([A-Za-z]+)`")

// optionMentions finds the options a paragraph names, with their positions.
func (p *pageReader) optionMentions(b *block) []mention {
	var out []mention
	for _, m := range optionWord.FindAllStringSubmatchIndex(b.text, -1) {
		word := ""
		if m[2] >= 0 {
			word = b.text[m[2]:m[3]]
		} else {
			word = b.text[m[4]:m[5]]
			// A bare word in backticks is an option only where it reads as one: "the `select` and `expand` OData
			// query parameters", not "`name asc`" or "`parentNotebook`".
			if !strings.Contains(strings.ToLower(b.text[m[1]:min(len(b.text), m[1]+60)]), "param") &&
				!strings.Contains(strings.ToLower(b.text[m[1]:min(len(b.text), m[1]+16)]), "`") {
				continue
			}
		}
		name := model.NormalizeQueryOption(word)
		if name == "" {
			continue
		}
		line := b.line + strings.Count(b.text[:m[0]], "\n")
		written := b.text[m[0]:m[1]]
		out = append(out, mention{name: name, at: m[0], pos: p.pos(line, p.colOf(line, written))})
	}
	return out
}

func mentionsIn(ms []mention, from, to int) []mention {
	var out []mention
	for _, m := range ms {
		if m.at >= from && m.at < to {
			out = append(out, m)
		}
	}
	return out
}

func addOption(list *[]model.QueryOption, m mention, from string) {
	for _, o := range *list {
		if o.Name == m.name {
			return
		}
	}
	*list = append(*list, model.QueryOption{Name: m.name, From: from, Pos: m.pos})
}

// readQueryTable reads a query parameter table: a row naming an OData option ("$filter", "[$top](...)") documents
// it as supported; another row is a query parameter of the method's own (startDateTime).
func (p *pageReader) readQueryTable(q *model.QueryOptions, t *model.Table) {
	cols := headerColumns(t.Header)
	nameCol := max(cols.name, 0)
	for _, r := range t.Rows {
		c := cell(r, nameCol)
		raw := strings.TrimSpace(plainText(c.Text))
		raw = strings.TrimPrefix(raw, "\\")
		if raw == "" {
			continue
		}
		first := strings.Fields(raw)[0]
		if name := model.NormalizeQueryOption(first); name != "" && strings.HasPrefix(first, "$") {
			addOption(&q.Supported, mention{name: name, pos: c.Pos}, "table")
			continue
		}
		if strings.ContainsAny(first, "/.{}") || !isWordy(first) {
			continue // a path or a type, not a parameter: "`/groups`", "microsoft.graph.user"
		}
		prm := model.QueryParam{Name: first, Pos: c.Pos}
		if cols.typ >= 0 {
			prm.Type = plainText(cell(r, cols.typ).Text)
		}
		if cols.desc >= 0 {
			prm.Description = plainText(cell(r, cols.desc).Text)
		}
		q.Params = append(q.Params, prm)
	}
}

// isWordy reports whether s is a parameter name: letters, digits, - and _.
func isWordy(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return s != ""
}

// readConsistencyRows reads a ConsistencyLevel row of a request headers table: "| ConsistencyLevel | eventual. This
// header and `$count` are required when using `$search`, or in specific usage of `$filter`. |".
func (p *pageReader) readConsistencyRows(q *model.QueryOptions, t *model.Table) {
	for _, r := range t.Rows {
		if !strings.EqualFold(cleanName(cell(r, 0).Text), "ConsistencyLevel") {
			continue
		}
		text := strings.Join(cellTexts(r)[1:], " ")
		if !strings.Contains(strings.ToLower(text), "eventual") {
			continue
		}
		var ms []mention
		for _, m := range optionWord.FindAllStringSubmatch(text, -1) {
			if name := model.NormalizeQueryOption(m[1] + m[2]); name != "" {
				ms = append(ms, mention{name: name})
			}
		}
		p.addConsistency(q, ms, r.Pos)
		if unconditionallyRequired(text) {
			for i := range q.Headers {
				if strings.EqualFold(q.Headers[i].Name, "ConsistencyLevel") {
					q.Headers[i].Required = true
				}
			}
		}
	}
}

// unconditionallyRequired reports whether a header's description says it is required for every request:
// "eventual. Required." but not "Required for `$count`" or "required when using `$search`".
func unconditionallyRequired(text string) bool {
	low := strings.ToLower(plainText(text))
	i := strings.Index(low, "required")
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(low[i+len("required"):], " ")
	return rest == "" || rest[0] == '.' && strings.TrimSpace(rest[1:]) == ""
}

// addConsistency records that some queries need ConsistencyLevel: eventual: those that use $search or $count (the
// service refuses them on directory objects without it), and the other options the statement names.
func (p *pageReader) addConsistency(q *model.QueryOptions, ms []mention, pos model.Pos) {
	for i := range q.Headers {
		if strings.EqualFold(q.Headers[i].Name, "ConsistencyLevel") {
			h := &q.Headers[i]
			for _, m := range ms {
				h.For = appendNew(h.For, m.name)
			}
			return
		}
	}
	h := model.QueryHeader{Name: "ConsistencyLevel", Value: "eventual", Pos: pos}
	for _, m := range ms {
		h.For = appendNew(h.For, m.name)
	}
	q.Headers = append(q.Headers, h)
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// exampleOptions returns the OData options a request example's URL uses, each once, at the request line.
func exampleOptions(ex *model.Example) []mention {
	_, query, ok := strings.Cut(ex.URL, "?")
	if !ok {
		return nil
	}
	var out []mention
	for _, pair := range strings.FieldsFunc(query, func(r rune) bool { return r == '&' }) {
		key, _, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if !strings.HasPrefix(strings.TrimSpace(key), "$") {
			continue
		}
		if name := model.NormalizeQueryOption(key); name != "" {
			pos := ex.FirstLine
			if pos.IsZero() {
				pos = ex.Pos
			}
			out = append(out, mention{name: name, pos: pos})
		}
	}
	return out
}

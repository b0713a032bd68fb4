package parser

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// readJSON reads a JSON value from text that starts at line/col of a page. It forgives what the docs commonly
// get wrong (trailing commas, "..." truncation markers, comments, unquoted placeholders, missing commas between
// lines) and records each as an issue; when it cannot go on, it records a fatal issue and returns what it read.
func readJSON(text string, line, col int) (*model.Value, []model.JSONIssue) {
	return readJSONWith(text, line, col, &jsonMemory{})
}

// jsonMemory is where readJSON takes the parts of what it reads from: values, object members and array items
// come from slabs of jsonSlab, so that a body of many values costs a few allocations. Members and items wait on
// stacks until their object or array ends and its size is known. A worker keeps one for all the JSON it reads:
// what is left of a slab serves the next text, so only the end of the last slab goes unused, and no count of
// the text is needed first.
type jsonMemory struct {
	values      []model.Value
	members     []model.Member
	items       []*model.Value
	memberStack []model.Member
	itemStack   []*model.Value
}

// readJSONWith is readJSON taking memory from mem.
func readJSONWith(text string, line, col int, mem *jsonMemory) (*model.Value, []model.JSONIssue) {
	r := &jsonReader{s: text, line: line, col: col, mem: mem}
	r.skipSpace()
	if r.i >= len(r.s) {
		return nil, nil
	}
	v := r.value(0)
	if !r.failed {
		r.skipSpace()
		if r.i < len(r.s) {
			r.issue("syntax", fmt.Sprintf("unexpected %s after the JSON value", r.describe()), false)
		}
	}
	return v, r.issues
}

type jsonReader struct {
	s         string
	i         int
	line, col int // position of s[i]
	issues    []model.JSONIssue
	failed    bool
	mem       *jsonMemory
}

const maxJSONDepth = 200

func (r *jsonReader) issue(kind, msg string, fatal bool) { r.issueAt(r.line, r.col, kind, msg, fatal) }

func (r *jsonReader) issueAt(line, col int, kind, msg string, fatal bool) {
	r.issues = append(r.issues, model.JSONIssue{Line: line, Col: col, Kind: kind, Message: msg, Fatal: fatal})
	if fatal {
		r.failed = true
	}
}

// advance moves n bytes forward, keeping line and column (in characters) up to date.
func (r *jsonReader) advance(n int) {
	end := min(r.i+n, len(r.s))
	for r.i < end {
		c := r.s[r.i]
		switch {
		case c == '\n':
			r.line++
			r.col = 1
			r.i++
		case c < utf8.RuneSelf:
			r.col++
			r.i++
		default:
			_, size := utf8.DecodeRuneInString(r.s[r.i:])
			r.i += size
			r.col++
		}
	}
}

// newValue hands out a value from the slab.
func (r *jsonReader) newValue() *model.Value {
	m := r.mem
	if len(m.values) == 0 {
		m.values = make([]model.Value, jsonSlab)
	}
	v := &m.values[0]
	m.values = m.values[1:]
	return v
}

// takeMembers returns the members stacked since mark, moved to the slab, or nil when there are none.
func (m *jsonMemory) takeMembers(mark int) []model.Member {
	n := len(m.memberStack) - mark
	if n == 0 {
		return nil
	}
	if len(m.members) < n {
		m.members = make([]model.Member, max(n, jsonSlab))
	}
	out := m.members[:n:n]
	m.members = m.members[n:]
	copy(out, m.memberStack[mark:])
	m.memberStack = m.memberStack[:mark]
	return out
}

// takeItems returns the items stacked since mark, moved to the slab, or nil when there are none.
func (m *jsonMemory) takeItems(mark int) []*model.Value {
	n := len(m.itemStack) - mark
	if n == 0 {
		return nil
	}
	if len(m.items) < n {
		m.items = make([]*model.Value, max(n, jsonSlab))
	}
	out := m.items[:n:n]
	m.items = m.items[n:]
	copy(out, m.itemStack[mark:])
	m.itemStack = m.itemStack[:mark]
	return out
}

// jsonSlab is the number of values, members or items allocated at once. Everything read stays in memory with
// the model, and so does the unused end of a slab.
const jsonSlab = 256

func (r *jsonReader) describe() string {
	if r.i >= len(r.s) {
		return "end of text"
	}
	c, _ := utf8.DecodeRuneInString(r.s[r.i:])
	return fmt.Sprintf("%q", c)
}

func (r *jsonReader) skipSpace() {
	for r.i < len(r.s) {
		c := r.s[r.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			r.i++
			r.col++
		case c == '\n':
			r.i++
			r.line++
			r.col = 1
		case strings.HasPrefix(r.s[r.i:], "\u00a0"), strings.HasPrefix(r.s[r.i:], "\ufeff"):
			r.advance(1)
		case strings.HasPrefix(r.s[r.i:], "//"):
			r.issue("comment", "comments are not allowed in JSON", false)
			for r.i < len(r.s) && r.s[r.i] != '\n' {
				r.advance(1)
			}
		case strings.HasPrefix(r.s[r.i:], "/*"):
			r.issue("comment", "comments are not allowed in JSON", false)
			end := strings.Index(r.s[r.i+2:], "*/")
			if end < 0 {
				r.advance(len(r.s) - r.i)
			} else {
				r.advance(end + 4)
			}
		default:
			return
		}
	}
}

// ellipsis reports and skips a truncation marker: "...", "…", or ". . .".
func (r *jsonReader) ellipsis() bool {
	rest := r.s[r.i:]
	for _, m := range []string{"...", "…", ". . ."} {
		if strings.HasPrefix(rest, m) {
			r.issue("ellipsis", "truncation marker "+m+" is not JSON", false)
			r.advance(len(m))
			for r.i < len(r.s) && r.s[r.i] == '.' {
				r.advance(1)
			}
			return true
		}
	}
	return false
}

func (r *jsonReader) value(depth int) *model.Value {
	r.skipSpace()
	if r.i >= len(r.s) {
		r.issue("syntax", "unexpected end of text: a value is missing", true)
		return nil
	}
	if depth > maxJSONDepth {
		r.issue("syntax", "nesting too deep", true)
		return nil
	}
	v := r.newValue()
	v.Line, v.Col = r.line, r.col
	switch c := r.s[r.i]; {
	case c == '{':
		v.Kind = model.ValueObject
		r.object(v, depth)
	case c == '[':
		v.Kind = model.ValueArray
		r.array(v, depth)
	case c == '"':
		v.Kind = model.ValueString
		v.Str = r.str('"')
	case c == '\'':
		r.issue("unquoted", "strings must use double quotes", false)
		v.Kind = model.ValueString
		v.Str = r.str('\'')
	case c == '-' || ('0' <= c && c <= '9'):
		var isNumber bool
		v.Str, isNumber = r.number()
		v.Kind = model.ValueNumber
		if !isNumber {
			v.Kind = model.ValueString
		}
	default:
		word := r.bareWord()
		switch word {
		case "true", "false":
			v.Kind, v.Bool = model.ValueBool, word == "true"
		case "null":
			v.Kind = model.ValueNull
		case "":
			r.issue("syntax", fmt.Sprintf("unexpected %s where a value should be", r.describe()), true)
			return nil
		default:
			// Placeholders such as String or binary: keep them, as strings, and say so.
			r.issue("unquoted", fmt.Sprintf("unquoted value %q", word), false)
			v.Kind, v.Str = model.ValueString, word
		}
	}
	return v
}

func (r *jsonReader) bareWord() string {
	start := r.i
	for r.i < len(r.s) {
		c := r.s[r.i]
		if c == ',' || c == '}' || c == ']' || c == ':' || c == '\n' || c == '"' || c == '{' || c == '[' {
			break
		}
		r.advance(1)
	}
	return strings.TrimSpace(r.s[start:r.i])
}

func (r *jsonReader) number() (string, bool) {
	start, startLine, startCol := r.i, r.line, r.col
	for r.i < len(r.s) {
		c := r.s[r.i]
		if c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || ('0' <= c && c <= '9') {
			r.advance(1)
			continue
		}
		break
	}
	lit := r.s[start:r.i]
	// A number followed by letters ("2017-01-01T00:00Z", "1024 bytes") was a placeholder, not a number.
	j := r.i
	for j < len(r.s) && (r.s[j] == ' ' || r.s[j] == '\t') {
		j++
	}
	if j < len(r.s) && isWordByte(r.s[j]) {
		from := r.i
		r.bareWord()
		word := strings.TrimSpace(lit + r.s[from:r.i])
		r.issueAt(startLine, startCol, "unquoted", fmt.Sprintf("unquoted value %q", word), false)
		return word, false
	}
	return lit, true
}

func isWordByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// str reads a quoted string, decoding escapes. An unterminated string ends at the end of its line.
func (r *jsonReader) str(quote byte) string {
	// Fast path: no escape before the closing quote on the same line; the result is a substring of the page.
	for j := r.i + 1; j < len(r.s); j++ {
		c := r.s[j]
		if c == quote {
			v := r.s[r.i+1 : j]
			// No line ends on the way: only the column moves, by the characters read and the two quotes.
			r.col += utf8.RuneCountInString(v) + 2
			r.i = j + 1
			return v
		}
		if c == '\\' || c == '\n' {
			break
		}
	}
	r.advance(1)
	var b strings.Builder
	for r.i < len(r.s) {
		c := r.s[r.i]
		switch {
		case c == quote:
			r.advance(1)
			return b.String()
		case c == '\\' && r.i+1 < len(r.s):
			e := r.s[r.i+1]
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				if x, ok := hex4(r.s[r.i+2:]); ok {
					width := 6
					// A surrogate pair written as two escapes is one character, as encoding/json reads it; a
					// lone surrogate is U+FFFD.
					if utf16.IsSurrogate(x) && strings.HasPrefix(r.s[r.i+6:], "\\u") {
						if y, ok := hex4(r.s[r.i+8:]); ok {
							if pair := utf16.DecodeRune(x, y); pair != utf8.RuneError {
								x, width = pair, 12
							}
						}
					}
					b.WriteRune(x)
					r.advance(width)
					continue
				}
				r.issue("syntax", "invalid \\u escape", false)
			case '"', '\\', '/', '\'':
				b.WriteByte(e)
			default:
				// The escaped character is kept whole, a multibyte one too.
				esc, size := utf8.DecodeRuneInString(r.s[r.i+1:])
				r.issue("syntax", fmt.Sprintf("invalid escape \\%c", esc), false)
				b.WriteString(r.s[r.i+1 : r.i+1+size])
				r.advance(1 + size)
				continue
			}
			r.advance(2)
		case c == '\n':
			r.issue("syntax", "string not closed before the end of the line", false)
			return b.String()
		default:
			_, size := utf8.DecodeRuneInString(r.s[r.i:])
			b.WriteString(r.s[r.i : r.i+size])
			r.advance(size)
		}
	}
	r.issue("syntax", "string not closed before the end of the text", true)
	return b.String()
}

// hex4 reads the four hexadecimal digits of a \\u escape at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var x rune
	for _, c := range []byte(s[:4]) {
		switch {
		case '0' <= c && c <= '9':
			x = x<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			x = x<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			x = x<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return x, true
}

// object reads an object into v; its members are gathered on the member stack.
func (r *jsonReader) object(v *model.Value, depth int) {
	mark := len(r.mem.memberStack)
	r.members(v, depth)
	v.Members = r.mem.takeMembers(mark)
}

func (r *jsonReader) members(v *model.Value, depth int) {
	r.advance(1) // {
	expectMember := true
	for {
		r.skipSpace()
		if r.i >= len(r.s) {
			r.issue("syntax", "object not closed: '}' is missing", true)
			return
		}
		c := r.s[r.i]
		switch {
		case c == '}':
			r.advance(1)
			return
		case c == ',':
			r.comma('}')
			expectMember = true
			continue
		case r.ellipsis():
			v.Elided = true
			continue
		}
		if !expectMember {
			r.issue("syntax", "missing comma between object members", false)
		}
		if r.failed {
			return
		}
		m := model.Member{Line: r.line, Col: r.col}
		switch c {
		case '"':
			m.Key = r.str('"')
		case '\'':
			r.issue("unquoted", "keys must use double quotes", false)
			m.Key = r.str('\'')
		default:
			if !isWordByte(c) && c != '@' && c != '$' {
				r.issue("syntax", fmt.Sprintf("unexpected %s where a member name should be", r.describe()), true)
				return
			}
			m.Key = r.bareWord()
			r.issue("unquoted", fmt.Sprintf("member name %q is not quoted", m.Key), false)
		}
		if r.failed {
			return
		}
		r.skipSpace()
		if r.i < len(r.s) && (r.s[r.i] == ':' || r.s[r.i] == '=') {
			if r.s[r.i] == '=' {
				r.issue("syntax", "'=' used instead of ':'", false)
			}
			r.advance(1)
		} else {
			r.issue("syntax", fmt.Sprintf("expected ':' after member name %q, found %s", m.Key, r.describe()), true)
			r.mem.memberStack = append(r.mem.memberStack, m)
			return
		}
		m.Value = r.value(depth + 1)
		r.mem.memberStack = append(r.mem.memberStack, m)
		if r.failed {
			return
		}
		expectMember = false
	}
}

// comma reads the comma after a member or an item, and reports a comma that JSON does not allow after it: one
// before closer, which ends the object or array, or a second one.
func (r *jsonReader) comma(closer byte) {
	line, col := r.line, r.col
	r.advance(1)
	r.skipSpace()
	switch {
	case r.i >= len(r.s):
	case r.s[r.i] == closer:
		r.issueAt(line, col, "trailing-comma", "trailing comma before '"+string(closer)+"'", false)
	case r.s[r.i] == ',':
		r.issue("syntax", "two commas in a row", false)
	}
}

// array reads an array into v; its items are gathered on the item stack.
func (r *jsonReader) array(v *model.Value, depth int) {
	mark := len(r.mem.itemStack)
	r.arrayItems(v, depth)
	v.Items = r.mem.takeItems(mark)
}

func (r *jsonReader) arrayItems(v *model.Value, depth int) {
	r.advance(1) // [
	expectItem := true
	for {
		r.skipSpace()
		if r.i >= len(r.s) {
			r.issue("syntax", "array not closed: ']' is missing", true)
			return
		}
		c := r.s[r.i]
		switch {
		case c == ']':
			r.advance(1)
			return
		case c == ',':
			r.comma(']')
			expectItem = true
			continue
		case c == '}':
			r.issue("syntax", "'}' where ']' should close the array", true)
			return
		case r.ellipsis():
			v.Elided = true
			continue
		}
		if !expectItem {
			r.issue("syntax", "missing comma between array items", false)
		}
		it := r.value(depth + 1)
		if it != nil {
			r.mem.itemStack = append(r.mem.itemStack, it)
		}
		if r.failed {
			return
		}
		expectItem = false
	}
}

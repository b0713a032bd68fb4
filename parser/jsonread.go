package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// readJSON reads a JSON value from text that starts at line/col of a page. It forgives what the docs commonly
// get wrong (trailing commas, "..." truncation markers, comments, unquoted placeholders, missing commas between
// lines) and records each as an issue; when it cannot go on, it records a fatal issue and returns what it read.
func readJSON(text string, line, col int) (*model.Value, []model.JSONIssue) {
	var slab []model.Value
	return readJSONSlab(text, line, col, &slab)
}

// readJSONSlab is readJSON taking its values from *slab (and leaving the rest there), so that one page's many
// small JSON blocks share allocations. The slab is sized to the text: the values stay in memory with the model,
// and so does any unused part of their slab.
func readJSONSlab(text string, line, col int, slab *[]model.Value) (*model.Value, []model.JSONIssue) {
	if need := countValues(text); len(*slab) < need {
		*slab = make([]model.Value, need)
	}
	r := &jsonReader{s: text, line: line, col: col, slab: *slab}
	defer func() { *slab = r.slab }()
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
	slab      []model.Value
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

// newValue hands out values from a slab, so that a body of many values costs few allocations.
func (r *jsonReader) newValue() *model.Value {
	if len(r.slab) == 0 {
		// countValues fell short, as it can on text that is not quite JSON.
		r.slab = make([]model.Value, 16)
	}
	v := &r.slab[0]
	r.slab = r.slab[1:]
	return v
}

// countValues counts the values a JSON text holds — the root, one per object member, one per array item — from
// its punctuation outside strings. The count is exact for valid JSON; the mistakes readJSON tolerates can make it
// a little off either way.
func countValues(s string) int {
	n := 1
	depth := 0
	var arrays uint64 // bit d is set while the container at depth d is an array; deeper ones count as objects
	inArray := func() bool { return depth < 64 && arrays&(1<<depth) != 0 }
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			// readJSON ends an unclosed string at the end of its line.
			for i++; i < len(s) && s[i] != '"' && s[i] != '\n'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
			if depth < 64 {
				arrays &^= 1 << depth
				if c == '[' {
					arrays |= 1 << depth
					if rest := strings.TrimLeft(s[i+1:], " \t\r\n"); rest != "" && rest[0] != ']' {
						n++ // the first item
					}
				}
			}
		case '}', ']':
			depth = max(depth-1, 0)
		case ':':
			if !inArray() {
				n++
			}
		case ',':
			if inArray() {
				n++
			}
		}
	}
	return n
}

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
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			r.advance(1)
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
	start := r.i
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
		r.issueAt(r.line, r.col-len(word), "unquoted", fmt.Sprintf("unquoted value %q", word), false)
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
			r.advance(j + 1 - r.i)
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
				if r.i+6 <= len(r.s) {
					var x rune
					if _, err := fmt.Sscanf(r.s[r.i+2:r.i+6], "%04x", &x); err == nil {
						b.WriteRune(x)
						r.advance(6)
						continue
					}
				}
				r.issue("syntax", "invalid \\u escape", false)
			case '"', '\\', '/', '\'':
				b.WriteByte(e)
			default:
				r.issue("syntax", fmt.Sprintf("invalid escape \\%c", e), false)
				b.WriteByte(e)
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

func (r *jsonReader) object(v *model.Value, depth int) {
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
			line, col := r.line, r.col
			r.advance(1)
			r.skipSpace()
			if r.i < len(r.s) && r.s[r.i] == '}' {
				r.issueAt(line, col, "trailing-comma", "trailing comma before '}'", false)
			} else if r.i < len(r.s) && r.s[r.i] == ',' {
				r.issue("syntax", "two commas in a row", false)
			}
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
			v.Members = append(v.Members, m)
			return
		}
		m.Value = r.value(depth + 1)
		v.Members = append(v.Members, m)
		if r.failed {
			return
		}
		expectMember = false
	}
}

func (r *jsonReader) array(v *model.Value, depth int) {
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
			line, col := r.line, r.col
			r.advance(1)
			r.skipSpace()
			if r.i < len(r.s) && r.s[r.i] == ']' {
				r.issueAt(line, col, "trailing-comma", "trailing comma before ']'", false)
			}
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
			v.Items = append(v.Items, it)
		}
		if r.failed {
			return
		}
		expectItem = false
	}
}

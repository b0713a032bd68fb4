package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The OpenAPI document is built as a tree of ordered objects (obj), slices ([]any) and scalars, and written by
// the two encoders below: the order of members is the order they were set in (so the document reads openapi,
// info, paths, components as people expect), and no map is ranged over, so the output is deterministic.
// Every string of the docs is a string scalar of the tree, which both encoders escape: docs text is data.

// obj is a JSON object whose members keep the order they were set in.
type obj []member

type member struct {
	key   string
	value any
}

// set appends a member; the builders never set a key twice, except for the docs' own example objects, which
// add uses.
func (o *obj) set(key string, value any) { *o = append(*o, member{key, value}) }

// add appends a member unless the key is already there (the first wins, as Value.Get reads it): an example
// object of the docs may repeat a key, which JSON readers and YAML refuse.
func (o *obj) add(key string, value any) bool {
	for _, m := range *o {
		if m.key == key {
			return false
		}
	}
	o.set(key, value)
	return true
}

// get returns the value of key, or nil.
func (o obj) get(key string) any {
	for _, m := range o {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// number is a JSON number literal, already checked to be one.
type number string

// numberLiteral returns s as a number when it is a valid JSON number, and ok false otherwise (the docs' tolerant
// JSON may hold 1.0.0 or 0x10, which are then kept as strings).
func numberLiteral(s string) (number, bool) {
	if s == "" || !json.Valid([]byte(s)) || !(s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
		return "", false
	}
	return number(s), true
}

// encodeJSON writes the tree as JSON indented by two spaces, with a final newline.
func encodeJSON(v any) []byte {
	var b bytes.Buffer
	writeJSON(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, v any, depth int) {
	newline := func(d int) {
		b.WriteByte('\n')
		for range d {
			b.WriteString("  ")
		}
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case number:
		b.WriteString(string(x))
	case string:
		writeJSONString(b, x)
	case obj:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, m := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(depth + 1)
			writeJSONString(b, m.key)
			b.WriteString(": ")
			writeJSON(b, m.value, depth+1)
		}
		newline(depth)
		b.WriteByte('}')
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			newline(depth + 1)
			writeJSON(b, e, depth+1)
		}
		newline(depth)
		b.WriteByte(']')
	case []string:
		items := make([]any, len(x))
		for i, s := range x {
			items[i] = s
		}
		writeJSON(b, items, depth)
	default:
		panic("openapi: no JSON encoding for a value of this type") // a bug of the builders, not of the docs
	}
}

// writeJSONString writes s as a JSON string; invalid UTF-8 becomes U+FFFD, as encoding/json does.
func writeJSONString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(strings.ToValidUTF8(s, "\uFFFD")) // a string always marshals
	b.Write(data)
}

// encodeYAML writes the tree as a YAML 1.2 document in block style. Strings are tagged !!str, so that the
// encoder quotes those that would read as another type ("true", "1.0", "null", "- x").
func encodeYAML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(yamlNode(v)); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func yamlNode(v any) *yaml.Node {
	scalar := func(tag, value string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
	}
	switch x := v.(type) {
	case nil:
		return scalar("!!null", "null")
	case bool:
		return scalar("!!bool", strconv.FormatBool(x))
	case int:
		return scalar("!!int", strconv.Itoa(x))
	case number:
		if strings.ContainsAny(string(x), ".eE") {
			return scalar("!!float", string(x))
		}
		return scalar("!!int", string(x))
	case string:
		return stringNode(x)
	case obj:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, m := range x {
			n.Content = append(n.Content, stringNode(m.key), yamlNode(m.value))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range x {
			n.Content = append(n.Content, yamlNode(e))
		}
		return n
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, s := range x {
			n.Content = append(n.Content, stringNode(s))
		}
		return n
	}
	panic("openapi: no YAML encoding for a value of this type")
}

// stringNode is a string scalar. Text YAML cannot hold plainly (control characters, invalid UTF-8, a BOM) is
// written double-quoted with escapes, which the encoder picks itself for all but invalid UTF-8, replaced here.
func stringNode(s string) *yaml.Node {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r == '\uFEFF' || r >= 0x80 && r < 0xa0 || r == 0x2028 || r == 0x2029 {
			n.Style = yaml.DoubleQuotedStyle
			break
		}
	}
	return n
}

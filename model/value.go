package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// ValueKind is the JSON kind of a Value.
type ValueKind uint8

const (
	ValueNull ValueKind = iota
	ValueBool
	ValueNumber
	ValueString
	ValueArray
	ValueObject
)

var valueKindNames = [...]string{"null", "boolean", "number", "string", "array", "object"}

func (k ValueKind) String() string {
	if int(k) < len(valueKindNames) {
		return valueKindNames[k]
	}
	return "invalid"
}

// Value is a JSON value read from a page, with the line and column where it starts. Examples in the docs are
// read tolerantly, so a Value may come from text that is not strictly JSON; JSONIssue records what was forgiven.
type Value struct {
	Kind    ValueKind
	Line    int
	Col     int
	Str     string // string content, or the number as written
	Bool    bool
	Members []Member // object members in order; duplicates kept
	Items   []*Value
	// Elided is set on arrays and objects that contained a "..." truncation marker.
	Elided bool
}

// Member is one "key": value pair of an object.
type Member struct {
	Key   string
	Line  int
	Col   int
	Value *Value
}

// Get returns the value of the first member named key in an object (exact match first, then case-insensitive).
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != ValueObject {
		return nil
	}
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value
		}
	}
	for _, m := range v.Members {
		if equalFold(m.Key, key) {
			return m.Value
		}
	}
	return nil
}

// Text returns the string content of a string, the literal of a number or boolean, and "" otherwise.
func (v *Value) Text() string {
	if v == nil {
		return ""
	}
	switch v.Kind {
	case ValueString, ValueNumber:
		return v.Str
	case ValueBool:
		return strconv.FormatBool(v.Bool)
	}
	return ""
}

// MarshalJSON renders the value as plain JSON (positions dropped), so that it can be fed to a decoder.
func (v *Value) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	v.write(&b)
	return b.Bytes(), nil
}

func (v *Value) write(b *bytes.Buffer) {
	if v == nil {
		b.WriteString("null")
		return
	}
	switch v.Kind {
	case ValueNull:
		b.WriteString("null")
	case ValueBool:
		b.WriteString(strconv.FormatBool(v.Bool))
	case ValueNumber:
		if json.Valid([]byte(v.Str)) {
			b.WriteString(v.Str)
		} else {
			b.WriteString(strconv.Quote(v.Str))
		}
	case ValueString:
		s, _ := json.Marshal(v.Str)
		b.Write(s)
	case ValueArray:
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.write(b)
		}
		b.WriteByte(']')
	case ValueObject:
		b.WriteByte('{')
		for i, m := range v.Members {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(m.Key)
			b.Write(k)
			b.WriteByte(':')
			m.Value.write(b)
		}
		b.WriteByte('}')
	}
}

// JSONIssue is something a tolerant JSON read forgave (a trailing comma, a "..." marker) or could not get past.
type JSONIssue struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Kind    string `json:"kind"` // "trailing-comma", "ellipsis", "comment", "syntax", "unquoted"
	Message string `json:"message"`
	// Fatal is set when reading stopped here; what was read before is kept.
	Fatal bool `json:"fatal,omitempty"`
}

// UnmarshalJSON reads plain JSON into a Value, keeping member order; positions are not known and stay zero.
func (v *Value) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	got, err := decodeValue(dec)
	if err != nil {
		return err
	}
	*v = *got
	return nil
}

func decodeValue(dec *json.Decoder) (*Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := &Value{Kind: ValueObject}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				item, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				v.Members = append(v.Members, Member{Key: key, Value: item})
			}
			_, err := dec.Token()
			return v, err
		case '[':
			v := &Value{Kind: ValueArray}
			for dec.More() {
				item, err := decodeValue(dec)
				if err != nil {
					return nil, err
				}
				v.Items = append(v.Items, item)
			}
			_, err := dec.Token()
			return v, err
		}
	case string:
		return &Value{Kind: ValueString, Str: t}, nil
	case json.Number:
		return &Value{Kind: ValueNumber, Str: t.String()}, nil
	case bool:
		return &Value{Kind: ValueBool, Bool: t}, nil
	case nil:
		return &Value{Kind: ValueNull}, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

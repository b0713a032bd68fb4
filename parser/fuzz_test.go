package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// fuzzPagePaths are where a fuzzed page is put: the folder decides a page's kind when nothing else does.
var fuzzPagePaths = []string{"api/page.md", "resources/page.md", "includes/page.md", "page.md"}

// addPageSeeds adds the docs pages of the project (docs-input) and the seeds beside it as fuzz seeds.
func addPageSeeds(f *testing.F, add func(data []byte)) {
	pages, _ := filepath.Glob(filepath.Join("..", "docs-input", "*", "*.md"))
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	for _, p := range append(pages, seeds...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(data)
	}
	for _, c := range pathologicalCases {
		add([]byte(c.build(512)))
	}
}

// FuzzReadPage reads arbitrary bytes as a page: no panic (a recovered one is an "internal" diagnostic), every
// position of the model inside the page, every string valid UTF-8, and no control characters but in what JSON
// escapes decode to.
func FuzzReadPage(f *testing.F) {
	addPageSeeds(f, func(data []byte) {
		for k := range fuzzPagePaths {
			f.Add(data, uint8(k))
		}
	})
	f.Fuzz(func(t *testing.T, data []byte, where uint8) {
		path := fuzzPagePaths[int(where)%len(fuzzPagePaths)]
		m := ParsePages(map[string][]byte{path: data}, nil)
		for _, d := range m.Diagnostics {
			if d.Rule == "internal" {
				t.Fatalf("panic while reading: %s", d)
			}
		}
		assertCleanModel(t, m)
	})
}

// assertCleanModel checks every string and position of a model of pages read from text: strings are valid UTF-8
// without control characters (but tab, line feed and carriage return; JSON values and member names hold what their
// escapes say), and positions are inside their page (line 1..lines, column 0 when unknown, else 1..length+1).
func assertCleanModel(t *testing.T, m *model.Model) {
	t.Helper()
	lines := map[string][]string{}
	for _, p := range m.Pages {
		if !utf8.Valid(p.Source) || firstFault(p.Source) >= 0 {
			t.Errorf("page %s: source is not clean text", p.Path)
		}
		lines[p.Path] = strings.Split(string(p.Source), "\n")
	}
	w := modelWalker{t: t, lines: lines, seen: map[uintptr]bool{}}
	w.walk(reflect.ValueOf(m), "model", "")
}

type modelWalker struct {
	t     *testing.T
	lines map[string][]string
	seen  map[uintptr]bool
}

var (
	posType     = reflect.TypeOf(model.Pos{})
	valueType   = reflect.TypeOf(model.Value{})
	memberType  = reflect.TypeOf(model.Member{})
	jsonIssType = reflect.TypeOf(model.JSONIssue{})
)

// walk visits v at path; file is the page the values below come from, when known.
func (w *modelWalker) walk(v reflect.Value, path, file string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Pointer {
			if w.seen[v.Pointer()] {
				return
			}
			w.seen[v.Pointer()] = true
		}
		w.walk(v.Elem(), path, file)
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // raw bytes (page sources) are checked as pages
		}
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), file)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			w.walk(iter.Key(), path+".key", file)
			w.walk(iter.Value(), fmt.Sprintf("%s[%v]", path, iter.Key()), file)
		}
	case reflect.String:
		w.checkString(v.String(), path, false)
	case reflect.Struct:
		switch v.Type() {
		case posType:
			pos := v.Interface().(model.Pos)
			if pos.File != "" || pos.Line != 0 {
				w.checkPos(pos.File, pos.Line, pos.Col, path)
			}
		case valueType, memberType, jsonIssType:
			if line := int(v.FieldByName("Line").Int()); line != 0 && file != "" {
				w.checkPos(file, line, int(v.FieldByName("Col").Int()), path)
			}
		}
		if f := v.FieldByName("Path"); f.IsValid() && f.Kind() == reflect.String && v.FieldByName("Source").IsValid() {
			file = f.String() // a page: what is below comes from it
		}
		if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == posType && f.Interface().(model.Pos).File != "" {
			file = f.Interface().(model.Pos).File
		}
		for i := 0; i < v.NumField(); i++ {
			field := v.Type().Field(i)
			if !field.IsExported() {
				continue
			}
			fv := v.Field(i)
			if (v.Type() == valueType && field.Name == "Str") || (v.Type() == memberType && field.Name == "Key") {
				w.checkString(fv.String(), path+"."+field.Name, true)
				continue
			}
			w.walk(fv, path+"."+field.Name, file)
		}
	}
}

func (w *modelWalker) checkString(s, path string, jsonValue bool) {
	if !utf8.ValidString(s) {
		w.t.Errorf("%s: not UTF-8: %q", path, s)
		return
	}
	if !jsonValue && firstFault([]byte(s)) >= 0 {
		w.t.Errorf("%s: control character in %q", path, s)
	}
}

func (w *modelWalker) checkPos(file string, line, col int, path string) {
	lines, ok := w.lines[file]
	if !ok {
		w.t.Errorf("%s: position in %q, which is no page", path, file)
		return
	}
	if line < 1 || line > len(lines) {
		w.t.Errorf("%s: line %d outside %s (%d lines)", path, line, file, len(lines))
		return
	}
	if col < 0 || col > utf8.RuneCountInString(lines[line-1])+1 {
		w.t.Errorf("%s: column %d outside line %d of %s (%q)", path, col, line, file, lines[line-1])
	}
}

// FuzzJSONRead reads arbitrary bytes as JSON with the tolerant reader: no panic, every position inside the
// text, strings valid UTF-8 when the text is, and for what encoding/json accepts (valid UTF-8, nested at most maxJSONDepth deep), no fatal issue and the
// same value: the same members in the same order, the same strings, numbers as written.
func FuzzJSONRead(f *testing.F) {
	for _, s := range []string{`{"a": 1, "b": [true, null, "x\u00e9\ud83d\ude0a"], "c": {"d": -2.5e3}}`, `[1, 2,]`,
		`{"a": "b" "c": 1}`, `{"a": ..., // x` + "\n}", `{"id": {id}}`, `"\ud800"`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	addPageSeeds(f, func(data []byte) {
		// The JSON of a page's code blocks.
		for _, block := range bytes.Split(data, []byte("```")) {
			if i := bytes.IndexAny(block, "{["); i >= 0 {
				f.Add(block[i:])
			}
		}
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		text := string(data)
		v, issues := readJSON(text, 1, 1)
		// Pages are clean text before their JSON is read; from clean text come clean strings.
		validText := utf8.Valid(data)
		lines := strings.Split(text, "\n")
		inside := func(what string, line, col int) {
			if line < 1 || line > len(lines) || col < 1 || col > utf8.RuneCountInString(lines[line-1])+1 {
				t.Fatalf("%s at %d:%d is outside the text (%d lines)", what, line, col, len(lines))
			}
		}
		for _, is := range issues {
			inside("issue "+is.Message, is.Line, is.Col)
		}
		var visit func(v *model.Value)
		visit = func(v *model.Value) {
			if v == nil {
				return // a member whose value could not be read
			}
			inside("value "+v.Kind.String(), v.Line, v.Col)
			if validText && !utf8.ValidString(v.Str) {
				t.Fatalf("value %q is not UTF-8", v.Str)
			}
			for _, m := range v.Members {
				inside("member "+m.Key, m.Line, m.Col)
				if validText && !utf8.ValidString(m.Key) {
					t.Fatalf("member name %q is not UTF-8", m.Key)
				}
				visit(m.Value)
			}
			for _, it := range v.Items {
				visit(it)
			}
		}
		visit(v)
		if !json.Valid(data) || !validText || jsonDepth(data) > maxJSONDepth {
			return
		}
		for _, is := range issues {
			if is.Fatal {
				t.Fatalf("fatal issue on valid JSON: %+v", is)
			}
		}
		want, err := orderedJSON(json.NewDecoder(bytes.NewReader(data)))
		if err != nil {
			t.Fatal(err)
		}
		if got := plainValue(v); !reflect.DeepEqual(got, want) {
			t.Fatalf("read %#v, encoding/json reads %#v", got, want)
		}
	})
}

// jsonDepth is the deepest nesting of arrays and objects in valid JSON.
func jsonDepth(data []byte) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
			deepest = max(deepest, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

// jsonMember is one member of an object, in order.
type jsonMember struct {
	Key   string
	Value any
}

// orderedJSON decodes one JSON value keeping objects' members in order: []jsonMember, []any, string,
// json.Number, bool or nil.
func orderedJSON(dec *json.Decoder) (any, error) {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '{' {
			members := []jsonMember{}
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := orderedJSON(dec)
				if err != nil {
					return nil, err
				}
				members = append(members, jsonMember{key.(string), v})
			}
			_, err := dec.Token()
			return members, err
		}
		items := []any{}
		for dec.More() {
			v, err := orderedJSON(dec)
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		_, err := dec.Token()
		return items, err
	case json.Number:
		return tok, nil
	default:
		return tok, nil
	}
}

// plainValue is a model.Value as orderedJSON gives it.
func plainValue(v *model.Value) any {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case model.ValueObject:
		members := []jsonMember{}
		for _, m := range v.Members {
			members = append(members, jsonMember{m.Key, plainValue(m.Value)})
		}
		return members
	case model.ValueArray:
		items := []any{}
		for _, it := range v.Items {
			items = append(items, plainValue(it))
		}
		return items
	case model.ValueString:
		return v.Str
	case model.ValueNumber:
		return json.Number(v.Str)
	case model.ValueBool:
		return v.Bool
	}
	return nil
}

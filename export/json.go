package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/graphdocgen/graphdocgen/model"
)

// ModelFormat identifies the JSON model format; it changes when a change would break readers.
const ModelFormat = "graphdocgen/model/v1"

type jsonModel struct {
	Format string `json:"format"`
	*model.Model
}

// JSON renders the model as indented JSON (see the README for the format): WriteJSON into memory.
func JSON(m *model.Model) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteJSON(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteJSON writes the model as JSON renders it, one element at a time: each element of the model's lists (a
// page, a type, an operation) is encoded on its own through a buffered writer, so the document as a whole is never
// held in memory (json.MarshalIndent of the beta model built it twice, compact and indented: ~700 MB). The output is
// byte for byte json.MarshalIndent's: the fields are the Model's own, by its struct tags, so a field added to the
// model is written without this code changing.
func WriteJSON(w io.Writer, m *model.Model) error {
	bw := bufio.NewWriterSize(w, 256<<10)
	s := &jsonStream{w: bw}
	s.enc = json.NewEncoder(&s.compact) // compact; appendIndented indents (json's indenter took half the time)
	s.raw(`{` + "\n" + `  "format": `)
	s.value(ModelFormat, "  ")
	v := reflect.ValueOf(m).Elem()
	for _, f := range modelFields() {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmptyValue(fv) || f.omitZero && fv.IsZero() {
			continue
		}
		s.raw(",\n  " + f.key + ": ")
		if fv.Kind() == reflect.Slice && !fv.IsNil() {
			s.list(fv)
		} else {
			s.value(fv.Interface(), "  ")
		}
	}
	s.raw("\n}\n")
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

// jsonStream writes JSON through w, keeping the first error.
type jsonStream struct {
	w       *bufio.Writer
	compact bytes.Buffer // one element, encoded compactly
	elem    []byte       // the same, indented
	enc     *json.Encoder
	err     error
}

func (s *jsonStream) raw(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

// list writes a non-nil slice of the Model (an array at depth 1, its elements at depth 2) element by element.
func (s *jsonStream) list(v reflect.Value) {
	if v.Len() == 0 {
		s.raw("[]")
		return
	}
	s.raw("[")
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			s.raw(",")
		}
		s.raw("\n    ")
		s.value(v.Index(i).Interface(), "    ")
	}
	s.raw("\n  ]")
}

// value writes one value indented as MarshalIndent would at the depth whose indentation is prefix.
func (s *jsonStream) value(x any, prefix string) {
	if s.err != nil {
		return
	}
	s.compact.Reset()
	if s.err = s.enc.Encode(x); s.err != nil {
		return
	}
	s.elem = appendIndented(s.elem[:0], bytes.TrimSuffix(s.compact.Bytes(), []byte("\n")), prefix)
	_, s.err = s.w.Write(s.elem)
}

// modelField is a field of model.Model as encoding/json writes it.
type modelField struct {
	index               int
	key                 string // quoted
	omitEmpty, omitZero bool
}

// modelFields lists Model's fields by its struct tags, as encoding/json reads them.
var modelFields = sync.OnceValue(func() []modelField {
	t := reflect.TypeFor[model.Model]()
	var out []modelField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		key, _ := json.Marshal(name)
		mf := modelField{index: i, key: string(key)}
		for _, o := range strings.Split(opts, ",") {
			mf.omitEmpty = mf.omitEmpty || o == "omitempty"
			mf.omitZero = mf.omitZero || o == "omitzero"
		}
		out = append(out, mf)
	}
	return out
})

// isEmptyValue is encoding/json's omitempty test.
func isEmptyValue(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// ReadJSON reads a model written by JSON. A file that does not fit the model's JSON schema (ModelSchema) — a null
// where a type, an operation, a path or a property should be, a string where an array should be — is refused,
// and the error names the wrong values by their JSON pointer: "/types/0: null is not an object".
//
// A file is read into the model first, and checked for the nulls the decoder lets through where the schema
// forbids them (an element of a list); only a file that fails that is checked against the schema as a whole, for
// the error. That keeps reading a large valid model (40 MB for the Graph v1.0 docs) as cheap as it was.
func ReadJSON(data []byte) (*model.Model, error) {
	var jm jsonModel
	jm.Model = &model.Model{}
	err := json.Unmarshal(data, &jm)
	if err == nil {
		err = checkNoNilElements(reflect.ValueOf(jm.Model).Elem())
	}
	if err != nil {
		if verr := validateModelJSON(data); verr != nil {
			return nil, verr
		}
		return nil, err
	}
	jm.Model.Reindex()
	return jm.Model, nil
}

var valueType = reflect.TypeFor[model.Value]()

// nilElement is the error of checkNoNilElements: where the null is, as JSON pointer tokens, gathered on the way
// back up so that a valid model costs no paths.
type nilElement struct{ at []string }

func (e *nilElement) Error() string {
	for i, j := 0, len(e.at)-1; i < j; i, j = i+1, j-1 {
		e.at[i], e.at[j] = e.at[j], e.at[i]
	}
	return "/" + strings.Join(escapePointer(e.at), "/") + ": null is not an object"
}

func (e *nilElement) under(token string) error {
	if token != "" { // an embedded struct's fields are the outer object's
		e.at = append(e.at, token)
	}
	return e
}

// structField is a field of a model struct that may hold a list, somewhere down.
type structField struct {
	index int
	name  string
}

var walkPlans sync.Map // reflect.Type → []structField, or nil when the type holds no list

// fieldsToWalk returns the fields of struct type t that may hold a list; ok is false when none does.
func fieldsToWalk(t reflect.Type) ([]structField, bool) {
	if p, ok := walkPlans.Load(t); ok {
		fs := p.([]structField)
		return fs, fs != nil
	}
	walkPlans.Store(t, []structField{}) // a type that holds itself: walked, and its fields added below
	var fields []structField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" && !f.Anonymous {
			name = f.Name
		}
		if mayHoldList(f.Type) {
			fields = append(fields, structField{i, name})
		}
	}
	walkPlans.Store(t, fields)
	return fields, fields != nil
}

func mayHoldList(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == valueType:
		return false // reads itself, and never holds nil
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Map:
		return true
	case t.Kind() == reflect.Struct:
		_, ok := fieldsToWalk(t)
		return ok
	}
	return false
}

// checkNoNilElements walks a decoded model and fails at the first nil element of a list or map: JSON null, which
// the decoder reads into a nil pointer that the code would then use.
func checkNoNilElements(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type().Elem() == valueType {
			return nil
		}
		return checkNoNilElements(v.Elem())
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			e := v.Index(i)
			if e.Kind() == reflect.Pointer && e.IsNil() {
				return (&nilElement{}).under(strconv.Itoa(i))
			}
			if err := checkNoNilElements(e); err != nil {
				return err.(*nilElement).under(strconv.Itoa(i))
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			e := iter.Value()
			if e.Kind() == reflect.Pointer && e.IsNil() {
				return (&nilElement{}).under(iter.Key().String())
			}
			if err := checkNoNilElements(e); err != nil {
				return err.(*nilElement).under(iter.Key().String())
			}
		}
	case reflect.Struct:
		fields, _ := fieldsToWalk(v.Type())
		for _, f := range fields {
			if err := checkNoNilElements(v.Field(f.index)); err != nil {
				return err.(*nilElement).under(f.name)
			}
		}
	}
	return nil
}

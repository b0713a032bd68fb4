package support

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The codec reads and writes the generated structs by their json tags, through reflection, so that the generated
// code stays declarations: one walker here instead of a marshaller per type. It knows three things encoding/json
// does not: Optional's absent/null/value states, base types whose values are any derived type named by
// @odata.type, and members the docs do not declare (instance annotations such as @odata.etag, and the dynamic
// properties of open types), which it keeps in AdditionalData so nothing is lost.

// decodeMode selects the checks a decode makes beyond well-formedness and types.
type decodeMode uint8

const (
	// rejectUnknown refuses members that are neither declared properties nor annotations, unless the type is open.
	rejectUnknown decodeMode = 1 << iota
	// checkValues refuses enum values the docs do not list, null where the docs say "not nullable", null items in
	// collections, and an @odata.type that names an unrelated type.
	checkValues

	strictMode = rejectUnknown | checkValues
)

// DecodeError says where and why a JSON document does not fit the generated types.
type DecodeError struct {
	Path    string // where in the document: "passwordProfile.password", "value[2].id"; empty for the whole document
	Message string
}

func (e *DecodeError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + ": " + e.Message
}

// Marshal encodes a value of a generated type (a struct, a Collection, an Any… interface behind a pointer) the way
// the client and handler do. The structs' own MarshalJSON does the same for encoding/json.
func Marshal(v any) ([]byte, error) { return marshalValue(reflect.ValueOf(v)) }

// Unmarshal decodes data into v (a pointer to a generated type) the way the client does: leniently, keeping
// members the docs do not declare in AdditionalData and enum values they do not list.
func Unmarshal(data []byte, v any) error { return unmarshalMode(data, v, 0) }

// UnmarshalStrict decodes data into v (a pointer to a generated type) and refuses what the docs do not allow:
// unknown properties of closed types, enum values that are not listed (in any case: the service reads members
// case-insensitively), null where a property is not nullable.
// The handler decodes request bodies this way; the client decodes responses leniently, keeping what it does not
// know.
func UnmarshalStrict(data []byte, v any) error { return unmarshalMode(data, v, strictMode) }

func unmarshalMode(data []byte, v any, mode decodeMode) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &DecodeError{Message: fmt.Sprintf("decode into %T: need a non-nil pointer", v)}
	}
	return unmarshalValue(data, rv.Elem(), mode)
}

func unmarshalValue(data []byte, v reflect.Value, mode decodeMode) error {
	if !json.Valid(data) {
		var x any
		err := json.Unmarshal(data, &x)
		if err == nil {
			err = fmt.Errorf("not JSON")
		}
		return &DecodeError{Message: "invalid JSON: " + err.Error()}
	}
	d := &decoder{mode: mode}
	return d.value(trimJSON(data), v)
}

// unmarshalObject is what every generated UnmarshalJSON calls: a lenient decode.
//
//go:noinline
func unmarshalObject(data []byte, v any) error { return unmarshalMode(data, v, 0) }

// marshalObject is what every generated MarshalJSON calls.
func marshalObject(v any) ([]byte, error) { return marshalValue(reflect.ValueOf(v)) }

func marshalValue(v reflect.Value) ([]byte, error) {
	e := &encoder{}
	if err := e.value(v); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// Classification of Go types, cached.

type valueKind uint8

const (
	kindLeaf     valueKind = iota // decoded and encoded by encoding/json
	kindOptional                  // Optional[T]
	kindTime                      // time.Time, read leniently
	kindPoly                      // interface of a polymorphic base type
	kindPointer
	kindSlice
	kindObject // a generated struct
	kindString
	kindBool
	kindInt
	kindUint
	kindFloat
)

var (
	kinds            sync.Map // reflect.Type → valueKind
	objects          sync.Map // reflect.Type → *objectInfo
	timeType         = reflect.TypeFor[time.Time]()
	rawMessageType   = reflect.TypeFor[json.RawMessage]()
	textUnmarshaler  = reflect.TypeFor[encoding.TextUnmarshaler]()
	openTypeMarker   = reflect.TypeFor[interface{ openType() }]()
	knownValueMethod = reflect.TypeFor[interface{ IsKnown() bool }]()
	thisPackage      = reflect.TypeFor[DecodeError]().PkgPath()
)

func kindOf(t reflect.Type) valueKind {
	if k, ok := kinds.Load(t); ok {
		return k.(valueKind)
	}
	k := classify(t)
	kinds.Store(t, k)
	return k
}

func classify(t reflect.Type) valueKind {
	switch {
	case isOptional(t):
		return kindOptional
	case t == timeType:
		return kindTime
	case t == rawMessageType:
		return kindLeaf
	}
	switch t.Kind() {
	case reflect.Interface:
		if baseOf(t) != nil {
			return kindPoly
		}
	case reflect.Pointer:
		return kindPointer
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 {
			return kindSlice
		}
	case reflect.Struct:
		if t.PkgPath() == thisPackage && !reflect.PointerTo(t).Implements(textUnmarshaler) {
			return kindObject
		}
	case reflect.String:
		if !reflect.PointerTo(t).Implements(textUnmarshaler) {
			return kindString
		}
	case reflect.Bool:
		return kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return kindInt
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return kindUint
	case reflect.Float32, reflect.Float64:
		return kindFloat
	}
	return kindLeaf
}

// objectInfo describes a generated struct: its properties in declaration order (base types first), found through
// embedded structs the way encoding/json finds them.
type objectInfo struct {
	fields    []*fieldInfo
	byName    map[string]*fieldInfo
	extra     []int // index of AdditionalData, nil when the struct has none
	odataType *fieldInfo
	open      bool
}

type fieldInfo struct {
	name    string
	index   []int
	depth   int
	omit    bool // omitzero or omitempty: left out when zero
	nonNull bool // odata:"nonnull": the docs say "not nullable"
}

func objectInfoOf(t reflect.Type) *objectInfo {
	if info, ok := objects.Load(t); ok {
		return info.(*objectInfo)
	}
	info := &objectInfo{byName: map[string]*fieldInfo{}, open: reflect.PointerTo(t).Implements(openTypeMarker)}
	extraDepth := -1
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			tag, hasTag := f.Tag.Lookup("json")
			if f.Anonymous && f.Type.Kind() == reflect.Struct && !hasTag {
				walk(f.Type, idx)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if tag == "-" {
				if f.Name == "AdditionalData" && (extraDepth < 0 || len(idx) < extraDepth) {
					info.extra, extraDepth = idx, len(idx)
				}
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			fi := &fieldInfo{
				name:    name,
				index:   idx,
				depth:   len(idx),
				omit:    strings.Contains(","+opts+",", ",omitzero,") || strings.Contains(","+opts+",", ",omitempty,"),
				nonNull: f.Tag.Get("odata") == "nonnull",
			}
			if old, dup := info.byName[name]; dup {
				if old.depth <= fi.depth {
					continue
				}
				*old = *fi // a shallower declaration hides a deeper one, in place
				continue
			}
			info.byName[name] = fi
			info.fields = append(info.fields, fi)
		}
	}
	walk(t, nil)
	info.odataType = info.byName["@odata.type"]
	actual, _ := objects.LoadOrStore(t, info)
	return actual.(*objectInfo)
}

// Decoding.

type decoder struct {
	mode decodeMode
	path []string
}

func (d *decoder) errorf(format string, args ...any) error {
	var b strings.Builder
	for _, p := range d.path {
		if b.Len() > 0 && !strings.HasPrefix(p, "[") {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return &DecodeError{Path: b.String(), Message: fmt.Sprintf(format, args...)}
}

func (d *decoder) typeError(want string, data []byte) error {
	return d.errorf("expected %s, got %s", want, jsonKind(data))
}

func jsonKind(data []byte) string {
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		if len(data) > 40 {
			return "a string"
		}
		return "the string " + string(data)
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "the number " + string(data)
}

func isNull(data []byte) bool { return len(data) == 4 && string(data) == "null" }

func (d *decoder) value(data []byte, v reflect.Value) error {
	t := v.Type()
	switch kindOf(t) {
	case kindOptional:
		value, state := v.Field(0), v.Field(1)
		if isNull(data) {
			value.SetZero()
			state.SetUint(uint64(Null))
			return nil
		}
		if err := d.value(data, value); err != nil {
			return err
		}
		state.SetUint(uint64(Present))
		return nil
	case kindPointer:
		if isNull(data) {
			v.SetZero()
			return nil
		}
		p := reflect.New(t.Elem())
		if err := d.value(data, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case kindPoly:
		if isNull(data) {
			v.SetZero()
			return nil
		}
		if data[0] != '{' {
			return d.typeError("an object", data)
		}
		concrete := baseOf(t)
		if odt := findMember(data, "@odata.type"); odt != nil {
			name := unquote(odt)
			if ct := lookupType(name); ct != nil {
				if reflect.PointerTo(ct).Implements(t) {
					concrete = ct
				} else if d.mode&checkValues != 0 {
					return d.errorf("@odata.type %q is not a %s", name, typeName(baseOf(t)))
				}
			}
		}
		p := reflect.New(concrete)
		if err := d.object(data, p.Elem()); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case kindSlice:
		if isNull(data) {
			if d.mode&checkValues != 0 {
				return d.errorf("null is not allowed for a collection")
			}
			v.SetZero()
			return nil
		}
		if data[0] != '[' {
			return d.typeError("an array", data)
		}
		s := reflect.MakeSlice(t, 0, 0)
		err := eachItem(data, func(i int, item []byte) error {
			d.path = append(d.path, "["+strconv.Itoa(i)+"]")
			defer func() { d.path = d.path[:len(d.path)-1] }()
			if isNull(item) && d.mode&checkValues != 0 {
				return d.errorf("null is not allowed in a collection")
			}
			e := reflect.New(t.Elem()).Elem()
			if err := d.value(item, e); err != nil {
				return err
			}
			s = reflect.Append(s, e)
			return nil
		})
		if err != nil {
			return err
		}
		v.Set(s)
		return nil
	case kindObject:
		if isNull(data) {
			return d.nullLeaf(v)
		}
		return d.object(data, v)
	case kindTime:
		if isNull(data) {
			return d.nullLeaf(v)
		}
		if data[0] != '"' {
			return d.typeError("a date and time string", data)
		}
		tm, err := parseDateTimeOffset(unquote(data))
		if err != nil {
			return d.errorf("%v", err)
		}
		v.Set(reflect.ValueOf(tm))
		return nil
	case kindString:
		if data[0] != '"' {
			if isNull(data) {
				return d.nullLeaf(v)
			}
			return d.typeError("a string", data)
		}
		v.SetString(unquote(data))
	case kindBool:
		switch string(data) {
		case "true":
			v.SetBool(true)
		case "false":
			v.SetBool(false)
		case "null":
			return d.nullLeaf(v)
		default:
			return d.typeError("a boolean", data)
		}
	case kindInt:
		n, err := strconv.ParseInt(numberText(data), 10, t.Bits())
		if err != nil {
			if isNull(data) {
				return d.nullLeaf(v)
			}
			return d.typeError("an integer of "+strconv.Itoa(t.Bits())+" bits", data)
		}
		v.SetInt(n)
	case kindUint:
		n, err := strconv.ParseUint(numberText(data), 10, t.Bits())
		if err != nil {
			if isNull(data) {
				return d.nullLeaf(v)
			}
			return d.typeError("an unsigned integer of "+strconv.Itoa(t.Bits())+" bits", data)
		}
		v.SetUint(n)
	case kindFloat:
		if isNull(data) {
			return d.nullLeaf(v)
		}
		f, err := parseFloat(data, t.Bits())
		if err != nil {
			return d.typeError("a number", data)
		}
		v.SetFloat(f)
	default:
		if isNull(data) && t != rawMessageType {
			return d.nullLeaf(v)
		}
		if err := json.Unmarshal(data, v.Addr().Interface()); err != nil {
			return d.errorf("%s", leafError(err))
		}
	}
	if d.mode&checkValues != 0 && t.Implements(knownValueMethod) && !isKnown(v) && !knownIgnoringCase(v) {
		return d.errorf("%s is not a documented value of %s", string(data), t.Name())
	}
	return nil
}

func isKnown(v reflect.Value) bool { return v.Interface().(interface{ IsKnown() bool }).IsKnown() }

// knownIgnoringCase reports whether an enum value that is not documented as written is a documented member in
// another case: "HTML" for html, "TextBox" for textBox, "Password, SMS" for the flags password and sms, "string" for
// String. The service reads enum members case-insensitively, so the strict decode does too; the value is kept as
// written. Members are lowerCamel (a few enums are PascalCase), so the candidates are the value in lower case and
// with each member's first letter lowered, or raised.
func knownIgnoringCase(v reflect.Value) bool {
	if v.Kind() != reflect.String {
		return false
	}
	s := v.String()
	lowered, raised := strings.Split(s, ","), strings.Split(s, ",")
	for i, p := range lowered {
		lead := len(p) - len(strings.TrimLeft(p, " "))
		if lead < len(p) {
			lowered[i] = p[:lead] + strings.ToLower(p[lead:lead+1]) + p[lead+1:]
			raised[i] = p[:lead] + strings.ToUpper(p[lead:lead+1]) + p[lead+1:]
		}
	}
	for _, c := range []string{strings.ToLower(s), strings.Join(lowered, ","), strings.Join(raised, ",")} {
		if c != s && isKnown(reflect.ValueOf(c).Convert(v.Type())) {
			return true
		}
	}
	return false
}

// numberText returns the text of a JSON number, or of a number written as a JSON string: OData writes Int64 and
// Decimal values as strings for clients that ask for IEEE754Compatible=true ("9007199254740993"), and the docs
// show both forms. Anything else is returned as it is, for the caller's parse to refuse.
func numberText(data []byte) string {
	if len(data) >= 2 && data[0] == '"' {
		s := unquote(data)
		if s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9') {
			return s
		}
	}
	return string(data)
}

// parseFloat reads a floating-point value: a JSON number, a number in a JSON string (IEEE754Compatible), or one
// of the strings OData writes for the values JSON numbers cannot hold: "NaN", "INF" and "-INF".
func parseFloat(data []byte, bits int) (float64, error) {
	if len(data) >= 2 && data[0] == '"' {
		switch s := unquote(data); s {
		case "NaN":
			return math.NaN(), nil
		case "INF":
			return math.Inf(1), nil
		case "-INF":
			return math.Inf(-1), nil
		}
	}
	s := numberText(data)
	if s == "" || s[0] != '-' && (s[0] < '0' || s[0] > '9') || !json.Valid([]byte(s)) {
		return 0, fmt.Errorf("not a number") // strconv would take "Inf", "0x1p-2" and the like
	}
	return strconv.ParseFloat(s, bits)
}

// nullLeaf handles null where the Go type has no null: accepted (and read as the zero value) unless checking.
func (d *decoder) nullLeaf(v reflect.Value) error {
	if d.mode&checkValues != 0 {
		return d.errorf("null is not allowed here")
	}
	v.SetZero()
	return nil
}

func leafError(err error) string {
	var te *json.UnmarshalTypeError
	if ok := asTypeError(err, &te); ok {
		return fmt.Sprintf("expected %s, got a JSON %s", te.Type, te.Value)
	}
	return err.Error()
}

func asTypeError(err error, target **json.UnmarshalTypeError) bool {
	te, ok := err.(*json.UnmarshalTypeError)
	if ok {
		*target = te
	}
	return ok
}

func (d *decoder) object(data []byte, v reflect.Value) error {
	if data[0] != '{' {
		return d.typeError("an object", data)
	}
	t := v.Type()
	info := objectInfoOf(t)
	return eachMember(data, func(key string, value []byte) error {
		d.path = append(d.path, key)
		defer func() { d.path = d.path[:len(d.path)-1] }()
		if f := info.byName[key]; f != nil {
			if f == info.odataType && d.mode&checkValues != 0 {
				if err := d.checkODataType(value, t); err != nil {
					return err
				}
			}
			if f.nonNull && isNull(value) && d.mode&checkValues != 0 {
				return d.errorf("null is not allowed: the property is not nullable")
			}
			return d.value(value, fieldByIndex(v, f.index))
		}
		if !strings.Contains(key, "@") && !info.open && !isDirectoryExtension(key) && d.mode&rejectUnknown != 0 {
			name := typeName(t)
			if name == "" {
				name = t.Name()
			}
			return d.errorf("%s has no property %q", name, key)
		}
		if info.extra == nil {
			return nil
		}
		m := v.FieldByIndex(info.extra)
		if m.IsNil() {
			m.Set(reflect.MakeMap(m.Type()))
		}
		// A copy, compacted: the value must not keep the whole document alive.
		var raw json.RawMessage
		if bytes.ContainsAny(value, " \t\r\n") {
			buf := bytes.NewBuffer(make([]byte, 0, len(value)))
			if err := json.Compact(buf, value); err != nil {
				return d.errorf("%v", err)
			}
			raw = buf.Bytes()
		} else {
			raw = bytes.Clone(value)
		}
		m.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(raw))
		return nil
	})
}

// checkODataType refuses an @odata.type that names a known type other than the one being decoded.
func (d *decoder) checkODataType(value []byte, t reflect.Type) error {
	if value[0] != '"' {
		return d.typeError("a string", value)
	}
	name := unquote(value)
	if ct := lookupType(name); ct != nil && ct != t && typeName(t) != "" {
		return d.errorf("@odata.type %q does not match %s", name, typeName(t))
	}
	return nil
}

// fieldByIndex is reflect.Value.FieldByIndex for structs embedded by value.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for _, i := range index {
		v = v.Field(i)
	}
	return v
}

// Encoding.

type encoder struct {
	buf []byte
}

func (e *encoder) value(v reflect.Value) error {
	t := v.Type()
	switch kindOf(t) {
	case kindOptional:
		if OptionalState(v.Field(1).Uint()) != Present {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(v.Field(0))
	case kindPointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(v.Elem())
	case kindPoly:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		concrete := v.Elem()
		if concrete.Kind() == reflect.Pointer {
			if concrete.IsNil() {
				e.buf = append(e.buf, "null"...)
				return nil
			}
			concrete = concrete.Elem()
		}
		if concrete.Kind() != reflect.Struct {
			return e.value(concrete)
		}
		// A derived value in a base-typed place says what it is, or the reader would take it for the base.
		implied := ""
		if concrete.Type() != baseOf(t) {
			implied = typeName(concrete.Type())
		}
		return e.object(concrete, implied)
	case kindSlice:
		e.buf = append(e.buf, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			if err := e.value(v.Index(i)); err != nil {
				return err
			}
		}
		e.buf = append(e.buf, ']')
		return nil
	case kindObject:
		return e.object(v, "")
	case kindTime:
		tm := v.Interface().(time.Time)
		e.buf = append(e.buf, '"')
		e.buf = tm.AppendFormat(e.buf, time.RFC3339Nano)
		e.buf = append(e.buf, '"')
		return nil
	case kindString:
		e.buf = appendString(e.buf, v.String())
		return nil
	case kindBool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
		return nil
	case kindInt:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
		return nil
	case kindUint:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
		return nil
	case kindFloat:
		f := v.Float()
		switch {
		case math.IsNaN(f):
			e.buf = append(e.buf, `"NaN"`...)
			return nil
		case math.IsInf(f, 1):
			e.buf = append(e.buf, `"INF"`...)
			return nil
		case math.IsInf(f, -1):
			e.buf = append(e.buf, `"-INF"`...)
			return nil
		}
	}
	if t == rawMessageType && v.Len() == 0 {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return err
	}
	e.buf = append(e.buf, b...)
	return nil
}

func (e *encoder) object(v reflect.Value, impliedType string) error {
	info := objectInfoOf(v.Type())
	first := true
	member := func(name string) {
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.buf = appendString(e.buf, name)
		e.buf = append(e.buf, ':')
	}
	e.buf = append(e.buf, '{')
	odataType := ""
	if info.odataType != nil {
		odataType = fieldByIndex(v, info.odataType.index).String()
	}
	if odataType == "" && impliedType != "" {
		odataType = "#" + impliedType
	}
	if odataType != "" {
		member("@odata.type")
		e.buf = appendString(e.buf, odataType)
	}
	var extra map[string]json.RawMessage
	var keys []string
	if info.extra != nil {
		extra, _ = v.FieldByIndex(info.extra).Interface().(map[string]json.RawMessage)
		for k := range extra {
			if info.byName[k] == nil {
				keys = append(keys, k)
			}
		}
		// Annotations first, as OData writes them; then properties; then members the docs do not declare.
		sort.Slice(keys, func(i, j int) bool {
			ai, aj := strings.HasPrefix(keys[i], "@"), strings.HasPrefix(keys[j], "@")
			if ai != aj {
				return ai
			}
			return keys[i] < keys[j]
		})
	}
	n := 0
	for ; n < len(keys) && strings.HasPrefix(keys[n], "@"); n++ {
		member(keys[n])
		e.appendRaw(extra[keys[n]])
	}
	for _, f := range info.fields {
		if f == info.odataType {
			continue
		}
		fv := fieldByIndex(v, f.index)
		if f.omit && fv.IsZero() {
			continue
		}
		member(f.name)
		if err := e.value(fv); err != nil {
			return err
		}
	}
	for _, k := range keys[n:] {
		member(k)
		e.appendRaw(extra[k])
	}
	e.buf = append(e.buf, '}')
	return nil
}

func (e *encoder) appendRaw(raw json.RawMessage) {
	if len(raw) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, raw...)
}

// isNilBody reports whether a body is missing: nil, or a pointer to nothing.
func isNilBody(body any) bool {
	v := reflect.ValueOf(body)
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return true
		}
		v = v.Elem()
	}
	return !v.IsValid()
}

// isDirectoryExtension reports whether a member is a directory extension attribute, which any directory object may
// carry without the docs declaring it: extension_{application id without dashes}_{name}. It is kept in
// AdditionalData like an open type's properties.
func isDirectoryExtension(key string) bool {
	const prefix = "extension_"
	if len(key) < len(prefix)+33 || key[:len(prefix)] != prefix || key[len(prefix)+32] != '_' {
		return false
	}
	for _, c := range []byte(key[len(prefix) : len(prefix)+32]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

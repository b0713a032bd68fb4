package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

var update = flag.Bool("update", false, "rewrite model.schema.json from the model's Go types")

// TestModelSchemaMatchesTypes derives the JSON schema of the model file from the Go types the file is read into,
// and checks that the embedded model.schema.json is that schema: a field added to the model is in the schema, so
// that what ReadJSON lets through is what the Go types can hold without nil where the code expects a value.
// Run with -update to rewrite the file.
func TestModelSchemaMatchesTypes(t *testing.T) {
	got := deriveSchema()
	if *update {
		if err := os.WriteFile("model.schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, modelSchemaJSON) {
		t.Errorf("model.schema.json is not what the model's Go types say; run go test ./export -run TestModelSchemaMatchesTypes -update")
	}
}

// deriveSchema writes the schema: every struct becomes a definition; a slice may be null (Go writes a nil slice
// so) but its elements may not, even when they are pointers, since the code ranges over them and uses each; a
// pointer field may be null; types that read themselves (Pos, Value) are described by what they accept.
func deriveSchema() []byte {
	defs := map[string]any{}
	var typeOf func(t reflect.Type) map[string]any
	var object func(t reflect.Type) map[string]any
	object = func(t reflect.Type) map[string]any {
		props := map[string]any{}
		var walk func(t reflect.Type)
		walk = func(t reflect.Type) {
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				tag := f.Tag.Get("json")
				if tag == "-" {
					continue
				}
				if f.Anonymous && tag == "" {
					ft := f.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					walk(ft)
					continue
				}
				if !f.IsExported() {
					continue
				}
				name, _, _ := strings.Cut(tag, ",")
				if name == "" {
					name = f.Name
				}
				props[name] = typeOf(f.Type)
			}
		}
		walk(t)
		return map[string]any{"type": "object", "properties": props}
	}
	ref := func(t reflect.Type) map[string]any {
		if _, done := defs[t.Name()]; !done {
			defs[t.Name()] = nil // being written: recursive references stop here
			defs[t.Name()] = object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	}
	typeOf = func(t reflect.Type) map[string]any {
		switch t {
		case reflect.TypeFor[model.Pos]():
			return map[string]any{"type": "string"}
		case reflect.TypeFor[model.Value]():
			return map[string]any{} // any JSON value
		}
		switch t.Kind() {
		case reflect.String:
			return map[string]any{"type": "string"}
		case reflect.Bool:
			return map[string]any{"type": "boolean"}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return map[string]any{"type": "integer"}
		case reflect.Float32, reflect.Float64:
			return map[string]any{"type": "number"}
		case reflect.Slice:
			return map[string]any{"type": []string{"array", "null"}, "items": elemOf(t.Elem(), typeOf)}
		case reflect.Map:
			return map[string]any{"type": []string{"object", "null"}, "additionalProperties": elemOf(t.Elem(), typeOf)}
		case reflect.Pointer:
			inner := typeOf(t.Elem())
			if len(inner) == 0 {
				return inner
			}
			if typ, ok := inner["type"].(string); ok && len(inner) == 1 {
				return map[string]any{"type": []string{typ, "null"}}
			}
			return map[string]any{"anyOf": []any{map[string]any{"type": "null"}, inner}}
		case reflect.Struct:
			return ref(t)
		}
		panic("deriveSchema: no schema for " + t.String())
	}
	root := object(reflect.TypeFor[jsonModel]())
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = modelSchemaURL
	root["title"] = "graphdocgen model (" + ModelFormat + ")"
	root["$defs"] = defs
	b, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// elemOf is the schema of a slice's or map's element: never null.
func elemOf(t reflect.Type, typeOf func(reflect.Type) map[string]any) map[string]any {
	if t.Kind() == reflect.Pointer && t.Elem() != reflect.TypeFor[model.Value]() {
		return typeOf(t.Elem())
	}
	if t.Kind() == reflect.Pointer {
		// *Value: any JSON value but null, which would leave a nil element.
		return map[string]any{"type": []string{"object", "array", "string", "number", "boolean"}}
	}
	return typeOf(t)
}

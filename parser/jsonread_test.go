package parser

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func TestReadJSONStrict(t *testing.T) {
	src := "{\n  \"a\": 1,\n  \"b\": [true, null, \"x\\u00e9\"],\n  \"c\": {\"d\": -2.5e3}\n}"
	v, issues := readJSON(src, 10, 1)
	if len(issues) != 0 {
		t.Fatalf("issues on valid JSON: %+v", issues)
	}
	got, _ := json.Marshal(v)
	want := `{"a":1,"b":[true,null,"xé"],"c":{"d":-2.5e3}}`
	if string(got) != want {
		t.Errorf("re-encoded %s, want %s", got, want)
	}
	if v.Line != 10 || v.Col != 1 {
		t.Errorf("root at %d:%d, want 10:1", v.Line, v.Col)
	}
	b := v.Members[1]
	if b.Key != "b" || b.Line != 12 || b.Col != 3 {
		t.Errorf("member b at %d:%d, want 12:3", b.Line, b.Col)
	}
	if item := b.Value.Items[2]; item.Line != 12 || item.Col != 21 {
		t.Errorf("third item at %d:%d, want 12:21", item.Line, item.Col)
	}
}

func TestReadJSONTolerant(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		kinds []string // issue kinds, in order
		fatal bool
		want  string // re-encoded value
	}{
		{"trailing comma", `{"a": 1, "b": [1, 2,],}`, []string{"trailing-comma", "trailing-comma"}, false, `{"a":1,"b":[1,2]}`},
		{"ellipsis in object", "{\n \"a\": 1,\n ...\n}", []string{"ellipsis"}, false, `{"a":1}`},
		{"ellipsis in array", `{"v": [{"a": 1}, ..., ]}`, []string{"ellipsis", "trailing-comma"}, false, `{"v":[{"a":1}]}`},
		{"unicode ellipsis", "[1, …]", []string{"ellipsis"}, false, `[1]`},
		{"comment", "{\"a\": 1 // one\n}", []string{"comment"}, false, `{"a":1}`},
		{"unquoted placeholder", `{"a": String, "b": binary}`, []string{"unquoted", "unquoted"}, false, `{"a":"String","b":"binary"}`},
		{"number placeholder", `{"size": 1024 bytes}`, []string{"unquoted"}, false, `{"size":"1024 bytes"}`},
		{"missing comma", "{\"a\": 1\n \"b\": 2}", []string{"syntax"}, false, `{"a":1,"b":2}`},
		{"unclosed", `{"a": {"b": 1}`, []string{"syntax"}, true, `{"a":{"b":1}}`},
		{"garbage after", `{"a": 1} trailing`, []string{"syntax"}, false, `{"a":1}`},
		{"unexpected char", `{"a": 1, }}`, []string{"trailing-comma", "syntax"}, false, `{"a":1}`},
		{"missing colon", `{"a" 1}`, []string{"syntax"}, true, `{"a":null}`},
		{"two commas in an object", `{"a": 1,, "b": 2}`, []string{"syntax"}, false, `{"a":1,"b":2}`},
		{"two commas in an array", `[1,, 2]`, []string{"syntax"}, false, `[1,2]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, issues := readJSON(tt.src, 1, 1)
			var kinds []string
			fatal := false
			for _, is := range issues {
				kinds = append(kinds, is.Kind)
				fatal = fatal || is.Fatal
			}
			if strings.Join(kinds, ",") != strings.Join(tt.kinds, ",") {
				t.Errorf("issues %v, want %v (%+v)", kinds, tt.kinds, issues)
			}
			if fatal != tt.fatal {
				t.Errorf("fatal = %v, want %v", fatal, tt.fatal)
			}
			got, _ := json.Marshal(v)
			if string(got) != tt.want {
				t.Errorf("value %s, want %s", got, tt.want)
			}
		})
	}
}

func TestReadJSONIssuePositions(t *testing.T) {
	src := "{\n  \"a\": 1,\n  \"b\": 2,\n}"
	_, issues := readJSON(src, 40, 1)
	if len(issues) != 1 || issues[0].Line != 42 || issues[0].Kind != "trailing-comma" {
		t.Fatalf("got %+v, want one trailing-comma issue on line 42", issues)
	}
}

func TestValueUnmarshalKeepsOrder(t *testing.T) {
	var v model.Value
	if err := json.Unmarshal([]byte(`{"z": 1, "a": [2, "x"], "m": null}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Members[0].Key != "z" || v.Members[1].Key != "a" || v.Members[2].Value.Kind != model.ValueNull {
		t.Errorf("order or kinds lost: %+v", v)
	}
	got, _ := json.Marshal(&v)
	if string(got) != `{"z":1,"a":[2,"x"],"m":null}` {
		t.Errorf("round trip gave %s", got)
	}
}

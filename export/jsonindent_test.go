package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The fast indenter writes what json.Indent writes, on values of every shape (the whole-model comparison of
// WriteJSON against json.MarshalIndent covers the model itself).
func TestAppendIndentedIsJSONIndent(t *testing.T) {
	values := []any{
		nil, true, 12.5, "plain", `quote " and backslash \ and \" both`, `ends in backslash \`, "<html> & ünïcödé \u2028",
		[]any{}, map[string]any{}, []any{[]any{}, map[string]any{}, []any{1, []any{2, []any{3}}}},
		map[string]any{"a": map[string]any{"b": []any{"x", map[string]any{}, nil}}, "k:,{}[]": "v:,{}[]"},
		[]any{map[string]any{"\\": "\\\\", "\"": "\\\""}},
	}
	for _, v := range values {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, compact, prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := appendIndented(nil, compact, prefix); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s with prefix %q:\ngot  %s\nwant %s", compact, prefix, got, want.Bytes())
			}
		}
	}
}

func FuzzAppendIndented(f *testing.F) {
	f.Add([]byte(`{"a":[1,{"b":"c\"d"},[]],"e":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, data) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "  ", "  "); err != nil {
			return
		}
		if got := appendIndented(nil, compact.Bytes(), "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s:\ngot  %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	})
}

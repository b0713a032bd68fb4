package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func countTree(v *model.Value) int {
	if v == nil {
		return 0
	}
	n := 1
	for _, m := range v.Members {
		n += countTree(m.Value)
	}
	for _, it := range v.Items {
		n += countTree(it)
	}
	return n
}

// countJSON sizes the slabs of a JSON text exactly when the text is valid JSON.
func TestCountJSON(t *testing.T) {
	for _, src := range []string{
		`{}`, `[]`, `[ ]`, `"x"`, `12`, `{"a": 1}`, `{"a": [1, 2, {"b": "c:d,e"}], "f": {"g": []}}`,
		`[[1, 2], [], [{"x": "\"q:\\", "y": null}]]`,
		`{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity", "when": "2016-10-19T10:37:00Z"}`,
	} {
		v, issues := readJSON(src, 1, 1)
		if len(issues) > 0 {
			t.Fatalf("%s: %v", src, issues)
		}
		members, items := countJSON(src)
		if got, want := 1+members+items, countTree(v); got != want {
			t.Errorf("countJSON(%s) counts %d values, the text holds %d", src, got, want)
		}
	}
}

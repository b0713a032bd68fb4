package lint

import (
	"bytes"
	"strings"
	"testing"
)

func TestBaselineSurvivesLineShifts(t *testing.T) {
	tree := widgetTree()
	tree[api] = mustReplace(t, tree[api], "| size | Int32 | The size in units. |", "| size | Int32 | TODO: describe |")
	tree[api] = mustReplace(t, tree[api], "HTTP/1.1 201 Created", "HTTP 1.1 201 Created")
	before := lintPages(t, tree, Options{})
	if len(before) != 2 {
		t.Fatalf("want two findings to baseline, got:\n%s", dump(before))
	}
	var buf bytes.Buffer
	if err := NewBaseline(before).Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBaseline(&buf, "baseline.json")
	if err != nil {
		t.Fatal(err)
	}

	// Unrelated edits move every line; the known findings stay known.
	tree[api] = mustReplace(t, tree[api], "# Create widget", "# Create widget\n\nA new paragraph.\n\nAnother one.")
	after := lintPages(t, tree, Options{})
	if fresh, known := b.Filter(after); len(fresh) != 0 || known != 2 {
		t.Fatalf("after a line shift: %d known, new:\n%s", known, dump(fresh))
	}

	// A new defect is new; so is a second copy of a known one.
	tree[api] = mustReplace(t, tree[api], "| Application | Widget.ReadWrite.All |", "| Application |  |")
	tree[api] = mustReplace(t, tree[api], "| displayName | String | The name shown. |\n| size", "| displayName | String | The name shown. |\n| size | Int32 | TODO: describe |\n| size")
	fresh, known := b.Filter(lintPages(t, tree, Options{}))
	rules := map[string]int{}
	for _, f := range fresh {
		rules[f.Rule]++
	}
	if known != 2 || rules["empty-permission"] != 1 || rules["todo"] != 1 {
		t.Fatalf("want the new empty permission and the second TODO as new (known %d), got:\n%s", known, dump(fresh))
	}
}

func TestReadBaselineErrors(t *testing.T) {
	cases := map[string]string{
		"syntax":  "{\n  \"version\": 1,\n  \"findings\": [\n    {\"rule\": }\n  ]\n}",
		"version": `{"version": 7, "findings": []}`,
		"unknown": `{"version": 1, "findings": [], "extra": true}`,
		"count":   `{"version": 1, "findings": [{"file": "a.md", "rule": "todo", "fingerprint": "ab", "count": 0}]}`,
	}
	want := map[string]string{
		"syntax":  "base.json:4:",
		"version": "version 7 is not supported",
		"unknown": "unknown field",
		"count":   "count below 1",
	}
	for name, data := range cases {
		_, err := ReadBaseline(strings.NewReader(data), "base.json")
		if err == nil || !strings.Contains(err.Error(), want[name]) {
			t.Errorf("%s: want an error with %q, got %v", name, want[name], err)
		}
	}
}

func TestFingerprintIgnoresNumbers(t *testing.T) {
	a := fingerprintOf("todo", "a.md", "| x | y |", "already listed at line 12")
	b := fingerprintOf("todo", "a.md", "| x | y |", "already listed at line 14")
	c := fingerprintOf("todo", "b.md", "| x | y |", "already listed at line 12")
	if a != b || a == c {
		t.Fatalf("fingerprints: %s %s %s", a, b, c)
	}
}

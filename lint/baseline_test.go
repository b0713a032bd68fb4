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

func TestBaselineStaleAndPrune(t *testing.T) {
	f := func(fp string) Finding { return Finding{Rule: "todo", Fingerprint: fp} }
	b := &Baseline{Version: baselineVersion, Findings: []BaselineEntry{
		{File: "a.md", Rule: "todo", Fingerprint: "fixed", Count: 1, Message: "gone"},
		{File: "b.md", Rule: "todo", Fingerprint: "twice", Count: 2},
		{File: "c.md", Rule: "todo", Fingerprint: "kept", Count: 1},
	}}
	// "fixed" is fixed, one of the two "twice" is, "kept" is still there, and "new" is new.
	now := []Finding{f("twice"), f("kept"), f("new")}
	stale := b.Stale(now)
	if len(stale) != 2 || stale[0].Fingerprint != "fixed" || stale[0].Count != 1 || stale[1].Fingerprint != "twice" || stale[1].Count != 1 {
		t.Errorf("stale entries %+v", stale)
	}
	pruned := b.Prune(now)
	if len(pruned.Findings) != 2 || pruned.Findings[0].Fingerprint != "twice" || pruned.Findings[0].Count != 1 || pruned.Findings[1].Fingerprint != "kept" {
		t.Errorf("pruned baseline %+v", pruned.Findings)
	}
	if fresh, _ := pruned.Filter(now); len(fresh) != 1 || fresh[0].Fingerprint != "new" {
		t.Errorf("the pruned baseline must still report the new finding, got %+v", fresh)
	}
	if len(b.Prune(nil).Findings) != 0 || len(b.Stale(nil)) != 3 {
		t.Error("with no findings every entry is stale and pruned")
	}
}

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/parser"
)

// TestModelJSONStreamedToFile: the streamed -o writes what export.JSON gives, leaves a file that already holds it
// alone (its modification time too), and replaces one that differs.
func TestModelJSONStreamedToFile(t *testing.T) {
	m, err := parser.ParseDir(docsInput, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := export.JSON(m)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "sub", "model.json")
	for i, before := range [][]byte{nil, want, append(bytes.Clone(want[:len(want)-2]), "x\n"...)} {
		old := time.Now().Add(-time.Hour).Truncate(time.Second)
		if before != nil {
			if err := os.WriteFile(out, before, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(out, old, old); err != nil {
				t.Fatal(err)
			}
		}
		if code, _, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "-o", out); code != ExitOK {
			t.Fatalf("%d: exit %d: %s", i, code, stderr)
		}
		got, err := os.ReadFile(out)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%d: the file is not the model (%v)", i, err)
		}
		st, _ := os.Stat(out)
		if unchanged := before != nil && bytes.Equal(before, want); unchanged != st.ModTime().Equal(old) {
			t.Errorf("%d: unchanged %v but modification time %v (was %v)", i, unchanged, st.ModTime(), old)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp*")); len(left) > 0 {
			t.Errorf("%d: temporary files left: %v", i, left)
		}
	}
}

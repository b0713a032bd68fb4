package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"github.com/graphdocgen/graphdocgen/internal/heappeak"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// marshalWhole is the JSON export as it was before it streamed: the whole document marshalled and indented at
// once. The streamed output must be byte for byte this.
func marshalWhole(m *model.Model) ([]byte, error) {
	b, err := json.MarshalIndent(jsonModel{Format: ModelFormat, Model: m}, "", "  ")
	return append(b, '\n'), err
}

func corpusDir(version string) string {
	return filepath.Join("..", "..", "shared", "corpus", "graph-docs-2021", version)
}

// TestJSONStreamsTheSameBytes: the streamed export is byte-identical to the whole-document marshal, on docs-input/,
// on models with empty, nil and omitted parts, and on the v1.0 corpus (a hash compare) when ../shared is there.
func TestJSONStreamsTheSameBytes(t *testing.T) {
	m, err := parser.ParseDir(filepath.Join("..", "docs-input"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	models := map[string]*model.Model{
		"docs-input": m,
		"empty":      {},
		"empty lists": {Pages: []*model.Page{}, Types: []*model.Type{}, Operations: []*model.Operation{},
			Diagnostics: []model.Diagnostic{}},
		"nil element": {Types: []*model.Type{nil, m.Types[0]}, Diagnostics: []model.Diagnostic{{Message: "<a> & \u2028"}}},
	}
	for name, m := range models {
		want, err := marshalWhole(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := JSON(m)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: streamed JSON differs from MarshalIndent's (%d vs %d bytes) at byte %d", name, len(got), len(want), firstDiff(got, want))
		}
	}
	dir := corpusDir("v1.0")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared is absent: the v1.0 corpus export is not compared")
	}
	if testing.Short() {
		t.Skip("-short: the v1.0 corpus export is not compared")
	}
	if m, err = parser.ParseDir(dir, parser.Options{}); err != nil {
		t.Fatal(err)
	}
	want, err := marshalWhole(m)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if err := WriteJSON(h, m); err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprintf("%x", h.Sum(nil)), fmt.Sprintf("%x", sha256.Sum256(want)); got != want {
		t.Errorf("v1.0: streamed JSON hashes to %s, MarshalIndent's to %s", got, want)
	}
	t.Logf("v1.0: %d bytes, identical", len(want))
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// BenchmarkExport compares the JSON export with the CSDL export on a corpus (GRAPHDOCGEN_BENCH_VERSION, beta by
// default; the model is read once, outside the timing), reporting bytes allocated per export and the peak heap
// (sampled every 2 ms in an untimed run). "JSON/whole" is the export as it was, for the before-and-after figure.
//
//	go test ./export -run '^$' -bench Export -benchtime 3x
func BenchmarkExport(b *testing.B) {
	version := os.Getenv("GRAPHDOCGEN_BENCH_VERSION")
	if version == "" {
		version = "beta"
	}
	dir := corpusDir(version)
	if _, err := os.Stat(dir); err != nil {
		b.Skip("../shared is absent: no corpus to export")
	}
	m, err := parser.ParseDir(dir, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	exports := []struct {
		name string
		run  func() error
	}{
		{"CSDL", func() error { _ = CSDL(m); return nil }},
		{"JSON/stream", func() error { return WriteJSON(io.Discard, m) }},
		{"JSON/bytes", func() error { _, err := JSON(m); return err }},
		{"JSON/whole", func() error { _, err := marshalWhole(m); return err }},
	}
	for _, ex := range exports {
		b.Run(version+"/"+ex.name, func(b *testing.B) {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for range b.N {
				if err := ex.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MB/op")
			// The peak is sampled in one more run, untimed: reading the heap's figures stops the world.
			runtime.GC()
			runtime.ReadMemStats(&before)
			peak := heappeak.Sample()
			if err := ex.run(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(peak()-before.HeapInuse)/(1<<20), "peak-MB-over-model")
		})
	}
}

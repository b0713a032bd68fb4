package lint

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/parser"
)

// The benchmarks compare linting the 2021 corpus with parsing it: go test ./lint -run '^$' -bench Corpus.
// Ratio reports lint/parse from the same iterations and fails above 1.2.
// Lint runs on a parsed model, so "Lint" is the linter's own cost and "ParseAndLint" what the command pays.

func corpusRoot(b *testing.B, version string) string {
	return filepath.Join(sharedDir(b), "corpus", "graph-docs-2021", version)
}

func BenchmarkCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		root := corpusRoot(b, v)
		b.Run("Parse/"+v, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := parser.ParseDir(root, parser.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("Lint/"+v, func(b *testing.B) {
			m, err := parser.ParseDir(root, parser.Options{})
			if err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(root)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Run(m, Options{FS: fsys})
			}
		})
		// Ratio: each iteration builds the model and lints it, timed apart, so that the load of a shared machine
		// falls on both alike; lint/parse is the figure issue 11 bounds at 1.2.
		b.Run("Ratio/"+v, func(b *testing.B) {
			fsys := os.DirFS(root)
			var parse, lint time.Duration
			for i := 0; i < b.N; i++ {
				// Each phase starts from a collected heap, so that neither pays for the garbage of the one before
				// (a command runs each once; GC debt carried between them is the benchmark's, not theirs).
				runtime.GC()
				t0 := time.Now()
				m, err := parser.ParseDir(root, parser.Options{})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				t1 := time.Now()
				Run(m, Options{FS: fsys})
				parse += t1.Sub(t0)
				lint += time.Since(t1)
			}
			ratio := float64(lint) / float64(max(parse, 1))
			b.ReportMetric(ratio, "lint/parse")
			b.ReportMetric(float64(parse.Milliseconds())/float64(b.N), "parse-ms/op")
			b.ReportMetric(float64(lint.Milliseconds())/float64(b.N), "lint-ms/op")
			if ratio > 1.2 {
				b.Errorf("linting the %s corpus took %.2f× the time of building its model (%v vs %v over %d runs); the bound is 1.2×", v, ratio, lint, parse, b.N)
			}
		})
		b.Run("ParseAndLint/"+v, func(b *testing.B) {
			fsys := os.DirFS(root)
			for i := 0; i < b.N; i++ {
				m, err := parser.ParseDir(root, parser.Options{})
				if err != nil {
					b.Fatal(err)
				}
				Run(m, Options{FS: fsys})
			}
		})
	}
}

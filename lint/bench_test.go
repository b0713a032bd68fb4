package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// The benchmarks compare linting the 2021 corpus with parsing it: go test ./lint -run '^$' -bench Corpus.
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

package parser

import (
	"testing"

	"github.com/yuin/goldmark/text"
)

// BenchmarkCorpusModelOneWorker is BenchmarkCorpusModel with one page reader, for clean CPU attribution in
// profiles: every sample then belongs to one page or to resolution, not to scheduling between workers.
func BenchmarkCorpusModelOneWorker(b *testing.B) {
	versions, _, size := loadCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, v := range versions {
			if _, err := ParseFS(v, Options{Workers: 1}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCorpusGoldmarkBlocks is the goldmark pass the parser makes (block structure only), single-threaded,
// for comparison with BenchmarkCorpusGoldmarkBare.
func BenchmarkCorpusGoldmarkBlocks(b *testing.B) {
	_, pages, size := loadCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range pages {
			markdown.Parser().Parse(text.NewReader(src))
		}
	}
}

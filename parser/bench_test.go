package parser

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/graphdocgen/graphdocgen/internal/pagesfs"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

// loadCorpus reads every page of the 2021 corpus into memory, one in-memory file system per version, so that
// the benchmarks compare parsing, not disk reads.
func loadCorpus(b testing.TB) (versions []fstest.MapFS, pages [][]byte, size int64) {
	for _, dir := range corpusDirs(b) {
		m, read, err := pagesfs.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		for _, data := range read {
			size += int64(len(data))
		}
		versions, pages = append(versions, m), append(pages, read...)
	}
	return versions, pages, size
}

// BenchmarkCorpusGoldmarkBare is the yardstick: one plain goldmark parse (no extensions) of every page of both
// versions, single-threaded.
func BenchmarkCorpusGoldmarkBare(b *testing.B) {
	_, pages, size := loadCorpus(b)
	md := goldmark.New()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, src := range pages {
			md.Parser().Parse(text.NewReader(src))
		}
	}
}

// BenchmarkCorpusModel builds the model of both versions (parallel page reads, then resolution). The target is
// to take no longer than BenchmarkCorpusGoldmarkBare; peak-rss-MB reports the process's peak memory (target
// under 1 GB).
func BenchmarkCorpusModel(b *testing.B) {
	versions, _, size := loadCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, v := range versions {
			if _, err := ParseFS(v, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	if mb := peakRSSMB(); mb > 0 {
		b.ReportMetric(mb, "peak-rss-MB")
	}
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

// peakRSSMB reads the process's peak resident set size (VmHWM) on Linux; 0 elsewhere.
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

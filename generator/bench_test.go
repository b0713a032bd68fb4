package generator

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/pagesfs"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// The benchmarks measure what the generator costs on the docs corpus (make bench):
//
//	Generate/<version>          Generate on a parsed model (parse excluded), with the size of the output: files,
//	                            lines, and the model's schema types.
//	ParseAndGenerate/<version>  reading the docs and generating, as the generate command does.
//	Ratio                       issue 13's yardstick, in one run: each iteration parses every page of both versions
//	                            with a bare goldmark (no extensions, one goroutine), then builds the model of each
//	                            version and generates its package (every core), pages read from memory for both;
//	                            gen/bare is the second time over the first.
//
// BenchmarkBuildCold measures what the generated v1.0 package costs its users: `go build` of a ten-line program
// that calls two of its operations, with an empty GOCACHE (the standard library is compiled too), as the
// msgraph-sdk-go figures in ../shared/notes/competitors.md were taken: wall and CPU time, the peak resident memory
// of the largest process (the compiler), in all and per schema type, and the size of the binary. It takes minutes, so it runs only with GRAPHDOCGEN_LONG=1:
//
//	GRAPHDOCGEN_LONG=1 go test -run '^$' -bench BuildCold -benchtime 1x ./generator/

func corpusModel(b *testing.B, version string) (*model.Model, string) {
	root := filepath.Join(corpusShared(b), "corpus", "graph-docs-2021", version)
	m, err := parser.ParseDir(root, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return m, root
}

// outputSize counts the files, and the lines of Go, of a generated package.
func outputSize(files map[string][]byte) (n, lines int) {
	for _, data := range files {
		lines += bytes.Count(data, []byte("\n"))
	}
	return len(files), lines
}

func BenchmarkGenerate(b *testing.B) {
	for _, version := range []string{"v1.0", "beta"} {
		b.Run("Generate/"+version, func(b *testing.B) {
			m, _ := corpusModel(b, version)
			b.ResetTimer()
			var files map[string][]byte
			for i := 0; i < b.N; i++ {
				var err error
				if files, err = Generate(m, Options{Package: "graph"}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			n, lines := outputSize(files)
			b.ReportMetric(float64(n), "files")
			b.ReportMetric(float64(lines), "lines")
			b.ReportMetric(float64(len(m.Types)), "types")
		})
		b.Run("ParseAndGenerate/"+version, func(b *testing.B) {
			root := filepath.Join(corpusShared(b), "corpus", "graph-docs-2021", version)
			for i := 0; i < b.N; i++ {
				m, err := parser.ParseDir(root, parser.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Generate(m, Options{Package: "graph"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGenerateRatio(b *testing.B) {
	var versions []fstest.MapFS
	var pages [][]byte
	for _, version := range []string{"v1.0", "beta"} {
		fsys, read, err := pagesfs.Load(filepath.Join(corpusShared(b), "corpus", "graph-docs-2021", version))
		if err != nil {
			b.Fatal(err)
		}
		versions, pages = append(versions, fsys), append(pages, read...)
	}
	md := goldmark.New()
	var bare, gen time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Each phase starts from a collected heap, so that neither pays for the other's garbage.
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		t0 := time.Now()
		for _, src := range pages {
			md.Parser().Parse(text.NewReader(src))
		}
		bare += time.Since(t0)
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		t1 := time.Now()
		for _, fsys := range versions {
			m, err := parser.ParseFS(fsys, parser.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Generate(m, Options{Package: "graph"}); err != nil {
				b.Fatal(err)
			}
		}
		gen += time.Since(t1)
	}
	b.StopTimer()
	b.ReportMetric(float64(gen)/float64(max(bare, 1)), "gen/bare")
	b.ReportMetric(float64(bare.Milliseconds())/float64(b.N), "bare-ms/op")
	b.ReportMetric(float64(gen.Milliseconds())/float64(b.N), "gen-ms/op")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "procs")
}

func BenchmarkBuildCold(b *testing.B) {
	if os.Getenv("GRAPHDOCGEN_LONG") == "" {
		b.Skip("a cold build of the v1.0 package takes minutes: set GRAPHDOCGEN_LONG=1 (and use -benchtime 1x)")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		b.Skipf("no go command: %v", err)
	}
	m, _ := corpusModel(b, "v1.0")
	files, err := Generate(m, Options{Package: "graph"})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	pkgDir := filepath.Join(dir, "graph")
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/cold\n\ngo 1.24\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(pkgDir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// A ten-line program that calls two operations, as the msgraph-sdk-go figures in ../shared/notes/competitors.md
	// were measured: the build links it.
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(coldMain), 0o644); err != nil {
		b.Fatal(err)
	}
	nFiles, lines := outputSize(files)
	types := float64(len(m.Types))

	var wall, cpu time.Duration
	var peakKB int64
	var binaryMB float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		tmp := b.TempDir()
		cache, binary := filepath.Join(tmp, "gocache"), filepath.Join(tmp, "cold")
		cmd := exec.Command(goBin, "build", "-o", binary, ".")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOWORK=off", "GOFLAGS=-mod=mod")
		b.StartTimer()
		began := time.Now()
		out, err := cmd.CombinedOutput()
		wall += time.Since(began)
		if err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
		// The rusage of a waited-for process covers the children it waited for: CPU time summed, and the peak
		// resident memory of the largest one (as /usr/bin/time -f %M reports it).
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakKB = max(peakKB, ru.Maxrss)
		}
		if st, err := os.Stat(binary); err == nil {
			binaryMB = float64(st.Size()) / (1 << 20)
		}
	}
	b.StopTimer()
	n := float64(b.N)
	b.ReportMetric(wall.Seconds()/n, "wall-s/op")
	b.ReportMetric(cpu.Seconds()/n, "cpu-s/op")
	b.ReportMetric(float64(peakKB)/1024, "peak-MB")
	b.ReportMetric(1000*wall.Seconds()/n/types, "wall-ms/type")
	b.ReportMetric(1000*cpu.Seconds()/n/types, "cpu-ms/type")
	b.ReportMetric(float64(peakKB)/types, "peak-KB/type")
	b.ReportMetric(binaryMB, "binary-MB")
	b.ReportMetric(float64(nFiles), "files")
	b.ReportMetric(float64(lines), "lines")
	b.ReportMetric(types, "types")
}

const coldMain = `package main

import (
	"context"
	"fmt"

	"example.com/cold/graph"
)

func main() {
	c := graph.NewClient("https://graph.microsoft.com/v1.0", nil)
	u, err := c.GetUser(context.Background(), "adele@contoso.com")
	fmt.Println(u, err)
	g, err := c.GetGroup(context.Background(), "02bd9fd6-8f93-4758-87c3-1fb73740a315")
	fmt.Println(g, err)
}
`

package mock

import (
	"bytes"
	"context"
	"github.com/graphdocgen/graphdocgen/internal/heappeak"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// sent is a documented request ready to send again and again.
type sent struct {
	method, target, contentType string
	body                        []byte
}

func documentedRequests(m *model.Model) []sent {
	var out []sent
	for _, op := range m.Operations {
		for _, x := range exchangesOf(op) {
			ex := x.request
			path, rawQuery, _ := strings.Cut(stripHost(ex.URL), "?")
			target := (&url.URL{Path: "/" + strings.TrimPrefix(unescape(path), "/")}).EscapedPath()
			if q := parseQuery(rawQuery); len(q) > 0 {
				target += "?" + q.Encode()
			}
			s := sent{method: strings.ToUpper(ex.Method), target: target}
			if ex.JSON != nil {
				s.body, _ = ex.JSON.MarshalJSON()
				s.contentType = "application/json"
			}
			out = append(out, s)
		}
	}
	return out
}

// BenchmarkServeCorpusV1 drives the v1.0 mock over real connections on 127.0.0.1 with 200 concurrent clients, each
// sending the corpus's documented requests in turn, for as long as -benchtime says, and reports latency
// percentiles and the heap:
//
//	go test ./mock -run '^$' -bench ServeCorpusV1 -benchtime 20s
func BenchmarkServeCorpusV1(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "corpus", "graph-docs-2021", "v1.0")
	if _, err := os.Stat(dir); err != nil {
		b.Skip("../shared is absent: no v1.0 corpus to serve")
	}
	m, err := parser.ParseDir(dir, parser.Options{})
	if err != nil {
		b.Fatal(err)
	}
	mk := New(m, Options{})
	requests := documentedRequests(m)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, mk, 5*time.Second) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			b.Error(err)
		}
	}()
	const clients = 200
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	base := "http://" + ln.Addr().String()

	var next atomic.Int64
	var mu sync.Mutex
	var latencies []time.Duration
	var failures atomic.Int64
	runtime.GC()
	peak := heappeak.Sample()
	b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			s := requests[int(next.Add(1))%len(requests)]
			req, err := http.NewRequest(s.method, base+s.target, bytes.NewReader(s.body))
			if err != nil {
				failures.Add(1)
				continue
			}
			if s.contentType != "" {
				req.Header.Set("Content-Type", s.contentType)
			}
			start := time.Now()
			res, err := client.Do(req)
			if err != nil {
				failures.Add(1)
				continue
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			mine = append(mine, time.Since(start))
			if res.StatusCode >= 500 {
				failures.Add(1)
			}
		}
		mu.Lock()
		latencies = append(latencies, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	heap := peak()
	if n := failures.Load(); n > 0 {
		b.Errorf("%d requests failed or got 5xx", n)
	}
	slices.Sort(latencies)
	at := func(q float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[min(len(latencies)-1, int(q*float64(len(latencies))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.90), "p90-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
	b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(len(requests)), "examples")
}

// Written by hand, not generated (like out_test.go): what hostile request bodies cost the generated handler.
package out_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/out"
)

// hostileBody is a PATCH /users/{id} body just under the default 4 MiB limit: one object of an open type (User)
// with 350,000 members nobody declared, which a lenient reading would keep one by one in AdditionalData.
func hostileBody() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i < 350_000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"m`)
		b.WriteString(strconv.Itoa(i))
		b.WriteString(`":1`)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// updatingServer implements UpdateUser, the operation the hostile body is sent to; idleServer implements nothing.
type updatingServer struct{ out.Unimplemented }

func (updatingServer) UpdateUser(context.Context, string, *out.User) error { return nil }

type idleServer struct{ out.Unimplemented }

// BenchmarkHostileBodies sends waves of 20 and 100 concurrent hostile 4 MiB bodies (hostileBody) to the generated
// handler over localhost, for an implemented and an unimplemented operation (before and after the handler has
// learnt that it is unimplemented), and reports the peak Go heap (sampled every millisecond) and the process's peak
// resident memory during the waves (VmHWM, reset before each sub-benchmark), the statuses answered, and the time
// per wave (ns/op). Run it alone, it takes about a minute:
//
//	go test -run '^$' -bench HostileBodies -benchtime 3x ./out/
func BenchmarkHostileBodies(b *testing.B) {
	body := hostileBody()
	if len(body) > 4<<20 {
		b.Fatalf("the body is %d bytes, over the default limit", len(body))
	}
	for _, target := range []struct {
		name  string
		s     out.Server
		known bool // one request with a valid body first, after which the handler knows UpdateUser is unimplemented
	}{{"implemented", updatingServer{}, false}, {"unimplemented", idleServer{}, false}, {"unimplemented-known", idleServer{}, true}} {
		for _, n := range []int{20, 100} {
			b.Run(fmt.Sprintf("%s/%d", target.name, n), func(b *testing.B) {
				srv := httptest.NewServer(out.NewHandler(target.s))
				defer srv.Close()
				client := &http.Client{Timeout: 5 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
				defer client.CloseIdleConnections()
				if target.known {
					req, _ := http.NewRequest("PATCH", srv.URL+"/users/u1", strings.NewReader(`{}`))
					req.Header.Set("Content-Type", "application/json")
					if resp, err := client.Do(req); err == nil {
						resp.Body.Close()
					}
				}
				var statuses sync.Map // status → *atomic.Int64
				wave := func() {
					var wg sync.WaitGroup
					for i := 0; i < n; i++ {
						wg.Add(1)
						go func() {
							defer wg.Done()
							req, _ := http.NewRequest("PATCH", srv.URL+"/users/u1", bytes.NewReader(body))
							req.Header.Set("Content-Type", "application/json")
							resp, err := client.Do(req)
							status := "error"
							if err == nil {
								io.Copy(io.Discard, resp.Body)
								resp.Body.Close()
								status = strconv.Itoa(resp.StatusCode)
							}
							c, _ := statuses.LoadOrStore(status, new(atomic.Int64))
							c.(*atomic.Int64).Add(1)
						}()
					}
					wg.Wait()
				}
				runtime.GC()
				resetPeakRSS()
				stop := make(chan struct{})
				peak := make(chan uint64)
				go samplePeakHeap(stop, peak)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					wave()
				}
				b.StopTimer()
				close(stop)
				b.ReportMetric(float64(<-peak)/1e6, "peak-heap-MB")
				if rss := peakRSS(); rss > 0 {
					b.ReportMetric(float64(rss)/1e6, "peak-rss-MB")
				}
				var seen []string
				statuses.Range(func(k, v any) bool {
					seen = append(seen, fmt.Sprintf("%s×%d", k, v.(*atomic.Int64).Load()))
					return true
				})
				sort.Strings(seen)
				b.Logf("statuses: %s", strings.Join(seen, " "))
			})
		}
	}
}

// samplePeakHeap sends the largest HeapInuse seen until stop is closed.
func samplePeakHeap(stop <-chan struct{}, peak chan<- uint64) {
	var most uint64
	var ms runtime.MemStats
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		runtime.ReadMemStats(&ms)
		most = max(most, ms.HeapInuse)
		select {
		case <-stop:
			peak <- most
			return
		case <-tick.C:
		}
	}
}

// resetPeakRSS resets the kernel's peak resident set size of this process (Linux; elsewhere nothing happens).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the process's peak resident set size in bytes since the last reset (VmHWM), or 0 where unknown.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

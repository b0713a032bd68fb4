// Package heappeak measures the peak heap of a stretch of work, for benchmarks that report memory beside time
// (b.ReportMetric): testing's own figures count bytes allocated, not the most held at once.
package heappeak

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Sample samples HeapInuse every 2 ms until the returned function is called, which returns the highest seen.
func Sample() func() uint64 {
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(stop)
		wg.Wait()
		return peak.Load()
	}
}

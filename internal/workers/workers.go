// Package workers runs numbered tasks on a few goroutines: the parser's page reads, the linter's page checks and
// the generator's file renders.
package workers

import (
	"sync"
	"sync/atomic"
)

// Each runs task(w, i) for every i in [0, n) on min(workers, n) goroutines (at least one), w being the number of
// the goroutine that runs it (0 ≤ w < workers, for state of its own), and returns when all are done. Goroutines take
// the next i by counting, not from a channel: handing thousands of short tasks over one by one would wake a
// goroutine for each.
func Each(workers, n int, task func(w, i int)) {
	workers = max(min(workers, n), 1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				task(w, i)
			}
		}()
	}
	wg.Wait()
}

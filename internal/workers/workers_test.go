package workers

import (
	"sync/atomic"
	"testing"
)

func TestEachRunsEveryTaskOnce(t *testing.T) {
	for _, c := range []struct{ workers, n int }{{4, 1000}, {1, 10}, {8, 3}, {0, 5}, {3, 0}} {
		counts := make([]atomic.Int32, c.n)
		var badWorker atomic.Bool
		Each(c.workers, c.n, func(w, i int) {
			if w < 0 || w >= max(c.workers, 1) {
				badWorker.Store(true)
			}
			counts[i].Add(1)
		})
		for i := range counts {
			if got := counts[i].Load(); got != 1 {
				t.Errorf("workers %d, n %d: task %d ran %d times", c.workers, c.n, i, got)
			}
		}
		if badWorker.Load() {
			t.Errorf("workers %d, n %d: a worker number out of range", c.workers, c.n)
		}
	}
}

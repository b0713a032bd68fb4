package parser

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// The reads raise the collector's percentage while they last, the last to end puts back the process's setting,
// and a higher setting or a collector turned off is kept.
func TestRaiseGCPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	current := func() int {
		s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
		metrics.Read(s)
		return int(s[0].Value.Uint64())
	}
	endA := raiseGCPercent(200)
	endB := raiseGCPercent(200)
	if p := current(); p != 200 {
		t.Fatalf("during two reads: %d, want 200", p)
	}
	endA()
	if p := current(); p != 200 {
		t.Fatalf("after the first read ended: %d, want 200", p)
	}
	endB()
	if p := current(); p != 100 {
		t.Fatalf("after both ended: %d, want 100", p)
	}
	for _, process := range []int{-1, 400} {
		debug.SetGCPercent(process)
		end := raiseGCPercent(200)
		if p := current(); p != process {
			t.Errorf("process at %d: %d during the read", process, p)
		}
		end()
		if p := current(); p != process {
			t.Errorf("process at %d: %d after the read", process, p)
		}
	}
	debug.SetGCPercent(100)
	raiseGCPercent(-1)()
	if p := current(); p != 100 {
		t.Errorf("negative percent: %d, want the process's 100", p)
	}
}

package parser

import (
	"runtime/debug"
	"sync"
)

// defaultReadGCPercent is the garbage collector's percentage while pages are read, unless Options say otherwise.
//
// Nearly everything a page read allocates stays in the model: the page's text, its tables, links and example
// JSON. The live heap therefore grows all through the read, and at the default percentage (100) a collection
// comes each time it doubles, marking the whole model read so far, while on a machine of two cores it also takes
// a share of one of them from the page readers. At 200 the corpus (both versions, 11,000 pages) is read with
// about half as many collections; its peak memory goes from about 380 MB to about 520 MB.
const defaultReadGCPercent = 200

// gcRaise counts the reads under way that asked for more room, so that reads in parallel raise the
// percentage once and the last to end puts back what the process had.
var gcRaise struct {
	sync.Mutex
	reads  int
	saved  int  // the process's percentage before the first read raised it
	raised bool // whether the first read raised it (it does not when the process's is off or higher)
}

// raiseGCPercent lets the heap grow to percent more than what is live before a collection, for as long as the
// read lasts; it returns what ends it. The setting is the process's: it never lowers one the process set higher
// and never turns a collector that is off back on. A negative percent leaves the setting alone.
func raiseGCPercent(percent int) (restore func()) {
	if percent < 0 {
		return func() {}
	}
	gcRaise.Lock()
	defer gcRaise.Unlock()
	if gcRaise.reads == 0 {
		gcRaise.saved = debug.SetGCPercent(percent)
		gcRaise.raised = true
		if gcRaise.saved < 0 || gcRaise.saved >= percent {
			debug.SetGCPercent(gcRaise.saved)
			gcRaise.raised = false
		}
	}
	gcRaise.reads++
	return func() {
		gcRaise.Lock()
		defer gcRaise.Unlock()
		if gcRaise.reads--; gcRaise.reads == 0 && gcRaise.raised {
			debug.SetGCPercent(gcRaise.saved)
		}
	}
}

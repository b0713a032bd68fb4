package parser

// reused hands out values of T from chunks that one worker reuses page after page. What a page takes from it
// must not outlive the page: the next page overwrites it.
type reused[T any] struct {
	chunks      [][]T
	chunk, used int // the chunk values come from now, and how many of it are taken
}

// reusedChunk is the number of values allocated at once; a page needs tens to hundreds of each kind.
const reusedChunk = 256

// next returns the next value, holding whatever the page before left in it.
func (r *reused[T]) next() *T {
	if r.chunk == len(r.chunks) {
		r.chunks = append(r.chunks, make([]T, reusedChunk))
	}
	at := &r.chunks[r.chunk][r.used]
	if r.used++; r.used == reusedChunk {
		r.chunk, r.used = r.chunk+1, 0
	}
	return at
}

// reset makes every value available again.
func (r *reused[T]) reset() { r.chunk, r.used = 0, 0 }

package cli

import (
	"bytes"
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change, as diff -u shows them.
const diffContext = 3

// unifiedDiff returns the unified diff of a and b with the given file names ("" when they are equal). Lines keep
// their endings, so a CRLF page's lines are shown with theirs; a last line without one is marked as diff marks it.
func unifiedDiff(oldName, newName string, a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	x, y := splitLinesKeep(a), splitLinesKeep(b)
	ops := diffLines(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "diff --git %s %s\n--- %s\n+++ %s\n", oldName, newName, oldName, newName)
	// Group the operations into hunks: changes closer than 2*diffContext lines share one.
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-diffContext, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*diffContext {
				break
			}
		}
		stop := min(end+diffContext+1, len(ops))
		oldStart, newStart, oldN, newN := ops[start].x+1, ops[start].y+1, 0, 0
		for _, o := range ops[start:stop] {
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		if oldN == 0 {
			oldStart--
		}
		if newN == 0 {
			newStart--
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(oldStart, oldN), hunkRange(newStart, newN))
		for _, o := range ops[start:stop] {
			var line string
			if o.kind == '+' {
				line = y[o.y]
			} else {
				line = x[o.x]
			}
			out.WriteByte(o.kind)
			out.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = stop
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitLinesKeep splits s after each '\n', keeping the line endings.
func splitLinesKeep(s []byte) []string {
	var out []string
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, string(s))
			break
		}
		out = append(out, string(s[:i+1]))
		s = s[i+1:]
	}
	return out
}

// diffOp is one line of an edit script: ' ' kept, '-' removed from x, '+' added from y; x and y are the line's
// indexes in each (the next line's where it has none).
type diffOp struct {
	kind byte
	x, y int
}

// diffLines is Myers' O((N+M)·D) diff: fixes change few lines of a page, so D is small.
func diffLines(x, y []string) []diffOp {
	n, m := len(x), len(y)
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := false
	for d := 0; d <= maxD && !found; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				i = v[off+k+1]
			} else {
				i = v[off+k-1] + 1
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[off+k] = i
			if i >= n && j >= m {
				found = true
				break
			}
		}
	}
	// Walk the trace back from the end.
	var rev []diffOp
	i, j := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		tv := trace[d]
		k := i - j
		var prevK int
		if k == -d || (k != d && tv[off+k-1] < tv[off+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevI := tv[off+prevK]
		prevJ := prevI - prevK
		for i > prevI && j > prevJ {
			i, j = i-1, j-1
			rev = append(rev, diffOp{' ', i, j})
		}
		if d > 0 {
			if i == prevI {
				j--
				rev = append(rev, diffOp{'+', i, j})
			} else {
				i--
				rev = append(rev, diffOp{'-', i, j})
			}
		}
	}
	ops := make([]diffOp, len(rev))
	for k, o := range rev {
		ops[len(rev)-1-k] = o
	}
	return ops
}

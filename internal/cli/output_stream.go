package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/graphdocgen/graphdocgen/parser"
)

// writeOutputStreamed is writeOutput for output too large to hold twice (the JSON model of the beta docs is
// 110 MB): write produces it into the destination as writeOutput decides it — standard output, a device or
// pipe written through, or a regular file replaced through a temporary file and a rename only when the content
// changes (compared with the file, a block at a time).
func writeOutputStreamed(path string, stdout io.Writer, write func(io.Writer) error) error {
	mode, target, err := outputTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	switch mode {
	case outputStdout:
		return write(stdout)
	case outputReplace:
		return replaceStreamed(target, write)
	}
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if err := f.Truncate(0); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// replaceStreamed writes a regular file (or one not there yet) through a temporary file beside it, and renames
// that over it only when the two differ, so that an unchanged file keeps its modification time.
func replaceStreamed(path string, write func(io.Writer) error) error {
	st, err := os.Lstat(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("write %s: not a regular file (%s); it is not replaced", path, parser.DescribeMode(st.Mode()))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return replaceFile(path, 0o644, write, func(tmp string) (bool, error) { return !sameFiles(tmp, path), nil })
}

// sameFiles reports whether two regular files hold the same bytes, reading both a block at a time.
func sameFiles(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 != nil || err2 != nil || sa.Size() != sb.Size() {
		return false
	}
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ba, bb := make([]byte, 256<<10), make([]byte, 256<<10)
	for {
		na, errA := io.ReadFull(fa, ba)
		nb, errB := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if errA != nil || errB != nil {
			return errors.Is(errA, io.EOF) || errors.Is(errA, io.ErrUnexpectedEOF)
		}
	}
}

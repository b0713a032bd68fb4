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

// outputMode is how writeOutput writes to a path given with -o.
type outputMode int

const (
	// outputStdout: "-" is standard output.
	outputStdout outputMode = iota
	// outputReplace: a regular file, or a path where nothing is yet: written through a temporary file and a
	// rename (writeFileAtomic), and left alone when it already holds the data.
	outputReplace
	// outputThrough: anything else — a device such as /dev/null, a named pipe, a terminal, /proc/self/fd/1 —
	// is opened and written to as it is; it is never read, replaced or created.
	outputThrough
)

// outputTarget decides how to write to path. A symbolic link is followed: the file it leads to is what is
// written (replaced, when it is a regular file), never the link itself. A link that leads nowhere is written
// through, which creates the file it names.
func outputTarget(path string) (outputMode, string, error) {
	if path == "-" {
		return outputStdout, path, nil
	}
	lst, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return outputReplace, path, nil
	}
	if err != nil {
		return 0, "", err
	}
	if lst.Mode().IsRegular() {
		return outputReplace, path, nil
	}
	if lst.Mode()&fs.ModeSymlink == 0 {
		return outputThrough, path, nil
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return outputThrough, path, nil // a dangling link: writing creates its target
	}
	if err != nil {
		return 0, "", err
	}
	if !st.Mode().IsRegular() {
		return outputThrough, path, nil // /proc/self/fd/1 on a pipe, a link to /dev/null
	}
	// A link to a regular file: replace the file, under its own name, so that the link stays a link.
	// (/proc/self/fd/N names no file that a rename could replace; such links resolve to nothing usable.)
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return outputThrough, path, nil
	}
	return outputReplace, real, nil
}

// writeOutput writes data where -o FILE says: see outputTarget. The error names path as the user gave it.
func writeOutput(path string, stdout io.Writer, data []byte) error {
	mode, target, err := outputTarget(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	switch mode {
	case outputStdout:
		_, err := stdout.Write(data)
		return err
	case outputReplace:
		_, err := writeFileAtomic(target, data)
		return err
	}
	// O_CREATE only matters for a dangling link; devices, pipes and terminals are not truncated or created.
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		// A dangling link's new target, or a file swapped in since: drop what was there.
		if err := f.Truncate(0); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the same directory and a rename, so readers
// never see half a file. It leaves the file alone, mtime included, when it already holds data; changed reports
// whether it wrote. path must be a regular file or not exist: callers with a path from the command line go
// through writeOutput, which decides.
func writeFileAtomic(path string, data []byte) (changed bool, err error) {
	if same, err := regularFileHolds(path, data); err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	} else if same {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, fmt.Errorf("write %s: %w", path, err)
	}
	if err := replaceFile(path, 0o644, func(w io.Writer) error { _, err := w.Write(data); return err }, nil); err != nil {
		return false, err
	}
	return true, nil
}

// replaceFile writes path through a temporary file beside it, with permissions perm, and renames that over path,
// so that readers never see half a file; every writer of the CLI (generate, model and lint outputs, lint --fix)
// goes through it. ready, when not nil, runs once the temporary file is complete, before the rename: it says
// whether to rename (false: the file holds the same already) or refuses with an error. Errors name path.
func replaceFile(path string, perm fs.FileMode, write func(io.Writer) error, ready func(tmp string) (bool, error)) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		// The temporary file's random name says nothing to the reader: report the file being written.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if ready != nil {
		if rename, err := ready(tmp.Name()); err != nil || !rename {
			return err
		}
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// regularFileHolds reports whether path is a regular file whose content is data. It never opens anything else
// (reading a named pipe or /proc/self/fd/1 would block), and refuses to replace what is not a regular file.
func regularFileHolds(path string, data []byte) (bool, error) {
	st, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !st.Mode().IsRegular() {
		return false, fmt.Errorf("not a regular file (%s); it is not replaced", parser.DescribeMode(st.Mode()))
	}
	if st.Size() != int64(len(data)) {
		return false, nil
	}
	old, err := os.ReadFile(path)
	if err != nil {
		return false, nil
	}
	return bytes.Equal(old, data), nil
}

// openRegular opens a file the command reads (a baseline) when it is a regular file: opening a named pipe would
// wait for a writer.
func openRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what the reader asked for
		}
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a file", path, parser.DescribeMode(st.Mode()))
	}
	return os.Open(path)
}

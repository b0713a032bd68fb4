package parser

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxPageBytes is the size limit of one page when Options.MaxPageBytes is 0. The largest page of the
// Graph docs is well under 1 MB.
const DefaultMaxPageBytes = 8 << 20

// ErrOutsideRoot is the reason a file reached through a symbolic link that leads out of the docs root is not
// read (see DocsFS).
var ErrOutsideRoot = errors.New("a symbolic link that leads outside the docs root (--follow-symlinks reads it)")

// errNotRegular is the reason a device, named pipe, socket or folder named like a page is not read.
type errNotRegular struct{ mode fs.FileMode }

func (e errNotRegular) Error() string {
	return "not a regular file but " + DescribeMode(e.mode) + "; only regular files are read"
}

// errTooLarge is the reason a page over the size limit is not read.
type errTooLarge struct{ size, limit int64 }

func (e errTooLarge) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("larger than the %d bytes a page may have (--max-page-bytes)", e.limit)
	}
	return fmt.Sprintf("%d bytes, more than the %d a page may have (--max-page-bytes)", e.size, e.limit)
}

// DescribeMode names the kind of a file that is not a regular file, for messages.
func DescribeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "an irregular file (" + m.Type().String() + ")"
}

// DocsFS is the docs tree at dir as ParseDir reads it: the files below dir, where a symbolic link (to a page, or
// a folder on the way to one) that leads outside dir is refused with ErrOutsideRoot unless follow is set. Links
// that stay inside dir are followed. Files are opened without blocking, so a named pipe never stalls a read.
func DocsFS(dir string, follow bool) fs.FS {
	d := &docsFS{dir: dir, follow: follow, dirFS: os.DirFS(dir)}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			d.real = abs
		}
	}
	return d
}

type docsFS struct {
	dir    string
	real   string // dir with its links resolved, absolute; "" when that failed (nothing is then followed out)
	follow bool
	dirFS  fs.FS
}

// resolve checks name and returns its path on disk with every link resolved, or an error.
func (d *docsFS) resolve(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	full := filepath.Join(d.dir, filepath.FromSlash(name))
	if d.follow {
		return full, nil
	}
	if p, ok := d.linkFree(name); ok {
		return p, nil
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return "", &fs.PathError{Op: op, Path: name, Err: unwrapPath(err)}
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if d.real == "" || real != d.real && !strings.HasPrefix(real, d.real+string(filepath.Separator)) {
		return "", &fs.PathError{Op: op, Path: name, Err: ErrOutsideRoot}
	}
	return real, nil
}

// linkFree returns name's path under the resolved root when none of its components below the root is a link,
// which it finds with one Lstat per component: EvalSymlinks would also walk every component of the root's own
// path, for every page (a tenth of reading the corpus).
func (d *docsFS) linkFree(name string) (string, bool) {
	if d.real == "" {
		return "", false
	}
	p := d.real
	if name == "." {
		return p, true
	}
	for _, part := range strings.Split(name, "/") {
		p = filepath.Join(p, part)
		st, err := os.Lstat(p)
		if err != nil || st.Mode()&fs.ModeSymlink != 0 {
			return "", false
		}
	}
	return p, true
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (d *docsFS) Open(name string) (fs.File, error) {
	p, err := d.resolve("open", name)
	if err != nil {
		return nil, err
	}
	f, err := openNoBlock(p)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: unwrapPath(err)}
	}
	return f, nil
}

func (d *docsFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.resolve("stat", name)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: unwrapPath(err)}
	}
	return st, nil
}

func (d *docsFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if _, err := d.resolve("readdir", name); err != nil {
		return nil, err
	}
	return fs.ReadDir(d.dirFS, name)
}

// ReadFile reads a regular file of at most DefaultMaxPageBytes.
func (d *docsFS) ReadFile(name string) ([]byte, error) {
	return readRegular(d, name, DefaultMaxPageBytes)
}

// readRegular reads name from fsys when it is a regular file of at most limit bytes (limit < 0: any size). It
// never opens anything else — opening a named pipe blocks, reading a device may never end — and reads at most
// limit+1 bytes, so a file that grows meanwhile cannot take the memory.
func readRegular(fsys fs.FS, name string, limit int64) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular{st.Mode()}}
	}
	if limit >= 0 && st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge{st.Size(), limit}}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// What was opened may not be what was looked at (a file swapped in between): check again.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errNotRegular{st.Mode()}}
	}
	size := st.Size()
	var r io.Reader = f
	if limit >= 0 {
		size = min(size, limit)
		r = io.LimitReader(f, limit+1)
	}
	data := make([]byte, 0, size+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: unwrapPath(err)}
		}
	}
	if limit >= 0 && int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: errTooLarge{-1, limit}}
	}
	return data, nil
}

// boundedFS is the docs tree as the resolver sees it, to read the includes pages name: the same limits as pages.
type boundedFS struct {
	fs.FS
	limit int64
}

func (b boundedFS) Open(name string) (fs.File, error) {
	st, err := fs.Stat(b.FS, name)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errNotRegular{st.Mode()}}
	}
	return b.FS.Open(name)
}

func (b boundedFS) ReadFile(name string) ([]byte, error) { return readRegular(b.FS, name, b.limit) }

func (b boundedFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(b.FS, name) }

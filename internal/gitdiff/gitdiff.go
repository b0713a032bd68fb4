// Package gitdiff asks git which files and lines changed, so that lint can report only what a change introduced
// (`lint --new-from-rev REV`, `--changed-only`), as golangci-lint does.
package gitdiff

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNoGit is returned when the git command is not installed.
var ErrNoGit = errors.New("git is not installed (or not on PATH)")

// Changes are the files and lines that differ between a revision and the working tree. Untracked files (not
// ignored) count as wholly changed, as do added files; deleted files have no lines.
type Changes struct {
	// Root is the repository's top-level directory, as git reports it (symbolic links resolved).
	Root  string
	files map[string]*fileChange // by slash path relative to Root
}

type fileChange struct {
	whole bool
	lines []span // added or modified lines of the new version, in order
}

type span struct{ from, to int } // inclusive

// Since reads what changed from rev to the working tree (commits since rev, staged and unstaged edits, untracked
// files) in the repository that holds dir. An empty rev is HEAD: what the working tree changes.
func Since(dir, rev string) (*Changes, error) {
	if rev == "" {
		rev = "HEAD"
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, ErrNoGit
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git repository: %w", dir, err)
	}
	c := &Changes{Root: filepath.Clean(strings.TrimSpace(string(top))), files: map[string]*fileChange{}}
	if _, err := git(c.Root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("revision %q: not a commit in %s (in CI, fetch it: actions/checkout with fetch-depth: 0)", rev, c.Root)
	}
	diff, err := git(c.Root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "-U0", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("git diff %s: %w", rev, err)
	}
	if err := c.parse(diff); err != nil {
		return nil, err
	}
	untracked, err := git(c.Root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("git ls-files: %w", err)
	}
	for _, f := range strings.Split(string(untracked), "\x00") {
		if f != "" {
			c.files[f] = &fileChange{whole: true}
		}
	}
	return c, nil
}

// git runs git in dir and returns its standard output; its standard error becomes the error.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}

// parse reads `git diff -U0` output: the new file's name from "+++ b/NAME" and its added lines from each hunk's
// "+start,count".
func (c *Changes) parse(diff []byte) error {
	var cur *fileChange
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur = nil
		case strings.HasPrefix(line, "new file mode"):
			// the +++ line follows; mark it whole then
			cur = &fileChange{whole: true}
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil
				continue
			}
			name, err := unquote(name)
			if err != nil {
				return fmt.Errorf("git diff: file name %s: %w", line, err)
			}
			name = strings.TrimPrefix(name, "b/")
			fc := c.files[name]
			if fc == nil {
				fc = &fileChange{}
				c.files[name] = fc
			}
			if cur != nil && cur.whole {
				fc.whole = true
			}
			cur = fc
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			s, err := hunkSpan(line)
			if err != nil {
				return fmt.Errorf("git diff: %q: %w", line, err)
			}
			if s.to >= s.from {
				cur.lines = append(cur.lines, s)
			}
		}
	}
	return sc.Err()
}

// hunkSpan reads the new side of "@@ -a,b +c,d @@": lines c to c+d-1 (d is 1 when absent, 0 for a deletion).
func hunkSpan(line string) (span, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return span{}, errors.New("not a hunk header")
	}
	start, count, hasCount := strings.Cut(strings.TrimPrefix(fields[2], "+"), ",")
	from, err := strconv.Atoi(start)
	if err != nil {
		return span{}, err
	}
	n := 1
	if hasCount {
		if n, err = strconv.Atoi(count); err != nil {
			return span{}, err
		}
	}
	return span{from, from + n - 1}, nil
}

// unquote undoes git's C-style quoting of unusual file names ("a\tb.md").
func unquote(name string) (string, error) {
	if !strings.HasPrefix(name, `"`) {
		return name, nil
	}
	return strconv.Unquote(name)
}

// key turns a path (absolute, or relative to the working directory) into the slash path relative to Root that
// git reports, resolving symbolic links as git does; ok is false for a file outside the repository.
func (c *Changes) key(file string) (string, bool) {
	abs, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return "", false
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs)) // a deleted file: its folder may still be there
	}
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// File reports whether file (absolute, or relative to the working directory) changed.
func (c *Changes) File(file string) bool {
	k, ok := c.key(file)
	if !ok {
		return false
	}
	fc := c.files[k]
	return fc != nil && (fc.whole || len(fc.lines) > 0)
}

// Line reports whether line of file is new or changed. Line 0 (a finding about the whole file) counts only for a
// file that is new as a whole.
func (c *Changes) Line(file string, line int) bool {
	k, ok := c.key(file)
	if !ok {
		return false
	}
	fc := c.files[k]
	if fc == nil {
		return false
	}
	if fc.whole {
		return true
	}
	for _, s := range fc.lines {
		if line >= s.from && line <= s.to {
			return true
		}
	}
	return false
}

// Files returns how many files changed.
func (c *Changes) Files() int {
	n := 0
	for _, fc := range c.files {
		if fc.whole || len(fc.lines) > 0 {
			n++
		}
	}
	return n
}

// DirOf is the directory to run git in for a docs root: the root itself, or a page's folder.
func DirOf(root string) string {
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return filepath.Dir(root)
	}
	return root
}

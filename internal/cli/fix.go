package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/gitdiff"
	"github.com/graphdocgen/graphdocgen/lint"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// lint --fix: the findings' fixes (lint.Fix, attached by the rules) applied to the pages, then written back or
// shown as a diff. The lint package says what to change; this file reads and writes the files.

// maxFixPasses bounds the rounds of fixing: a fix left out because it overlapped another is applied in the next
// round, after a re-lint of the fixed pages, so that a second --fix has nothing left to do.
const maxFixPasses = 10

// fixPlan is what --fix would write: the new content of each page it changes, and why other pages were not fixed.
type fixPlan struct {
	roots   []string
	orig    map[string][]byte // page path → content as read, for the pages with fixes
	pages   map[string][]byte // page path → content after the fixes (every page, for the re-lint)
	disk    map[string]string // page path → file it is written to
	modes   map[string]fs.FileMode
	fixed   map[string]int   // rule → findings fixed
	refused map[string]error // page path → why it is not fixed
	writing bool             // the pages are to be written (not --diff): read-only ones are refused
}

// planFixes applies the fixes of findings (as keep leaves them: the baseline and the change filter) to the pages of
// m in memory, re-linting the fixed pages until no fix applies or maxFixPasses rounds are done.
func planFixes(roots []string, m *model.Model, opts lint.Options, findings []lint.Finding, keep func([]lint.Finding) []lint.Finding, writing bool) *fixPlan {
	p := &fixPlan{roots: roots, writing: writing, orig: map[string][]byte{}, pages: make(map[string][]byte, len(m.Pages)), disk: map[string]string{},
		modes: map[string]fs.FileMode{}, fixed: map[string]int{}, refused: map[string]error{}}
	for _, pg := range m.Pages {
		p.pages[pg.Path] = pg.Source
	}
	findings = keep(findings)
	for pass := 0; pass < maxFixPasses; pass++ {
		byPage := map[string][]lint.Finding{}
		for _, f := range findings {
			if f.Fix != nil && !f.Outside && p.refused[f.Pos.File] == nil {
				byPage[f.Pos.File] = append(byPage[f.Pos.File], f)
			}
		}
		changed := false
		for _, page := range sortedKeys(byPage) {
			if _, ok := p.orig[page]; !ok {
				if err := p.check(page); err != nil {
					p.refused[page] = err
					continue
				}
			}
			fs := byPage[page]
			fixes := make([]*lint.Fix, len(fs))
			for i, f := range fs {
				fixes[i] = f.Fix
			}
			out, applied := lint.ApplyFixes(p.pages[page], fixes)
			for i, ok := range applied {
				if ok {
					p.fixed[fs[i].Rule]++
					changed = true
				}
			}
			p.pages[page] = out
		}
		if !changed {
			break
		}
		m = parser.ParsePages(p.pages, opts.FS)
		findings, _ = lint.RunCounted(m, opts)
		findings = keep(findings)
	}
	return p
}

// check finds the file of page and makes sure --fix may rewrite it: a regular, writable file under a docs root,
// reached through no symbolic link below the root (docs are untrusted: a link could lead anywhere), that still
// holds what was linted.
func (p *fixPlan) check(page string) error {
	for _, root := range p.roots {
		dir, rel := root, filepath.FromSlash(page)
		if st, err := os.Stat(root); err == nil && !st.IsDir() {
			if filepath.Base(root) != page {
				continue
			}
			dir = filepath.Dir(root)
		}
		full := filepath.Join(dir, rel)
		st, err := os.Lstat(full)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		// Every folder between the root and the file, and the file itself, must be no link.
		at := dir
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			at = filepath.Join(at, part)
			if lst, err := os.Lstat(at); err != nil {
				return err
			} else if lst.Mode()&fs.ModeSymlink != 0 {
				return fmt.Errorf("%s is a symbolic link; --fix does not write through links", at)
			}
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s is %s, not a regular file", full, parser.DescribeMode(st.Mode()))
		}
		if p.writing && st.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("%s is read-only; not fixed", full)
		}
		data, err := os.ReadFile(full)
		if err != nil {
			return err
		}
		if !bytes.Equal(data, p.pages[page]) {
			return fmt.Errorf("%s changed since it was read, or holds bytes that are not UTF-8 text; not fixed", full)
		}
		p.orig[page], p.disk[page], p.modes[page] = data, full, st.Mode().Perm()
		return nil
	}
	return fmt.Errorf("%s: no such file under %s", page, strings.Join(p.roots, ", "))
}

// changedPages returns the pages whose content the fixes change, sorted.
func (p *fixPlan) changedPages() []string {
	var out []string
	for page, old := range p.orig {
		if !bytes.Equal(old, p.pages[page]) {
			out = append(out, page)
		}
	}
	sort.Strings(out)
	return out
}

// total is the number of findings fixed.
func (p *fixPlan) total() int {
	n := 0
	for _, c := range p.fixed {
		n += c
	}
	return n
}

// write writes the fixed pages, each through a temporary file in its folder and a rename (readers never see half
// a page), keeping its permissions. It goes on after a page it cannot write and returns the errors joined.
func (p *fixPlan) write() error {
	var errs []error
	for _, page := range p.changedPages() {
		if err := writeFixedFile(p.disk[page], p.pages[page], p.modes[page]); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func writeFixedFile(path string, data []byte, mode fs.FileMode) error {
	return replaceFile(path, mode, func(w io.Writer) error { _, err := w.Write(data); return err }, func(string) (bool, error) {
		// The file may have been replaced by a link since it was checked: look again right before the rename.
		if st, err := os.Lstat(path); err != nil {
			return false, err
		} else if !st.Mode().IsRegular() {
			return false, fmt.Errorf("it is now %s; not replaced", parser.DescribeMode(st.Mode()))
		}
		return true, nil
	})
}

// writeDiff writes the fixes as a unified diff, git style (a/ and b/ prefixes): paths relative to the working
// directory when the page is under it, else relative to the docs root (git apply takes it there).
func (p *fixPlan) writeDiff(w io.Writer) error {
	wd, _ := os.Getwd()
	var b bytes.Buffer
	for _, page := range p.changedPages() {
		name := page
		if abs, err := filepath.Abs(p.disk[page]); err == nil && wd != "" {
			if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				name = filepath.ToSlash(rel)
			}
		}
		b.WriteString(unifiedDiff("a/"+name, "b/"+name, p.orig[page], p.pages[page]))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// writeFixSummary writes how many findings the fixes resolved, per rule, most first, as the text summary lists
// the findings left.
func (p *fixPlan) writeFixSummary(w io.Writer, verb string) {
	n := p.total()
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "%s %s in %s:\n", verb, plural(n, "finding"), plural(len(p.changedPages()), "file"))
	rules := sortedKeys(p.fixed)
	sort.SliceStable(rules, func(i, j int) bool { return p.fixed[rules[i]] > p.fixed[rules[j]] })
	for _, r := range rules {
		fmt.Fprintf(w, "* %s: %d\n", r, p.fixed[r])
	}
}

// reportRefused lists the pages that had fixes but were not fixed, and why.
func (p *fixPlan) reportRefused(e *env) {
	for _, page := range sortedKeys(p.refused) {
		fmt.Fprintf(e.stderr, "graphdocgen lint: --fix: %s: %v\n", page, p.refused[page])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// inChangePages is inChange for findings whose files are still page paths (relative to the docs root).
func inChangePages(findings []lint.Finding, changes *gitdiff.Changes, wholeFiles bool, roots []string) []lint.Finding {
	var kept []lint.Finding
	for _, f := range findings {
		shown := f
		if !f.Outside {
			shown.Pos.File = displayPath(roots, f.Pos.File)
		}
		if in, _ := inChange([]lint.Finding{shown}, changes, wholeFiles); len(in) == 1 {
			kept = append(kept, f)
		}
	}
	return kept
}

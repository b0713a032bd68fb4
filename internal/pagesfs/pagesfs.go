// Package pagesfs reads a docs tree's pages into memory, for the benchmarks that compare parsing and generating
// with a bare goldmark parse of the same pages: both read from memory, so that disk reads count for neither.
package pagesfs

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Load reads every .md page under root into an in-memory file system keyed by slash-separated relative path, and
// returns the pages' contents in walk order too.
func Load(root string) (fstest.MapFS, [][]byte, error) {
	fsys := fstest.MapFS{}
	var pages [][]byte
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		pages = append(pages, data)
		return nil
	})
	return fsys, pages, err
}

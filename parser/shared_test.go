package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared beside the project root, or skips the test with a message when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared is not beside the project (%v): skipping the test that reads the real corpus", err)
	}
	return dir
}

// corpusDirs are the docs roots of the 2021 corpus, both versions.
func corpusDirs(t testing.TB) []string {
	s := sharedDir(t)
	return []string{
		filepath.Join(s, "corpus", "graph-docs-2021", "v1.0"),
		filepath.Join(s, "corpus", "graph-docs-2021", "beta"),
	}
}

package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// The page checks run on every core; what they find must not depend on how many there are or on scheduling.
func TestPageChecksSameOnOneCoreAndMany(t *testing.T) {
	root := filepath.Join(sharedDir(t), "corpus", "graph-docs-2021", "v1.0")
	m, err := parser.ParseDir(root, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(root)
	prev := runtime.GOMAXPROCS(1)
	one := Run(m, Options{FS: fsys})
	runtime.GOMAXPROCS(max(prev, 4))
	many := Run(m, Options{FS: fsys})
	runtime.GOMAXPROCS(prev)
	if len(one) < 1000 {
		t.Fatalf("only %d findings on the v1.0 corpus: the comparison below would prove little", len(one))
	}
	if !reflect.DeepEqual(one, many) {
		t.Errorf("one core: %d findings, several: %d; they differ", len(one), len(many))
	}
}

package parser

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// TestDumpModel writes a fingerprint of everything the parser produces for the corpus — every exported field of
// the model, the fields the JSON export leaves out included — one line per page, type, operation and diagnostic.
// Comparing two dumps shows whether a change to the parser changed its output anywhere. It runs only when
// GRAPHDOCGEN_DUMP names the output file; GRAPHDOCGEN_DUMP_KEY prints the full dump of the item with that key.
func TestDumpModel(t *testing.T) {
	out := os.Getenv("GRAPHDOCGEN_DUMP")
	if out == "" {
		t.Skip("set GRAPHDOCGEN_DUMP=FILE to write a fingerprint of the corpus model")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	s := sharedDir(t)
	roots := []string{"graph-docs-2021/v1.0", "graph-docs-2021/beta", "graph-docs-2026-sample/v1.0", "graph-docs-2026-sample/beta"}
	for _, root := range roots {
		m, err := ParseDir(filepath.Join(s, "corpus", root), Options{})
		if err != nil {
			t.Fatal(err)
		}
		dumpModel(w, root, m)
	}
	for _, dir := range []string{"../docs-input", filepath.Join(s, "seeds")} {
		m, err := ParseDir(dir, Options{Include: []string{"*.md", "*.txt"}})
		if err != nil {
			t.Fatal(err)
		}
		dumpModel(w, filepath.Base(dir), m)
	}
}

func dumpModel(w io.Writer, root string, m *model.Model) {
	key := os.Getenv("GRAPHDOCGEN_DUMP_KEY")
	item := func(kind, name string, v any) {
		h := sha256.New()
		dumpValue(h, reflect.ValueOf(v), 0)
		fmt.Fprintf(w, "%s %s %s %x\n", root, kind, name, h.Sum(nil)[:12])
		if key != "" && key == root+" "+kind+" "+name {
			dumpValue(os.Stdout, reflect.ValueOf(v), 0)
		}
	}
	for _, p := range m.Pages {
		item("page", p.Path, p)
	}
	for _, t := range m.Types {
		item("type", t.FullName(), t)
	}
	for _, o := range m.Operations {
		item("op", o.ID, o)
	}
	for i, d := range m.Diagnostics {
		item("diag", fmt.Sprint(i), d)
	}
}

// dumpValue writes v with every exported field named, following pointers.
func dumpValue(w io.Writer, v reflect.Value, depth int) {
	if depth > 60 {
		fmt.Fprint(w, "…")
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			fmt.Fprint(w, "nil")
			return
		}
		fmt.Fprint(w, "&")
		dumpValue(w, v.Elem(), depth+1)
	case reflect.Struct:
		fmt.Fprintf(w, "%s{", v.Type().Name())
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			fmt.Fprintf(w, "%s:", v.Type().Field(i).Name)
			dumpValue(w, v.Field(i), depth+1)
			fmt.Fprint(w, " ")
		}
		fmt.Fprint(w, "}\n")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			fmt.Fprintf(w, "bytes(%x)", sha256.Sum256(v.Bytes()))
			return
		}
		fmt.Fprintf(w, "[%d:", v.Len())
		for i := 0; i < v.Len(); i++ {
			dumpValue(w, v.Index(i), depth+1)
			fmt.Fprint(w, ",")
		}
		fmt.Fprint(w, "]")
	case reflect.String:
		fmt.Fprintf(w, "%q", v.String())
	default:
		fmt.Fprintf(w, "%v", v.Interface())
	}
}

package cli

import (
	"fmt"
	"go/token"
	"path/filepath"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/generator"
	"github.com/graphdocgen/graphdocgen/parser"
)

func init() {
	register(&command{name: "generate", summary: "generate a Go package from the docs: models, a client and server stubs", run: runGenerate})
}

func runGenerate(e *env, args []string) int {
	fs := newFlags(e, "generate", "generate --docs DIR --out DIR --package NAME")
	docs := fs.String("docs", "", "docs root: a folder of pages (or one page)")
	out := fs.String("out", "", "output directory of the generated package")
	pkg := fs.String("package", "", "Go package name (default: the output directory's name)")
	emit := fs.StringSlice("emit", nil, "parts to generate: models, client, server; repeatable (default all)")
	include := fs.StringSlice("include", nil, "glob of pages to read (default *.md); repeatable")
	exclude := fs.StringSlice("exclude", nil, "glob of pages to skip; repeatable")
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	if *docs == "" {
		return fail(e, "generate", fmt.Errorf("--docs is required"))
	}
	if *out == "" {
		return fail(e, "generate", fmt.Errorf("--out is required"))
	}
	opts := generator.Options{Package: *pkg}
	if opts.Package == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			return fail(e, "generate", err)
		}
		opts.Package = filepath.Base(abs)
		if !token.IsIdentifier(opts.Package) {
			return fail(e, "generate", fmt.Errorf("--package is required: the output directory's name %q is not a Go identifier", opts.Package))
		}
	}
	for _, part := range *emit {
		switch strings.ToLower(strings.TrimSpace(part)) {
		case "models":
			opts.Outputs.Models = true
		case "client":
			opts.Outputs.Client = true
		case "server":
			opts.Outputs.Server = true
		default:
			return fail(e, "generate", fmt.Errorf("--emit takes models, client or server, not %q", part))
		}
	}
	m, err := parser.ParseDir(*docs, parser.Options{Include: *include, Exclude: *exclude})
	if err != nil {
		return fail(e, "generate", err)
	}
	files, err := generator.Generate(m, opts)
	if err != nil {
		return fail(e, "generate", err)
	}
	written, err := writeGenerated(*out, files)
	if err != nil {
		return fail(e, "generate", err)
	}
	fmt.Fprintf(e.stderr, "graphdocgen generate: %s from %s, %s, %s; %d written, %d unchanged in %s\n",
		plural(len(files), "file"), plural(len(m.Pages), "page"), plural(len(m.Types), "type"),
		plural(len(m.Operations), "operation"), len(written), len(files)-len(written), *out)
	return ExitOK
}

// writeGenerated writes the generated files under dir, in a fixed order; a file that already holds its content is
// left alone (mtime included). It returns the files it wrote.
func writeGenerated(dir string, files map[string][]byte) ([]string, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var written []string
	for _, name := range names {
		changed, err := writeFileAtomic(filepath.Join(dir, filepath.FromSlash(name)), files[name])
		if err != nil {
			return written, err
		}
		if changed {
			written = append(written, name)
		}
	}
	return written, nil
}

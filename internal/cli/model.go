package cli

import (
	"fmt"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

func init() {
	register(&command{name: "model", summary: "read the docs into the intermediate model and export it as JSON or CSDL", run: runModel})
}

func runModel(e *env, args []string) int {
	fs := newFlags(e, "model", "model --docs DIR [--format json|csdl] [-o FILE]")
	docs := fs.String("docs", "", "docs root: a folder of pages (or one page)")
	format := fs.String("format", "json", "output format: json (the whole model) or csdl (OData CSDL, EDMX 4.0)")
	out := fs.StringP("output", "o", "", "write to FILE instead of standard output")
	include := fs.StringSlice("include", nil, "glob of pages to read (default *.md); repeatable")
	exclude := fs.StringSlice("exclude", nil, "glob of pages to skip; repeatable")
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	if *docs == "" {
		return fail(e, "model", fmt.Errorf("--docs is required"))
	}
	if *format != "json" && *format != "csdl" {
		return fail(e, "model", fmt.Errorf("--format must be json or csdl, not %q", *format))
	}
	m, err := parser.ParseDir(*docs, parser.Options{Include: *include, Exclude: *exclude})
	if err != nil {
		return fail(e, "model", err)
	}
	var data []byte
	if *format == "csdl" {
		data = export.CSDL(m)
	} else if data, err = export.JSON(m); err != nil {
		return fail(e, "model", err)
	}
	if *out == "" {
		if _, err := e.stdout.Write(data); err != nil {
			return fail(e, "model", err)
		}
	} else if _, err := writeFileAtomic(*out, data); err != nil {
		return fail(e, "model", err)
	}
	fmt.Fprintf(e.stderr, "graphdocgen model: %s, %s, %s, %s\n", plural(len(m.Pages), "page"), plural(len(m.Types), "type"),
		plural(len(m.Operations), "operation"), plural(countErrors(m.Diagnostics), "diagnostic"))
	return ExitOK
}

func countErrors(ds []model.Diagnostic) int { return len(ds) }

package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
)

func init() {
	register(&command{name: "model", summary: "read the docs into the intermediate model and export it as JSON, CSDL or OpenAPI", run: runModel})
}

func runModel(e *env, args []string) int {
	fs := newFlags(e, "model", "model --docs DIR [--format json|csdl|openapi] [-o FILE] [--config FILE]")
	docs := fs.StringArray("docs", nil, "docs root `DIR`: a folder of pages (or one page); repeat to read several folders as one tree (the first that holds a page wins)")
	format := fs.String("format", "json", "output format: json (the whole model), csdl (OData CSDL, EDMX 4.0) or openapi (OpenAPI 3.1: YAML when FILE ends in .yaml or .yml, JSON otherwise)")
	out := fs.StringP("output", "o", "", "write to `FILE` instead of standard output (\"-\" is standard output; a regular file is replaced only when its content changes, a device or pipe is written through)")
	read := addReadFlags(fs)
	addConfigFlag(fs)
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		return fail(e, "model", err)
	}
	if err := docsGiven(fs, *docs); err != nil {
		return fail(e, "model", err)
	}
	if *format != "json" && *format != "csdl" && *format != "openapi" {
		return fail(e, "model", fmt.Errorf("--format must be json, csdl or openapi, not %q", *format))
	}
	opts, err := read.options()
	if err != nil {
		return fail(e, "model", locateConfigValue(fs, cfg, "max-page-bytes", err))
	}
	m, err := readDocs(*docs, opts)
	var rootErr *errDocsRoot
	if errors.As(err, &rootErr) {
		err = locateConfigValue(fs, cfg, "docs", err)
	}
	if err != nil {
		return fail(e, "model", err)
	}
	warnUnreadable(e, "model", *docs, m)
	if *out == "" {
		*out = "-"
	}
	var openapi *export.OpenAPIDocument
	switch *format {
	case "csdl":
		err = writeOutput(*out, e.stdout, export.CSDL(m))
	case "openapi":
		openapi = export.OpenAPI(m)
		var data []byte
		if data, err = openapi.Encode(*out); err == nil {
			err = writeOutput(*out, e.stdout, data)
		}
	default:
		// Streamed: the JSON model is the largest output (110 MB for beta), never held in memory whole.
		err = writeOutputStreamed(*out, e.stdout, func(w io.Writer) error { return export.WriteJSON(w, m) })
	}
	if err != nil {
		return fail(e, "model", err)
	}
	fmt.Fprintf(e.stderr, "graphdocgen model: %s, %s, %s, %s\n", plural(len(m.Pages), "page"), plural(len(m.Types), "type"),
		plural(len(m.Operations), "operation"), plural(countErrors(m.Diagnostics), "diagnostic"))
	if openapi != nil {
		st := openapi.Stats
		fmt.Fprintf(e.stderr, "graphdocgen model: openapi: %s, %s, %s, %s, %s with security scopes\n", plural(st.Paths, "path"),
			plural(st.Operations, "operation"), plural(st.Schemas, "schema"), plural(st.Examples, "example"), plural(st.Secured, "operation"))
	}
	return ExitOK
}

func countErrors(ds []model.Diagnostic) int { return len(ds) }

// Command validate checks OpenAPI documents with two validators from the Go module proxy: kin-openapi's loader
// and validator (OpenAPI 3.1 mode), and pb33f/libopenapi-validator's document validation (the OpenAPI 3.1 JSON
// schema). It prints every error, one per line with the file, and exits 1 if there is any.
//
// It lives in this module, not graphdocgen's, so that graphdocgen's go.mod carries none of their dependencies.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
)

func main() {
	failed := false
	files := os.Args[1:]
	// -kin-only: kin-openapi alone, for the corpora (seconds; libopenapi-validator takes many minutes on beta).
	kinOnly := len(files) > 0 && files[0] == "-kin-only"
	if kinOnly {
		files = files[1:]
	}
	for _, file := range files {
		for _, err := range check(file, kinOnly) {
			failed = true
			fmt.Printf("%s: %s\n", file, err)
		}
	}
	if failed {
		os.Exit(1)
	}
}

// checkExamples counts the examples of request and response bodies, and those whose value the media type's
// schema refuses.
func checkExamples(doc *openapi3.T) (total, mismatched int) {
	visit := func(content openapi3.Content) {
		for _, media := range content {
			for _, ex := range media.Examples {
				if ex == nil || ex.Value == nil {
					continue
				}
				total++
				if media.Schema != nil && media.Schema.Value != nil {
					if err := media.Schema.Value.VisitJSON(ex.Value.Value, openapi3.MultiErrors()); err != nil {
						mismatched++
					}
				}
			}
		}
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				visit(op.RequestBody.Value.Content)
			}
			for _, r := range op.Responses.Map() {
				if r.Value != nil {
					visit(r.Value.Content)
				}
			}
		}
	}
	return total, mismatched
}

func check(file string, kinOnly bool) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return []string{err.Error()}
	}
	var errs []string

	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	switch {
	case err != nil:
		errs = append(errs, "kin-openapi: load: "+err.Error())
	case !doc.IsOpenAPI31OrLater():
		errs = append(errs, "kin-openapi: not read as OpenAPI 3.1: "+doc.OpenAPI)
	default:
		// The document is checked whole, but its examples apart: they are the docs' own, and an example that
		// does not fit its schema is the docs' inconsistency (which graphdocgen lint reports), not the export's.
		if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation()); err != nil {
			errs = append(errs, "kin-openapi: "+err.Error())
		}
		total, mismatched := checkExamples(doc)
		fmt.Printf("%s: note: %d of %d examples do not fit their schema\n", file, mismatched, total)
		// Said at once: libopenapi's pass takes far longer on a large document.
		fmt.Printf("%s: note: kin-openapi: %d errors\n", file, len(errs))
	}

	if kinOnly {
		return errs
	}
	lib, err := libopenapi.NewDocument(data)
	if err != nil {
		return append(errs, "libopenapi: "+err.Error())
	}
	v, verrs := validator.NewValidator(lib)
	for _, e := range verrs {
		errs = append(errs, "libopenapi-validator: "+e.Error())
	}
	if v != nil {
		if ok, vs := v.ValidateDocument(); !ok {
			for _, e := range vs {
				msg := e.Message
				if e.Reason != "" {
					msg += ": " + e.Reason
				}
				for _, se := range e.SchemaValidationErrors {
					msg += fmt.Sprintf("; %s at %s line %d", se.Reason, se.KeywordLocation, se.Line)
				}
				errs = append(errs, "libopenapi-validator: "+msg)
			}
		}
	}
	return errs
}

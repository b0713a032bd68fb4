package export

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// modelSchemaJSON is the JSON schema of the model file, derived from the model's Go types (see schema_test.go).
// ReadJSON checks a file against it before reading it, so that a file no graphdocgen wrote — a null where a type,
// an operation or a property should be, a string where an array should be — is refused with where it is, rather
// than read into a model that takes the program down later.
//
//go:embed model.schema.json
var modelSchemaJSON []byte

const modelSchemaURL = "https://graphdocgen.github.io/schema/model-v1.json"

var modelSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(modelSchemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(modelSchemaURL, doc); err != nil {
		return nil, err
	}
	return c.Compile(modelSchemaURL)
})

// ModelSchema returns the JSON schema of the model file (the format ModelFormat), as JSON.
func ModelSchema() []byte { return bytes.Clone(modelSchemaJSON) }

// validateModelJSON checks data against the model's schema. The error names the first wrong values by their JSON
// pointer: "/types/0: null is not an object".
func validateModelJSON(data []byte) error {
	sch, err := modelSchema()
	if err != nil {
		return fmt.Errorf("the model schema does not compile: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	err = sch.Validate(doc)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	var msgs []string
	collectLeaves(ve, &msgs)
	sort.Strings(msgs)
	msgs = compactStrings(msgs)
	const show = 5
	if len(msgs) > show {
		msgs = append(msgs[:show], fmt.Sprintf("and %d more", len(msgs)-show))
	}
	return errors.New(strings.Join(msgs, "; "))
}

var printer = message.NewPrinter(language.English)

func collectLeaves(e *jsonschema.ValidationError, out *[]string) {
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			collectLeaves(c, out)
		}
		return
	}
	where := "/" + strings.Join(escapePointer(e.InstanceLocation), "/")
	msg := e.ErrorKind.LocalizedString(printer)
	if t, ok := e.ErrorKind.(*kind.Type); ok {
		var want []string
		for _, w := range t.Want {
			if w != "null" {
				want = append(want, article(w))
			}
		}
		msg = article(t.Got) + " is not " + strings.Join(want, " or ")
	}
	*out = append(*out, where+": "+msg)
}

func escapePointer(tokens []string) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
	}
	return out
}

func article(kind string) string {
	switch kind {
	case "null":
		return "null"
	case "object", "array", "integer":
		return "an " + kind
	}
	return "a " + kind
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

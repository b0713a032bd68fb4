package export

import (
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// addExample adds an example object named after the docs' example (its annotation's name, else the page and
// line), its value the example's JSON as the page writes it.
func (b *openAPIBuilder) addExample(examples *obj, op *model.Operation, ex *model.Example) {
	name := ex.Name
	if name == "" {
		name = resourcePage(op.Page) + "-" + strconv.Itoa(ex.Pos.Line)
	}
	name = componentKey(name)
	key := name
	for n := 2; examples.get(key) != nil; n++ {
		key = name + "-" + strconv.Itoa(n)
	}
	e := obj{}
	if ex.Kind == model.ExampleRequest {
		e.set("summary", strings.TrimSpace(ex.Method+" "+ex.URL))
	} else if ex.StatusLine != "" {
		e.set("summary", ex.StatusLine)
	}
	e.set("value", exampleValue(ex.JSON, 0))
	if ex.Truncated || ex.JSON.Elided {
		e.set("x-graphdocgen-truncated", true)
	}
	e.set("x-graphdocgen-source", source(ex.Pos))
	examples.set(key, e)
}

// countExamples counts the example objects of the request bodies and responses of path items.
func countExamples(paths obj) int {
	n := 0
	inContent := func(content any) {
		c, _ := content.(obj)
		for _, media := range c {
			m, _ := media.value.(obj)
			e, _ := m.get("examples").(obj)
			n += len(e)
		}
	}
	for _, item := range paths {
		for _, op := range item.value.(obj) {
			o, _ := op.value.(obj)
			if body, ok := o.get("requestBody").(obj); ok {
				inContent(body.get("content"))
			}
			responses, _ := o.get("responses").(obj)
			for _, r := range responses {
				if ro, ok := r.value.(obj); ok {
					inContent(ro.get("content"))
				}
			}
		}
	}
	return n
}

func resourcePage(page string) string {
	return strings.TrimSuffix(page[strings.LastIndexByte(page, '/')+1:], ".md")
}

// maxExampleDepth bounds the nesting an example value is copied to; the parser's own bound is lower, this one
// only keeps the encoders' recursion finite for any model read from a file.
const maxExampleDepth = 256

// exampleValue is a docs' JSON value as the document's tree: members in the page's order, a repeated key once
// (the first), a number that is no JSON number as a string.
func exampleValue(v *model.Value, depth int) any {
	if v == nil || depth > maxExampleDepth {
		return nil
	}
	switch v.Kind {
	case model.ValueBool:
		return v.Bool
	case model.ValueNumber:
		if n, ok := numberLiteral(v.Str); ok {
			return n
		}
		return v.Str
	case model.ValueString:
		return v.Str
	case model.ValueArray:
		items := make([]any, 0, len(v.Items))
		for _, it := range v.Items {
			items = append(items, exampleValue(it, depth+1))
		}
		return items
	case model.ValueObject:
		o := make(obj, 0, len(v.Members))
		for _, m := range v.Members {
			o.add(m.Key, exampleValue(m.Value, depth+1))
		}
		return o
	}
	return nil
}

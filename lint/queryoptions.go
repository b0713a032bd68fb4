package lint

import (
	"net/url"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkQueryOptions reports an example request that uses an OData query option the page says the method does not
// support: one the Optional query parameters section refuses by name ("`$select` is not supported in this case"),
// or any, where the section says the method supports none ("This method does not support OData query
// parameters"). Either the example or the section is wrong, and the generated client follows the section.
func (c *checker) checkQueryOptions(pt *pageText, op *model.Operation) {
	q := op.Query
	if q == nil {
		return
	}
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleRequest || ex.FirstLine.Line == 0 {
			continue
		}
		_, query, ok := strings.Cut(ex.URL, "?")
		if !ok {
			continue
		}
		seen := map[string]bool{}
		for _, pair := range strings.Split(query, "&") {
			key, _, _ := strings.Cut(pair, "=")
			if k, err := url.QueryUnescape(key); err == nil {
				key = k
			}
			name := model.NormalizeQueryOption(key)
			if name == "" || !strings.HasPrefix(strings.TrimSpace(key), "$") || seen[name] {
				continue
			}
			seen[name] = true
			said, refused := q.Refuses(name)
			if !refused {
				continue
			}
			at := pt.find(ex.FirstLine.Line, key+"=", 1)
			if q.Scope == model.QueryNone {
				c.report(at, "query-option", "", "the example request uses %s, but the page says the method supports no OData query parameters (line %d); drop it from the example or say which options the method supports",
					key, said.Line)
				continue
			}
			c.report(at, "query-option", "", "the example request uses %s, which the page says the method does not support (line %d); drop it from the example or correct the Optional query parameters section",
				key, said.Line)
		}
	}
}

package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// planQueryOptions gives an operation the typed query options its page documents (model.QueryOptions.Supported:
// named in its prose or tables, or used by its request examples) — those that have a typed field, and not one its
// path already sends ($filter=id eq '{id}') —, and ConsistencyLevel: eventual where the page says some queries need
// it, sent whenever $search or $count is (the service refuses them on directory objects without it). An operation
// whose page names none gets no struct: WithQueryParam remains. A page that says the header is required (not only
// for some queries) has its client method send it on every call.
func (p *plan) planQueryOptions(spec *templates.Operation, op *model.Operation, canonical *model.Path) {
	q := op.Query
	if q == nil {
		return
	}
	inPath := map[string]bool{}
	for _, pair := range strings.Split(canonical.Query, "&") {
		key, _, _ := strings.Cut(pair, "=")
		if name := model.NormalizeQueryOption(unescapeQuery(key)); name != "" {
			inPath[name] = true
		}
	}
	documented := map[string]bool{}
	for _, o := range q.Supported {
		documented[o.Name] = true
	}
	eventual := false
	for _, h := range q.Headers {
		if strings.EqualFold(h.Name, "ConsistencyLevel") && strings.EqualFold(h.Value, "eventual") {
			eventual = true
			// "ConsistencyLevel | eventual. Required.": every call sends it.
			spec.Eventual = spec.Eventual || h.Required
		}
	}
	if spec.Eventual {
		spec.Doc += "\n\nEvery call sends ConsistencyLevel: eventual, which the page says is required."
	}
	if strings.HasSuffix(strings.TrimRight(canonical.Template, "/"), "/$count") {
		documented["$count"] = false // the path is the count
	} else if eventual {
		// "This header and `$count` are required when using `$search`": $count goes with the header.
		documented["$count"] = true
	}
	opts := &templates.QueryOptions{Eventual: eventual}
	for _, name := range model.ODataOptions {
		if documented[name] && !inPath[name] && templates.TypedQueryOption(name) {
			opts.Options = append(opts.Options, name)
			if eventual && (name == "$search" || name == "$count") {
				opts.EventualFor = append(opts.EventualFor, name)
			}
		}
	}
	if len(opts.Options) == 0 {
		return
	}
	opts.Type = p.global.claim(spec.Name + "Query")
	opts.From = p.global.claim(spec.Name + "QueryFromContext")
	opts.Doc = opts.Type + " are the OData query options " + op.Page + " documents for " + spec.Name + ": " +
		strings.Join(opts.Options, ", ") + "."
	if eventual {
		opts.Doc += " The page says some queries need ConsistencyLevel: eventual."
	}
	spec.Options = opts
	spec.Doc += "\n\nQuery options: " + opts.Type + "{…}.Option()."
}

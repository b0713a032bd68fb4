package support

import (
	"context"
	"net/http"
	"strconv"
	"strings"
)

// Route is what a Server method is called on: the documented path the request matched, its path parameters by
// name and the request's OData query options. Each documented route is served by one method (that of the page
// that speaks for the route), and one method may serve several of an operation's paths — /me/events beside
// /users/{id}/events —: Pattern tells them apart, and Params holds the parameters of the path that matched, also
// those the method's arguments (the parameters of the operation's first path) do not name.
type Route struct {
	// Method and Pattern are the route as documented: "GET", "/users/{id}/calendar/events". A parameter is
	// written {name}, and {name...} when it is a path of its own (a drive item path).
	Method, Pattern string
	// Params are the path parameters by the names Pattern gives them, decoded.
	Params map[string]string
	Query  QueryOptions
}

// QueryOptions are the OData system query options of a request ($select=id,displayName&$top=5). The names are read
// with or without their $ and in any case, as the service does. A value that does not parse ($top=ten) leaves its
// option unset; the request itself (RequestFromContext) still has it.
type QueryOptions struct {
	Select, Expand, OrderBy []string // split at the commas outside parentheses and quotes
	Filter, Search          string
	Top, Skip               *int
	Count                   bool
}

// RouteFromContext returns the route a Server method was called on; the zero Route outside a call of NewHandler's.
func RouteFromContext(ctx context.Context) Route {
	m, _ := ctx.Value(routeKey{}).(*matched)
	r := RequestFromContext(ctx)
	if m == nil || r == nil {
		return Route{}
	}
	out := Route{Method: m.method, Pattern: m.pattern, Params: map[string]string{}, Query: ParseQueryOptions(r)}
	for _, name := range m.names {
		out.Params[name] = r.PathValue(name)
	}
	return out
}

type routeKey struct{}

// matched is the route a request was routed to, kept in its context.
type matched struct {
	method, pattern string
	names           []string
}

// ParseQueryOptions reads the OData system query options of a request.
func ParseQueryOptions(r *http.Request) QueryOptions {
	var q QueryOptions
	for key, values := range r.URL.Query() {
		if len(values) == 0 {
			continue
		}
		v := values[0]
		switch strings.ToLower(strings.TrimPrefix(key, "$")) {
		case "select":
			q.Select = splitOption(v)
		case "expand":
			q.Expand = splitOption(v)
		case "orderby":
			q.OrderBy = splitOption(v)
		case "filter":
			q.Filter = v
		case "search":
			q.Search = v
		case "top":
			q.Top = optionInt(v)
		case "skip":
			q.Skip = optionInt(v)
		case "count":
			q.Count = strings.EqualFold(strings.TrimSpace(v), "true")
		}
	}
	return q
}

func optionInt(v string) *int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return nil
	}
	return &n
}

// splitOption splits a comma-separated option at the commas outside parentheses and quotes, so that
// "members($select=id,displayName),manager" is two items.
func splitOption(v string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ',' && depth == 0:
			if item := strings.TrimSpace(v[start:i]); item != "" {
				out = append(out, item)
			}
			start = i + 1
		}
	}
	if item := strings.TrimSpace(v[start:]); item != "" {
		out = append(out, item)
	}
	return out
}

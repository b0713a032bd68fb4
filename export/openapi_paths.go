package export

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// paths returns the path items: one per route shape (the routes of one path, whatever each page names its
// parameters), with an operation per method. The path is the one the GET's canonical page writes (the first
// route's otherwise), its parameters named as that page names them; every other route of the shape reads its
// parameters by position into those names.
func (b *openAPIBuilder) paths() obj {
	var out obj
	routes := b.m.Routes()
	index := map[string]int{} // OpenAPI path → its member in out
	for i := 0; i < len(routes); {
		j := i
		for j < len(routes) && routes[j].Shape == routes[i].Shape {
			j++
		}
		group := routes[i:j]
		i = j
		lead := group[0]
		for _, r := range group {
			if r.Method == "GET" {
				lead = r
				break
			}
		}
		oaPath, names := openAPIPath(lead.Template)
		item := obj{}
		if k, ok := index[oaPath]; ok { // two shapes one path (a literal brace in a template): one item
			item = out[k].value.(obj)
		}
		for _, r := range group {
			method := strings.ToLower(r.Method)
			if !httpMethods[method] || item.get(method) != nil {
				continue
			}
			item.set(method, b.operation(r, names))
			b.stats.Operations++
		}
		if len(item) == 0 {
			continue
		}
		if k, ok := index[oaPath]; ok {
			out[k].value = item
		} else {
			index[oaPath] = len(out)
			out.set(oaPath, item)
		}
	}
	return out
}

// httpMethods are the methods a path item holds.
var httpMethods = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "options": true, "head": true,
	"patch": true, "trace": true}

// openAPIPath writes a template as an OpenAPI path: parameters ({name}, or <name> as the workbook pages write
// them) as {name} with a name OpenAPI tools accept, each name once; the names in order. It reads the template the
// way model.RouteShape does, so that the path has the route's shape.
func openAPIPath(template string) (string, []string) {
	raw := templateParams(template)
	names := make([]string, len(raw.names))
	used := map[string]bool{}
	for i, n := range raw.names {
		name := paramName(n)
		base := name
		for k := 2; used[name]; k++ {
			name = base + strconv.Itoa(k)
		}
		used[name] = true
		names[i] = name
	}
	var sb strings.Builder
	for i, lit := range raw.literals {
		sb.WriteString(lit)
		if i < len(names) {
			sb.WriteString("{" + names[i] + "}")
		}
	}
	p := sb.String()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	for len(p) > 1 && strings.HasSuffix(p, "/") {
		p = strings.TrimSuffix(p, "/")
	}
	return p, names
}

type splitTemplate struct {
	literals []string // len(names)+1 pieces of text around the parameters
	names    []string // the parameters as written
}

// templateParams splits a template as model.SplitTemplate reads it; a stray closing brace in the text is escaped,
// so that it does not read as the end of a parameter.
func templateParams(template string) splitTemplate {
	literals, names := model.SplitTemplate(template)
	for i, l := range literals {
		literals[i] = strings.ReplaceAll(l, "}", "%7D")
	}
	return splitTemplate{literals: literals, names: names}
}

// paramName keeps the letters, digits, '-', '_' and '.' of a parameter as written; "param" if none.
func paramName(written string) string {
	var sb strings.Builder
	for _, c := range written {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			sb.WriteRune(c)
		}
	}
	if sb.Len() == 0 {
		return "param"
	}
	return sb.String()
}

// operation is a route's operation object. The canonical page speaks for the route (summary, parameters' types,
// body, response, permissions); the examples are those of every page on the route.
func (b *openAPIBuilder) operation(r *model.Route, names []string) obj {
	op := r.Canonical
	var o obj
	tag := resourceTag(op.Page)
	b.tags[tag] = true
	o.set("tags", []any{tag})
	if op.Title != "" {
		o.set("summary", op.Title)
	}
	if d := strings.TrimSpace(op.Description); d != "" {
		o.set("description", d)
	}
	o.set("operationId", b.operationID(op))
	exchanges := r.Examples()
	if params := b.parameters(r, names); len(params) > 0 {
		o.set("parameters", params)
	}
	if body := b.requestBody(r, exchanges); body != nil {
		o.set("requestBody", body)
	}
	o.set("responses", b.responses(r, exchanges))
	if sec := b.security(op); sec != nil {
		o.set("security", sec)
	}
	o.set("x-graphdocgen-source", source(pathPos(r)))
	if others := r.Operations()[1:]; len(others) > 0 {
		pages := make([]any, len(others))
		for i, x := range others {
			pages[i] = x.Page
		}
		o.set("x-graphdocgen-also-documented-by", pages)
	}
	return o
}

// pathPos is where the canonical page writes the route's path.
func pathPos(r *model.Route) model.Pos {
	for _, d := range r.Docs {
		if d.Op == r.Canonical {
			return d.Path.Pos
		}
	}
	return r.Canonical.Pos
}

// resourceTag is the resource a method page documents, as its name begins: api/user-list-events.md is user's.
func resourceTag(page string) string {
	base := page[strings.LastIndexByte(page, '/')+1:]
	base = strings.TrimSuffix(base, ".md")
	if i := strings.IndexByte(base, '-'); i > 0 {
		base = base[:i]
	}
	if base == "" {
		return "other"
	}
	return base
}

// operationID is the canonical page's operation ID without its folder ("user-list-events"; "driveitem-put-content-put"
// for a page of several verbs), with a number after it when the page speaks for several routes (in route order):
// unique, and stable while the pages are.
func (b *openAPIBuilder) operationID(op *model.Operation) string {
	id := op.ID[strings.LastIndexByte(op.ID, '/')+1:]
	id = strings.ReplaceAll(id, "#", "-")
	id = componentKey(id)
	candidate := id
	for n := 2; b.opIDs[candidate]; n++ {
		candidate = id + "-" + strconv.Itoa(n)
	}
	b.opIDs[candidate] = true
	return candidate
}

// parameters are the path parameters (typed by the canonical page's parameters table, strings otherwise), the
// query options the pages document, and the request headers they document.
func (b *openAPIBuilder) parameters(r *model.Route, names []string) []any {
	var out []any
	var canonical *model.Path
	for _, d := range r.Docs {
		if d.Op == r.Canonical {
			canonical = d.Path
			break
		}
	}
	written := templateParams(canonical.Template).names
	for i, name := range names {
		p := obj{{"name", name}, {"in", "path"}, {"required", true}}
		schema := obj{{"type", "string"}}
		if i < len(written) {
			for _, pp := range canonical.Params {
				if pp.Kind != model.ParamQuery && pp.Name == written[i] {
					if pp.Type.IsPrimitive() && !pp.Type.Collection {
						schema = edmSchema(pp.Type.Name)
					}
					if pp.Kind == model.ParamDrivePath {
						p.set("x-graphdocgen-drive-path", true)
					}
					break
				}
			}
		}
		p.set("schema", schema)
		out = append(out, p)
	}
	for _, q := range documentedQueryOptions(r) {
		p := obj{{"name", q.Name}, {"in", "query"}}
		schema := obj{{"type", "string"}}
		if q.Type != nil && q.Type.IsPrimitive() && !q.Type.Collection {
			schema = edmSchema(q.Type.Name)
		}
		p.set("schema", schema)
		if q.Example != "" {
			p.set("example", q.Example)
		}
		if q.Description != "" {
			p.set("description", q.Description)
		}
		p.set("x-graphdocgen-source", source(q.Pos))
		out = append(out, p)
	}
	seen := map[string]bool{}
	for _, h := range r.Headers() {
		// A row may write the header with its value ("Prefer: outlook.timezone"); the name is before the colon.
		name, value, _ := strings.Cut(h.Name, ":")
		name = strings.TrimSpace(name)
		switch k := strings.ToLower(name); {
		case k == "authorization", k == "content-type", k == "accept":
			continue // OpenAPI describes these by security and media types
		case !headerToken(name), seen[k]:
			continue // not a header name (RFC 9110 token), or the same header twice
		}
		seen[strings.ToLower(name)] = true
		p := obj{{"name", name}, {"in", "header"}}
		if h.Required {
			p.set("required", true)
		}
		if v := strings.TrimSpace(strings.TrimSpace(value) + " " + strings.TrimSpace(h.Value)); v != "" {
			p.set("description", v)
		}
		p.set("schema", obj{{"type", "string"}})
		out = append(out, p)
	}
	return out
}

// headerToken reports whether s is a header name: an RFC 9110 token.
func headerToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return true
}

// queryOption is a query option an operation documents.
type queryOption struct {
	Name        string
	Type        *model.TypeRef // from a {placeholder} the parameters table types; nil for a string
	Example     string         // the value the page writes, unless a placeholder
	Description string
	Pos         model.Pos
}

// documentedQueryOptions are the query options the pages on a route document. Today that is what their request
// paths write after '?' (GET /me?$expand=manager, /reports/x?$format={format}); the options each page's prose
// lists will join here, the one place the export reads query options from. Nothing is assumed: a route no page
// gives a query string has no query parameters, not the OData system options by default.
func documentedQueryOptions(r *model.Route) []queryOption {
	var out []queryOption
	seen := map[string]bool{}
	for _, d := range r.Docs {
		if d.Path.Query == "" {
			continue
		}
		types := map[string]*model.TypeRef{}
		for i, pp := range d.Path.Params {
			if pp.Kind == model.ParamQuery {
				types[pp.Written] = &d.Path.Params[i].Type
				types["{"+pp.Name+"}"] = &d.Path.Params[i].Type
			}
		}
		for _, pair := range strings.FieldsFunc(strings.TrimPrefix(d.Path.Query, "?"), func(c rune) bool { return c == '&' }) {
			name, value, _ := strings.Cut(pair, "=")
			name, value = strings.TrimSpace(name), strings.TrimSpace(value)
			if name == "" || seen[strings.ToLower(name)] {
				continue
			}
			seen[strings.ToLower(name)] = true
			q := queryOption{Name: name, Pos: d.Path.Pos}
			if t, ok := types[value]; ok {
				q.Type = t
			} else if strings.ContainsAny(value, "{<") {
				// a placeholder no table types: a string
			} else {
				q.Example = value
			}
			out = append(out, q)
		}
	}
	// The options each page's Optional query parameters section names (model.Operation.Query), and the query
	// parameters of its own that its tables list (startDateTime).
	for _, d := range r.Docs {
		q := d.Op.Query
		if q == nil {
			continue
		}
		for _, o := range q.Supported {
			if seen[strings.ToLower(o.Name)] {
				continue
			}
			seen[strings.ToLower(o.Name)] = true
			out = append(out, queryOption{Name: o.Name, Type: odataOptionType(o.Name), Pos: o.Pos, Description: "OData system query option, as the page documents it (" + o.From + ")"})
		}
		for _, p := range q.Params {
			if p.Name == "" || seen[strings.ToLower(p.Name)] {
				continue
			}
			seen[strings.ToLower(p.Name)] = true
			opt := queryOption{Name: p.Name, Pos: p.Pos, Description: p.Description}
			if edm := primitiveEdm(p.Type); edm != "" {
				opt.Type = &model.TypeRef{Name: edm, Kind: model.KindPrimitive}
			}
			out = append(out, opt)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// odataOptionType is the type of an OData system query option's value: $top and $skip are integers, $count a
// Boolean, the others (comma-separated lists, expressions) strings.
func odataOptionType(name string) *model.TypeRef {
	switch strings.ToLower(name) {
	case "$top", "$skip":
		return &model.TypeRef{Name: "Edm.Int32", Kind: model.KindPrimitive}
	case "$count":
		return &model.TypeRef{Name: "Edm.Boolean", Kind: model.KindPrimitive}
	}
	return nil
}

// primitiveEdm maps a parameters table's type cell ("DateTimeOffset", "Int32", "boolean") to its Edm name, or "".
func primitiveEdm(cell string) string {
	switch strings.ToLower(strings.TrimPrefix(strings.TrimSpace(cell), "Edm.")) {
	case "string":
		return "Edm.String"
	case "boolean", "bool":
		return "Edm.Boolean"
	case "int32", "int", "integer":
		return "Edm.Int32"
	case "int64":
		return "Edm.Int64"
	case "datetimeoffset", "datetime":
		return "Edm.DateTimeOffset"
	case "date":
		return "Edm.Date"
	case "guid":
		return "Edm.Guid"
	case "double":
		return "Edm.Double"
	}
	return ""
}

// requestBody is the canonical page's documented body: a JSON representation of a type, an action's parameters
// as an object, or a stream; with the JSON bodies of the route's request examples.
func (b *openAPIBuilder) requestBody(r *model.Route, exchanges []model.ExchangeExample) obj {
	if r.Method == "GET" || r.Method == "HEAD" {
		return nil
	}
	rb := r.Canonical.RequestBody
	var schema obj
	media := "application/json"
	if rb != nil {
		switch rb.Kind {
		case model.BodyType:
			if rb.Type != nil {
				schema = b.refSchema(*rb.Type)
			}
		case model.BodyParameters:
			props := obj{}
			var required []any
			for _, p := range rb.Params {
				if props.get(p.Name) != nil {
					continue
				}
				props.set(p.Name, b.propertySchema(p, false))
				if p.Required {
					required = append(required, p.Name)
				}
			}
			schema = obj{{"type", "object"}, {"properties", props}}
			if len(required) > 0 {
				schema.set("required", required)
			}
		case model.BodyStream:
			media = "application/octet-stream"
			schema = obj{{"type", "string"}, {"format", "binary"}}
		}
	}
	examples := obj{}
	if media == "application/json" {
		for _, x := range exchanges {
			if x.Request.JSON != nil {
				b.addExample(&examples, x.Op, x.Request)
			}
		}
	}
	if schema == nil && len(examples) == 0 {
		return nil
	}
	content := obj{}
	if schema != nil {
		content.set("schema", schema)
	}
	if len(examples) > 0 {
		content.set("examples", examples)
	}
	body := obj{}
	if rb != nil {
		body.set("x-graphdocgen-source", source(rb.Pos))
	}
	body.set("content", obj{{media, content}})
	return body
}

// responses are the documented success response (its status, its type's schema) with the examples that answer
// with that status; a response per other status the examples show; and the OData error as the default.
func (b *openAPIBuilder) responses(r *model.Route, exchanges []model.ExchangeExample) obj {
	resp := r.Canonical.Response
	status := ""
	if resp.Status >= 100 && resp.Status <= 599 {
		status = strconv.Itoa(resp.Status)
	}
	byStatus := map[string]obj{}
	var order []string
	for _, x := range exchanges {
		ex := x.Response
		if ex == nil || ex.JSON == nil {
			continue
		}
		s := status
		if ex.Status >= 100 && ex.Status <= 599 {
			s = strconv.Itoa(ex.Status)
		}
		if s == "" {
			s = "2XX"
		}
		if _, ok := byStatus[s]; !ok {
			byStatus[s] = obj{}
			order = append(order, s)
		}
		examples := byStatus[s]
		b.addExample(&examples, x.Op, ex)
		byStatus[s] = examples
	}
	if status == "" {
		// The page states no status: the success examples' status, or any success.
		status = "2XX"
		for _, s := range order {
			if s[0] == '2' {
				status = s
				break
			}
		}
	}
	var out obj
	success := obj{{"description", describeStatus(status, resp.Reason)}}
	if content := b.responseContent(resp.Type, byStatus[status]); content != nil {
		success.set("content", content)
	}
	if !resp.Pos.IsZero() {
		success.set("x-graphdocgen-source", source(resp.Pos))
	}
	out.set(status, success)
	sort.Strings(order)
	for _, s := range order {
		if s == status {
			continue
		}
		content := obj{}
		if s[0] == '4' || s[0] == '5' {
			content.set("schema", obj{{"$ref", schemaRef(odataErrorSchema)}})
		}
		content.set("examples", byStatus[s])
		out.set(s, obj{{"description", describeStatus(s, "")}, {"content", obj{{"application/json", content}}}})
	}
	out.set("default", obj{{"$ref", "#/components/responses/" + errorResponseName}})
	return out
}

func describeStatus(status, reason string) string {
	if reason = strings.TrimSpace(reason); reason != "" {
		return reason
	}
	if n, err := strconv.Atoi(status); err == nil && http.StatusText(n) != "" {
		return http.StatusText(n)
	}
	return "Success"
}

// responseContent is the success body: a type's schema ({"value": [...]} for a collection, {"value": x} for a
// primitive, as OData answers), a stream, or only the examples when the page names no type.
func (b *openAPIBuilder) responseContent(t *model.TypeRef, examples obj) obj {
	if t != nil && t.IsPrimitive() && t.Name == "Edm.Stream" && !t.Collection {
		return obj{{"application/octet-stream", obj{{"schema", edmSchema(t.Name)}}}}
	}
	media := obj{}
	if t != nil {
		if t.Collection || t.IsPrimitive() {
			media.set("schema", obj{{"type", "object"}, {"properties", obj{{"value", b.refSchema(*t)}}}})
		} else {
			media.set("schema", b.refSchema(*t))
		}
	}
	if len(examples) > 0 {
		media.set("examples", examples)
	}
	if len(media) == 0 {
		return nil
	}
	return obj{{"application/json", media}}
}

const errorResponseName = "error"

func errorResponse() obj {
	return obj{
		{"description", "An OData error"},
		{"content", obj{{"application/json", obj{{"schema", obj{{"$ref", schemaRef(odataErrorSchema)}}}}}}},
	}
}

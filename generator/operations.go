package generator

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// planOperations decides, for every documented operation, its method name, file, arguments, routes, body, answer and
// status.
func (p *plan) planOperations() error {
	gets := map[string]*model.Operation{}
	for _, op := range p.m.Operations {
		if strings.EqualFold(op.Method, "GET") {
			for _, path := range op.Paths {
				if key := shapeOf(path.Template); gets[key] == nil {
					gets[key] = op
				}
			}
		}
	}
	var planned []plannedOp
	p.specOf, p.clientOf = map[*model.Operation]*templates.Operation{}, map[*model.Path]string{}
	var callable []*model.Operation
	for _, op := range p.m.Operations {
		if len(op.Paths) > 0 && httpMethod(op.Method) {
			callable = append(callable, op) // the others have nothing to call
		}
	}
	names := p.nameOperations(callable)
	for _, op := range callable {
		canonical := canonicalPath(op)
		spec := &templates.Operation{Method: strings.ToUpper(op.Method)}
		spec.Name = p.methods.claim(names[op].name)
		group := p.opGroup(op)
		if err := p.planPaths(spec, op, canonical); err != nil {
			return err
		}
		p.planBody(spec, op, canonical, gets, group)
		p.planResult(spec, op, canonical, group)
		spec.Status = documentedStatus(op)
		if spec.Status == 204 {
			spec.Result = templates.Result{Kind: templates.ResultNone}
		}
		spec.Doc = opDoc(spec, op)
		p.planQueryOptions(spec, op, canonical)
		f := p.fileFor(group)
		f.Operations = append(f.Operations, spec)
		planned = append(planned, plannedOp{op, spec, f})
		p.specOf[op] = spec
		if f.Group == nil {
			g := exportedName(strings.TrimSuffix(strings.TrimSuffix(f.Name, ".go"), "_api"))
			f.Group = &templates.Group{
				Interface: p.global.claim(g + "Server"),
				Register:  p.global.claim("register" + g + "Routes"),
			}
			f.Group.Doc = f.Group.Interface + " has the operations of the " + strings.TrimSuffix(f.Name, ".go") + " group."
		}
	}
	// Variant names are claimed once every operation has its name, so that a variant never takes the name of an
	// operation planned after it.
	for _, po := range planned {
		if err := p.planVariants(po.spec, po.op, canonicalPath(po.op)); err != nil {
			return err
		}
	}
	p.planPaging(planned)
	p.planRoutes(planned)
	return nil
}

type plannedOp struct {
	op   *model.Operation
	spec *templates.Operation
	file *templates.File
}

// planRoutes gives every route of the model to the server method of its canonical operation, at the path that
// operation writes it with: one handler per route, so that no page's route is shadowed by another's. An operation
// canonical for no route has no server method (its client method calls a route another operation serves), and a
// file whose operations serve none has no Server interface.
func (p *plan) planRoutes(planned []plannedOp) {
	served := map[*templates.File]bool{}
	for _, po := range planned {
		seen := map[string]bool{}
		for _, path := range po.op.Paths {
			r := p.m.RouteOf(po.op, path)
			if r == nil || r.Canonical != po.op || r.Docs[0].Path != path {
				continue
			}
			if route := routeTemplate(path, canonicalPath(po.op)); !seen[route] {
				seen[route] = true
				po.spec.Routes = append(po.spec.Routes, route)
			}
		}
		if len(po.spec.Routes) > 0 {
			served[po.file] = true
		}
	}
	for _, po := range planned {
		if !served[po.file] {
			po.file.Group = nil
		}
	}
}

// httpMethod reports whether a method from the docs can be sent: an HTTP token (RFC 9110) of letters, so that it is
// a method net/http sends and ServeMux routes. Anything else names no operation a client could call.
func httpMethod(m string) bool {
	if m == "" || len(m) > 32 {
		return false
	}
	for _, r := range m {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// shapeOf is a template with its parameter names dropped, for finding operations on the same path.
func shapeOf(template string) string {
	return strings.ToLower(paramPattern.ReplaceAllString(strings.TrimRight(template, "/"), "{}"))
}

var paramPattern = regexp.MustCompile(`\{([^{}/]*)\}`)

// canonicalPath is the path a Client method calls: the first that does not start at /me (those need a signed-in
// user; /users/{id} serves both), else the first.
func canonicalPath(op *model.Operation) *model.Path {
	for _, p := range op.Paths {
		t := p.Template
		if t != "/me" && !strings.HasPrefix(t, "/me/") && !strings.HasPrefix(t, "/me(") {
			return p
		}
	}
	return op.Paths[0]
}

func pageBase(page string) string {
	base := path.Base(page)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// wordyPage reports whether a page name reads as words ("user-get"), not as a scrape's identifier
// ("000_26214b3fa4b7bdd1").
func wordyPage(base string) bool {
	if base == "" || !unicode.IsLetter(rune(base[0])) {
		return false
	}
	for _, r := range base {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' {
			return false
		}
	}
	return true
}

// pageName names an operation after its page ("user-post-users" → UserPostUsers), spelled as the docs spell the
// words; a page with no usable name gives its title ("Create authentication" → CreateAuthentication). It names the
// operations the convention of nameOperations cannot tell apart.
func (p *plan) pageName(op *model.Operation) string {
	var b strings.Builder
	base := pageBase(op.Page)
	if wordyPage(base) {
		for _, part := range strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' }) {
			b.WriteString(exportedName(p.vocab.spell(part)))
		}
	} else {
		b.WriteString(exportedName(op.Title))
	}
	if _, verb, ok := strings.Cut(op.ID, "#"); ok {
		b.WriteString(exportedName(verb))
	}
	if b.Len() == 0 {
		return "Operation"
	}
	return b.String()
}

// opGroup is the file an operation goes to: the group of the first part of its page name that names a type
// ("authenticationmethod-get" → authentication), else of the first part itself; for an unnamed page, the group of
// the type it sends or answers with.
func (p *plan) opGroup(op *model.Operation) string {
	base := pageBase(op.Page)
	if wordyPage(base) {
		parts := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' })
		for _, part := range parts {
			for _, t := range p.m.TypesNamed(part) {
				if info := p.types[t]; info != nil && t.Namespace == p.defaultNS {
					return p.typeGroup(info)
				}
			}
		}
		return groupOf(p.vocab.spell(parts[0]))
	}
	for _, ref := range []*model.TypeRef{bodyTypeRef(op), op.Response.Type} {
		if ref == nil || ref.Name == "" {
			continue
		}
		if info := p.lookup(ref.Name); info != nil {
			return p.typeGroup(info)
		}
		return groupOf(ref.Name[strings.LastIndexByte(ref.Name, '.')+1:])
	}
	return "operations"
}

func groupOf(name string) string {
	words := splitWords(exportedName(name))
	if len(words) == 0 {
		return "operations"
	}
	return strings.ToLower(words[0])
}

func bodyTypeRef(op *model.Operation) *model.TypeRef {
	if op.RequestBody == nil {
		return nil
	}
	return op.RequestBody.Type
}

// argScope starts the names of an operation's arguments: the method's own locals, the packages generated methods
// use and the support code's identifiers must stay visible.
func (p *plan) argScope() *scope {
	if p.argNames == nil {
		// The names every method's arguments avoid, gathered once: each method's scope is a child of it.
		p.argNames = newScope(nil, "ctx", "opts", "body", "out", "ok", "err", "c", "s", "rt", "w", "r", "res",
			"context", "url", "io", "json", "http", "time", "strings", "fmt", "errors", "reflect", "strconv")
		for name := range p.reserved.Package {
			p.argNames.reserve(name)
		}
	}
	return newScope(p.argNames)
}

// planPaths turns a path (the canonical one, or a variant's) into the client's path expression and arguments.
func (p *plan) planPaths(spec *templates.Operation, op *model.Operation, canonical *model.Path) error {
	args := p.argScope()
	params := map[string]model.PathParam{}
	for _, pp := range canonical.Params {
		params[pp.Name] = pp
	}
	wild := wildcards(canonical)
	template := normalizeTemplate(canonical.Template)
	last := 0
	for _, m := range paramPattern.FindAllStringSubmatchIndex(template, -1) {
		lit := template[last:m[0]]
		if lit != "" {
			spec.Path = append(spec.Path, templates.PathPart{Literal: lit})
		}
		name := template[m[2]:m[3]]
		param := &templates.Param{Name: args.claim(unexportedName(argName(template[:m[0]], name))), Route: wild[name]}
		escape := "pathSegment"
		switch {
		case params[name].Kind == model.ParamDrivePath:
			escape = "pathItems"
		case strings.HasSuffix(lit, "'"):
			escape = "pathString"
		}
		spec.Params = append(spec.Params, param)
		spec.Path = append(spec.Path, templates.PathPart{Param: param, Escape: escape})
		last = m[1]
	}
	if rest := template[last:]; rest != "" {
		spec.Path = append(spec.Path, templates.PathPart{Literal: rest})
	}
	p.planQuery(spec, canonical, args)
	return nil
}

// planQuery turns the query string of the canonical path into query parameters: each key=value pair is sent as
// documented, with the arguments its value holds.
func (p *plan) planQuery(spec *templates.Operation, canonical *model.Path, args *scope) {
	if canonical.Query == "" {
		return
	}
	byWritten := map[string]model.PathParam{}
	for _, pp := range canonical.Params {
		if pp.Kind == model.ParamQuery {
			byWritten[pp.Written] = pp
		}
	}
	claimed := map[string]*templates.Param{}
	for _, pair := range strings.Split(canonical.Query, "&") {
		key, value, _ := strings.Cut(pair, "=")
		key = unescapeQuery(key)
		if key == "" {
			continue
		}
		part := templates.QueryPart{Key: key}
		serverValue := ""
		last := 0
		for _, m := range paramPattern.FindAllStringSubmatchIndex(value, -1) {
			lit := unescapeQuery(value[last:m[0]])
			if lit != "" {
				part.Value = append(part.Value, templates.PathPart{Literal: lit})
			}
			written := value[m[2]:m[3]]
			name := written
			if pp, ok := byWritten[written]; ok {
				name = pp.Name
			}
			w := routeName(name)
			param := claimed[w]
			if param == nil {
				param = &templates.Param{
					Name:          args.claim(unexportedName(name)),
					QueryKey:      key,
					QueryWildcard: w,
				}
				claimed[w] = param
				spec.Params = append(spec.Params, param)
			}
			escape := ""
			if strings.HasSuffix(lit, "'") {
				escape = "quoted"
			}
			part.Value = append(part.Value, templates.PathPart{Param: param, Escape: escape})
			serverValue += lit + "{" + w + "}"
			last = m[1]
		}
		rest := unescapeQuery(value[last:])
		if rest != "" {
			part.Value = append(part.Value, templates.PathPart{Literal: rest})
		}
		serverValue += rest
		for _, v := range part.Value {
			if v.Param != nil && v.Param.QueryKey == key && v.Param.QueryValue == "" {
				v.Param.QueryValue = serverValue
			}
		}
		spec.Query = append(spec.Query, part)
	}
}

func unescapeQuery(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// argName names an argument: a generic {id} after "users/" is userID; other names stay.
func argName(before, name string) string {
	if !genericID.MatchString(name) {
		return name
	}
	before = strings.TrimRight(before, "/")
	seg := before[strings.LastIndexByte(before, '/')+1:]
	if seg == "" || !isWordy(seg) {
		return name
	}
	return model.Singular(seg) + "Id" + strings.TrimLeft(name[2:], "_")
}

var genericID = regexp.MustCompile(`^(?i:id)\d*$`)

// routeName makes a parameter name a ServeMux wildcard: a Go identifier.
func routeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') {
			b.WriteRune(r)
		}
	}
	w := b.String()
	if w == "" || unicode.IsDigit(rune(w[0])) {
		w = "p" + w
	}
	return w
}

// wildcards maps each parameter name of a path to a distinct route wildcard.
func wildcards(path *model.Path) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	for _, m := range paramPattern.FindAllStringSubmatch(path.Template, -1) {
		name := m[1]
		if _, ok := out[name]; ok {
			continue
		}
		w := routeName(name)
		for n := 2; used[w]; n++ {
			w = routeName(name) + fmt.Sprint(n)
		}
		used[w] = true
		out[name] = w
	}
	return out
}

// normalizeTemplate gives a template a leading slash and no trailing one; a leading ~ (the service root, as some
// beta pages write it: ~/onPremisesPublishingProfiles/…) is dropped, as model.RouteShape drops it.
func normalizeTemplate(t string) string {
	t = strings.TrimPrefix(strings.TrimSpace(t), "~")
	if !strings.HasPrefix(t, "/") {
		t = "/" + t
	}
	if len(t) > 1 {
		t = strings.TrimRight(t, "/")
	}
	if t == "" {
		t = "/"
	}
	return t
}

// routeTemplate writes a documented path the way the router reads it: {wildcard}, and {wildcard...} for a parameter
// that is a path of its own. The server method's arguments are the parameters of the operation's canonical path,
// read by their wildcards; so a parameter of another path takes the wildcard of the canonical path's parameter it
// is (the same segment before it, the same occurrence, and the same name unless one is a bare id:
// /me/calendars/{id} beside /users/{id}/calendars/{id2} is /me/calendars/{id2}; /me/drive/items/{itemId}/content is
// not the {parentId} of /drives/{driveId}/items/{parentId}:/{filename}:/content), and one the canonical path has
// not a wildcard of its own, which no argument reads.
func routeTemplate(path, canonical *model.Path) string {
	kinds := map[string]model.ParamKind{}
	for _, pp := range path.Params {
		kinds[pp.Name] = pp.Kind
	}
	canonWild := wildcards(canonical)
	type canonParam struct{ name, wildcard string }
	byKey := map[string]canonParam{}
	used := map[string]bool{}
	for i, name := range paramNames(canonical.Template) {
		byKey[paramKeys(canonical.Template)[i]] = canonParam{name, canonWild[name]}
		used[canonWild[name]] = true
	}
	own := map[string]string{} // a parameter of this path only, by name, once per name as wildcards gives it
	keys := paramKeys(path.Template)
	n := 0
	return paramPattern.ReplaceAllStringFunc(normalizeTemplate(path.Template), func(s string) string {
		name := s[1 : len(s)-1]
		key := keys[n]
		n++
		cp, ok := byKey[key]
		w := cp.wildcard
		if ok && !sameParam(cp.name, name) {
			ok = false
		}
		if !ok {
			if w, ok = own[name]; !ok {
				w = routeName(name)
				for i := 2; used[w]; i++ {
					w = routeName(name) + fmt.Sprint(i)
				}
				used[w], own[name] = true, w
			}
		}
		if kinds[name] == model.ParamDrivePath {
			return "{" + w + "...}"
		}
		return "{" + w + "}"
	})
}

// sameParam reports whether two parameters after the same segment are one: the same name, or a bare id either side.
func sameParam(a, b string) bool {
	return strings.EqualFold(a, b) || genericID.MatchString(a) || genericID.MatchString(b)
}

// paramNames returns the names of a template's parameters, one per occurrence.
func paramNames(template string) []string {
	var names []string
	for _, m := range paramPattern.FindAllStringSubmatch(normalizeTemplate(template), -1) {
		names = append(names, m[1])
	}
	return names
}

// paramKeys says what each parameter of a template (one per occurrence) is the value of: the segment before it in
// lower case ("calendars" for /me/calendars/{id}), or the literal the parameter's own segment starts with
// ("in roletemplateid=" for /directoryRoles/roleTemplateId={id}), with its occurrence ("calendars#2" for the second).
func paramKeys(template string) []string {
	t := normalizeTemplate(template)
	seen := map[string]int{}
	var keys []string
	for _, m := range paramPattern.FindAllStringIndex(t, -1) {
		before := t[:m[0]]
		var key string
		if strings.HasSuffix(before, "/") {
			before = strings.TrimSuffix(before, "/")
			key = before[strings.LastIndexByte(before, '/')+1:]
		} else {
			key = "in " + before[strings.LastIndexByte(before, '/')+1:]
		}
		key = strings.ToLower(key)
		seen[key]++
		keys = append(keys, fmt.Sprintf("%s#%d", key, seen[key]))
	}
	return keys
}

func isStreamPath(template string) bool {
	t := strings.ToLower(strings.TrimRight(template, "/"))
	return strings.HasSuffix(t, "/content") || strings.HasSuffix(t, "/$value") || strings.HasSuffix(t, ":/content")
}

// planBody decides the request body.
func (p *plan) planBody(spec *templates.Operation, op *model.Operation, canonical *model.Path, gets map[string]*model.Operation, group string) {
	rb := op.RequestBody
	method := spec.Method
	sends := method == "POST" || method == "PATCH" || method == "PUT"
	if rb != nil && rb.Kind == model.BodyStream || method == "PUT" && isStreamPath(canonical.Template) {
		spec.Body = &templates.Body{Kind: templates.BodyStream}
		return
	}
	if rb != nil && rb.Kind == model.BodyNone {
		return
	}
	var required []string
	if rb != nil {
		for _, prm := range rb.Params {
			if prm.Required && prm.Name != "" {
				required = append(required, prm.Name)
			}
		}
	}
	body := func(t *templates.Type) {
		spec.Body = &templates.Body{Kind: templates.BodyJSON, Type: t, Required: required}
	}
	if rb != nil && (rb.Kind == model.BodyType || rb.Kind == model.BodyParameters) {
		if rb.Type != nil && rb.Type.Name != "" {
			if info := p.lookup(rb.Type.Name); info != nil && !info.isEnum() {
				body(collectionOf(info.ref(), rb.Type.Collection))
				return
			}
			if rb.Type.Kind == "" {
				// The docs name a type they do not define (a draft): the table is all we know of it, so the struct
				// is open and keeps whatever else the examples carry.
				name := rb.Type.Name[strings.LastIndexByte(rb.Type.Name, '.')+1:]
				ti := p.synthesize(name, p.qualify(rb.Type.Name), exportedName(name), rb.Params, true, group)
				body(collectionOf(ti.ref(), rb.Type.Collection))
				return
			}
		}
		if method == "PATCH" || method == "PUT" {
			if info := p.entityFor(op, gets); info != nil && p.hasProperties(info, rb.Params) {
				body(info.ref())
				return
			}
		}
		if len(rb.Params) > 0 {
			ti := p.synthesize("", "", spec.Name+"Request", rb.Params, false, group)
			ti.spec.Doc = fmt.Sprintf("%s is the body of %s: the parameters the docs list for it.", ti.goName, spec.Name)
			body(ti.ref())
			return
		}
	}
	if !sends {
		return
	}
	// No usable body section: the request example says what is sent, if anything.
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleRequest || ex.JSON == nil {
			continue
		}
		subject := p.m.ExampleSubject(op, ex)
		if subject.Type != nil {
			if info := p.types[subject.Type]; info != nil && !info.isEnum() {
				body(collectionOf(info.ref(), subject.Collection && ex.JSON.Kind == model.ValueArray))
				return
			}
		}
		body(rawJSON)
		return
	}
}

func collectionOf(t *templates.Type, collection bool) *templates.Type {
	if collection {
		return templates.SliceOf(t)
	}
	return t
}

// qualify gives a docs name the default namespace when it has none.
func (p *plan) qualify(name string) string {
	if strings.Contains(name, ".") || p.defaultNS == "" {
		return name
	}
	return p.defaultNS + "." + name
}

// entityFor finds the type an update sends: what it answers with, what a GET on the same path answers with, or
// the type its page is named after.
func (p *plan) entityFor(op *model.Operation, gets map[string]*model.Operation) *typeInfo {
	structOf := func(ref *model.TypeRef) *typeInfo {
		if ref == nil || ref.Collection {
			return nil
		}
		if info := p.lookup(ref.Name); info != nil && !info.isEnum() {
			return info
		}
		return nil
	}
	if info := structOf(op.Response.Type); info != nil {
		return info
	}
	for _, path := range op.Paths {
		if get := gets[shapeOf(path.Template)]; get != nil {
			if info := structOf(get.Response.Type); info != nil {
				return info
			}
		}
	}
	first, _, _ := strings.Cut(pageBase(op.Page), "-")
	if ts := p.m.TypesNamed(first); len(ts) == 1 {
		if info := p.types[ts[0]]; info != nil && !info.isEnum() {
			return info
		}
	}
	return nil
}

// hasProperties reports whether every parameter is a property of the type (or the type is open).
func (p *plan) hasProperties(info *typeInfo, params []*model.Property) bool {
	if info.t == nil {
		return false
	}
	if p.m.KeepsUnknownProperties(info.t) {
		return true
	}
	for _, prm := range params {
		if p.m.Property(info.t, prm.Name) == nil {
			return false
		}
	}
	return true
}

// synthesize declares a struct for a request body the docs describe only by a table. docName is the name the docs
// use for it ("" for an action's parameters); fullName is what @odata.type calls it ("" when nothing does).
func (p *plan) synthesize(docName, fullName, goName string, params []*model.Property, open bool, group string) *typeInfo {
	key := strings.ToLower(docName)
	if docName != "" {
		if ti := p.synth[key]; ti != nil {
			p.addFields(ti, params)
			return ti
		}
	}
	ti := &typeInfo{fullName: fullName, goName: p.global.claim(goName)}
	ti.fields = newScope(nil, "ODataType", "AdditionalData", "MarshalJSON", "UnmarshalJSON")
	ti.spec = &templates.Struct{Name: ti.goName, FullName: fullName, Open: open}
	if docName != "" {
		ti.spec.Doc = fmt.Sprintf("%s is %s as the request-body table of a method page describes it; the docs define "+
			"no resource for it, so it is open: members the table does not list are kept in AdditionalData.", ti.goName, docName)
		p.synth[key] = ti
	}
	p.addFields(ti, params)
	f := p.fileFor(group)
	f.Structs = append(f.Structs, ti.spec)
	ti.file = f
	return ti
}

func (p *plan) addFields(ti *typeInfo, params []*model.Property) {
	have := map[string]bool{}
	for _, f := range ti.spec.Fields {
		have[f.JSON] = true
	}
	for _, prm := range params {
		if prm.Name == "" || prm.Name == "@odata.type" || have[prm.Name] || !validTagName(prm.Name) {
			continue
		}
		have[prm.Name] = true
		ti.spec.Fields = append(ti.spec.Fields, p.field(ti, prm))
	}
}

// planResult decides what an operation answers with.
func (p *plan) planResult(spec *templates.Operation, op *model.Operation, canonical *model.Path, group string) {
	set := func(kind templates.ResultKind, t *templates.Type) {
		spec.Result = templates.Result{Kind: kind, Type: t}
	}
	template := strings.TrimRight(canonical.Template, "/")
	status := documentedStatus(op)
	switch {
	case strings.HasSuffix(template, "/$count"):
		set(templates.ResultCount, nil)
		return
	case status/100 == 3:
		set(templates.ResultRedirect, nil)
		return
	}
	if ref := op.Response.Type; ref != nil && ref.Name != "" {
		switch {
		case ref.IsPrimitive():
			if primitiveName(*ref) == "stream" && !ref.Collection && isStreamPath(template) {
				set(templates.ResultStream, nil)
				return
			}
			p.jsonResult(spec, p.elemType(*ref), ref.Collection, true)
			return
		case ref.Resolved():
			if info := p.lookup(ref.Name); info != nil {
				p.jsonResult(spec, info.ref(), ref.Collection, info.isEnum())
				return
			}
		default:
			name := ref.Name[strings.LastIndexByte(ref.Name, '.')+1:]
			if ti := p.synth[strings.ToLower(name)]; ti != nil {
				p.jsonResult(spec, ti.ref(), ref.Collection, false)
				return
			}
		}
	}
	if spec.Method == "GET" && isStreamPath(template) {
		set(templates.ResultStream, nil)
		return
	}
	if status == 204 {
		return
	}
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleResponse || ex.JSON == nil {
			continue
		}
		subject := p.m.ExampleSubject(op, ex)
		if subject.Type != nil {
			if info := p.types[subject.Type]; info != nil {
				p.jsonResult(spec, info.ref(), subject.Collection && !subject.Wrapped, info.isEnum())
				return
			}
		}
		set(templates.ResultJSON, rawJSON)
		return
	}
	if ref := op.Response.Type; ref != nil && ref.Name != "" {
		set(templates.ResultJSON, rawJSON)
	}
}

// jsonResult sets a JSON answer of elem: a Collection page, a Single primitive ({"value": x}), or the value itself.
func (p *plan) jsonResult(spec *templates.Operation, elem *templates.Type, collection, primitive bool) {
	var t *templates.Type
	switch {
	case collection:
		t = templates.PointerTo(templates.Generic("Collection", elem))
	case primitive:
		t = templates.PointerTo(templates.Generic("Single", elem))
	default:
		t = elem
	}
	spec.Result = templates.Result{Kind: templates.ResultJSON, Type: t}
}

// documentedStatus is the success status the docs give: the Response section's, else the first response example's,
// else 204 for a DELETE and 200 otherwise.
func documentedStatus(op *model.Operation) int {
	// A success status first: the Response section may also name the error an operation fails with ("a 507
	// Insufficient Storage response will be returned"), and a page may show an error example before the success.
	for _, success := range []bool{true, false} {
		ok := func(s int) bool { return s >= 100 && s < 600 && (!success || s < 400) }
		if s := op.Response.Status; ok(s) {
			return s
		}
		for _, ex := range op.Examples {
			if ex.Kind == model.ExampleResponse && ok(ex.Status) {
				return ex.Status
			}
		}
	}
	if strings.EqualFold(op.Method, "DELETE") {
		return 204
	}
	return 200
}

func opDoc(spec *templates.Operation, op *model.Operation) string {
	title := docText(op.Title)
	doc := spec.Name
	if title != "" {
		doc += ": " + title
	}
	doc = sentence(doc, docText(op.Description))
	var paths []string
	for _, path := range op.Paths {
		line := spec.Method + " " + normalizeTemplate(path.Template)
		if path.Query != "" {
			line += "?" + path.Query
		}
		// One line per path, indented: a code block in go doc.
		paths = append(paths, "  "+strings.Join(strings.Fields(line), " "))
	}
	doc += "\n\n" + strings.Join(dedupe(paths), "\n")
	answer := fmt.Sprintf("The documented answer is %d", spec.Status)
	doc += "\n\n" + sentence(answer, "Docs: "+op.Page)
	return doc
}

func dedupe(lines []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range lines {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

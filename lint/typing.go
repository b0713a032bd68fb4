package lint

// Example typing: which type each JSON object of an example is an instance of, and on what evidence. It is
// worked out once per example (c.typing) and every rule that holds a value to a type asks it (unknown-property,
// property-case, value-type, value-format, enum-value, odata-type, placeholder-value), so no two rules can
// read one object as two types.

import (
	"path"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// The evidence a type was found on, in the words a message can quote.
const (
	byODataType   = "its @odata.type"
	byAnnotation  = "the example's annotation"
	byPath        = "the request path"
	byBodyTable   = "the Request body table"
	byProse       = "the Request body section"
	byResponse    = "the Response section"
	byProperty    = "the property's type"
	byDescription = "the property's description"
)

// objectFact is what the typing pass concluded about one JSON object.
type objectFact struct {
	// Type is the type the object is an instance of; nil when nothing says (or it holds an action's parameters).
	Type *model.Type
	// Declared is the type of the property the object is the value of (nil at the top of the body).
	Declared *model.Type
	// Property is that property, and Owner the type it was found on.
	Property *model.Property
	Owner    *model.Type
	Evidence string
	// NamedByDescription is set when Type neither is nor derives from Declared (as far as the docs state), but
	// the property's description names it ("The attached contact, message or event"): the example is taken at
	// its word, and the missing "Inherits from" is the resource page's to state.
	NamedByDescription bool
	// Rows are the page's Request body table rows, for the top of a request body: a member the table lists
	// follows the page, and a row the resource lacks is reported at the row (request-body-property), once.
	Rows []*model.Property
}

// exampleTyping is the typing of one example.
type exampleTyping struct {
	Subject model.ExampleSubject
	// Evidence says how Subject.Type was found.
	Evidence string
	// Params is set when the body holds an action's parameters: its members are the Request body table's rows,
	// not properties of a type.
	Params bool
	// AnnotationContradicted is the type the example's annotation names when the body's members are those of the
	// type the Response section names instead (Subject.Type): the annotation is then the example's defect.
	AnnotationContradicted *model.Type
	// AnnotationMisfits is the type the annotation names for a response to a request on another path when few
	// of the body's members (Fit of Members) are its properties: the body is not checked against it, and the
	// annotation is reported.
	AnnotationMisfits *model.Type
	Fit, Members      int
}

// typing returns the typing of an example, working it out on first use.
func (c *checker) typing(op *model.Operation, ex *model.Example) *exampleTyping {
	if ty, ok := c.typings[ex]; ok {
		return ty
	}
	ty := &exampleTyping{}
	c.typings[ex] = ty
	if ex.JSON == nil {
		return ty
	}
	if ex.Kind == model.ExampleResponse && ex.Status >= 400 {
		// An error response ({"error": {...}}, message-createreply's 400) is OData's error, not the resource.
		return ty
	}
	s := c.subject(op, ex)
	ty.Evidence = s.From
	switch s.From {
	case "@odata.type":
		ty.Evidence = byODataType
	case "annotation":
		ty.Evidence = byAnnotation
	case "response":
		ty.Evidence = byResponse
	}
	if ex.Kind == model.ExampleRequest && op != nil && op.RequestBody != nil && op.Requests(ex) {
		bt := c.bodyType(op)
		switch {
		case bt.params:
			// The table, the path and the header say these are parameters, whatever type the prose or an
			// @odata.type claims for the body.
			s.Type, ty.Params, ty.Evidence = nil, true, bt.evidence
		case op.RequestBody.Kind != model.BodyParameters && (s.From == "request-body" || s.From == ""):
			s.Type, ty.Evidence = bt.t, bt.evidence
			if bt.evidence == byProse && bt.t != nil {
				// "supply a JSON representation of the bundle" on POST /drive/bundles, whose items are driveItems
				// carrying a bundle facet: the prose names the concept, the path the type; the members decide.
				if a := c.addressedType(op); a != nil && a != bt.t && c.fit(a, s.Instances) > c.fit(bt.t, s.Instances) {
					s.Type, ty.Evidence = a, byPath
				}
			}
		}
		if s.Type == nil && op.RequestBody.Kind == model.BodyParameters && len(op.RequestBody.Params) > 0 {
			ty.Params = true
		}
	}
	if ex.Kind == model.ExampleResponse && s.From == "response" && op != nil {
		// A response to a request on another path (a PATCH of an app definition among the examples of the page
		// that publishes apps) is not what the Response section describes. (An annotation that names a type
		// is kept: the author said which type it shows.)
		if req := op.RequestBefore(ex); req != nil && !op.Requests(req) {
			s.Type, ty.Evidence = nil, ""
		}
	}
	if ex.Kind == model.ExampleResponse && s.From == "annotation" && op != nil && s.Type != nil {
		// A response to a request on another path, whose members are mostly not the annotated type's: the
		// annotation was copied from the page's other examples (teamsApp on the PATCH of an app definition).
		if req := op.RequestBefore(ex); req != nil && !op.Requests(req) {
			if n, fits := members(s.Instances), c.fit(s.Type, s.Instances); n > 0 && 2*fits < n {
				ty.AnnotationMisfits, ty.Fit, ty.Members = s.Type, fits, n
				s.Type = nil
			}
		}
	}
	if ex.Kind == model.ExampleResponse && s.From == "annotation" && s.Type != nil && op != nil {
		// The annotation names one type, the Response section (or, for a create it does not type, the
		// collection the request posts to) another: the body's members say which it shows.
		if r := c.documentedResponseType(op, ex); r != nil && r.Kind != model.KindEnum && !c.derivesFrom(s.Type, r) && !c.derivesFrom(r, s.Type) &&
			c.fit(r, s.Instances) > c.fit(s.Type, s.Instances) {
			ty.AnnotationContradicted = s.Type
			s.Type, ty.Evidence = r, byResponse
		}
	}
	ty.Subject = s
	if ty.Params && ex.JSON.Kind == model.ValueObject {
		for _, m := range ex.JSON.Members {
			if _, checked := c.parameterOf(op, m.Key); checked != nil {
				c.typeValue(checked, nil, m.Value, 1)
			}
		}
		return ty
	}
	if s.Type == nil {
		return ty
	}
	top := objectFact{Type: s.Type, Evidence: ty.Evidence}
	if ex.Kind == model.ExampleRequest && op != nil && op.RequestBody != nil {
		top.Rows = op.RequestBody.Params
	}
	for _, inst := range s.Instances {
		c.typeObject(top, inst, 0)
	}
	return ty
}

// documentedResponseType is the type an operation's page says its response holds: the Response section's, or,
// where that names none, the items of the collection a create (POST answering 201) adds to.
func (c *checker) documentedResponseType(op *model.Operation, ex *model.Example) *model.Type {
	if rt := op.Response.Type; rt != nil {
		if rt.IsPrimitive() {
			return nil
		}
		return c.typ(rt.Name)
	}
	if op.Method != "POST" || op.Response.Status != 201 {
		return nil
	}
	if req := op.RequestBefore(ex); req != nil && !op.Requests(req) {
		return nil
	}
	return c.addressedType(op)
}

// fit counts the members of the objects that are properties of t or of a type derived from it.
func (c *checker) fit(t *model.Type, objects []*model.Value) int {
	n := 0
	for _, v := range objects {
		for _, m := range v.Members {
			if !strings.HasPrefix(m.Key, "@") && (c.m.Property(t, m.Key) != nil || c.definedOnDerived(t, m.Key) != nil) {
				n++
			}
		}
	}
	return n
}

// typeObject records the type of object v, given what its slot declares, and types its members' values.
func (c *checker) typeObject(f objectFact, v *model.Value, depth int) {
	if v == nil || v.Kind != model.ValueObject || depth > maxDepth {
		return
	}
	declared := f.Type
	if t := c.m.SubjectType(declared, v); t != declared {
		f.Type, f.Evidence = t, byODataType
		if depth > 0 && !c.derivesFrom(t, declared) && f.Property != nil && descriptionNames(f.Property.Description, t.Name) {
			f.NamedByDescription = true
		}
	}
	if depth > 0 {
		f.Declared = declared
		f.Rows = nil
	}
	c.objectFacts[v] = f
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") || m.Key == "" {
			continue
		}
		if p := c.m.Property(f.Type, m.Key); p != nil {
			c.typeValue(p, f.Type, m.Value, depth+1)
		}
	}
}

// typeValue types the objects in a property's value (the value itself, or the items of a collection).
func (c *checker) typeValue(p *model.Property, owner *model.Type, v *model.Value, depth int) {
	if v == nil || p == nil || !p.Type.Resolved() || p.Type.IsPrimitive() {
		return
	}
	t := c.typ(p.Type.Name)
	if t == nil || t.Kind == model.KindEnum || !namedAs(p.Type, t) || t.FullName() == "microsoft.graph.Json" {
		return
	}
	f := objectFact{Type: t, Property: p, Owner: owner, Evidence: byProperty}
	switch v.Kind {
	case model.ValueObject:
		c.typeObject(f, v, depth)
	case model.ValueArray:
		for _, it := range v.Items {
			c.typeObject(f, it, depth)
		}
	}
}

// objectType returns what the typing pass recorded for object v, and whether it recorded anything.
func (c *checker) objectType(v *model.Value) (objectFact, bool) {
	f, ok := c.objectFacts[v]
	return f, ok
}

// descriptionNames reports whether a property's description names a type as a word ("The attached contact,
// message or event." names event), ignoring case.
func descriptionNames(desc, name string) bool {
	low, n := strings.ToLower(desc), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(low[i:], n)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(low[j-1])
		after := j+len(n) >= len(low) || !isWordByte(low[j+len(n)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '_'
}

// parameterOf returns the row of the Request body table that a body member is (exact case first), and the
// property its value is held to: the row, or, for an update whose rows are all properties of the resource it
// answers with, that resource's property (which may say more: an enum where the table says String).
func (c *checker) parameterOf(op *model.Operation, key string) (row, checked *model.Property) {
	for _, p := range op.RequestBody.Params {
		if p.Name == key {
			row = p
			break
		}
		if row == nil && strings.EqualFold(p.Name, key) {
			row = p
		}
	}
	updated := c.updated(op)
	if row == nil {
		// An update sends properties of what it answers with: the value can still be held to that.
		if updated != nil {
			if p := c.m.Property(updated, key); p != nil {
				return nil, p
			}
		}
		return nil, nil
	}
	for _, p := range op.RequestBody.Params {
		if updated == nil || c.m.Property(updated, p.Name) == nil {
			return row, row
		}
	}
	return row, c.m.Property(updated, row.Name)
}

// bodyEvidence is the type a method's request body sends, and why.
type bodyEvidence struct {
	t        *model.Type
	evidence string
	params   bool // the body is an action's parameters
}

// bodyType works out what a request body is, the way a reader does: an action's parameters when the table says
// "Parameter" and the path ends in an action; otherwise the resource the request path addresses, the type the
// Request body section names, and, where the two disagree, the one whose properties the page's own
// request-body table lists.
func (c *checker) bodyType(op *model.Operation) bodyEvidence {
	if b, ok := c.bodies[op]; ok {
		return b
	}
	b := c.findBodyType(op)
	c.bodies[op] = b
	return b
}

func (c *checker) findBodyType(op *model.Operation) bodyEvidence {
	rb := op.RequestBody
	if rb == nil {
		return bodyEvidence{}
	}
	for _, p := range op.Paths {
		if strings.HasSuffix(strings.TrimRight(p.Template, "/"), "/$value") {
			return bodyEvidence{} // the body is the content (a file, a page), not the resource
		}
	}
	if c.actionParameters(op) {
		return bodyEvidence{params: true, evidence: byBodyTable}
	}
	var prose *model.Type
	if rb.Type != nil && !rb.Type.IsPrimitive() {
		prose = c.m.LookupType(rb.Type.Name)
	}
	addressed := c.addressedType(op)
	switch {
	case addressed == nil:
		return bodyEvidence{t: prose, evidence: byProse}
	case prose == nil:
		return bodyEvidence{t: addressed, evidence: byPath}
	case c.derivesFrom(prose, addressed):
		return bodyEvidence{t: prose, evidence: byProse} // a derived type created in a collection of its base
	case c.rowsFit(rb.Params, addressed) && !c.rowsFit(rb.Params, prose):
		return bodyEvidence{t: addressed, evidence: byBodyTable}
	}
	return bodyEvidence{t: prose, evidence: byProse}
}

// rowsFit reports whether every row of a request-body table is a property of t (and there is a row).
func (c *checker) rowsFit(rows []*model.Property, t *model.Type) bool {
	for _, r := range rows {
		if c.m.Property(t, r.Name) == nil {
			return false
		}
	}
	return len(rows) > 0
}

// addressedType returns the type of the resource a PATCH or PUT path addresses, or of the items of the
// collection a POST path addresses, as the GET on the same path documents it; nil when no GET does.
func (c *checker) addressedType(op *model.Operation) *model.Type {
	if len(op.Paths) == 0 || op.Method != "PATCH" && op.Method != "PUT" && op.Method != "POST" {
		return nil
	}
	c.indexGetPaths()
	var found *model.Type
	for _, p := range op.Paths {
		g, ok := c.getPaths[pathKey(p.Template)]
		if !ok || g.collection != (op.Method == "POST") {
			continue
		}
		if found != nil && found != g.t {
			return nil // the paths address different types: no single answer
		}
		found = g.t
	}
	return found
}

// getPath is what a GET on a path answers with.
type getPath struct {
	t          *model.Type
	collection bool
}

// indexGetPaths indexes the GET operations by path (parameters blanked), once.
func (c *checker) indexGetPaths() {
	if c.getPaths != nil {
		return
	}
	c.getPaths = map[string]getPath{}
	conflict := map[string]bool{}
	for _, op := range c.m.Operations {
		if op.Method != "GET" || op.Response.Type == nil || op.Response.Type.IsPrimitive() {
			continue
		}
		t := c.typ(op.Response.Type.Name)
		if t == nil || t.Kind == model.KindEnum {
			continue
		}
		for _, p := range op.Paths {
			k := pathKey(p.Template)
			if g, ok := c.getPaths[k]; ok && (g.t != t || g.collection != op.Response.Type.Collection) {
				conflict[k] = true
			}
			c.getPaths[k] = getPath{t: t, collection: op.Response.Type.Collection}
		}
	}
	for k := range conflict {
		delete(c.getPaths, k)
	}
}

// pathKey is a path template in lower case with its parameters blanked: "/users/{}/events".
func pathKey(template string) string {
	var b strings.Builder
	depth := 0
	for _, r := range strings.ToLower(strings.TrimRight(template, "/")) {
		switch {
		case r == '{':
			if depth == 0 {
				b.WriteString("{}")
			}
			depth++
		case r == '}':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// actionParameters reports whether a POST's request-body table lists an action's parameters rather than a
// resource's properties: its header says "Parameter", and the path ends in a name that no GET documents as a
// collection and that is not a property of the resource a GET documents before it
// (…/provisioningPolicies/{id}/assign).
func (c *checker) actionParameters(op *model.Operation) bool {
	rb := op.RequestBody
	if op.Method != "POST" || rb == nil || len(rb.Params) == 0 || len(op.Paths) == 0 {
		return false
	}
	p := c.m.Page(op.Page)
	if p == nil {
		return false
	}
	tbl := tableAt(p, rb.Params[0].Pos.Line)
	if tbl == nil || len(tbl.Header) == 0 || !strings.HasPrefix(strings.ToLower(stripMarkup(tbl.Header[0].Text)), "parameter") {
		return false
	}
	c.indexGetPaths()
	for _, path := range op.Paths {
		tmpl := strings.TrimRight(path.Template, "/")
		i := strings.LastIndexByte(tmpl, '/')
		last := tmpl[i+1:]
		if i < 0 || last == "" || strings.ContainsAny(last, "{}()") {
			return false
		}
		if _, ok := c.getPaths[pathKey(tmpl)]; ok {
			return false
		}
		// The resource before the name must be known, and the name none of its properties.
		g, ok := c.getPaths[pathKey(tmpl[:i])]
		if !ok || g.collection || c.m.Property(g.t, shortName(last)) != nil {
			return false
		}
	}
	return true
}

// openEvidence reports whether instances of t may carry members its tables do not list, and why: the model keeps
// them (an open type by its annotation or page, or a type the docs give no property: model.KeepsUnknownProperties,
// which the generated code follows), t is an extension type (openTypeExtension), or its page says it holds
// untyped properties ("add untyped properties to a resource").
func (c *checker) openEvidence(t *model.Type) (bool, string) {
	if t == nil {
		return false, ""
	}
	if v, ok := c.open[t]; ok {
		return v, c.openWhy[t]
	}
	why := ""
	switch {
	case c.m.KeepsUnknownProperties(t):
		why = "an open type"
	case c.isExtensionType(t):
		why = "an extension type"
	default:
		texts := []string{t.Description}
		if p := c.m.Page(t.Page); p != nil {
			texts = append(texts, p.Description)
		}
		for _, s := range texts {
			low := strings.ToLower(s)
			for _, phrase := range customPropertyPhrases {
				if strings.Contains(low, phrase) {
					why = "its page says it holds " + phrase
				}
			}
		}
	}
	c.open[t], c.openWhy[t] = why != "", why
	return why != "", why
}

// customPropertyPhrases are what a type's description says when its instances carry members of the caller's.
// Narrow on purpose: "supports adding your own data to custom properties as extensions" (user) says that the
// type has extensions, not that its instances are open.
var customPropertyPhrases = []string{"untyped properties"}

// isExtensionType reports whether t is microsoft.graph.extension or an open extension type, or derives from one.
func (c *checker) isExtensionType(t *model.Type) bool {
	for _, x := range append([]*model.Type{t}, c.m.Ancestors(t)...) {
		switch strings.ToLower(x.FullName()) {
		case "microsoft.graph.extension", "microsoft.graph.opentypeextension":
			return true
		}
	}
	return false
}

// representationWrites reports whether the JSON representation on the page of t, or of the ancestor that
// declares the property, writes key exactly: a method example that follows the representation against the
// table's case copies the resource page's contradiction, which is reported there, once (checkTableJSON).
func (c *checker) representationWrites(t *model.Type, key string) bool {
	for _, x := range append([]*model.Type{t}, c.m.Ancestors(t)...) {
		if x.Representation == nil || x.Representation.JSON == nil {
			continue
		}
		for _, m := range x.Representation.JSON.Members {
			if m.Key == key {
				return true
			}
		}
	}
	return false
}

// reportUnstatedBase reports, once per pair and on the derived type's page, a type that an example shows where
// its base type is declared, on the word of the property's description, although its page does not say it
// inherits from that base (event as itemAttachment's item, an outlookItem).
func (c *checker) reportUnstatedBase(t, base *model.Type, f objectFact) {
	key := [2]*model.Type{t, base}
	if c.unstatedBases[key] {
		return
	}
	c.unstatedBases[key] = true
	via := ""
	if f.Owner != nil && f.Property != nil {
		via = " as the " + f.Owner.Name + " property " + f.Property.Name + " (\"" + f.Property.Description + "\")"
	}
	c.report(t.Pos, "unstated-base-type", "", "examples show %s%s, whose type is %s, but this page does not say that %s inherits from %s; if it does, write \"Inherits from [%s](%s)\"",
		t.Name, via, base.Name, t.Name, base.Name, base.Name, path.Base(base.Page))
}

// unknownMemberHint says both ways to fix a member its type does not list, since only the author knows which
// side is wrong: the example, or the Properties table.
func unknownMemberHint(t *model.Type) string {
	h := "; remove it from the example, or add it to the Properties table of " + t.Name
	if t.BaseType == "" {
		h += " (or, if " + t.Name + " derives from a type that has it, name that base type on its page)"
	}
	return h
}

// bothWays is "; did you mean x?" when a near name exists, and otherwise the two ways to fix a member that the
// table where it belongs does not list.
func bothWays(near, table string) string {
	if near != "" {
		return didYouMean(near)
	}
	return "; remove it from the example, or add it to " + table
}

// listsRow reports whether a table lists a row of that name, exactly.
func listsRow(rows []*model.Property, name string) bool {
	for _, r := range rows {
		if r.Name == name {
			return true
		}
	}
	return false
}

// members counts the members of the objects that are not annotations.
func members(objects []*model.Value) int {
	n := 0
	for _, v := range objects {
		for _, m := range v.Members {
			if !strings.HasPrefix(m.Key, "@") {
				n++
			}
		}
	}
	return n
}

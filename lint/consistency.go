package lint

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates/support"
)

// placeholderValue matches a type name written where an example value belongs: "String", "Int32",
// "DateTimeOffset", "String (identifier)", "Edm.Boolean".
var placeholderValue = regexp.MustCompile(`^(?:Edm\.)?(?:String|Int16|Int32|Int64|Boolean|DateTimeOffset|DateTime|Double|Single|Decimal|Guid|Binary|Duration|Date|TimeOfDay|Byte|SByte|Stream)(?:\s*\([^)]*\))?$|^(?i:string|int32|int64|boolean|datetimeoffset|guid)$`)

// typeNameKeys are keys whose values legitimately are type names ("type": "String" in a schema extension).
var typeNameKeys = map[string]bool{"type": true, "datatype": true, "propertytype": true, "valuetype": true, "returntype": true,
	"@odata.type": true, "odatatype": true, "kind": true, "format": true}

// isPlaceholderValue is placeholderValue.MatchString behind a test of the first byte and the length, which
// rejects almost every example string without running the expression.
func isPlaceholderValue(s string) bool {
	if len(s) < 4 {
		return false
	}
	var head [4]byte
	for i := range head {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		head[i] = b
	}
	switch string(head[:]) {
	case "edm.", "stri", "int1", "int3", "int6", "bool", "date", "doub", "sing", "deci", "guid", "bina", "dura", "time", "byte", "sbyt", "stre":
		return placeholderValue.MatchString(s)
	}
	return false
}

// checkPlaceholderValues reports type names used as example values in requests and responses. (JSON
// representations on resource pages are meant to show type names.)
func (c *checker) checkPlaceholderValues(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.JSON == nil || ex.Kind == model.ExampleRepresentation {
		return
	}
	s := c.subject(op, ex)
	var walk func(t *model.Type, key string, v *model.Value)
	top := true
	walk = func(t *model.Type, key string, v *model.Value) {
		if v == nil {
			return
		}
		switch v.Kind {
		case model.ValueObject:
			t = c.m.SubjectType(t, v)
			params := top && t == nil && ex.Kind == model.ExampleRequest && op.RequestBody != nil
			top = false
			for _, m := range v.Members {
				var pt *model.Type
				if t != nil {
					if p := c.m.Property(t, m.Key); p != nil {
						pt = c.typ(p.Type.Name)
					}
				} else if params {
					// The type is not documented here: the request-body table still says what the keys are.
					for _, p := range op.RequestBody.Params {
						if strings.EqualFold(p.Name, m.Key) {
							pt = c.typ(p.Type.Name)
						}
					}
				}
				walk(pt, m.Key, m.Value)
			}
		case model.ValueArray:
			for _, it := range v.Items {
				walk(t, key, it)
			}
		case model.ValueString:
			if !isPlaceholderValue(strings.TrimSpace(v.Str)) || typeNameKeys[strings.ToLower(key)] {
				return
			}
			if t != nil && t.Kind == model.KindEnum && t.Member(v.Str) != nil {
				return // an enum whose member is named like a type
			}
			c.report(model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}, "placeholder-value", "",
				"%q is a type name, not an example value; write a realistic value for %s, such as %s", v.Str, key, exampleValueFor(v.Str, t))
		}
	}
	walk(s.Type, "", ex.JSON)
}

// exampleValueFor suggests a value for a placeholder.
func exampleValueFor(placeholder string, t *model.Type) string {
	if t != nil && t.Kind == model.KindEnum && len(t.Members) > 0 {
		return "\"" + t.Members[0].Name + "\""
	}
	p := strings.ToLower(strings.TrimPrefix(placeholder, "Edm."))
	switch {
	case strings.Contains(p, "identifier") || strings.HasPrefix(p, "guid"):
		return "\"5662f6c4-f6c4-5662-c4f6-6256c4f66256\""
	case strings.Contains(p, "timestamp") || strings.HasPrefix(p, "datetime"):
		return "\"2021-07-20T10:00:00Z\""
	case strings.HasPrefix(p, "int") || strings.HasPrefix(p, "byte") || strings.HasPrefix(p, "sbyte"):
		return "30 (a number, unquoted)"
	case p == "double" || p == "single" || p == "decimal":
		return "2.5 (a number, unquoted)"
	case p == "boolean":
		return "true (unquoted)"
	case p == "date":
		return "\"2021-07-20\""
	case p == "timeofday":
		return "\"10:00:00\""
	case p == "duration":
		return "\"PT1H\""
	case p == "binary" || p == "stream":
		return "\"aGVsbG8=\" (base64)"
	}
	return "\"Contoso\""
}

// subject is Model.ExampleSubject with corrections the linter needs (see the report to the parser's owners):
// a "value" member is no wrapper when the type has a property named value, when the annotation says
// Collection(...), or when the request the example answers addresses a collection (a query, or a path that
// does not end in a key).
func (c *checker) subject(op *model.Operation, ex *model.Example) model.ExampleSubject {
	s := c.m.ExampleSubject(op, ex)
	if !s.Wrapped {
		return s
	}
	unwrap := strings.HasPrefix(strings.ToLower(ex.ODataType), "collection(")
	if s.Type != nil && c.m.Property(s.Type, "value") != nil {
		unwrap = true
		s.Instances = []*model.Value{ex.JSON}
	}
	if req := requestBefore(op, ex); req != nil && req.Method == "GET" && collectionRequest(req.URL) {
		unwrap = true
	}
	if unwrap {
		s.Wrapped = false
		s.Collection = s.Collection || !(s.Type != nil && c.m.Property(s.Type, "value") != nil)
	}
	return s
}

// answersOperation reports whether ex answers a request to one of op's paths: a page may show, under its examples,
// a request to another path ("Retrieve a single thumbnail" on the page that lists thumbnails), which its Response
// section does not describe. Without a request before it, it is taken as op's.
func answersOperation(op *model.Operation, ex *model.Example) bool {
	// Paths that end differently are several operations on one page (…/thumbnails, …/thumbnails/{id}/{size}): which
	// one an example answers cannot be told.
	last := ""
	for i, p := range op.Paths {
		seg := p.Template[strings.LastIndexByte(p.Template, '/')+1:]
		if strings.Contains(seg, "{") {
			seg = "{}"
		}
		if i > 0 && !strings.EqualFold(seg, last) {
			return false
		}
		last = seg
	}
	req := requestBefore(op, ex)
	if req == nil || req.URL == "" {
		return true
	}
	for _, p := range op.Paths {
		if pathMatches(req.URL, p.Template) {
			return true
		}
	}
	return false
}

// pathMatches reports whether a request URL ("https://graph.microsoft.com/v1.0/chats/19:8b08@thread.v2?$top=1")
// has the segments of a path template ("/chats/{chat-id}"): as many, and the same where the template's is no
// parameter. Case is ignored.
func pathMatches(url, template string) bool {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	if i := strings.Index(url, "://"); i >= 0 {
		url = url[i+3:]
		if j := strings.IndexByte(url, '/'); j >= 0 {
			url = url[j:]
		} else {
			url = ""
		}
		for _, v := range []string{"/v1.0", "/beta"} {
			url = strings.TrimPrefix(url, v)
		}
	}
	got := strings.Split(strings.Trim(url, "/"), "/")
	want := strings.Split(strings.Trim(template, "/"), "/")
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		if !strings.Contains(w, "{") && !strings.EqualFold(w, got[i]) {
			return false
		}
	}
	return true
}

// requestBefore returns the request example that ex answers.
func requestBefore(op *model.Operation, ex *model.Example) *model.Example {
	var last *model.Example
	for _, x := range op.Examples {
		if x == ex {
			return last
		}
		if x.Kind == model.ExampleRequest {
			last = x
		}
	}
	return nil
}

// collectionRequest reports whether a request URL addresses a collection: it has a query ($filter, $top, ...)
// or its path does not end in a key ("/users/{id}", "/users('x')", a GUID).
func collectionRequest(url string) bool {
	if url == "" {
		return false
	}
	if strings.Contains(url, "$filter") || strings.Contains(url, "$top") || strings.Contains(url, "$search") {
		return true
	}
	path := url
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimRight(path, "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	if strings.HasSuffix(last, ")") || strings.HasSuffix(last, "}") || strings.ContainsAny(last, "0123456789") && len(last) >= 8 {
		return false
	}
	return !strings.Contains(last, "@") && last != "me" && !strings.Contains(last, ".")
}

// checkExampleModel checks an example's JSON against the type it shows: properties the type does not define,
// values of the wrong JSON type or outside the enum, @odata.type annotations, and a single entity wrapped in
// "value".
func (c *checker) checkExampleModel(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.JSON == nil || ex.Reconstructed && ex.JSON.Kind != model.ValueObject {
		// The annotation still names a type (reports answer with CSV).
		c.checkODataTypes(pt, op, ex, model.ExampleSubject{})
		return
	}
	s := c.subject(op, ex)
	c.checkODataTypes(pt, op, ex, s)
	if s.Wrapped && ex.Kind == model.ExampleResponse {
		at := model.Pos{File: pt.page.Path, Line: ex.JSON.Line, Col: ex.JSON.Col}
		for _, m := range ex.JSON.Members {
			if m.Key == "value" {
				at = model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}
			}
		}
		name := "entity"
		if s.Type != nil {
			name = s.Type.Name
		} else if op.Response.Type != nil {
			name = shortName(op.Response.Type.Name)
		}
		if ctx := ex.JSON.Get("@odata.context"); ctx != nil && strings.Contains(ctx.Text(), "#Collection(") {
			// The example claims a collection outright: the prose or the example is wrong, and only the author
			// knows which.
			c.report(at, "value-wrapper", "", "the Response section says the operation returns a single %s, but the example returns a collection (@odata.context %s); make them agree", name, ctx.Text())
		} else {
			c.report(at, "value-wrapper", "", "the operation returns a single %s, but the example wraps it in \"value\" as for a collection; show the object itself", name)
		}
	}
	if ex.Kind == model.ExampleResponse && op.Response.Type != nil && op.Response.Type.Collection && !s.Collection &&
		ex.JSON.Kind == model.ValueObject && (ex.Status == 0 || ex.Status < 300) && len(ex.JSON.Members) > 0 && answersOperation(op, ex) &&
		(ex.JSON.Get("value") == nil || ex.JSON.Get("value").Kind != model.ValueArray) { // "odata.context" beside "value" is another defect
		name := shortName(op.Response.Type.Name)
		if s.Type != nil {
			name = s.Type.Name
		}
		c.report(model.Pos{File: pt.page.Path, Line: ex.JSON.Line, Col: ex.JSON.Col}, "value-wrapper", "",
			"the Response section says the operation returns a collection of %s, but the example returns a single object; wrap the items in {\"value\": [...]}, or say in the Response section that it returns one", name)
	}
	if s.Type == nil {
		if ex.Kind == model.ExampleRequest && op.RequestBody != nil && op.RequestBody.Kind == model.BodyParameters && len(op.RequestBody.Params) > 0 &&
			ex.JSON.Kind == model.ValueObject && c.typesDocumented {
			c.checkParameters(pt, op, ex.JSON)
		}
		return
	}
	for _, inst := range s.Instances {
		c.checkObject(pt, s.Type, inst, 0)
	}
}

// checkParameters checks an action's request body against its parameters table.
func (c *checker) checkParameters(pt *pageText, op *model.Operation, body *model.Value) {
	params := op.RequestBody.Params
	names := make([]string, 0, len(params))
	for _, p := range params {
		names = append(names, p.Name)
	}
	// An update whose parameters are all properties of what it answers with sends that type (the generated client
	// does): its values are held to the resource's properties, which may say more (an enum where the table says
	// String).
	updated := c.updated(op)
	target := updated
	for _, p := range params {
		if target != nil && c.m.Property(target, p.Name) == nil {
			target = nil
		}
	}
	for _, m := range body.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		var found *model.Property
		for _, p := range params {
			if p.Name == m.Key {
				found = p
				break
			}
			if found == nil && strings.EqualFold(p.Name, m.Key) {
				found = p
			}
		}
		at := model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}
		if found == nil {
			c.report(at, "unknown-property", "", "the request body has %q, which is not a parameter in the Request body table%s", m.Key, didYouMean(closest(m.Key, names, 3)))
			// An update sends properties of what it answers with: the value can still be checked against that.
			if updated != nil {
				if p := c.m.Property(updated, m.Key); p != nil {
					c.checkValue(pt, p, m.Key, m.Value, 1)
				}
			}
			continue
		}
		if found.Name != m.Key {
			c.report(at, "property-case", "", "%q differs in case from the parameter %s; write %q", m.Key, found.Name, found.Name)
		}
		if target != nil {
			found = c.m.Property(target, found.Name)
		}
		c.checkValue(pt, found, m.Key, m.Value, 1)
	}
}

// updated returns the type a PATCH or PUT sends, as the generator finds it: what the operation answers with (a
// single entity or complex value), or, when it answers with no body, the type its page is named after
// ("privilegedapproval-update.md": privilegedApproval). Nil when neither is known.
func (c *checker) updated(op *model.Operation) *model.Type {
	if op.Method != "PATCH" && op.Method != "PUT" {
		return nil
	}
	if r := op.Response.Type; r != nil {
		if t := c.typ(r.Name); t != nil && t.Kind != model.KindEnum && !r.Collection {
			return t
		}
		return nil
	}
	first, _, _ := strings.Cut(strings.TrimSuffix(path.Base(op.Page), ".md"), "-")
	if ts := c.m.TypesNamed(first); len(ts) == 1 && ts[0].Kind != model.KindEnum {
		return ts[0]
	}
	return nil
}

// maxDepth bounds the walk of an example value; Intune setting examples nest values some 30 levels deep.
const maxDepth = 100

// checkObject checks the members of an object that should be an instance of t.
func (c *checker) checkObject(pt *pageText, t *model.Type, v *model.Value, depth int) {
	if v == nil || v.Kind != model.ValueObject || depth > maxDepth {
		return
	}
	declared := t
	t = c.m.SubjectType(t, v)
	odataType := v.Get("@odata.type")
	// A property's value (depth > 0); the example's own @odata.type is checked against its annotation apart, and
	// a collection answer may mix types its annotation does not cover.
	if depth > 0 && t != declared && !c.derivesFrom(t, declared) {
		c.report(model.Pos{File: pt.page.Path, Line: odataType.Line, Col: odataType.Col}, "odata-type", "",
			"@odata.type %s is neither %s, the type of this property, nor a type derived from it; name %s or one of its derived types, or, if %s derives from %s, name that base type on its page",
			t.FullName(), declared.FullName(), declared.Name, t.Name, declared.Name)
	}
	reportedUntyped := false
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") || m.Key == "" {
			continue // instance and property annotations: @odata.context, manager@odata.bind
		}
		at := model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}
		p := c.m.Property(t, m.Key)
		if p == nil {
			if c.isOpen(t) || support.IsDirectoryExtension(m.Key) {
				continue
			}
			if d := c.definedOnDerived(t, m.Key); d != nil {
				// Only @odata.type tells a reader (and a generated client) that the value is of the derived type.
				if !reportedUntyped {
					reportedUntyped = true
					if odataType == nil {
						c.report(at, "odata-type", "", "%s is not a property of %s but of its derived type %s; say which type the value is with \"@odata.type\": \"#%s\"",
							quoted(m.Key), t.Name, d.Name, d.FullName())
					} else {
						c.report(at, "odata-type", "", "%s is not a property of %s, which @odata.type names, but of its derived type %s; write \"@odata.type\": \"#%s\"",
							quoted(m.Key), t.Name, d.Name, d.FullName())
					}
				}
				continue
			}
			hint := didYouMean(closest(m.Key, c.propertyNames(t), 3))
			if hint == "" && t.BaseType == "" {
				hint = "; add it to the Properties table, or, if " + t.Name + " derives from a type that has it, name that base type on its page"
			}
			c.report(at, "unknown-property", "", "%s is not a property of %s%s", quoted(m.Key), t.Name, hint)
			continue
		}
		if p.Name != m.Key {
			c.report(at, "property-case", "", "%q differs in case from the property %s of %s; write %q", m.Key, p.Name, t.Name, p.Name)
		}
		c.checkValue(pt, p, m.Key, m.Value, depth+1)
	}
}

// isOpen reports whether instances of t may carry properties it does not declare (see
// model.KeepsUnknownProperties: the generated code keeps them too).
func (c *checker) isOpen(t *model.Type) bool {
	if v, ok := c.open[t]; ok {
		return v
	}
	open := c.m.KeepsUnknownProperties(t)
	c.open[t] = open
	return open
}

// derivesFrom reports whether t is base or derives from it.
func (c *checker) derivesFrom(t, base *model.Type) bool {
	if t == base || t == nil || base == nil {
		return true
	}
	for _, a := range c.m.Ancestors(t) {
		if a == base {
			return true
		}
	}
	return false
}

// definedOnDerived returns the type derived from t (at any depth) that defines name, or nil: an example may show
// a derived instance without saying so in @odata.type.
func (c *checker) definedOnDerived(t *model.Type, name string) *model.Type {
	seen := map[*model.Type]bool{t: true}
	queue := []*model.Type{t}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, d := range c.m.Derived(x) {
			if seen[d] {
				continue
			}
			seen[d] = true
			if d.OwnProperty(name) != nil {
				return d
			}
			queue = append(queue, d)
		}
	}
	return nil
}

// propertyNames lists the names of t's properties, inherited and navigation ones included, sorted.
func (c *checker) propertyNames(t *model.Type) []string {
	var out []string
	for _, x := range append([]*model.Type{t}, c.m.Ancestors(t)...) {
		for _, p := range x.Properties {
			out = append(out, p.Name)
		}
		for _, p := range x.NavigationProperties {
			out = append(out, p.Name)
		}
	}
	sort.Strings(out)
	return out
}

// checkValue checks a value against the property's declared type.
func (c *checker) checkValue(pt *pageText, p *model.Property, key string, v *model.Value, depth int) {
	if v == nil || !p.Type.Resolved() {
		return
	}
	at := model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}
	if v.Kind == model.ValueNull {
		if p.Type.Collection {
			// OData has no null collection: a collection with nothing in it is [].
			c.report(at, "value-type", "", "%s is a collection (%s), which is never null; write [] for an empty one", key, p.Type.String())
		}
		return
	}
	if p.Type.Collection {
		if v.Kind != model.ValueArray {
			if v.Kind == model.ValueString && isPlaceholderValue(v.Str) {
				return
			}
			c.report(at, "value-type", "", "%s is a collection (%s) but the example gives a single %s; wrap the value in [ ]", key, p.Type.String(), v.Kind)
			return
		}
		for _, it := range v.Items {
			c.checkItem(pt, p, key, it, depth)
		}
		return
	}
	if v.Kind == model.ValueArray {
		if c.typ(p.Type.Name) != nil && c.typ(p.Type.Name).FullName() == "microsoft.graph.Json" || p.Type.Name == "Edm.Untyped" {
			return
		}
		c.report(at, "value-type", "", "%s is a single %s but the example gives an array; give one value", key, shortName(p.Type.Name))
		return
	}
	c.checkItem(pt, p, key, v, depth)
}

// checkItem checks one value (or one item of a collection) against the property's element type.
func (c *checker) checkItem(pt *pageText, p *model.Property, key string, v *model.Value, depth int) {
	if v == nil || v.Kind == model.ValueNull {
		return
	}
	at := model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}
	if v.Kind == model.ValueString && isPlaceholderValue(strings.TrimSpace(v.Str)) && !typeNameKeys[strings.ToLower(key)] {
		return // placeholder-value reports it ("type": "String" it leaves to the checks below)
	}
	if p.Type.IsPrimitive() {
		if want, ok := primitiveAccepts(p.Type.Name, v); !ok {
			c.report(at, "value-type", "", "%s is %s but the example gives a %s; write %s", key, p.Type.Name, v.Kind, want)
		} else if v.Kind == model.ValueString {
			if err := support.CheckWireForm(p.Type.Name, v.Str); err != nil {
				c.report(at, "value-format", "", "%s is %s, but %v; write a value such as %s", key, p.Type.Name, err,
					exampleValueFor(strings.TrimPrefix(p.Type.Name, "Edm."), nil))
			}
		}
		return
	}
	t := c.typ(p.Type.Name)
	if t == nil {
		return
	}
	if !namedAs(p.Type, t) {
		return // the reference resolved to another type than the one the cell names (see namedAs)
	}
	switch t.Kind {
	case model.KindEnum:
		if v.Kind != model.ValueString {
			c.report(at, "value-type", "", "%s is the enum %s but the example gives a %s; write a member name in quotes", key, t.Name, v.Kind)
			return
		}
		c.checkEnumValue(at, t, key, v.Str)
	default:
		if t.FullName() == "microsoft.graph.Json" {
			return
		}
		if v.Kind != model.ValueObject {
			c.report(at, "value-type", "", "%s is a %s object but the example gives a %s; write a JSON object", key, t.Name, v.Kind)
			return
		}
		c.checkObject(pt, t, v, depth)
	}
}

// namedAs reports whether a type cell names t. The parser resolves a link whose label names no type to the
// first type of the linked page (enums.md#x-values when x is not on it), which is then some other type.
func namedAs(r model.TypeRef, t *model.Type) bool {
	if r.Raw == "" || r.Link == "" {
		return true
	}
	return containsFold(r.Raw, t.Name)
}

// containsFold reports whether sub is in s, ignoring ASCII case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// checkEnumValue reports values that are not members of the enum (each part, for flags joined by commas).
func (c *checker) checkEnumValue(at model.Pos, t *model.Type, key, val string) {
	if len(t.Members) == 0 {
		return
	}
	names := make([]string, 0, len(t.Members))
	for _, m := range t.Members {
		names = append(names, m.Name)
	}
	parts := []string{val}
	if strings.Contains(val, ",") {
		parts = strings.Split(val, ",")
	}
	for _, part := range parts {
		part = strings.TrimSpace(part)
		m := t.Member(part)
		switch {
		case m == nil:
			c.report(at, "enum-value", "", "%q is not a member of %s (%s)%s", part, t.Name, memberList(names), didYouMean(quotedOr(closest(part, names, 3))))
		case m.Name != part:
			// The service reads members case-insensitively; the docs should still spell them as defined.
			c.report(at, "enum-value", sevInfo, "%q differs in case from the member %s of %s; write %q", part, m.Name, t.Name, m.Name)
		}
	}
}

func quotedOr(s string) string {
	if s == "" {
		return ""
	}
	return quoted(s)
}

// memberList shows up to eight members.
func memberList(names []string) string {
	if len(names) > 8 {
		return strings.Join(names[:8], ", ") + ", ..."
	}
	return strings.Join(names, ", ")
}

// primitiveAccepts reports whether v is a valid JSON form for the Edm primitive, and what to write if not.
func primitiveAccepts(edm string, v *model.Value) (want string, ok bool) {
	switch edm {
	case "Edm.String":
		return "a string in quotes", v.Kind == model.ValueString
	case "Edm.Int16", "Edm.Int32", "Edm.Byte", "Edm.SByte":
		return "a number without quotes", v.Kind == model.ValueNumber
	case "Edm.Int64", "Edm.Decimal":
		// OData allows these as strings for IEEE 754 compatibility.
		return "a number without quotes", v.Kind == model.ValueNumber || v.Kind == model.ValueString && isNumeric(v.Str)
	case "Edm.Double", "Edm.Single":
		return "a number without quotes", v.Kind == model.ValueNumber || v.Kind == model.ValueString && (v.Str == "NaN" || v.Str == "INF" || v.Str == "-INF" || isNumeric(v.Str))
	case "Edm.Boolean":
		return "true or false without quotes", v.Kind == model.ValueBool
	case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Guid", "Edm.Binary":
		return "a string in quotes", v.Kind == model.ValueString
	}
	return "", true
}

func isNumeric(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || (r == '-' || r == '+') && i == 0 || r == 'e' || r == 'E') {
			return false
		}
	}
	return true
}

// checkODataTypes checks @odata.type: the annotation's against the body's, names without a namespace or in
// a namespace the docs do not use, and names no page documents.
func (c *checker) checkODataTypes(pt *pageText, op *model.Operation, ex *model.Example, s model.ExampleSubject) {
	file := pt.page.Path
	if ex.ODataType != "" && ex.Annotation != nil {
		at := ex.Annotation.Pos
		if v := ex.Annotation.Value.Get("@odata.type"); v != nil && v.Line > 0 {
			at = model.Pos{File: file, Line: v.Line, Col: v.Col}
		}
		c.checkODataName(pt, at, ex.ODataType, "the annotation's @odata.type")
		if len(s.Instances) > 0 {
			if bv := s.Instances[0].Get("@odata.type"); bv != nil && bv.Kind == model.ValueString {
				c.compareODataTypes(at, ex.ODataType, strings.TrimPrefix(bv.Str, "#"), bv.Line)
			}
		}
	}
	var walk func(v *model.Value, depth int)
	walk = func(v *model.Value, depth int) {
		if v == nil || depth > maxDepth {
			return
		}
		for _, m := range v.Members {
			if m.Key == "@odata.type" && m.Value != nil && m.Value.Kind == model.ValueString {
				c.checkODataName(pt, model.Pos{File: file, Line: m.Value.Line, Col: m.Value.Col}, m.Value.Str, "@odata.type")
			} else if strings.EqualFold(m.Key, "@odata.type") {
				// JSON keys are case-sensitive: readers do not take "@Odata.type" for the type.
				c.report(model.Pos{File: file, Line: m.Line, Col: m.Col}, "odata-type", "", "%q is not the @odata.type annotation, whose name is lower case; write \"@odata.type\"", m.Key)
			}
			walk(m.Value, depth+1)
		}
		for _, it := range v.Items {
			walk(it, depth+1)
		}
	}
	walk(ex.JSON, 0)
}

// checkODataName checks one @odata.type value.
func (c *checker) checkODataName(pt *pageText, at model.Pos, raw, what string) {
	name := strings.TrimPrefix(strings.TrimSpace(raw), "#")
	if name == "" || strings.HasPrefix(strings.ToLower(name), "collection(") || strings.HasPrefix(strings.ToLower(name), "edm.") ||
		strings.ContainsAny(name, " {}/") {
		return
	}
	if primitiveTypeName(name) {
		return // "@odata.type": "string" on a collection of strings
	}
	ns := namespaceOf(name)
	pageNS := "microsoft.graph"
	if p := pt.page.Namespace; p != nil && p.Text != "" {
		pageNS = strings.Trim(strings.TrimSpace(p.Text), "`*.")
	}
	switch {
	case ns == "":
		want := "#" + pageNS + "." + name
		if t := c.m.LookupType(name); t != nil {
			want = "#" + t.FullName()
		}
		c.report(at, "odata-type", "", "%s %q has no namespace; write %q", what, raw, want)
		return
	case strings.EqualFold(ns, "graph"):
		return // the schema's alias
	case !c.namespaces[strings.ToLower(ns)]:
		want := pageNS + "." + shortName(name)
		if t := c.m.LookupType(shortName(name)); t != nil {
			want = t.FullName()
		}
		c.report(at, "odata-type", "", "%s %q is in namespace %s, which the docs do not use; write %q", what, raw, ns, "#"+want)
		return
	}
	if c.typesDocumented && c.typ(name) == nil {
		msg := what + " " + name + " is not documented by any page"
		if s := c.suggestType(name); s != "" {
			msg += "; did you mean " + s + "?"
		}
		c.report(at, "unresolved-odata-type", "", "%s", msg)
	}
}

// primitiveTypeName reports whether name is an Edm primitive, written with or without "Edm.".
func primitiveTypeName(name string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.ToLower(name), "edm.")) {
	case "string", "int16", "int32", "int64", "boolean", "bool", "double", "single", "decimal", "guid", "binary", "byte",
		"sbyte", "date", "datetimeoffset", "duration", "timeofday", "stream", "untyped":
		return true
	}
	return false
}

// compareODataTypes reports an annotation @odata.type that differs from the body's, unless the body shows a
// type derived from the annotation's.
func (c *checker) compareODataTypes(at model.Pos, annot, body string, bodyLine int) {
	if strings.EqualFold(annot, body) || namespaceOf(body) == "" {
		return
	}
	at2, bt := c.typ(annot), c.typ(body)
	if at2 != nil && bt != nil {
		if at2 == bt {
			return
		}
		for _, a := range c.m.Ancestors(bt) {
			if a == at2 {
				return
			}
		}
	} else if !strings.EqualFold(shortName(annot), shortName(body)) {
		return // cannot tell whether one derives from the other
	}
	c.report(at, "odata-type", "", "the annotation's @odata.type %s differs from the body's %s (line %d); make them the same", annot, body, bodyLine)
}

// suggestType returns the documented type whose full name is closest to name.
func (c *checker) suggestType(name string) string {
	short := shortName(name)
	if ts := c.m.TypesNamed(short); len(ts) > 0 {
		return ts[0].FullName()
	}
	if c.lowerTypeNames == nil {
		c.lowerTypeNames = make([]string, len(c.m.Types))
		for i, t := range c.m.Types {
			c.lowerTypeNames[i] = strings.ToLower(t.Name)
		}
	}
	best, bestD := "", 3
	lower := strings.ToLower(short)
	for i, t := range c.m.Types {
		if d := editDistance(lower, c.lowerTypeNames[i], bestD); d < bestD {
			best, bestD = t.FullName(), d
		}
	}
	return best
}

// checkRequestBodyTable checks a create or update page's request-body table against the resource it sends:
// rows that are not properties of the resource or have another type there, and read-only properties offered
// on a create page.
func (c *checker) checkRequestBodyTable(pt *pageText, op *model.Operation) {
	rb := op.RequestBody
	if rb == nil || len(rb.Params) == 0 || rb.Kind == model.BodyParameters && !isCreateTitle(op.Title) {
		return
	}
	var t *model.Type
	if rb.Type != nil && !rb.Type.IsPrimitive() {
		t = c.m.LookupType(rb.Type.Name)
	}
	create := op.Method == "POST" && (rb.Kind == model.BodyType || isCreateTitle(op.Title))
	if c.opsByPage[op.Page][0] != op && samePage(c.opsByPage[op.Page], op) {
		return // the operations of one page share the table; check it once
	}
	names := []string(nil)
	if t != nil {
		names = c.propertyNames(t)
	}
	for _, p := range rb.Params {
		if c.groupLabelRow(p.Pos) {
			continue
		}
		var rp *model.Property
		if t != nil {
			rp = c.m.Property(t, p.Name)
			switch {
			case rp == nil && !c.isOpen(t) && c.definedOnDerived(t, p.Name) == nil && c.typesDocumented:
				c.report(p.Pos, "request-body-property", "", "%s is not a property of %s%s", p.Name, t.Name, didYouMean(closest(p.Name, names, 3)))
			case rp != nil && rp.Name != p.Name:
				c.report(p.Pos, "property-case", "", "%q differs in case from the property %s of %s; write %q", p.Name, rp.Name, t.Name, rp.Name)
			case rp != nil && p.Type.Resolved() && rp.Type.Resolved() && !sameTypeRef(p.Type, rp.Type):
				c.report(p.Type.Pos, "request-body-property", "", "%s is %s here but %s on the %s page; write %s", p.Name, p.Type.String(), rp.Type.String(), t.Name, displayType(rp.Type))
			}
		}
		if create && (!isIntune(op.Page) || c.opts.IntuneCreateTables) {
			c.checkReadOnlyInCreate(t, p, rp)
		}
	}
}

func samePage(ops []*model.Operation, op *model.Operation) bool {
	return len(ops) > 1 && ops[0].RequestBody == op.RequestBody
}

func isCreateTitle(title string) bool {
	l := strings.ToLower(strings.TrimSpace(title))
	return strings.HasPrefix(l, "create ") || strings.HasPrefix(l, "add ")
}

func sameTypeRef(a, b model.TypeRef) bool {
	if a.Collection != b.Collection {
		return false
	}
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	// Date and time spellings the docs use interchangeably for one wire format.
	return false
}

// displayType renders a type reference the way the docs write it in a type cell.
func displayType(r model.TypeRef) string {
	n := r.Name
	if r.IsPrimitive() {
		n = strings.TrimPrefix(n, "Edm.")
	} else {
		n = shortName(n)
	}
	if r.Collection {
		return n + " collection"
	}
	return n
}

// checkReadOnlyInCreate reports a read-only property offered in a create page's request-body table: the row
// says "Read-only", the resource page says so, or it is the key id, which the service assigns.
func (c *checker) checkReadOnlyInCreate(t *model.Type, p, rp *model.Property) {
	why := ""
	switch {
	case p.ReadOnly:
		why = "the row says it is read-only"
	case rp != nil && rp.ReadOnly:
		why = "the " + t.Name + " page says it is read-only"
	case strings.EqualFold(p.Name, "id") && !p.Required && !clientSuppliedID(p.Description):
		why = "the service assigns the id"
	default:
		return
	}
	if p.ReadOnly {
		// The row contradicts itself: the request takes it, the description says it cannot be set.
		c.report(p.Pos, "read-only-in-create", "", "%s is listed as settable on a create page, but the row says it is read-only; remove the row, or drop \"read-only\" from its description if the request takes it", p.Name)
		return
	}
	c.report(p.Pos, "read-only-in-create", "", "%s is listed as settable on a create page, but %s; remove the row", p.Name, why)
}

// clientSuppliedID reports whether an id row says the caller supplies it (some resources take the id on create).
func clientSuppliedID(desc string) bool {
	l := strings.ToLower(desc)
	for _, s := range []string{"required", "must", "specify", "specified by", "provide", "supplied", "assign", "unique name", "caller", "client", "locale", "you can", "set by"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// checkTypes runs the checks of resource pages: the Properties table against the JSON representation.
func (c *checker) checkTypes() {
	for _, t := range c.m.Types {
		for _, p := range t.Properties {
			c.checkAllowedValues(p)
		}
		if t.Representation == nil {
			continue
		}
		pt := c.textOf(t.Page)
		if pt == nil {
			continue
		}
		c.checkJSONSyntax(pt, t.Representation)
		c.checkTableJSON(pt, t)
	}
	for _, op := range c.m.Operations {
		if op.RequestBody != nil && samePage(c.opsByPage[op.Page], op) {
			for _, p := range op.RequestBody.Params {
				c.checkAllowedValues(p)
			}
		}
	}
}

// checkAllowedValues compares the values a property's description lists ("Possible values are: `a`, `b`") with
// the members of the enum its type cell names, documented elsewhere (an enum page or table): a listed value the
// enum lacks is one the two pages disagree on. (A description may list fewer values than the enum has.)
func (c *checker) checkAllowedValues(p *model.Property) {
	if len(p.AllowedValues) == 0 || p.Type.Kind != string(model.KindEnum) {
		return
	}
	et := c.typ(p.Type.Name)
	if et == nil || et.Kind != model.KindEnum || et.Source == model.SourceInlineValues || len(et.Members) == 0 || !namedAs(p.Type, et) {
		return
	}
	pt := c.textOf(p.Pos.File)
	if pt == nil {
		return
	}
	names := make([]string, 0, len(et.Members))
	for _, m := range et.Members {
		names = append(names, m.Name)
	}
	row := pt.line(p.Pos.Line)
	for _, v := range p.AllowedValues {
		// Only values in code spans: unquoted, the phrase may be prose ("valid values are described in the table").
		if et.Member(v) != nil || !strings.Contains(row, "`"+v+"`") {
			continue
		}
		at := pt.find(p.Pos.Line, "`"+v+"`", 1)
		c.report(at, "enum-list", "", "the description lists %q, which is not a member of %s (%s, at %s)%s; make the description and the enum agree",
			v, et.Name, memberList(names), displayPos(et.Pos), didYouMean(quotedOr(closest(v, names, 3))))
	}
}

// checkTableJSON compares a type's Properties table on its page with the JSON representation, both ways.
func (c *checker) checkTableJSON(pt *pageText, t *model.Type) {
	rep := t.Representation
	if rep.JSON == nil || rep.JSON.Kind != model.ValueObject || rep.Reconstructed || pt.page.Degraded {
		return
	}
	page := rep.Pos.File
	tableRows := 0
	for _, p := range t.Properties {
		if p.Source == model.FromTable && p.Pos.File == page {
			tableRows++
		}
	}
	if tableRows == 0 {
		return // no Properties table to compare with (missing-section reports that)
	}
	keys := map[string]model.Member{}
	lowKeys := map[string]model.Member{}
	for _, m := range rep.JSON.Members {
		keys[m.Key] = m
		lowKeys[strings.ToLower(m.Key)] = m
	}
	// JSON → table.
	var rows map[string]bool
	for _, p := range t.Properties {
		if p.Source != model.FromJSON || p.Pos.File != page || p.InheritedFrom != "" {
			continue
		}
		if c.inheritedFromAncestor(t, p.Name) {
			continue
		}
		if rows == nil {
			rows = rowNames(pt.page)
		}
		if rows[p.Name] {
			continue // a table under a subheading lists it ("### Indicator observables - network")
		}
		c.report(p.Pos, "table-json", "", "%s is in the JSON representation but not in the Properties table; add a row for it or remove it from the JSON", p.Name)
	}
	// Case-only differences, reported at the JSON key.
	for _, m := range rep.JSON.Members {
		if p := t.OwnProperty(m.Key); p != nil && p.Name != m.Key && p.Source == model.FromTable {
			c.report(model.Pos{File: page, Line: m.Line, Col: m.Col}, "property-case", "", "%q in the JSON representation differs in case from the table's %s; write %q", m.Key, p.Name, p.Name)
		}
	}
	// Table → JSON, unless the JSON is shortened or the annotation lists the property as optional.
	if rep.Truncated || elided(rep.JSON) || c.isOpen(t) && len(rep.JSON.Members) == 0 {
		return
	}
	optional := map[string]bool{}
	if t.Annotation != nil {
		if v := t.Annotation.Value.Get("optionalProperties"); v != nil {
			for _, it := range v.Items {
				optional[strings.ToLower(it.Text())] = true
			}
		}
	}
	for _, p := range t.Properties {
		if p.Source != model.FromTable || p.Pos.File != page || optional[strings.ToLower(p.Name)] || c.groupLabelRow(p.Pos) {
			continue
		}
		if _, ok := lowKeys[strings.ToLower(p.Name)]; ok {
			continue
		}
		c.report(p.Pos, "table-json", "", "%s is in the Properties table but not in the JSON representation; add \"%s\" to the JSON", p.Name, p.Name)
	}
}

// rowNames returns the names in the first cell of the rows of the page's tables of two columns or more.
func rowNames(p *model.Page) map[string]bool {
	out := map[string]bool{}
	for _, t := range p.Tables {
		if len(t.Header) < 2 {
			continue
		}
		for _, r := range t.Rows {
			if len(r.Cells) > 0 {
				out[cellName(r.Cells[0].Text)] = true
			}
		}
	}
	return out
}

// inheritedFromAncestor reports whether an ancestor of t declares name.
func (c *checker) inheritedFromAncestor(t *model.Type, name string) bool {
	for _, a := range c.m.Ancestors(t) {
		if a.OwnProperty(name) != nil {
			return true
		}
	}
	return false
}

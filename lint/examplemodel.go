package lint

// The checks of an example's JSON against the type it shows: unknown-property, property-case, value-type, value-format, enum-value.

import (
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates/support"
)

// checkExampleModel checks an example's JSON against the type it shows: properties the type does not define,
// values of the wrong JSON type or outside the enum, @odata.type annotations, and a single entity wrapped in
// "value".
func (c *checker) checkExampleModel(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.JSON == nil || ex.Reconstructed && ex.JSON.Kind != model.ValueObject {
		// The annotation still names a type (reports answer with CSV).
		c.checkODataTypes(pt, op, ex, model.ExampleSubject{})
		return
	}
	ty := c.typing(op, ex)
	s := ty.Subject
	c.checkODataTypes(pt, op, ex, s)
	if s.Type == nil && ex.JSON.Kind == model.ValueObject {
		c.checkUntypedDateTimes(pt, ex.JSON)
	}
	if a := ty.AnnotationMisfits; a != nil && ex.Annotation != nil {
		at := ex.Annotation.Pos
		if v := ex.Annotation.Value.Get("@odata.type"); v != nil && v.Line > 0 {
			at = model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}
		}
		c.report(at, "odata-type", "", "this response answers a request on another path than the page's, and only %d of its %d members are properties of %s, which the annotation's @odata.type names; name the type it shows, or, if it is %s, add the missing properties to its page",
			ty.Fit, ty.Members, a.Name, a.Name)
	}
	if a := ty.AnnotationContradicted; a != nil && ex.Annotation != nil {
		at := ex.Annotation.Pos
		if v := ex.Annotation.Value.Get("@odata.type"); v != nil && v.Line > 0 {
			at = model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}
		}
		named := "which the Response section names"
		if op != nil && op.Response.Type == nil {
			named = "the items of the collection the request creates in"
		}
		c.report(at, "odata-type", "", "the annotation's @odata.type %s is not what the example shows: its members are those of %s, %s; write \"@odata.type\": \"%s\"",
			a.FullName(), s.Type.Name, named, s.Type.FullName())
	}
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
			c.report(at, "value-wrapper", "", "the operation returns a single %s, but the example wraps it in \"value\" as for a collection; show the object itself, or, if the operation returns a collection, say so in the Response section", name)
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
	if ty.Params {
		if ex.JSON.Kind == model.ValueObject && c.typesDocumented {
			c.checkParameters(pt, op, ex.JSON)
		}
		return
	}
	if s.Type == nil {
		return
	}
	for _, inst := range s.Instances {
		c.checkObject(pt, inst, 0)
	}
}

// checkParameters checks an action's request body against its parameters table.
func (c *checker) checkParameters(pt *pageText, op *model.Operation, body *model.Value) {
	names := make([]string, 0, len(op.RequestBody.Params))
	for _, p := range op.RequestBody.Params {
		names = append(names, p.Name)
	}
	for _, m := range body.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		row, checked := c.parameterOf(op, m.Key)
		at := model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}
		if row == nil {
			near := closest(m.Key, names, 3)
			if checked != nil {
				near = "" // a property of the updated resource: the table may be what lacks it
			}
			c.report(at, "unknown-property", "", "the request body has %q, which is not a parameter in the Request body table%s", m.Key, bothWays(near, "the Request body table"))
		} else if row.Name != m.Key {
			// Both ways: the parameter tables of the older actions are often the side that is wrong (sendMail's
			// "Message" row against the page's "message" examples), and the docs cannot decide it.
			c.report(at, "property-case", "", "%q differs in case from the parameter %s (line %d); write %q here, or %q in the Request body table",
				m.Key, row.Name, row.Pos.Line, row.Name, m.Key)
		}
		if checked != nil {
			c.checkValue(pt, checked, m.Key, m.Value, 1)
		}
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

// checkObject checks the members of an object against the type the typing pass found for it.
func (c *checker) checkObject(pt *pageText, v *model.Value, depth int) {
	f, ok := c.objectType(v)
	if !ok || v.Kind != model.ValueObject || depth > maxDepth || f.Type == nil {
		return
	}
	t, declared := f.Type, f.Declared
	odataType := v.Get("@odata.type")
	// A property's value (depth > 0); the example's own @odata.type is checked against its annotation apart, and
	// a collection answer may mix types its annotation does not cover.
	if declared != nil && t != declared && !c.derivesFrom(t, declared) && !c.rowNamesType(f, t) {
		if f.NamedByDescription {
			c.reportUnstatedBase(t, declared, f)
		} else {
			c.report(model.Pos{File: pt.page.Path, Line: odataType.Line, Col: odataType.Col}, "odata-type", "",
				"@odata.type %s is neither %s, the type of this property, nor a type derived from it; name %s or one of its derived types, or, if %s derives from %s, name that base type on its page",
				t.FullName(), declared.FullName(), declared.Name, t.Name, declared.Name)
		}
	}
	reportedUntyped := false
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") || m.Key == "" {
			continue // instance and property annotations: @odata.context, manager@odata.bind
		}
		at := model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}
		p := c.m.Property(t, m.Key)
		if p == nil {
			if open, _ := c.openEvidence(t); open || support.IsDirectoryExtension(m.Key) {
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
			if listsRow(f.Rows, m.Key) {
				continue // the page's Request body table lists it: request-body-property reports the row
			}
			if m.Key == "id" && c.inheritedID(t, at) {
				continue // an entity's id, which its page does not say it inherits: entity-base-unstated asks there
			}
			hint := didYouMean(closest(m.Key, c.propertyNames(t), 3))
			if hint == "" {
				hint = unknownMemberHint(t) + c.typeClaimHint(f, t, v)
			}
			c.report(at, "unknown-property", "", "%s is not a property of %s%s", quoted(m.Key), t.Name, hint)
			continue
		}
		if p.Name != m.Key && !c.representationWrites(t, m.Key) {
			// The table may be the side that is wrong (innererror against Graph's innerError): both ways.
			c.report(at, "property-case", "", "%q differs in case from the property %s of %s; write %q here, or %q in the Properties table of %s", m.Key, p.Name, t.Name, p.Name, m.Key, t.Name)
		}
		c.checkValue(pt, p, m.Key, m.Value, depth+1)
	}
}

// isOpen reports whether instances of t may carry properties it does not declare (see openEvidence).
func (c *checker) isOpen(t *model.Type) bool {
	open, _ := c.openEvidence(t)
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
		for _, d := range c.derivedOf(x) {
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
			if v.Kind == model.ValueString && isPlaceholderValue(v.Str) || c.representationShowsSingle(p) {
				return
			}
			c.report(at, "value-type", "", "%s is a collection (%s) but the example gives a single %s; wrap the value in [ ], or, if it is a single value, correct its type in the table", key, p.Type.String(), v.Kind)
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
		c.report(at, "value-type", "", "%s is a single %s but the example gives an array; give one value, or, if it is a collection, write its type as one in the Properties table", key, shortName(p.Type.Name))
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
		if want, ok := primitiveAccepts(p.Type.Name, v); !ok && !c.representationContradicts(p, v) {
			c.report(at, "value-type", "", "%s is %s but the example gives a %s; write %s, or, if the table's type is wrong, correct it", key, p.Type.Name, v.Kind, want)
		} else if v.Kind == model.ValueString && p.Type.Name != "Edm.Stream" && !shortenedValue(v.Str) {
			// A stream's content is whatever its media type says (a OneNote page's HTML), not base64; a value
			// cut short on purpose ("MIIDYDCCAki...", a certificate) is the docs' convention, like "..." in a body.
			if err := support.CheckWireForm(p.Type.Name, v.Str); err != nil {
				c.report(at, "value-format", "", "%s is %s, but %v; write a value such as %s", key, p.Type.Name, err,
					exampleValueFor(strings.TrimPrefix(p.Type.Name, "Edm."), key, nil))
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
		c.checkEnumValue(at, t, p, v.Str)
	default:
		if t.FullName() == "microsoft.graph.Json" {
			return
		}
		if v.Kind != model.ValueObject {
			c.report(at, "value-type", "", "%s is a %s object but the example gives a %s; write a JSON object, or, if the table's type is wrong, correct it", key, t.Name, v.Kind)
			return
		}
		c.checkObject(pt, v, depth)
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

// checkEnumValue reports values that are not members of the enum (each part, for flags joined by commas). A
// value the property's own description lists as written is left alone: the docs then disagree with themselves
// (the row's "`green`" against the enum table's "Green"), which enum-list reports once, at the description.
func (c *checker) checkEnumValue(at model.Pos, t *model.Type, p *model.Property, val string) {
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
		case (m == nil || m.Name != part) && slices.Contains(p.AllowedValues, part):
		case m == nil:
			c.report(at, "enum-value", "", "%q is not a member of %s (%s)%s", part, t.Name, memberList(names), didYouMean(quotedOr(closest(part, names, 3))))
		case m.Name != part:
			// The service reads members case-insensitively; the docs should still spell them as defined.
			c.report(at, "enum-value", sevInfo, "%q differs in case from the member %s of %s; write %q, or, if %q is right, correct the member or the property's type", part, m.Name, t.Name, m.Name, part)
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

// dateTimeNoOffset is a date and time with no UTC offset ("2025-04-02T16:01:39").
var dateTimeNoOffset = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$`)

// checkUntypedDateTimes reports, in an example whose type no page documents, a member named as the docs name every
// DateTimeOffset property ("createdDateTime", "lastModifiedDateTime") whose value has no UTC offset: the type's page
// would say DateTimeOffset, and without it the value is ambiguous to a reader whatever the type.
func (c *checker) checkUntypedDateTimes(pt *pageText, v *model.Value) {
	for _, m := range v.Members {
		if m.Value == nil || m.Value.Kind != model.ValueString || len(m.Key) <= len("DateTime") || !strings.HasSuffix(m.Key, "DateTime") {
			continue
		}
		if dateTimeNoOffset.MatchString(m.Value.Str) {
			at := model.Pos{File: pt.page.Path, Line: m.Value.Line, Col: m.Value.Col}
			c.report(at, "value-format", "", "%s is a date and time with no UTC offset (%q); the docs' *DateTime properties are DateTimeOffset: write %q", m.Key, m.Value.Str, m.Value.Str+"Z")
		}
	}
}

// rowNamesType reports whether the table row that declares the property names t in its type cell beside the type
// the model took: call's mediaConfig is "[appHostedMediaConfig](…) or [serviceHostedMediaConfig](…)", and an
// example showing either is right.
func (c *checker) rowNamesType(f objectFact, t *model.Type) bool {
	if f.Property == nil || f.Property.Pos.Line == 0 {
		return false
	}
	page := c.m.Page(f.Property.Pos.File)
	if page == nil {
		return false
	}
	cells := strings.Split(c.text(page).line(f.Property.Pos.Line), "|")
	for _, cell := range cells[min(2, len(cells)):] { // past the name cell
		if strings.Contains(strings.ToLower(cell), "["+strings.ToLower(t.Name)+"]") {
			return true
		}
		break // the type cell only
	}
	return false
}

// shortenedValue reports whether a string value ends in an ellipsis: the start of a long value (a key, a token)
// that the page cut short on purpose.
func shortenedValue(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 3 && (strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…"))
}

// typeClaimHint is the third way to fix a member its type lacks, when only an @odata.type or the annotation said
// the object is of that type and few of its members fit it: the claim may be what is wrong (a teamsApp annotation on
// a teamsAppDefinition, a stray "@odata.type" at the top of a body).
func (c *checker) typeClaimHint(f objectFact, t *model.Type, v *model.Value) string {
	if f.Evidence != byAnnotation && f.Evidence != byODataType {
		return ""
	}
	if h, ok := c.claimHints[v]; ok {
		return h // asked again for each member the type lacks
	}
	h := ""
	if n := members([]*model.Value{v}); 2*c.fit(t, []*model.Value{v}) > n {
	} else if f.Evidence == byAnnotation {
		h = "; or, if the example shows another type, name it in the annotation's @odata.type"
	} else {
		h = "; or, if the object is of another type, correct its @odata.type"
	}
	c.claimHints[v] = h
	return h
}

package parser

// A request body that wraps an action's parameters in one named object: addPassword's Request body section says
// "provide an optional `passwordCredential` object with the following properties" over a table of that object's
// members, and its example sends {"passwordCredential": {"displayName": …}}. The service's schema agrees: the
// action has one parameter, passwordCredential. Read as rows, the body would send the members at the top level,
// which the service rejects (precision sample 12, #48).

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// wrapperPhrase is how a Request body section names the one object its table gives the members of: "an optional
// `passwordCredential` object with the following properties". Group 1 is whether it is optional or required,
// group 2 the object's name, markup included.
var wrapperPhrase = regexp.MustCompile("(?i)\\ban?\\s+(?:(optional|required)\\s+)?(\\[[^\\]]+\\](?:\\([^)]*\\)|\\[[^\\]]*\\])?|`[^`\\n]+`|\\*\\*[^*\\n]+\\*\\*|[A-Za-z][A-Za-z0-9_.]*)\\s+object\\s+with\\s+the\\s+following\\s+(?:properties|parameters)\\b")

// bodyWrapper is the object a Request body section's prose names as what its table describes.
type bodyWrapper struct {
	ref      *model.TypeRef // the object's type as the prose names it; ref.Name is also the parameter's name
	required bool
}

// proseWrappers finds the objects the Request body section's prose names, in the paragraphs above its first
// table ("a JSON object with the following parameters" is one, which no example wraps its members in).
func (p *pageReader) proseWrappers() []*bodyWrapper {
	var out []*bodyWrapper
	for _, b := range p.blocksIn(sectionRequestBody) {
		if b.kind == blockTable {
			break
		}
		if b.kind != blockParagraph || !strings.Contains(strings.ToLower(b.text), "following") {
			continue
		}
		for _, m := range wrapperPhrase.FindAllStringSubmatchIndex(b.text, -1) {
			raw := b.text[m[4]:m[5]]
			line := b.line + strings.Count(b.text[:m[4]], "\n")
			if r := p.refFromProse(raw, line); r != nil && r.Kind != model.KindPrimitive {
				out = append(out, &bodyWrapper{ref: r, required: m[2] >= 0 && strings.EqualFold(b.text[m[2]:m[3]], "required")})
			}
		}
	}
	return out
}

// unwrapBody makes body's parameters the one object the prose names, when all the evidence is there: the prose
// names it (proseWrappers), every request example of the operations that share body sends just that object (one
// member, annotations aside, of that name, whose value is an object; at least one example), no row is named
// after it, and at least half the members each example gives it are rows. The rows stay in the page's tables.
func (p *pageReader) unwrapBody(body *model.RequestBody, ops []*model.Operation) {
	if body == nil || body.Kind != model.BodyParameters || len(body.Params) == 0 || body.Type != nil {
		return
	}
	for _, w := range p.proseWrappers() {
		if rowNamed(body.Params, w.ref.Name) == nil && examplesWrap(body, ops, w.ref.Name) {
			body.Params = []*model.Property{{Name: w.ref.Name, Type: *w.ref, Required: w.required, Source: model.FromProse, Pos: w.ref.Pos}}
			return
		}
	}
}

// examplesWrap reports whether there is a request example among the operations that share body, and every one
// wraps the rows in an object named name.
func examplesWrap(body *model.RequestBody, ops []*model.Operation, name string) bool {
	seen := false
	for _, op := range ops {
		if op.RequestBody != body {
			continue
		}
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest || ex.JSON == nil {
				continue
			}
			if !wrapsRows(ex.JSON, name, body.Params) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// wrapsRows reports whether v is {name: {…}} (annotations aside) and at least half the inner object's members
// (annotations aside, at least one) are rows.
func wrapsRows(v *model.Value, name string, rows []*model.Property) bool {
	if v.Kind != model.ValueObject {
		return false
	}
	var inner *model.Value
	for _, m := range v.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		if inner != nil || !strings.EqualFold(m.Key, name) {
			return false
		}
		inner = m.Value
	}
	if inner == nil || inner.Kind != model.ValueObject {
		return false
	}
	n, known := 0, 0
	for _, m := range inner.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		n++
		if rowNamed(rows, m.Key) != nil {
			known++
		}
	}
	return n > 0 && 2*known >= n
}

// rowNamed returns the row named name, ignoring case, or nil.
func rowNamed(rows []*model.Property, name string) *model.Property {
	for _, r := range rows {
		if strings.EqualFold(r.Name, name) {
			return r
		}
	}
	return nil
}

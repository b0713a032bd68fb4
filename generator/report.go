package generator

import (
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// Report says what Generate could not resolve, so that the caller can tell the user: Generate itself prints nothing.
type Report struct {
	// Unresolved lists every place the generated code holds json.RawMessage because the docs name a type they do
	// not define (or, for a method, document no type at all), in the order of the docs' positions.
	Unresolved []Unresolved
}

// Unresolved is one field, answer or body that became json.RawMessage.
type Unresolved struct {
	Pos  model.Pos // where the docs reference the type (the property row, the Response section, the request body)
	Type string    // the type name as the docs write it; "" when they name none
	// Where is the Go declaration that holds json.RawMessage: "field User.Foo", "answer of GetX", "body of CreateX".
	Where string
}

// Kind is "field" or "method" (an answer or a body), for counting.
func (u Unresolved) Kind() string {
	if strings.HasPrefix(u.Where, "field ") {
		return "field"
	}
	return "method"
}

// Types is the number of distinct type names the docs reference without defining them.
func (r *Report) Types() int {
	names := map[string]bool{}
	for _, u := range r.Unresolved {
		if u.Type != "" {
			names[strings.ToLower(u.Type)] = true
		}
	}
	return len(names)
}

// Count is the number of unresolved places of a kind ("field" or "method").
func (r *Report) Count(kind string) int {
	n := 0
	for _, u := range r.Unresolved {
		if u.Kind() == kind {
			n++
		}
	}
	return n
}

// GenerateReport is Generate that also reports what it could not resolve.
func GenerateReport(m *model.Model, opts Options) (map[string][]byte, *Report, error) {
	p, err := newPlan(m, opts)
	if err != nil {
		return nil, nil, err
	}
	files, err := p.render()
	if err != nil {
		return nil, nil, err
	}
	for name := range files {
		if err := checkFileName(name); err != nil {
			return nil, nil, err
		}
	}
	return files, p.report(), nil
}

// report walks the plan for json.RawMessage that stands for a type the docs do not resolve. A property the docs
// type as JSON on purpose (microsoft.graph.Json) or overridden to another Go type is not unresolved.
func (p *plan) report() *Report {
	r := &Report{}
	for _, ti := range p.ordered {
		if ti.t == nil || ti.spec == nil {
			continue
		}
		byJSON := map[string]*templates.Field{}
		for _, f := range ti.spec.Fields {
			byJSON[f.JSON] = f
		}
		for _, list := range [][]*model.Property{ti.t.Properties, ti.t.NavigationProperties} {
			for _, prop := range list {
				f := byJSON[prop.Name]
				if f == nil || prop.Type.Resolved() || prop.Type.Name == "" || !holdsRaw(f.Type) {
					continue
				}
				r.Unresolved = append(r.Unresolved, Unresolved{Pos: refPos(prop.Type, prop.Pos), Type: prop.Type.Name,
					Where: "field " + ti.goName + "." + f.Name})
			}
		}
	}
	for op, spec := range p.specOf {
		if spec.Result.Kind == templates.ResultJSON && holdsRaw(spec.Result.Type) {
			u := Unresolved{Pos: op.Response.Pos, Where: "answer of " + spec.Name}
			if ref := op.Response.Type; ref != nil {
				u.Type, u.Pos = ref.Name, refPos(*ref, op.Response.Pos)
			}
			if u.Pos.IsZero() {
				u.Pos = op.Pos
			}
			r.Unresolved = append(r.Unresolved, u)
		}
		if spec.Body != nil && spec.Body.Kind == templates.BodyJSON && holdsRaw(spec.Body.Type) {
			u := Unresolved{Pos: op.Pos, Where: "body of " + spec.Name}
			if rb := op.RequestBody; rb != nil && rb.Type != nil {
				u.Type, u.Pos = rb.Type.Name, refPos(*rb.Type, op.Pos)
			}
			r.Unresolved = append(r.Unresolved, u)
		}
	}
	sort.Slice(r.Unresolved, func(i, j int) bool {
		a, b := r.Unresolved[i], r.Unresolved[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		return a.Where < b.Where
	})
	return r
}

func refPos(ref model.TypeRef, fallback model.Pos) model.Pos {
	if !ref.Pos.IsZero() {
		return ref.Pos
	}
	return fallback
}

// holdsRaw reports whether t is json.RawMessage, or a pointer, slice, Optional, Collection or Single of it.
func holdsRaw(t *templates.Type) bool {
	for ; t != nil; t = t.Elem {
		if t == rawJSON || t.Kind == templates.TypeNamed && t.Path == "encoding/json" && t.Name == "RawMessage" {
			return true
		}
	}
	return false
}

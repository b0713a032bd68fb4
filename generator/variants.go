package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// planVariants gives each documented path of an operation other than the one its client method calls a client
// method of its own, named after the operation and what sets the path apart ("UserListEventsAtMe" for
// /me/events beside /users/{id}/events), with that path's arguments. Paths that differ only in parameter names are
// one path.
func (p *plan) planVariants(spec *templates.Operation, op *model.Operation, canonical *model.Path) error {
	key := func(path *model.Path) string { return model.RouteShape(path.Template) + "?" + path.Query }
	seen := map[string]string{key(canonical): spec.Name}
	for _, path := range op.Paths {
		if name, ok := seen[key(path)]; ok {
			p.clientOf[path] = name
			continue
		}
		tmp := &templates.Operation{}
		if err := p.planPaths(tmp, op, path); err != nil {
			return err
		}
		line := spec.Method + " " + normalizeTemplate(path.Template)
		if path.Query != "" {
			line += "?" + path.Query
		}
		v := &templates.Variant{
			Name:   p.methods.claim(spec.Name + "At" + variantSuffix(canonical, path)),
			Path:   tmp.Path,
			Query:  tmp.Query,
			Params: tmp.Params,
		}
		v.Doc = v.Name + " is " + spec.Name + " at another documented path:\n\n  " + strings.Join(strings.Fields(line), " ")
		spec.Variants = append(spec.Variants, v)
		seen[key(path)], p.clientOf[path] = v.Name, v.Name
	}
	return nil
}

// variantSuffix names what sets a path apart from the canonical one: its named segments as written, without those
// the two paths end with alike (/me/calendars/{id}/events beside /users/{id}/events → MeCalendars, and
// /me/calendar/events → MeCalendar).
func variantSuffix(canonical, variant *model.Path) string {
	cw, vw := segmentWords(canonical.Template), segmentWords(variant.Template)
	for len(cw) > 0 && len(vw) > 1 && strings.EqualFold(cw[len(cw)-1], vw[len(vw)-1]) {
		cw, vw = cw[:len(cw)-1], vw[:len(vw)-1]
	}
	var b strings.Builder
	for _, w := range vw {
		b.WriteString(exportedName(w))
	}
	if b.Len() == 0 {
		return "Path"
	}
	return b.String()
}

// segmentWords returns the named segments of a template: a function or cast segment by its last dotted name
// (microsoft.graph.delta() → delta).
func segmentWords(template string) []string {
	t, _, _ := strings.Cut(normalizeTemplate(template), "?")
	var words []string
	for _, seg := range strings.Split(t, "/") {
		if strings.HasPrefix(seg, "{") || strings.HasPrefix(seg, "<") {
			continue
		}
		if i := strings.IndexAny(seg, "({:'<"); i >= 0 {
			seg = seg[:i]
		}
		seg = strings.TrimPrefix(seg, "$")
		if i := strings.LastIndexByte(seg, '.'); i >= 0 {
			seg = seg[i+1:]
		}
		if seg != "" {
			words = append(words, seg)
		}
	}
	return words
}

package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// planVariants gives each documented path of an operation other than the one its client method calls a client
// method of its own, named after the operation and what sets the path apart ("ListUserEventsAtMe" for
// /me/events beside /users/{id}/events; see variantNames), with that path's arguments. Paths that differ only in
// parameter names are one path.
func (p *plan) planVariants(spec *templates.Operation, op *model.Operation, canonical *model.Path) error {
	keys := make(map[*model.Path]string, len(op.Paths)+1) // each path's shape, worked out once
	key := func(path *model.Path) string {
		k, ok := keys[path]
		if !ok {
			k = model.RouteShape(path.Template) + "?" + path.Query
			keys[path] = k
		}
		return k
	}
	seen := map[string]bool{key(canonical): true}
	var paths []*model.Path
	for _, path := range op.Paths {
		if k := key(path); !seen[k] {
			seen[k] = true
			paths = append(paths, path)
		}
	}
	names := p.variantNames(spec.Name+"At", canonical, paths)
	byKey := map[string]string{key(canonical): spec.Name}
	for i, path := range paths {
		tmp := &templates.Operation{}
		if err := p.planPaths(tmp, op, path); err != nil {
			return err
		}
		line := spec.Method + " " + normalizeTemplate(path.Template)
		if path.Query != "" {
			line += "?" + path.Query
		}
		v := &templates.Variant{
			Name:   p.methods.claim(names[i]),
			Path:   tmp.Path,
			Query:  tmp.Query,
			Params: tmp.Params,
		}
		v.Doc = v.Name + " is " + spec.Name + " at another documented path:\n\n  " + strings.Join(strings.Fields(line), " ")
		spec.Variants = append(spec.Variants, v)
		byKey[key(path)] = v.Name
	}
	for _, path := range op.Paths {
		p.clientOf[path] = byKey[key(path)]
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

// variantNames names the path variants of one operation: prefix and the path's named segments (variantSuffix). Paths
// that want one name — or one another method has — all take the next of: the same with the keys of the query string
// (GetUserManagerAtMeWithExpand for /me?$expand=manager beside /me/manager), then with the argument names of its
// function segments (GetChartImageAtMeWidthHeight for …/image(width=640,height=480)), then every named segment of
// the path instead of those that differ from the canonical path's end (…AtMeMailFoldersMessagesWithFilter), then
// its parameters (GetUserPhotoValueAtMePhotosBySize for /me/photos/{size}/$value). Only paths alike in all of these
// get a number (when claimed).
func (p *plan) variantNames(prefix string, canonical *model.Path, paths []*model.Path) []string {
	candidates := make([][]string, len(paths))
	for i, path := range paths {
		candidates[i] = variantCandidates(prefix, canonical, path)
	}
	level := make([]int, len(paths))
	name := func(i int) string { return candidates[i][min(level[i], len(candidates[i])-1)] }
	for {
		byName := map[string][]int{}
		for i := range paths {
			byName[name(i)] = append(byName[name(i)], i)
		}
		changed := false
		for n, is := range byName {
			if len(is) < 2 && !p.methods.taken(n) {
				continue
			}
			for _, i := range is {
				if level[i] < len(candidates[i])-1 {
					level[i]++
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	out := make([]string, len(paths))
	for i := range paths {
		out[i] = name(i)
	}
	return out
}

func variantCandidates(prefix string, canonical, path *model.Path) []string {
	var query, args, params, full strings.Builder
	if path.Query != "" {
		query.WriteString("With")
		for _, pair := range strings.Split(path.Query, "&") {
			key, _, _ := strings.Cut(pair, "=")
			query.WriteString(exportedName(strings.TrimPrefix(unescapeQuery(key), "$")))
		}
	}
	t, _, _ := strings.Cut(normalizeTemplate(path.Template), "?")
	for _, seg := range strings.Split(t, "/") {
		_, inner, call := strings.Cut(seg, "(")
		if !call {
			continue
		}
		for _, arg := range strings.Split(strings.TrimSuffix(inner, ")"), ",") {
			if key, _, ok := strings.Cut(arg, "="); ok {
				args.WriteString(exportedName(key))
			}
		}
	}
	for _, prm := range paramNames(t) {
		if params.Len() == 0 {
			params.WriteString("By")
		}
		params.WriteString(exportedName(prm))
	}
	for _, w := range segmentWords(path.Template) {
		full.WriteString(exportedName(w))
	}
	short := prefix + variantSuffix(canonical, path)
	out := []string{short}
	add := func(s string) {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	add(short + query.String())
	add(short + query.String() + args.String())
	add(prefix + full.String() + query.String() + args.String())
	add(prefix + full.String() + query.String() + args.String() + params.String())
	return out
}

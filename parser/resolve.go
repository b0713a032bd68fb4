package parser

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/graphdocgen/graphdocgen/model"
)

// resolver links what pages say about each other: type references, base types, inherited properties, inline
// enums and permission includes.
type resolver struct {
	m       *model.Model
	fsys    fs.FS
	byFull  map[string]*model.Type   // lower-case full name
	byShort map[string][]*model.Type // lower-case short name
	byPage  map[string][]*model.Type // page path → types it defines, in page order
	pageNS  map[string]string
	diags   []model.Diagnostic
	// hasMethods marks types whose page lists methods.
	hasMethods map[*model.Type]bool
	// suggestions remembers the closest documented name of each unresolved short name: the same unknown name is
	// often written on many pages, and finding the closest compares it with every type.
	suggestions map[string]string
	lowBuf      []byte // scratch space of typeNamed and lookup
	nameBuf     []byte // scratch space of lookup
	distRows    []int  // scratch space of editDistance
}

// typeNamed returns the type of a full name in any case, or nil.
func (r *resolver) typeNamed(fullName string) *model.Type {
	r.lowBuf = model.AppendLower(r.lowBuf[:0], fullName)
	return r.byFull[string(r.lowBuf)] // the conversion in an index expression does not allocate
}

var sourceRank = map[model.TypeSource]int{
	model.SourceResourcePage: 4, model.SourceEnumPage: 3, model.SourceEnumTable: 2, model.SourceInlineValues: 1,
}

func resolve(results []*pageResult, fsys fs.FS) *model.Model {
	// The maps are sized for the pages up front: grown entry by entry, they are rehashed a dozen times.
	r := &resolver{
		m: &model.Model{Pages: make([]*model.Page, 0, len(results))}, fsys: fsys,
		byFull: make(map[string]*model.Type, len(results)), byShort: make(map[string][]*model.Type, len(results)),
		byPage: make(map[string][]*model.Type, len(results)), pageNS: make(map[string]string, len(results)),
	}
	baseHints := map[*model.Type][]string{}
	r.hasMethods = map[*model.Type]bool{}
	for _, res := range results {
		if res == nil {
			continue
		}
		r.m.Pages = append(r.m.Pages, res.page)
		r.m.Diagnostics = append(r.m.Diagnostics, res.diags...)
		r.m.Operations = append(r.m.Operations, res.ops...)
		if res.page.Namespace != nil {
			r.pageNS[res.page.Path] = strings.TrimSpace(res.page.Namespace.Text)
		}
		for t, h := range res.baseHints {
			baseHints[t] = h
		}
		for t := range res.hasMethods {
			r.hasMethods[t] = true
		}
		for _, t := range res.types {
			r.addType(t)
		}
	}
	r.inlineEnums()
	// The references of types and those of operations are distinct (operations of one page share theirs), and
	// the maps they are looked up in no longer change: the operations' are resolved at once by a second
	// resolver with scratch space and diagnostics of its own, joined after the types' in the same order.
	ops := r.fork()
	done := make(chan struct{})
	go func() {
		defer close(done)
		ops.operationRefs()
	}()
	r.typeRefs()
	<-done
	r.diags = append(r.diags, ops.diags...)
	r.baseTypes(baseHints)
	r.derivedListBases()
	r.kinds()
	r.entityBases()
	r.inheritance()
	r.fillKinds()
	// Flags from examples only set Flags on enums, which nothing after reads, and reads nothing they change but
	// the order of the operations, of which it walks a copy: it runs while the model is sorted and indexed.
	flags := r.fork()
	flagsDone := make(chan struct{})
	go func() {
		defer close(flagsDone)
		flags.flagsFromExamples(slices.Clone(r.m.Operations))
	}()
	r.permissionIncludes()
	r.m.Diagnostics = append(r.m.Diagnostics, r.diags...)
	r.m.Sort()
	r.m.Reindex()
	<-flagsDone
	return r.m
}

// fork returns a resolver that looks types up in r's maps, with scratch space, remembered suggestions and
// diagnostics of its own. r's maps must not change while it is used.
func (r *resolver) fork() *resolver {
	f := *r
	f.diags, f.suggestions, f.lowBuf, f.nameBuf, f.distRows = nil, nil, nil, nil, nil
	return &f
}

// typeRefs resolves the types of the properties of every type.
func (r *resolver) typeRefs() {
	for _, t := range r.m.Types {
		for _, p := range t.Properties {
			r.ref(&p.Type, t.Page, t.Namespace)
		}
		for _, p := range t.NavigationProperties {
			r.ref(&p.Type, t.Page, t.Namespace)
		}
	}
}

// operationRefs resolves the types an operation names: its request body and parameters, its response, and the
// parameters of its paths.
func (r *resolver) operationRefs() {
	for _, op := range r.m.Operations {
		ns := r.pageNS[op.Page]
		if op.RequestBody != nil {
			if op.RequestBody.Type != nil {
				r.ref(op.RequestBody.Type, op.Page, ns)
			}
			for _, p := range op.RequestBody.Params {
				r.ref(&p.Type, op.Page, ns)
			}
		}
		if op.Response.Type != nil {
			r.ref(op.Response.Type, op.Page, ns)
		}
		for _, pth := range op.Paths {
			for i := range pth.Params {
				r.ref(&pth.Params[i].Type, op.Page, ns)
			}
		}
	}
}

func (r *resolver) diag(pos model.Pos, sev model.Severity, rule, msg string) {
	r.diags = append(r.diags, model.Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: msg})
}

// addType registers a type; when two pages define the same name, the stronger source wins (a resource page over
// an enum page over an enum table over an inline list) and a duplicate of equal rank is reported.
func (r *resolver) addType(t *model.Type) {
	key := strings.ToLower(t.FullName())
	if old, ok := r.byFull[key]; ok {
		switch {
		case sourceRank[t.Source] > sourceRank[old.Source]:
			r.replaceType(old, t)
		case sourceRank[t.Source] == sourceRank[old.Source] && t.Kind == model.KindEnum && old.Kind == model.KindEnum:
			if !sameMembers(old, t) {
				r.diag(t.Pos, model.SeverityWarning, "duplicate-type", fmt.Sprintf("enum %s is also documented at %s with different members", t.FullName(), old.Pos))
			}
		case t.Source == model.SourceResourcePage && old.Source == model.SourceResourcePage:
			r.mergeSplitType(old, t)
		case sourceRank[t.Source] == sourceRank[old.Source]:
			r.diag(t.Pos, model.SeverityWarning, "duplicate-type", fmt.Sprintf("type %s is also documented at %s; this definition is ignored", t.FullName(), old.Pos))
		}
		return
	}
	r.byFull[key] = t
	short := strings.ToLower(t.Name)
	r.byShort[short] = append(r.byShort[short], t)
	r.byPage[t.Page] = append(r.byPage[t.Page], t)
	r.m.Types = append(r.m.Types, t)
}

func (r *resolver) replaceType(old, t *model.Type) {
	key := strings.ToLower(t.FullName())
	r.byFull[key] = t
	short := strings.ToLower(t.Name)
	for i, x := range r.byShort[short] {
		if x == old {
			r.byShort[short][i] = t
		}
	}
	for i, x := range r.byPage[old.Page] {
		if x == old {
			r.byPage[old.Page] = append(r.byPage[old.Page][:i], r.byPage[old.Page][i+1:]...)
			break
		}
	}
	r.byPage[t.Page] = append(r.byPage[t.Page], t)
	for i, x := range r.m.Types {
		if x == old {
			r.m.Types[i] = t
		}
	}
}

// mergeSplitType joins two resource pages that document the same type. Graph splits some types across pages
// (user.md and intune-devices-user.md each list part of user); the page named after the type is the main one,
// and the other contributes the properties the main page lacks.
func (r *resolver) mergeSplitType(old, t *model.Type) {
	main, part := old, t
	if mainPageScore(t) > mainPageScore(old) {
		main, part = t, old
		r.replaceType(old, t)
	}
	for _, p := range part.Properties {
		if main.OwnProperty(p.Name) == nil {
			main.Properties = append(main.Properties, p)
		}
	}
	for _, p := range part.NavigationProperties {
		if main.OwnProperty(p.Name) == nil {
			main.NavigationProperties = append(main.NavigationProperties, p)
		}
	}
	if main.BaseType == "" && part.BaseType != "" {
		main.BaseType, main.BasePos, main.BaseSource, main.BaseLink = part.BaseType, part.BasePos, part.BaseSource, part.BaseLink
	}
	if len(main.Key) == 0 {
		main.Key = part.Key
	}
	main.Open = main.Open || part.Open
	r.diag(part.Pos, model.SeverityInfo, "split-type", fmt.Sprintf("type %s is documented in parts; its main page is %s", t.FullName(), main.Page))
}

// mainPageScore ranks the pages of a split type: the page named after the type, then a non-Intune page, then
// the page with more properties.
func mainPageScore(t *model.Type) int {
	base := strings.ToLower(path.Base(t.Page))
	score := len(t.Properties) + len(t.NavigationProperties)
	if strings.TrimSuffix(base, ".md") == strings.ToLower(t.Name) {
		score += 100000
	}
	if !strings.HasPrefix(base, "intune-") {
		score += 10000
	}
	return score
}

func sameMembers(a, b *model.Type) bool {
	if len(a.Members) != len(b.Members) {
		return false
	}
	for i := range a.Members {
		if !strings.EqualFold(a.Members[i].Name, b.Members[i].Name) {
			return false
		}
	}
	return true
}

// lookup finds a type by a name as written: full name, "graph." alias, or short name (the page's namespace first).
func (r *resolver) lookup(name, ns string) *model.Type {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	// The lowered name lives in a scratch buffer until the next lookup: nothing below keeps it.
	r.nameBuf = model.AppendLower(r.nameBuf[:0], name)
	low := unsafe.String(unsafe.SliceData(r.nameBuf), len(r.nameBuf))
	if t := r.byFull[low]; t != nil {
		return t
	}
	if rest, ok := strings.CutPrefix(low, "graph."); ok {
		r.lowBuf = append(append(r.lowBuf[:0], "microsoft.graph."...), rest...)
		if t := r.byFull[string(r.lowBuf)]; t != nil {
			return t
		}
	}
	if ns != "" {
		r.lowBuf = append(append(model.AppendLower(r.lowBuf[:0], ns), '.'), low...)
		if t := r.byFull[string(r.lowBuf)]; t != nil {
			return t
		}
	}
	short := low
	if i := strings.LastIndexByte(low, '.'); i >= 0 {
		short = low[i+1:]
	}
	cands := r.byShort[short]
	switch len(cands) {
	case 0:
		return nil
	case 1:
		return cands[0]
	}
	// Several namespaces define the name: prefer the page's namespace, then an exact-case match.
	for _, c := range cands {
		if strings.EqualFold(c.Namespace, ns) {
			return c
		}
	}
	for _, c := range cands {
		if c.Name == name {
			return c
		}
	}
	return cands[0]
}

// byLink finds the type a link in a type cell points at: the type of the linked page named like the label, or
// the page's only (or first) type; an in-page anchor ("#agegroup-values") names a section of the same page.
func (r *resolver) byLink(link, label, page string) *model.Type {
	target, anchor, _ := strings.Cut(link, "#")
	if strings.Contains(target, "://") || strings.HasPrefix(target, "/") {
		return nil
	}
	var pagePath string
	if target == "" {
		pagePath = page
	} else {
		pagePath = path.Join(path.Dir(page), target)
	}
	types := r.byPage[pagePath]
	if len(types) == 0 {
		// Links are often wrong in case only.
		for p, ts := range r.byPage {
			if strings.EqualFold(p, pagePath) {
				types = ts
				break
			}
		}
	}
	short := strings.ToLower(shortName(label))
	for _, t := range types {
		if strings.ToLower(t.Name) == short {
			return t
		}
	}
	if anchor != "" {
		for _, t := range types {
			if anchorOf(t.Name+" values") == strings.ToLower(anchor) {
				return t
			}
		}
	}
	if target != "" && len(types) > 0 {
		return types[0]
	}
	return nil
}

// linksAway reports whether a link points at another page than t's: "[shared](insights-shared.md)" names the
// page of sharedInsight, though a driveItem facet is called shared.
func (r *resolver) linksAway(link, page string, t *model.Type) bool {
	target, _, _ := strings.Cut(link, "#")
	if target == "" || strings.Contains(target, "://") || strings.HasPrefix(target, "/") {
		return false
	}
	return !strings.EqualFold(path.Join(path.Dir(page), target), t.Page)
}

// abbreviates reports whether a label is a short form of a type's name ("shared" for sharedInsight): a label
// that is another type's full name is more likely right than its link.
func abbreviates(label, name string) bool {
	l, n := strings.ToLower(shortName(label)), strings.ToLower(name)
	return len(l) < len(n) && strings.Contains(n, l)
}

// ref resolves a type reference in place; what does not resolve is reported at the reference.
func (r *resolver) ref(ref *model.TypeRef, page, ns string) {
	if ref == nil || ref.Name == "" || ref.Kind == model.KindPrimitive {
		return
	}
	t := r.lookup(ref.Name, ns)
	if ref.Link != "" {
		if lt := r.byLink(ref.Link, ref.Name, page); t == nil || lt != nil && lt != t && r.linksAway(ref.Link, page, t) && abbreviates(ref.Name, lt.Name) {
			t = lt
		}
	}
	if t == nil {
		pos := ref.Pos
		if pos.IsZero() {
			pos = model.Pos{File: page, Line: 1}
		}
		msg := fmt.Sprintf("type %s is not documented by any page", ref.Name)
		if s := r.suggest(ref.Name); s != "" {
			// Either side may be the typo: the reference, or the name the other page gives its type.
			msg += "; did you mean " + s + "? (or, if " + ref.Name + " is right, correct the name on " + s + "'s page)"
		}
		r.diag(pos, model.SeverityWarning, "unresolved-type", msg)
		return
	}
	ref.Name = t.FullName()
}

// suggest returns the documented type whose name is closest to name, if it is close.
func (r *resolver) suggest(name string) string {
	short := strings.ToLower(shortName(name))
	if s, ok := r.suggestions[short]; ok {
		return s
	}
	best, bestD := "", 3
	if len(short) < 5 {
		bestD = 2
	}
	for k, ts := range r.byShort {
		// Maps are walked in random order: of equally close names, take the first by name, so that the message
		// does not change from run to run.
		var d int
		d, r.distRows = editDistance(short, k, bestD+1, r.distRows)
		if d < bestD || d == bestD && best != "" && ts[0].FullName() < best {
			best, bestD = ts[0].FullName(), d
		}
	}
	if r.suggestions == nil {
		r.suggestions = map[string]string{}
	}
	r.suggestions[short] = best
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is at least limit. rows is scratch
// space, returned for the next call.
func editDistance(a, b string, limit int, rows []int) (int, []int) {
	if abs(len(a)-len(b)) >= limit {
		return limit, rows
	}
	if cap(rows) < 2*(len(b)+1) {
		rows = make([]int, 2*(len(b)+1))
	}
	prev, cur := rows[:len(b)+1], rows[len(b)+1:2*(len(b)+1)]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit, rows
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit), rows
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// inlineEnums creates enum types for properties typed by a name no page documents but whose description lists
// the values ("Possible values are: `a`, `b`"). Lists for the same name on several pages are merged in order.
func (r *resolver) inlineEnums() {
	type pending struct {
		t      *model.Type
		values []string
	}
	created := map[string]*model.Type{}
	var order []string
	visit := func(p *model.Property, page, ns string) {
		if p.Type.Kind == model.KindPrimitive || p.Type.Name == "" || len(p.AllowedValues) == 0 {
			return
		}
		if r.lookup(p.Type.Name, ns) != nil {
			return
		}
		if p.Type.Link != "" && r.byLink(p.Type.Link, p.Type.Name, page) != nil {
			return
		}
		tns, name := splitName(p.Type.Name)
		if tns == "" {
			tns = ns
		}
		if tns == "" {
			tns = "microsoft.graph"
		}
		if !isIdentifier(name) {
			return
		}
		key := strings.ToLower(tns + "." + name)
		t := created[key]
		if t == nil {
			t = &model.Type{Kind: model.KindEnum, Namespace: tns, Name: name, Page: page, Pos: p.Pos, Source: model.SourceInlineValues}
			created[key] = t
			order = append(order, key)
		}
		for _, v := range p.AllowedValues {
			if t.Member(v) == nil {
				t.Members = append(t.Members, &model.EnumMember{Name: v, Pos: p.Pos})
			}
		}
		if strings.Contains(strings.ToLower(p.Description), "flag") {
			t.Flags = true
		}
	}
	for _, t := range r.m.Types {
		for _, p := range t.Properties {
			visit(p, t.Page, t.Namespace)
		}
	}
	for _, op := range r.m.Operations {
		if op.RequestBody != nil {
			for _, p := range op.RequestBody.Params {
				visit(p, op.Page, r.pageNS[op.Page])
			}
		}
	}
	for _, key := range order {
		t := created[key]
		markEnum(t, "")
		r.addType(t)
	}
}

// baseTypes resolves base types; types with none stated take the one their "Inherited from" rows name.
func (r *resolver) baseTypes(hints map[*model.Type][]string) {
	for _, t := range r.m.Types {
		if t.Kind == model.KindEnum {
			continue
		}
		if t.BaseType == "" {
			if h := hints[t]; len(h) > 0 {
				t.BaseType = r.nearestHint(t, h)
				t.BaseSource = model.BaseFromInheritedRows
				for _, p := range t.Properties {
					if p.InheritedFrom != "" {
						t.BasePos = p.Pos
						break
					}
				}
			}
		}
		if t.BaseType == "" {
			continue
		}
		b := r.lookup(t.BaseType, t.Namespace)
		if b == nil && t.BaseLink != "" && t.BaseLink != "#" {
			b = r.byLink(t.BaseLink, t.BaseType, t.Page)
		}
		if b == nil {
			r.diag(orPos(t.BasePos, t.Pos), model.SeverityWarning, "unresolved-base-type", fmt.Sprintf("base type %s of %s is not documented by any page", t.BaseType, t.Name))
			continue
		}
		if b == t {
			r.diag(orPos(t.BasePos, t.Pos), model.SeverityError, "base-type-cycle", fmt.Sprintf("%s names itself as its base type", t.Name))
			t.BaseType, t.BaseSource = "", ""
			continue
		}
		t.BaseType = b.FullName()
	}
	// Cycles through several types.
	for _, t := range r.m.Types {
		seen := map[*model.Type]bool{t: true}
		for b := r.typeNamed(t.BaseType); b != nil; b = r.typeNamed(b.BaseType) {
			if seen[b] {
				r.diag(orPos(t.BasePos, t.Pos), model.SeverityError, "base-type-cycle", fmt.Sprintf("the base types of %s form a cycle", t.Name))
				t.BaseType, t.BaseSource = "", ""
				break
			}
			seen[b] = true
		}
	}
}

// nearestHint picks, among the types "Inherited from" rows name, the most derived one: the one that is not an
// ancestor of another hint.
func (r *resolver) nearestHint(t *model.Type, hints []string) string {
	uniq := map[string]*model.Type{}
	var names []string
	for _, h := range hints {
		ht := r.lookup(h, t.Namespace)
		if ht == nil || ht == t {
			continue
		}
		if _, ok := uniq[ht.FullName()]; !ok {
			uniq[ht.FullName()] = ht
			names = append(names, ht.FullName())
		}
	}
	if len(names) == 0 {
		return ""
	}
	sort.Strings(names)
	for _, n := range names {
		cand := uniq[n]
		isAncestorOfOther := false
		for _, o := range names {
			if o == n {
				continue
			}
			for b := r.byFull[strings.ToLower(uniq[o].BaseType)]; b != nil; b = r.typeNamed(b.BaseType) {
				if b == cand {
					isAncestorOfOther = true
					break
				}
				if b.BaseType == "" || strings.EqualFold(b.BaseType, uniq[o].FullName()) {
					break
				}
			}
		}
		if !isAncestorOfOther {
			return n
		}
	}
	return names[0]
}

func orPos(p, fallback model.Pos) model.Pos {
	if p.IsZero() {
		return fallback
	}
	return p
}

// kinds decides entity versus complex. A key makes an entity; so do methods on its page, relationships of its
// own, being the target of another type's relationship, and a base type that is an entity.
func (r *resolver) kinds() {
	navTargets := map[*model.Type]bool{}
	for _, t := range r.m.Types {
		for _, p := range t.NavigationProperties {
			if nt := r.typeNamed(p.Type.Name); nt != nil {
				navTargets[nt] = true
			}
		}
	}
	for _, t := range r.m.Types {
		if t.Kind == model.KindComplex && (r.hasMethods[t] || len(t.NavigationProperties) > 0 || navTargets[t]) {
			t.Kind = model.KindEntity
		}
	}
	changed := true
	for changed {
		changed = false
		for _, t := range r.m.Types {
			if t.Kind != model.KindComplex {
				continue
			}
			if len(t.Key) > 0 || strings.EqualFold(t.FullName(), "microsoft.graph.entity") {
				t.Kind = model.KindEntity
				changed = true
				continue
			}
			if b := r.typeNamed(t.BaseType); b != nil && b.Kind == model.KindEntity {
				t.Kind = model.KindEntity
				changed = true
			}
		}
	}
}

// entityBases gives an entity type with no stated base the root type "entity" of its namespace (or of
// microsoft.graph) when it has an id property: in Graph every entity with an id key derives from entity, which
// declares id, and the docs rarely say so.
func (r *resolver) entityBases() {
	for _, t := range r.m.Types {
		if t.Kind != model.KindEntity || t.BaseType != "" || strings.EqualFold(t.Name, "entity") || t.OwnProperty("id") == nil {
			continue
		}
		root := r.typeNamed(t.Namespace + ".entity")
		if root == nil {
			root = r.byFull["microsoft.graph.entity"]
		}
		if root == nil || root == t || root.Kind != model.KindEntity || root.OwnProperty("id") == nil {
			continue
		}
		// Nothing on a page states it: BasePos stays zero, and findings about the base point at the type.
		t.BaseType, t.BaseSource = root.FullName(), model.BaseFromConvention
		t.BaseReason = fmt.Sprintf("an entity keyed by id (%s) with no stated base derives from %s by the docs' convention", orPos(t.OwnProperty("id").Pos, t.Pos), root.Name)
	}
}

// inheritance marks the properties a type's tables repeat from its base types as inherited.
func (r *resolver) inheritance() {
	for _, t := range r.m.Types {
		if t.Kind == model.KindEnum {
			continue
		}
		var ancestors []*model.Type
		seen := map[*model.Type]bool{t: true}
		for b := r.typeNamed(t.BaseType); b != nil && !seen[b]; b = r.typeNamed(b.BaseType) {
			seen[b] = true
			ancestors = append(ancestors, b)
		}
		for _, list := range [][]*model.Property{t.Properties, t.NavigationProperties} {
			for _, p := range list {
				for _, a := range ancestors {
					if a.OwnProperty(p.Name) != nil && r.declares(a, p.Name) {
						p.InheritedFrom = a.FullName()
						break
					}
				}
				if p.InheritedFrom != "" && !strings.Contains(p.InheritedFrom, ".") {
					if it := r.lookup(p.InheritedFrom, t.Namespace); it != nil {
						p.InheritedFrom = it.FullName()
					}
				}
			}
		}
	}
}

// declares reports whether t declares name itself (its row is not marked inherited).
func (r *resolver) declares(t *model.Type, name string) bool {
	p := t.OwnProperty(name)
	return p != nil && (p.InheritedFrom == "" || strings.EqualFold(p.InheritedFrom, t.Name) || strings.EqualFold(p.InheritedFrom, t.FullName()))
}

// fillKinds sets TypeRef.Kind from the resolved types, now that entity and complex are decided.
func (r *resolver) fillKinds() {
	fill := func(ref *model.TypeRef) {
		if ref == nil || ref.Kind == model.KindPrimitive || ref.Name == "" {
			return
		}
		if t := r.typeNamed(ref.Name); t != nil {
			ref.Kind = string(t.Kind)
		}
	}
	for _, t := range r.m.Types {
		for _, p := range t.Properties {
			fill(&p.Type)
		}
		for _, p := range t.NavigationProperties {
			fill(&p.Type)
		}
	}
	for _, op := range r.m.Operations {
		if op.RequestBody != nil {
			fill(op.RequestBody.Type)
			for _, p := range op.RequestBody.Params {
				fill(&p.Type)
			}
		}
		fill(op.Response.Type)
		for _, pth := range op.Paths {
			for i := range pth.Params {
				fill(&pth.Params[i].Type)
			}
		}
	}
}

// flagsFromExamples marks an enum as flags when the docs' examples give a property of that enum type a value
// that joins members with commas ("password, sms").
func (r *resolver) flagsFromExamples(ops []*model.Operation) {
	var check func(t *model.Type, v *model.Value)
	// member looks at the value of one property (or parameter) p, and into it.
	member := func(p *model.Property, mv *model.Value) {
		if p == nil || p.Type.Kind == model.KindPrimitive {
			return
		}
		pt := r.typeNamed(p.Type.Name)
		if pt == nil {
			return
		}
		vals := []*model.Value{mv}
		if mv != nil && mv.Kind == model.ValueArray {
			vals = mv.Items
		}
		for _, x := range vals {
			if pt.Kind == model.KindEnum && x != nil && x.Kind == model.ValueString && strings.Contains(x.Str, ",") {
				parts := strings.Split(x.Str, ",")
				all := true
				for _, part := range parts {
					if pt.Member(strings.TrimSpace(part)) == nil {
						all = false
					}
				}
				if all {
					pt.Flags = true
				}
			}
			if pt.Kind != model.KindEnum {
				check(pt, x)
			}
		}
	}
	check = func(t *model.Type, v *model.Value) {
		if t == nil || v == nil || v.Kind != model.ValueObject {
			return
		}
		if ot := strings.TrimPrefix(v.Get("@odata.type").Text(), "#"); ot != "" {
			if dt := r.lookup(ot, t.Namespace); dt != nil {
				t = dt
			}
		}
		for _, m := range v.Members {
			member(r.findProp(t, m.Key), m.Value)
		}
	}
	// params looks at an action's request body by its parameters table.
	params := func(ps []*model.Property, v *model.Value) {
		if v == nil || v.Kind != model.ValueObject {
			return
		}
		for _, m := range v.Members {
			for _, p := range ps {
				if strings.EqualFold(p.Name, m.Key) {
					member(p, m.Value)
					break
				}
			}
		}
	}
	for _, op := range ops {
		for _, ex := range op.Examples {
			if !hasCommaString(ex.JSON) {
				continue // nothing in it can show a flags value; most examples are skipped without any lookup
			}
			var t *model.Type
			if ex.ODataType != "" {
				t = r.lookup(ex.ODataType, r.pageNS[op.Page])
			} else if op.RequestBody != nil && op.RequestBody.Type != nil {
				t = r.typeNamed(op.RequestBody.Type.Name)
			}
			if t == nil && ex.JSON != nil {
				t = r.lookup(strings.TrimPrefix(ex.JSON.Get("@odata.type").Text(), "#"), r.pageNS[op.Page])
			}
			if t == nil && ex.Kind == model.ExampleRequest && op.RequestBody != nil && len(op.RequestBody.Params) > 0 {
				params(op.RequestBody.Params, ex.JSON)
				continue
			}
			check(t, ex.JSON)
		}
	}
}

// hasCommaString reports whether v holds a string with a comma anywhere.
func hasCommaString(v *model.Value) bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case model.ValueString:
		return strings.IndexByte(v.Str, ',') >= 0
	case model.ValueObject:
		for _, m := range v.Members {
			if hasCommaString(m.Value) {
				return true
			}
		}
	case model.ValueArray:
		for _, x := range v.Items {
			if hasCommaString(x) {
				return true
			}
		}
	}
	return false
}

func (r *resolver) findProp(t *model.Type, name string) *model.Property {
	// Base types can still form a cycle through the entity bases given after cycles were broken: the walk stops
	// after more steps than any real chain of bases has, having seen every type of the cycle.
	for x, steps := t, 0; x != nil && steps < maxBaseDepth; x, steps = r.typeNamed(x.BaseType), steps+1 {
		if p := x.OwnProperty(name); p != nil {
			return p
		}
	}
	return nil
}

// maxBaseDepth bounds walks up the base types; Graph's deepest chains have fewer than ten.
const maxBaseDepth = 64

// permissionIncludes reads the permissions table of an operation from the include its page references
// ("[!INCLUDE [permissions-table](../includes/permissions/x-permissions.md)]"), when the docs tree has it.
func (r *resolver) permissionIncludes() {
	if r.fsys == nil {
		return
	}
	cache := map[string][]model.Permission{}
	missing := map[string]bool{}
	for _, op := range r.m.Operations {
		inc := op.PermissionsInclude
		if inc == nil || inc.Target == "" || len(op.Permissions) > 0 {
			continue
		}
		p := path.Join(path.Dir(op.Page), inc.Target)
		perms, ok := cache[p]
		if !ok && !missing[p] {
			src, err := fs.ReadFile(r.fsys, p)
			if err != nil {
				missing[p] = true
				r.diag(inc.Pos, model.SeverityWarning, "missing-include", fmt.Sprintf("the permissions include %s does not exist", inc.Target))
				continue
			}
			res := readPage(p, src)
			for _, t := range res.page.Tables {
				if t.Role == model.TablePermissions || len(t.Header) > 0 && normHeader(t.Header[0].Text) == "permission type" {
					perms = append(perms, readPermissions(t)...)
				}
			}
			cache[p] = perms
		}
		op.Permissions = perms
	}
}

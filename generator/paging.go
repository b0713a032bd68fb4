package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/templates"
)

// planPaging gives every client method whose answer is a collection page an iterator method over all its items,
// named after it with "All" (UserList → UserListAll), and marks delta functions, whose iterator also takes the
// deltaLink. It runs once every operation and variant has its name, so that an iterator never takes one.
func (p *plan) planPaging(planned []plannedOp) {
	for _, po := range planned {
		if !isCollectionResult(po.spec.Result) {
			continue
		}
		po.spec.All = p.methods.claim(po.spec.Name + "All")
		po.spec.Delta = isDeltaPath(canonicalPath(po.op).Template)
		for _, v := range po.spec.Variants {
			v.All = p.methods.claim(v.Name + "All")
		}
	}
}

// isCollectionResult reports whether an operation answers with a *Collection[T] page.
func isCollectionResult(r templates.Result) bool {
	t := r.Type
	return r.Kind == templates.ResultJSON && t != nil && t.Kind == templates.TypePointer &&
		t.Elem.Kind == templates.TypeGeneric && t.Elem.Name == "Collection"
}

// isDeltaPath reports whether a path calls a delta function: it ends with /delta, delta() or
// microsoft.graph.delta(), whose last page carries an @odata.deltaLink.
func isDeltaPath(template string) bool {
	last := strings.TrimRight(template, "/")
	last = strings.ToLower(last[strings.LastIndexByte(last, '/')+1:])
	last = strings.TrimPrefix(last, "microsoft.graph.")
	return last == "delta" || last == "delta()"
}

package lint

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkTypeNamespaces reports a type cell that names a type by a full name in a namespace no page of the docs
// uses ("microsoft.strongAuthentication.authenticationMethodsPolicyEvaluation" in a draft): a reader cannot find
// the type, whatever the tree holds. Cells that resolve, short names and Edm primitives are left to the other
// rules, and so are other products' namespaces (the Dynamics pages' NAV.PostalAddress): only a variant of the
// docs' own (microsoft.x) is taken for a slip.
func (c *checker) checkTypeNamespaces() {
	check := func(props []*model.Property) {
		for _, p := range props {
			if p == nil || p.Type.Kind != "" || p.Type.Pos.Line == 0 {
				continue
			}
			name := p.Type.Name
			ns := namespaceOf(name)
			if ns == "" || strings.EqualFold(ns, "graph") || strings.HasPrefix(strings.ToLower(ns), "edm") || strings.ContainsAny(name, " ()/") ||
				c.namespaces[strings.ToLower(ns)] || !strings.HasPrefix(strings.ToLower(ns), "microsoft.") {
				continue
			}
			pt := c.textOf(p.Type.Pos.File)
			if pt == nil {
				continue
			}
			want := "microsoft.graph." + shortName(name)
			if t := c.m.LookupType(shortName(name)); t != nil {
				want = t.FullName()
			}
			c.report(pt.find(p.Type.Pos.Line, name, p.Type.Pos.Col), "type-namespace", "", "type %s is in namespace %s, which the docs do not use; write %s", name, ns, want)
		}
	}
	for _, op := range c.m.Operations {
		if op.RequestBody != nil {
			check(op.RequestBody.Params)
		}
	}
	for _, t := range c.m.Types {
		check(t.Properties)
		check(t.NavigationProperties)
	}
}

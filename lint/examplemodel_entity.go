package lint

// An "id" in an example of a type whose page lists no id and states no base, although the docs address the type
// by key (GET /teamwork/workforceIntegrations/{workforceIntegrationId}): such a type is an entity, which inherits
// id from entity by the docs' convention, so the example is right and the gap is the resource page's missing
// "Inherits from" (precision sample 12, #116). A complex type no path addresses by key keeps unknown-property.

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// inheritedID reports whether the member "id", which t's tables do not define, is the id t inherits from entity
// by the docs' convention: t and its stated ancestors define no id, the topmost of them states no base, and a
// documented GET addresses one of them by key. It then asks the topmost type's page, once, for its base
// (entity-base-unstated), as checkBaseTypes does for a type keyed by an id row.
func (c *checker) inheritedID(t *model.Type, at model.Pos) bool {
	chain := append([]*model.Type{t}, c.m.Ancestors(t)...)
	root := chain[len(chain)-1]
	if root.BaseType != "" || strings.EqualFold(root.Name, "entity") {
		return false // a base is stated (and does not resolve), or this is entity itself
	}
	path := ""
	for _, x := range chain {
		if path = c.keyPath(x); path != "" {
			break
		}
	}
	if path == "" {
		return false
	}
	entity := c.typ(root.Namespace + ".entity")
	if entity == nil {
		entity = c.typ("microsoft.graph.entity")
	}
	key := [2]*model.Type{root, entity}
	if entity == nil || entity.OwnProperty("id") == nil || c.unstatedBases[key] || isIntune(root.Page) {
		return true // no entity page to point to, or already asked (Intune's pages never state a base)
	}
	c.unstatedBases[key] = true
	c.report(c.titlePos(root), "entity-base-unstated", "", "%s is addressed by key (GET %s) and examples show its id (%s), but this page lists no id and states no base type; by the docs' convention it derives from %s: if it does, write \"Inherits from [%s](%s).\" in its introduction",
		root.Name, path, displayPos(at), entity.Name, entity.Name, relTo(root.Page, entity.Page))
	return true
}

// keyPath returns the template of a documented GET that answers with a single t addressed by key (its last
// segment a key: "{workforceIntegrationId}", "items(id='{id}')"), or "".
func (c *checker) keyPath(t *model.Type) string {
	for _, op := range c.m.Operations {
		r := op.Response.Type
		if op.Method != "GET" || r == nil || r.Collection || r.IsPrimitive() || c.typ(r.Name) != t {
			continue
		}
		for _, p := range op.Paths {
			if keySegment(p.Template) {
				return p.Template
			}
		}
	}
	return ""
}

// keySegment reports whether a path template's last segment is a key: "{id}", "{id | userPrincipalName}", or a
// name with a key in parentheses ("items(id='{id}')").
func keySegment(template string) bool {
	tmpl := strings.TrimRight(template, "/")
	last := tmpl[strings.LastIndexByte(tmpl, '/')+1:]
	switch {
	case strings.HasPrefix(last, "{") && strings.HasSuffix(last, "}"):
		return true
	case strings.HasSuffix(last, ")"):
		open := strings.IndexByte(last, '(')
		return open > 0 && strings.Contains(last[open:], "{")
	}
	return false
}

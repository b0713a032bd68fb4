package lint

// What a method page itself shows about its request-body rows, beyond the resource's Properties table: the request
// examples that send a row, and the nested type whose members a table lists at the top level.

import (
	"github.com/graphdocgen/graphdocgen/model"
)

// requestExamplesSend reports whether a request example of the page's operations sends name as a member of its
// body's top-level object.
func (c *checker) requestExamplesSend(page string, name string) bool {
	for _, op := range c.opsByPage[page] {
		for _, ex := range op.Examples {
			if ex.Kind == model.ExampleRequest && ex.JSON != nil && ex.JSON.Kind == model.ValueObject && ex.JSON.Get(name) != nil {
				return true
			}
		}
	}
	return false
}

// flatMembersHolder returns the property of t whose type has every row of the request-body table that t lacks,
// when the page's request examples send each of those rows at the top level as the table lists them; nil
// otherwise. PATCH /security/secureScoreControlProfiles/{id} takes assignedTo, comment and state, which
// secureScoreControlProfile lacks: the service records them as a secureScoreControlStateUpdate in
// controlStateUpdates, whose type has all three (and whose row says it supports that update). Table and examples
// agree and the resource documents where the values go, so neither "remove the row" nor "add it to the resource"
// is right. The examples must agree: a table that lists "files"' members flat while its example nests them under
// "files" (create agreement) is still reported.
func (c *checker) flatMembersHolder(page *model.Page, rows []*model.Property, t *model.Type) *model.Property {
	if t == nil {
		return nil
	}
	var lacking []string
	for _, p := range rows {
		if c.groupLabelRow(p.Pos) || len(p.Name) > 0 && p.Name[0] == '@' || c.rowType(page, p, t) != t {
			continue
		}
		if c.m.Property(t, p.Name) != nil || c.definedOnDerived(t, p.Name) != nil {
			continue
		}
		if !c.requestExamplesSend(page.Path, p.Name) {
			return nil
		}
		lacking = append(lacking, p.Name)
	}
	if len(lacking) == 0 {
		return nil
	}
	for _, x := range append([]*model.Type{t}, c.m.Ancestors(t)...) {
		for _, list := range [][]*model.Property{x.Properties, x.NavigationProperties} {
			for _, holder := range list {
				if c.holdsAll(holder, lacking) {
					return holder
				}
			}
		}
	}
	return nil
}

// holdsAll reports whether the type of property p (a structured type) has a property of each name.
func (c *checker) holdsAll(p *model.Property, names []string) bool {
	ht := c.typ(p.Type.Name)
	if ht == nil || ht.Kind != model.KindComplex && ht.Kind != model.KindEntity {
		return false
	}
	for _, n := range names {
		if hp := c.m.Property(ht, n); hp == nil || hp.Name != n {
			return false
		}
	}
	return true
}

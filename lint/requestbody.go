package lint

// request-body-property and read-only-in-create: a method page's request-body table against the resource it sends.

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkRequestBodyTable checks a create or update page's request-body table against the resource it sends:
// rows that are not properties of the resource or have another type there, and read-only properties offered
// on a create page.
func (c *checker) checkRequestBodyTable(pt *pageText, op *model.Operation) {
	rb := op.RequestBody
	if rb == nil || len(rb.Params) == 0 || rb.Kind == model.BodyParameters && !isCreateTitle(op.Title) {
		return
	}
	body := c.bodyType(op)
	if body.params {
		return // an action's parameters: the example is checked against them (checkParameters)
	}
	t := body.t
	create := op.Method == "POST" && (rb.Kind == model.BodyType || isCreateTitle(op.Title))
	if c.opsByPage[op.Page][0] != op && samePage(c.opsByPage[op.Page], op) {
		return // the operations of one page share the table; check it once
	}
	holder := c.flatMembersHolder(pt.page, rb.Params, t) // rows the page shows are another type's, sent flat
	for _, p := range rb.Params {
		if c.groupLabelRow(p.Pos) || strings.HasPrefix(p.Name, "@") {
			continue // "@odata.type" rows say which type to send, they are no property
		}
		rt := c.rowType(pt.page, p, t)
		var rp *model.Property
		if rt != nil {
			rp = c.m.Property(rt, p.Name)
			if rp != nil && c.bindRow(p, rp) {
				continue
			}
			switch {
			case rp == nil && !c.isOpen(rt) && c.definedOnDerived(rt, p.Name) == nil && c.typesDocumented && (holder == nil || rt != t):
				c.report(p.Pos, "request-body-property", "", "%s is not a property of %s%s", p.Name, rt.Name, rowHint(closest(p.Name, c.propertyNames(rt), 3), rt))
			case rp != nil && rp.Name != p.Name && !c.representationWrites(rt, p.Name):
				c.report(p.Pos, "property-case", "", "%q differs in case from the property %s of %s; write %q here, or %q in the Properties table of %s", p.Name, rp.Name, rt.Name, rp.Name, p.Name, rt.Name)
			case rp != nil && p.Type.Resolved() && rp.Type.Resolved() && !sameTypeRef(p.Type, rp.Type):
				c.report(p.Type.Pos, "request-body-property", "", "%s is %s here but %s on the %s page; write %s here, or correct the %s page", p.Name, p.Type.String(), rp.Type.String(), rt.Name, displayType(rp.Type), rt.Name)
			}
		}
		if create && (!isIntune(op.Page) || c.opts.IntuneCreateTables) {
			if rp != nil && !p.ReadOnly && c.entityValued(rp) {
				continue // relationships are bound on create ("owners@odata.bind"), whatever the resource page says
			}
			c.checkReadOnlyInCreate(op.Page, rt, p, rp)
		}
	}
}

func samePage(ops []*model.Operation, op *model.Operation) bool {
	return len(ops) > 1 && ops[0].RequestBody == op.RequestBody
}

func isCreateTitle(title string) bool {
	l := strings.ToLower(strings.TrimSpace(title))
	return strings.HasPrefix(l, "create ") || strings.HasPrefix(l, "add ")
}

func sameTypeRef(a, b model.TypeRef) bool {
	if a.Collection != b.Collection {
		return false
	}
	if strings.EqualFold(a.Name, b.Name) {
		return true
	}
	// Date and time spellings the docs use interchangeably for one wire format.
	return false
}

// displayType renders a type reference the way the docs write it in a type cell.
func displayType(r model.TypeRef) string {
	n := r.Name
	if r.IsPrimitive() {
		n = strings.TrimPrefix(n, "Edm.")
	} else {
		n = shortName(n)
	}
	if r.Collection {
		return n + " collection"
	}
	return n
}

// checkReadOnlyInCreate reports a read-only property offered in a create page's request-body table: the row
// says "Read-only", the resource page says so, or it is the key id, which the service assigns. An id row that the
// row calls required or supplied by the caller, or that the page's request example sends (an external group
// member's id is the member's Azure AD objectId; a connection's id is the name the caller picks), is the caller's.
func (c *checker) checkReadOnlyInCreate(page string, t *model.Type, p, rp *model.Property) {
	why := ""
	switch {
	case p.ReadOnly:
		why = "the row says it is read-only"
	case rp != nil && rp.ReadOnly:
		why = "the " + t.Name + " page says it is read-only"
	case strings.EqualFold(p.Name, "id") && !p.Required && !clientSuppliedID(p.Description) && !c.requestExamplesSend(page, p.Name):
		why = "the service assigns the id"
	default:
		return
	}
	if p.ReadOnly {
		// The row contradicts itself: the request takes it, the description says it cannot be set.
		c.report(p.Pos, "read-only-in-create", "", "%s is listed as settable on a create page, but the row says it is read-only; remove the row, or drop \"read-only\" from its description if the request takes it", p.Name)
		return
	}
	if rp != nil && rp.ReadOnly {
		// Either side may be wrong: a create page that sets what the resource calls read-only is as likely right
		// about the request as the resource page's label is (tenantTag's description: precision sample 13, #112).
		c.report(p.Pos, "read-only-in-create", "", "%s is listed as settable on a create page, but %s; remove the row, or drop \"read-only\" from the %s page if the request takes it", p.Name, why, t.Name)
		return
	}
	c.report(p.Pos, "read-only-in-create", "", "%s is listed as settable on a create page, but %s; remove the row", p.Name, why)
}

// clientSuppliedID reports whether an id row says the caller supplies it (some resources take the id on create).
func clientSuppliedID(desc string) bool {
	l := strings.ToLower(desc)
	for _, s := range []string{"required", "must", "specify", "specified by", "provide", "supplied", "assign", "unique name", "caller", "client", "locale", "you can", "set by"} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// rowHint is "; did you mean x?" when a near name exists, and otherwise the two ways to fix a request-body row the
// resource does not list: only the author knows which side is wrong.
func rowHint(near string, t *model.Type) string {
	if near != "" {
		return didYouMean(near)
	}
	return "; remove the row, or add it to the Properties table of " + t.Name
}

// bindRow reports whether a request-body row gives a relationship by reference: the row says String (the ids or
// URLs a "members@odata.bind" carries) where the resource's property holds entities, as "owners" on create group
// or "teamsApp" on install app. Its type and read-only state are not the property's.
func (c *checker) bindRow(row, rp *model.Property) bool {
	return row.Type.Name == "Edm.String" && c.entityValued(rp)
}

// entityValued reports whether a property holds entities (a relationship), not values.
func (c *checker) entityValued(p *model.Property) bool {
	t := c.typ(p.Type.Name)
	return t != nil && t.Kind == model.KindEntity
}

// rowType is the type a request-body row belongs to: the type a subheading above its table names ("###
// openIdConnectIdentityProvider object" on the page that creates identity providers of several types), nil when
// that subheading names a type no page documents under that name (the page may call appleManagedIdentityProvider
// "appleIdentityProvider"), or t.
func (c *checker) rowType(page *model.Page, row *model.Property, t *model.Type) *model.Type {
	tbl := tableAt(page, row.Pos.Line)
	if tbl == nil || t == nil {
		return t
	}
	heading := strings.TrimSpace(stripMarkup(tbl.Section))
	name, ok := strings.CutSuffix(heading, " object")
	if !ok {
		name, ok = strings.CutSuffix(heading, " resource")
	}
	if !ok || name == "" || strings.ContainsAny(name, " ") || strings.EqualFold(name, t.Name) {
		return t
	}
	if ts := c.m.TypesNamed(name); len(ts) == 1 && ts[0].Kind != model.KindEnum {
		return ts[0]
	}
	return nil
}

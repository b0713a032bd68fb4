package modeldiff

import (
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// types compares the types of the two models, matched by full name ignoring case.
func (d *differ) types() {
	newByName := make(map[string]*model.Type, len(d.new.Types))
	for _, t := range d.new.Types {
		key := strings.ToLower(t.FullName())
		if _, dup := newByName[key]; !dup {
			newByName[key] = t
		}
	}
	matched := map[*model.Type]bool{}
	for _, ot := range d.old.Types {
		nt := newByName[strings.ToLower(ot.FullName())]
		if nt == nil {
			d.add(Change{Kind: Removed, Element: ElemType, Code: "type-removed", Subject: ot.FullName(), Breaking: true,
				Message: "removed (" + string(ot.Kind) + " type)", Reason: whyRemoved, Pos: ot.Pos, Side: SideOld})
			continue
		}
		if matched[nt] {
			continue // a second old type of the same name: the first one was compared
		}
		matched[nt] = true
		d.typeChanges(ot, nt)
	}
	for _, nt := range d.new.Types {
		if !matched[nt] && newByName[strings.ToLower(nt.FullName())] == nt {
			d.add(Change{Kind: Added, Element: ElemType, Code: "type-added", Subject: nt.FullName(),
				Message: "added (" + string(nt.Kind) + " type)", Reason: whyAdded, Pos: nt.Pos})
		}
	}
}

func (d *differ) typeChanges(ot, nt *model.Type) {
	subject := nt.FullName()
	typeChange := func(code, msg, reason string, breaking bool, oldV, newV string, pos model.Pos) {
		d.add(Change{Kind: Changed, Element: ElemType, Code: code, Subject: subject, Breaking: breaking, Message: msg,
			Reason: reason, Old: oldV, New: newV, Pos: pick(pos, nt.Pos)})
	}
	if ot.FullName() != nt.FullName() {
		breaking := goName(ot.Name) != goName(nt.Name)
		reason := "the Go name is the same"
		if breaking {
			reason = "the Go type's name changes"
		}
		typeChange("type-renamed", "name changes case", reason, breaking, ot.FullName(), nt.FullName(), nt.Pos)
	}
	if ot.Kind != nt.Kind {
		typeChange("type-kind", "kind changed from "+string(ot.Kind)+" to "+string(nt.Kind), "the Go type is generated differently",
			true, string(ot.Kind), string(nt.Kind), nt.Pos)
	}
	if !sameBase(ot.BaseType, nt.BaseType) {
		typeChange("type-base", "base type changed from "+orNone(ot.BaseType)+" to "+orNone(nt.BaseType),
			"the embedded base struct and the inherited fields change", true, ot.BaseType, nt.BaseType, nt.BasePos)
	}
	if ot.Abstract != nt.Abstract {
		if nt.Abstract {
			typeChange("type-abstract", "now abstract", "code that creates it directly is no longer valid", true, "false", "true", nt.Pos)
		} else {
			typeChange("type-abstract", "no longer abstract", whyRelaxed, false, "true", "false", nt.Pos)
		}
	}
	if ot.Open != nt.Open {
		if nt.Open {
			typeChange("type-open", "now an open type", "additional properties are allowed; existing code is unaffected", false, "false", "true", nt.Pos)
		} else {
			typeChange("type-open", "no longer an open type", "additional properties are no longer kept: code that reads them breaks", true, "true", "false", nt.Pos)
		}
	}
	if len(ot.Key) > 0 && len(nt.Key) > 0 && !equalFoldSlices(ot.Key, nt.Key) {
		typeChange("type-key", "key changed from "+quoteList(ot.Key)+" to "+quoteList(nt.Key),
			"the client addresses it by another key", true, strings.Join(ot.Key, ","), strings.Join(nt.Key, ","), nt.Pos)
	}
	if ot.Kind == model.KindEnum && nt.Kind == model.KindEnum {
		d.enumChanges(ot, nt)
	}
	d.propertyChanges(ot, nt)
}

func sameBase(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	return sameTypeName(a, b, false, false)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func equalFoldSlices(a, b []string) bool {
	return slices.EqualFunc(a, b, strings.EqualFold)
}

// sentinel is the member that makes an enum evolvable; its coming and going is reported as the enum's
// evolvability, not as a member.
const sentinel = "unknownFutureValue"

func (d *differ) enumChanges(ot, nt *model.Type) {
	enum := nt.FullName()
	if ot.Flags != nt.Flags {
		msg := "now a flags enum (members combine)"
		if !nt.Flags {
			msg = "no longer a flags enum"
		}
		d.add(Change{Kind: Changed, Element: ElemType, Code: "enum-flags", Subject: enum, Breaking: true, Message: msg,
			Reason: "the Go type changes between one value and a set of values", Old: boolWord(ot.Flags), New: boolWord(nt.Flags), Pos: nt.Pos})
	}
	if ot.Evolvable != nt.Evolvable {
		if nt.Evolvable {
			d.add(Change{Kind: Changed, Element: ElemType, Code: "enum-evolvable", Subject: enum, Message: "now evolvable (" + sentinel + " added)",
				Reason: "clients are told to expect members they do not know; existing code is unaffected", Old: "false", New: "true", Pos: nt.Pos})
		} else {
			d.add(Change{Kind: Changed, Element: ElemType, Code: "enum-evolvable", Subject: enum, Breaking: true, Message: "no longer evolvable (" + sentinel + " removed)",
				Reason: "the " + sentinel + " constant disappears: code that uses it no longer compiles", Old: "true", New: "false", Pos: nt.Pos})
		}
	}
	newMembers := map[string]*model.EnumMember{}
	for _, m := range nt.Members {
		if _, dup := newMembers[strings.ToLower(m.Name)]; !dup {
			newMembers[strings.ToLower(m.Name)] = m
		}
	}
	seen := map[string]bool{}
	for _, om := range ot.Members {
		key := strings.ToLower(om.Name)
		if seen[key] || strings.EqualFold(om.Name, sentinel) {
			continue
		}
		seen[key] = true
		nm := newMembers[key]
		if nm == nil {
			d.add(Change{Kind: Removed, Element: ElemMember, Code: "member-removed", Subject: enum + "/" + om.Name, Breaking: true,
				Message: "removed", Reason: "its Go constant disappears, and the service no longer sends it", Pos: pick(om.Pos, ot.Pos), Side: SideOld})
			continue
		}
		subject := enum + "/" + nm.Name
		if om.Name != nm.Name {
			breaking := goName(om.Name) != goName(nm.Name)
			reason := "the Go constant and the wire value compare the same"
			if breaking {
				reason = "the Go constant's name changes"
			}
			d.add(Change{Kind: Changed, Element: ElemMember, Code: "member-renamed", Subject: subject, Breaking: breaking,
				Message: "name changes case", Reason: reason, Old: om.Name, New: nm.Name, Pos: pick(nm.Pos, nt.Pos)})
		}
		if om.Value != nil && nm.Value != nil && *om.Value != *nm.Value {
			d.add(Change{Kind: Changed, Element: ElemMember, Code: "member-value", Subject: subject, Breaking: true,
				Message: changedf("value changed from %d to %d", *om.Value, *nm.Value), Reason: "the Go constant's value changes",
				Old: changedf("%d", *om.Value), New: changedf("%d", *nm.Value), Pos: pick(nm.Pos, nt.Pos)})
		}
	}
	for _, nm := range nt.Members {
		key := strings.ToLower(nm.Name)
		if seen[key] || strings.EqualFold(nm.Name, sentinel) {
			continue
		}
		seen[key] = true
		c := Change{Kind: Added, Element: ElemMember, Code: "member-added", Subject: enum + "/" + nm.Name, Message: "added",
			Pos: pick(nm.Pos, nt.Pos)}
		if nt.Evolvable {
			c.Reason = "the enum is evolvable: clients already handle values they do not know"
		} else {
			c.Breaking = true
			c.Reason = "the enum is not evolvable: clients may receive a value they do not handle"
		}
		d.add(c)
	}
}

// ownProperty is a property a type declares itself (not one it inherits), with the list it is in.
type ownProperty struct {
	prop *model.Property
	nav  bool
}

func ownProperties(t *model.Type) (map[string]ownProperty, []string) {
	own := map[string]ownProperty{}
	var order []string
	for i, list := range [][]*model.Property{t.Properties, t.NavigationProperties} {
		for _, p := range list {
			key := strings.ToLower(p.Name)
			if _, dup := own[key]; dup || p.InheritedFrom != "" {
				continue
			}
			own[key] = ownProperty{prop: p, nav: i == 1}
			order = append(order, key)
		}
	}
	return own, order
}

// declaringBase finds the ancestor of t that declares the property name, or the type t's own row says it is
// inherited from; "" when the property is not there at all.
func declaringBase(m *model.Model, t *model.Type, name string) string {
	for _, a := range m.Ancestors(t) {
		if p := a.OwnProperty(name); p != nil && p.InheritedFrom == "" {
			return a.FullName()
		}
	}
	if p := t.OwnProperty(name); p != nil && p.InheritedFrom != "" {
		return p.InheritedFrom
	}
	return ""
}

func element(nav bool) Element {
	if nav {
		return ElemNavigation
	}
	return ElemProperty
}

func (d *differ) propertyChanges(ot, nt *model.Type) {
	oldOwn, oldOrder := ownProperties(ot)
	newOwn, newOrder := ownProperties(nt)
	typeName := nt.FullName()
	for _, key := range oldOrder {
		op := oldOwn[key]
		np, ok := newOwn[key]
		if ok {
			d.propertyChange(typeName, op, np, nt.Pos)
			continue
		}
		if base := declaringBase(d.new, nt, op.prop.Name); base != "" {
			d.add(Change{Kind: Changed, Element: element(op.nav), Code: "property-moved", Subject: typeName + "/" + op.prop.Name,
				Message: "now inherited from " + base, Reason: "the field is promoted from the embedded base struct: selectors still compile",
				New: base, Pos: pick(propPos(nt, op.prop.Name), nt.Pos)})
			continue
		}
		d.add(Change{Kind: Removed, Element: element(op.nav), Code: "property-removed", Subject: typeName + "/" + op.prop.Name,
			Breaking: true, Message: "removed", Reason: whyRemoved, Pos: pick(op.prop.Pos, ot.Pos), Side: SideOld})
	}
	for _, key := range newOrder {
		if _, ok := oldOwn[key]; ok {
			continue
		}
		np := newOwn[key]
		subject := typeName + "/" + np.prop.Name
		if base := declaringBase(d.old, ot, np.prop.Name); base != "" {
			d.add(Change{Kind: Changed, Element: element(np.nav), Code: "property-moved", Subject: subject,
				Message: "now declared on the type itself (was inherited from " + base + ")", Reason: "the field moves out of the embedded base struct: selectors still compile",
				Old: base, Pos: pick(np.prop.Pos, nt.Pos)})
			continue
		}
		c := Change{Kind: Added, Element: element(np.nav), Code: "property-added", Subject: subject,
			Message: "added (optional)", Reason: whyAdded, Pos: pick(np.prop.Pos, nt.Pos)}
		if np.prop.Required {
			c.Breaking, c.Message, c.Reason = true, "added (required)", whyRequiredAdded
		}
		d.add(c)
	}
}

// propPos is the position of the row of t that lists name, inherited or not.
func propPos(t *model.Type, name string) model.Pos {
	if p := t.OwnProperty(name); p != nil {
		return p.Pos
	}
	return model.Pos{}
}

func (d *differ) propertyChange(typeName string, op, np ownProperty, typePos model.Pos) {
	subject := typeName + "/" + np.prop.Name
	pos := pick(np.prop.Pos, typePos)
	elem := element(np.nav)
	add := func(code, msg, reason string, breaking bool, oldV, newV string) {
		d.add(Change{Kind: Changed, Element: elem, Code: code, Subject: subject, Breaking: breaking, Message: msg, Reason: reason,
			Old: oldV, New: newV, Pos: pos})
	}
	o, n := op.prop, np.prop
	if o.Name != n.Name {
		breaking := goName(o.Name) != goName(n.Name)
		reason := "the Go field name is the same; encoding/json matches JSON names ignoring case"
		if breaking {
			reason = "the Go field's name changes"
		}
		add("property-renamed", "name changes case", reason, breaking, o.Name, n.Name)
	}
	if op.nav != np.nav {
		msg := "now a navigation property (moved to the relationships)"
		if !np.nav {
			msg = "now a structural property (moved out of the relationships)"
		}
		add("property-kind", msg, "the field stays on the struct with its type", false, string(element(op.nav)), string(elem))
	}
	typeRefChanges(add, &o.Type, &n.Type)
	nullableChange(add, o.Nullable, n.Nullable)
	if o.Required != n.Required {
		if n.Required {
			add("property-required", "now required", whyRequiredAdded, true, "false", "true")
		} else {
			add("property-required", "no longer required", whyRelaxed, false, "true", "false")
		}
	}
	if o.ReadOnly != n.ReadOnly {
		if n.ReadOnly {
			add("property-read-only", "now read-only", "clients that set it are rejected or ignored", true, "false", "true")
		} else {
			add("property-read-only", "no longer read-only", whyRelaxed, false, "true", "false")
		}
	}
}

type addFunc func(code, msg, reason string, breaking bool, oldV, newV string)

// typeRefChanges reports changes of a property's or parameter's type: the type, and whether it is a collection.
// A type cell the parser could not read on either side (no name; the parser reports it) says nothing.
func typeRefChanges(add addFunc, o, n *model.TypeRef) {
	if o.Name == "" || n.Name == "" {
		return
	}
	if !sameTypeName(o.Name, n.Name, o.Resolved(), n.Resolved()) {
		add("property-type", "type changed from "+o.Name+" to "+n.Name, whyTypeChange, true, o.Name, n.Name)
	}
	if o.Collection != n.Collection {
		msg := "now a collection"
		if !n.Collection {
			msg = "no longer a collection"
		}
		add("property-collection", msg, "the Go type changes between a value and a slice", true, boolWord(o.Collection), boolWord(n.Collection))
	}
}

// nullableChange reports a change of nullability that both versions state. The docs often say nothing (nil),
// and a page that drops "Not nullable" from a description has rarely changed the service.
func nullableChange(add addFunc, o, n *bool) {
	if o == nil || n == nil || *o == *n {
		return
	}
	if *n {
		add("property-nullable", "now nullable", "code that reads it must now handle null", true, "false", "true")
	} else {
		add("property-nullable", "no longer nullable", "values are always present; existing code is unaffected", false, "true", "false")
	}
}

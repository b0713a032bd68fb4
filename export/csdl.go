// Package export renders a model.Model in the formats other tools read: OData CSDL (EDMX 4.0) and JSON.
package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// CSDL renders the model's types as an EDMX 4.0 document with one Schema per namespace. Properties a type
// inherits are left to its base type, as CSDL requires. References the docs leave undocumented are kept by name
// and declared as empty open complex types, so that the document stays self-consistent for OData tools.
func CSDL(m *model.Model) []byte {
	w := &csdlWriter{m: m, stubs: map[string]bool{}}
	return w.render()
}

type csdlWriter struct {
	m     *model.Model
	b     bytes.Buffer
	stubs map[string]bool // full names referenced but not documented
}

func (w *csdlWriter) render() []byte {
	byNS := map[string][]*model.Type{}
	for _, t := range w.m.Types {
		byNS[t.Namespace] = append(byNS[t.Namespace], t)
	}
	// Find undocumented references first, so their stubs land in the right schema.
	for _, t := range w.m.Types {
		for _, p := range append(append([]*model.Property{}, t.Properties...), t.NavigationProperties...) {
			w.typeName(p.Type)
		}
	}
	for full := range w.stubs {
		ns, _ := split(full)
		if _, ok := byNS[ns]; !ok {
			byNS[ns] = nil
		}
	}
	namespaces := make([]string, 0, len(byNS))
	for ns := range byNS {
		namespaces = append(namespaces, ns)
	}
	sort.Strings(namespaces)

	w.b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	w.b.WriteString(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">` + "\n")
	w.b.WriteString("  <edmx:DataServices>\n")
	for _, ns := range namespaces {
		fmt.Fprintf(&w.b, "    <Schema Namespace=\"%s\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n", esc(ns))
		types := byNS[ns]
		for _, kind := range []model.TypeKind{model.KindEnum, model.KindComplex, model.KindEntity} {
			for _, t := range types {
				if t.Kind == kind {
					w.writeType(t)
				}
			}
		}
		var stubs []string
		for full := range w.stubs {
			if sns, name := split(full); sns == ns {
				stubs = append(stubs, name)
			}
		}
		sort.Strings(stubs)
		for _, name := range stubs {
			fmt.Fprintf(&w.b, "      <ComplexType Name=\"%s\" OpenType=\"true\" />\n", esc(name))
		}
		w.b.WriteString("    </Schema>\n")
	}
	w.b.WriteString("  </edmx:DataServices>\n</edmx:Edmx>\n")
	return w.b.Bytes()
}

func split(full string) (ns, name string) {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[:i], full[i+1:]
	}
	return "", full
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// typeName renders a reference; an undocumented one is qualified with microsoft.graph when it has no namespace
// and recorded for a stub declaration.
func (w *csdlWriter) typeName(r model.TypeRef) string {
	name := r.Name
	switch {
	case name == "":
		name = "Edm.String"
	case r.Kind == model.KindPrimitive && strings.HasPrefix(name, "Edm."):
	case w.m.Type(name) != nil:
		name = w.m.Type(name).FullName()
	default:
		if !strings.Contains(name, ".") {
			name = "microsoft.graph." + name
		}
		if t := w.m.Type(name); t != nil {
			name = t.FullName()
		} else {
			w.stubs[name] = true
		}
	}
	if r.Collection {
		return "Collection(" + name + ")"
	}
	return name
}

func (w *csdlWriter) writeType(t *model.Type) {
	if t.Kind == model.KindEnum {
		fmt.Fprintf(&w.b, "      <EnumType Name=\"%s\"", esc(t.Name))
		if t.Flags {
			w.b.WriteString(` IsFlags="true"`)
		}
		w.b.WriteString(">\n")
		for i, mem := range enumValues(t) {
			fmt.Fprintf(&w.b, "        <Member Name=\"%s\" Value=\"%d\" />\n", esc(t.Members[i].Name), mem)
		}
		w.b.WriteString("      </EnumType>\n")
		return
	}
	elem := "ComplexType"
	if t.Kind == model.KindEntity {
		elem = "EntityType"
	}
	fmt.Fprintf(&w.b, "      <%s Name=\"%s\"", elem, esc(t.Name))
	if t.BaseType != "" {
		fmt.Fprintf(&w.b, " BaseType=\"%s\"", esc(w.typeName(model.TypeRef{Name: t.BaseType})))
	}
	if t.Abstract {
		w.b.WriteString(` Abstract="true"`)
	}
	if t.Open {
		w.b.WriteString(` OpenType="true"`)
	}
	w.b.WriteString(">\n")
	seen := map[string]bool{}
	own := func(p *model.Property) bool {
		k := strings.ToLower(p.Name)
		if p.InheritedFrom != "" || seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	var props, navs []*model.Property
	for _, p := range t.Properties {
		if own(p) {
			props = append(props, p)
		}
	}
	for _, p := range t.NavigationProperties {
		if own(p) {
			navs = append(navs, p)
		}
	}
	if t.Kind == model.KindEntity && t.BaseType == "" {
		var keys []string
		for _, k := range t.Key {
			for _, p := range props {
				if p.Name == k {
					keys = append(keys, k)
				}
			}
		}
		if len(keys) > 0 {
			w.b.WriteString("        <Key>\n")
			for _, k := range keys {
				fmt.Fprintf(&w.b, "          <PropertyRef Name=\"%s\" />\n", esc(k))
			}
			w.b.WriteString("        </Key>\n")
		}
	}
	for _, p := range props {
		elem := "Property"
		// CSDL structural properties cannot be entity-typed; the docs list such properties among the
		// properties, the service declares them as navigation properties.
		if pt := w.m.Type(p.Type.Name); pt != nil && pt.Kind == model.KindEntity {
			elem = "NavigationProperty"
		}
		w.writeProperty(elem, p)
	}
	for _, p := range navs {
		elem := "NavigationProperty"
		if pt := w.m.Type(p.Type.Name); pt == nil || pt.Kind != model.KindEntity {
			elem = "Property"
		}
		w.writeProperty(elem, p)
	}
	fmt.Fprintf(&w.b, "      </%s>\n", elem)
}

func (w *csdlWriter) writeProperty(elem string, p *model.Property) {
	fmt.Fprintf(&w.b, "        <%s Name=\"%s\" Type=\"%s\"", elem, esc(p.Name), esc(w.typeName(p.Type)))
	if p.Nullable != nil && !*p.Nullable {
		w.b.WriteString(` Nullable="false"`)
	}
	w.b.WriteString(" />\n")
}

// enumValues returns member values: as documented when every member has one, otherwise 0, 1, 2, ... (1, 2, 4, ...
// for flags).
func enumValues(t *model.Type) []int64 {
	out := make([]int64, len(t.Members))
	all := true
	for _, m := range t.Members {
		if m.Value == nil {
			all = false
		}
	}
	for i, m := range t.Members {
		switch {
		case all:
			out[i] = *m.Value
		case t.Flags:
			out[i] = 1 << i
		default:
			out[i] = int64(i)
		}
	}
	return out
}

package generator

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// Edm primitives and the Go types they map to. Date, TimeOfDay, Duration and GUID are support types that read and
// write the wire forms; Json and the geography types stay raw JSON so that nothing is lost.
var primitives = map[string]*templates.Type{
	"string":         templates.Named("string"),
	"boolean":        templates.Named("bool"),
	"byte":           templates.Named("uint8"),
	"sbyte":          templates.Named("int8"),
	"int16":          templates.Named("int16"),
	"int32":          templates.Named("int32"),
	"int64":          templates.Named("int64"),
	"single":         templates.Named("float32"),
	"double":         templates.Named("float64"),
	"decimal":        templates.Named("float64"),
	"datetimeoffset": templates.Qual("time", "Time"),
	"date":           templates.Named("Date"),
	"timeofday":      templates.Named("TimeOfDay"),
	"duration":       templates.Named("Duration"),
	"guid":           templates.Named("GUID"),
	"binary":         templates.SliceOf(templates.Named("byte")),
	// A stream property's value in JSON is a string: base64 for binary media, the text itself for text media
	// (a OneNote page's HTML content), so the field holds it as the wire has it.
	"stream": templates.Named("string"),
	"json":   rawJSON,
}

var rawJSON = templates.Qual("encoding/json", "RawMessage")

// primitiveName returns the lower-case primitive name of a reference: "Edm.Int32" → "int32".
func primitiveName(ref model.TypeRef) string {
	name := ref.Name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(name)
}

// elemType is the Go type of one value of ref: a primitive, an enum, a struct pointer, a polymorphic interface, or
// raw JSON when the reference does not resolve.
func (p *plan) elemType(ref model.TypeRef) *templates.Type {
	if ref.IsPrimitive() {
		if o := p.typeOverride("Edm." + ref.Name[strings.LastIndexByte(ref.Name, '.')+1:]); o != nil {
			return o
		}
		if t, ok := primitives[primitiveName(ref)]; ok {
			return t
		}
		return rawJSON
	}
	if info := p.lookup(ref.Name); info != nil {
		return info.ref()
	}
	if s := p.synth[strings.ToLower(ref.Name)]; s != nil {
		return s.ref()
	}
	return rawJSON
}

// fieldType is the Go type of a property: Optional[elem] or []elem.
func (p *plan) fieldType(owner string, prop *model.Property) *templates.Type {
	elem := p.typeOverride(owner + "." + prop.Name)
	if elem == nil {
		elem = p.elemType(prop.Type)
	}
	if prop.Type.Collection {
		return templates.SliceOf(elem)
	}
	return templates.Generic("Optional", elem)
}

// typeOverride returns the override for key, marking it used.
func (p *plan) typeOverride(key string) *templates.Type {
	v, ok := p.opts.Types[key]
	if !ok {
		return nil
	}
	p.usedOverrides[key] = true
	t, _ := parseGoType(v) // checked by checkOptions
	return t
}

// lookup finds the declared type a resolved reference names.
func (p *plan) lookup(name string) *typeInfo {
	t := p.m.Type(name)
	if t == nil {
		t = p.m.LookupType(name)
	}
	if t == nil {
		return nil
	}
	return p.types[t]
}

// ref is how a value of the type is held: *T, the Any… interface of a base type, or the enum type.
func (ti *typeInfo) ref() *templates.Type {
	switch {
	case ti.isEnum():
		return templates.Named(ti.goName)
	case ti.poly != nil:
		return &templates.Type{Kind: templates.TypeNamed, Name: ti.poly.Interface, Poly: true}
	}
	return templates.PointerTo(templates.Named(ti.goName))
}

func (ti *typeInfo) isEnum() bool { return ti.t != nil && ti.t.Kind == model.KindEnum }

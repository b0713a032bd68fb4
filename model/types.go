package model

import "strings"

// TypeKind distinguishes the kinds of schema types.
type TypeKind string

const (
	KindEntity  TypeKind = "entity"
	KindComplex TypeKind = "complex"
	KindEnum    TypeKind = "enum"
)

// Type is an entity, complex or enum type documented by the docs.
type Type struct {
	Kind        TypeKind `json:"kind"`
	Namespace   string   `json:"namespace"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	BaseType    string   `json:"baseType,omitempty"` // full name once resolved; as written otherwise
	BasePos     Pos      `json:"basePos,omitzero"`
	// BaseSource says which evidence gave BaseType, and BaseReason names it with its position: a base that only
	// another page or the docs' convention implies is inferred, and lint asks for the missing statement.
	BaseSource BaseSource `json:"baseSource,omitempty"`
	BaseReason string     `json:"baseReason,omitempty"`
	// BaseLink is the target of the link that names the base in prose: it finds the base when the label does not
	// name the type the linked page documents ("[identityUserFlow](identityuserflow.md)" on a page titled UserFlow).
	BaseLink string   `json:"-"`
	Abstract bool     `json:"abstract,omitempty"`
	Open     bool     `json:"open,omitempty"`
	Key      []string `json:"key,omitempty"`

	Properties           []*Property `json:"properties,omitempty"`
	NavigationProperties []*Property `json:"navigationProperties,omitempty"`

	Members   []*EnumMember `json:"members,omitempty"`
	Flags     bool          `json:"flags,omitempty"`     // members combine ("password, sms")
	Evolvable bool          `json:"evolvable,omitempty"` // has the unknownFutureValue sentinel

	Page   string     `json:"page"`
	Pos    Pos        `json:"pos"`
	Source TypeSource `json:"source"`
	// Annotation is the page's resource annotation; Representation its JSON representation block.
	Annotation     *Annotation `json:"-"`
	Representation *Example    `json:"-"`
	// DerivedListed are the types the page lists as derived from this one ("## Derived types", "the derived
	// types are [a](a.md), ..."), as written; the parser gives those that state no base of their own this one.
	DerivedListed []DerivedRef `json:"-"`
}

// DerivedRef is a link to a derived type as a base type's page writes it.
type DerivedRef struct {
	Name string // the link's label
	Link string // its target
	Pos  Pos
}

// BaseSource says where a type's base type was read.
type BaseSource string

const (
	BaseFromAnnotation    BaseSource = "annotation"     // the resource annotation's baseType
	BaseFromProse         BaseSource = "prose"          // "Inherits from [x](x.md)" on the type's page
	BaseFromInheritedRows BaseSource = "inherited-rows" // the page's "Inherited from [x]" property rows
	BaseFromDerivedList   BaseSource = "derived-list"   // the base type's page lists it among its derived types
	BaseFromConvention    BaseSource = "convention"     // an entity keyed by id, by Graph's convention, derives from entity
)

// Inferred reports whether the base is not stated on the type's own page.
func (s BaseSource) Inferred() bool { return s == BaseFromDerivedList || s == BaseFromConvention }

// TypeSource says where a type's definition was read.
type TypeSource string

const (
	SourceResourcePage TypeSource = "resource-page" // a resource page with a "resource" annotation or properties table
	SourceEnumPage     TypeSource = "enum-page"     // a one-enum page (## Members)
	SourceEnumTable    TypeSource = "enum-table"    // a "### x values" table on an enums or resource page
	SourceInlineValues TypeSource = "inline-values" // "Possible values are: `a`, `b`" in a description
)

// FullName is Namespace.Name.
func (t *Type) FullName() string {
	if t.Namespace == "" {
		return t.Name
	}
	return t.Namespace + "." + t.Name
}

// Member finds an enum member by name, exact case first.
func (t *Type) Member(name string) *EnumMember {
	var folded *EnumMember
	for _, m := range t.Members {
		if m.Name == name {
			return m
		}
		if folded == nil && strings.EqualFold(m.Name, name) {
			folded = m
		}
	}
	return folded
}

// OwnProperty finds a structural or navigation property declared on t itself, exact case first.
func (t *Type) OwnProperty(name string) *Property {
	var folded *Property
	for _, list := range [][]*Property{t.Properties, t.NavigationProperties} {
		for _, p := range list {
			if p.Name == name {
				return p
			}
			if folded == nil && strings.EqualFold(p.Name, name) {
				folded = p
			}
		}
	}
	return folded
}

// Property is a structural or navigation property, or an action parameter.
type Property struct {
	Name        string  `json:"name"`
	Type        TypeRef `json:"type"`
	Description string  `json:"description,omitempty"`
	// Nullable is nil where the docs do not say; "Not nullable" makes it false, "Nullable" true.
	Nullable *bool `json:"nullable,omitempty"`
	Required bool  `json:"required,omitempty"`
	ReadOnly bool  `json:"readOnly,omitempty"`
	Key      bool  `json:"key,omitempty"`
	// InheritedFrom is set when the row says "Inherited from [x]" or a base type declares the property;
	// such properties are not the type's own and are left out of CSDL.
	InheritedFrom string `json:"inheritedFrom,omitempty"`
	// AllowedValues are the values a description lists ("Possible values are: `a`, `b`").
	AllowedValues []string       `json:"allowedValues,omitempty"`
	Source        PropertySource `json:"source"`
	Pos           Pos            `json:"pos"`
}

// PropertySource says where a property was read.
type PropertySource string

const (
	FromTable PropertySource = "table" // a Properties, Relationships, request-body or parameters table row
	FromJSON  PropertySource = "json"  // only the JSON representation has it
	FromProse PropertySource = "prose" // a request body's prose names it: "provide an optional `x` object with the following properties"
)

// TypeRef is a reference to a type as written in a type cell, with what it resolved to.
type TypeRef struct {
	// Name is the full name: "Edm.String" for primitives, "microsoft.graph.user" for schema types. When the
	// reference does not resolve, Name is the name as written and Kind is empty.
	Name       string `json:"name"`
	Collection bool   `json:"collection,omitempty"`
	// Kind is what the reference resolved to: "primitive", or the TypeKind of a model type; "" if unresolved.
	Kind string `json:"kind,omitempty"`
	Raw  string `json:"raw,omitempty"`  // the cell as written
	Link string `json:"link,omitempty"` // the link target in the cell, if any
	Pos  Pos    `json:"pos,omitzero"`
}

// Primitive kinds of TypeRef.Kind.
const KindPrimitive = "primitive"

// IsPrimitive reports whether the reference is an Edm primitive.
func (r TypeRef) IsPrimitive() bool { return r.Kind == KindPrimitive }

// Resolved reports whether the reference names a known type.
func (r TypeRef) Resolved() bool { return r.Kind != "" }

// String renders the reference the CSDL way: Collection(Edm.String).
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// EnumMember is one member of an enum type.
type EnumMember struct {
	Name        string `json:"name"`
	Value       *int64 `json:"value,omitempty"`
	Description string `json:"description,omitempty"`
	Pos         Pos    `json:"pos"`
}

package templates

import "strings"

// TypeKind is the shape of a type expression.
type TypeKind uint8

const (
	TypeNamed   TypeKind = iota // User, string, time.Time
	TypePointer                 // *User
	TypeSlice                   // []string
	TypeGeneric                 // Optional[string], Collection[*User]
)

// Type is a Go type expression chosen by the generator.
type Type struct {
	Kind TypeKind
	Name string // the identifier of a named or generic type
	Path string // the import path of a named type from another package; "" for this package and predeclared types
	Elem *Type
	// Poly marks the interface of a polymorphic base type (AnyAuthenticationMethod).
	Poly bool
}

// Named is a type of this package or a predeclared one.
func Named(name string) *Type { return &Type{Kind: TypeNamed, Name: name} }

// Qual is a type of another package.
func Qual(path, name string) *Type { return &Type{Kind: TypeNamed, Path: path, Name: name} }

// PointerTo is *elem.
func PointerTo(elem *Type) *Type { return &Type{Kind: TypePointer, Elem: elem} }

// SliceOf is []elem.
func SliceOf(elem *Type) *Type { return &Type{Kind: TypeSlice, Elem: elem} }

// Generic is name[elem].
func Generic(name string, elem *Type) *Type { return &Type{Kind: TypeGeneric, Name: name, Elem: elem} }

// String writes the type in Go syntax, qualified by the last element of its import path.
func (t *Type) String() string {
	switch t.Kind {
	case TypePointer:
		return "*" + t.Elem.String()
	case TypeSlice:
		return "[]" + t.Elem.String()
	case TypeGeneric:
		return t.Name + "[" + t.Elem.String() + "]"
	}
	if t.Path != "" {
		return t.Path[strings.LastIndexByte(t.Path, '/')+1:] + "." + t.Name
	}
	return t.Name
}

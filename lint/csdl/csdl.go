// Package csdl reads the types of an OData CSDL (EDMX 4.0) document — entity, complex and enum types with their
// properties, base types and members — with the line each was declared on, so that the docs can be compared
// with a service's schema.
package csdl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Schema is the types of a CSDL document.
type Schema struct {
	// File is the document's path as given, for positions.
	File  string
	Types []*Type

	byName map[string]*Type // lower-case full name
}

// Type kinds.
const (
	Entity  = "entity"
	Complex = "complex"
	Enum    = "enum"
)

// Type is an entity, complex or enum type.
type Type struct {
	Kind      string
	Namespace string
	Name      string
	// BaseType is the full name of the base type, aliases resolved; "" when none.
	BaseType   string
	Abstract   bool
	Open       bool
	Properties []*Property
	// NavigationProperties are kept apart: the docs list them under Relationships.
	NavigationProperties []*Property
	Members              []*Member
	Flags                bool
	Line                 int
}

// FullName is Namespace.Name.
func (t *Type) FullName() string { return t.Namespace + "." + t.Name }

// Property is a structural or navigation property.
type Property struct {
	Name string
	// Type is the element type's full name, aliases resolved: "Edm.String", "microsoft.graph.user".
	Type       string
	Collection bool
	Nullable   *bool
	Line       int
}

// TypeString renders the type the CSDL way: Collection(Edm.String).
func (p *Property) TypeString() string {
	if p.Collection {
		return "Collection(" + p.Type + ")"
	}
	return p.Type
}

// Member is an enum member.
type Member struct {
	Name  string
	Value string
	Line  int
}

// Lookup finds a type by full name, ignoring case.
func (s *Schema) Lookup(fullName string) *Type {
	return s.byName[strings.ToLower(fullName)]
}

// Named returns the types whose short name is name, ignoring case.
func (s *Schema) Named(name string) []*Type {
	var out []*Type
	for _, t := range s.Types {
		if strings.EqualFold(t.Name, name) {
			out = append(out, t)
		}
	}
	return out
}

// Property finds a property of t or its base types by name, ignoring case; navigation properties included.
func (s *Schema) Property(t *Type, name string) *Property {
	seen := map[*Type]bool{}
	for x := t; x != nil && !seen[x]; x = s.Lookup(x.BaseType) {
		seen[x] = true
		for _, list := range [][]*Property{x.Properties, x.NavigationProperties} {
			for _, p := range list {
				if strings.EqualFold(p.Name, name) {
					return p
				}
			}
		}
	}
	return nil
}

// ReadFile reads a CSDL document from a file.
func ReadFile(path string) (*Schema, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads a CSDL document; file names it in positions and errors.
func Read(r io.Reader, file string) (*Schema, error) {
	d := xml.NewDecoder(r)
	s := &Schema{File: file, byName: map[string]*Type{}}
	aliases := map[string]string{}
	var (
		ns  string
		cur *Type
	)
	var refs []*string // type names to resolve once every alias is known
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("%s:%d: not a CSDL document: %w", file, line, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			line, _ := d.InputPos()
			switch e.Name.Local {
			case "Schema":
				ns = attr(e, "Namespace")
				if a := attr(e, "Alias"); a != "" {
					aliases[a] = ns
				}
			case "EntityType", "ComplexType", "EnumType":
				if ns == "" {
					return nil, fmt.Errorf("%s:%d: %s outside a Schema", file, line, e.Name.Local)
				}
				cur = &Type{Namespace: ns, Name: attr(e, "Name"), BaseType: attr(e, "BaseType"), Line: line,
					Abstract: attr(e, "Abstract") == "true", Open: attr(e, "OpenType") == "true", Flags: attr(e, "IsFlags") == "true"}
				switch e.Name.Local {
				case "EntityType":
					cur.Kind = Entity
				case "ComplexType":
					cur.Kind = Complex
				default:
					cur.Kind = Enum
				}
				if cur.Name == "" {
					return nil, fmt.Errorf("%s:%d: %s without a Name", file, line, e.Name.Local)
				}
				s.Types = append(s.Types, cur)
				refs = append(refs, &cur.BaseType)
			case "Property", "NavigationProperty":
				if cur == nil {
					continue
				}
				p := &Property{Name: attr(e, "Name"), Line: line}
				p.Type, p.Collection = splitCollection(attr(e, "Type"))
				if n := attr(e, "Nullable"); n != "" {
					b := n != "false"
					p.Nullable = &b
				}
				if e.Name.Local == "Property" {
					cur.Properties = append(cur.Properties, p)
				} else {
					cur.NavigationProperties = append(cur.NavigationProperties, p)
				}
				refs = append(refs, &p.Type)
			case "Member":
				if cur != nil && cur.Kind == Enum {
					cur.Members = append(cur.Members, &Member{Name: attr(e, "Name"), Value: attr(e, "Value"), Line: line})
				}
			case "Action", "Function", "EntityContainer", "Term", "Annotations":
				cur = nil
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "EntityType", "ComplexType", "EnumType":
				cur = nil
			case "Schema":
				ns = ""
			}
		}
	}
	if len(s.Types) == 0 {
		return nil, fmt.Errorf("%s: no entity, complex or enum types: not a CSDL document", file)
	}
	for _, ref := range refs {
		*ref = resolveAlias(*ref, aliases)
	}
	for _, t := range s.Types {
		s.byName[strings.ToLower(t.FullName())] = t
	}
	sort.SliceStable(s.Types, func(i, j int) bool { return s.Types[i].FullName() < s.Types[j].FullName() })
	return s, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// splitCollection turns "Collection(graph.user)" into ("graph.user", true).
func splitCollection(t string) (string, bool) {
	if inner, ok := strings.CutPrefix(t, "Collection("); ok {
		return strings.TrimSuffix(inner, ")"), true
	}
	return t, false
}

// resolveAlias replaces a schema alias prefix ("graph.user") by its namespace.
func resolveAlias(name string, aliases map[string]string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return name
	}
	if ns, ok := aliases[name[:i]]; ok {
		return ns + name[i:]
	}
	return name
}

package templates

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"
)

// Names reach the source through jen.Id, which writes them as they are. The generator makes every name from the
// docs' words with letters and digits only (generator/naming.go); the renderers check each again here and refuse a
// file that holds anything else, so no name can carry code whatever the docs say.

// CheckIdent reports an error unless name can be declared as it is: a Go identifier (not a keyword), not the
// blank identifier, not init, and not one of the predeclared identifiers (string, nil, true, len, …), which a
// declaration would shadow.
func CheckIdent(name string) error {
	switch {
	case !token.IsIdentifier(name):
		return fmt.Errorf("%q is not a Go identifier", name)
	case name == "_" || name == "init":
		return fmt.Errorf("%q cannot be declared", name)
	case types.Universe.Lookup(name) != nil:
		return fmt.Errorf("%q is a predeclared identifier", name)
	}
	return nil
}

// checkLocal is CheckIdent for an argument, which may be called init.
func checkLocal(name string) error {
	if name == "init" {
		return nil
	}
	return CheckIdent(name)
}

// checkType reports an error unless every name of t is an identifier and its import path is a plain path.
func checkType(t *Type) error {
	if t == nil {
		return fmt.Errorf("no type")
	}
	switch t.Kind {
	case TypePointer, TypeSlice:
		return checkType(t.Elem)
	case TypeGeneric:
		if err := CheckIdent(t.Name); err != nil {
			return err
		}
		return checkType(t.Elem)
	}
	if !token.IsIdentifier(t.Name) || t.Name == "_" {
		return fmt.Errorf("type name %q is not a Go identifier", t.Name)
	}
	if t.Path != "" && strings.Trim(t.Path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_~-") != "" {
		return fmt.Errorf("import path %q has characters an import path does not", t.Path)
	}
	return nil
}

// escapes are the functions a path or query argument may be passed through (client.go writes them as calls).
var escapes = map[string]bool{"": true, "pathSegment": true, "pathString": true, "pathItems": true, "quoted": true}

// checkFile checks every name and type of a file before it is rendered.
func checkFile(f *File) error {
	var errs []error
	ident := func(what, name string) {
		if err := CheckIdent(name); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", what, err))
		}
	}
	typ := func(what string, t *Type) {
		if err := checkType(t); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", what, err))
		}
	}
	for _, s := range f.Structs {
		ident("struct", s.Name)
		if s.Base != "" {
			ident("base of "+s.Name, s.Base)
		}
		for _, fl := range s.Fields {
			ident("field of "+s.Name, fl.Name)
			typ("field "+s.Name+"."+fl.Name, fl.Type)
		}
		if s.Poly != nil {
			ident("interface of "+s.Name, s.Poly.Interface)
			ident("method of "+s.Name, s.Poly.Method)
		}
	}
	for _, e := range f.Enums {
		ident("enum", e.Name)
		for _, m := range e.Members {
			ident("constant of "+e.Name, m.Const)
		}
	}
	for _, op := range f.Operations {
		ident("operation", op.Name)
		for _, p := range op.Params {
			if err := checkLocal(p.Name); err != nil {
				errs = append(errs, fmt.Errorf("argument of %s: %w", op.Name, err))
			}
		}
		parts := op.Path
		for _, q := range op.Query {
			parts = append(parts[:len(parts):len(parts)], q.Value...)
		}
		for _, part := range parts {
			if part.Param != nil && !escapes[part.Escape] {
				errs = append(errs, fmt.Errorf("operation %s: no escape function %q", op.Name, part.Escape))
			}
		}
		for _, v := range op.Variants {
			ident("path variant of "+op.Name, v.Name)
			for _, p := range v.Params {
				if err := checkLocal(p.Name); err != nil {
					errs = append(errs, fmt.Errorf("argument of %s: %w", v.Name, err))
				}
			}
			parts := v.Path
			for _, q := range v.Query {
				parts = append(parts[:len(parts):len(parts)], q.Value...)
			}
			for _, part := range parts {
				if part.Param != nil && !escapes[part.Escape] {
					errs = append(errs, fmt.Errorf("operation %s: no escape function %q", v.Name, part.Escape))
				}
			}
		}
		if op.Body != nil && op.Body.Kind == BodyJSON {
			typ("body of "+op.Name, op.Body.Type)
		}
		if op.Result.Kind == ResultJSON {
			typ("answer of "+op.Name, op.Result.Type)
		}
	}
	if f.Group != nil {
		if err := checkGroup(f.Group); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func checkGroup(g *Group) error {
	if err := CheckIdent(g.Interface); err != nil {
		return fmt.Errorf("server interface: %w", err)
	}
	if err := CheckIdent(g.Register); err != nil {
		return fmt.Errorf("route registration: %w", err)
	}
	return nil
}

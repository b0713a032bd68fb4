package support

import (
	"reflect"
	"strings"
	"sync"
)

// The registry maps @odata.type names to Go types, so that a value declared as a base type decodes into the
// derived type its @odata.type names. Every file registers its own types in init, which keeps a change to one
// type local to its file.

var registry struct {
	sync.RWMutex
	byName  map[string]reflect.Type // lower-case full name → struct type
	byShort map[string][]reflect.Type
	names   map[reflect.Type]string       // struct type → full name as documented
	bases   map[reflect.Type]reflect.Type // interface of a polymorphic base → the base struct type
}

// registerType records the struct *ptr points to as the Go type of the schema type fullName
// ("microsoft.graph.user"). It takes a typed nil pointer, (*User)(nil), rather than a type parameter: a generic
// function would be compiled once per type.
func registerType(fullName string, ptr any) {
	t := reflect.TypeOf(ptr).Elem()
	registry.Lock()
	defer registry.Unlock()
	if registry.byName == nil {
		registry.byName = map[string]reflect.Type{}
		registry.byShort = map[string][]reflect.Type{}
		registry.names = map[reflect.Type]string{}
		registry.bases = map[reflect.Type]reflect.Type{}
	}
	key := strings.ToLower(fullName)
	registry.byName[key] = t
	short := key[strings.LastIndexByte(key, '.')+1:]
	registry.byShort[short] = append(registry.byShort[short], t)
	registry.names[t] = fullName
}

// registerBase records that values declared as a base type are held in an interface, which the base and every type
// derived from it implement: registerBase((*AnyX)(nil), (*X)(nil)).
func registerBase(iface, base any) {
	registry.Lock()
	defer registry.Unlock()
	if registry.bases == nil {
		registry.bases = map[reflect.Type]reflect.Type{}
	}
	registry.bases[reflect.TypeOf(iface).Elem()] = reflect.TypeOf(base).Elem()
}

// lookupType finds the struct type an @odata.type value names: "#microsoft.graph.user", "microsoft.graph.user",
// "graph.user" or "user". A short name matches when it is unambiguous.
func lookupType(odataType string) reflect.Type {
	name := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(odataType), "#"))
	if name == "" {
		return nil
	}
	registry.RLock()
	defer registry.RUnlock()
	if t, ok := registry.byName[name]; ok {
		return t
	}
	if rest, ok := strings.CutPrefix(name, "graph."); ok {
		if t, ok := registry.byName["microsoft.graph."+rest]; ok {
			return t
		}
	}
	short := name[strings.LastIndexByte(name, '.')+1:]
	if ts := registry.byShort[short]; len(ts) == 1 {
		return ts[0]
	}
	return nil
}

// typeName returns the documented full name of a registered struct type.
func typeName(t reflect.Type) string {
	registry.RLock()
	defer registry.RUnlock()
	return registry.names[t]
}

// baseOf returns the base struct type of a polymorphic interface, or nil when iface is not one.
func baseOf(iface reflect.Type) reflect.Type {
	registry.RLock()
	defer registry.RUnlock()
	return registry.bases[iface]
}

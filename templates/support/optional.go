package support

import (
	"reflect"
	"strings"
)

// Optional is a property that may be absent, explicitly null, or hold a value. Its zero value is absent, so a struct
// literal sends only the properties it sets: a PATCH built from User{DisplayName: Some("Adele")} carries displayName
// and nothing else, and NullOf[string]() sends "displayName": null to clear it.
//
// Optional has fields and no methods on purpose: the compiler would compile each method once per instantiation,
// and a large API has hundreds of them (Optional[*User], Optional[AgeGroup], ...). Some, NullOf and Get are plain
// generic functions, compiled only where they are called.
type Optional[T any] struct {
	Value T // meaningful when State is Present
	State OptionalState
}

// OptionalState says whether an Optional is absent, null or holds a value.
type OptionalState uint8

const (
	Absent  OptionalState = iota // not sent, or not received
	Null                         // explicitly null
	Present                      // holds Value
)

// Some returns an Optional holding v.
func Some[T any](v T) Optional[T] { return Optional[T]{Value: v, State: Present} }

// NullOf returns an Optional that is explicitly null.
func NullOf[T any]() Optional[T] { return Optional[T]{State: Null} }

// Get returns o's value and whether it has one (false when absent or null).
func Get[T any](o Optional[T]) (T, bool) { return o.Value, o.State == Present }

// isOptional reports whether t is an instantiation of Optional.
func isOptional(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == thisPackage && strings.HasPrefix(t.Name(), "Optional[")
}

// Package modeldiff compares two models of the same API — two versions of the docs — and lists what was added,
// removed or changed in types, properties, enum members and operations, each change classified as breaking or
// not for the Go code generated from the model (a struct field that disappears or changes type breaks code that
// uses it; a new optional field does not).
//
// Elements are matched by name, ignoring case: a change of case alone is reported as a rename, breaking only when
// it changes the Go name. Positions come from the new model, or from the old one for what was removed.
package modeldiff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// Kind says what happened to an element.
type Kind string

const (
	Added   Kind = "added"
	Removed Kind = "removed"
	Changed Kind = "changed"
)

// Element is the kind of model element a change is about.
type Element string

const (
	ElemType       Element = "type"
	ElemProperty   Element = "property"
	ElemNavigation Element = "navigation property"
	ElemMember     Element = "enum member"
	ElemOperation  Element = "operation"
	ElemParameter  Element = "request parameter" // a row of an operation's request-body table
)

// Side names the model a position belongs to.
type Side string

const (
	SideOld Side = "old"
	SideNew Side = "new"
)

// Change is one difference between the two models.
type Change struct {
	Kind    Kind    `json:"kind"`
	Element Element `json:"element"`
	// Code is a stable identifier of the kind of change: "property-removed", "property-type", "member-added".
	Code string `json:"code"`
	// Subject names the element: "microsoft.graph.user" (a type), "microsoft.graph.user/mobilePhone" (a property
	// or an enum member), "api/user-list" (an operation), "api/user-post-users/displayName" (a request
	// parameter).
	Subject  string `json:"subject"`
	Breaking bool   `json:"breaking"`
	// Message says what changed, to be read after the element and subject: "removed", "added (optional)",
	// "type changed from Edm.Int64 to Edm.Int32". Reason says why it is (or is not) breaking for the Go code.
	Message string `json:"message"`
	Reason  string `json:"reason"`
	// Old and New are the values before and after, for changes of a value.
	Old string `json:"old,omitempty"`
	New string `json:"new,omitempty"`
	// Pos is where the change is seen: in the new model, or in the old one (Side) for removals.
	Pos  model.Pos `json:"pos"`
	Side Side      `json:"side"`
}

// Summary counts changes.
type Summary struct {
	Breaking    int `json:"breaking"`
	NonBreaking int `json:"nonBreaking"`
}

// Summarize counts breaking and non-breaking changes.
func Summarize(changes []Change) Summary {
	var s Summary
	for _, c := range changes {
		if c.Breaking {
			s.Breaking++
		} else {
			s.NonBreaking++
		}
	}
	return s
}

// Diff compares two models. The changes come sorted: by element kind (types, properties and members, then
// operations), subject and code.
func Diff(oldModel, newModel *model.Model) []Change {
	d := &differ{old: oldModel, new: newModel}
	d.types()
	d.operations()
	sort.SliceStable(d.changes, func(i, j int) bool {
		a, b := d.changes[i], d.changes[j]
		if ra, rb := elementRank(a.Element), elementRank(b.Element); ra != rb {
			return ra < rb
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Code < b.Code
	})
	return d.changes
}

func elementRank(e Element) int {
	switch e {
	case ElemType, ElemProperty, ElemNavigation, ElemMember:
		return 0 // one type's changes stay together: their subjects share the type's name
	}
	return 1
}

type differ struct {
	old, new *model.Model
	changes  []Change
}

func (d *differ) add(c Change) {
	if c.Side == "" {
		c.Side = SideNew
	}
	d.changes = append(d.changes, c)
}

// goName is the exported Go form of a name as a generator would make it: the first letter in upper case. Two
// names that differ only in the case of their first letter give the same Go identifier.
func goName(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sameTypeName compares two type references' names: ignoring case, and by short name when one side did not
// resolve (it keeps the name as written, "identitySet", where the other has "microsoft.graph.identitySet") — a
// page one version documents and the other only links to is not a change of type.
func sameTypeName(a, b string, aResolved, bResolved bool) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if aResolved && bResolved {
		return false
	}
	return strings.EqualFold(shortName(a), shortName(b))
}

func shortName(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func pick(p, fallback model.Pos) model.Pos {
	if p.IsZero() {
		return fallback
	}
	return p
}

// reasons, shared so that the same situation is always explained the same way.
const (
	whyRemoved       = "code that uses it no longer compiles"
	whyAdded         = "new code only; existing code is unaffected"
	whyTypeChange    = "the Go type changes: code that reads or sets it no longer compiles"
	whyRequiredAdded = "clients must now send it: existing requests are rejected"
	whyRelaxed       = "existing code keeps working"
)

func boolWord(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func quoteList(xs []string) string {
	if len(xs) == 0 {
		return "(none)"
	}
	return strings.Join(xs, ", ")
}

func typeRefString(r *model.TypeRef) string {
	if r == nil {
		return "(none)"
	}
	return r.String()
}

func changedf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

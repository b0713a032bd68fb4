// Package model is graphdocgen's intermediate model of an API reference: the pages that were read, the types and
// operations they document, and the diagnostics found while reading them. The parser produces it; the generator,
// the linter and the exporters consume it. Every element carries the position it was read from.
package model

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a source position. File is slash-separated and relative to the docs root, so that output does not
// depend on where the docs were checked out. Line and Col are 1-based; Col 0 means "the whole line".
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// MarshalText writes a position as "file:line:col", compactly. (As text, not JSON: encoding/json then quotes it
// itself, escaping as JSON must, and need not check and re-indent a marshaler's output — a third of the time of
// the JSON export went there.)
func (p Pos) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads "file:line:col", "file:line" or "file".
func (p *Pos) UnmarshalText(data []byte) error {
	*p = ParsePos(string(data))
	return nil
}

// ParsePos reads "file:line:col", "file:line" or "file".
func ParsePos(s string) Pos {
	var p Pos
	parts := strings.Split(s, ":")
	nums := 0
	for i := len(parts) - 1; i >= 1 && nums < 2; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			break
		}
		nums++
	}
	p.File = strings.Join(parts[:len(parts)-nums], ":")
	if nums == 2 {
		p.Line, _ = strconv.Atoi(parts[len(parts)-2])
		p.Col, _ = strconv.Atoi(parts[len(parts)-1])
	} else if nums == 1 {
		p.Line, _ = strconv.Atoi(parts[len(parts)-1])
	}
	return p
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.File == "" && p.Line == 0 }

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity ranks a diagnostic.
type Severity string

const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank orders severities: info < warning < error. Unknown severities rank lowest.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}

// Diagnostic is something noteworthy about the input, found while reading it (parser) or checking it (linter).
// Rule is a stable identifier such as "type-cell" or "json-syntax".
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s %s: %s", d.Pos, d.Severity, d.Rule, d.Message)
}

// SortDiagnostics orders diagnostics by position, then rule and message, so output is deterministic.
func SortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Model is everything read from one docs tree. Slices are sorted: pages by path, types by full name, operations
// by ID, diagnostics by position.
type Model struct {
	Pages       []*Page      `json:"pages"`
	Types       []*Type      `json:"types"`
	Operations  []*Operation `json:"operations"`
	Diagnostics []Diagnostic `json:"diagnostics"`

	index *index
}

type index struct {
	types      map[string]*Type   // lower-case full name
	shortTypes map[string][]*Type // lower-case short name
	pages      map[string]*Page   // path
	ops        map[string]*Operation

	// Routes are built on first use; the linter asks from several goroutines.
	routesOnce sync.Once
	routes     []*Route
	routeOf    map[*Path]*Route
}

// Reindex rebuilds the lookup tables; call it after changing Types, Pages or Operations.
func (m *Model) Reindex() {
	ix := &index{
		types:      make(map[string]*Type, len(m.Types)),
		shortTypes: make(map[string][]*Type, len(m.Types)),
		pages:      make(map[string]*Page, len(m.Pages)),
		ops:        make(map[string]*Operation, len(m.Operations)),
	}
	for _, t := range m.Types {
		ix.types[strings.ToLower(t.FullName())] = t
		short := strings.ToLower(t.Name)
		ix.shortTypes[short] = append(ix.shortTypes[short], t)
	}
	for _, p := range m.Pages {
		ix.pages[p.Path] = p
	}
	for _, o := range m.Operations {
		ix.ops[o.ID] = o
	}
	m.index = ix
}

func (m *Model) ix() *index {
	if m.index == nil {
		m.Reindex()
	}
	return m.index
}

// Type finds a type by its full name ("microsoft.graph.user"), ignoring case.
func (m *Model) Type(fullName string) *Type {
	// Lowered into a stack buffer and indexed without making a string of it: this runs for every member of
	// every example, and strings.ToLower allocates for every name with a capital in it.
	var buf [96]byte
	return m.ix().types[string(AppendLower(buf[:0], fullName))]
}

// AppendLower appends s lower-cased to dst: in place for ASCII, the common case, which needs no allocation when dst
// has room (a stack buffer); through strings.ToLower otherwise. The parser's lookups and Model.Type use it.
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	start := len(dst)
	dst = append(dst, s...)
	for i, c := range dst[start:] {
		if 'A' <= c && c <= 'Z' {
			dst[start+i] = c + 'a' - 'A'
		}
	}
	return dst
}

// TypesNamed finds the types whose short name is name, ignoring case.
func (m *Model) TypesNamed(name string) []*Type {
	return m.ix().shortTypes[strings.ToLower(name)]
}

// LookupType resolves a reference written in the docs: a full name, a short name, or an alias such as
// "graph.user". It returns nil when the name is unknown or ambiguous.
func (m *Model) LookupType(ref string) *Type {
	ref = strings.TrimPrefix(strings.TrimSpace(ref), "#")
	if t := m.Type(ref); t != nil {
		return t
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(ref), "graph."); ok {
		if t := m.Type("microsoft.graph." + rest); t != nil {
			return t
		}
	}
	short := ref
	if i := strings.LastIndexByte(ref, '.'); i >= 0 {
		short = ref[i+1:]
	}
	if ts := m.TypesNamed(short); len(ts) == 1 {
		return ts[0]
	}
	return nil
}

// Page finds a page by its path relative to the docs root.
func (m *Model) Page(path string) *Page { return m.ix().pages[path] }

// Operation finds an operation by ID.
func (m *Model) Operation(id string) *Operation { return m.ix().ops[id] }

// BaseOf returns the resolved base type of t, or nil.
func (m *Model) BaseOf(t *Type) *Type {
	if t.BaseType == "" {
		return nil
	}
	return m.Type(t.BaseType)
}

// Ancestors returns t's base types, nearest first. It stops at a cycle.
func (m *Model) Ancestors(t *Type) []*Type {
	var out []*Type
	for b := m.BaseOf(t); b != nil && b != t && !slices.Contains(out, b); b = m.BaseOf(b) {
		out = append(out, b) // chains are short: a slice is the cheaper set
	}
	return out
}

// maxInheritance bounds walks up a chain of base types, which a cycle in the docs would make endless; Graph's
// deepest chain has fewer than ten links.
const maxInheritance = 64

// AllProperties returns t's structural properties including inherited ones, base types first.
func (m *Model) AllProperties(t *Type) []*Property {
	chain := m.Ancestors(t)
	var out []*Property
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, chain[i].Properties...)
	}
	return append(out, t.Properties...)
}

// Property finds a structural or navigation property of t or its ancestors by name; exact case first.
func (m *Model) Property(t *Type, name string) *Property {
	var folded *Property
	// Walked in place, without Ancestors' slice: this runs for every member of every example. A cycle only
	// repeats types already searched, until the bound.
	tt := t
	for range maxInheritance {
		if tt == nil {
			break
		}
		for _, list := range [][]*Property{tt.Properties, tt.NavigationProperties} {
			for _, p := range list {
				if p.Name == name {
					return p
				}
				if folded == nil && strings.EqualFold(p.Name, name) {
					folded = p
				}
			}
		}
		if tt = m.BaseOf(tt); tt == t {
			break
		}
	}
	return folded
}

// KeepsUnknownProperties reports whether instances of t may carry properties it does not declare, which readers
// then keep: t is open, or neither t nor a base type declares any property and no type derives from t (a page
// that documents no property, such as externalConnectors.properties, cannot hold its instances to any).
func (m *Model) KeepsUnknownProperties(t *Type) bool {
	if t.Open {
		return true
	}
	if t.Kind == KindEnum {
		return false
	}
	for _, x := range append([]*Type{t}, m.Ancestors(t)...) {
		if len(x.Properties) > 0 || len(x.NavigationProperties) > 0 {
			return false
		}
	}
	return len(m.Derived(t)) == 0
}

// Derived returns the types whose base type is t, sorted by full name.
func (m *Model) Derived(t *Type) []*Type {
	var out []*Type
	full := t.FullName()
	for _, c := range m.Types {
		if strings.EqualFold(c.BaseType, full) {
			out = append(out, c)
		}
	}
	return out
}

// Sort puts every slice of the model in its canonical order.
func (m *Model) Sort() {
	sort.Slice(m.Pages, func(i, j int) bool { return m.Pages[i].Path < m.Pages[j].Path })
	keys := make(map[*Type]string, len(m.Types))
	for _, t := range m.Types {
		keys[t] = t.FullName()
	}
	sort.Slice(m.Types, func(i, j int) bool { return keys[m.Types[i]] < keys[m.Types[j]] })
	sort.Slice(m.Operations, func(i, j int) bool { return m.Operations[i].ID < m.Operations[j].ID })
	SortDiagnostics(m.Diagnostics)
	m.index = nil
}

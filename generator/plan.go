package generator

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// plan holds every decision about the package before anything is rendered.
type plan struct {
	m        *model.Model
	opts     Options
	reserved *templates.Reserved
	global   *scope // package-level identifiers
	methods  *scope // operation method names (Client, Server and Unimplemented share them)
	argNames *scope // the names every method argument avoids (argScope)
	// defaultNS is the namespace most types live in; types of other namespaces get it as a name prefix.
	defaultNS string

	types   map[*model.Type]*typeInfo
	ordered []*typeInfo          // declared types in claim order
	synth   map[string]*typeInfo // structs made from request-body tables, by lower-case docs name
	files   map[string]*templates.File
	vocab   *vocabulary

	usedOverrides map[string]bool

	// specOf is each planned operation's spec; clientOf names the Client method that calls each documented path.
	specOf   map[*model.Operation]*templates.Operation
	clientOf map[*model.Path]string
}

// typeInfo is a type that gets a Go declaration.
type typeInfo struct {
	t        *model.Type // nil for synthesized structs
	fullName string
	goName   string
	base     *typeInfo
	derived  []*typeInfo
	poly     *templates.Poly
	fields   *scope // field and method names of the struct, its ancestors' included
	spec     *templates.Struct
	enum     *templates.Enum
	file     *templates.File
	done     bool
}

func newPlan(m *model.Model, opts Options) (*plan, error) {
	if err := checkOptions(opts); err != nil {
		return nil, err
	}
	reserved, err := templates.SupportIdentifiers()
	if err != nil {
		return nil, err
	}
	p := &plan{
		m:             m,
		opts:          opts,
		reserved:      reserved,
		types:         map[*model.Type]*typeInfo{},
		synth:         map[string]*typeInfo{},
		files:         map[string]*templates.File{},
		usedOverrides: map[string]bool{},
	}
	p.global = newScope(nil, "Server", "NewHandler", "init", "main")
	for name := range reserved.Package {
		p.global.reserve(name)
	}
	p.methods = newScope(nil)
	for name := range reserved.Members["Client"] {
		p.methods.reserve(name)
	}
	p.vocab = newVocabulary(m)
	p.defaultNS = defaultNamespace(m)

	p.nameTypes()
	p.linkBases()
	for _, ti := range p.ordered {
		p.declare(ti)
	}
	if err := p.planOperations(); err != nil {
		return nil, err
	}
	return p, p.checkOverridesUsed()
}

func defaultNamespace(m *model.Model) string {
	count := map[string]int{}
	for _, t := range m.Types {
		count[t.Namespace]++
	}
	best := ""
	for ns, n := range count {
		if n > count[best] || n == count[best] && ns < best {
			best = ns
		}
	}
	return best
}

// nameTypes gives every schema type its Go name. Types of the default namespace claim names first, so that a type
// of another namespace never takes a name from one of them.
func (p *plan) nameTypes() {
	var list []*model.Type
	for _, t := range p.m.Types {
		if t.Name == "" || p.m.Type(t.FullName()) != t {
			continue // unnamed, or a duplicate full name: the model's index keeps the first
		}
		switch t.Kind {
		case model.KindEntity, model.KindComplex, model.KindEnum:
			list = append(list, t)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		di, dj := list[i].Namespace == p.defaultNS, list[j].Namespace == p.defaultNS
		if di != dj {
			return di
		}
		return list[i].FullName() < list[j].FullName()
	})
	for _, t := range list {
		ti := &typeInfo{t: t, fullName: t.FullName()}
		ti.goName = p.global.claim(p.typeGoName(t))
		p.types[t] = ti
		p.ordered = append(p.ordered, ti)
	}
}

func (p *plan) typeGoName(t *model.Type) string {
	if name, ok := p.override(t.FullName()); ok {
		return name
	}
	name := exportedName(t.Name)
	if t.Namespace != p.defaultNS && t.Namespace != "" {
		ns := t.Namespace
		if rest, ok := strings.CutPrefix(ns, p.defaultNS+"."); ok && p.defaultNS != "" {
			ns = rest
		} else if i := strings.LastIndexByte(ns, '.'); i >= 0 {
			ns = ns[i+1:]
		}
		name = exportedName(ns) + name
	}
	return name
}

// override returns the Names override for key, marking it used.
func (p *plan) override(key string) (string, bool) {
	name, ok := p.opts.Names[key]
	if ok {
		p.usedOverrides[key] = true
	}
	return name, ok
}

// linkBases resolves each struct's base type (embedded in Go) and names the interface of every base type others
// derive from. A cycle of base types is cut where it closes.
func (p *plan) linkBases() {
	for _, ti := range p.ordered {
		if ti.t.Kind == model.KindEnum {
			continue
		}
		b := p.m.BaseOf(ti.t)
		if b == nil || b.Kind == model.KindEnum || p.types[b] == nil {
			continue
		}
		base := p.types[b]
		cycle := false
		for x := base; x != nil; x = x.base {
			if x == ti {
				cycle = true
				break
			}
		}
		if !cycle {
			ti.base = base
			base.derived = append(base.derived, ti)
		}
	}
	for _, ti := range p.ordered {
		if len(ti.derived) == 0 {
			continue
		}
		var derived []string
		var walk func(x *typeInfo)
		walk = func(x *typeInfo) {
			for _, d := range x.derived {
				derived = append(derived, d.goName)
				walk(d)
			}
		}
		walk(ti)
		sort.Strings(derived)
		ti.poly = &templates.Poly{
			Interface: p.global.claim("Any" + ti.goName),
			Method:    "As" + ti.goName,
			Derived:   derived,
		}
	}
}

// declare builds the Go declaration of a type, its base first.
func (p *plan) declare(ti *typeInfo) {
	if ti.done {
		return
	}
	ti.done = true
	t := ti.t
	if t.Kind == model.KindEnum {
		p.declareEnum(ti)
		return
	}
	var parent *scope
	if ti.base != nil {
		p.declare(ti.base)
		parent = ti.base.fields
	}
	ti.fields = newScope(parent, "ODataType", "AdditionalData", "MarshalJSON", "UnmarshalJSON")
	if ti.base != nil {
		ti.fields.reserve(ti.base.goName)
	}
	if ti.poly != nil {
		ti.fields.reserve(ti.poly.Method)
	}
	open := p.m.KeepsUnknownProperties(t)
	spec := &templates.Struct{
		Name:     ti.goName,
		FullName: ti.fullName,
		Doc:      typeDoc(ti, open),
		Open:     open,
		Poly:     ti.poly,
	}
	if ti.base != nil {
		spec.Base = ti.base.goName
	}
	inherited := map[string]bool{}
	for x := ti.base; x != nil; x = x.base {
		for _, f := range x.spec.Fields {
			inherited[f.JSON] = true
		}
	}
	seen := map[string]bool{}
	for _, prop := range append(append([]*model.Property(nil), t.Properties...), t.NavigationProperties...) {
		if prop.Name == "" || prop.Name == "@odata.type" || inherited[prop.Name] || seen[prop.Name] || !validTagName(prop.Name) {
			continue
		}
		seen[prop.Name] = true
		spec.Fields = append(spec.Fields, p.field(ti, prop))
	}
	ti.spec = spec
	p.fileFor(p.typeGroup(ti)).Structs = append(p.fileFor(p.typeGroup(ti)).Structs, spec)
}

// field builds a struct field for a property or a request-body parameter.
func (p *plan) field(owner *typeInfo, prop *model.Property) *templates.Field {
	key := owner.fullName + "." + prop.Name
	name, ok := p.override(key)
	if !ok {
		name = exportedName(prop.Name)
	}
	return &templates.Field{
		Name:    owner.fields.claim(name),
		JSON:    prop.Name,
		Type:    p.fieldType(owner.fullName, prop),
		Doc:     docText(prop.Description),
		NonNull: prop.Nullable != nil && !*prop.Nullable,
	}
}

// validTagName reports whether encoding/json accepts name in a struct tag: its isValidTag, exactly (letters,
// digits and the punctuation below; no comma, quote, backslash or control character). The tag itself is quoted by
// strconv, so a name cannot end it; a name json would not accept would silently be replaced by the field's.
func validTagName(name string) bool {
	if name == "" || !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r):
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			return false
		}
	}
	return true
}

func typeDoc(ti *typeInfo, open bool) string {
	t := ti.t
	kind := string(t.Kind)
	doc := sentence(fmt.Sprintf("%s is the %s %s type", ti.goName, ti.fullName, kind), docText(t.Description))
	if t.Open {
		doc += " It is an open type: properties it does not declare are kept in AdditionalData."
	} else if open {
		doc += " The docs declare no properties for it: those a value carries are kept in AdditionalData."
	}
	if t.Abstract {
		doc += " It is abstract: values are of derived types."
	}
	return doc
}

func (p *plan) declareEnum(ti *typeInfo) {
	t := ti.t
	doc := sentence(fmt.Sprintf("%s is the %s enum type", ti.goName, ti.fullName), docText(t.Description))
	if t.Flags {
		doc += ` It is a flags enum: a value is a set of members written "a, b".`
	}
	e := &templates.Enum{Name: ti.goName, FullName: ti.fullName, Doc: doc, Flags: t.Flags, Evolvable: t.Evolvable}
	seen := map[string]bool{}
	for _, mem := range t.Members {
		if mem.Name == "" || seen[mem.Name] {
			continue
		}
		seen[mem.Name] = true
		name, ok := p.override(ti.fullName + "." + mem.Name)
		if !ok {
			name = ti.goName + exportedName(mem.Name)
		}
		// Constants are claimed after every type is named (declare runs after nameTypes), so a constant never
		// takes a type's name.
		e.Members = append(e.Members, &templates.EnumMember{Const: p.global.claim(name), Value: mem.Name, Doc: docText(mem.Description)})
	}
	ti.enum = e
	f := p.fileFor(p.typeGroup(ti))
	f.Enums = append(f.Enums, e)
}

// typeGroup is the group (file) of a type: the first word of its Go name.
func (p *plan) typeGroup(ti *typeInfo) string {
	words := splitWords(ti.goName)
	if len(words) == 0 {
		return "types"
	}
	return strings.ToLower(words[0])
}

// fileFor returns the file of a group, creating it.
func (p *plan) fileFor(group string) *templates.File {
	name := groupFileName(group)
	f := p.files[name]
	if f == nil {
		f = &templates.File{Name: name}
		p.files[name] = f
	}
	return f
}

// checkOverridesUsed refuses override keys that name nothing in the model.
func (p *plan) checkOverridesUsed() error {
	var unknown []string
	for k := range p.opts.Names {
		if !p.usedOverrides[k] {
			unknown = append(unknown, "name override "+k)
		}
	}
	for k := range p.opts.Types {
		if prim, ok := strings.CutPrefix(k, "Edm."); ok {
			if primitives[strings.ToLower(prim)] == nil {
				unknown = append(unknown, "type override "+k)
			}
			continue
		}
		if !p.usedOverrides[k] {
			unknown = append(unknown, "type override "+k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("%s: no such type, property, enum member or operation in the docs", strings.Join(unknown, "; "))
	}
	return nil
}

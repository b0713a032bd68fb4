package config

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder walks the YAML node tree, filling cfg and collecting every error with its position.
type decoder struct {
	file string
	cfg  *Config
	errs []error
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...), Err: ErrInvalid})
}

func (d *decoder) pos(n *yaml.Node) Position {
	return Position{File: d.file, Line: n.Line, Col: n.Column}
}

// yamlLine matches the "yaml: line N: message" form of the YAML library's syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func (d *decoder) decode(data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return // an empty file is an empty config
		}
		d.syntaxError(err)
		return
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		d.errorf(&second, "a config file holds one YAML document; remove the second one")
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return
		}
		root = root.Content[0]
	}
	root = deref(root)
	if isNull(root) {
		return
	}
	d.mapping(root, "", topLevel)
}

func (d *decoder) syntaxError(err error) {
	pos := Position{File: d.file}
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	d.errs = append(d.errs, &Error{Pos: pos, Msg: "YAML: " + msg, Err: err})
}

// field is one key a mapping accepts.
type field struct {
	name string
	read func(d *decoder, key string, v *yaml.Node)
}

var topLevel []field

func init() {
	topLevel = []field{
		{"version", (*decoder).version},
		{"docs", func(d *decoder, key string, v *yaml.Node) { d.cfg.Docs = d.pathList(key, v) }},
		{"include", func(d *decoder, key string, v *yaml.Node) { d.cfg.Include = d.globs(key, v) }},
		{"exclude", func(d *decoder, key string, v *yaml.Node) { d.cfg.Exclude = d.globs(key, v) }},
		{"maxPageBytes", (*decoder).maxPageBytes},
		{"followSymlinks", func(d *decoder, key string, v *yaml.Node) { d.cfg.FollowSymlinks = d.boolean(key, v) }},
		{"package", (*decoder).packageName},
		{"out", func(d *decoder, key string, v *yaml.Node) { d.cfg.Out = d.path(key, v) }},
		{"emit", (*decoder).emit},
		{"names", (*decoder).names},
		{"types", (*decoder).types},
		{"lint", func(d *decoder, key string, v *yaml.Node) { d.mapping(v, key, lintFields) }},
	}
}

var lintFields = []field{
	{"rules", (*decoder).lintRules},
	{"failOn", func(d *decoder, key string, v *yaml.Node) { d.cfg.Lint.FailOn = d.oneOf(key, v, FailOnLevels) }},
	{"baseline", func(d *decoder, key string, v *yaml.Node) { d.cfg.Lint.Baseline = d.path(key, v) }},
	{"against", func(d *decoder, key string, v *yaml.Node) { d.cfg.Lint.Against = d.path(key, v) }},
	{"todoInComments", func(d *decoder, key string, v *yaml.Node) { d.cfg.Lint.TODOInComments = d.boolean(key, v) }},
	{"intuneCreateTables", func(d *decoder, key string, v *yaml.Node) { d.cfg.Lint.IntuneCreateTables = d.boolean(key, v) }},
}

// mapping reads a mapping whose keys must be among fields; prefix is the dotted path of the mapping.
func (d *decoder) mapping(n *yaml.Node, prefix string, fields []field) {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%sexpected a mapping of keys to values, found %s", label(prefix), describe(n))
		return
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	d.eachPair(n, prefix, func(k, v *yaml.Node) {
		var f *field
		for i := range fields {
			if fields[i].name == k.Value {
				f = &fields[i]
			}
		}
		if f == nil {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if prefix != "" {
				msg = fmt.Sprintf("%s: unknown key %q", prefix, k.Value)
			}
			if s := closest(k.Value, names); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known keys: " + strings.Join(names, ", ") + ")"
			}
			d.errs = append(d.errs, &Error{Pos: d.pos(k), Msg: msg, Err: ErrInvalid})
			return
		}
		key := join(prefix, f.name)
		d.record(key, k, v)
		f.read(d, key, v)
	})
}

// eachPair calls fn for each key and value of a mapping, reporting keys that are not plain scalars and keys that
// repeat (the YAML library keeps both silently).
func (d *decoder) eachPair(n *yaml.Node, prefix string, fn func(k, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "%skeys must be plain names, found %s", label(prefix), describe(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, "%skey %q repeated (first at line %d)", label(prefix), k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		fn(k, v)
	}
}

func (d *decoder) record(key string, k, v *yaml.Node) {
	d.cfg.positions[key] = d.pos(v)
	d.cfg.positions[key+"\x00key"] = d.pos(k)
}

func (d *decoder) version(key string, v *yaml.Node) {
	s, ok := d.scalar(key, v, "a number")
	if !ok {
		return
	}
	if s != strconv.Itoa(SchemaVersion) {
		d.errorf(v, "%s: this graphdocgen reads config version %d, not %q", key, SchemaVersion, s)
	}
}

// scalar returns a scalar's text; want names the expected kind for the error.
func (d *decoder) scalar(key string, v *yaml.Node, want string) (string, bool) {
	if v.Kind != yaml.ScalarNode || isNull(v) {
		d.errorf(v, "%s: expected %s, found %s", key, want, describe(v))
		return "", false
	}
	return v.Value, true
}

func (d *decoder) str(key string, v *yaml.Node) (string, bool) {
	s, ok := d.scalar(key, v, "a string")
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(v, "%s: empty value", key)
		return "", false
	}
	return s, ok
}

func (d *decoder) maxPageBytes(key string, v *yaml.Node) {
	s, ok := d.str(key, v)
	if !ok {
		return
	}
	n, err := ParseSize(s)
	if err != nil {
		d.errorf(v, "%s: %v", key, err)
		return
	}
	d.cfg.MaxPageBytes = n
}

func (d *decoder) path(key string, v *yaml.Node) string {
	s, _ := d.str(key, v)
	return s
}

func (d *decoder) boolean(key string, v *yaml.Node) bool {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		d.errorf(v, "%s: expected true or false, found %s", key, describe(v))
		return false
	}
	b, _ := strconv.ParseBool(strings.ToLower(v.Value))
	return b
}

func (d *decoder) oneOf(key string, v *yaml.Node, allowed []string) string {
	s, ok := d.str(key, v)
	if !ok {
		return ""
	}
	for _, a := range allowed {
		if strings.EqualFold(s, a) {
			return a
		}
	}
	msg := fmt.Sprintf("%s: %q is not one of %s", key, s, strings.Join(allowed, ", "))
	if c := closest(s, allowed); c != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", c)
	}
	d.errs = append(d.errs, &Error{Pos: d.pos(v), Msg: msg, Err: ErrInvalid})
	return ""
}

// list reads a string or a sequence of strings; each element is checked by check (which may be nil).
func (d *decoder) list(key string, v *yaml.Node, check func(elemKey string, n *yaml.Node, s string) bool) []string {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
		if len(items) == 0 {
			d.errorf(v, "%s: empty list", key)
			return nil
		}
	}
	var out []string
	for i, it := range items {
		it = deref(it)
		elemKey := key
		if v.Kind == yaml.SequenceNode {
			elemKey = fmt.Sprintf("%s[%d]", key, i)
		}
		s, ok := d.str(elemKey, it)
		if !ok || (check != nil && !check(elemKey, it, s)) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) pathList(key string, v *yaml.Node) []string { return d.list(key, v, nil) }

func (d *decoder) globs(key string, v *yaml.Node) []string {
	return d.list(key, v, func(elemKey string, n *yaml.Node, s string) bool {
		if _, err := path.Match(strings.TrimSuffix(s, "/**"), ""); err != nil {
			d.errorf(n, "%s: bad glob %q: %v", elemKey, s, err)
			return false
		}
		return true
	})
}

func (d *decoder) packageName(key string, v *yaml.Node) {
	s, ok := d.str(key, v)
	if !ok {
		return
	}
	if !token.IsIdentifier(s) || s == "_" {
		d.errorf(v, "%s: %q is not a Go package name", key, s)
		return
	}
	d.cfg.Package = s
}

func (d *decoder) emit(key string, v *yaml.Node) {
	seen := map[string]bool{}
	d.cfg.Emit = d.list(key, v, func(elemKey string, n *yaml.Node, s string) bool {
		known := false
		for _, k := range EmitKinds {
			known = known || k == s
		}
		if !known {
			msg := fmt.Sprintf("%s: %q is not one of %s", elemKey, s, strings.Join(EmitKinds, ", "))
			if c := closest(s, EmitKinds); c != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", c)
			}
			d.errs = append(d.errs, &Error{Pos: d.pos(n), Msg: msg, Err: ErrInvalid})
			return false
		}
		if seen[s] {
			d.errorf(n, "%s: %q listed twice", elemKey, s)
			return false
		}
		seen[s] = true
		return true
	})
}

// The keys of names and types, in the generator's terms: a dotted model name — a type ("microsoft.graph.user"),
// a property ("microsoft.graph.user.displayName"), an enum member ("microsoft.graph.userType.guest"), an Edm
// primitive ("Edm.Guid") — or, for names, an operation ID: the page path without .md, with "#verb" when the page
// documents several ("api/user-get", "api/driveitem-put-content#put"). Whether the name exists is for the
// generator to say, against the model.
var (
	modelName   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_@][A-Za-z0-9_@-]*)*$`)
	operationID = regexp.MustCompile(`^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+(#[a-z]+)?$`)
)

// entries reads a mapping of free-form names (model names, rule ids) to values: badKey says what is wrong with a
// key ("" when nothing is), value reads one value and reports what is wrong with it.
func (d *decoder) entries(key string, v *yaml.Node, what string, badKey func(name string) string, value func(entry, name string, val *yaml.Node)) {
	if v.Kind != yaml.MappingNode {
		d.errorf(v, "%s: expected a mapping of %s, found %s", key, what, describe(v))
		return
	}
	d.eachPair(v, key, func(k, val *yaml.Node) {
		if msg := badKey(k.Value); msg != "" {
			d.errorf(k, "%s: %q %s", key, k.Value, msg)
			return
		}
		entry := key + "." + k.Value
		d.record(entry, k, val)
		value(entry, k.Value, val)
	})
}

func (d *decoder) names(key string, v *yaml.Node) {
	d.cfg.Names = map[string]string{}
	d.entries(key, v, "model names to Go names", func(name string) string {
		if modelName.MatchString(name) || operationID.MatchString(name) {
			return ""
		}
		return "is not a model name (write microsoft.graph.user, microsoft.graph.user.displayName, microsoft.graph.userType.guest or api/user-get)"
	}, func(entry, name string, val *yaml.Node) {
		s, ok := d.str(entry, val)
		if !ok {
			return
		}
		if !token.IsIdentifier(s) || !token.IsExported(s) {
			d.errorf(val, "%s: %q is not an exported Go identifier", entry, s)
			return
		}
		d.cfg.Names[name] = s
	})
}

func (d *decoder) types(key string, v *yaml.Node) {
	d.cfg.Types = map[string]GoType{}
	d.entries(key, v, "model types to Go types", func(name string) string {
		if modelName.MatchString(name) {
			return ""
		}
		return "is not an Edm type or a property (write Edm.Guid or microsoft.graph.user.tenantId)"
	}, func(entry, name string, val *yaml.Node) {
		s, ok := d.str(entry, val)
		if !ok {
			return
		}
		gt, err := ParseGoType(s)
		if err != nil {
			d.errorf(val, "%s: %v", entry, err)
			return
		}
		d.cfg.Types[name] = gt
	})
}

func (d *decoder) lintRules(key string, v *yaml.Node) {
	d.cfg.Lint.Rules = map[string]string{}
	// Rule ids are checked by the linter's command (CheckLintRules); levels here, ignoring case: "Error" and
	// "OFF" are what people write.
	d.entries(key, v, "rule names to levels", func(string) string { return "" }, func(entry, name string, val *yaml.Node) {
		if level := d.oneOf(entry, val, RuleLevels); level != "" {
			d.cfg.Lint.Rules[name] = level
		}
	})
}

// qualified matches "import/path.Name" once any * or [] prefix has been taken off: the import path is everything
// before the last dot.
var qualified = regexp.MustCompile(`^((?:[A-Za-z0-9_.~-]+/)*[A-Za-z0-9_.~-]+)\.([A-Za-z_][A-Za-z0-9_]*)$`)

// ParseGoType reads a Go type override: a built-in or local type ("string", "[]byte", "*MyType",
// "map[string]any"), or a type qualified by its import path ("time.Time", "encoding/json.RawMessage",
// "github.com/shopspring/decimal.Decimal"), optionally behind * or [] prefixes. The package is referred to by
// the last element of its import path, which must therefore be its name.
func ParseGoType(spec string) (GoType, error) {
	gt := GoType{Spec: spec}
	s := strings.TrimSpace(spec)
	prefix := ""
	for {
		if rest, ok := strings.CutPrefix(s, "*"); ok {
			prefix, s = prefix+"*", rest
		} else if rest, ok := strings.CutPrefix(s, "[]"); ok {
			prefix, s = prefix+"[]", rest
		} else {
			break
		}
	}
	expr := s
	if m := qualified.FindStringSubmatch(s); m != nil {
		gt.Import = m[1]
		pkg := path.Base(m[1])
		if !token.IsIdentifier(pkg) {
			return gt, fmt.Errorf("%q: the last element of import path %q is not a package name", spec, m[1])
		}
		if !token.IsExported(m[2]) {
			return gt, fmt.Errorf("%q: %s is not exported from %s", spec, m[2], m[1])
		}
		expr = pkg + "." + m[2]
	}
	gt.Expr = prefix + expr
	e, err := parser.ParseExpr(gt.Expr)
	if err != nil || s == "" || !isTypeExpr(e) {
		return gt, fmt.Errorf("%q is not a Go type (write string, *time.Time, []byte or github.com/x/y.Type)", spec)
	}
	var foreign string
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && (gt.Import == "" || id.Name != path.Base(gt.Import)) && foreign == "" {
				foreign = id.Name
			}
		}
		return true
	})
	if foreign != "" {
		return gt, fmt.Errorf("%q: package %s is not imported; an override names one type by its import path (encoding/json.RawMessage)", spec, foreign)
	}
	return gt, nil
}

// isTypeExpr reports whether e has the shape of a type: names, qualified names, pointers, slices, arrays, maps,
// channels, func and interface types.
func isTypeExpr(e ast.Expr) bool {
	switch t := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		_, ok := t.X.(*ast.Ident)
		return ok
	case *ast.StarExpr:
		return isTypeExpr(t.X)
	case *ast.ArrayType:
		return isTypeExpr(t.Elt)
	case *ast.MapType:
		return isTypeExpr(t.Key) && isTypeExpr(t.Value)
	case *ast.ChanType:
		return isTypeExpr(t.Value)
	case *ast.FuncType, *ast.InterfaceType, *ast.StructType:
		return true
	case *ast.ParenExpr:
		return isTypeExpr(t.X)
	}
	return false
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func label(prefix string) string {
	if prefix == "" {
		return ""
	}
	return prefix + ": "
}

// deref follows aliases (*anchor) to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names a node's kind for "expected X, found Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "no value"
		case "!!bool":
			return "the boolean " + n.Value
		case "!!int", "!!float":
			return "the number " + n.Value
		}
		return strconv.Quote(n.Value)
	}
	return "a YAML node of another kind"
}

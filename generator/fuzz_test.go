package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// The docs are untrusted input, and every piece of their text that reaches the generated source must stay inert:
// comments, string literals, struct tags, identifiers and file names. FuzzGenerate feeds arbitrary text into every
// docs-text field of a small model — type names, namespaces, descriptions, titles, property names, enum members,
// paths, queries, HTTP methods, page names, example bodies and annotations — generates the package and checks each
// file: gofmt leaves it as it is, go/parser reads it, and its declarations are exactly those the model implies.

// fuzzSeeds are texts that broke out of a sink before, or would have.
var fuzzSeeds = []string{
	"",
	`/* */ X int }; func init() { println("INJECTED") }; type Injected struct { //`,
	"*/ func init() { panic(1) } /*",
	"a\nfunc init() { panic(1) }\n//",
	"a\r\nb\u2028c\u2029d\x00e\ufefff\u202eg\x85h",
	"\xff\xfe invalid utf-8 \xc3",
	"+build ignore",
	"go:build ignore",
	"//go:generate rm -rf /",
	"//line x.go:1",
	"`json:\"x\"` \" \\ ` '",
	"con", "nul", "com1", "LPT9", "aux",
	"x_test", "windows", "linux_amd64", "_x", ".x",
	"nil", "string", "init", "_", "main", "type", "func", "Client", "Server", "registerType",
	"0", "3d", "ÄÖü", "日本語",
	"GET", "get", "G E T", "POST\n",
	"/users/{id}", "/users/{id}/x?$filter={q}", "{{}}", "/{a...}", "/a b/{c d}",
	"microsoft.graph", "microsoft.graph.callRecords", "a.b.c",
}

func FuzzGenerate(f *testing.F) {
	for i, s := range fuzzSeeds {
		t := fuzzSeeds[(i+1)%len(fuzzSeeds)]
		u := fuzzSeeds[(i+7)%len(fuzzSeeds)]
		f.Add(s, t, s, u, s, t, "GET", u)
		f.Add("widget", "microsoft.graph", s, "color", "red", "/widgets/{id}", "PATCH", "widget-update.md")
	}
	f.Fuzz(func(t *testing.T, typeName, namespace, text, propName, member, path, method, page string) {
		m := fuzzModel(typeName, namespace, text, propName, member, path, method, page)
		checkGeneratedPackage(t, m)
	})
}

// fuzzModel builds a model whose every docs-text field holds one of the fuzz strings: an entity with a property, an
// enum, a type derived from the entity (so it gets an interface), and two operations with paths, a query, a
// request-body table, answers and examples.
func fuzzModel(typeName, namespace, text, propName, member, path, method, page string) *model.Model {
	prim := func(name string) model.TypeRef { return model.TypeRef{Name: "Edm." + name, Kind: model.KindPrimitive} }
	annotation := &model.Annotation{BlockType: text, Raw: page, Value: &model.Value{Kind: model.ValueObject,
		Members: []model.Member{{Key: "@odata.type", Value: &model.Value{Kind: model.ValueString, Str: text}}}}}
	entity := &model.Type{Kind: model.KindEntity, Namespace: namespace, Name: typeName, Description: text, Page: page, Annotation: annotation,
		Properties: []*model.Property{
			{Name: propName, Type: prim("String"), Description: text},
			{Name: text, Type: prim("Int32"), Description: member},
			{Name: "id", Type: prim("String"), Description: path},
		},
		NavigationProperties: []*model.Property{{Name: member, Type: model.TypeRef{Name: namespace + "." + member, Kind: string(model.KindEnum), Raw: text}}},
	}
	full := entity.FullName()
	enum := &model.Type{Kind: model.KindEnum, Namespace: namespace, Name: member, Description: text, Page: page,
		Members: []*model.EnumMember{{Name: member, Description: text}, {Name: text, Description: propName}, {Name: propName}}}
	derived := &model.Type{Kind: model.KindComplex, Namespace: "microsoft.graph", Name: propName, BaseType: full,
		Description: text, Page: page, Properties: []*model.Property{{Name: typeName, Type: prim("Boolean"), Description: text}}}
	second := &model.Type{Kind: model.KindComplex, Namespace: text, Name: text, Description: typeName, Page: text}
	body := "{\"" + propName + "\": \"" + text + "\"}"
	op := &model.Operation{
		ID: page, Page: page, Title: text, Description: typeName, Method: method,
		Paths: []*model.Path{{
			Raw:      path + "/{" + propName + "}?" + member + "={" + text + "}",
			Template: path + "/{" + propName + "}",
			Query:    member + "={" + text + "}&" + text,
			Params: []model.PathParam{
				{Name: propName, Written: propName, Kind: model.ParamSegment, Type: prim("String")},
				{Name: text, Written: text, Kind: model.ParamQuery, Type: prim("String")},
			},
		}, {Template: "/me" + path, Query: text}},
		RequestBody: &model.RequestBody{Kind: model.BodyParameters, Params: []*model.Property{
			{Name: propName, Type: prim("String"), Description: text, Required: true},
			{Name: text, Type: model.TypeRef{Name: full, Kind: string(model.KindEntity)}, Description: member},
		}},
		Response: model.Response{Status: 201, Reason: text, Type: &model.TypeRef{Name: full, Kind: string(model.KindEntity)}},
		Examples: []*model.Example{
			{Kind: model.ExampleRequest, Name: page, Annotation: annotation, Method: method, URL: path, Body: body},
			{Kind: model.ExampleResponse, Name: text, StatusLine: text, Body: text, ODataType: text},
		},
	}
	list := &model.Operation{
		ID: "api/" + text + "#" + member, Page: text, Title: page, Description: text, Method: "GET",
		Paths:    []*model.Path{{Template: "/" + typeName + "s", Query: "$filter=" + text}},
		Response: model.Response{Status: 200, Type: &model.TypeRef{Name: enum.FullName(), Kind: string(model.KindEnum), Collection: true}},
		Examples: []*model.Example{{Kind: model.ExampleResponse, Body: body, JSON: &model.Value{Kind: model.ValueObject,
			Members: []model.Member{{Key: text, Value: &model.Value{Kind: model.ValueString, Str: member}}}}}},
	}
	m := &model.Model{
		Pages:      []*model.Page{{Path: page, Title: text, Description: text}},
		Types:      []*model.Type{entity, enum, derived, second},
		Operations: []*model.Operation{op, list},
	}
	m.Sort()
	m.Reindex()
	return m
}

var (
	plainFileName  = regexp.MustCompile(`^[a-z0-9][a-z0-9_]*\.go$`)
	sendableMethod = regexp.MustCompile(`^[A-Za-z]{1,32}$`)
)

// checkGeneratedPackage generates m and checks every file against the plan the generator made for it.
func checkGeneratedPackage(t *testing.T, m *model.Model) {
	t.Helper()
	opts := Options{Package: "gen"}
	files, err := Generate(m, opts)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	p, err := newPlan(m, opts)
	if err != nil {
		t.Fatalf("newPlan: %v", err)
	}
	planned := map[string]*templates.File{}
	var groups []*templates.Group // in file order, as server.go embeds them
	for _, f := range p.fileList() {
		planned[f.Name] = f
		if f.Group != nil {
			groups = append(groups, f.Group)
		}
	}
	for name := range files {
		if !plainFileName.MatchString(name) || checkFileName(name) != nil {
			t.Errorf("file name %q", name)
		}
	}

	// The model's own counts, independent of the plan: every named entity and complex type is a registered struct,
	// every enum an enum type with a constant per distinct named member, every callable operation a Client method.
	wantRegistered, wantEnums, wantConsts, wantOps := map[string]bool{}, 0, 0, 0
	for _, ty := range m.Types {
		if ty.Name == "" || m.Type(ty.FullName()) != ty {
			continue
		}
		switch ty.Kind {
		case model.KindEntity, model.KindComplex:
			wantRegistered[ty.FullName()] = true
		case model.KindEnum:
			wantEnums++
			seen := map[string]bool{}
			for _, mem := range ty.Members {
				if mem.Name != "" && !seen[mem.Name] {
					seen[mem.Name] = true
					wantConsts++
				}
			}
		}
	}
	for _, op := range m.Operations {
		if len(op.Paths) > 0 && sendableMethod.MatchString(op.Method) {
			wantOps++
		}
	}
	gotRegistered, gotEnums, gotConsts, gotOps := map[string]bool{}, 0, 0, 0

	for name, src := range files {
		if strings.HasPrefix(name, "support_") {
			if !slices.Contains(templates.SupportFileNames(), name) {
				t.Errorf("unexpected support file %s", name)
			}
			continue
		}
		formatted, err := format.Source(src)
		if err != nil {
			t.Fatalf("%s: gofmt: %v\n%s", name, err, src)
		}
		if !bytes.Equal(formatted, src) {
			t.Errorf("%s: not gofmt'd", name)
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		if file.Name.Name != "gen" {
			t.Errorf("%s: package %s", name, file.Name.Name)
		}
		checkComments(t, name, file)
		var want []string
		switch {
		case name == "doc.go":
		case name == "server.go":
			want = []string{"type Server", "func NewHandler", "var _"}
			checkInterface(t, name, file, "Server", groupNames(groups))
		default:
			f := planned[name]
			if f == nil {
				t.Errorf("%s: a file the plan does not have", name)
				continue
			}
			want = expectedDecls(f)
			checkFileDetails(t, name, file, f, gotRegistered)
			gotEnums += len(f.Enums)
			for _, e := range f.Enums {
				gotConsts += len(e.Members)
			}
			gotOps += len(f.Operations)
		}
		got := declsOf(file)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: declarations\n got %q\nwant %q\n%s", name, got, want, src)
		}
	}
	if !maps2Equal(gotRegistered, wantRegistered) {
		t.Errorf("registered @odata.types %v, the model has %v", keys(gotRegistered), keys(wantRegistered))
	}
	if gotEnums != wantEnums || gotConsts != wantConsts || gotOps != wantOps {
		t.Errorf("enums %d, constants %d, operations %d; the model has %d, %d, %d", gotEnums, gotConsts, gotOps, wantEnums, wantConsts, wantOps)
	}
}

// expectedDecls lists the top-level declarations the templates write for a planned file.
func expectedDecls(f *templates.File) []string {
	var out []string
	registered := false
	for _, s := range f.Structs {
		out = append(out, "type "+s.Name, "func "+s.Name+".MarshalJSON", "func "+s.Name+".UnmarshalJSON")
		if s.Open {
			out = append(out, "func "+s.Name+".openType")
		}
		if s.Poly != nil {
			out = append(out, "type "+s.Poly.Interface, "func "+s.Name+"."+s.Poly.Method)
		}
		registered = registered || s.FullName != ""
	}
	if registered {
		out = append(out, "func init")
	}
	for _, e := range f.Enums {
		out = append(out, "type "+e.Name, "func "+e.Name+".IsKnown")
		for _, m := range e.Members {
			out = append(out, "const "+m.Const)
		}
		if e.Flags {
			out = append(out, "func "+e.Name+".Has", "func "+e.Name+".With", "func "+e.Name+".Without", "func "+e.Name+".Members")
		}
	}
	for _, op := range f.Operations {
		out = append(out, "func Client."+op.Name)
		if op.All != "" {
			out = append(out, "func Client."+op.All)
		}
		for _, v := range op.Variants {
			out = append(out, "func Client."+v.Name)
			if v.All != "" {
				out = append(out, "func Client."+v.All)
			}
		}
		if f.Group != nil && len(op.Routes) > 0 {
			out = append(out, "func Unimplemented."+op.Name)
		}
	}
	if f.Group != nil {
		out = append(out, "type "+f.Group.Interface, "func "+f.Group.Register)
	}
	return out
}

// declsOf lists a file's top-level declarations, sorted: "type T", "func T.M", "func F", "const C", "var V".
func declsOf(file *ast.File) []string {
	var out []string
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, "func "+d.Name.Name)
				continue
			}
			out = append(out, "func "+receiverType(d.Recv.List[0].Type)+"."+d.Name.Name)
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, "type "+s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, d.Tok.String()+" "+n.Name)
					}
				case *ast.ImportSpec:
				}
			}
		default:
			out = append(out, fmt.Sprintf("bad declaration %T", d))
		}
	}
	sort.Strings(out)
	return out
}

func receiverType(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverType(e.X)
	case *ast.Ident:
		return e.Name
	}
	return fmt.Sprintf("%T", e)
}

// checkComments wants every comment to be a line comment that is no directive and no build constraint.
func checkComments(t *testing.T, name string, file *ast.File) {
	t.Helper()
	for _, g := range file.Comments {
		for _, c := range g.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			switch {
			case !ok:
				t.Errorf("%s: a block comment %q", name, c.Text)
			case text != "" && text[0] != ' ' && text[0] != '\t': // gofmt indents a code block with a tab
				t.Errorf("%s: a directive %q", name, c.Text)
			case strings.HasPrefix(strings.TrimSpace(text), "+build"):
				t.Errorf("%s: a build constraint %q", name, c.Text)
			case strings.ContainsAny(text, "\r\x00\ufeff") || strings.Contains(text, "*/") || strings.Contains(text, "/*"):
				t.Errorf("%s: comment holds what a comment must not: %q", name, c.Text)
			}
		}
	}
}

// checkFileDetails checks what a declaration holds: struct fields and tags, enum values, the registrations in
// init, the group interface's methods and the routes each handler is registered for.
func checkFileDetails(t *testing.T, name string, file *ast.File, f *templates.File, registered map[string]bool) {
	t.Helper()
	structs := map[string]*templates.Struct{}
	for _, s := range f.Structs {
		structs[s.Name] = s
	}
	consts := map[string]string{}
	for _, e := range f.Enums {
		for _, m := range e.Members {
			consts[m.Const] = m.Value
		}
	}
	ops := map[string]*templates.Operation{}
	// A path variant is a Client method of its own, with its own arguments.
	clientArgs := map[string][]*templates.Param{}
	// An iterator over a collection answer (All) takes its method's arguments, and a delta function's the deltaLink.
	iterators := map[string]bool{}
	var opNames []string
	for _, op := range f.Operations {
		ops[op.Name] = op
		clientArgs[op.Name] = op.Params
		if op.All != "" {
			ops[op.All], clientArgs[op.All], iterators[op.All] = op, op.Params, true
		}
		for _, v := range op.Variants {
			ops[v.Name], clientArgs[v.Name] = op, v.Params
			if v.All != "" {
				ops[v.All], clientArgs[v.All], iterators[v.All] = op, v.Params, true
			}
		}
		if len(op.Routes) > 0 {
			opNames = append(opNames, op.Name) // only an operation that serves a route has a Server method
		}
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					if s := structs[spec.Name.Name]; s != nil {
						checkStruct(t, name, spec, s)
					}
				case *ast.ValueSpec:
					for i, n := range spec.Names {
						lit, ok := spec.Values[i].(*ast.BasicLit)
						v, err := strconv.Unquote(litValue(lit, ok))
						if d.Tok != token.CONST || err != nil || v != consts[n.Name] {
							t.Errorf("%s: %s %s = %v, want %q", name, d.Tok, n.Name, spec.Values[i], consts[n.Name])
						}
					}
				}
			}
		case *ast.FuncDecl:
			switch {
			case d.Name.Name == "init" && d.Recv == nil:
				for _, st := range d.Body.List {
					call, ok := callOf(st)
					if !ok || (call.fun != "registerType" && call.fun != "registerBase") || !typedNils(st) {
						t.Errorf("%s: init holds %T, not a registration", name, st)
						continue
					}
					if call.fun == "registerType" {
						if len(call.strs) != 1 || registered[call.strs[0]] {
							t.Errorf("%s: registerType %q", name, call.strs)
						} else {
							registered[call.strs[0]] = true
						}
					}
				}
			case f.Group != nil && d.Name.Name == f.Group.Register:
				var handled []string
				for _, st := range d.Body.List {
					call, ok := callOf(st)
					op := ops[handledOp(st)]
					if !ok || call.fun != "rt.handle" || op == nil || !handles(call.strs, op) {
						t.Errorf("%s: %s holds %v, not the routes of an operation", name, d.Name.Name, call)
						continue
					}
					handled = append(handled, op.Name)
				}
				if !slices.Equal(handled, opNames) {
					t.Errorf("%s: routes of %v, want %v", name, handled, opNames)
				}
			case d.Recv != nil && receiverType(d.Recv.List[0].Type) == "Client":
				op := ops[d.Name.Name]
				var params []string
				for _, fl := range d.Type.Params.List {
					for _, n := range fl.Names {
						params = append(params, n.Name)
					}
				}
				want := []string{"ctx"}
				for _, p := range clientArgs[d.Name.Name] {
					want = append(want, p.Name)
				}
				if op.Body != nil {
					want = append(want, "body")
				}
				if iterators[d.Name.Name] && op.Delta {
					want = append(want, "deltaLink")
				}
				want = append(want, "opts")
				if sel, isSel := d.Type.Results.List[0].Type.(*ast.IndexListExpr); iterators[d.Name.Name] && (!isSel || types.ExprString(sel.X) != "iter.Seq2") {
					t.Errorf("%s: %s returns %s, not an iter.Seq2", name, d.Name.Name, types.ExprString(d.Type.Results.List[0].Type))
				}
				if !slices.Equal(params, want) {
					t.Errorf("%s: %s takes %v, want %v", name, d.Name.Name, params, want)
				}
			}
		}
	}
	if f.Group != nil {
		checkInterface(t, name, file, f.Group.Interface, opNames)
	}
}

func checkStruct(t *testing.T, name string, spec *ast.TypeSpec, s *templates.Struct) {
	t.Helper()
	st, ok := spec.Type.(*ast.StructType)
	if !ok {
		t.Errorf("%s: %s is not a struct", name, s.Name)
		return
	}
	type field struct{ name, json string }
	var want, got []field
	if s.Base != "" {
		want = append(want, field{s.Base, ""})
	} else {
		want = append(want, field{"ODataType", "@odata.type,omitempty"})
	}
	for _, fl := range s.Fields {
		want = append(want, field{fl.Name, fl.JSON + ",omitzero"})
	}
	if s.Base == "" {
		want = append(want, field{"AdditionalData", "-"})
	}
	for _, fl := range st.Fields.List {
		tag := ""
		if fl.Tag != nil {
			raw, err := strconv.Unquote(fl.Tag.Value)
			if err != nil {
				t.Errorf("%s: tag %s: %v", name, fl.Tag.Value, err)
			}
			tag = reflect.StructTag(raw).Get("json")
		}
		switch len(fl.Names) {
		case 0:
			got = append(got, field{receiverType(fl.Type), tag})
		case 1:
			got = append(got, field{fl.Names[0].Name, tag})
		default:
			t.Errorf("%s: %s has a field list of %d names", name, s.Name, len(fl.Names))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: fields of %s\n got %q\nwant %q", name, s.Name, got, want)
	}
}

func checkInterface(t *testing.T, name string, file *ast.File, iface string, want []string) {
	t.Helper()
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, s := range g.Specs {
			ts := s.(*ast.TypeSpec)
			if ts.Name.Name != iface {
				continue
			}
			it, ok := ts.Type.(*ast.InterfaceType)
			if !ok {
				t.Errorf("%s: %s is not an interface", name, iface)
				return
			}
			var got []string
			for _, m := range it.Methods.List {
				for _, n := range m.Names {
					got = append(got, n.Name)
				}
				if len(m.Names) == 0 {
					got = append(got, receiverType(m.Type))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s has %v, want %v", name, iface, got, want)
			}
			return
		}
	}
	t.Errorf("%s: no interface %s", name, iface)
}

type callInfo struct {
	fun  string
	strs []string // the string literal arguments, unquoted
}

// callOf reads a statement that is a call: the called name and its string-literal arguments.
func callOf(st ast.Stmt) (callInfo, bool) {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return callInfo{}, false
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok {
		return callInfo{}, false
	}
	var c callInfo
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		c.fun = fn.Name
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			c.fun = x.Name + "." + fn.Sel.Name
		}
	}
	for _, a := range call.Args {
		if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return callInfo{}, false
			}
			c.strs = append(c.strs, s)
		}
	}
	return c, c.fun != ""
}

// typedNils reports whether every argument of the call st is a string literal or a typed nil, (*T)(nil): a
// registration holds nothing that runs.
func typedNils(st ast.Stmt) bool {
	call := st.(*ast.ExprStmt).X.(*ast.CallExpr)
	for _, a := range call.Args {
		if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			continue
		}
		conv, ok := a.(*ast.CallExpr)
		if !ok || len(conv.Args) != 1 {
			return false
		}
		if nilIdent, ok := conv.Args[0].(*ast.Ident); !ok || nilIdent.Name != "nil" {
			return false
		}
		paren, ok := conv.Fun.(*ast.ParenExpr)
		if !ok {
			return false
		}
		star, ok := paren.X.(*ast.StarExpr)
		if !ok {
			return false
		}
		if _, ok := star.X.(*ast.Ident); !ok {
			return false
		}
	}
	return true
}

// handles reports whether the string arguments of rt.handle are the operation's method and routes, after its
// name where the router takes one.
func handles(strs []string, op *templates.Operation) bool {
	is := func(strs []string) bool {
		return len(strs) > 0 && strs[0] == op.Method && slices.Equal(strs[1:], op.Routes)
	}
	return is(strs) || len(strs) > 0 && strs[0] == op.Name && is(strs[1:])
}

// handledOp is the Server method a rt.handle call's handler invokes.
func handledOp(st ast.Stmt) string {
	name := ""
	ast.Inspect(st, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "s" && name == "" {
				name = sel.Sel.Name
			}
		}
		return true
	})
	return name
}

func litValue(lit *ast.BasicLit, ok bool) string {
	if !ok || lit.Kind != token.STRING {
		return ""
	}
	return lit.Value
}

func groupNames(groups []*templates.Group) []string {
	var out []string
	for _, g := range groups {
		out = append(out, g.Interface)
	}
	return out
}

func maps2Equal(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

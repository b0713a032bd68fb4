package templates

import (
	"bytes"
	"embed"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// RenderFile renders one file of model types and operations, keeping the parts out selects.
func RenderFile(pkg string, file *File, out Outputs) ([]byte, error) {
	if err := checkFile(file); err != nil {
		return nil, fmt.Errorf("render %s: %w", file.Name, err)
	}
	f := newFile(pkg)
	if out.Models {
		for _, s := range file.Structs {
			BuildStruct(f, s)
		}
		for _, e := range file.Enums {
			BuildEnum(f, e)
		}
		BuildRegistrations(f, file.Structs)
	}
	if out.Client {
		for _, op := range file.Operations {
			BuildClientMethod(f, op)
		}
	}
	if out.Client || out.Server {
		BuildQueryTypes(f, file.Operations, out)
	}
	if out.Server && file.Group != nil {
		BuildServerGroup(f, file.Group, file.Operations)
	}
	return render(f, file.Name)
}

// RenderServer renders server.go.
func RenderServer(pkg string, groups []*Group) ([]byte, error) {
	for _, g := range groups {
		if err := checkGroup(g); err != nil {
			return nil, fmt.Errorf("render server.go: %w", err)
		}
	}
	f := newFile(pkg)
	BuildServerFile(f, groups)
	return render(f, "server.go")
}

// RenderDoc renders doc.go, which carries the package documentation, as line comments like every other comment.
func RenderDoc(pkg, doc string) ([]byte, error) {
	f := newFile(pkg)
	var lines []string
	for _, line := range wrapParagraphs(CommentText(doc), 116) {
		lines = append(lines, CommentLine(line))
	}
	// Rendered as written: the text starts with "//".
	f.PackageComment(strings.Join(lines, "\n"))
	return render(f, "doc.go")
}

func newFile(pkg string) *jen.File {
	if err := CheckIdent(pkg); err != nil {
		// The generator checks the package name first; a bad one must still never reach the source.
		pkg = "invalid_package_name"
	}
	f := jen.NewFile(pkg)
	f.HeaderComment(Header)
	return f
}

func render(f *jen.File, name string) ([]byte, error) {
	var b bytes.Buffer
	if err := f.Render(&b); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return b.Bytes(), nil
}

//go:embed support/*.go
var supportFS embed.FS

// supportFiles lists the support sources each output needs; the models' are needed by all.
var supportFiles = map[string][]string{
	"models": {"codec.go", "enum.go", "odata.go", "optional.go", "registry.go", "scan.go", "temporal.go"},
	"client": {"client.go", "paging.go", "query.go", "retry.go"},
	"server": {"server.go", "route.go"},
}

// Support returns the static support files for the selected outputs, as "support_<name>.go", with their package
// clause renamed and the generated-code header added. The files depend on pkg and out alone and are made once
// per pair (gofmt'ing the runtime is most of the cost of generating a small package); each call gets its own
// copies.
func Support(pkg string, out Outputs) (map[string][]byte, error) {
	if err := CheckIdent(pkg); err != nil {
		return nil, fmt.Errorf("package name: %w", err)
	}
	key := supportKey{pkg, out}
	supportCache.Lock()
	cached, ok := supportCache.files[key]
	supportCache.Unlock()
	if !ok {
		var err error
		if cached, err = support(pkg, out); err != nil {
			return nil, err
		}
		supportCache.Lock()
		if len(supportCache.files) > 64 {
			clear(supportCache.files)
		}
		supportCache.files[key] = cached
		supportCache.Unlock()
	}
	files := make(map[string][]byte, len(cached))
	for name, data := range cached {
		files[name] = bytes.Clone(data)
	}
	return files, nil
}

type supportKey struct {
	pkg string
	out Outputs
}

var supportCache = struct {
	sync.Mutex
	files map[supportKey]map[string][]byte
}{files: map[supportKey]map[string][]byte{}}

func support(pkg string, out Outputs) (map[string][]byte, error) {
	files := map[string][]byte{}
	var names []string
	if out.Models || out.Client || out.Server {
		names = append(names, supportFiles["models"]...)
	}
	if out.Client {
		names = append(names, supportFiles["client"]...)
	}
	if out.Server {
		names = append(names, supportFiles["server"]...)
	}
	for _, name := range names {
		src, err := supportFS.ReadFile("support/" + name)
		if err != nil {
			return nil, err
		}
		rest, ok := bytes.CutPrefix(src, []byte("package support\n"))
		if !ok {
			return nil, fmt.Errorf("support/%s must start with its package clause", name)
		}
		data := append([]byte("// "+Header+"\n\npackage "+pkg+"\n"), rest...)
		if data, err = format.Source(data); err != nil {
			return nil, fmt.Errorf("support/%s: %w", name, err)
		}
		files["support_"+name] = data
	}
	return files, nil
}

// Reserved lists the identifiers the support code declares at package level, which generated names must avoid,
// and the methods and fields of its types (Client's, for instance) that operation names must avoid.
type Reserved struct {
	Package map[string]bool
	Members map[string]map[string]bool // type → its methods and fields
}

// SupportIdentifiers reads the support sources and returns what they declare. The sources are embedded, so they
// are read once; each call gets its own copy.
func SupportIdentifiers() (*Reserved, error) {
	reservedOnce.Do(func() { reservedIdents, reservedErr = supportIdentifiers() })
	if reservedErr != nil {
		return nil, reservedErr
	}
	r := &Reserved{Package: maps.Clone(reservedIdents.Package), Members: map[string]map[string]bool{}}
	for typ, members := range reservedIdents.Members {
		r.Members[typ] = maps.Clone(members)
	}
	return r, nil
}

var (
	reservedOnce   sync.Once
	reservedIdents *Reserved
	reservedErr    error
)

func supportIdentifiers() (*Reserved, error) {
	r := &Reserved{Package: map[string]bool{}, Members: map[string]map[string]bool{}}
	entries, err := supportFS.ReadDir("support")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	member := func(typ, name string) {
		if r.Members[typ] == nil {
			r.Members[typ] = map[string]bool{}
		}
		r.Members[typ][name] = true
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		src, err := supportFS.ReadFile(path.Join("support", e.Name()))
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(fset, e.Name(), src, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					r.Package[d.Name.Name] = true
					continue
				}
				member(receiverName(d.Recv.List[0].Type), d.Name.Name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						r.Package[s.Name.Name] = true
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									member(s.Name.Name, n.Name)
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							r.Package[n.Name] = true
						}
					}
				}
			}
		}
	}
	return r, nil
}

func receiverName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return receiverName(t.X)
	case *ast.IndexExpr:
		return receiverName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}

// SupportFileNames returns the names Support may produce, sorted.
func SupportFileNames() []string {
	var out []string
	for _, names := range supportFiles {
		for _, n := range names {
			out = append(out, "support_"+n)
		}
	}
	sort.Strings(out)
	return out
}

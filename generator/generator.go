// Package generator turns the model into a Go package: it decides every name (Go initialisms, keywords, leading
// digits, collisions), maps the docs' types to Go types, groups types and operations into files, and has the
// templates package render them. Generate is pure — a model and options in, file contents out — and deterministic:
// the same input gives byte-identical files, with no time stamps and no local paths.
package generator

import (
	"fmt"
	"go/token"
	"runtime"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/workers"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/templates"
)

// Options control what is generated.
type Options struct {
	// Package is the Go package name of the generated code.
	Package string
	// Outputs selects the parts to emit. The zero value emits everything; models are emitted whenever anything is.
	Outputs Outputs
	// Names overrides the Go names the generator would choose. Keys are a schema type's full name
	// ("microsoft.graph.user"), a property ("microsoft.graph.user.displayName"), an enum member
	// ("microsoft.graph.userType.guest") or an operation ID ("api/user-get"); values are Go identifiers.
	Names map[string]string
	// Types overrides the Go types of properties. Keys are an Edm primitive ("Edm.Guid") for every property of that
	// type, or a property ("microsoft.graph.user.tenantId"); values are Go types: "string", "*time.Time",
	// "[]byte", "github.com/google/uuid.UUID" (an import path, a dot and the name).
	Types map[string]string
}

// Outputs selects the parts of the package to emit.
type Outputs struct {
	Models bool // structs and enums
	Client bool // the Client and its methods
	Server bool // the Server interface and NewHandler
}

func (o Outputs) orAll() Outputs {
	if !o.Models && !o.Client && !o.Server {
		return Outputs{Models: true, Client: true, Server: true}
	}
	// Client and server code uses the model types.
	o.Models = true
	return o
}

// Generate renders the model into Go files: path (relative to the output directory) → gofmt'd source.
// GenerateReport also says what it could not resolve.
func Generate(m *model.Model, opts Options) (map[string][]byte, error) {
	files, _, err := GenerateReport(m, opts)
	return files, err
}

// checkOptions refuses options that cannot produce a package.
func checkOptions(opts Options) error {
	if opts.Package == "" {
		return fmt.Errorf("the package name is empty")
	}
	if !token.IsIdentifier(opts.Package) || token.IsKeyword(opts.Package) || opts.Package == "_" {
		return fmt.Errorf("the package name %q is not a Go identifier", opts.Package)
	}
	for key, name := range opts.Names {
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			return fmt.Errorf("name override %s = %q: not an exported Go identifier", key, name)
		}
	}
	for key, typ := range opts.Types {
		if _, err := parseGoType(typ); err != nil {
			return fmt.Errorf("type override %s = %q: %w", key, typ, err)
		}
	}
	return nil
}

// parseGoType reads a Go type written in an override: a predeclared or local name, pkg.Name for the standard
// library, an import path and a name ("github.com/google/uuid.UUID"), with leading * and [] allowed.
func parseGoType(s string) (*templates.Type, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return nil, fmt.Errorf("empty type")
	case strings.HasPrefix(s, "*"):
		elem, err := parseGoType(s[1:])
		if err != nil {
			return nil, err
		}
		return templates.PointerTo(elem), nil
	case strings.HasPrefix(s, "[]"):
		elem, err := parseGoType(s[2:])
		if err != nil {
			return nil, err
		}
		return templates.SliceOf(elem), nil
	}
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 {
		if !token.IsIdentifier(s) {
			return nil, fmt.Errorf("%q is not a Go type name", s)
		}
		return templates.Named(s), nil
	}
	path, name := s[:dot], s[dot+1:]
	if !token.IsIdentifier(name) || !token.IsExported(name) || path == "" || strings.ContainsAny(path, " \t\"") {
		return nil, fmt.Errorf("%q is not an import path and an exported name", s)
	}
	return templates.Qual(path, name), nil
}

// render produces every file of the plan.
func (p *plan) render() (map[string][]byte, error) {
	out := p.opts.Outputs.orAll()
	tout := templates.Outputs{Models: out.Models, Client: out.Client, Server: out.Server}
	files, err := templates.Support(p.opts.Package, tout)
	if err != nil {
		return nil, err
	}
	if files["doc.go"], err = templates.RenderDoc(p.opts.Package, packageDoc(p.opts.Package)); err != nil {
		return nil, err
	}
	var groups []*templates.Group
	list := p.fileList()
	if !out.Models && !out.Client && !out.Server {
		list = nil
	}
	rendered, err := renderAll(p.opts.Package, list, tout)
	if err != nil {
		return nil, err
	}
	for i, f := range list {
		files[f.Name] = rendered[i]
		if f.Group != nil {
			groups = append(groups, f.Group)
		}
	}
	if out.Server {
		if files["server.go"], err = templates.RenderServer(p.opts.Package, groups); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// renderAll renders the files on every core: each file's jennifer tree and its formatting (go/format) are its
// own, and rendering is most of what generating costs. The result is in list order, and the error reported is the
// first file's in that order, so neither depends on scheduling.
func renderAll(pkg string, list []*templates.File, out templates.Outputs) ([][]byte, error) {
	data := make([][]byte, len(list))
	errs := make([]error, len(list))
	workers.Each(runtime.GOMAXPROCS(0), len(list), func(_, i int) {
		data[i], errs[i] = templates.RenderFile(pkg, list[i], out)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

func (p *plan) fileList() []*templates.File {
	names := make([]string, 0, len(p.files))
	for n := range p.files {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*templates.File, len(names))
	for i, n := range names {
		f := p.files[n]
		// Declarations follow names, not the order the plan met them in, so a file changes only with its own types.
		sort.Slice(f.Structs, func(i, j int) bool { return f.Structs[i].Name < f.Structs[j].Name })
		sort.Slice(f.Enums, func(i, j int) bool { return f.Enums[i].Name < f.Enums[j].Name })
		sort.Slice(f.Operations, func(i, j int) bool { return f.Operations[i].Name < f.Operations[j].Name })
		out[i] = f
	}
	return out
}

func packageDoc(pkg string) string {
	return "Package " + pkg + " is an API client, server stubs and models generated by graphdocgen from API reference " +
		"docs in the Microsoft Graph convention.\n\n" +
		"Properties are Optional: absent, null or a value, so that an update sends only what was set. Collections are " +
		"slices (nil is absent). A property declared as a base type holds an Any… interface whose value is the " +
		"derived type its @odata.type names. Enum values the docs do not list are kept, not rejected; " +
		"members the docs do not declare are kept in AdditionalData.\n\n" +
		"Client has a method per operation; Server has one too, and NewHandler serves a Server over net/http."
}

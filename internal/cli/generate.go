package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/generator"
	"github.com/graphdocgen/graphdocgen/internal/config"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/graphdocgen/graphdocgen/templates"
)

func init() {
	register(&command{name: "generate", summary: "generate a Go package from the docs: models, a client and server stubs", run: runGenerate})
}

// generatedHeader is the first line of every file graphdocgen writes. Only files that start with it are ever
// replaced or removed: a hand-written file in the output directory is left alone.
const generatedHeader = "// " + templates.Header

func runGenerate(e *env, args []string) int {
	fs := newFlags(e, "generate", "generate --docs DIR --out DIR [--package NAME] [--emit models,client,server] [--check] [--strict] [--config FILE]")
	docs := fs.StringArray("docs", nil, "docs root `DIR`: a folder of pages (or one page); repeat to read several folders as one tree (the first that holds a page wins)")
	out := fs.String("out", "", "output `DIR` of the generated package")
	pkg := fs.String("package", "", "Go package `NAME` (default: the output directory's name)")
	emit := fs.StringSlice("emit", nil, "`parts` to generate: models, client, server; repeatable or comma-separated (default all)")
	read := addReadFlags(fs)
	check := fs.Bool("check", false, "write nothing; list the stale, missing and extra generated files and exit 1 unless the output is up to date")
	strict := fs.Bool("strict", false, "write nothing and exit 1 when a type the docs name is not defined (it would become json.RawMessage); list where")
	verbose := fs.BoolP("verbose", "v", false, "name every file written or removed, and every field and method that became json.RawMessage")
	addConfigFlag(fs)
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		return fail(e, "generate", err)
	}
	if err := docsGiven(fs, *docs); err != nil {
		return fail(e, "generate", err)
	}
	if *out == "" {
		return fail(e, "generate", fmt.Errorf("--out is required (or out: in %s)", config.FileName))
	}
	opts := generator.Options{Package: *pkg, Names: cfg.Names}
	if opts.Package == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			return fail(e, "generate", err)
		}
		opts.Package = filepath.Base(abs)
		if !token.IsIdentifier(opts.Package) || token.IsKeyword(opts.Package) {
			return fail(e, "generate", fmt.Errorf("--package is required: the output directory's name %q is not a Go identifier", opts.Package))
		}
	}
	for _, part := range *emit {
		switch strings.ToLower(strings.TrimSpace(part)) {
		case config.EmitModels:
			opts.Outputs.Models = true
		case config.EmitClient:
			opts.Outputs.Client = true
		case config.EmitServer:
			opts.Outputs.Server = true
		default:
			return fail(e, "generate", locateConfigValue(fs, cfg, "emit", fmt.Errorf("--emit takes models, client or server, not %q", part)))
		}
	}
	if len(cfg.Types) > 0 {
		opts.Types = make(map[string]string, len(cfg.Types))
		for k, t := range cfg.Types {
			opts.Types[k] = t.Spec
		}
	}
	popts, err := read.options()
	if err != nil {
		return fail(e, "generate", locateConfigValue(fs, cfg, "max-page-bytes", err))
	}
	m, err := readDocs(*docs, popts)
	var rootErr *errDocsRoot
	if errors.As(err, &rootErr) {
		err = locateConfigValue(fs, cfg, "docs", err)
	}
	if err != nil {
		return fail(e, "generate", err)
	}
	warnUnreadable(e, "generate", *docs, m)
	files, report, err := generator.GenerateReport(m, opts)
	if err != nil {
		return fail(e, "generate", locateOverrides(cfg, err))
	}
	if *verbose || *strict {
		printUnresolved(e, report)
	}
	if *strict && len(report.Unresolved) > 0 {
		fmt.Fprintf(e.stderr, "graphdocgen generate: --strict: %s; nothing written\n", unresolvedSummary(report))
		return ExitFindings
	}
	if err := outputAmongPages(*out, *docs, m, files); err != nil {
		return fail(e, "generate", err)
	}
	plan, err := planOutput(*out, files)
	if err != nil {
		return fail(e, "generate", err)
	}
	if *check {
		return reportCheck(e, *out, plan)
	}
	written, removed, err := applyOutput(*out, files, plan)
	if *verbose {
		for _, name := range written {
			fmt.Fprintf(e.stderr, "wrote %s\n", filepath.Join(*out, filepath.FromSlash(name)))
		}
		for _, name := range removed {
			fmt.Fprintf(e.stderr, "removed %s\n", filepath.Join(*out, filepath.FromSlash(name)))
		}
	}
	if err != nil {
		return fail(e, "generate", err)
	}
	fmt.Fprintf(e.stderr, "graphdocgen generate: %s from %s, %s, %s; %d written, %d unchanged, %d removed in %s; %s\n",
		plural(len(files), "file"), plural(len(m.Pages), "page"), plural(len(m.Types), "type"),
		plural(len(m.Operations), "operation"), len(written), len(files)-len(written), len(removed), *out,
		unresolvedSummary(report))
	return ExitOK
}

// unresolvedSummary counts what became json.RawMessage: "0 unresolved types", or "3 unresolved types; json.RawMessage
// in 5 fields and 2 methods (-v lists them)". A method counts when its answer or body is json.RawMessage, also when
// the docs name no type for it.
func unresolvedSummary(r *generator.Report) string {
	if len(r.Unresolved) == 0 {
		return "0 unresolved types"
	}
	return fmt.Sprintf("%s; json.RawMessage in %s and %s (-v lists them)", plural(r.Types(), "unresolved type"),
		plural(r.Count("field"), "field"), plural(r.Count("method"), "method"))
}

// printUnresolved lists each field and method that became json.RawMessage at the docs' position.
func printUnresolved(e *env, r *generator.Report) {
	for _, u := range r.Unresolved {
		what := "no type documented"
		if u.Type != "" {
			what = fmt.Sprintf("type %q is not defined", u.Type)
		}
		fmt.Fprintf(e.stderr, "%s: %s: %s is json.RawMessage\n", u.Pos, what, u.Where)
	}
}

// outputAmongPages refuses an output folder that is a docs root or holds pages being read: the generated .go
// files would land among the pages, and the next run would find them there.
func outputAmongPages(out string, roots []string, m *model.Model, files map[string][]byte) error {
	targets := map[string]string{} // real path → folder as named
	for name := range files {
		dir := filepath.Join(out, filepath.FromSlash(path.Dir(name)))
		targets[realPath(dir)] = dir
	}
	pageDirs := map[string]bool{}
	for _, p := range m.Pages {
		pageDirs[path.Dir(p.Path)] = true
	}
	for _, root := range roots {
		dir := root
		if st, err := os.Stat(root); err == nil && !st.IsDir() {
			dir = filepath.Dir(root)
		}
		if target, ok := targets[realPath(dir)]; ok {
			return fmt.Errorf("--out %s is the docs root %s: the generated .go files would be written among the pages; generate into a folder of its own", target, root)
		}
		for d := range pageDirs {
			folder := filepath.Join(dir, filepath.FromSlash(d))
			if target, ok := targets[realPath(folder)]; ok {
				return fmt.Errorf("--out %s holds pages being read (%s): the generated .go files would be written among them; generate into a folder of its own", target, folder)
			}
		}
	}
	return nil
}

// realPath is path absolute and with its links resolved, as far as it exists.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// outputPlan compares what a run generates with what the output directory holds. Names are slash paths relative
// to the output directory, sorted.
type outputPlan struct {
	stale   []string // generated before, with other content now
	missing []string // not there yet
	extra   []string // carry our header but this run does not produce them
}

func (p *outputPlan) upToDate() bool {
	return len(p.stale) == 0 && len(p.missing) == 0 && len(p.extra) == 0
}

// planOutput reads the output directory. It refuses to go on when a file the run would write is there and was not
// written by graphdocgen (it lacks our header): that file is someone's, and is never replaced.
func planOutput(dir string, files map[string][]byte) (*outputPlan, error) {
	p := &outputPlan{}
	dirs := map[string]bool{".": true}
	for _, name := range sortedNames(files) {
		dirs[path.Dir(name)] = true
		file := filepath.Join(dir, filepath.FromSlash(name))
		// Only a regular file is read and replaced: a named pipe would block the read, and a link or a device is
		// not a file graphdocgen wrote.
		if st, err := os.Lstat(file); err == nil && !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is %s, not a file graphdocgen wrote, so it is not replaced; move it, or generate into another --out", file, parser.DescribeMode(st.Mode()))
		}
		old, err := os.ReadFile(file)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			p.missing = append(p.missing, name)
		case err != nil:
			return nil, fmt.Errorf("read %s: %w", file, err)
		case bytes.Equal(old, files[name]):
		case !hasGeneratedHeader(old):
			return nil, fmt.Errorf("%s: the file is not graphdocgen's (its first line is not %q), so it is not replaced; move it, or generate into another --out", file, generatedHeader)
		default:
			p.stale = append(p.stale, name)
		}
	}
	// Extra files: ours (by the header) in the folders the run writes to, that the run no longer produces.
	for _, d := range sortedNames(dirs) {
		folder := filepath.Join(dir, filepath.FromSlash(d))
		entries, err := os.ReadDir(folder)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", folder, err)
		}
		for _, ent := range entries {
			name := path.Join(d, ent.Name())
			// Only .go files are ever generated, so only they can be extra: NOTES.txt stays whatever its first line.
			if !ent.Type().IsRegular() || files[name] != nil || !strings.HasSuffix(name, ".go") {
				continue
			}
			file := filepath.Join(dir, filepath.FromSlash(name))
			ours, err := fileHasGeneratedHeader(file)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", file, err)
			}
			if ours {
				p.extra = append(p.extra, name)
			}
		}
	}
	return p, nil
}

// applyOutput writes the missing and stale files (each atomically) and removes the extra ones. Files that already
// hold their content are not touched, so their modification times stay. It returns what it wrote and removed,
// also when it stops at an error.
func applyOutput(dir string, files map[string][]byte, p *outputPlan) (written, removed []string, err error) {
	toWrite := append(append([]string(nil), p.missing...), p.stale...)
	sort.Strings(toWrite)
	for _, name := range toWrite {
		changed, err := writeFileAtomic(filepath.Join(dir, filepath.FromSlash(name)), files[name])
		if err != nil {
			return written, removed, err
		}
		if changed {
			written = append(written, name)
		}
	}
	for _, name := range p.extra {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return written, removed, fmt.Errorf("remove %s: %w", file, err)
		}
		removed = append(removed, name)
	}
	return written, removed, nil
}

// reportCheck lists what generate would change, one file a line on standard output, and exits 1 unless nothing.
func reportCheck(e *env, dir string, p *outputPlan) int {
	if p.upToDate() {
		fmt.Fprintf(e.stderr, "graphdocgen generate --check: %s is up to date\n", dir)
		return ExitOK
	}
	for _, list := range []struct {
		what  string
		names []string
	}{{"stale", p.stale}, {"missing", p.missing}, {"extra", p.extra}} {
		for _, name := range list.names {
			fmt.Fprintf(e.stdout, "%-8s%s\n", list.what, filepath.Join(dir, filepath.FromSlash(name)))
		}
	}
	fmt.Fprintf(e.stderr, "graphdocgen generate --check: %s is out of date: %d stale, %d missing, %d extra; run graphdocgen generate without --check\n",
		dir, len(p.stale), len(p.missing), len(p.extra))
	return ExitFindings
}

func hasGeneratedHeader(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	return string(bytes.TrimSuffix(line, []byte("\r"))) == generatedHeader
}

// fileHasGeneratedHeader reads only the first line of file.
func fileHasGeneratedHeader(file string) (bool, error) {
	f, err := os.Open(file)
	if err != nil {
		return false, err
	}
	defer f.Close()
	line, err := bufio.NewReaderSize(f, 256).ReadSlice('\n')
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return false, err
	}
	return hasGeneratedHeader(line), nil
}

func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// overrideRef matches the overrides the generator names in its errors: "name override microsoft.graph.usr".
var overrideRef = regexp.MustCompile(`(name|type) override (\S+?)(?:[;:,]|\s|$)`)

// locateOverrides puts the config file's position in front of a generator error about name or type overrides
// that came from the file (a key that names nothing in the docs), one error per key.
func locateOverrides(cfg *config.Config, err error) error {
	if cfg == nil || cfg.File == "" {
		return err
	}
	msg := err.Error()
	_, reason, ok := strings.Cut(msg, ": ")
	if !ok {
		return err
	}
	var errs []error
	seen := map[string]bool{}
	for _, ref := range overrideRef.FindAllStringSubmatch(msg, -1) {
		key := map[string]string{"name": "names", "type": "types"}[ref[1]] + "." + ref[2]
		if seen[key] || !cfg.Has(key) {
			continue
		}
		seen[key] = true
		errs = append(errs, &config.Error{Pos: cfg.Pos(key), Msg: key + ": " + reason, Err: err})
	}
	if len(errs) == 0 {
		return err
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].(*config.Error).Pos, errs[j].(*config.Error).Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return errors.Join(errs...)
}

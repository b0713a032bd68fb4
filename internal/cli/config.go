package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"

	"github.com/graphdocgen/graphdocgen/internal/config"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
	"github.com/spf13/pflag"
)

// How a command adopts the config file:
//
//	addConfigFlag(fs)                       // before parseFlags: adds --config FILE
//	...parseFlags...
//	cfg, err := applyConfig(fs)             // reads the file, fills the flags the command line left unset
//	if err != nil { return fail(e, "name", err) }
//
// Flags given on the command line always win. Settings without a flag (Go names and types) are read from cfg.

// configFlag is the name of the flag that names the config file.
const configFlag = "config"

// addConfigFlag adds --config FILE to a command's flags.
func addConfigFlag(fs *pflag.FlagSet) {
	fs.String(configFlag, "", "read settings from `FILE` (default: "+config.FileName+" in the working directory, if there is one); flags override it")
}

// configBinding ties a flag to the config key that supplies its default. Only the flags a command defines are
// filled, so one table serves every command.
type configBinding struct {
	flag, key string
	values    func(c *config.Config) []string
}

var configBindings = []configBinding{
	{"docs", "docs", func(c *config.Config) []string { return c.Docs }},
	{"include", "include", func(c *config.Config) []string { return c.Include }},
	{"exclude", "exclude", func(c *config.Config) []string { return c.Exclude }},
	{"max-page-bytes", "maxPageBytes", func(c *config.Config) []string { return []string{strconv.FormatInt(c.MaxPageBytes, 10)} }},
	{"follow-symlinks", "followSymlinks", func(c *config.Config) []string { return []string{strconv.FormatBool(c.FollowSymlinks)} }},
	{"package", "package", func(c *config.Config) []string { return []string{c.Package} }},
	{"out", "out", func(c *config.Config) []string { return []string{c.Out} }},
	{"emit", "emit", func(c *config.Config) []string { return c.Emit }},
	{"fail-on", "lint.failOn", func(c *config.Config) []string { return []string{c.Lint.FailOn} }},
	{"baseline", "lint.baseline", func(c *config.Config) []string { return []string{c.Lint.Baseline} }},
	{"against", "lint.against", func(c *config.Config) []string { return []string{c.Lint.Against} }},
	{"todo-in-comments", "lint.todoInComments", func(c *config.Config) []string { return []string{strconv.FormatBool(c.Lint.TODOInComments)} }},
	{"intune-create-tables", "lint.intuneCreateTables", func(c *config.Config) []string { return []string{strconv.FormatBool(c.Lint.IntuneCreateTables)} }},
}

// ruleFlag is lint's repeatable --rule ID=LEVEL; the config's rules are put before the command line's, so that
// the command line wins rule by rule rather than replacing every rule the file sets.
const ruleFlag = "rule"

// applyConfig reads the config file — the one --config names, else config.FileName in the working directory
// when there is one — and gives every flag of fs that the command line did not set the value the file gives it.
// It returns the config read, or an empty one (never nil) when there is no file. Errors carry file:line:col.
func applyConfig(fs *pflag.FlagSet) (*config.Config, error) {
	cfg, err := loadConfig(fs)
	if err != nil || cfg.File == "" {
		return cfg, err
	}
	for _, b := range configBindings {
		f := fs.Lookup(b.flag)
		if f == nil || f.Changed || !cfg.Has(b.key) {
			continue
		}
		if err := setFlagFromConfig(f, b.values(cfg)); err != nil {
			return nil, cfg.Errorf(b.key, "%s: %v", b.key, err)
		}
	}
	if f := fs.Lookup(ruleFlag); f != nil && cfg.Has("lint.rules") {
		if err := prependRules(f, cfg.Lint.Rules); err != nil {
			return nil, cfg.Errorf("lint.rules", "lint.rules: %v", err)
		}
	}
	return cfg, nil
}

func loadConfig(fs *pflag.FlagSet) (*config.Config, error) {
	if f := fs.Lookup(configFlag); f != nil && f.Value.String() != "" {
		return config.Load(f.Value.String())
	}
	cfg, err := config.Find(".")
	if cfg == nil && err == nil {
		cfg = &config.Config{}
	}
	return cfg, err
}

// setFlagFromConfig sets a flag the command line left alone. Slice flags take the whole list; single-valued
// flags take one value.
func setFlagFromConfig(f *pflag.Flag, values []string) error {
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		return sv.Replace(values)
	}
	if len(values) != 1 {
		return fmt.Errorf("--%s takes one value; the config gives %d", f.Name, len(values))
	}
	return f.Value.Set(values[0])
}

func prependRules(f *pflag.Flag, rules map[string]string) error {
	sv, ok := f.Value.(pflag.SliceValue)
	if !ok {
		return fmt.Errorf("--%s is not a list", f.Name)
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	merged := make([]string, 0, len(ids)+len(sv.GetSlice()))
	for _, id := range ids {
		merged = append(merged, id+"="+rules[id])
	}
	return sv.Replace(append(merged, sv.GetSlice()...))
}

// errDocsRoot is returned by readDocs when a docs root cannot be used, so that the command can point at the
// config line that named it (see locateConfigValue).
type errDocsRoot struct{ err error }

func (e *errDocsRoot) Error() string { return e.err.Error() }
func (e *errDocsRoot) Unwrap() error { return e.err }

// locateConfigValue puts the config file's position in front of an error about a flag's value when that value
// came from the file: "graphdocgen.yaml:1:7: docs: stat pages: no such file or directory".
func locateConfigValue(fs *pflag.FlagSet, cfg *config.Config, flag string, err error) error {
	f := fs.Lookup(flag)
	if cfg == nil || f == nil || f.Changed {
		return err
	}
	for _, b := range configBindings {
		if b.flag == flag && cfg.Has(b.key) {
			return &config.Error{Pos: cfg.Pos(b.key), Msg: err.Error(), Err: err}
		}
	}
	return err
}

// readDocs reads one docs root (a folder, or a single page) or several folders read as one tree: a page that
// is in several roots is read from the first root that has it, so a small tree of local pages can stand in front
// of a full docs checkout. Positions are relative to the root each page was read from.
func readDocs(roots []string, opts parser.Options) (*model.Model, error) {
	if len(roots) == 0 {
		return nil, errors.New("--docs is required")
	}
	for _, root := range roots {
		st, err := os.Stat(root)
		if err != nil {
			return nil, &errDocsRoot{fmt.Errorf("docs: %w", err)}
		}
		if !st.IsDir() && !st.Mode().IsRegular() {
			return nil, &errDocsRoot{fmt.Errorf("docs: %s is %s, not a folder or a page", root, parser.DescribeMode(st.Mode()))}
		}
		if !st.IsDir() && len(roots) > 1 {
			return nil, &errDocsRoot{fmt.Errorf("docs: %s is not a folder; only a single docs root may be one page", root)}
		}
	}
	if len(roots) == 1 {
		return parser.ParseDir(roots[0], opts)
	}
	layers := make(overlayFS, len(roots))
	for i, root := range roots {
		layers[i] = parser.DocsFS(root, opts.FollowSymlinks)
	}
	return parser.ParseFS(layers, opts)
}

// warnUnreadable prints the files of the docs that were not read (parser.UnreadablePage) to standard error, so
// that a command whose output leaves them out does not do so silently. lint reports them as findings instead.
func warnUnreadable(e *env, cmd string, roots []string, m *model.Model) {
	for _, d := range m.Diagnostics {
		if d.Rule == parser.UnreadablePage {
			fmt.Fprintf(e.stderr, "graphdocgen %s: warning: %s: %s\n", cmd, displayPath(roots, d.Pos.File), d.Message)
		}
	}
}

// readFlags are the flags of every command that reads docs: which files, and how far to trust them.
type readFlags struct {
	include, exclude *[]string
	maxPageBytes     *string
	followSymlinks   *bool
}

func addReadFlags(fs *pflag.FlagSet) *readFlags {
	return &readFlags{
		include:        fs.StringSlice("include", nil, "`glob` of pages to read (default *.md); repeatable"),
		exclude:        fs.StringSlice("exclude", nil, "`glob` of pages to skip; repeatable"),
		maxPageBytes:   fs.String("max-page-bytes", "8MiB", "`size` limit of one page (bytes, or with KiB, MiB, GiB; 0: none): a larger file is reported as unreadable-page, not read"),
		followSymlinks: fs.Bool("follow-symlinks", false, "read pages through symbolic links that lead outside the docs root (by default they are reported as unreadable-page)"),
	}
}

// options are the parser's options the flags give.
func (r *readFlags) options() (parser.Options, error) {
	opts := parser.Options{Include: *r.include, Exclude: *r.exclude, FollowSymlinks: *r.followSymlinks}
	n, err := config.ParseSize(*r.maxPageBytes)
	if err != nil {
		return opts, fmt.Errorf("--max-page-bytes: %w", err)
	}
	opts.MaxPageBytes = n
	if n == 0 {
		opts.MaxPageBytes = -1 // no limit
	}
	return opts, nil
}

// overlayFS shows several file systems as one: Open finds a name in the first layer that has it, ReadDir merges
// the listings (the first layer wins a name).
type overlayFS []fs.FS

func (o overlayFS) Open(name string) (fs.File, error) {
	for _, layer := range o {
		f, err := layer.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat finds a name in the first layer that has it, without opening it: opening a named pipe blocks.
func (o overlayFS) Stat(name string) (fs.FileInfo, error) {
	for _, layer := range o {
		st, err := fs.Stat(layer, name)
		if err == nil {
			return st, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

func (o overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	byName := map[string]fs.DirEntry{}
	found := false
	for _, layer := range o {
		entries, err := fs.ReadDir(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		for _, e := range entries {
			if _, taken := byName[e.Name()]; !taken {
				byName[e.Name()] = e
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(byName))
	for _, e := range byName {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// docsGiven checks what every command that reads docs asks of its arguments: a docs root, from --docs or the
// config file, and no stray argument (a root written without --docs).
func docsGiven(fs *pflag.FlagSet, docs []string) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (the docs root goes after --docs)", fs.Arg(0))
	}
	if len(docs) == 0 {
		return fmt.Errorf("--docs is required (or docs: in %s)", config.FileName)
	}
	return nil
}

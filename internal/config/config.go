// Package config reads graphdocgen.yaml, the project file every subcommand reads: where the docs are, which pages
// to read, where the Go code goes and how it is named, which outputs to emit, and how the linter is set up.
//
// The file is read as a YAML node tree rather than unmarshalled into structs so that every mistake — an unknown
// key, a value of the wrong kind, a bad value — is reported at its file:line:col, all at once. The package holds
// plain data only: the command line maps it onto the generator's and the linter's options, and flags given on the
// command line win over it.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// FileName is the name of the config file looked for in the working directory.
const FileName = "graphdocgen.yaml"

// SchemaVersion is the only value the optional top-level "version" key accepts.
const SchemaVersion = 1

// Output kinds the "emit" key accepts.
const (
	EmitModels = "models" // structs and enums
	EmitClient = "client" // the typed client
	EmitServer = "server" // net/http handler stubs
)

// EmitKinds lists the outputs in the order they are documented.
var EmitKinds = []string{EmitModels, EmitClient, EmitServer}

// Lint levels a rule can be set to, and fail-on levels.
var (
	RuleLevels   = []string{"off", "on", "info", "warning", "error"}
	FailOnLevels = []string{"error", "warning", "info", "none"}
)

// Config is the content of one config file. Paths (Docs, Out, Lint.Baseline, Lint.Against) are already resolved
// against the directory of the file, so they can be used as they are from the working directory; globs are
// matched under each docs root and are left alone.
type Config struct {
	// File is the config file as it was named ("graphdocgen.yaml", "ci/graphdocgen.yaml"); empty when no file
	// was read.
	File string

	// Docs are the docs roots. Several roots are read as one tree (see the README).
	Docs []string
	// Include and Exclude are globs of pages under the docs roots.
	Include []string
	Exclude []string
	// MaxPageBytes is the size limit of one page (ParseSize reads it: 8MiB, 512KiB, 1048576; 0 means no limit).
	// Has("maxPageBytes") tells whether the file sets it.
	MaxPageBytes int64
	// FollowSymlinks reads pages through symbolic links that lead outside the docs roots.
	FollowSymlinks bool

	// Package is the name of the generated Go package; Out the directory it is written to.
	Package string
	Out     string
	// Emit lists the outputs to generate (EmitModels, EmitClient, EmitServer), without duplicates, in the
	// order written; nil when the file does not say.
	Emit []string
	// Names maps model names to Go names: a type ("microsoft.graph.user"), a property
	// ("microsoft.graph.user.displayName"), an enum member ("microsoft.graph.userType.guest") or an operation ID
	// ("api/user-get"). The keys are the generator's (generator.Options.Names).
	Names map[string]string
	// Types maps an Edm primitive ("Edm.Guid": every property of that type) or a property
	// ("microsoft.graph.user.tenantId") to a Go type (generator.Options.Types takes GoType.Spec).
	Types map[string]GoType

	Lint Lint

	// positions of every key and value read, by dotted key path ("lint.rules.todo"), for errors found later.
	positions map[string]Position
}

// Lint holds the linter's settings.
type Lint struct {
	// Rules sets rules or rule families to a level: "off", "on" (the rule's default severity), "info",
	// "warning" or "error". Names are checked by the linter's command (see CheckLintRules).
	Rules map[string]string
	// FailOn is the lowest severity that makes lint exit 1: "error", "warning", "info" or "none".
	FailOn string
	// Baseline is the baseline file; Against the service's CSDL for the schema rules.
	Baseline string
	Against  string
	// TODOInComments also reports TODO placeholders inside HTML comments.
	TODOInComments bool
	// IntuneCreateTables applies read-only-in-create to Intune pages too.
	IntuneCreateTables bool
}

// GoType is a Go type that replaces the one the generator would choose.
type GoType struct {
	// Spec is the value as written: "time.Time", "github.com/shopspring/decimal.Decimal", "*string", "[]byte".
	Spec string
	// Import is the import path the type needs, "" for built-in types.
	Import string
	// Expr is the Go type expression to write in code: "time.Time", "decimal.Decimal", "*string".
	Expr string
}

// Position is where a key or value was read.
type Position struct {
	File      string
	Line, Col int
}

func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// ErrInvalid is wrapped by every error about the content of a config file.
var ErrInvalid = errors.New("invalid config")

// Error is a problem at a position of a config file. It unwraps to the underlying cause: ErrInvalid for content
// errors, the YAML error for syntax errors.
type Error struct {
	Pos Position
	Msg string
	Err error
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Has reports whether the file set the key, given as a dotted path: "package", "lint.failOn".
func (c *Config) Has(key string) bool {
	_, ok := c.positions[key]
	return ok
}

// Pos returns where the key was read (the position of its value), or just the file when the file does not set
// it.
func (c *Config) Pos(key string) Position {
	if p, ok := c.positions[key]; ok {
		return p
	}
	return Position{File: c.File}
}

// Errorf makes an error located at the value of key, for settings the command line finds wrong later (a lint rule
// the linter does not know, an override the generator cannot apply).
func (c *Config) Errorf(key, format string, args ...any) error {
	return &Error{Pos: c.Pos(key), Msg: fmt.Sprintf(format, args...), Err: ErrInvalid}
}

// CheckLintRules reports the keys of lint.rules that are not in known (rule ids and family names), each at its
// position, with the closest known name as a suggestion.
func (c *Config) CheckLintRules(known []string) error {
	set := make(map[string]bool, len(known))
	for _, k := range known {
		set[k] = true
	}
	names := make([]string, 0, len(c.Lint.Rules))
	for name := range c.Lint.Rules {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []error
	for _, name := range names {
		if set[name] {
			continue
		}
		msg := fmt.Sprintf("lint.rules: unknown rule %q", name)
		if s := closest(name, known); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		errs = append(errs, &Error{Pos: c.keyPos("lint.rules." + name), Msg: msg, Err: ErrInvalid})
	}
	return joinSorted(errs)
}

// keyPos is the position of the key itself (the value's position is recorded under key).
func (c *Config) keyPos(key string) Position {
	if p, ok := c.positions[key+"\x00key"]; ok {
		return p
	}
	return c.Pos(key)
}

// Load reads the config file at path. A missing file is an error wrapping fs.ErrNotExist.
func Load(path string) (*Config, error) {
	data, err := readConfigFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Find reads FileName from dir when it is there; it returns (nil, nil) when it is not.
func Find(dir string) (*Config, error) {
	path := filepath.Join(dir, FileName)
	data, err := readConfigFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data)
}

// Parse reads a config file's content; name is the file's path, used in positions and to resolve the paths the
// file gives.
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{File: name, positions: map[string]Position{}}
	d := &decoder{file: name, cfg: c}
	d.decode(data)
	if err := joinSorted(d.errs); err != nil {
		return nil, err
	}
	d.resolvePaths(filepath.Dir(name))
	return c, nil
}

// joinSorted joins errors in position order, so that a file's mistakes read top to bottom.
func joinSorted(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, aok := errs[i].(*Error)
		b, bok := errs[j].(*Error)
		if !aok || !bok {
			return false
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

func (d *decoder) resolvePaths(dir string) {
	c := d.cfg
	resolve := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	for i, p := range c.Docs {
		c.Docs[i] = resolve(p)
	}
	c.Out = resolve(c.Out)
	c.Lint.Baseline = resolve(c.Lint.Baseline)
	c.Lint.Against = resolve(c.Lint.Against)
}

// closest returns the candidate nearest to s, ignoring case, if it is near enough to be a likely typo: a few
// edits (a transposition counts as one), or s is a prefix of at least three letters of the candidate ("warn").
func closest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestDist := "", 0
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(ls, lc)
		limit := min(max(max(len(s), len(c))/3, 1), 3)
		if d > limit && !(len(ls) >= 3 && strings.HasPrefix(lc, ls)) {
			continue
		}
		if best == "" || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b in bytes: insertions, deletions,
// substitutions and transpositions of neighbours.
func editDistance(a, b string) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}

// ParseSize reads a size in bytes: a whole number, optionally followed by KiB, MiB or GiB (or K, M, G, KB, MB,
// GB, read the same, as powers of 1024).
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	digits := strings.TrimRight(strings.ToLower(t), "kmgib ")
	unit := strings.TrimSpace(strings.ToLower(t[len(digits):]))
	mult := int64(1)
	switch unit {
	case "", "b":
	case "k", "kb", "kib":
		mult = 1 << 10
	case "m", "mb", "mib":
		mult = 1 << 20
	case "g", "gb", "gib":
		mult = 1 << 30
	default:
		return 0, fmt.Errorf("%q is not a size: write a number of bytes, or one with KiB, MiB or GiB", s)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(digits), 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size: write a number of bytes, or one with KiB, MiB or GiB", s)
	}
	return n * mult, nil
}

// maxConfigBytes bounds the config file: a real one is a few hundred bytes.
const maxConfigBytes = 1 << 20

// readConfigFile reads a config file that is a regular file (the one in the working directory comes with a
// checkout, so it is as untrusted as the docs: a named pipe there must not hang the run) of at most
// maxConfigBytes.
func readConfigFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what the reader asked for
		}
		return nil, err
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("is a directory")}
	case m&fs.ModeNamedPipe != 0:
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file but a named pipe")}
	case !m.IsRegular():
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	}
	if st.Size() > maxConfigBytes {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d a config file may have", path, st.Size(), maxConfigBytes)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("%s: more than the %d bytes a config file may have", path, maxConfigBytes)
	}
	return data, nil
}

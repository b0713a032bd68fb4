package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/graphdocgen/graphdocgen/export"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/modeldiff"
	"github.com/graphdocgen/graphdocgen/parser"
)

func init() {
	register(&command{name: "diff", summary: "compare two versions of the docs (docs trees, or model files from 'model --format json') and classify each change as breaking or not for the Go code", run: runDiff})
}

// DiffFormat identifies the JSON form of diff's output.
const DiffFormat = "graphdocgen/diff/v1"

func runDiff(e *env, args []string) int {
	fs := newFlags(e, "diff", "diff OLD NEW [--format text|json] [--fail-on-breaking] [-o FILE] [--config FILE]")
	format := fs.String("format", "text", "output format: text (one change a line, breaking first) or json")
	failOnBreaking := fs.Bool("fail-on-breaking", false, "exit 1 when a change is breaking")
	out := fs.StringP("output", "o", "", "write to `FILE` instead of standard output (\"-\" is standard output; devices and pipes are written through)")
	read := addReadFlags(fs)
	addConfigFlag(fs)
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		return fail(e, "diff", err)
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(e.stderr, "graphdocgen diff: want two arguments, OLD and NEW; got %d\nRun 'graphdocgen diff --help' for usage.\n", fs.NArg())
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		return fail(e, "diff", fmt.Errorf("--format must be text or json, not %q", *format))
	}
	opts, err := read.options()
	if err != nil {
		return fail(e, "diff", locateConfigValue(fs, cfg, "max-page-bytes", err))
	}
	oldSide, err := readDiffSide(fs.Arg(0), opts)
	if err != nil {
		return fail(e, "diff", err)
	}
	newSide, err := readDiffSide(fs.Arg(1), opts)
	if err != nil {
		return fail(e, "diff", err)
	}
	for _, side := range []*diffSide{oldSide, newSide} {
		if side.root != "" {
			warnUnreadable(e, "diff", []string{side.arg}, side.model)
		}
	}
	changes := modeldiff.Diff(oldSide.model, newSide.model)
	summary := modeldiff.Summarize(changes)

	var buf bytes.Buffer
	if *format == "json" {
		err = writeDiffJSON(&buf, oldSide, newSide, changes, summary)
	} else {
		writeDiffText(&buf, oldSide, newSide, changes)
	}
	if err != nil {
		return fail(e, "diff", err)
	}
	if *out == "" {
		*out = "-"
	}
	if err := writeOutput(*out, e.stdout, buf.Bytes()); err != nil {
		return fail(e, "diff", err)
	}
	fmt.Fprintf(e.stderr, "graphdocgen diff: %s, %s\n", plural(summary.Breaking, "breaking change"),
		plural(summary.NonBreaking, "non-breaking change"))
	if *failOnBreaking && summary.Breaking > 0 {
		return ExitFindings
	}
	return ExitOK
}

// diffSide is one of the two versions compared.
type diffSide struct {
	arg   string
	model *model.Model
	// root is the folder positions are relative to, for display; "" for a model file, whose docs root is not
	// known.
	root string
}

// readDiffSide reads a docs tree, a single page, or a model JSON file (recognised by its content).
func readDiffSide(arg string, opts parser.Options) (*diffSide, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a docs folder, a page or a model file", arg, parser.DescribeMode(st.Mode()))
	}
	if st.IsDir() {
		m, err := parser.ParseDir(arg, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, err)
		}
		return &diffSide{arg: arg, model: m, root: arg}, nil
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		m, err := parser.ParseDir(arg, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, err)
		}
		return &diffSide{arg: arg, model: m, root: filepath.Dir(arg)}, nil
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("%s: not a model file: %w", arg, err)
	}
	if head.Format != export.ModelFormat {
		return nil, fmt.Errorf("%s: not a graphdocgen model: format %q, want %q (write one with 'graphdocgen model --format json')", arg, head.Format, export.ModelFormat)
	}
	m, err := export.ReadJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return &diffSide{arg: arg, model: m}, nil
}

// where renders a position of this side: under the docs root given on the command line, so that editors can open
// it; positions of a model file are shown as recorded, marked with the side they belong to.
func (s *diffSide) where(p model.Pos, side modeldiff.Side) string {
	if s.root == "" {
		return p.String() + " (" + string(side) + ")"
	}
	q := p
	q.File = filepath.ToSlash(filepath.Join(s.root, filepath.FromSlash(p.File)))
	return q.String()
}

func writeDiffText(w io.Writer, oldSide, newSide *diffSide, changes []modeldiff.Change) {
	for _, breaking := range []bool{true, false} {
		for _, c := range changes {
			if c.Breaking != breaking {
				continue
			}
			side := newSide
			if c.Side == modeldiff.SideOld {
				side = oldSide
			}
			label := "non-breaking"
			if c.Breaking {
				label = "breaking"
			}
			fmt.Fprintf(w, "%s: %s: %s %s %s", side.where(c.Pos, c.Side), label, c.Element, c.Subject, c.Message)
			if c.Breaking {
				fmt.Fprintf(w, "; %s", c.Reason)
			}
			fmt.Fprintln(w)
		}
	}
}

func writeDiffJSON(w io.Writer, oldSide, newSide *diffSide, changes []modeldiff.Change, summary modeldiff.Summary) error {
	if changes == nil {
		changes = []modeldiff.Change{} // "changes": [] rather than null
	}
	out := struct {
		Format  string             `json:"format"`
		Old     string             `json:"old"`
		New     string             `json:"new"`
		Summary modeldiff.Summary  `json:"summary"`
		Changes []modeldiff.Change `json:"changes"`
	}{DiffFormat, filepath.ToSlash(oldSide.arg), filepath.ToSlash(newSide.arg), summary, changes}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

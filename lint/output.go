package lint

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// Formats are the output formats Write knows.
var Formats = []string{"text", "json", "sarif", "github"}

// WriteOptions say how findings are shown.
type WriteOptions struct {
	// Root is prefixed to the files of findings (which are relative to the docs root), so that paths in the
	// output are relative to where the command ran: what editors, CI annotations and code scanning expect.
	Root string
	// Version is the tool's module version as the build recorded it ("v1.2.3", a pseudo-version or "(devel)"),
	// for SARIF.
	Version string
	// BaseDir is the absolute directory that relative paths are relative to (where the command ran). SARIF
	// writes paths under it as URIs relative to %SRCROOT% and defines %SRCROOT% as it.
	BaseDir string
	// Changed tells whether a shown file is part of the change under review: GitHub annotations show those first.
	// Nil means none is known.
	Changed func(file string) bool
	// MaxAnnotations caps the GitHub annotations per level (GitHub shows 10 errors, 10 warnings and 10 notices
	// per step); 0 means no cap. The findings left out are listed in the log, in text form.
	MaxAnnotations int
	// Run is what the run counted but did not report; the JSON summary includes it when set.
	Run *RunSummary
	// Color colours the text output (severity, rule, path) for a terminal.
	Color bool
}

// displayFile returns the path a finding's file is shown as.
func (o WriteOptions) displayFile(f Finding) string {
	if f.Outside || o.Root == "" || o.Root == "." {
		return f.Pos.File
	}
	return path.Join(strings.TrimSuffix(o.Root, "/"), f.Pos.File)
}

// Write writes findings in one of Formats.
func Write(w io.Writer, format string, findings []Finding, o WriteOptions) error {
	switch format {
	case "text":
		return writeText(w, findings, o)
	case "json":
		return writeJSON(w, findings, o)
	case "sarif":
		return writeSARIF(w, findings, o)
	case "github":
		return writeGitHub(w, findings, o)
	}
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(Formats, ", "))
}

// writeText writes "file:line:col: severity rule: message" lines, coloured for a terminal when o.Color.
func writeText(w io.Writer, findings []Finding, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		p := f.Pos
		p.File = o.displayFile(f)
		if o.Color {
			fmt.Fprintf(bw, "%s: %s %s: %s\n", ansiBold+displayPos(p)+ansiReset, severityColor(f.Severity)+string(f.Severity)+ansiReset,
				ansiDim+f.Rule+ansiReset, f.Message)
			continue
		}
		fmt.Fprintf(bw, "%s: %s %s: %s\n", displayPos(p), f.Severity, f.Rule, f.Message)
	}
	return bw.Flush()
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
)

func severityColor(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return ansiRed
	case model.SeverityWarning:
		return ansiYellow
	}
	return ansiCyan
}

// WriteRuleSummary writes the findings per rule, most first, as golangci-lint ends its text output:
//
//	3 findings (1 error, 2 warnings):
//	* reason-phrase: 2
//	* todo: 1
//
// It writes nothing when there are no findings.
func WriteRuleSummary(w io.Writer, findings []Finding, color bool) error {
	if len(findings) == 0 {
		return nil
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s (%s):\n", countNoun(len(findings), "finding"), severityCounts(findings))
	for _, rc := range ruleCounts(findings) {
		rule := rc.rule
		if color {
			rule = severityColor(rc.level) + rule + ansiReset
		}
		fmt.Fprintf(bw, "* %s: %d\n", rule, rc.n)
	}
	return bw.Flush()
}

type jsonReport struct {
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	File        string `json:"file"`
	Line        int    `json:"line,omitempty"`
	Col         int    `json:"col,omitempty"`
	Severity    string `json:"severity"`
	Rule        string `json:"rule"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
	// Fix is the finding's mechanical fix (byte offsets into the file as read), for editors.
	Fix *Fix `json:"fix,omitempty"`
}

type jsonSummary struct {
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
	Rules    map[string]int `json:"rules"`
	// What the run did not report, when the caller says (WriteOptions.Run).
	Suppressed *int `json:"suppressed,omitempty"`
	Baselined  *int `json:"baselined,omitempty"`
	Unchanged  *int `json:"outsideChange,omitempty"`
	// Fixed counts per rule the findings lint --fix fixed before the run reported what is left.
	Fixed map[string]int `json:"fixed,omitempty"`
}

func writeJSON(w io.Writer, findings []Finding, o WriteOptions) error {
	r := jsonReport{Findings: make([]jsonFinding, 0, len(findings)), Summary: jsonSummary{Rules: Counts(findings)}}
	if run := o.Run; run != nil {
		r.Summary.Suppressed, r.Summary.Baselined, r.Summary.Unchanged = &run.Suppressed, &run.Baselined, &run.Unchanged
		r.Summary.Fixed = run.Fixed
	}
	for _, f := range findings {
		col := f.Pos.Col
		if col == 0 && f.Pos.Line > 0 {
			col = 1
		}
		r.Findings = append(r.Findings, jsonFinding{File: o.displayFile(f), Line: f.Pos.Line, Col: col, Severity: string(f.Severity),
			Rule: f.Rule, Message: f.Message, Fingerprint: f.Fingerprint, Fix: f.Fix})
		switch f.Severity {
		case model.SeverityError:
			r.Summary.Errors++
		case model.SeverityWarning:
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

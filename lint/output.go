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

// writeText writes "file:line:col: severity rule: message" lines.
func writeText(w io.Writer, findings []Finding, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		p := f.Pos
		p.File = o.displayFile(f)
		fmt.Fprintf(bw, "%s: %s %s: %s\n", displayPos(p), f.Severity, f.Rule, f.Message)
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
}

type jsonSummary struct {
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
	Rules    map[string]int `json:"rules"`
}

func writeJSON(w io.Writer, findings []Finding, o WriteOptions) error {
	r := jsonReport{Findings: make([]jsonFinding, 0, len(findings)), Summary: jsonSummary{Rules: Counts(findings)}}
	for _, f := range findings {
		col := f.Pos.Col
		if col == 0 && f.Pos.Line > 0 {
			col = 1
		}
		r.Findings = append(r.Findings, jsonFinding{File: o.displayFile(f), Line: f.Pos.Line, Col: col, Severity: string(f.Severity),
			Rule: f.Rule, Message: f.Message, Fingerprint: f.Fingerprint})
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

// writeGitHub writes GitHub Actions workflow commands, which show as annotations on the pull request.
func writeGitHub(w io.Writer, findings []Finding, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		cmd := "warning"
		switch f.Severity {
		case model.SeverityError:
			cmd = "error"
		case model.SeverityInfo:
			cmd = "notice"
		}
		props := "file=" + ghProperty(o.displayFile(f))
		if f.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", f.Pos.Line)
			if f.Pos.Col > 0 {
				props += fmt.Sprintf(",col=%d", f.Pos.Col)
			}
		}
		props += ",title=" + ghProperty("graphdocgen "+f.Rule)
		fmt.Fprintf(bw, "::%s %s::%s\n", cmd, props, ghData(f.Message))
	}
	return bw.Flush()
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return ghDataEscaper.Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return ghPropertyEscaper.Replace(s)
}

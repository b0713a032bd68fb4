package lint

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
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
	// Version is the tool's version, for SARIF.
	Version string
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

// SARIF 2.1.0, the subset graphdocgen writes.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	DefaultConfiguration sarifConfig       `json:"defaultConfiguration"`
	Properties           map[string]string `json:"properties,omitempty"`
}

type sarifConfig struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

func sarifLevel(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return "error"
	case model.SeverityWarning:
		return "warning"
	}
	return "note"
}

// writeSARIF writes a SARIF 2.1.0 log for code scanning: every rule graphdocgen has (and any the parser added)
// as the driver's rules, and one result per finding with its fingerprint for matching across runs.
func writeSARIF(w io.Writer, findings []Finding, o WriteOptions) error {
	rules := Rules()
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	for _, f := range findings {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = len(rules)
			rules = append(rules, Rule{ID: f.Rule, Family: famReading, Severity: f.Severity, Summary: "reported by the parser"})
		}
	}
	driver := sarifDriver{Name: "graphdocgen", Version: o.Version, InformationURI: "https://github.com/graphdocgen/graphdocgen"}
	for _, r := range rules {
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.ID, Name: sarifRuleName(r.ID), ShortDescription: sarifText{Text: r.Summary},
			DefaultConfiguration: sarifConfig{Enabled: !r.Off, Level: sarifLevel(r.Severity)},
			Properties:           map[string]string{"family": r.Family},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: make([]sarifResult, 0, len(findings)), ColumnKind: "unicodeCodePoints"}
	for _, f := range findings {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uriOf(o.displayFile(f))}}}
		if f.Pos.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: max(f.Pos.Col, 1)}
		}
		res := sarifResult{RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity), Message: sarifText{Text: f.Message},
			Locations: []sarifLocation{loc}}
		if f.Fingerprint != "" {
			res.PartialFingerprints = map[string]string{"graphdocgenFingerprint/v1": f.Fingerprint}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifRuleName turns "broken-link" into "BrokenLink", the form SARIF viewers show as a rule name.
func sarifRuleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// uriOf writes a slash path as a relative URI reference, escaping what a URI cannot hold.
func uriOf(p string) string {
	return (&url.URL{Path: p}).String()
}

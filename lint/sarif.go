package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// SARIF 2.1.0, the subset graphdocgen writes. It is checked by the SARIF JSON schema in the tests and, by hand, by
// Microsoft's SARIF multitool with the SARIF and GitHub rule sets (see README, "Docs CI").
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
	ColumnKind         string                   `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string            `json:"name"`
	Version         string            `json:"version,omitempty"`
	SemanticVersion string            `json:"semanticVersion,omitempty"`
	InformationURI  string            `json:"informationUri"`
	Rules           []sarifRule       `json:"rules"`
	Properties      map[string]string `json:"properties,omitempty"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	HelpURI              string            `json:"helpUri"`
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

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
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
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// sarifSrcRoot is the base id of relative URIs: the directory graphdocgen ran in, which in CI is the checkout.
	// It is the name code scanning and most SARIF viewers expect.
	sarifSrcRoot = "%SRCROOT%"
	repoURL      = "https://github.com/graphdocgen/graphdocgen"
)

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
// as the driver's rules, with their help, and one result per finding with its fingerprint for matching across
// runs.
func writeSARIF(w io.Writer, findings []Finding, o WriteOptions) error {
	rules := Rules()
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	for _, f := range findings {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = len(rules)
			rules = append(rules, Rule{ID: f.Rule, Family: famReading, Severity: f.Severity, Summary: "reported by the parser", Parser: true})
		}
	}
	version, semver := sarifToolVersion(o.Version)
	driver := sarifDriver{Name: "graphdocgen", Version: version, SemanticVersion: semver, InformationURI: repoURL}
	if o.Version != "" && o.Version != version {
		driver.Properties = map[string]string{"buildVersion": o.Version}
	}
	helpURI := RuleHelpURI(o.Version)
	for _, r := range rules {
		level := sarifLevel(r.Severity)
		full, help := ruleHelp(r, helpURI)
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.ID, Name: sarifRuleName(r), ShortDescription: sarifText{Text: r.Summary},
			FullDescription: sarifText{Text: full}, Help: help, HelpURI: helpURI,
			DefaultConfiguration: sarifConfig{Enabled: !r.Off, Level: level},
			Properties:           map[string]string{"family": r.Family},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: make([]sarifResult, 0, len(findings)), ColumnKind: "unicodeCodePoints"}
	for _, f := range findings {
		art := o.sarifArtifact(o.displayFile(f))
		if art.URIBaseID != "" && o.BaseDir != "" {
			run.OriginalURIBaseIDs = map[string]sarifArtifact{sarifSrcRoot: {URI: fileURI(o.BaseDir) + "/"}}
		}
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: art}}
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

// sarifArtifact locates a shown path. A path relative to the working directory, and an absolute one under it,
// become a relative URI against %SRCROOT% (what code scanning maps onto the checkout); anything else (a docs root
// outside the working directory, "../docs") becomes an absolute file:// URI. SARIF forbids the bare "/abs/path" a
// relative reference would otherwise be.
func (o WriteOptions) sarifArtifact(p string) sarifArtifact {
	base := strings.TrimSuffix(o.BaseDir, "/")
	if path.IsAbs(p) && base != "" && strings.HasPrefix(p, base+"/") {
		p = strings.TrimPrefix(p, base+"/")
	}
	switch {
	case path.IsAbs(p):
		return sarifArtifact{URI: fileURI(p)}
	case p == ".." || strings.HasPrefix(p, "../"):
		if base == "" {
			return sarifArtifact{URI: relativeURI(p)} // still a valid relative reference; nothing to anchor it to
		}
		return sarifArtifact{URI: fileURI(path.Join(base, p))}
	}
	return sarifArtifact{URI: relativeURI(path.Clean(p)), URIBaseID: sarifSrcRoot}
}

// relativeURI writes a slash path as a relative URI reference, escaping what a URI cannot hold. A first segment
// with a colon would read as a scheme, so it is prefixed with "./".
func relativeURI(p string) string {
	u := (&url.URL{Path: p}).String()
	if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ":") && !strings.HasPrefix(u, "./") {
		u = "./" + u
	}
	return u
}

// fileURI writes an absolute slash path as a file:// URI.
func fileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: p}).String()
}

var numericVersion = regexp.MustCompile(`^v?(\d+\.\d+\.\d+)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// sarifToolVersion gives the driver's version from the build's module version. SARIF viewers compare versions
// that start with a number, so "v1.2.3" is written "1.2.3" (also the semantic version); a build from a checkout,
// whose module version is "(devel)", is "0.0.0-devel", and the build's own word is kept in the driver's
// properties.
func sarifToolVersion(v string) (version, semver string) {
	if m := numericVersion.FindStringSubmatch(v); m != nil {
		v = strings.TrimPrefix(v, "v")
		return v, v
	}
	return "0.0.0-devel", "0.0.0-devel"
}

// RuleHelpURI is where the rules are documented for a build of version v: the rule table in the README at the
// release's tag, so that the help matches the binary, and on the main branch for any other build (a checkout,
// a pseudo-version). The anchor is the "### Rules" heading's, which GitHub derives from the heading text.
func RuleHelpURI(v string) string {
	ref := "main"
	if m := numericVersion.FindStringSubmatch(v); m != nil && m[2] == "" && strings.HasPrefix(v, "v") {
		ref = v
	}
	return repoURL + "/blob/" + ref + "/README.md#rules"
}

// ruleHelp writes a rule's full description and help: what it reports, its family and default level, how to
// change the level and how to silence one finding.
func ruleHelp(r Rule, helpURI string) (full string, help sarifHelp) {
	level := string(r.Severity)
	if r.Off {
		level = "off (" + level + " when turned on)"
	}
	origin := "the linter"
	if r.Parser {
		origin = "the parser, while reading the page"
	}
	summary := strings.TrimSuffix(r.Summary, ".")
	full = fmt.Sprintf("%s. Reported by %s; family %s, default level %s.", upperFirst(summary), origin, r.Family, level)
	change := fmt.Sprintf("--rule %s=LEVEL (off, info, warning, error), or %s: LEVEL under lint.rules in graphdocgen.yaml", r.ID, r.ID)
	silence := fmt.Sprintf("<!-- %s %s -- reason -->", directiveLine, r.ID)
	help.Text = fmt.Sprintf("%s\n\nChange its level with %s. Silence one finding with %s on the line (or %s on the line before); see %s.",
		full, change, silence, directiveNextLine, helpURI)
	help.Markdown = fmt.Sprintf("**`%s`** (%s, default level %s): %s.\n\nReported by %s.\n\n"+
		"- Change its level: `--rule %s=LEVEL` (`off`, `info`, `warning`, `error`), or `%s: LEVEL` under `lint.rules` in `graphdocgen.yaml`.\n"+
		"- Silence one finding in the page: `%s` on the line, or `%s %s` on the line before.\n\n"+
		"See the [rule table](%s).",
		r.ID, r.Family, level, summary, origin, r.ID, r.ID, silence, "<!-- "+directiveNextLine, r.ID+" -->", helpURI)
	return full, help
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sarifNames are friendly names for rules whose id is one word: SARIF wants a name that differs from the id.
var sarifNames = map[string]string{
	"todo":        "TodoPlaceholder",
	"internal":    "InternalParserError",
	"suppression": "UselessSuppression",
}

// sarifRuleName turns "broken-link" into "BrokenLink", the form SARIF viewers show as a rule name. A one-word id
// would give the id itself (SARIF then wants no name), so those take a name from sarifNames or their family.
func sarifRuleName(r Rule) string {
	if n, ok := sarifNames[r.ID]; ok {
		return n
	}
	name := pascal(r.ID)
	if strings.EqualFold(name, r.ID) {
		name += pascal(r.Family) + "Rule"
	}
	return name
}

func pascal(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

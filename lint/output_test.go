package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/graphdocgen/graphdocgen/model"
)

// sampleFindings are findings with what output must escape: a path with a space and a comma, a message with a
// newline and a percent sign, a finding without a column, one outside the docs tree, and a rule this linter
// does not know (as the parser may add).
func sampleFindings() []Finding {
	return []Finding{
		{Pos: model.Pos{File: "api/user get, list.md", Line: 12, Col: 3}, Severity: model.SeverityError, Rule: "todo", Message: "TODO placeholder: 100% \"draft\"\nsecond line", Fingerprint: "aa"},
		{Pos: model.Pos{File: "resources/user.md", Line: 7}, Severity: model.SeverityWarning, Rule: "table-json", Message: "id is in the table", Fingerprint: "bb"},
		{Pos: model.Pos{File: "truth/service.csdl", Line: 40, Col: 1}, Severity: model.SeverityWarning, Rule: "schema-type", Message: "type x is in the schema", Outside: true, Fingerprint: "cc"},
		{Pos: model.Pos{File: "api/x.md", Line: 1, Col: 1}, Severity: model.SeverityInfo, Rule: "parser-new-rule", Message: "something new"},
	}
}

func TestTextOutput(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "text", sampleFindings()[:3], WriteOptions{Root: "docs/v1.0"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []string{
		"docs/v1.0/api/user get, list.md:12:3: error todo: TODO placeholder: 100% \"draft\"",
		"second line",
		"docs/v1.0/resources/user.md:7:1: warning table-json: id is in the table",
		"truth/service.csdl:40:1: warning schema-type: type x is in the schema",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), strings.Join(want, "\n"))
	}
}

func TestJSONOutput(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", sampleFindings(), WriteOptions{Root: "docs"}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []struct {
			File, Severity, Rule, Message string
			Line, Col                     int
		}
		Summary struct {
			Errors, Warnings, Infos int
			Rules                   map[string]int
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 4 || got.Findings[0].File != "docs/api/user get, list.md" || got.Findings[1].Col != 1 || got.Findings[2].File != "truth/service.csdl" {
		t.Fatalf("unexpected findings: %+v", got.Findings)
	}
	if got.Summary.Errors != 1 || got.Summary.Warnings != 2 || got.Summary.Infos != 1 || got.Summary.Rules["todo"] != 1 {
		t.Fatalf("unexpected summary: %+v", got.Summary)
	}
}

func TestGitHubOutput(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "github", sampleFindings(), WriteOptions{Root: "docs"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []string{
		`::error file=docs/api/user get%2C list.md,line=12,col=3,title=graphdocgen todo::TODO placeholder: 100%25 "draft"%0Asecond line`,
		`::warning file=docs/resources/user.md,line=7,title=graphdocgen table-json::id is in the table`,
		`::warning file=truth/service.csdl,line=40,col=1,title=graphdocgen schema-type::type x is in the schema`,
		`::notice file=docs/api/x.md,line=1,col=1,title=graphdocgen parser-new-rule::something new`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines:\n%s", len(lines), buf.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "xml", nil, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "text, json, sarif, github") {
		t.Fatalf("want an error listing the formats, got %v", err)
	}
}

// sarifSchema compiles the official SARIF 2.1.0 schema kept in testdata.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, data []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	return s.Validate(doc)
}

func TestSARIFValidates(t *testing.T) {
	schema := sarifSchema(t)
	var buf bytes.Buffer
	findings := sampleFindings()
	// An absolute path under the working directory and one outside it, as an absolute --docs gives.
	findings = append(findings,
		Finding{Pos: model.Pos{File: "/work/repo/docs/api/y.md", Line: 2, Col: 1}, Severity: model.SeverityWarning, Rule: "todo", Message: "m", Outside: true},
		Finding{Pos: model.Pos{File: "/elsewhere/docs/api/z.md", Line: 3, Col: 1}, Severity: model.SeverityWarning, Rule: "todo", Message: "m", Outside: true},
		Finding{Pos: model.Pos{File: "../sibling/api/w.md", Line: 4, Col: 1}, Severity: model.SeverityWarning, Rule: "todo", Message: "m", Outside: true})
	if err := Write(&buf, "sarif", findings, WriteOptions{Root: "docs", Version: "v1.2.3", BaseDir: "/work/repo"}); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(t, schema, buf.Bytes()); err != nil {
		t.Fatalf("SARIF output does not validate:\n%v\n%s", err, buf.String())
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version, SemanticVersion string
					Rules                    []struct {
						ID, Name, HelpURI string
						FullDescription   struct{ Text string }
						Help              struct{ Text, Markdown string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, r := range run.Results {
		if got := run.Tool.Driver.Rules[r.RuleIndex].ID; got != r.RuleID {
			t.Errorf("result %s points at rule %s", r.RuleID, got)
		}
	}
	type loc struct{ uri, base string }
	var got []loc
	for _, r := range run.Results {
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		got = append(got, loc{a.URI, a.URIBaseID})
	}
	want := []loc{
		{"docs/api/user%20get,%20list.md", "%SRCROOT%"},
		{"docs/resources/user.md", "%SRCROOT%"},
		{"truth/service.csdl", "%SRCROOT%"},
		{"docs/api/x.md", "%SRCROOT%"},
		{"docs/api/y.md", "%SRCROOT%"},
		{"file:///elsewhere/docs/api/z.md", ""},
		{"file:///work/sibling/api/w.md", ""},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("locations\n got %v\nwant %v", got, want)
	}
	if root := run.OriginalURIBaseIDs["%SRCROOT%"].URI; root != "file:///work/repo/" {
		t.Errorf("%%SRCROOT%% is %q", root)
	}
	first := run.Results[0].Locations[0].PhysicalLocation
	if first.Region.StartLine != 12 || first.Region.StartColumn != 3 {
		t.Errorf("unexpected location %+v", first)
	}
	if run.Results[3].Level != "note" {
		t.Errorf("info findings are SARIF notes, got %q", run.Results[3].Level)
	}
	if d := run.Tool.Driver; d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" {
		t.Errorf("driver version %q, semantic version %q", d.Version, d.SemanticVersion)
	}
	for _, r := range run.Tool.Driver.Rules {
		if strings.EqualFold(r.Name, r.ID) || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" ||
			r.HelpURI != "https://github.com/graphdocgen/graphdocgen/blob/v1.2.3/README.md#rules" {
			t.Errorf("rule %s: name %q, full description %q, help %q, help URI %q", r.ID, r.Name, r.FullDescription.Text, r.Help.Markdown, r.HelpURI)
		}
	}

	// The check is not vacuous: a log without its required version is rejected.
	if err := validateSARIF(t, schema, []byte(`{"runs": []}`)); err == nil {
		t.Fatal("the schema accepted a log without a version")
	}
}

func TestSARIFToolVersion(t *testing.T) {
	for _, tt := range []struct{ build, version, help string }{
		{"v1.2.3", "1.2.3", "blob/v1.2.3/"},
		{"v0.0.0-20261203023400-3db6bb9a1b2c", "0.0.0-20261203023400-3db6bb9a1b2c", "blob/main/"},
		{"v1.3.0-rc.1+dirty", "1.3.0-rc.1+dirty", "blob/main/"},
		{"(devel)", "0.0.0-devel", "blob/main/"},
		{"", "0.0.0-devel", "blob/main/"},
	} {
		v, sv := sarifToolVersion(tt.build)
		if v != tt.version || sv != tt.version || !strings.Contains(RuleHelpURI(tt.build), tt.help) {
			t.Errorf("%q: version %q %q, help %s; want %q and %s", tt.build, v, sv, RuleHelpURI(tt.build), tt.version, tt.help)
		}
	}
}

// TestSARIFOfSeeds validates the SARIF log of the real seed findings.
func TestSARIFOfSeeds(t *testing.T) {
	byFile, _ := lintSeeds(t)
	var all []Finding
	for _, fs := range byFile {
		all = append(all, fs...)
	}
	SortFindings(all)
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", all, WriteOptions{Root: "../shared/seeds"}); err != nil {
		t.Fatal(err)
	}
	if err := validateSARIF(t, sarifSchema(t), buf.Bytes()); err != nil {
		t.Fatalf("SARIF of the seeds does not validate: %v", err)
	}
}

func TestTextColorAndRuleSummary(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "text", sampleFindings()[1:2], WriteOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if want := "\x1b[1mresources/user.md:7:1\x1b[0m: \x1b[1;33mwarning\x1b[0m \x1b[2mtable-json\x1b[0m: id is in the table\n"; buf.String() != want {
		t.Errorf("coloured line %q, want %q", buf.String(), want)
	}
	buf.Reset()
	findings := append(sampleFindings(), sampleFindings()[0])
	if err := WriteRuleSummary(&buf, findings, false); err != nil {
		t.Fatal(err)
	}
	want := "5 findings (2 errors, 2 warnings, 1 note):\n* todo: 2\n* parser-new-rule: 1\n* schema-type: 1\n* table-json: 1\n"
	if buf.String() != want {
		t.Errorf("rule summary\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	WriteRuleSummary(&buf, nil, true)
	if buf.Len() != 0 {
		t.Errorf("a summary of no findings: %q", buf.String())
	}
}

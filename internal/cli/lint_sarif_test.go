package cli

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The SARIF log of `lint --format sarif`, for a relative, an absolute and an outside --docs, must validate
// against the SARIF 2.1.0 schema and pass the checks of Microsoft's SARIF multitool (SARIF and GitHub rule sets)
// that the schema cannot express; sarifProblems restates those, so that the test needs no network.

func TestLintSARIFValidates(t *testing.T) {
	schema := compileSARIFSchema(t)
	work := t.TempDir()
	t.Chdir(work)
	writeFiles(t, filepath.Join(work, "docs"), map[string]string{"api/widget-post.md": lintPage})
	outside := lintTree(t) // another temp dir: not under the working directory

	absDocs, err := filepath.Abs("docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, docs string
		wantURI    string // of the TODO finding
		wantBase   string
	}{
		{"relative", "docs", "docs/api/widget-post.md", "%SRCROOT%"},
		{"absolute", absDocs, "docs/api/widget-post.md", "%SRCROOT%"},
		{"outside", outside, (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(outside, "api", "widget-post.md"))}).String(), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "lint.sarif")
			code, _, stderr := runGraphdocgen(t, "lint", "--docs", tt.docs, "--format", "sarif", "-o", out)
			data, err := os.ReadFile(out)
			if code != ExitFindings || err != nil {
				t.Fatalf("exit %d, %v, stderr %s", code, err, stderr)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(doc); err != nil {
				t.Fatalf("does not validate against the SARIF schema: %v", err)
			}
			for _, p := range sarifProblems(t, data) {
				t.Error(p)
			}
			var log sarifLogForTest
			json.Unmarshal(data, &log)
			a := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
			if a.URI != tt.wantURI || a.URIBaseID != tt.wantBase {
				t.Errorf("first result at %q (base %q), want %q (base %q)", a.URI, a.URIBaseID, tt.wantURI, tt.wantBase)
			}
		})
	}

	// The checks are not vacuous: the log graphdocgen wrote before (a bare absolute path, no help, name equal to
	// the id, version "dev") fails each of them.
	old := `{"runs":[{"tool":{"driver":{"name":"graphdocgen","version":"dev","rules":[{"id":"todo","name":"Todo","shortDescription":{"text":"x"}}]}},
		"results":[{"ruleId":"todo","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"/abs/docs/a.md"}}}]}]}]}`
	if got := len(sarifProblems(t, []byte(old))); got != 6 {
		t.Errorf("the old log has %d problems, want 6: %q", got, sarifProblems(t, []byte(old)))
	}
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("..", "..", "lint", "testdata", "sarif-schema-2.1.0.json"))
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

type sarifLogForTest struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Version string
				Rules   []struct {
					ID, Name, HelpURI string
					FullDescription   *struct{ Text string }
					Help              *struct{ Text, Markdown string }
				}
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
				}
			}
		}
	}
}

var startsWithDigit = regexp.MustCompile(`^[0-9]`)

// sarifProblems reports what the multitool's errors and warnings would: SARIF1004 (a relative URI must not start
// with a slash; uriBaseId needs a relative URI; base URIs absolute and ending in a slash), SARIF1001 (name equal to
// id), SARIF2005 (a version that does not start with a digit), GH2012 (no fullDescription or help text) and
// SARIF2012's help URI.
func sarifProblems(t *testing.T, data []byte) []string {
	t.Helper()
	var log sarifLogForTest
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, run := range log.Runs {
		d := run.Tool.Driver
		if !startsWithDigit.MatchString(d.Version) {
			out = append(out, "SARIF2005: version "+d.Version+" is not numeric")
		}
		for _, r := range d.Rules {
			if strings.EqualFold(r.Name, r.ID) {
				out = append(out, "SARIF1001: rule "+r.ID+" has its id as its name")
			}
			if r.FullDescription == nil || r.FullDescription.Text == "" {
				out = append(out, "GH2012: rule "+r.ID+" has no fullDescription")
			}
			if r.Help == nil || r.Help.Text == "" || r.Help.Markdown == "" {
				out = append(out, "GH2012: rule "+r.ID+" has no help text and markdown")
			}
			if u, err := url.Parse(r.HelpURI); err != nil || u.Scheme != "https" {
				out = append(out, "SARIF2012: rule "+r.ID+" has no help URI")
			}
		}
		for id, b := range run.OriginalURIBaseIDs {
			if u, err := url.Parse(b.URI); err != nil || !u.IsAbs() || !strings.HasSuffix(b.URI, "/") {
				out = append(out, "SARIF1004: base "+id+" is "+b.URI)
			}
		}
		for _, res := range run.Results {
			for _, l := range res.Locations {
				a := l.PhysicalLocation.ArtifactLocation
				u, err := url.Parse(a.URI)
				switch {
				case err != nil:
					out = append(out, "uri "+a.URI+": "+err.Error())
				case u.IsAbs() && a.URIBaseID != "":
					out = append(out, "SARIF1004: absolute uri "+a.URI+" with a uriBaseId")
				case !u.IsAbs() && strings.HasPrefix(a.URI, "/"):
					out = append(out, "SARIF1004: relative uri "+a.URI+" starts with a slash")
				case !u.IsAbs() && a.URIBaseID == "":
					out = append(out, "relative uri "+a.URI+" without a uriBaseId")
				case a.URIBaseID != "" && run.OriginalURIBaseIDs[a.URIBaseID].URI == "":
					out = append(out, "uriBaseId "+a.URIBaseID+" is not defined")
				}
			}
		}
	}
	return out
}

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestModelOpenAPI: --format openapi writes JSON to standard output and YAML to a .yaml file, the same
// document, with the counts on standard error.
func TestModelOpenAPI(t *testing.T) {
	code, stdout, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "--format", "openapi")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var fromJSON map[string]any
	if err := json.Unmarshal([]byte(stdout), &fromJSON); err != nil {
		t.Fatalf("standard output is not JSON: %v", err)
	}
	if fromJSON["openapi"] != "3.1.0" || len(fromJSON["paths"].(map[string]any)) == 0 {
		t.Errorf("openapi %v, %d paths", fromJSON["openapi"], len(fromJSON["paths"].(map[string]any)))
	}
	if !regexp.MustCompile(`\ngraphdocgen model: openapi: \d+ paths, \d+ operations, \d+ schemas, \d+ examples, \d+ operations with security scopes\n$`).MatchString(stderr) {
		t.Errorf("summary %q", stderr)
	}

	out := filepath.Join(t.TempDir(), "graph.yaml")
	if code, _, stderr := runGraphdocgen(t, "model", "--docs", docsInput, "--format", "openapi", "-o", out); code != ExitOK {
		t.Fatalf("-o %s: exit %d: %s", out, code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(string(data), "{") {
		t.Fatal("the .yaml file holds JSON")
	}
	var fromYAML any
	if err := yaml.Unmarshal(data, &fromYAML); err != nil {
		t.Fatalf("the .yaml file is not YAML: %v", err)
	}
	j, _ := json.Marshal(fromYAML)
	var again map[string]any
	if err := json.Unmarshal(j, &again); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(again)
	b, _ := json.Marshal(fromJSON)
	if string(a) != string(b) {
		t.Error("the YAML file and the JSON output are not the same document")
	}
}

package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	readmeRulesStart = "<!-- rules: generated from the rule registry; go test ./lint -run TestReadmeRules -update rewrites it -->"
	readmeRulesEnd   = "<!-- end rules -->"
)

// rulesTable renders the registry as the README's rules table.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| Rule | Family | Level | Fix | What it reports |\n|---|---|---|---|---|\n")
	for _, r := range Rules() {
		lvl := string(r.Severity)
		if r.Off {
			lvl = "off (" + lvl + ")"
		}
		summary := strings.ReplaceAll(r.Summary, "|", `\|`)
		if r.Parser {
			summary += " (parser)"
		}
		fix := ""
		if r.Fix {
			fix = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Family, lvl, fix, summary)
	}
	return b.String()
}

// TestReadmeRules wants the README's rules table to be the registry's; -update rewrites the table (and only
// the table) in place.
func TestReadmeRules(t *testing.T) {
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no README: %v", err)
	}
	text := string(data)
	i := strings.Index(text, readmeRulesStart)
	j := strings.Index(text, readmeRulesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no rules table between %q and %q in the lint section", readmeRulesStart, readmeRulesEnd)
	}
	body := text[i+len(readmeRulesStart) : j]
	want := "\n" + rulesTable()
	if body == want {
		return
	}
	if *update {
		// Read again right before writing: other sections of the README change under other hands.
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		i, j := strings.Index(text, readmeRulesStart), strings.Index(text, readmeRulesEnd)
		if err := os.WriteFile(path, []byte(text[:i+len(readmeRulesStart)]+want+text[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("README.md's rules table is not the registry's; run go test ./lint -run TestReadmeRules -update. Want:\n%s", want)
}

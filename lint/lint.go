// Package lint checks API reference docs read into a model.Model: placeholders left in the text, missing or
// misspelt structure, HTTP examples that contradict themselves or the prose, examples that contradict the types
// they show, broken links, permission tables, and — given the service's CSDL — the docs against the schema.
//
// Every finding has a stable rule id, a severity and the position of the offending row, cell, key or line.
// Run is the whole linter; the writers in output.go render findings as text, JSON, SARIF or GitHub workflow
// commands; baseline.go lets a docs set adopt the linter and fail only on new findings.
package lint

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/lint/csdl"
	"github.com/graphdocgen/graphdocgen/model"
)

// Finding is one problem in the docs.
type Finding struct {
	Pos      model.Pos      `json:"-"`
	Severity model.Severity `json:"severity"`
	Rule     string         `json:"rule"`
	Message  string         `json:"message"`
	// Fingerprint identifies the finding independently of its line number, so that baselines survive edits
	// elsewhere in the page: rule, file, the text of the offending line and the message.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Outside marks positions that are not in the docs tree (the schema file of --against): Pos.File is then
	// the path as given, not a path under the docs root.
	Outside bool `json:"-"`
	// Fix, when set, is the one mechanical change that resolves the finding (fix.go); lint --fix applies it.
	Fix *Fix `json:"fix,omitempty"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s %s: %s", displayPos(f.Pos), f.Severity, f.Rule, f.Message)
}

// displayPos renders a position as file:line:col, with column 1 when only the line is known.
func displayPos(p model.Pos) string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d:1", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Options configure a run. They are plain data so that a config file can carry them.
type Options struct {
	// Rules overrides rules by id or by family: "off", "info", "warning", "error", or "on" (default severity).
	// An id wins over its family.
	Rules map[string]string `json:"rules,omitempty" yaml:"rules,omitempty"`
	// TODOInComments also reports TODO placeholders inside HTML comments, which do not render.
	TODOInComments bool `json:"todoInComments,omitempty" yaml:"todoInComments,omitempty"`
	// IntuneCreateTables also applies read-only-in-create to Intune pages, whose generated create pages list
	// every property of the entity, read-only ones included, by design.
	IntuneCreateTables bool `json:"intuneCreateTables,omitempty" yaml:"intuneCreateTables,omitempty"`

	// FS is the docs root, for link targets that are not pages (images, other files). Without it only links
	// to pages of the model can be checked.
	FS fs.FS `json:"-" yaml:"-"`
	// Schema is the service's schema for the schema-* rules (--against).
	Schema *csdl.Schema `json:"-" yaml:"-"`
}

// Validate reports rule settings that name no rule or family, or give no known level.
func (o Options) Validate() error {
	var errs []string
	keys := make([]string, 0, len(o.Rules))
	for k := range o.Rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := o.Rules[k]
		if _, ok := ruleByID[k]; !ok && !families[k] {
			msg := fmt.Sprintf("unknown rule %q", k)
			if s := suggestRule(k); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs = append(errs, msg)
		}
		switch strings.ToLower(v) {
		case "off", "on", "info", "warning", "error":
		default:
			errs = append(errs, fmt.Sprintf("rule %s: level %q is not one of off, on, info, warning, error", k, v))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("lint options: %s", strings.Join(errs, "; "))
	}
	return nil
}

// level returns the severity rule r runs at and whether a setting forces it; on is false when the rule is off.
func (o Options) level(r *Rule) (sev model.Severity, forced, on bool) {
	v, ok := o.Rules[r.ID]
	if !ok {
		v, ok = o.Rules[r.Family]
	}
	if !ok {
		return r.Severity, false, !r.Off
	}
	switch v = strings.ToLower(v); v {
	case "off":
		return "", false, false
	case "on":
		return r.Severity, false, true
	}
	return model.Severity(v), true, true
}

// Run lints the model and returns the findings in position order, with in-page suppressions applied.
func Run(m *model.Model, opts Options) []Finding {
	findings, _ := RunCounted(m, opts)
	return findings
}

// RunCounted is Run that also says how many findings in-page suppression comments silenced, for the summaries.
func RunCounted(m *model.Model, opts Options) (findings []Finding, suppressed int) {
	c := newChecker(m, opts)
	c.checkPages()
	c.checkOperations()
	c.checkRoutes()
	c.checkTypes()
	c.checkBaseTypes() // after the operations: it leaves to unstated-base-type the types it reported
	c.checkTypeNamespaces()
	c.checkExampleNames()
	c.checkCommentBreakout()
	c.parserDiagnostics()
	if opts.Schema != nil {
		c.checkSchema(opts.Schema)
	}
	return c.finish()
}

// checkPage runs the checks that read one page's text and structure.
func (c *checker) checkPage(pt *pageText) {
	c.checkPlaceholders(pt)
	c.checkOutline(pt)
	c.checkLinks(pt)
	c.checkPermissions(pt)
	c.checkSuppressionComments(pt)
}

// finish applies rule levels and suppressions, fingerprints and sorts the findings, and counts the suppressed.
func (c *checker) finish() (out []Finding, suppressed int) {
	seen := map[string]bool{}
	for _, f := range c.findings {
		r := c.rule(f.Rule)
		if r == nil {
			continue
		}
		sev, forced, on := c.opts.level(r)
		if !on {
			continue
		}
		if forced || f.Severity == "" {
			f.Severity = sev
		}
		if c.suppressed(f) {
			suppressed++
			continue
		}
		key := displayPos(f.Pos) + "\x00" + f.Rule + "\x00" + f.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		f.Fingerprint = c.fingerprint(f)
		out = append(out, f)
	}
	c.reportUnusedSuppressions(&out)
	SortFindings(out)
	return out, suppressed
}

// SortFindings orders findings by position, then rule and message.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Counts returns the number of findings per rule id.
func Counts(fs []Finding) map[string]int {
	out := map[string]int{}
	for _, f := range fs {
		out[f.Rule]++
	}
	return out
}

// AtLeast reports how many findings are at or above severity s.
func AtLeast(fs []Finding, s model.Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity.Rank() >= s.Rank() {
			n++
		}
	}
	return n
}

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/gitdiff"
	"github.com/graphdocgen/graphdocgen/lint"
	"github.com/graphdocgen/graphdocgen/lint/csdl"
	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

func init() {
	register(&command{name: "lint", summary: "check the docs for placeholders and inconsistencies (text, JSON, SARIF or GitHub annotations)", run: runLint})
}

func runLint(e *env, args []string) int {
	fs := newFlags(e, "lint", "lint --docs DIR [--format text|json|sarif|github] [--fail-on LEVEL] [--new-from-rev REV] [--changed-only] [--baseline FILE] [--write-baseline FILE] [--against SERVICE.csdl] [--config FILE]")
	docs := fs.StringArray("docs", nil, "docs root `DIR`: a folder of pages (or one page); repeat to read several folders as one tree (the first that holds a page wins)")
	format := fs.String("format", "text", "output format: text (file:line:col: severity rule: message), json, sarif (SARIF 2.1.0) or github (workflow annotations)")
	failOn := fs.String("fail-on", "warning", "exit 1 when a finding is at or above this level: error, warning, info, or none")
	baseline := fs.String("baseline", "", "report only findings that baseline FILE (from --write-baseline) does not list; entries that no longer match are listed")
	writeBaseline := fs.String("write-baseline", "", "write every current finding to FILE as the baseline, and exit 0; with --baseline, write that baseline without the entries that no longer match (prune)")
	newFromRev := fs.String("new-from-rev", "", "report only findings on lines changed since git revision `REV`: its commits since, uncommitted edits and untracked files (as golangci-lint does)")
	changedOnly := fs.Bool("changed-only", false, "report only findings in files that changed (whole files): in the working tree against HEAD, or since --new-from-rev REV")
	color := fs.String("color", "auto", "`WHEN` to colour text output: auto (when standard output is a terminal and NO_COLOR is not set), always or never")
	jobSummary := fs.String("job-summary", "", "append a Markdown summary (counts per rule and per file) to `FILE`; with --format github it defaults to $GITHUB_STEP_SUMMARY when that is set; \"none\" writes none")
	maxAnnotations := fs.Int("max-annotations", lint.GitHubAnnotationsPerLevel, "with --format github, annotate at most `N` findings of each level, changed files first (GitHub shows 10 per level and step); the rest are listed in the log; 0 for no cap")
	against := fs.String("against", "", "also compare the docs with a service schema (CSDL / EDMX file)")
	out := fs.StringP("output", "o", "", "write the findings to `FILE` instead of standard output (\"-\" is standard output; devices and pipes are written through)")
	rules := fs.StringArray("rule", nil, "set a rule or rule family to a level, `ID=LEVEL` with LEVEL off|on|info|warning|error (e.g. --rule todo=off --rule links=error); repeatable")
	todoInComments := fs.Bool("todo-in-comments", false, "also report TODO inside HTML comments")
	intuneCreate := fs.Bool("intune-create-tables", false, "also apply read-only-in-create to Intune pages (their generated create tables list every property by design)")
	read := addReadFlags(fs)
	fix := fs.Bool("fix", false, "apply the fixes of the findings whose message states exactly one replacement (the rule table's Fix column), write the pages back, and report the findings left")
	fixDiff := fs.Bool("diff", false, "with --fix, print the fixes as a unified diff instead of writing them; exit 1 when there is one")
	listRules := fs.Bool("list-rules", false, "list the rules with their ids, families and default levels, and exit")
	addConfigFlag(fs)
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	cfg, err := applyConfig(fs)
	if err != nil {
		return fail(e, "lint", err)
	}
	if err := cfg.CheckLintRules(lint.RuleNames()); err != nil {
		return fail(e, "lint", err)
	}
	if *listRules {
		for _, r := range lint.Rules() {
			lvl := string(r.Severity)
			if r.Off {
				lvl = "off"
			}
			fix := ""
			if r.Fix {
				fix = " [--fix]"
			}
			fmt.Fprintf(e.stdout, "%-26s %-13s %-8s %s%s\n", r.ID, r.Family, lvl, r.Summary, fix)
		}
		return ExitOK
	}
	if err := docsGiven(fs, *docs); err != nil {
		return usageError(e, err)
	}
	if !contains(lint.Formats, *format) {
		return usageError(e, fmt.Errorf("--format must be one of %s, not %q", strings.Join(lint.Formats, ", "), *format))
	}
	threshold, err := failLevel(*failOn)
	if err != nil {
		return usageError(e, err)
	}
	useColor, err := colorWanted(*color, e.stdout, *out)
	if err != nil {
		return usageError(e, err)
	}
	if *writeBaseline != "" && (*newFromRev != "" || *changedOnly) {
		return usageError(e, errors.New("--write-baseline records every finding: it does not go with --new-from-rev or --changed-only"))
	}
	if *fixDiff && !*fix {
		return usageError(e, errors.New("--diff shows what --fix would change: use it with --fix"))
	}
	if *fix && *writeBaseline != "" {
		return usageError(e, errors.New("--fix and --write-baseline: fix first, then write the baseline in a second run"))
	}
	if *maxAnnotations < 0 {
		return usageError(e, fmt.Errorf("--max-annotations must be 0 (no cap) or more, not %d", *maxAnnotations))
	}
	opts := lint.Options{TODOInComments: *todoInComments, IntuneCreateTables: *intuneCreate, Rules: map[string]string{}}
	for _, r := range *rules {
		id, level, ok := strings.Cut(r, "=")
		if !ok || strings.TrimSpace(id) == "" {
			return usageError(e, fmt.Errorf("--rule %q: write ID=LEVEL, e.g. todo=off", r))
		}
		opts.Rules[strings.TrimSpace(id)] = strings.TrimSpace(level)
	}
	if err := opts.Validate(); err != nil {
		return usageError(e, err)
	}

	// Read everything the run needs before writing anything.
	var known *lint.Baseline
	if *baseline != "" {
		f, err := openRegular(*baseline)
		if err != nil {
			return fail(e, "lint", fmt.Errorf("baseline: %w", err))
		}
		known, err = lint.ReadBaseline(f, *baseline)
		f.Close()
		if err != nil {
			return fail(e, "lint", err)
		}
	}
	if *against != "" {
		f, err := openRegular(*against)
		if err != nil {
			return fail(e, "lint", fmt.Errorf("schema: %w", err))
		}
		s, err := csdl.Read(f, *against)
		f.Close()
		if err != nil {
			return fail(e, "lint", err)
		}
		opts.Schema = s
	}
	popts, err := read.options()
	if err != nil {
		return fail(e, "lint", locateConfigValue(fs, cfg, "max-page-bytes", err))
	}
	m, err := readDocs(*docs, popts)
	var rootErr *errDocsRoot
	switch {
	case errors.As(err, &rootErr):
		return fail(e, "lint", locateConfigValue(fs, cfg, "docs", err))
	case errors.Is(err, parser.ErrNoPages):
		return fail(e, "lint", fmt.Errorf("docs: no pages under %s match %s", strings.Join(*docs, ", "), describeGlobs(*read.include)))
	case err != nil:
		return fail(e, "lint", err)
	}
	opts.FS = docsFS(*docs)
	// Ask git before linting, so that a missing revision fails fast.
	var changes *gitdiff.Changes
	if *newFromRev != "" || *changedOnly {
		changes, err = gitdiff.Since(gitdiff.DirOf((*docs)[0]), *newFromRev)
		if err != nil {
			flag := "--changed-only"
			if *newFromRev != "" {
				flag = "--new-from-rev"
			}
			return fail(e, "lint", fmt.Errorf("%s: %w", flag, err))
		}
	}
	findings, suppressed := lint.RunCounted(m, opts)
	var fixes *fixPlan
	if *fix {
		// Fix what would be reported: not what the baseline accepts or what lies outside the change.
		keep := func(fs []lint.Finding) []lint.Finding {
			if known != nil {
				fs, _ = known.Filter(fs)
			}
			if changes != nil {
				fs = inChangePages(fs, changes, *changedOnly, *docs)
			}
			return fs
		}
		fixes = planFixes(*docs, m, opts, findings, keep, !*fixDiff)
		fixes.reportRefused(e)
		if *fixDiff {
			var buf bytes.Buffer
			if err := fixes.writeDiff(&buf); err != nil {
				return fail(e, "lint", err)
			}
			if *out == "" {
				*out = "-"
			}
			if err := writeOutput(*out, e.stdout, buf.Bytes()); err != nil {
				return fail(e, "lint", fmt.Errorf("output: %w", err))
			}
			fixes.writeFixSummary(e.stderr, "--fix would fix")
			fmt.Fprintf(e.stderr, "graphdocgen lint: --fix --diff: %s fixable in %s (nothing written)\n", plural(fixes.total(), "finding"), plural(len(fixes.changedPages()), "file"))
			if len(fixes.changedPages()) > 0 {
				return ExitFindings
			}
			return ExitOK
		}
		if err := fixes.write(); err != nil {
			return fail(e, "lint", fmt.Errorf("--fix: %w", err))
		}
		// Report what is left as the pages now are: read them again, as a new run would.
		if m, err = readDocs(*docs, popts); err != nil {
			return fail(e, "lint", err)
		}
		findings, suppressed = lint.RunCounted(m, opts)
	}

	if *writeBaseline != "" {
		b, what := lint.NewBaseline(findings), plural(len(findings), "finding")
		if known != nil {
			b = known.Prune(findings)
			what = fmt.Sprintf("%s of %s (pruned %s that no longer match)", entries(len(b.Findings)), *baseline,
				entries(len(known.Findings)-len(b.Findings)))
		}
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			return fail(e, "lint", err)
		}
		if err := writeOutput(*writeBaseline, e.stdout, buf.Bytes()); err != nil {
			return fail(e, "lint", fmt.Errorf("baseline: %w", err))
		}
		fmt.Fprintf(e.stderr, "graphdocgen lint: wrote %s to %s\n", what, *writeBaseline)
		return ExitOK
	}
	run := lint.RunSummary{Pages: len(m.Pages), Suppressed: suppressed}
	if fixes != nil {
		run.Fixed = fixes.fixed
	}
	var stale []lint.BaselineEntry
	if known != nil {
		stale = known.Stale(findings)
		findings, run.Baselined = known.Filter(findings)
	}

	for i := range findings {
		if !findings[i].Outside {
			findings[i].Pos.File = displayPath(*docs, findings[i].Pos.File)
			findings[i].Outside = true
		}
	}
	wd, _ := os.Getwd()
	wopts := lint.WriteOptions{Version: toolVersion(), BaseDir: filepath.ToSlash(wd), Color: useColor}
	if changes != nil {
		findings, run.Unchanged = inChange(findings, changes, *changedOnly)
		run.Change = describeChange(*newFromRev, *changedOnly)
	}
	if *format == "github" {
		wopts.MaxAnnotations = *maxAnnotations
		wopts.Changed = pullRequestChanges(changes, (*docs)[0])
	}
	wopts.Run = &run
	var buf bytes.Buffer
	if err := lint.Write(&buf, *format, findings, wopts); err != nil {
		return fail(e, "lint", err)
	}
	if *out == "" {
		*out = "-"
	}
	if err := writeOutput(*out, e.stdout, buf.Bytes()); err != nil {
		return fail(e, "lint", fmt.Errorf("output: %w", err))
	}
	summaryFile := *jobSummary
	if summaryFile == "" && *format == "github" {
		summaryFile = os.Getenv("GITHUB_STEP_SUMMARY")
	}
	if summaryFile != "" && summaryFile != "none" {
		if err := appendJobSummary(summaryFile, findings, run, wopts); err != nil {
			return fail(e, "lint", fmt.Errorf("job summary: %w", err))
		}
	}

	if *format == "text" {
		summaryColor, _ := colorWanted(*color, e.stderr, "-")
		lint.WriteRuleSummary(e.stderr, findings, summaryColor)
		if fixes != nil && fixes.total() > 0 {
			fixes.writeFixSummary(e.stderr, "fixed")
		}
	}
	reportStale(e, stale, *baseline)
	errs, warns := countSeverity(findings, model.SeverityError), countSeverity(findings, model.SeverityWarning)
	summary := fmt.Sprintf("graphdocgen lint: %s, %s, %s, %s", plural(len(m.Pages), "page"), plural(errs, "error"),
		plural(warns, "warning"), plural(len(findings)-errs-warns, "note"))
	var more []string
	if known != nil {
		more = append(more, fmt.Sprintf("%d more in the baseline", run.Baselined))
	}
	if suppressed > 0 {
		more = append(more, fmt.Sprintf("%d suppressed in the pages", suppressed))
	}
	if changes != nil {
		more = append(more, fmt.Sprintf("%d outside the change", run.Unchanged))
	}
	if fixes != nil && fixes.total() > 0 {
		more = append(more, fmt.Sprintf("%d fixed in %s", fixes.total(), plural(len(fixes.changedPages()), "file")))
	}
	if len(more) > 0 {
		summary += " (" + strings.Join(more, ", ") + ")"
	}
	fmt.Fprintln(e.stderr, summary)
	if threshold != "" && lint.AtLeast(findings, threshold) > 0 {
		return ExitFindings
	}
	return ExitOK
}

// docsFS is the docs tree for link checks: the root folder, or the roots layered as readDocs reads them; nil
// for a single page.
func docsFS(roots []string) fs.FS {
	var layers overlayFS
	for _, r := range roots {
		if st, err := os.Stat(r); err == nil && st.IsDir() {
			layers = append(layers, os.DirFS(r))
		}
	}
	switch len(layers) {
	case 0:
		return nil
	case 1:
		return layers[0]
	}
	return layers
}

// displayPath turns a path under the docs roots into one relative to the working directory: the first root that
// holds the file, as readDocs reads it.
func displayPath(roots []string, file string) string {
	for _, r := range roots {
		dir := r
		if st, err := os.Stat(r); err == nil && !st.IsDir() {
			dir = filepath.Dir(r)
		}
		p := filepath.Join(dir, filepath.FromSlash(file))
		if _, err := os.Stat(p); err == nil || len(roots) == 1 {
			return filepath.ToSlash(p)
		}
	}
	return file
}

func usageError(e *env, err error) int {
	fmt.Fprintf(e.stderr, "graphdocgen lint: %v\nRun 'graphdocgen lint --help' for usage.\n", err)
	return ExitUsage
}

// failLevel reads --fail-on; "none" gives "": never fail on findings.
func failLevel(s string) (model.Severity, error) {
	switch strings.ToLower(s) {
	case "error", "warning", "info":
		return model.Severity(strings.ToLower(s)), nil
	case "none", "never":
		return "", nil
	}
	return "", fmt.Errorf("--fail-on must be error, warning, info or none, not %q", s)
}

func countSeverity(fs []lint.Finding, s model.Severity) int {
	n := 0
	for _, f := range fs {
		if f.Severity == s {
			n++
		}
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func describeGlobs(include []string) string {
	if len(include) == 0 {
		return "*.md"
	}
	return strings.Join(include, ", ")
}

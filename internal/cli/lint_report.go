package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/gitdiff"
	"github.com/graphdocgen/graphdocgen/lint"
)

// What lint reports besides the findings: the part of them a change introduced, the GitHub job summary, colour,
// and the baseline entries that no longer match.

// inChange keeps the findings in the change: on changed lines, or in changed files when wholeFiles. It returns
// them and how many it left out.
func inChange(findings []lint.Finding, changes *gitdiff.Changes, wholeFiles bool) (kept []lint.Finding, left int) {
	for _, f := range findings {
		in := false
		if wholeFiles {
			in = changes.File(f.Pos.File)
		} else {
			in = changes.Line(f.Pos.File, f.Pos.Line)
		}
		if in {
			kept = append(kept, f)
		} else {
			left++
		}
	}
	return kept, left
}

// describeChange says what --new-from-rev and --changed-only report on, for the job summary.
func describeChange(rev string, wholeFiles bool) string {
	switch {
	case rev != "" && wholeFiles:
		return "files changed since " + rev
	case rev != "":
		return "lines changed since " + rev
	}
	return "files changed in the working tree"
}

// pullRequestChanges tells the GitHub writer which files a pull request changed, so that their annotations come
// first: the change lint was asked about, or else, in a pull request's workflow ($GITHUB_BASE_REF set), what
// changed since origin/BASE. Without git or that branch it is nil and the order is the files'.
func pullRequestChanges(asked *gitdiff.Changes, docsRoot string) func(string) bool {
	changes := asked
	if changes == nil {
		base := os.Getenv("GITHUB_BASE_REF")
		if base == "" {
			return nil
		}
		c, err := gitdiff.Since(gitdiff.DirOf(docsRoot), "origin/"+base)
		if err != nil {
			return nil
		}
		changes = c
	}
	return changes.File
}

// appendJobSummary appends the Markdown summary to file, as GitHub expects of $GITHUB_STEP_SUMMARY.
func appendJobSummary(file string, findings []lint.Finding, run lint.RunSummary, o lint.WriteOptions) error {
	var buf bytes.Buffer
	if err := lint.WriteJobSummary(&buf, findings, run, o); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// staleShown caps the stale baseline entries listed one by one.
const staleShown = 20

// reportStale lists the baseline entries that no longer match, so that they are pruned before the findings
// they stood for come back unnoticed.
func reportStale(e *env, stale []lint.BaselineEntry, baseline string) {
	if len(stale) == 0 {
		return
	}
	n := 0
	for _, s := range stale {
		n += s.Count
	}
	fmt.Fprintf(e.stderr, "graphdocgen lint: %s in %s no longer match (fixed, or the line or message changed); prune them with --baseline %s --write-baseline %s:\n",
		entries(n), baseline, baseline, baseline)
	for i, s := range stale {
		if i == staleShown {
			fmt.Fprintf(e.stderr, "  … and %s more\n", entries(len(stale)-i))
			break
		}
		count := ""
		if s.Count > 1 {
			count = fmt.Sprintf(" (%d)", s.Count)
		}
		fmt.Fprintf(e.stderr, "  %s: %s%s: %s\n", s.File, s.Rule, count, s.Message)
	}
}

func entries(n int) string {
	if n == 1 {
		return "1 baseline entry"
	}
	return fmt.Sprintf("%d baseline entries", n)
}

// colorWanted reads --color: auto colours when the findings go to a terminal (not to -o FILE) and NO_COLOR
// (https://no-color.org) is unset or empty and TERM is not "dumb".
func colorWanted(mode string, stdout io.Writer, out string) (bool, error) {
	switch strings.ToLower(mode) {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if (out != "" && out != "-") || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
			return false, nil
		}
		return isTerminal(stdout), nil
	}
	return false, fmt.Errorf("--color must be auto, always or never, not %q", mode)
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && st.Mode()&os.ModeDevice != 0
}

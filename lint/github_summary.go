package lint

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// RunSummary is what a run counted besides the findings it reports, for the summaries.
type RunSummary struct {
	Pages      int
	Baselined  int            // findings the baseline covered
	Suppressed int            // findings in-page suppression comments silenced
	Unchanged  int            // findings left out because they are not in the change
	Change     string         // the change reported on, e.g. "lines changed since origin/main"; "" for everything
	Fixed      map[string]int // findings lint --fix fixed, per rule; nil without --fix
}

// summaryFileRows caps the per-file table of the job summary, which GitHub limits to 1 MiB per step.
const summaryFileRows = 50

// WriteJobSummary writes a Markdown summary for a GitHub job summary ($GITHUB_STEP_SUMMARY): the counts, a table
// of findings per rule and one per file (the first summaryFileRows files with the most findings). Paths are shown
// as o shows them.
func WriteJobSummary(w io.Writer, findings []Finding, s RunSummary, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### graphdocgen lint\n\n")
	scope := ""
	if s.Change != "" {
		scope = " on " + s.Change
	}
	if len(findings) == 0 {
		fmt.Fprintf(bw, "No findings%s (%s read).", scope, countNoun(s.Pages, "page"))
	} else {
		fmt.Fprintf(bw, "**%s**%s (%s read): %s.", countNoun(len(findings), "finding"), scope, countNoun(s.Pages, "page"), severityCounts(findings))
	}
	var more []string
	if s.Baselined > 0 {
		more = append(more, thousands(s.Baselined)+" in the baseline")
	}
	if s.Suppressed > 0 {
		more = append(more, thousands(s.Suppressed)+" suppressed in the pages")
	}
	if s.Unchanged > 0 {
		more = append(more, thousands(s.Unchanged)+" outside the change")
	}
	if len(more) > 0 {
		fmt.Fprintf(bw, " Not reported: %s.", strings.Join(more, ", "))
	}
	fmt.Fprint(bw, "\n\n")
	if len(findings) == 0 {
		return bw.Flush()
	}

	fmt.Fprint(bw, "| Rule | Level | Findings |\n|---|---|--:|\n")
	for _, rc := range ruleCounts(findings) {
		fmt.Fprintf(bw, "| `%s` | %s | %s |\n", rc.rule, rc.level, thousands(rc.n))
	}

	type fileCount struct {
		file             string
		errs, warns, all int
	}
	byFile := map[string]*fileCount{}
	for _, f := range findings {
		name := o.displayFile(f)
		fc := byFile[name]
		if fc == nil {
			fc = &fileCount{file: name}
			byFile[name] = fc
		}
		fc.all++
		switch f.Severity {
		case model.SeverityError:
			fc.errs++
		case model.SeverityWarning:
			fc.warns++
		}
	}
	files := make([]*fileCount, 0, len(byFile))
	for _, fc := range byFile {
		files = append(files, fc)
	}
	sort.Slice(files, func(i, j int) bool {
		if files[i].all != files[j].all {
			return files[i].all > files[j].all
		}
		return files[i].file < files[j].file
	})
	fmt.Fprintf(bw, "\n<details><summary>%s with findings</summary>\n\n| File | Errors | Warnings | Notes |\n|---|--:|--:|--:|\n", countNoun(len(files), "file"))
	for i, fc := range files {
		if i == summaryFileRows {
			fmt.Fprintf(bw, "| … and %s | | | |\n", countNoun(len(files)-i, "more file"))
			break
		}
		fmt.Fprintf(bw, "| %s | %d | %d | %d |\n", mdCell(fc.file), fc.errs, fc.warns, fc.all-fc.errs-fc.warns)
	}
	fmt.Fprint(bw, "\n</details>\n\n")
	return bw.Flush()
}

type ruleCount struct {
	rule  string
	level model.Severity
	n     int
}

// ruleCounts counts findings per rule, most first; a rule's level is its first finding's.
func ruleCounts(findings []Finding) []ruleCount {
	idx := map[string]int{}
	var out []ruleCount
	for _, f := range findings {
		i, ok := idx[f.Rule]
		if !ok {
			i = len(out)
			idx[f.Rule] = i
			out = append(out, ruleCount{rule: f.Rule, level: f.Severity})
		}
		out[i].n++
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].rule < out[j].rule
	})
	return out
}

// mdCell writes text as a Markdown table cell: in code, with pipes escaped.
func mdCell(s string) string {
	return "`" + strings.ReplaceAll(strings.ReplaceAll(s, "`", "'"), "|", `\|`) + "`"
}

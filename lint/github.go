package lint

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// GitHubAnnotationsPerLevel is how many annotations of each level (error, warning, notice) GitHub shows for one
// step; the rest of a step's annotations are dropped silently.
const GitHubAnnotationsPerLevel = 10

// writeGitHub writes GitHub Actions workflow commands, which show as annotations on the pull request. GitHub
// shows only the first few of each level, so the findings in the changed files (o.Changed) go first, and at most
// o.MaxAnnotations of each level are annotations: the rest follow as plain log lines, in a collapsed group, after
// a line that counts them.
func writeGitHub(w io.Writer, findings []Finding, o WriteOptions) error {
	bw := bufio.NewWriter(w)
	ordered := append([]Finding(nil), findings...)
	if o.Changed != nil {
		changed := map[string]bool{}
		for _, f := range ordered {
			file := o.displayFile(f)
			if _, ok := changed[file]; !ok {
				changed[file] = o.Changed(file)
			}
		}
		sort.SliceStable(ordered, func(i, j int) bool {
			return changed[o.displayFile(ordered[i])] && !changed[o.displayFile(ordered[j])]
		})
	}
	shown := map[string]int{}
	var rest []Finding
	for _, f := range ordered {
		cmd := ghCommand(f.Severity)
		if o.MaxAnnotations > 0 && shown[cmd] >= o.MaxAnnotations {
			rest = append(rest, f)
			continue
		}
		shown[cmd]++
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
	if len(rest) > 0 {
		SortFindings(rest)
		fmt.Fprintf(bw, "graphdocgen: %s not shown as annotations (GitHub shows %d of each level per step): %s. They follow; the job summary counts every finding.\n",
			countNoun(len(rest), "more finding"), o.MaxAnnotations, severityCounts(rest))
		fmt.Fprintf(bw, "::group::%s not shown as annotations\n", countNoun(len(rest), "finding"))
		for _, f := range rest {
			p := f.Pos
			p.File = o.displayFile(f)
			// One line each: a line of the message that began with "::" would be read as a command.
			fmt.Fprintf(bw, "%s: %s %s: %s\n", displayPos(p), f.Severity, f.Rule, strings.Join(strings.Fields(f.Message), " "))
		}
		fmt.Fprintln(bw, "::endgroup::")
	}
	return bw.Flush()
}

func ghCommand(s model.Severity) string {
	switch s {
	case model.SeverityError:
		return "error"
	case model.SeverityInfo:
		return "notice"
	}
	return "warning"
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

// severityCounts says "2 errors, 5 warnings, 1 note", leaving out levels with none.
func severityCounts(fs []Finding) string {
	var e, w, n int
	for _, f := range fs {
		switch f.Severity {
		case model.SeverityError:
			e++
		case model.SeverityWarning:
			w++
		default:
			n++
		}
	}
	var parts []string
	for _, c := range []struct {
		n    int
		noun string
	}{{e, "error"}, {w, "warning"}, {n, "note"}} {
		if c.n > 0 {
			parts = append(parts, countNoun(c.n, c.noun))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// countNoun says "1 finding", "2,896 findings".
func countNoun(n int, noun string) string {
	s := thousands(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package lint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// manyFindings gives n findings of each level in each of files, in position order.
func manyFindings(files []string, n int) []Finding {
	var out []Finding
	for _, file := range files {
		for i := 1; i <= n; i++ {
			out = append(out,
				Finding{Pos: model.Pos{File: file, Line: i, Col: 1}, Severity: model.SeverityError, Rule: "todo", Message: "e"},
				Finding{Pos: model.Pos{File: file, Line: i, Col: 2}, Severity: model.SeverityWarning, Rule: "table-json", Message: "w"},
				Finding{Pos: model.Pos{File: file, Line: i, Col: 3}, Severity: model.SeverityInfo, Rule: "split-type", Message: "n"})
		}
	}
	return out
}

// GitHub shows 10 annotations of each level per step: the changed file's come first, at most 10 of each level
// are annotations, and the rest are counted and listed in a log group.
func TestGitHubCapsAndOrder(t *testing.T) {
	findings := manyFindings([]string{"api/a.md", "api/b.md", "api/z.md"}, 6) // 18 of each level
	var buf bytes.Buffer
	o := WriteOptions{MaxAnnotations: 10, Changed: func(f string) bool { return f == "api/z.md" }}
	if err := Write(&buf, "github", findings, o); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	count := map[string]int{}
	var firstFiles []string
	i := 0
	for ; i < len(lines) && strings.HasPrefix(lines[i], "::") && !strings.HasPrefix(lines[i], "::group::"); i++ {
		cmd, _, _ := strings.Cut(lines[i][2:], " ")
		count[cmd]++
		if i < 18 {
			file := strings.TrimPrefix(strings.Split(lines[i], ",")[0], "::"+cmd+" file=")
			firstFiles = append(firstFiles, file)
		}
	}
	if count["error"] != 10 || count["warning"] != 10 || count["notice"] != 10 {
		t.Errorf("annotations per level: %v", count)
	}
	for _, f := range firstFiles {
		if f != "api/z.md" {
			t.Fatalf("the changed file's 18 annotations should come first, got %s among %v", f, firstFiles)
		}
	}
	rest := lines[i:]
	if len(rest) != 1+1+24+1 {
		t.Fatalf("want a summary line, a group of 24 findings and its end, got %d lines:\n%s", len(rest), strings.Join(rest, "\n"))
	}
	if want := "graphdocgen: 24 more findings not shown as annotations (GitHub shows 10 of each level per step): 8 errors, 8 warnings, 8 notes."; !strings.HasPrefix(rest[0], want) {
		t.Errorf("summary line\n got %s\nwant %s", rest[0], want)
	}
	if rest[1] != "::group::24 findings not shown as annotations" || rest[len(rest)-1] != "::endgroup::" || rest[2] != "api/a.md:5:1: error todo: e" {
		t.Errorf("group:\n%s", strings.Join(rest, "\n"))
	}

	// Without a cap every finding is an annotation.
	buf.Reset()
	Write(&buf, "github", findings, WriteOptions{})
	if n := strings.Count(buf.String(), "\n"); n != len(findings) {
		t.Errorf("no cap: %d lines for %d findings", n, len(findings))
	}
}

func TestJobSummary(t *testing.T) {
	findings := manyFindings([]string{"api/a|b.md", "api/z.md"}, 2)
	findings = append(findings, Finding{Pos: model.Pos{File: "api/z.md", Line: 9}, Severity: model.SeverityError, Rule: "todo", Message: "e"})
	var buf bytes.Buffer
	s := RunSummary{Pages: 3341, Baselined: 5, Suppressed: 2, Unchanged: 1200, Change: "lines changed since origin/main"}
	if err := WriteJobSummary(&buf, findings, s, WriteOptions{Root: "docs"}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"### graphdocgen lint\n\n**13 findings** on lines changed since origin/main (3,341 pages read): 5 errors, 4 warnings, 4 notes. Not reported: 5 in the baseline, 2 suppressed in the pages, 1,200 outside the change.\n",
		"| Rule | Level | Findings |\n|---|---|--:|\n| `todo` | error | 5 |\n| `split-type` | info | 4 |\n| `table-json` | warning | 4 |\n",
		"<details><summary>2 files with findings</summary>",
		"| `docs/api/z.md` | 3 | 2 | 2 |\n| `docs/api/a\\|b.md` | 2 | 2 | 2 |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary lacks\n%s\ngot\n%s", want, got)
		}
	}

	// More files than the table shows.
	var files []string
	for i := 0; i < summaryFileRows+5; i++ {
		files = append(files, fmt.Sprintf("api/p%03d.md", i))
	}
	buf.Reset()
	WriteJobSummary(&buf, manyFindings(files, 1), RunSummary{Pages: len(files)}, WriteOptions{})
	if !strings.Contains(buf.String(), "| … and 5 more files | | | |") || strings.Count(buf.String(), "| `api/p") != summaryFileRows {
		t.Errorf("file table not capped at %d:\n%s", summaryFileRows, buf.String())
	}

	buf.Reset()
	WriteJobSummary(&buf, nil, RunSummary{Pages: 1, Unchanged: 3, Change: "files changed in the working tree"}, WriteOptions{})
	if got := buf.String(); got != "### graphdocgen lint\n\nNo findings on files changed in the working tree (1 page read). Not reported: 3 outside the change.\n\n" {
		t.Errorf("empty summary %q", got)
	}
}

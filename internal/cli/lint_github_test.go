package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On a pull request: the annotations of the changed page come first, even though other pages sort before it,
// and the job summary goes to $GITHUB_STEP_SUMMARY.
func TestLintGitHubPullRequest(t *testing.T) {
	repo := gitRepoWithCorpusPages(t)
	t.Chdir(repo)
	runGit(t, repo, "update-ref", "refs/remotes/origin/main", "HEAD") // what actions/checkout fetches
	editPage(t, filepath.Join(repo, "docs", "resources", "application.md"), "\n## Properties", "\nTODO: say more.\n\n## Properties")
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	t.Setenv("GITHUB_BASE_REF", "main")

	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", "docs", "--format", "github")
	if code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if !strings.Contains(lines[0], " file=docs/resources/application.md,") {
		t.Errorf("the changed page's annotations should come first, got %s", lines[0])
	}
	errorsShown := strings.Count(stdout, "\n::error ")
	if strings.HasPrefix(stdout, "::error ") {
		errorsShown++
	}
	if errorsShown != 10 || !strings.Contains(stdout, "more findings not shown as annotations") {
		t.Errorf("%d error annotations, want 10 and a line counting the rest:\n%s", errorsShown, stdout)
	}
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "### graphdocgen lint\n\n**") || !strings.Contains(string(data), "| `broken-link` | error |") {
		t.Errorf("job summary:\n%s", data)
	}

	// --new-from-rev: only the new TODO, and the job summary says what it covered.
	os.Remove(summary)
	code, stdout, _ = runGraphdocgen(t, "lint", "--docs", "docs", "--format", "github", "--new-from-rev", "origin/main")
	if code != ExitFindings || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "title=graphdocgen todo::") {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	data, _ = os.ReadFile(summary)
	if !strings.Contains(string(data), "**1 finding** on lines changed since origin/main (3 pages read): 1 error. Not reported:") {
		t.Errorf("job summary:\n%s", data)
	}

	// Another format writes a job summary only when asked, and "none" writes none.
	os.Remove(summary)
	runGraphdocgen(t, "lint", "--docs", "docs", "--format", "json")
	runGraphdocgen(t, "lint", "--docs", "docs", "--format", "github", "--job-summary", "none")
	if _, err := os.Stat(summary); err == nil {
		t.Error("a job summary was written unasked")
	}
	runGraphdocgen(t, "lint", "--docs", "docs", "--format", "sarif", "-o", "lint.sarif", "--job-summary", summary)
	if _, err := os.Stat(summary); err != nil {
		t.Error("--job-summary FILE with SARIF wrote no summary")
	}
}

// The baseline entries that no longer match are listed; --baseline B --write-baseline B prunes them and adds
// nothing; suppressed findings are counted.
func TestLintBaselineStale(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, stderr := runGraphdocgen(t, "lint", "--docs", docs, "--write-baseline", base); code != ExitOK {
		t.Fatal(stderr)
	}
	// Fix the TODO, add an empty permission.
	page := strings.Replace(lintPage, "| TODO: find out |", "| Widget.Read |", 1)
	page = strings.Replace(page, "| Application | Widget.ReadWrite.All |", "| Application |  |", 1)
	writeFiles(t, docs, map[string]string{"api/widget-post.md": page})
	code, stdout, stderr := runGraphdocgen(t, "lint", "--docs", docs, "--baseline", base)
	if code != ExitFindings || !strings.Contains(stdout, "empty-permission") ||
		!strings.Contains(stderr, "1 baseline entry in "+base+" no longer match") || !strings.Contains(stderr, "api/widget-post.md: todo: TODO placeholder") {
		t.Fatalf("exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}
	code, _, stderr = runGraphdocgen(t, "lint", "--docs", docs, "--baseline", base, "--write-baseline", base)
	if code != ExitOK || !strings.Contains(stderr, "wrote 1 baseline entry of "+base+" (pruned 1 baseline entry that no longer match)") {
		t.Fatalf("prune: exit %d, stderr %s", code, stderr)
	}
	code, stdout, stderr = runGraphdocgen(t, "lint", "--docs", docs, "--baseline", base)
	if code != ExitFindings || strings.Contains(stderr, "no longer match") || !strings.Contains(stdout, "empty-permission") {
		t.Fatalf("after pruning: exit %d, stdout %s, stderr %s", code, stdout, stderr)
	}

	page = strings.Replace(page, "## Permissions\n", "## Permissions\n\n<!-- graphdocgen-lint-disable-file empty-permission -->\n", 1)
	writeFiles(t, docs, map[string]string{"api/widget-post.md": page})
	if _, _, stderr = runGraphdocgen(t, "lint", "--docs", docs); !strings.Contains(stderr, "1 suppressed in the pages") {
		t.Errorf("suppressed findings are not counted: %s", stderr)
	}
}

func TestLintColor(t *testing.T) {
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	_, stdout, _ := runGraphdocgen(t, "lint", "--docs", docs, "--color", "always")
	if !strings.Contains(stdout, "\x1b[1;31merror\x1b[0m") {
		t.Errorf("--color always: %q", stdout)
	}
	t.Setenv("NO_COLOR", "1")
	for _, args := range [][]string{{"--color", "auto"}, {"--color", "never"}, {}} {
		if _, stdout, _ := runGraphdocgen(t, append([]string{"lint", "--docs", docs}, args...)...); strings.Contains(stdout, "\x1b[") {
			t.Errorf("%v: coloured: %q", args, stdout)
		}
	}
	if ok, _ := colorWanted("auto", os.Stdout, "out.txt"); ok {
		t.Error("auto colours a file given with -o")
	}
}

package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// corpusPages are real pages of the 2021 corpus that already have findings (the edited one has four), so that
// the test shows those are left out.
var corpusPages = []string{"api/user-sendmail.md", "api/subscription-list.md", "resources/application.md"}

// gitRepoWithCorpusPages makes a git repository in a temp dir with corpusPages under docs/, committed, and
// returns its root. It skips when git or the corpus is missing.
func gitRepoWithCorpusPages(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("skipping: git is not installed; --new-from-rev and --changed-only need it")
	}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "graph-docs-2021", "v1.0")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("skipping: %s is absent (CI always has it)", corpus)
	}
	repo := t.TempDir()
	for _, p := range corpusPages {
		data, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, filepath.Join(repo, "docs"), map[string]string{p: string(data)})
	}
	runGit(t, repo, "init", "-q")
	runGit(t, repo, "add", ".")
	runGit(t, repo, "commit", "-q", "-m", "corpus pages")
	return repo
}

// runGit runs git in dir with a fixed identity and without the user's or system's config.
func runGit(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// editPage applies replacements to a page of the repository, each of which must apply once.
func editPage(t *testing.T, file string, pairs ...string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for i := 0; i < len(pairs); i += 2 {
		if strings.Count(s, pairs[i]) < 1 {
			t.Fatalf("%s does not contain %q", file, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

type jsonFindings struct {
	Findings []struct {
		File, Rule string
		Line       int
	}
	Summary struct {
		OutsideChange *int `json:"outsideChange"`
	}
}

func lintJSON(t *testing.T, args ...string) (jsonFindings, string) {
	t.Helper()
	code, stdout, stderr := runGraphdocgen(t, append([]string{"lint", "--format", "json", "--fail-on", "none"}, args...)...)
	var r jsonFindings
	if err := json.Unmarshal([]byte(stdout), &r); err != nil || code != ExitOK {
		t.Fatalf("%v: exit %d, %v, stderr %s", args, code, err, stderr)
	}
	return r, stderr
}

func TestLintNewFromRev(t *testing.T) {
	repo := gitRepoWithCorpusPages(t)
	t.Chdir(repo)

	all, _ := lintJSON(t, "--docs", "docs")
	if len(all.Findings) < 8 {
		t.Fatalf("the corpus pages should have findings of their own, got %d", len(all.Findings))
	}
	if r, stderr := lintJSON(t, "--docs", "docs", "--new-from-rev", "HEAD"); len(r.Findings) != 0 ||
		!strings.Contains(stderr, "outside the change") {
		t.Fatalf("nothing changed yet, got %+v, stderr %s", r.Findings, stderr)
	}

	// Two new defects in one page: a TODO in the description and a malformed status line.
	editPage(t, filepath.Join(repo, "docs", "api", "user-sendmail.md"),
		"Send the message specified in the request body using either JSON or MIME format.\n\n",
		"Send the message specified in the request body using either JSON or MIME format. TODO: name the MIME types.\n\n",
		"HTTP/1.1 202 Accepted", "HTTP 1.1 202 Accepted")
	want := "docs/api/user-sendmail.md:14 todo, docs/api/user-sendmail.md:136 status-line"
	check := func(what string, r jsonFindings) {
		t.Helper()
		var got []string
		for _, f := range r.Findings {
			got = append(got, f.File+":"+itoa(f.Line)+" "+f.Rule)
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("%s: got %q, want %s", what, got, want)
		}
	}
	r, stderr := lintJSON(t, "--docs", "docs", "--new-from-rev", "HEAD")
	check("uncommitted edit", r)
	if !strings.Contains(stderr, "outside the change") || r.Summary.OutsideChange == nil || *r.Summary.OutsideChange != len(all.Findings) {
		t.Errorf("the summaries do not count the %d findings left out: %s", len(all.Findings), stderr)
	}
	abs, _ := lintJSON(t, "--docs", filepath.Join(repo, "docs"), "--new-from-rev", "HEAD")
	if len(abs.Findings) != 2 {
		t.Errorf("absolute --docs: %+v", abs.Findings)
	}

	// --changed-only: every finding of the changed page, none of the others.
	changed, _ := lintJSON(t, "--docs", "docs", "--changed-only")
	for _, f := range changed.Findings {
		if f.File != "docs/api/user-sendmail.md" {
			t.Errorf("--changed-only reported %s, which did not change", f.File)
		}
	}
	if len(changed.Findings) <= 2 {
		t.Errorf("--changed-only should report the whole page's findings, got %d", len(changed.Findings))
	}

	// Committed, the edit is still new since the first commit, and nothing is new since HEAD.
	runGit(t, repo, "commit", "-q", "-a", "-m", "edit")
	r, _ = lintJSON(t, "--docs", "docs", "--new-from-rev", "HEAD~1")
	check("committed edit", r)
	if r, _ := lintJSON(t, "--docs", "docs", "--changed-only"); len(r.Findings) != 0 {
		t.Errorf("a clean working tree has no changed files, got %+v", r.Findings)
	}

	// An untracked page is new as a whole.
	data, _ := os.ReadFile(filepath.Join(repo, "docs", "api", "subscription-list.md"))
	writeFiles(t, repo, map[string]string{"docs/api/subscription-list-copy.md": string(data)})
	r, _ = lintJSON(t, "--docs", "docs", "--new-from-rev", "HEAD")
	if len(r.Findings) == 0 {
		t.Error("the untracked page's findings are not reported")
	}
	for _, f := range r.Findings {
		if f.File != "docs/api/subscription-list-copy.md" {
			t.Errorf("reported %s:%d %s, which did not change", f.File, f.Line, f.Rule)
		}
	}

	code, _, stderr := runGraphdocgen(t, "lint", "--docs", "docs", "--new-from-rev", "no-such-branch")
	if code != ExitUsage || !strings.Contains(stderr, `revision "no-such-branch": not a commit`) {
		t.Errorf("unknown revision: exit %d, stderr %s", code, stderr)
	}
}

func TestLintNewFromRevOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("skipping: git is not installed")
	}
	t.Chdir(t.TempDir())
	docs := lintTree(t)
	code, _, stderr := runGraphdocgen(t, "lint", "--docs", docs, "--changed-only")
	if code != ExitUsage || !strings.Contains(stderr, "is not in a git repository") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

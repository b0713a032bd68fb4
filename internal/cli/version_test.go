package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// withBuildInfo makes version see info (or no build info at all when info is nil) for the rest of the test.
func withBuildInfo(t *testing.T, info *debug.BuildInfo) {
	saved := readBuildInfo
	readBuildInfo = func() (*debug.BuildInfo, bool) { return info, info != nil }
	t.Cleanup(func() { readBuildInfo = saved })
}

func TestVersionOfARelease(t *testing.T) {
	// What `go install github.com/graphdocgen/graphdocgen/cmd/graphdocgen@v1.4.0` records.
	withBuildInfo(t, &debug.BuildInfo{GoVersion: "go1.24.2",
		Main: debug.Module{Path: "github.com/graphdocgen/graphdocgen", Version: "v1.4.0"}})
	code, stdout, stderr := runGraphdocgen(t, "version")
	want := "graphdocgen v1.4.0\nmodule:   github.com/graphdocgen/graphdocgen\ngo:       go1.24.2\n"
	if code != ExitOK || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want %q", code, stdout, stderr, want)
	}
	if toolVersion() != "v1.4.0" {
		t.Errorf("toolVersion() = %q", toolVersion())
	}
}

func TestVersionOfACheckoutBuild(t *testing.T) {
	withBuildInfo(t, &debug.BuildInfo{GoVersion: "go1.26.0",
		Main: debug.Module{Path: "github.com/graphdocgen/graphdocgen", Version: "v0.0.0-20261122082019-9ec4af59b93e+dirty"},
		Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "9ec4af59b93e4c343bc87808fa5e62e1e517e4f1"},
			{Key: "vcs.time", Value: "2026-11-22T08:20:19Z"}, {Key: "vcs.modified", Value: "true"}}})
	_, stdout, _ := runGraphdocgen(t, "version")
	want := "graphdocgen v0.0.0-20261122082019-9ec4af59b93e+dirty\nmodule:   github.com/graphdocgen/graphdocgen\ngo:       go1.26.0\n" +
		"revision: 9ec4af59b93e4c343bc87808fa5e62e1e517e4f1 (2026-11-22T08:20:19Z) with uncommitted changes\n"
	if stdout != want {
		t.Errorf("got %q\nwant %q", stdout, want)
	}
}

func TestVersionWithoutBuildInfo(t *testing.T) {
	withBuildInfo(t, nil)
	_, stdout, _ := runGraphdocgen(t, "version")
	want := "graphdocgen (devel)\nmodule:   github.com/graphdocgen/graphdocgen\ngo:       " + runtime.Version() + "\n"
	if stdout != want {
		t.Errorf("got %q, want %q", stdout, want)
	}
}

func TestVersionUsage(t *testing.T) {
	code, stdout, _ := runGraphdocgen(t, "version", "--help")
	if code != ExitOK || !strings.HasPrefix(stdout, "Usage: graphdocgen version") {
		t.Errorf("--help: exit %d, %q", code, stdout)
	}
	code, stdout, stderr := runGraphdocgen(t, "version", "extra")
	if code != ExitUsage || stdout != "" || stderr != "graphdocgen version: unexpected argument \"extra\"\n" {
		t.Errorf("extra argument: exit %d, %q, %q", code, stdout, stderr)
	}
}

// TestVersionOfABuiltBinary builds the command from this checkout with VCS stamping on (the environment may turn
// it off with GOFLAGS) and checks that it reports the commit git has checked out.
func TestVersionOfABuiltBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not in a git checkout with git available (%v): the build would record no revision", err)
	}
	bin := filepath.Join(t.TempDir(), "graphdocgen")
	build := exec.Command(goTool, "build", "-buildvcs=true", "-o", bin, "../../cmd/graphdocgen")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	if !strings.HasPrefix(lines[0], "graphdocgen v") {
		t.Errorf("first line %q: a build from a checkout records a pseudo-version", lines[0])
	}
	if !strings.Contains(string(out), "revision: "+strings.TrimSpace(string(head))) {
		t.Errorf("version does not report HEAD %s:\n%s", head, out)
	}
}

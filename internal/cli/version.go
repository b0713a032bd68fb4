package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	register(&command{name: "version", summary: "print graphdocgen's version, the Go version it was built with and its VCS revision", run: runVersion})
}

// buildInfo is what version reports. It is read from the binary itself, so `go install …@v1.2.3` reports v1.2.3
// and a build from a checkout reports its commit. Nothing here goes into generated files: regenerating with
// another build must not change them.
type buildInfo struct {
	Module    string // module path
	Version   string // module version: "v1.2.3", a pseudo-version, or "(devel)"
	GoVersion string
	Revision  string // VCS commit, when the build recorded one
	Time      string // commit time
	Modified  bool   // the checkout had uncommitted changes
}

// readBuildInfo is a variable so that tests can show what a release build reports.
var readBuildInfo = debug.ReadBuildInfo

func currentBuild() buildInfo {
	b := buildInfo{Module: "github.com/graphdocgen/graphdocgen", Version: "(devel)", GoVersion: runtime.Version()}
	info, ok := readBuildInfo()
	if !ok {
		return b
	}
	if info.Main.Path != "" {
		b.Module = info.Main.Path
	}
	if info.Main.Version != "" {
		b.Version = info.Main.Version
	}
	if info.GoVersion != "" {
		b.GoVersion = info.GoVersion
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Revision = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// toolVersion is graphdocgen's module version as the build recorded it: "v1.2.3", a pseudo-version, or "(devel)".
// Tools that name themselves in a report (SARIF's tool.driver.version) can use it; generated code must not.
func toolVersion() string { return currentBuild().Version }

func runVersion(e *env, args []string) int {
	fs := newFlags(e, "version", "version")
	if code, stop := parseFlags(e, fs, args); stop {
		return code
	}
	if fs.NArg() > 0 {
		return fail(e, "version", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	b := currentBuild()
	fmt.Fprintf(e.stdout, "graphdocgen %s\n", b.Version)
	fmt.Fprintf(e.stdout, "module:   %s\n", b.Module)
	fmt.Fprintf(e.stdout, "go:       %s\n", b.GoVersion)
	if b.Revision != "" {
		rev := b.Revision
		if b.Time != "" {
			rev += " (" + b.Time + ")"
		}
		if b.Modified {
			rev += " with uncommitted changes"
		}
		fmt.Fprintf(e.stdout, "revision: %s\n", rev)
	}
	return ExitOK
}

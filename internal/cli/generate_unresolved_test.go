package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestGenerateReportsUnresolved generates user-get and the user resource without the pages of the types they name:
// the summary counts what became json.RawMessage, -v lists each at the docs' file:line (and that line names the
// type), and --strict writes nothing and exits 1.
func TestGenerateReportsUnresolved(t *testing.T) {
	docs := t.TempDir()
	for _, page := range []string{"resources/user.md", "api/user-get.md"} {
		data, err := os.ReadFile(filepath.Join(absDocsInput(t), filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		writeFiles(t, docs, map[string]string{page: string(data)})
	}
	out := filepath.Join(t.TempDir(), "graph")

	summary := regexp.MustCompile(`; (\d+) unresolved types; json.RawMessage in (\d+) fields and (\d+) methods \(-v lists them\)\n$`)
	stderr := generateInto(t, docs, out, "-v")
	m := summary.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("summary does not count the unresolved types:\n%s", stderr)
	}
	listed := regexp.MustCompile(`(?m)^(resources/user\.md|api/user-get\.md):(\d+):\d+: type "([^"]+)" is not defined: (field User\.\w+|answer of \w+|body of \w+) is json.RawMessage$`).
		FindAllStringSubmatch(stderr, -1)
	types, fields, methods := map[string]bool{}, 0, 0
	for _, l := range listed {
		types[strings.ToLower(l[3])] = true
		if strings.HasPrefix(l[4], "field ") {
			fields++
			decl, _ := strings.CutPrefix(l[4], "field User.")
			if src, _ := os.ReadFile(filepath.Join(out, "user.go")); !regexp.MustCompile(`\n\t` + decl + ` +(Optional\[json\.RawMessage\]|\[\]json\.RawMessage) `).Match(src) {
				t.Errorf("%s: user.go does not declare it as json.RawMessage", l[4])
			}
		} else {
			methods++
		}
		data, _ := os.ReadFile(filepath.Join(docs, filepath.FromSlash(l[1])))
		line, _ := strconv.Atoi(l[2])
		if lines := strings.Split(string(data), "\n"); line < 1 || line > len(lines) || !strings.Contains(lines[line-1], l[3][strings.LastIndexByte(l[3], '.')+1:]) {
			t.Errorf("%s:%s does not name %s", l[1], l[2], l[3])
		}
	}
	if len(listed) == 0 || m[1] != strconv.Itoa(len(types)) || m[2] != strconv.Itoa(fields) || m[3] != strconv.Itoa(methods) {
		t.Errorf("summary says %s types, %s fields, %s methods; -v listed %d types, %d fields, %d methods:\n%s",
			m[1], m[2], m[3], len(types), fields, methods, stderr)
	}
	if !types["directoryobject"] || !types["passwordprofile"] {
		t.Errorf("want directoryObject (manager, memberOf) and passwordProfile among %v", types)
	}

	// Without -v the summary alone; with --strict the list, exit 1 and nothing written.
	if stderr := generateInto(t, docs, out); strings.Contains(stderr, "is json.RawMessage") || !summary.MatchString(stderr) {
		t.Errorf("without -v: %q", stderr)
	}
	strictOut := filepath.Join(t.TempDir(), "strict")
	code, stdout, stderr := runGraphdocgen(t, "generate", "--docs", docs, "--out", strictOut, "--strict")
	if code != ExitFindings || stdout != "" || !strings.Contains(stderr, `type "passwordProfile" is not defined: field User.PasswordProfile is json.RawMessage`) ||
		!strings.Contains(stderr, "--strict: ") || !strings.HasSuffix(stderr, "; nothing written\n") {
		t.Errorf("--strict: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(strictOut); err == nil {
		t.Error("--strict wrote the package")
	}

	// The whole docs-input resolves: --strict passes.
	if stderr := generateInto(t, docsInput, filepath.Join(t.TempDir(), "graph"), "--strict"); !strings.HasSuffix(stderr, "; 0 unresolved types\n") {
		t.Errorf("docs-input with --strict: %q", stderr)
	}
}

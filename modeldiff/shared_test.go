package modeldiff

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
	"github.com/graphdocgen/graphdocgen/parser"
)

// sharedDir returns ../shared beside the project root, or skips the test with a message when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared is not beside the project (%v): skipping the diff of the 2021 and 2026 pages", err)
	}
	return dir
}

// SharedPages copies the v1.0 pages that the 2021 corpus and the 2026 sample both have (same folder, same file
// name) into old/ and new/ under a temporary folder, and returns the two roots and the number of pages.
func sharedPages(t testing.TB) (oldRoot, newRoot string, pages int) {
	t.Helper()
	corpus := filepath.Join(sharedDir(t), "corpus")
	from2021 := filepath.Join(corpus, "graph-docs-2021", "v1.0")
	from2026 := filepath.Join(corpus, "graph-docs-2026-sample", "v1.0")
	tmp := t.TempDir()
	oldRoot, newRoot = filepath.Join(tmp, "old"), filepath.Join(tmp, "new")
	for _, sub := range []string{"api", "resources"} {
		entries, err := os.ReadDir(filepath.Join(from2026, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			oldSrc, err := os.ReadFile(filepath.Join(from2021, sub, e.Name()))
			if err != nil {
				continue // only in 2026
			}
			newSrc, err := os.ReadFile(filepath.Join(from2026, sub, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for root, src := range map[string][]byte{oldRoot: oldSrc, newRoot: newSrc} {
				if err := os.MkdirAll(filepath.Join(root, sub), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(root, sub, e.Name()), src, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			pages++
		}
	}
	return oldRoot, newRoot, pages
}

// lineAt returns line n of a file under root.
func lineAt(t *testing.T, root string, p model.Pos) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.File)))
	if err != nil {
		t.Fatalf("position %s: %v", p, err)
	}
	lines := strings.Split(string(data), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		t.Fatalf("position %s: the file has %d lines", p, len(lines))
	}
	return lines[p.Line-1]
}

// TestSharedPages2021To2026 diffs the v1.0 pages the 2021 corpus and the 2026 sample share. The changes asserted
// are real ones, checked by reading the pages.
func TestSharedPages2021To2026(t *testing.T) {
	oldRoot, newRoot, pages := sharedPages(t)
	if pages < 15 {
		t.Fatalf("only %d shared pages: the corpus layout changed", pages)
	}
	oldModel, err := parser.ParseDir(oldRoot, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	newModel, err := parser.ParseDir(newRoot, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	changes := Diff(oldModel, newModel)
	byKey := map[string]Change{}
	for _, c := range changes {
		byKey[c.Code+" "+c.Subject] = c
	}
	s := Summarize(changes)
	t.Logf("%d shared pages: %d breaking, %d non-breaking changes", pages, s.Breaking, s.NonBreaking)

	// Every change points at the line that shows it: the element's name is on that line.
	for _, c := range changes {
		root := newRoot
		if c.Side == SideOld {
			root = oldRoot
		}
		name := c.Subject[strings.LastIndexAny(c.Subject, "./")+1:]
		if c.Element == ElemOperation {
			name = strings.Fields(strings.TrimPrefix(c.Message, "path "))[0] // the path template's text
			if c.Code != "path-added" && c.Code != "path-removed" {
				continue
			}
			name = name[:strings.IndexByte(name[1:], '/')+1] // its first segment: templates normalize placeholders
		}
		if line := lineAt(t, root, c.Pos); !strings.Contains(strings.ToLower(line), strings.ToLower(name)) {
			t.Errorf("%s %s at %s (%s): the line does not name %q: %q", c.Code, c.Subject, c.Pos, c.Side, name, line)
		}
	}

	// The breaking changes, each explained by the pages.
	wantBreaking := []string{
		// The 2026 enums page no longer lists these three enums.
		"type-removed microsoft.graph.authenticatorAppContextType",
		"type-removed microsoft.graph.authenticatorAppFeatureSettings",
		"type-removed microsoft.graph.channelMembershipType",
		// permissionClassificationType had only "low" in 2021; 2026 adds medium and high, and the enum has no
		// unknownFutureValue, so clients may receive values they do not handle.
		"member-added microsoft.graph.permissionClassificationType/high",
		"member-added microsoft.graph.permissionClassificationType/medium",
	}
	var gotBreaking []string
	for _, c := range changes {
		if c.Breaking {
			gotBreaking = append(gotBreaking, c.Code+" "+c.Subject)
		}
	}
	sort.Strings(gotBreaking)
	sort.Strings(wantBreaking)
	if strings.Join(gotBreaking, "\n") != strings.Join(wantBreaking, "\n") {
		t.Errorf("breaking changes:\n  %s\nwant\n  %s", strings.Join(gotBreaking, "\n  "), strings.Join(wantBreaking, "\n  "))
	}
	if c := byKey["type-removed microsoft.graph.channelMembershipType"]; c.Side != SideOld || c.Pos.File != "resources/enums.md" {
		t.Errorf("a removal is located in the old tree: %+v", c)
	}

	// Non-breaking changes the 2026 pages show.
	for key, file := range map[string]string{
		// authenticationMethodConfiguration gained excludeTargets (a collection of excludeTarget).
		"property-added microsoft.graph.authenticationMethodConfiguration/excludeTargets": "resources/authenticationmethodconfiguration.md",
		// createUploadSession is now documented for other users' events and messages too.
		"path-added api/attachment-createuploadsession": "api/attachment-createuploadsession.md",
		// riskDetail is evolvable: new members are announced to clients as unknownFutureValue.
		"member-added microsoft.graph.riskDetail/adminConfirmedAccountSafe": "resources/enums.md",
		// A new enum on the enums page.
		"type-added microsoft.graph.x509CertificateRuleType": "resources/enums.md",
	} {
		c, ok := byKey[key]
		if !ok {
			t.Errorf("missing change %s", key)
			continue
		}
		if c.Breaking || c.Side != SideNew || c.Pos.File != file {
			t.Errorf("%s: breaking %v, at %s (%s); want non-breaking at %s (new)", key, c.Breaking, c.Pos, c.Side, file)
		}
	}

	// Pages both versions document alike yield nothing, although their tables list the properties in another
	// order.
	for _, unchanged := range []string{"microsoft.graph.microsoftAuthenticatorAuthenticationMethod", "microsoft.graph.fido2AuthenticationMethod",
		"microsoft.graph.aadUserConversationMember", "api/user-delete", "api/authentication-list-methods"} {
		for _, c := range changes {
			if c.Subject == unchanged || strings.HasPrefix(c.Subject, unchanged+"/") {
				t.Errorf("unexpected change on a page that did not change: %s %s %s", c.Code, c.Subject, c.Message)
			}
		}
	}
}

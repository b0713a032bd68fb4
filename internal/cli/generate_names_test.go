package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateOperationNameOverride: names: in the config file renames an operation by its ID, for the Client and
// the Server, and the method the convention would have named so is gone.
func TestGenerateOperationNameOverride(t *testing.T) {
	docs := absDocsInput(t)
	dir := inTempProject(t, map[string]string{"graphdocgen.yaml": "docs: pages\nout: gen\npackage: graph\nnames:\n  api/user-get: FetchUser\n"})
	copyTree(t, docs, filepath.Join(dir, "pages"))
	code, stdout, stderr := runGraphdocgen(t, "generate")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	user, err := os.ReadFile(filepath.Join(dir, "gen", "user.go"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(user)
	for _, want := range []string{"func (c *Client) FetchUser(", "\tFetchUser(ctx context.Context, userID string) (*User, error)", "func (c *Client) ListUsers("} {
		if !strings.Contains(src, want) {
			t.Errorf("user.go lacks %q", want)
		}
	}
	if strings.Contains(src, "GetUser(") {
		t.Error("user.go still has GetUser")
	}
}

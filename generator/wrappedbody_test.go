package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/parser"
)

// addPassword's body is one passwordCredential object (its Request body prose: "provide an optional
// `passwordCredential` object with the following properties", and the service's schema agrees): the request type
// has that one field, not the object's members at the top level, which the service would reject. addKey lists
// each parameter as a row and keeps them.
func TestWrappedRequestBodyType(t *testing.T) {
	root := filepath.Join(corpusShared(t), "corpus", "graph-docs-2021", "v1.0")
	pages := map[string][]byte{}
	for _, p := range []string{"api/application-addpassword.md", "api/application-addkey.md",
		"resources/passwordcredential.md", "resources/keycredential.md", "resources/application.md"} {
		b, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = b
	}
	files, err := Generate(parser.ParsePages(pages, nil), Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	var src strings.Builder
	for _, b := range files {
		src.Write(b)
	}
	// fields lists a generated struct's fields, name and type, but for the two every object has.
	fields := func(name string) []string {
		m := regexp.MustCompile(`(?s)\ntype ` + name + ` struct \{\n(.*?)\n\}`).FindStringSubmatch(src.String())
		if m == nil {
			t.Fatalf("no type %s in the generated package", name)
		}
		var out []string
		for _, l := range strings.Split(m[1], "\n") {
			if f := strings.Fields(l); len(f) >= 2 && !strings.HasPrefix(f[0], "//") && f[0] != "ODataType" && f[0] != "AdditionalData" {
				out = append(out, f[0]+" "+f[1])
			}
		}
		return out
	}
	if got, want := strings.Join(fields("ApplicationAddPasswordRequest"), "; "), "PasswordCredential Optional[*PasswordCredential]"; got != want {
		t.Errorf("ApplicationAddPasswordRequest fields: %s, want %s", got, want)
	}
	if got, want := strings.Join(fields("ApplicationAddKeyRequest"), "; "), "KeyCredential Optional[*KeyCredential]; PasswordCredential Optional[*PasswordCredential]; Proof Optional[string]"; got != want {
		t.Errorf("ApplicationAddKeyRequest fields: %s, want %s", got, want)
	}
}

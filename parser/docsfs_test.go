package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const docsfsPage = "# a resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. |\n"

// lyingFS reports every file as one byte long, as a file that grows after it was looked at would be.
type lyingFS struct{ fstest.MapFS }

type smallInfo struct{ fs.FileInfo }

func (smallInfo) Size() int64 { return 1 }

func (l lyingFS) Stat(name string) (fs.FileInfo, error) {
	st, err := l.MapFS.Stat(name)
	if err != nil || st.IsDir() {
		return st, err
	}
	return smallInfo{st}, nil
}

func TestReadRegularIsBounded(t *testing.T) {
	fsys := lyingFS{fstest.MapFS{"big.md": {Data: []byte(strings.Repeat("x", 5000))}}}
	if _, err := readRegular(fsys, "big.md", 4096); err == nil || !strings.Contains(err.Error(), "larger than the 4096 bytes a page may have") {
		t.Errorf("got %v", err)
	}
	data, err := readRegular(fsys, "big.md", 5000)
	if err != nil || len(data) != 5000 {
		t.Errorf("got %d bytes, %v", len(data), err)
	}
	data, err = readRegular(fsys, "big.md", -1)
	if err != nil || len(data) != 5000 {
		t.Errorf("no limit: got %d bytes, %v", len(data), err)
	}
}

func TestParseFSReportsUnreadableFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"resources/a.md":    {Data: []byte(docsfsPage)},
		"resources/pipe.md": {Mode: fs.ModeNamedPipe},
		"resources/dev.md":  {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"resources/big.md":  {Data: []byte(docsfsPage + strings.Repeat("text ", 1000))},
	}
	m, err := ParseFS(fsys, Options{MaxPageBytes: 2048})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Pages) != 1 || m.Type("microsoft.graph.a") == nil {
		t.Errorf("%d pages", len(m.Pages))
	}
	var got []string
	for _, d := range m.Diagnostics {
		if d.Rule == UnreadablePage {
			got = append(got, d.String())
		}
	}
	want := []string{
		"resources/big.md:1: error unreadable-page: not read: 5140 bytes, more than the 2048 a page may have (--max-page-bytes)",
		"resources/dev.md:1: error unreadable-page: not read: not a regular file but a character device; only regular files are read",
		"resources/pipe.md:1: error unreadable-page: not read: not a regular file but a named pipe; only regular files are read",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIncludeThroughNamedPipe: the includes a page names are read under the same rules as pages.
func TestIncludeThroughNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "includes"), 0o755); err != nil {
		t.Fatal(err)
	}
	page := "# Get a\n\nNamespace: microsoft.graph\n\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/a-get-permissions.md)]\n\n## HTTP request\n\n```http\nGET /a\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
	if err := os.WriteFile(filepath.Join(dir, "api", "a-get.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(dir, "includes", "a-get-permissions.md")); err != nil {
		t.Skip("no named pipes:", err)
	}
	done := make(chan error, 1)
	var diags []string
	go func() {
		m, err := ParseDir(dir, Options{Include: []string{"api/*.md"}})
		if m != nil {
			for _, d := range m.Diagnostics {
				diags = append(diags, d.Rule)
			}
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(diags, " "), "missing-include") {
			t.Errorf("the include was not looked for: %v", diags)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("reading an include that is a named pipe hangs")
	}
}

func TestDocsFSRefusesLinksOut(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "x.md"), []byte(docsfsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(dir, "abs.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "in.md"), []byte(docsfsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "in.md"), filepath.Join(dir, "abs-inside.md")); err != nil {
		t.Fatal(err)
	}
	fsys := DocsFS(dir, false)
	for _, name := range []string{"abs.md", "sub/x.md"} {
		if _, err := fs.ReadFile(fsys, name); err == nil || !strings.Contains(err.Error(), "outside the docs root") {
			t.Errorf("%s: %v", name, err)
		}
		if _, err := fs.ReadFile(DocsFS(dir, true), name); err != nil {
			t.Errorf("%s, following links: %v", name, err)
		}
	}
	if _, err := fs.ReadFile(fsys, "abs-inside.md"); err != nil {
		t.Errorf("an absolute link inside the root: %v", err)
	}
}

package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The -o FILE of every command: a regular file (or a new path) is replaced through a rename, but only when its
// content changes; a symbolic link is followed and the file it leads to written; devices, pipes and /proc fds are
// written through; "-" is standard output.

func TestOutputTargetChoice(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "m.json")
	if err := os.WriteFile(regular, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("m.json", link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink("nowhere.json", dangling); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes:", err)
	}
	realRegular, _ := filepath.EvalSymlinks(regular)
	tests := []struct {
		path   string
		mode   outputMode
		target string
	}{
		{"-", outputStdout, "-"},
		{filepath.Join(dir, "new.json"), outputReplace, filepath.Join(dir, "new.json")},
		{regular, outputReplace, regular},
		{link, outputReplace, realRegular},
		{dangling, outputThrough, dangling},
		{fifo, outputThrough, fifo},
		{"/dev/null", outputThrough, "/dev/null"}, // only asked, never written here
	}
	if _, err := os.Stat("/proc/self/fd/1"); err == nil {
		tests = append(tests, struct {
			path   string
			mode   outputMode
			target string
		}{"/proc/self/fd/1", -1, ""})
	}
	for _, tt := range tests {
		mode, target, err := outputTarget(tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if tt.mode == -1 {
			// Standard output of the test binary: whatever it is, a pipe or a terminal is written through and a
			// regular file (go test -json > file) is replaced under its own name, never as the /proc link.
			if st, _ := os.Stat(tt.path); st != nil && !st.Mode().IsRegular() && mode != outputThrough || target == tt.path && mode == outputReplace {
				t.Errorf("%s: mode %d target %s", tt.path, mode, target)
			}
			continue
		}
		if mode != tt.mode || target != tt.target {
			t.Errorf("%s: mode %d target %s, want %d %s", tt.path, mode, target, tt.mode, tt.target)
		}
	}
}

func TestOutputDash(t *testing.T) {
	docs := absDocsInput(t)
	t.Chdir(t.TempDir())
	code, stdout, stderr := runGraphdocgen(t, "model", "--docs", docs, "-o", "-")
	if code != ExitOK || !strings.HasPrefix(stdout, "{") {
		t.Fatalf("exit %d, stdout %.40q, stderr %s", code, stdout, stderr)
	}
	if _, err := os.Lstat("-"); err == nil {
		t.Errorf(`-o - wrote a file named "-"`)
	}
}

func TestOutputThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{
		{"model", "--docs", docsInput, "-o", link},
		{"lint", "--docs", docsInput, "--fail-on", "none", "-o", link},
		{"diff", docsInput, docsInput, "-o", link},
	} {
		if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runGraphdocgen(t, cmd...)
		if code != ExitOK || stdout != "" {
			t.Fatalf("%s: exit %d, stdout %.40q, stderr %s", cmd[0], code, stdout, stderr)
		}
		if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced: %v %v", cmd[0], st.Mode(), err)
		}
		if data, _ := os.ReadFile(target); string(data) == "old" {
			t.Errorf("%s: the link's target was not written", cmd[0])
		}
	}
}

// readFIFO reads what is written to the named pipe fifo, in the background.
func readFIFO(t *testing.T, fifo string) <-chan []byte {
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		got <- data
	}()
	return got
}

func TestOutputNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "out.fifo")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, cmd := range [][]string{
		{"model", "--docs", docsInput, "-o", fifo},
		{"lint", "--docs", docsInput, "--fail-on", "none", "-o", fifo},
		{"diff", docsInput, docsInput, "-o", fifo, "--format", "json"},
	} {
		got := readFIFO(t, fifo)
		done := make(chan int, 1)
		var stderr string
		go func() {
			code, _, errs := runGraphdocgen(t, cmd...)
			stderr = errs
			done <- code
		}()
		select {
		case code := <-done:
			if code != ExitOK {
				t.Fatalf("%s: exit %d: %s", cmd[0], code, stderr)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s -o FIFO hangs", cmd[0])
		}
		data := <-got
		if len(data) == 0 {
			t.Errorf("%s: nothing came through the pipe", cmd[0])
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("%s: the named pipe was replaced", cmd[0])
		}
	}
}

// TestOutputCharDevice writes to a character device of our own (the null device's numbers, made in a temp dir
// when the test may make devices), never to the system's /dev/null.
func TestOutputCharDevice(t *testing.T) {
	dev := filepath.Join(t.TempDir(), "null")
	if err := mknodNull(dev); err != nil {
		t.Skip("cannot make a device here:", err)
	}
	f, err := os.OpenFile(dev, os.O_WRONLY, 0)
	if err != nil {
		t.Skip("cannot open the device (nodev mount?):", err)
	}
	f.Close()
	for _, cmd := range [][]string{
		{"model", "--docs", docsInput, "-o", dev},
		{"lint", "--docs", docsInput, "--fail-on", "none", "-o", dev},
		{"lint", "--docs", docsInput, "--write-baseline", dev},
		{"diff", docsInput, docsInput, "-o", dev},
	} {
		code, _, stderr := runGraphdocgen(t, cmd...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", cmd, code, stderr)
		}
		st, err := os.Lstat(dev)
		if err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%v: the device was replaced: %v", cmd, st.Mode())
		}
	}
}

func TestOutputProcSelfFD(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc")
	}
	// What `graphdocgen model -o /proc/self/fd/1 | head` does: standard output is a pipe.
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := make(chan []byte, 1)
	go func() {
		buf := make([]byte, 100) // head: read a little, then go away
		n, _ := io.ReadFull(r, buf)
		got <- buf[:n]
		io.Copy(io.Discard, r)
	}()
	done := make(chan error, 1)
	go func() {
		done <- writeOutput("/proc/self/fd/"+strconv.Itoa(int(w.Fd())), io.Discard, bytes.Repeat([]byte("{}\n"), 1000))
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("writing to /proc/self/fd/N of a pipe hangs")
	}
	w.Close()
	if b := <-got; !bytes.HasPrefix(b, []byte("{}\n")) {
		t.Errorf("read %q from the pipe", b)
	}
}

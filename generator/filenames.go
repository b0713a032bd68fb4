package generator

import (
	"fmt"
	"strings"
)

// File names come from the docs too (a group is the first word of a type's name), so they are made from lower-case
// ASCII letters and digits only, and kept off every name that means something to a tool:
//   - Go build constraints: a name ending in _test, _GOOS, _GOARCH or _GOOS_GOARCH (go/build) is built only for
//     tests or for that system. A group name has no underscore; the only suffix added is "_api", which is neither.
//   - the generator's own files: doc.go, server.go and support_*.go;
//   - Windows device names (con, prn, aux, nul, com1-9, lpt1-9), which Windows cannot hold as a file name with any
//     extension: con.go could not be checked out there.
// Names that would hit one get "_api". The mapping is a function of the group alone, so it is deterministic.

// groupFileName is the file of a group.
func groupFileName(group string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(group) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	switch {
	case name == "":
		name = "types"
	case name == "server" || name == "doc" || name == "support" || windowsReserved(name):
		name += "_api"
	}
	return name + ".go"
}

// windowsReserved reports whether Windows reserves name (without its extension) as a device.
func windowsReserved(name string) bool {
	switch strings.ToLower(name) {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(name) == 4 && name[3] >= '1' && name[3] <= '9' {
		switch strings.ToLower(name[:3]) {
		case "com", "lpt":
			return true
		}
	}
	return false
}

// checkFileName refuses a generated file name that is not plain: [a-z0-9_] and .go, not starting with _ or ., not
// a test file, no build-constraint suffix and no Windows device name. Generate checks every file it returns.
func checkFileName(name string) error {
	base, ok := strings.CutSuffix(name, ".go")
	bad := func(why string) error { return fmt.Errorf("generated file name %q: %s", name, why) }
	switch {
	case !ok || base == "":
		return bad("not a .go file")
	case strings.Trim(base, "abcdefghijklmnopqrstuvwxyz0123456789_") != "":
		return bad("only a-z, 0-9 and _ may be used")
	case base[0] == '_':
		return bad("starts with _ (go build ignores it)")
	case strings.HasSuffix(base, "_test"):
		return bad("a test file")
	case windowsReserved(base):
		return bad("a Windows device name")
	}
	parts := strings.Split(base, "_")
	for _, n := range []int{1, 2} {
		if len(parts) > n {
			for _, p := range parts[len(parts)-n:] {
				if knownOS[p] || knownArch[p] {
					return bad("ends in a GOOS or GOARCH, a build constraint")
				}
			}
		}
	}
	return nil
}

// knownOS and knownArch are go/build's lists (syslist.go), the names a file-name suffix constrains.
var (
	knownOS   = setOf("aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris wasip1 windows zos")
	knownArch = setOf("386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm")
)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

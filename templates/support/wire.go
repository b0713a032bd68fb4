package support

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// CheckWireForm reports whether s is the JSON string form the generated code reads for the Edm primitive edm
// ("Edm.Date", …): nil when it is, or when the primitive has no form of its own beyond being a string.
//
// It is not copied into generated packages (templates.Support lists what is): the linter checks the docs' example
// values with it, so that what the linter reports is exactly what the generated code refuses to decode.
func CheckWireForm(edm, s string) error {
	var err error
	switch edm {
	case "Edm.DateTimeOffset":
		_, err = parseDateTimeOffset(s)
	case "Edm.Date":
		_, err = ParseDate(s)
	case "Edm.TimeOfDay":
		_, err = ParseTimeOfDay(s)
	case "Edm.Duration":
		_, err = ParseDuration(s)
	case "Edm.Guid":
		_, err = ParseGUID(s)
	case "Edm.Binary", "Edm.Stream":
		// []byte, which encoding/json reads as standard base64 (line breaks ignored).
		if _, e := base64.StdEncoding.DecodeString(s); e != nil {
			err = fmt.Errorf("%q is not base64 (%v)", shorten(s), e)
		}
	}
	return err
}

// IsDirectoryExtension reports whether a member name is a directory extension attribute, which the generated
// types keep on any type (like CheckWireForm, for the linter: it is not copied into generated packages).
func IsDirectoryExtension(name string) bool { return isDirectoryExtension(name) }

// shorten keeps an error message about a long value readable.
func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

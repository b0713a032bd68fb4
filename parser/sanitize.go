package parser

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/model"
)

// A page's text is cleaned before it is read, so that every string the model takes from it is valid UTF-8 without
// control characters: one invalid byte or a NUL in one description used to make the generated package fail to
// compile. Each bad byte becomes U+FFFD, one character for one, so every line and column stays where it was.

// textFault is a byte of a page that cannot be text: an invalid UTF-8 sequence or a control character.
type textFault struct {
	offset int  // in the cleaned page, where its U+FFFD is
	b      byte // the byte, for the message
	rule   string
}

const (
	ruleInvalidUTF8 = "invalid-utf8"
	ruleControlChar = "control-character"
	// maxTextFaults is how many faults of one kind a page reports one by one; the last one counts the rest.
	maxTextFaults = 20
)

// isControlByte reports whether c is a C0 control character or DEL other than tab, line feed and carriage return.
var isControlByte = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t[0x7f] = true
	return t
}()

// cleanText returns src when it is clean text, else a copy with each invalid byte and control character replaced
// by U+FFFD, and where each was.
func cleanText(src []byte) ([]byte, []textFault) {
	first := firstFault(src)
	if first < 0 {
		return src, nil
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	out = append(out, src[:first]...)
	var faults []textFault
	for i := first; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if isControlByte[c] {
				faults = append(faults, textFault{offset: len(out), b: c, rule: ruleControlChar})
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			faults = append(faults, textFault{offset: len(out), b: c, rule: ruleInvalidUTF8})
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, src[i:i+size]...)
		}
		i += size
	}
	return out, faults
}

// firstFault returns the offset of the first byte of src that is not clean text, or -1. It runs on every page,
// so it reads eight bytes at a time while they are ASCII; a word with a non-ASCII byte is read a character at a
// time.
func firstFault(src []byte) int {
	i := 0
	for i < len(src) {
		if i+8 <= len(src) {
			x := binary.LittleEndian.Uint64(src[i:])
			if x&highBits == 0 {
				if bad := controlBytes(x); bad != 0 {
					return i + bits.TrailingZeros64(bad)/8
				}
				i += 8
				continue
			}
		}
		c := src[i]
		if c < utf8.RuneSelf {
			if isControlByte[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

const (
	oneBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// controlBytes marks, with the high bit of each byte, the control characters of a word of eight ASCII bytes: those
// below 0x20 but tab, line feed and carriage return, and DEL.
func controlBytes(x uint64) uint64 {
	below := ^((x | highBits) - 0x20*oneBits) & highBits
	allowed := equalBytes(x, '\t') | equalBytes(x, '\n') | equalBytes(x, '\r')
	return below&^allowed | equalBytes(x, 0x7f)
}

// equalBytes marks the bytes of an ASCII word that are c.
func equalBytes(x uint64, c byte) uint64 {
	y := x ^ (uint64(c) * oneBits)
	return ^((y | highBits) - oneBits) & highBits
}

// reportTextFaults reports the bytes cleanText replaced, at their line and column.
func (p *pageReader) reportTextFaults(faults []textFault) {
	if len(faults) == 0 {
		return
	}
	counts := map[string]int{}
	for _, f := range faults {
		counts[f.rule]++
	}
	reported := map[string]int{}
	for _, f := range faults {
		n := reported[f.rule]
		if n == maxTextFaults {
			continue
		}
		reported[f.rule] = n + 1
		line, col := p.lines.pos(f.offset)
		var msg string
		switch f.rule {
		case ruleInvalidUTF8:
			msg = fmt.Sprintf("byte 0x%02X is not UTF-8 text; it is read as U+FFFD", f.b)
		default:
			msg = fmt.Sprintf("control character U+%04X is not text; it is read as U+FFFD", f.b)
		}
		if n+1 == maxTextFaults && counts[f.rule] > maxTextFaults {
			msg += fmt.Sprintf(" (and %d more such bytes on this page)", counts[f.rule]-maxTextFaults)
		}
		p.diag(line, col, model.SeverityError, f.rule, msg)
	}
}

// cleanString replaces the control characters (but tab, line feed and carriage return) and invalid bytes of a
// string decoded from an escape ("\0" in YAML) by U+FFFD. It reports whether it replaced any.
func cleanString(s string) (string, bool) {
	if firstFault([]byte(s)) < 0 {
		return s, false
	}
	out, _ := cleanText([]byte(s))
	return string(out), true
}

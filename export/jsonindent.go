package export

import "bytes"

// appendIndented appends compact JSON src to dst indented as json.Indent(dst, src, prefix, "  ") does, byte for
// byte. encoding/json's indenter steps a state machine over every byte, strings included, and took half the time
// of the JSON export; this one copies each string in one step, finding its end with IndexByte. src must be valid
// compact JSON (an encoder's output); whitespace outside strings is dropped.
func appendIndented(dst, src []byte, prefix string) []byte {
	depth := 0
	needIndent := false // after an opening bracket: a newline comes before the next value, unless it closes
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, "  "...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		if needIndent && c != ']' && c != '}' {
			needIndent = false
			depth++
			newline()
		}
		switch c {
		case '"':
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					return append(dst, src[i:]...) // not valid JSON: keep the rest as it is
				}
				j += k
				// The quote ends the string unless an odd number of backslashes escapes it.
				n := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					n++
				}
				if n%2 == 0 {
					break
				}
				j++
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			needIndent = true
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			if needIndent {
				needIndent = false // an empty object or array stays "{}" or "[]"
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

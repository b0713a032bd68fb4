package parser

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// typeCell is a type column cell as understood, before cross-page resolution.
type typeCell struct {
	name       string // "Edm.String" for primitives; the type name as written otherwise
	collection bool
	primitive  bool
	link       string // the cell's link target, if any
	enumHint   bool   // the cell said "x enum"
}

// primitives maps the spellings the docs use for Edm primitive types (lower-cased, "Edm." removed).
var primitives = map[string]string{
	"string": "Edm.String", "str": "Edm.String", "url": "Edm.String", "uri": "Edm.String", "text": "Edm.String",
	"int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32", "int 32": "Edm.Int32", "number": "Edm.Int32", "numeric": "Edm.Int32",
	"int64": "Edm.Int64", "long": "Edm.Int64", "int16": "Edm.Int16", "short": "Edm.Int16",
	"byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"boolean": "Edm.Boolean", "bool": "Edm.Boolean",
	"double": "Edm.Double", "single": "Edm.Single", "float": "Edm.Single", "decimal": "Edm.Decimal",
	"datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"date": "Edm.Date", "timeofday": "Edm.TimeOfDay", "duration": "Edm.Duration", "timespan": "Edm.Duration",
	"guid": "Edm.Guid", "uuid": "Edm.Guid",
	"binary": "Edm.Binary", "base64": "Edm.Binary", "base64binary": "Edm.Binary",
	"stream":         "Edm.Stream",
	"geographypoint": "Edm.GeographyPoint",
	"untyped":        "Edm.Untyped",
}

// jsonTypeName is the name Graph's schema gives its untyped JSON complex type.
const jsonTypeName = "microsoft.graph.Json"

// jsonSpellings are the spellings of the untyped JSON type (lower-cased, "Edm." removed).
var jsonSpellings = map[string]bool{"json": true, "json object": true, "untyped json object": true, "untyped json": true,
	"microsoft.graph.json": true, "graph.json": true, "object": true}

// primitiveName returns the Edm name for a spelling, or "". It runs on every type cell and type name: the
// spelling is lowered into a buffer on the stack, and the maps are indexed without making a string of it.
func primitiveName(s string) string {
	var buf [48]byte
	l := bytes.TrimPrefix(model.AppendLower(buf[:0], strings.TrimSpace(s)), []byte("edm."))
	if p, ok := primitives[string(l)]; ok {
		return p
	}
	if jsonSpellings[string(l)] {
		return jsonTypeName
	}
	return ""
}

var (
	refLink      = regexp.MustCompile(`\[([^\]]+)\]\[([^\]]*)\]`)
	collectionOf = regexp.MustCompile(`(?i)^collection\s*\(\s*(.*?)\s*\)$`)
	parenNote    = regexp.MustCompile(`\s*\((optional|required|url|timestamp|readonly|read-only|identifier|enum|nullable|.{0,20}format.{0,20})\)\s*`)
)

// parseTypeCell reads a type cell in any of the forms the docs use: String, string, Edm.String, `Edm.String`,
// [user](../resources/user.md), [user][ref], [user], "[x](x.md) collection", "String collection", Collection(x), x[],
// bare enum names, "x enum", namespaced names. It returns a problem description when the form is not understood.
func parseTypeCell(raw string, refs map[string]string) (tc typeCell, problem string) {
	s := strings.TrimSpace(raw)
	if strings.ContainsRune(s, '<') {
		s = htmlTag.ReplaceAllString(s, " ")
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.TrimSpace(strings.TrimRight(s, ". "))
	if s == "" {
		return tc, "the type cell is empty"
	}
	// A link: its label is the type; what is around it says collection or enum.
	rest := s
	if start, end, label, target, ok := mdLinkAt(s); ok {
		tc.name = label
		tc.link = strings.TrimSpace(target)
		rest = s[:start] + " " + s[end:]
	} else if m := refLinkIndex(s); m != nil {
		tc.name = s[m[2]:m[3]]
		ref := s[m[4]:m[5]]
		if ref == "" {
			ref = tc.name
		}
		tc.link = refs[strings.ToLower(ref)]
		rest = s[:m[0]] + " " + s[m[1]:]
	} else if start, end, ok := shortcutLinkAt(s); ok {
		// "[provisionedPlan] collection": the label is the type, with or without a definition of the link.
		tc.name = s[start+1 : end-1]
		if target, ok := refs[strings.ToLower(tc.name)]; ok {
			tc.link = target
		} else {
			problem = "the link " + s[start:end] + " in the type cell has no definition: it shows as written, brackets included"
		}
		rest = s[:start] + " " + s[end:]
	}
	rest = strings.TrimSpace(stripEmphasis(rest))
	if tc.name != "" {
		tc.name = strings.TrimSpace(stripEmphasis(tc.name))
		low := strings.ToLower(rest)
		switch {
		case low == "":
		case strings.HasPrefix(low, "collection") || low == "[]" || strings.HasPrefix(low, "[] collection") || low == "array":
			tc.collection = true
		case low == "enum" || low == "enumeration" || low == "enum collection":
			tc.enumHint = true
			tc.collection = strings.Contains(low, "collection")
		case low == "resource" || low == "object" || low == "(optional)" || low == "[] resource":
		case strings.HasPrefix(low, "collection.") || strings.HasPrefix(low, "collection,"):
			tc.collection = true
			problem = "the type cell holds more than a type: " + s
		case low == "collection (" || low == "collection ()" || low == "collection()":
			tc.collection = true
		case strings.HasPrefix(low, "collection(") && strings.HasSuffix(low, ")"):
			tc.collection = true
		default:
			if strings.HasPrefix(low, "or ") || strings.Contains(low, " or ") {
				problem = "the type cell names more than one type: " + s
			} else if strings.Contains(low, "collection") {
				tc.collection = true
			} else {
				problem = "the type cell holds more than a type: " + s
			}
		}
		// "Collection([x](x.md))"
		if t := strings.TrimSpace(s); len(t) >= len("collection(") && strings.EqualFold(t[:len("collection(")], "collection(") {
			tc.collection = true
		}
		tc.name = strings.TrimSuffix(tc.name, "[]")
		if p := primitiveName(tc.name); p != "" {
			tc.name, tc.primitive = p, true
		}
		if !tc.primitive && !isTypeName(tc.name) {
			return tc, "the link in the type cell does not name a type: " + raw
		}
		return tc, problem
	}

	s = rest
	if len(s) > 11 && strings.EqualFold(s[:10], "collection") && strings.Contains(s, "(") {
		if m := collectionOf.FindStringSubmatch(s); m != nil {
			tc.collection = true
			s = m[1]
		}
	}
	if strings.Contains(s, "(") {
		s = parenNote.ReplaceAllString(s, " ")
	}
	s = strings.TrimSpace(s)
	// "string, maximum size 20": the type is the first part.
	if i := strings.IndexAny(s, ",;"); i > 0 {
		problem = "the type cell holds more than a type: " + raw
		s = strings.TrimSpace(s[:i])
	}
	words := strings.Fields(s)
	for len(words) > 1 {
		last := strings.ToLower(words[len(words)-1])
		switch last {
		case "collection", "collection.", "array", "list":
			tc.collection = true
		case "enum", "enumeration", "flags":
			tc.enumHint = true
		case "object", "value", "resource", "type":
		default:
			goto done
		}
		words = words[:len(words)-1]
	}
done:
	if len(words) >= 2 && strings.EqualFold(words[0], "collection") && strings.EqualFold(words[1], "of") {
		tc.collection = true
		words = words[2:]
	}
	if len(words) == 0 {
		return tc, "the type cell names no type: " + raw
	}
	name := strings.Join(words, " ")
	if strings.HasSuffix(name, "[]") {
		tc.collection = true
		name = strings.TrimSuffix(name, "[]")
	}
	if p := primitiveName(name); p != "" {
		tc.name, tc.primitive = p, true
		return tc, problem
	}
	if len(words) > 1 {
		if strings.EqualFold(words[1], "or") || strings.Contains(name, " or ") {
			problem = "the type cell names more than one type: " + raw
		} else if problem == "" {
			problem = "the type cell is not a type: " + raw
		}
		name = words[0]
		if p := primitiveName(name); p != "" {
			tc.name, tc.primitive = p, true
			return tc, problem
		}
	}
	if !isTypeName(name) {
		return tc, "the type cell is not a type: " + raw
	}
	tc.name = name
	return tc, problem
}

// shortcutLinkAt finds a shortcut reference link "[label]" in s: a bracketed label, not an image, followed by
// neither a target nor a reference. It returns where the link starts and ends.
func shortcutLinkAt(s string) (start, end int, ok bool) {
	start = strings.IndexByte(s, '[')
	if start < 0 || start > 0 && s[start-1] == '!' {
		return 0, 0, false
	}
	n := strings.IndexByte(s[start+1:], ']')
	if n <= 0 || strings.ContainsAny(s[start+1:start+1+n], "[") {
		return 0, 0, false
	}
	end = start + 1 + n + 1
	if end < len(s) && (s[end] == '(' || s[end] == '[') {
		return 0, 0, false
	}
	return start, end, true
}

// refLinkIndex finds a reference-style link "[label][ref]" in s.
func refLinkIndex(s string) []int {
	if !strings.Contains(s, "][") {
		return nil
	}
	return refLink.FindStringSubmatchIndex(s)
}

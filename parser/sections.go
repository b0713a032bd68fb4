package parser

import (
	"strings"
)

// sectionKind classifies a heading by what the section under it documents.
type sectionKind uint8

const (
	sectionOther sectionKind = iota
	sectionPermissions
	sectionHTTPRequest
	sectionHeaders
	sectionParameters
	sectionRequestBody
	sectionResponse
	sectionExamples
	sectionExampleRequest
	sectionExampleResponse
	sectionProperties
	sectionRelationships
	sectionJSON
	sectionMethods
	sectionMembers    // "## Members" on a one-enum page
	sectionEnumValues // "### x values"
)

// classifySection maps heading text to a section kind. Headings vary ("HTTP Request", "Request Headers",
// "Optional query parameters", "Example 2: Create a user", "JSON Representation"); matching is on lower-cased
// words.
func classifySection(text string) sectionKind {
	var buf [64]byte
	t := string(appendNormHeader(buf[:0], text))
	switch t {
	case "permissions", "prerequisites", "permission", "permissions acting on self", "permissions acting on other users":
		return sectionPermissions
	case "http request", "http requests", "http request syntax":
		return sectionHTTPRequest
	case "request headers", "request header", "optional request headers", "optional request header", "headers":
		return sectionHeaders
	case "path parameters", "function parameters", "parameters", "query parameters", "method parameters",
		"request parameters", "url parameters":
		return sectionParameters
	case "request body":
		return sectionRequestBody
	case "response", "responses", "response body":
		return sectionResponse
	case "request", "example request", "requests":
		return sectionExampleRequest
	case "properties":
		return sectionProperties
	case "relationships", "relationship":
		return sectionRelationships
	case "json representation", "json representations":
		return sectionJSON
	case "methods", "method":
		return sectionMethods
	case "members", "enum members":
		return sectionMembers
	}
	if strings.HasSuffix(t, " values") && strings.Count(t, " ") == 1 {
		return sectionEnumValues
	}
	if t == "example" || t == "examples" || strings.HasPrefix(t, "example ") || strings.HasPrefix(t, "examples ") {
		return sectionExamples
	}
	if strings.HasPrefix(t, "response") {
		return sectionExampleResponse
	}
	if strings.HasPrefix(t, "request") && !strings.HasPrefix(t, "request body") {
		return sectionExampleRequest
	}
	if strings.HasPrefix(t, "optional query parameter") || strings.HasSuffix(t, " parameters") {
		return sectionParameters
	}
	if strings.HasPrefix(t, "permissions") {
		return sectionPermissions
	}
	return sectionOther
}

// enumValuesName returns "x" for a "x values" heading.
func enumValuesName(text string) string {
	t := strings.TrimSpace(stripEmphasis(text))
	name, ok := strings.CutSuffix(t, " values")
	if !ok {
		name, ok = strings.CutSuffix(t, " Values")
	}
	if !ok || strings.ContainsAny(name, " ") {
		return ""
	}
	return strings.Trim(name, "`")
}

package lint

import (
	"sort"

	"github.com/graphdocgen/graphdocgen/model"
)

// Rule describes one check. IDs are stable: they appear in suppression comments, baselines and CI configs.
type Rule struct {
	ID       string         `json:"id"`
	Family   string         `json:"family"`
	Severity model.Severity `json:"severity"`
	// Summary says in one line what the rule reports.
	Summary string `json:"summary"`
	// Off marks rules that run only when a config turns them on.
	Off bool `json:"off,omitempty"`
	// Parser marks rules whose findings are the parser's diagnostics, reported as they were read.
	Parser bool `json:"parser,omitempty"`
	// Fix marks rules that attach a fix to their findings whose message states one replacement (lint --fix).
	Fix bool `json:"fix,omitempty"`
}

// Rule families.
const (
	famPlaceholders = "placeholders"
	famStructure    = "structure"
	famHTTP         = "http"
	famModel        = "model"
	famLinks        = "links"
	famPermissions  = "permissions"
	famSchema       = "schema"
	famReading      = "reading" // what the parser could not read
	famLint         = "lint"    // the linter's own comments
)

var families = map[string]bool{famPlaceholders: true, famStructure: true, famHTTP: true, famModel: true,
	famLinks: true, famPermissions: true, famSchema: true, famReading: true, famLint: true}

var (
	sevError   = model.SeverityError
	sevWarning = model.SeverityWarning
	sevInfo    = model.SeverityInfo
)

var allRules = []*Rule{
	// Placeholders.
	{ID: "todo", Family: famPlaceholders, Severity: sevError, Summary: "TODO placeholder left in the page (front matter, tables, prose, examples)"},
	{ID: "template-leftover", Family: famPlaceholders, Severity: sevError, Summary: "template variable such as $(metadata.owner) left in the page"},
	{ID: "not-yet-documented", Family: famPlaceholders, Severity: sevWarning, Summary: "\"Not yet documented\" instead of a description"},
	{ID: "empty-description", Family: famPlaceholders, Severity: sevWarning, Summary: "empty description: front matter, or a description cell of a properties, parameters or members table"},
	{ID: "empty-permission", Family: famPlaceholders, Severity: sevError, Summary: "empty cell in a permissions table"},
	{ID: "merge-conflict", Family: famPlaceholders, Severity: sevError, Summary: "git merge-conflict marker left in the page"},
	{ID: "replacement-char", Family: famPlaceholders, Severity: sevError, Summary: "U+FFFD replacement character: text lost in an encoding conversion"},
	{ID: "comment-breakout", Family: famPlaceholders, Severity: sevError, Summary: "\"/*\" or \"*/\" in text the generator copies into Go comments (names, descriptions, titles, paths): it would have ended the comment and become code"},

	// Structure.
	{ID: "empty-http-block", Family: famStructure, Severity: sevError, Summary: "the HTTP request code block is empty", Parser: true},
	{ID: "request-line", Family: famStructure, Severity: sevError, Summary: "a line of the HTTP request block has no verb or no path", Parser: true},
	{ID: "http-verb-case", Family: famStructure, Severity: sevWarning, Summary: "HTTP verb not in upper case", Parser: true},
	{ID: "missing-http-request", Family: famStructure, Severity: sevWarning, Summary: "method page without an HTTP request section", Parser: true},
	{ID: "missing-section", Family: famStructure, Severity: sevWarning, Summary: "a section the page kind requires is missing (Permissions, HTTP request, Response, Examples; Properties, JSON representation; Members)"},
	{ID: "section-name", Family: famStructure, Severity: sevWarning, Summary: "a section heading is a misspelling of a standard section name"},
	{ID: "duplicate-property", Family: famStructure, Severity: sevWarning, Summary: "a property is listed twice in a type's tables", Parser: true},
	{ID: "duplicate-example-name", Family: famStructure, Severity: sevWarning, Summary: "two examples carry the same annotation name"},
	{ID: "request-without-response", Family: famStructure, Severity: sevWarning, Summary: "a request example is not followed by its response example"},
	{ID: "table-shape", Family: famStructure, Severity: sevWarning, Summary: "a table row or delimiter row does not match the header", Parser: true},
	{ID: "front-matter", Family: famStructure, Severity: sevError, Summary: "front matter that is not closed or not YAML", Parser: true},
	{ID: "doc-type", Family: famStructure, Severity: sevWarning, Summary: "doc_type contradicts the page's content", Parser: true},
	{ID: "split-type", Family: famStructure, Severity: sevInfo, Summary: "a type is documented across several pages", Parser: true, Off: true},
	{ID: "duplicate-type", Family: famStructure, Severity: sevWarning, Summary: "a type is documented on two pages", Parser: true},

	// What the parser could not read.
	{ID: "type-cell", Family: famReading, Severity: sevWarning, Summary: "a type cell that does not name a type", Parser: true},
	{ID: "property-name", Family: famReading, Severity: sevWarning, Summary: "a property row whose name is not an identifier", Parser: true},
	{ID: "resource-name", Family: famReading, Severity: sevWarning, Summary: "a resource page that does not say which type it documents", Parser: true},
	{ID: "enum-member", Family: famReading, Severity: sevWarning, Summary: "an enum member that is not an identifier", Parser: true},
	{ID: "duplicate-member", Family: famReading, Severity: sevWarning, Summary: "an enum member listed twice", Parser: true},
	{ID: "enum-name", Family: famReading, Severity: sevWarning, Summary: "an enum page that does not say which enum it documents", Parser: true},
	{ID: "annotation-json", Family: famReading, Severity: sevError, Summary: "a docs annotation comment that is not valid JSON", Parser: true},
	{ID: "base-type-cycle", Family: famReading, Severity: sevError, Summary: "base types that form a cycle", Parser: true},
	{ID: "internal", Family: famReading, Severity: sevError, Summary: "graphdocgen could not read the page (a bug: please report)", Parser: true},
	{ID: "invalid-utf8", Family: famReading, Severity: sevError, Summary: "a byte that is not UTF-8 text (read as U+FFFD)", Parser: true},
	{ID: "control-character", Family: famReading, Severity: sevError, Summary: "a NUL or other control character in the text, or written by a YAML escape (read as U+FFFD)", Parser: true},
	{ID: "unreadable-page", Family: famReading, Severity: sevError, Summary: "a file under the docs root that was not read: not a regular file, larger than --max-page-bytes, or a symbolic link out of the root", Parser: true},
	{ID: "nesting-depth", Family: famReading, Severity: sevWarning, Summary: "lists or block quotes nested more than 32 deep (the deeper levels are read as text)", Parser: true},

	// HTTP examples.
	{ID: "status-line", Family: famHTTP, Severity: sevError, Summary: "malformed status line such as \"HTTP 1.1 201 Created\", or a response example without one"},
	{ID: "status-mismatch", Family: famHTTP, Severity: sevWarning, Summary: "the status code in the Response prose differs from the response example's"},
	{ID: "reason-phrase", Family: famHTTP, Severity: sevWarning, Summary: "non-canonical reason phrase such as \"204 OK\""},
	{ID: "content-length", Family: famHTTP, Severity: sevWarning, Summary: "Content-Length header differs from the length of the example body"},
	{ID: "json-syntax", Family: famHTTP, Severity: sevError, Summary: "example JSON that is not valid JSON (position of the error in the page)"},
	{ID: "duplicate-key", Family: famHTTP, Severity: sevWarning, Summary: "a member written twice in one object of an example's JSON"},
	{ID: "http-blank-line", Family: famHTTP, Severity: sevWarning, Summary: "a blank line between the request or status line and the headers, or none between the headers and the body"},
	{ID: "route-conflict", Family: famHTTP, Severity: sevWarning, Summary: "two pages document one method and path and disagree on its success status, response, request body or permissions (reported at both)"},
	{ID: "prose-path", Family: famStructure, Severity: sevWarning, Summary: "a request path with prose in it (\".../\", words, markup): no route is made of it", Parser: true},
	{ID: "path-parameter", Family: famHTTP, Severity: sevWarning, Summary: "an example request names a path parameter differently from the HTTP request section ({id} for {user-id}; a literal value is fine)"},
	{ID: "query-option", Family: famHTTP, Severity: sevWarning, Summary: "an example request uses an OData query option the page says the method does not support (by name, or \"does not support OData query parameters\")"},
	{ID: "placeholder-value", Family: famHTTP, Severity: sevWarning, Summary: "a type name such as \"String\" or \"Int32\" where an example value is expected"},

	// Model consistency.
	{ID: "unknown-property", Family: famModel, Severity: sevInfo, Summary: "an example shows a property its type does not define (a note by default: 2 of 11 false in precision sample 6, 18%)"},
	{ID: "type-namespace", Family: famModel, Severity: sevWarning, Summary: "a type cell naming a type in a namespace the docs do not use (microsoft.strongAuthentication.x)"},
	{ID: "property-case", Family: famModel, Severity: sevWarning, Summary: "a property name that differs from its definition in case only"},
	{ID: "value-type", Family: famModel, Severity: sevWarning, Summary: "an example value of the wrong JSON type (string for Int32, single value or null for a collection)"},
	{ID: "value-format", Family: famModel, Severity: sevWarning, Summary: "an example string not in its type's form: a date for a DateTimeOffset, \"id-value\" for a Guid, text that is not base64 for Binary"},
	{ID: "enum-value", Family: famModel, Severity: sevWarning, Summary: "an example value that is not a member of the property's enum"},
	{ID: "enum-list", Family: famModel, Severity: sevWarning, Summary: "a description's \"Possible values\" lists a value the enum its type names does not have"},
	{ID: "table-json", Family: famModel, Severity: sevWarning, Summary: "Properties table and JSON representation disagree (a property in one only)"},
	{ID: "request-body-property", Family: famModel, Severity: sevInfo, Summary: "a request-body table row that is not a property of the resource, or has another type (a note by default: 1 of 1 false in precision sample 6)"},
	{ID: "read-only-in-create", Family: famModel, Severity: sevWarning, Summary: "a read-only property (such as id) listed as settable on a create page"},
	{ID: "odata-type", Family: famModel, Severity: sevWarning, Summary: "@odata.type that differs between annotation and body, lacks its namespace, is in an unexpected namespace, names a type not derived from the declared one, or is missing where a derived type's property is shown"},
	{ID: "value-wrapper", Family: famModel, Severity: sevWarning, Summary: "a single entity response wrapped in \"value\", or a collection the Response section promises answered with one object"},
	{ID: "unresolved-type", Family: famModel, Severity: sevWarning, Summary: "a type reference no page documents", Parser: true},
	{ID: "unresolved-base-type", Family: famModel, Severity: sevWarning, Summary: "a base type no page documents", Parser: true},
	{ID: "unstated-base-type", Family: famModel, Severity: sevWarning, Summary: "a type examples show as a derived type of another, which a property's description names, but whose page does not say it inherits from it"},
	{ID: "base-type-elsewhere", Family: famModel, Severity: sevWarning, Summary: "a type another page lists among its derived types, whose own page does not say what it inherits from"},
	{ID: "entity-base-unstated", Family: famModel, Severity: sevInfo, Summary: "an entity (keyed by id, or addressed by key by a documented GET while its examples show an id) whose page states no base type, which by the docs' convention derives from entity (a note)"},
	{ID: "base-type-conflict", Family: famModel, Severity: sevWarning, Summary: "a page whose \"Inherits from\" contradicts its annotation's baseType, or a type whose page names one base type while another page lists it among the derived types of an unrelated one", Parser: true},
	{ID: "unresolved-odata-type", Family: famModel, Severity: sevWarning, Summary: "an @odata.type no page documents"},

	// Links.
	{ID: "broken-link", Family: famLinks, Severity: sevError, Summary: "relative link to a file that does not exist"},
	{ID: "broken-anchor", Family: famLinks, Severity: sevWarning, Summary: "link to an anchor the target page does not have"},
	{ID: "link-case", Family: famLinks, Severity: sevWarning, Summary: "link whose target differs from the file or anchor in case only"},
	{ID: "malformed-link", Family: famLinks, Severity: sevError, Summary: "malformed link target such as ../resources/-name.md"},
	{ID: "missing-include", Family: famLinks, Severity: sevWarning, Summary: "an include the page references does not exist", Parser: true},

	// Permissions.
	{ID: "missing-permissions", Family: famPermissions, Severity: sevWarning, Summary: "method page without a permissions table or include"},
	{ID: "permissions-header", Family: famPermissions, Severity: sevWarning, Summary: "permissions table header not in the standard wording"},
	{ID: "permission-type", Family: famPermissions, Severity: sevWarning, Summary: "permissions table row of an unknown permission type"},

	// Against the service schema.
	{ID: "schema-type", Family: famSchema, Severity: sevWarning, Summary: "a type documented but not in the schema, or in the schema but not documented"},
	{ID: "schema-property", Family: famSchema, Severity: sevWarning, Summary: "a property documented but not in the schema, or in the schema but not documented"},
	{ID: "schema-property-type", Family: famSchema, Severity: sevWarning, Summary: "a property whose documented type differs from the schema's"},
	{ID: "schema-enum-member", Family: famSchema, Severity: sevWarning, Summary: "an enum member documented but not in the schema, or in the schema but not documented"},
	{ID: "schema-base-type", Family: famSchema, Severity: sevWarning, Summary: "a base type that differs from the schema's"},

	// The linter's own comments.
	{ID: "suppression", Family: famLint, Severity: sevWarning, Summary: "a suppression comment that names an unknown rule or suppresses nothing"},
}

var ruleByID = func() map[string]*Rule {
	m := make(map[string]*Rule, len(allRules))
	for _, r := range allRules {
		m[r.ID] = r
	}
	return m
}()

// Rules returns every rule, sorted by family and id.
func Rules() []Rule {
	out := make([]Rule, 0, len(allRules))
	for _, r := range allRules {
		out = append(out, *r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Family != out[j].Family {
			return familyOrder(out[i].Family) < familyOrder(out[j].Family)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func familyOrder(f string) int {
	for i, x := range []string{famPlaceholders, famStructure, famHTTP, famModel, famLinks, famPermissions, famSchema, famReading, famLint} {
		if x == f {
			return i
		}
	}
	return 99
}

// LookupRule finds a rule by id.
func LookupRule(id string) (Rule, bool) {
	r, ok := ruleByID[id]
	if !ok {
		return Rule{}, false
	}
	return *r, true
}

// RuleNames returns every name a rule setting may use: the rule ids and the family names, sorted.
func RuleNames() []string {
	var out []string
	for _, r := range allRules {
		out = append(out, r.ID)
	}
	for f := range families {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// suggestRule returns the rule id or family closest to s, if any is close.
func suggestRule(s string) string {
	var names []string
	for id := range ruleByID {
		names = append(names, id)
	}
	for f := range families {
		names = append(names, f)
	}
	return closest(s, names, 3)
}

package model

import "strings"

// QueryScope says what a page's statement about OData query options covers.
type QueryScope string

const (
	// QueryListed: the page names the options it supports ("This method supports the `$select` and `$filter` OData
	// query parameters").
	QueryListed QueryScope = "listed"
	// QueryGeneral: the page says the method supports OData query parameters without naming all of them ("supports
	// the OData query parameters to help customize the response, including `$search`").
	QueryGeneral QueryScope = "general"
	// QueryNone: the page says the method supports none ("does not support OData query parameters").
	QueryNone QueryScope = "none"
)

// QueryOptions are the OData system query options and the query parameters an operation's page documents, read
// from its "Optional query parameters" section, its query parameter tables and its request examples.
type QueryOptions struct {
	Scope QueryScope `json:"scope,omitempty"` // "" when the page says nothing about OData options
	// ScopePos is the statement Scope was read from.
	ScopePos Pos `json:"scopePos,omitzero"`
	// Supported are the options the page says the method supports, or that its request examples use, each once.
	Supported []QueryOption `json:"supported,omitempty"`
	// Unsupported are the options the page says the method does not support; none of them is in Supported.
	Unsupported []QueryOption `json:"unsupported,omitempty"`
	// Params are the rows of query parameter tables that are not OData system options (startDateTime, includeDeletedItems).
	Params []QueryParam `json:"params,omitempty"`
	// Headers are the request headers some queries need: ConsistencyLevel: eventual for advanced queries.
	Headers []QueryHeader `json:"headers,omitempty"`
	Pos     Pos           `json:"pos"` // the section heading, or the first statement read
}

// QueryOption is one OData system query option, normalized to lower case with its $: "$select", "$orderby".
type QueryOption struct {
	Name string `json:"name"`
	// From says how the page documents it: "prose", "table" or "example".
	From string `json:"from"`
	Pos  Pos    `json:"pos"`
}

// QueryParam is a documented query parameter that is not an OData system option.
type QueryParam struct {
	Name        string `json:"name"`
	Type        string `json:"type,omitempty"`
	Description string `json:"description,omitempty"`
	Pos         Pos    `json:"pos"`
}

// QueryHeader is a request header the page says some queries need, and the options it names for them.
type QueryHeader struct {
	Name  string `json:"name"`  // "ConsistencyLevel"
	Value string `json:"value"` // "eventual"
	// For are the options the statement names as needing the header ("$search", "$count"); empty when it names none.
	For []string `json:"for,omitempty"`
	// Required is set when the page says every request needs it ("ConsistencyLevel | eventual. Required."), not
	// only some queries.
	Required bool `json:"required,omitempty"`
	Pos      Pos  `json:"pos"`
}

// ODataOptions are the OData system query options Microsoft Graph documents, in the order generated code lists them.
var ODataOptions = []string{"$select", "$expand", "$filter", "$orderby", "$search", "$top", "$skip", "$count",
	"$format", "$skiptoken", "$deltatoken"}

// NormalizeQueryOption returns the normalized name of an OData system query option written in any case, with or
// without its $ ("$orderBy", "select"); "" when s is none.
func NormalizeQueryOption(s string) string {
	n := "$" + strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "$"))
	for _, o := range ODataOptions {
		if o == n {
			return n
		}
	}
	return ""
}

// Supports reports whether the page documents option name (normalized) as supported.
func (q *QueryOptions) Supports(name string) bool {
	return q != nil && q.find(q.Supported, name) != nil
}

// Refuses returns where the page says the method does not support option name: its explicit mention, or the
// statement that no option is supported. ok is false when the page does not say so.
func (q *QueryOptions) Refuses(name string) (pos Pos, ok bool) {
	if q == nil || q.Supports(name) {
		return Pos{}, false
	}
	if o := q.find(q.Unsupported, name); o != nil {
		return o.Pos, true
	}
	if q.Scope == QueryNone {
		return q.ScopePos, true
	}
	return Pos{}, false
}

func (q *QueryOptions) find(list []QueryOption, name string) *QueryOption {
	for i := range list {
		if list[i].Name == name {
			return &list[i]
		}
	}
	return nil
}

// Needs returns the header the page says option name needs (ConsistencyLevel for $search), or nil.
func (q *QueryOptions) Needs(name string) *QueryHeader {
	if q == nil {
		return nil
	}
	for i := range q.Headers {
		h := &q.Headers[i]
		for _, f := range h.For {
			if f == name {
				return h
			}
		}
	}
	return nil
}

package support

import (
	"net/http"
	"strconv"
	"strings"
)

// Typed query options. Each operation whose page documents OData query options has a <Operation>Query struct with
// a field for each of them (and no other); its Option method makes the RequestOption that sends them:
//
//	users, err := c.ListUsers(ctx, ListUsersQuery{Select: []string{"id", "displayName"}, Top: 5}.Option())
//
// An option the page does not document goes with WithQueryParam, the escape hatch, encoded the same way.

// queryPair is one query option to send; an empty value is not sent.
type queryPair struct{ key, value string }

// queryOption appends the options to the request's query, encoded as the service reads them (queryEscape), and
// sets ConsistencyLevel: eventual when eventual is set (the advanced queries of directory objects need it).
func queryOption(eventual bool, pairs ...queryPair) RequestOption {
	return func(r *http.Request) {
		var b strings.Builder
		b.WriteString(r.URL.RawQuery)
		for _, p := range pairs {
			if p.value == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(queryEscape(p.key, true))
			b.WriteByte('=')
			b.WriteString(queryEscape(p.value, false))
		}
		r.URL.RawQuery = b.String()
		if eventual {
			r.Header.Set("ConsistencyLevel", "eventual")
		}
	}
}

// WithQueryParam adds a query parameter the operation's typed options do not cover ("includeDeletedItems",
// "true"), or an OData option its page does not document, encoded as the typed options are: a space is %20, not +.
func WithQueryParam(name, value string) RequestOption {
	return queryOption(false, queryPair{name, value})
}

// queryEscape escapes a query parameter's name or value: a space is %20 (the service reads + in a $filter or a
// $search as a plus sign), and what would end or change the parameter (& + # ; %, = in a name, and the characters
// a URL cannot hold) is percent-encoded; the characters OData gives meaning to in a value (, ' ( ) : / $ @ =) stay
// as they are, so that $select=id,displayName and $expand=members($select=id) read as written.
func queryEscape(s string, name bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if queryKeeps(c) || c == '=' && !name {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// queryKeeps reports whether c stays as it is in a query parameter: the unreserved characters and the
// sub-delimiters of RFC 3986 that do not separate parameters.
func queryKeeps(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$'()*,:@/?", c) >= 0
}

// queryList joins the items of $select, $expand or $orderby with commas.
func queryList(items []string) string { return strings.Join(items, ",") }

// queryInt writes $top or $skip; 0 is not sent.
func queryInt(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// queryBool writes $count=true; false is not sent.
func queryBool(b bool) string {
	if b {
		return "true"
	}
	return ""
}

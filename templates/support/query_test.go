package support

import (
	"net/http"
	"testing"
)

func TestQueryEscape(t *testing.T) {
	if got := queryEscape("a=b c", true); got != "a%3Db%20c" {
		t.Errorf("a name: %q", got)
	}
	for in, want := range map[string]string{
		"startswith(displayName,'a b')": "startswith(displayName,'a%20b')",
		`"displayName:wa" OR "x"`:       "%22displayName:wa%22%20OR%20%22x%22",
		"a+b&c=d#e;f%g":                 "a%2Bb%26c=d%23e%3Bf%25g",
		"members($select=id,mail)":      "members($select=id,mail)",
		"é":                             "%C3%A9",
	} {
		if got := queryEscape(in, false); got != want {
			t.Errorf("queryEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQueryOptionAppends: the options follow the query the path already has (calendarView's startDateTime) and
// skip what is unset; eventual sets the header.
func TestQueryOptionAppends(t *testing.T) {
	r, _ := http.NewRequest("GET", "https://graph.example/v1.0/me/calendarView?startDateTime=2024-01-01", nil)
	queryOption(true, queryPair{"$select", queryList([]string{"subject", "start"})}, queryPair{"$top", queryInt(0)},
		queryPair{"$count", queryBool(false)}, queryPair{"$filter", "a eq 'x y'"})(r)
	if want := "startDateTime=2024-01-01&$select=subject,start&$filter=a%20eq%20'x%20y'"; r.URL.RawQuery != want {
		t.Errorf("query %s, want %s", r.URL.RawQuery, want)
	}
	if r.Header.Get("ConsistencyLevel") != "eventual" {
		t.Errorf("header %v", r.Header)
	}
	if got := r.URL.Query().Get("$filter"); got != "a eq 'x y'" {
		t.Errorf("read back as %q", got)
	}
}

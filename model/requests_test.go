package model

import "testing"

// TestEndsLike: which example URLs are requests to a documented path template.
func TestEndsLike(t *testing.T) {
	for _, c := range []struct {
		url, template string
		want          bool
	}{
		{"https://graph.microsoft.com/v1.0/me/assignLicense", "/users/{id}/assignLicense", true},
		// worksheet-post-tables: the example puts a table id before the action the page documents.
		{"https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/worksheets/{id|name}/tables/{id}/add", "/me/drive/items/{id}/workbook/worksheets/{id|name}/tables/add", true},
		// A single item is not the list: a trailing id is another path.
		{"https://graph.microsoft.com/v1.0/me/messages/{id}", "/me/messages", false},
		{"https://graph.microsoft.com/v1.0/me/events", "/me/messages", false},
		{"https://graph.microsoft.com/v1.0/teams/{id}/channels?$filter=x", "/teams/{id}/channels", true},
	} {
		if got := endsLike(c.url, c.template); got != c.want {
			t.Errorf("endsLike(%q, %q) = %v, want %v", c.url, c.template, got, c.want)
		}
	}
}

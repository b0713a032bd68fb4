package model

import "strings"

// Requests reports whether a request example is a request to one of op's paths (or names none): a page
// may show other requests among its examples (the notification a bot receives, a call on another path), which
// the page's Request body section does not describe. The paths are compared from their ends, up to two named
// segments, so that /me/assignLicense is a request to /users/{id}/assignLicense.
func (op *Operation) Requests(ex *Example) bool {
	if ex.URL == "" || !strings.Contains(ex.URL, "/") {
		return true
	}
	for _, p := range op.Paths {
		if endsLike(ex.URL, strings.TrimPrefix(p.Template, "~")) {
			return true
		}
	}
	return false
}

// endsLike compares the end of a request URL with a path template's: after any parameters the template ends
// with, its named segments up to the next parameter (two at most) must be the URL's at the same place from the
// end. Only that far: /me/assignLicense is a request to /users/{id}/assignLicense.
func endsLike(url, template string) bool {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	got := strings.Split(strings.Trim(url, "/"), "/")
	want := strings.Split(strings.Trim(template, "/"), "/")
	named := 0
	for i, j := len(got)-1, len(want)-1; i >= 0 && j >= 0 && named < 2; i, j = i-1, j-1 {
		if w := want[j]; parameterLike(w) {
			if named > 0 {
				break
			}
		} else if !strings.EqualFold(w, got[i]) {
			// An id the example adds inside the path (tables/{id}/add where the page documents tables/add) does
			// not make it a request to another operation; a trailing one (messages/{id} for messages) does.
			if named > 0 && parameterLike(got[i]) {
				j++
				continue
			}
			return false
		} else {
			named++
		}
	}
	return true
}

// parameterLike reports whether a path segment stands for a value: a {parameter}, a function call, or a literal
// id the page wrote into its path ("cf6005fc-9e13-44a2-a6ac-a53322006454").
func parameterLike(seg string) bool {
	return strings.ContainsAny(seg, "{(<") || len(seg) >= 8 && strings.ContainsAny(seg, "0123456789")
}

// RequestBefore is the request example shown last before ex among op's examples (the request a response answers),
// or nil.
func (op *Operation) RequestBefore(ex *Example) *Example {
	var last *Example
	for _, x := range op.Examples {
		if x == ex {
			return last
		}
		if x.Kind == ExampleRequest {
			last = x
		}
	}
	return nil
}

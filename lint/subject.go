package lint

// What an example shows: the subject the model finds, corrected by the request the example answers.

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// subject is Model.ExampleSubject with corrections the linter needs (see the report to the parser's owners):
// a "value" member is no wrapper when the type has a property named value, when the annotation says
// Collection(...), or when the request the example answers addresses a collection (a query, or a path that
// does not end in a key).
func (c *checker) subject(op *model.Operation, ex *model.Example) model.ExampleSubject {
	if answersValue(op, ex) {
		return model.ExampleSubject{} // the content itself (a file, a page's strings), not the resource
	}
	s := c.m.ExampleSubject(op, ex)
	if !s.Wrapped {
		return s
	}
	unwrap := strings.HasPrefix(strings.ToLower(ex.ODataType), "collection(")
	if s.Type != nil && c.m.Property(s.Type, "value") != nil && !c.wrapsItself(s.Type, ex.JSON.Get("value")) {
		unwrap = true
		s.Instances = []*model.Value{ex.JSON}
	}
	if req := op.RequestBefore(ex); req != nil && req.Method == "GET" && collectionRequest(req.URL) {
		unwrap = true
	}
	if unwrap {
		s.Wrapped = false
		s.Collection = s.Collection || !(s.Type != nil && c.m.Property(s.Type, "value") != nil)
	}
	return s
}

// answersValue reports whether ex is the response to a GET of …/$value, which answers with the content itself.
func answersValue(op *model.Operation, ex *model.Example) bool {
	if ex.Kind != model.ExampleResponse {
		return false
	}
	req := op.RequestBefore(ex)
	if req == nil || req.Method != "GET" {
		return false
	}
	u, _, _ := strings.Cut(req.URL, "?")
	return strings.HasSuffix(strings.TrimRight(u, "/"), "/$value")
}

// answersOperation reports whether ex answers a request to one of op's paths: a page may show, under its examples,
// a request to another path ("Retrieve a single thumbnail" on the page that lists thumbnails), which its Response
// section does not describe. Without a request before it, it is taken as op's.
func answersOperation(op *model.Operation, ex *model.Example) bool {
	// Paths that end differently are several operations on one page (…/thumbnails, …/thumbnails/{id}/{size}): which
	// one an example answers cannot be told.
	last := ""
	for i, p := range op.Paths {
		seg := p.Template[strings.LastIndexByte(p.Template, '/')+1:]
		if strings.Contains(seg, "{") {
			seg = "{}"
		}
		if i > 0 && !strings.EqualFold(seg, last) {
			return false
		}
		last = seg
	}
	req := op.RequestBefore(ex)
	if req == nil || req.URL == "" {
		return true
	}
	for _, p := range op.Paths {
		if pathMatches(req.URL, p.Template) {
			return true
		}
	}
	return false
}

// pathMatches reports whether a request URL ("https://graph.microsoft.com/v1.0/chats/19:8b08@thread.v2?$top=1")
// has the segments of a path template ("/chats/{chat-id}"): as many, and the same where the template's is no
// parameter. Case is ignored.
func pathMatches(url, template string) bool {
	if i := strings.IndexAny(url, "?#"); i >= 0 {
		url = url[:i]
	}
	if i := strings.Index(url, "://"); i >= 0 {
		url = url[i+3:]
		if j := strings.IndexByte(url, '/'); j >= 0 {
			url = url[j:]
		} else {
			url = ""
		}
		for _, v := range []string{"/v1.0", "/beta"} {
			url = strings.TrimPrefix(url, v)
		}
	}
	got := strings.Split(strings.Trim(url, "/"), "/")
	want := strings.Split(strings.Trim(template, "/"), "/")
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		if !strings.Contains(w, "{") && !strings.EqualFold(w, got[i]) {
			return false
		}
	}
	return true
}

// collectionRequest reports whether a request URL addresses a collection: it has a query ($filter, $top, ...)
// or its path does not end in a key ("/users/{id}", "/users('x')", a GUID).
func collectionRequest(url string) bool {
	if url == "" {
		return false
	}
	if strings.Contains(url, "$filter") || strings.Contains(url, "$top") || strings.Contains(url, "$search") {
		return true
	}
	path := url
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimRight(path, "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	if strings.HasSuffix(last, ")") || strings.HasSuffix(last, "}") || strings.ContainsAny(last, "0123456789") && len(last) >= 8 {
		return false
	}
	return !strings.Contains(last, "@") && last != "me" && !strings.Contains(last, ".")
}

// wrapsItself reports whether a "value" member is an instance of t itself, by its @odata.type ({"value":
// {"@odata.type": "#microsoft.graph.groupPolicyPresentationValueLongDecimal", ...}}): then "value" wraps the
// entity, even though t has a property named value.
func (c *checker) wrapsItself(t *model.Type, v *model.Value) bool {
	if v == nil || v.Kind != model.ValueObject {
		return false
	}
	own := c.m.LookupType(v.Get("@odata.type").Text())
	return own != nil && c.derivesFrom(own, t)
}

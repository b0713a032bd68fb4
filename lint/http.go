package lint

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkOperations runs the checks of method pages: the HTTP examples, and the examples and request-body
// tables against the types they show.
func (c *checker) checkOperations() {
	for _, op := range c.m.Operations {
		pt := c.textOf(op.Page)
		if pt == nil {
			continue
		}
		c.checkProseStatus(pt, op)
		c.checkPathParams(pt, op)
		c.checkQueryOptions(pt, op)
		for _, ex := range op.Examples {
			c.checkStatusLine(pt, op, ex)
			c.checkRequestLineMissing(pt, op, ex)
			c.checkHTTPBlankLines(pt, ex)
			c.checkContentLength(pt, ex)
			c.checkJSONSyntax(pt, ex)
			c.checkDuplicateKeys(pt, ex)
			c.checkPlaceholderValues(pt, op, ex)
			c.checkExampleModel(pt, op, ex)
		}
		c.checkRequestResponsePairs(op)
		c.checkRequestBodyTable(pt, op)
	}
}

var canonicalStatusLine = regexp.MustCompile(`^HTTP/(?:1\.0|1\.1|2|2\.0|3) [1-5]\d\d(?: \S.*)?$`)

// checkStatusLine checks a response example's status line: its form, its reason phrase, and that it agrees
// with the Response section.
func (c *checker) checkStatusLine(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.Kind != model.ExampleResponse {
		return
	}
	if ex.StatusLine == "" {
		// Only annotated responses are sure to be responses; a plain JSON block under "Response" may be a
		// partial body shown for illustration.
		if ex.Annotation != nil && strings.EqualFold(ex.Annotation.BlockType, "response") && !ex.Reconstructed && ex.Method == "" {
			want := "HTTP/1.1 200 OK"
			if op.Response.Status != 0 {
				want = "HTTP/1.1 " + strconv.Itoa(op.Response.Status) + " " + reasonFor(op.Response.Status, op.Response.Reason)
			}
			c.report(ex.Pos, "status-line", "", "the response example has no status line; start it with %s", want)
		}
		return
	}
	at := ex.FirstLine
	if at.IsZero() {
		at = ex.Pos
	}
	at = pt.find(at.Line, strings.TrimSpace(ex.StatusLine), 1)
	if !canonicalStatusLine.MatchString(ex.StatusLine) {
		c.report(at, "status-line", "", "malformed status line %q; write \"HTTP/1.1 %d %s\"", ex.StatusLine, ex.Status, reasonFor(ex.Status, ex.Reason))
		c.fixStatusLine(pt, at, ex, false)
	}
	if ex.Reason != "" {
		if canon := http.StatusText(ex.Status); canon != "" && ex.Reason != canon {
			rp := pt.find(at.Line, ex.Reason, at.Col)
			c.report(rp, "reason-phrase", "", "\"%d %s\" is not the standard reason phrase; %s", ex.Status, ex.Reason, reasonFix(ex.Status, ex.Reason))
			c.fixStatusLine(pt, at, ex, true)
		}
	}
	// Only a 2xx in the prose is the success status: a redirect (reports answer 302 for CSV and 200 for JSON)
	// or an error code the prose mentions first says nothing about what the example should show.
	// Examples of error responses (4xx, 5xx) show a failure on purpose.
	if op.Response.StatusSource == "prose" && op.Response.Status/100 == 2 && ex.Status != 0 && ex.Status < 400 && ex.Status != op.Response.Status &&
		!c.responseProseMentions(pt, op, ex.Status) {
		c.report(at, "status-mismatch", "", "the response example returns %d but the Response section (line %d) says %d %s; make them agree",
			ex.Status, op.Response.Pos.Line, op.Response.Status, reasonFor(op.Response.Status, op.Response.Reason))
	}
}

// checkRequestLineMissing reports a request example that shows headers but no request line (a scrape or an edit
// that lost it): the reader cannot tell what is requested.
func (c *checker) checkRequestLineMissing(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.Kind != model.ExampleRequest || ex.Method != "" || ex.URL != "" || len(ex.Headers) == 0 || strings.TrimSpace(ex.Body) == "" {
		return
	}
	want := "the request line"
	if op.Method != "" && len(op.Paths) > 0 && strings.HasPrefix(op.Paths[0].Raw, "/") {
		want = quoted(op.Method + " https://graph.microsoft.com/" + pageVersion(pt.page) + op.Paths[0].Raw)
	}
	c.report(ex.Headers[0].Pos, "request-line", "", "the request example has headers and a body but no request line; write %s above the headers", want)
}

var httpHeaderNames = map[string]bool{
	"content-type": true, "content-length": true, "prefer": true, "authorization": true, "consistencylevel": true,
	"if-match": true, "if-none-match": true, "location": true, "accept": true, "workbook-session-id": true,
	"odata-version": true, "retry-after": true, "etag": true, "cache-control": true, "content-range": true,
	"preference-applied": true, "content-location": true, "x-ms-throttle-priority": true,
}

// checkHTTPBlankLines reports an HTTP example laid out against HTTP: a blank line between the request or status
// line and the headers (it ends the headers, which would be sent as the body), or a body right after the headers
// with no blank line (its first line would be read as a header).
func (c *checker) checkHTTPBlankLines(pt *pageText, ex *model.Example) {
	// Pages that lost their markdown lost blank lines too (a rendered page glues every line): not checked.
	if ex.FirstLine.Line == 0 || len(ex.Headers) == 0 || ex.Reconstructed {
		return
	}
	first := ex.Headers[0].Pos.Line
	// Only when what follows the blank line is an HTTP header: a message body (a MIME mail's "From:") is no header.
	if first > ex.FirstLine.Line+1 && strings.TrimSpace(pt.line(ex.FirstLine.Line+1)) == "" && httpHeaderNames[strings.ToLower(ex.Headers[0].Name)] {
		what := "request line"
		if ex.Method == "" {
			what = "status line"
		}
		c.report(pt.pos(ex.FirstLine.Line+1, 0), "http-blank-line", "", "a blank line between the %s and the headers ends the headers, so they would be read as the body; remove the blank line", what)
		c.fixLast("remove the blank line", pt.removeLine(ex.FirstLine.Line+1)...)
	}
	last := ex.Headers[len(ex.Headers)-1].Pos.Line
	// Only a JSON body: the lines of a text body ("ORG:Contoso;" in a vCard) look like headers themselves.
	if b := strings.TrimSpace(ex.Body); ex.BodyPos.Line == last+1 && (strings.HasPrefix(b, "{") || strings.HasPrefix(b, "[")) {
		c.report(pt.pos(ex.BodyPos.Line, 0), "http-blank-line", "", "the body starts right after the headers, so its first line would be read as a header; put a blank line before it")
		c.fixLast("put a blank line before the body", pt.insertLineBefore(ex.BodyPos.Line)...)
	}
}

// pageVersion guesses the API version of a page: beta when its path or text says so, v1.0 otherwise.
func pageVersion(p *model.Page) string {
	if strings.Contains(p.Path, "beta") || bytes.Contains(p.Source, []byte("graph.microsoft.com/beta")) || bytes.Contains(p.Source, []byte("/beta version")) {
		return "beta"
	}
	return "v1.0"
}

// reasonFor returns the standard reason phrase of code, or the one written when the code has none.
func reasonFor(code int, written string) string {
	if s := http.StatusText(code); s != "" {
		return s
	}
	return written
}

// checkProseStatus checks the reason phrase the Response section gives with the status code, when it is
// written as code (`204 No Content`), the form that leaves no doubt where the phrase ends.
func (c *checker) checkProseStatus(pt *pageText, op *model.Operation) {
	r := op.Response
	if r.StatusSource != "prose" || r.Status == 0 || c.proseChecked(op) {
		return
	}
	l := pt.line(r.Pos.Line)
	off := byteOffset(l, r.Pos.Col)
	code := strconv.Itoa(r.Status)
	i := strings.Index(l[off:], code)
	if i < 0 {
		return
	}
	start := off + i
	if start == 0 || l[start-1] != '`' {
		return
	}
	end := strings.IndexByte(l[start:], '`')
	if end < 0 {
		return
	}
	written := l[start : start+end]
	phrase := strings.TrimSpace(written[len(code):])
	if canon := http.StatusText(r.Status); canon != "" && phrase != "" && phrase != canon {
		// Quote the code as written: "204, No Content" has no space before its comma.
		c.report(pt.pos(r.Pos.Line, start), "reason-phrase", "", "\"%s\" is not the standard reason phrase; %s", written, reasonFix(r.Status, phrase))
		if !reasonOfOtherCode(r.Status, phrase) {
			c.fixReplace(pt, r.Pos.Line, pt.pos(r.Pos.Line, start).Col, written, fmt.Sprintf("%d %s", r.Status, http.StatusText(r.Status)))
		}
	}
}

// proseChecked makes a page's shared Response section checked once, not once per operation.
func (c *checker) proseChecked(op *model.Operation) bool {
	for _, o := range c.opsByPage[op.Page] {
		if o == op {
			return false
		}
		if o.Response.Pos == op.Response.Pos {
			return true
		}
	}
	return false
}

// responseProseMentions reports whether the Response section names status code (several are often listed:
// "returns 200 OK, or 202 Accepted when ...").
func (c *checker) responseProseMentions(pt *pageText, op *model.Operation, code int) bool {
	p := pt.page
	want := strconv.Itoa(code)
	for _, h := range p.Headings {
		if h.Pos.Line > op.Response.Pos.Line {
			break
		}
		if n := normHeading(h.Text); n != "response" && n != "responses" {
			continue
		}
		from, to := sectionLines(p, len(pt.lines), h)
		for n := from; n <= to; n++ {
			// A page that lost its fences shows the example's status line as text: not the prose.
			if !pt.inFence[n-1] && !strings.HasPrefix(strings.TrimSpace(pt.line(n)), "HTTP/") && containsWord(pt.line(n), want) {
				return true
			}
		}
	}
	return containsWord(pt.line(op.Response.Pos.Line), want)
}

func containsWord(l, w string) bool {
	for from := 0; ; {
		i := strings.Index(l[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		if (i == 0 || !isAlnum(l[i-1])) && (from >= len(l) || !isAlnum(l[from])) {
			return true
		}
	}
}

// binaryBody reports a body that stands for bytes the page cannot show: a Content-Type that is not text
// (application/zip, application/octet-stream, image/png), or a description of the content in brackets
// ("[Zip file containing a Teams app package]", "<final bytes of the file>").
func binaryBody(ex *model.Example) bool {
	for _, h := range ex.Headers {
		if !strings.EqualFold(h.Name, "Content-Type") {
			continue
		}
		ct := strings.ToLower(strings.TrimSpace(h.Value))
		if ct != "" && !strings.Contains(ct, "json") && !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "xml") &&
			!strings.Contains(ct, "form-urlencoded") && !strings.HasPrefix(ct, "multipart/") {
			return true
		}
	}
	b := strings.TrimSpace(ex.Body)
	return !strings.ContainsAny(b, "\n\"") && len(b) > 2 &&
		(b[0] == '[' && b[len(b)-1] == ']' || b[0] == '<' && b[len(b)-1] == '>') && strings.Contains(b, " ")
}

// checkContentLength compares a Content-Length header with the body's length in bytes, with LF or CRLF line
// endings (either is a fair reading of a docs example). A truncated body bounds the length from below only.
func (c *checker) checkContentLength(pt *pageText, ex *model.Example) {
	var h *model.Header
	for i := range ex.Headers {
		if strings.EqualFold(ex.Headers[i].Name, "Content-Length") {
			h = &ex.Headers[i]
		}
	}
	if h == nil || ex.BodyPos.Line == 0 {
		return
	}
	want, err := strconv.Atoi(strings.TrimSpace(h.Value))
	if err != nil {
		return
	}
	if ex.JSON != nil && elided(ex.JSON) || strings.Contains(ex.Body, "...") || strings.Contains(ex.Body, "…") || binaryBody(ex) {
		return
	}
	if ex.Reconstructed {
		// Responses are often shortened, and a scrape loses the annotation that says so (many say it nowhere
		// else). A shortened body is still no longer than the original, so a Content-Length below what the page
		// shows is wrong all the same.
		c.checkScrapedContentLength(pt, ex, h, want, ex.Kind == model.ExampleResponse)
		return
	}
	lines := c.bodyLines(pt, ex)
	if lines == nil {
		return
	}
	lf, crlf := bodyLengths(lines)
	at := pt.find(h.Pos.Line, h.Value, 1)
	if ex.Truncated || proseSaysShortened(pt, ex) {
		// The body was shortened, so it is no longer than the original: a Content-Length below it is wrong. The
		// original may be sent without the page's indentation and line breaks, so the bound is the body without them.
		if lf = compactLength(lines); want < lf {
			c.report(at, "content-length", "", "Content-Length is %d but the body below, though shortened, has %d bytes; write the body's length, or drop the header", want, lf)
		}
		return
	}
	// Allow a final line break, and bodies whose indentation the page adds.
	for _, n := range []int{lf, crlf, lf + 1, crlf + 2} {
		if n == want {
			return
		}
	}
	c.report(at, "content-length", "", "Content-Length is %d but the body below is %d bytes (%d with CRLF line endings); write %d, or drop the header", want, lf, crlf, lf)
	c.fixContentLength(pt, at, h.Value, lf, ex.BodyPos.Line, len(lines))
}

// proseSaysShortened reports whether the text between the example's heading and its block says the example
// is shortened ("Note: The response object shown here is truncated for brevity"), as many pages say in prose
// rather than in the annotation.
func proseSaysShortened(pt *pageText, ex *model.Example) bool {
	fence := ex.Pos.Line - 1
	for l := fence - 1; l >= 1 && l >= fence-12; l-- {
		t := strings.TrimSpace(pt.line(l))
		if strings.HasPrefix(t, "#") || fenceMarker(t) != "" {
			return false
		}
		low := strings.ToLower(t)
		if strings.Contains(low, "truncated") || strings.Contains(low, "shortened") || strings.Contains(low, "for brevity") {
			return true
		}
	}
	return false
}

// bodyLines returns the lines of an example's body as the page has them, without trailing blank lines; nil
// when the body's extent is unknown.
func (c *checker) bodyLines(pt *pageText, ex *model.Example) []string {
	open := ex.Pos.Line - 1
	end, ok := pt.fenceEnd[open]
	if !ok {
		return nil
	}
	last := end - 1
	if !pt.inFence[end-1] || fenceMarker(pt.line(end)) == "" {
		last = end // an unclosed block runs to the end
	}
	for last >= ex.BodyPos.Line && strings.TrimSpace(pt.line(last)) == "" {
		last--
	}
	if last < ex.BodyPos.Line {
		return nil
	}
	return pt.lines[ex.BodyPos.Line-1 : last]
}

func elided(v *model.Value) bool {
	if v == nil {
		return false
	}
	if v.Elided {
		return true
	}
	for _, it := range v.Items {
		if elided(it) {
			return true
		}
	}
	for _, m := range v.Members {
		if elided(m.Value) {
			return true
		}
	}
	return false
}

// checkJSONSyntax reports what the tolerant JSON reader had to forgive or could not read, at the page position
// of the error. Truncation markers ("...") are the docs' convention for shortened examples and are not
// reported; neither are blocks recovered from a scrape that lost its braces.
func (c *checker) checkJSONSyntax(pt *pageText, ex *model.Example) {
	if ex.Reconstructed && ex.Kind != model.ExampleRepresentation {
		c.checkScrapedJSON(pt, ex)
		return
	}
	if ex.Reconstructed || pt.page.Degraded || !jsonContent(ex) {
		return
	}
	curly := map[int]bool{} // lines whose issues come from curly quotes, reported once as such
	for _, is := range ex.JSONIssues {
		if is.Kind == "ellipsis" || curly[is.Line] {
			continue
		}
		if l := pt.line(is.Line); strings.ContainsAny(l, "“”") {
			// A word processor's quotes ("GET”, “/shifts”) read as a missing comma, an unquoted value and more;
			// the cause is one, and so is the finding.
			curly[is.Line] = true
			c.report(model.Pos{File: pt.page.Path, Line: is.Line, Col: strings.IndexAny(l, "“”") + 1}, "json-syntax", "",
				"invalid JSON in the %s: curly quotes (“ ”) are not JSON's; write straight double quotes", exampleWhat(ex))
			continue
		}
		msg := is.Message
		switch is.Kind {
		case "trailing-comma":
			msg += "; remove the comma"
		case "comment":
			msg += "; move the comment into the prose"
		case "unquoted":
			msg += "; quote it"
		}
		c.report(model.Pos{File: pt.page.Path, Line: is.Line, Col: is.Col}, "json-syntax", "", "invalid JSON in the %s: %s", exampleWhat(ex), msg)
		if is.Kind == "trailing-comma" {
			c.fixLast("remove the comma", pt.removeByte(is.Line, is.Col, ',')...)
		}
	}
}

// exampleWhat names an example's kind in a message.
func exampleWhat(ex *model.Example) string {
	if ex.Kind == model.ExampleRepresentation {
		return "JSON representation"
	}
	return "example"
}

// checkRequestResponsePairs reports request examples that no response example follows.
func (c *checker) checkRequestResponsePairs(op *model.Operation) {
	var pending *model.Example
	for _, ex := range op.Examples {
		switch ex.Kind {
		case model.ExampleRequest:
			if ex.Annotation != nil && strings.EqualFold(ex.Annotation.BlockType, "ignored") {
				// Another way to write the request above ("Second, by its ID"), which the response after it
				// answers too: it neither needs a response nor leaves the one before unanswered.
				continue
			}
			if pending != nil {
				c.reportUnanswered(pending)
			}
			pending = nil
			if answerable(ex) && (ex.Annotation != nil || c.inExamples(ex.Pos)) {
				pending = ex
			}
		case model.ExampleResponse:
			pending = nil
		}
	}
	if pending != nil {
		c.reportUnanswered(pending)
	}
}

// inExamples reports whether pos is under an Examples heading (or one of its subheadings): an unannotated
// request elsewhere ("e.g." under Optional query parameters) illustrates a URL and needs no response.
func (c *checker) inExamples(pos model.Pos) bool {
	p := c.m.Page(pos.File)
	if p == nil {
		return true
	}
	top := ""
	for _, h := range p.Headings {
		if h.Pos.Line > pos.Line {
			break
		}
		if h.Level <= 2 {
			top = normHeading(h.Text)
		}
	}
	return top == "" || strings.HasPrefix(top, "example") || strings.HasPrefix(top, "request") || strings.HasPrefix(top, "response")
}

// answerable reports whether a request example is one that should show its response: annotated as a request,
// or unannotated and sent to Microsoft Graph (not a notification posted to an app's own endpoint).
func answerable(ex *model.Example) bool {
	if ex.Annotation != nil {
		return strings.EqualFold(ex.Annotation.BlockType, "request")
	}
	u := strings.ToLower(ex.URL)
	return strings.HasPrefix(u, "/") || strings.HasPrefix(u, "https://graph.microsoft.com") || strings.HasPrefix(u, "{")
}

func (c *checker) reportUnanswered(ex *model.Example) {
	what := "request example"
	if ex.Name != "" {
		what += " " + ex.Name
	}
	if n := c.bareResponseAfter(ex.Pos); n > 0 {
		c.report(ex.Pos, "request-without-response", "", "the %s is answered by a bare JSON block (line %d) that is not a response example; start it with its status line (\"HTTP/1.1 200 OK\") and annotate it with blockType \"response\"", what, n)
		return
	}
	c.report(ex.Pos, "request-without-response", "", "the %s has no response example after it; add one (blockType \"response\"), even if it is only \"HTTP/1.1 204 No Content\"", what)
}

// bareResponseAfter returns the first line of a JSON body in the fenced block that next follows the request's
// block with no heading but a line that says "response" between them (the dynamics-*-get pages: "**Response**" over a ```json block with no
// status line), or 0. A reader sees that block as the response, so "add one" would mislead.
func (c *checker) bareResponseAfter(req model.Pos) int {
	pt := c.textOf(req.File)
	if pt == nil {
		return 0
	}
	end := 0
	for open, close := range pt.fenceEnd {
		if open < req.Line && req.Line <= close {
			end = close
		}
	}
	if end == 0 {
		return 0
	}
	labelled := false // "**Response**" or "Here is an example of the response." between the two blocks
	for n := end + 1; n <= len(pt.lines); n++ {
		prose := strings.TrimSpace(pt.prose(n))
		if strings.HasPrefix(prose, "#") {
			return 0
		}
		if _, ok := pt.fenceEnd[n]; !ok && strings.Contains(strings.ToLower(prose), "response") {
			labelled = true
		}
		if close, ok := pt.fenceEnd[n]; ok {
			if !labelled {
				return 0 // a request body in a block of its own (application-post-calls)
			}
			for b := n + 1; b < close; b++ {
				switch t := strings.TrimSpace(pt.line(b)); {
				case t == "":
					continue
				case strings.HasPrefix(t, "{") || strings.HasPrefix(t, "["):
					return b
				}
				return 0
			}
			return 0
		}
	}
	return 0
}

// checkExampleNames reports annotation names used by more than one request example: tools that turn examples
// into snippets and tests key them by name.
func (c *checker) checkExampleNames() {
	first := map[string]model.Pos{}
	for _, op := range c.m.Operations {
		for _, ex := range op.Examples {
			if ex.Kind != model.ExampleRequest || ex.Name == "" || ex.Annotation == nil || strings.EqualFold(ex.Annotation.BlockType, "ignored") {
				continue // an ignored block makes no snippet or test
			}
			at := ex.Annotation.Pos
			if v := ex.Annotation.Value.Get("name"); v != nil && v.Line > 0 {
				at = model.Pos{File: op.Page, Line: v.Line, Col: v.Col}
			}
			if p, ok := first[ex.Name]; ok {
				if p == at {
					continue // one example shared by the operations of a page
				}
				c.report(at, "duplicate-example-name", "", "example name %q is already used at %s; give this example its own name", ex.Name, displayPos(p))
				continue
			}
			first[ex.Name] = at
		}
	}
}

// checkDuplicateKeys reports a member written twice in one object of an example: JSON readers keep one of them
// (encoding/json the last), so the example does not say what it seems to.
func (c *checker) checkDuplicateKeys(pt *pageText, ex *model.Example) {
	if ex.JSON == nil || ex.Kind == model.ExampleRepresentation {
		return
	}
	var walk func(v *model.Value, depth int)
	walk = func(v *model.Value, depth int) {
		if v == nil || depth > maxDepth {
			return
		}
		if len(v.Members) > 1 {
			firstLine := make(map[string]int, len(v.Members))
			for _, m := range v.Members {
				if line, ok := firstLine[m.Key]; ok {
					c.report(model.Pos{File: pt.page.Path, Line: m.Line, Col: m.Col}, "duplicate-key", "", "%q is already a member of this object (line %d); keep one", m.Key, line)
					continue
				}
				firstLine[m.Key] = m.Line
			}
		}
		for _, m := range v.Members {
			walk(m.Value, depth+1)
		}
		for _, it := range v.Items {
			walk(it, depth+1)
		}
	}
	walk(ex.JSON, 0)
}

// jsonContent reports whether an example's body is meant as JSON: it has no Content-Type, or one that says JSON.
// A zip file's placeholder under "Content-type: application/zip" (teamsapp-publish) is not JSON to check.
func jsonContent(ex *model.Example) bool {
	for _, h := range ex.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			return strings.Contains(strings.ToLower(h.Value), "json")
		}
	}
	return true
}

// compactLength is the length of body lines without the whitespace outside strings (indentation, line breaks,
// the space after a colon): the least a server could send of them, as a JSON serializer does.
func compactLength(lines []string) int {
	n := 0
	inString := false
	for _, l := range lines {
		for i := 0; i < len(l); i++ {
			b := l[i]
			switch {
			case inString && b == '\\' && i+1 < len(l):
				n += 2
				i++
				continue
			case b == '"':
				inString = !inString
			case !inString && (b == ' ' || b == '\t' || b == '\r'):
				continue
			}
			n++
		}
		inString = false // a string does not run past its line
	}
	return n
}

// reasonFix says what to write for a status code with a phrase that is not its own. When the phrase is another
// code's ("200 Created"), either side may be the wrong one — a create answers 201 — so both are given.
func reasonFix(code int, phrase string) string {
	fix := fmt.Sprintf("write \"%d %s\"", code, http.StatusText(code))
	for other := 100; other < 600; other++ {
		if other != code && http.StatusText(other) != "" && strings.EqualFold(http.StatusText(other), strings.TrimSpace(phrase)) {
			return fix + fmt.Sprintf(", or \"%d %s\" if the status is %d", other, http.StatusText(other), other)
		}
	}
	return fix
}

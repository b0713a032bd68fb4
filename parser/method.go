package parser

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// readMethodPage reads a method page: the HTTP request section into one operation per verb, then the
// permissions, headers, parameters, request body, response and examples, which all the page's operations share.
func (p *pageReader) readMethodPage() {
	var reqs []requestAt
	seenHTTP := false
	examplesAmongSyntax := p.annotatedExamplesInHTTPRequest()
	for _, b := range p.blocks {
		k, _ := b.innermost()
		if k != sectionHTTPRequest || b.under(sectionExamples) || examplesAmongSyntax[b] {
			continue
		}
		seenHTTP = true
		switch b.kind {
		case blockCode:
			if programSample(b.info) {
				continue // a sample in C# or the like (how to encode a sharing URL), not request lines
			}
			reqs = append(reqs, p.httpRequestLines(b)...)
		case blockParagraph:
			// Unfenced request lines.
			for i, l := range strings.Split(b.text, "\n") {
				if verb, target, ok := requestLine(strings.TrimSpace(stripEmphasis(l))); ok && strings.HasPrefix(target, "/") {
					reqs = append(reqs, requestAt{verb: strings.ToUpper(verb), target: target, line: b.line + i, col: 1})
				}
			}
		}
	}
	if len(reqs) == 0 {
		line := 1
		if p.page.H1 != nil {
			line = p.page.H1.Pos.Line
		}
		if !seenHTTP {
			p.diag(line, 1, model.SeverityWarning, "missing-http-request", "method page has no \"HTTP request\" section with request lines")
		}
		// A page with examples still documents an operation: take it from the first request example.
		for _, b := range p.blocks {
			if b.kind != blockCode {
				continue
			}
			if k, ok := exampleKind(b, p.annotationFor(b)); ok && k == model.ExampleRequest {
				verb, target, _ := requestLine(firstLine(b.text))
				reqs = append(reqs, requestAt{verb: strings.ToUpper(verb), target: target, line: b.contentLine, col: 1})
				break
			}
		}
		if len(reqs) == 0 {
			return
		}
	}

	base := strings.TrimSuffix(p.path, pathExt(p.path))
	byVerb := map[string]*model.Operation{}
	var ops []*model.Operation
	for _, r := range reqs {
		if why := prosePath(r.target); why != "" {
			p.diag(r.line, r.col, model.SeverityWarning, "prose-path", "the request path "+quote(r.target)+" has "+why+" in it: it is not a path the service answers, and no route is made of it; write each path in full, one per line, with {placeholders}")
			continue
		}
		op := byVerb[r.verb]
		if op == nil {
			op = &model.Operation{Page: p.path, Method: r.verb, Pos: p.pos(r.line, r.col), Title: p.title(), Description: p.description()}
			byVerb[r.verb] = op
			ops = append(ops, op)
		}
		pth := parsePath(r.target, p.pos(r.line, r.col))
		dup := false
		for _, existing := range op.Paths {
			if existing.Template == pth.Template {
				dup = true
			}
		}
		if !dup {
			op.Paths = append(op.Paths, pth)
		}
	}
	if len(ops) == 0 {
		return // every path was prose
	}
	for _, op := range ops {
		op.ID = base
		if len(ops) > 1 {
			op.ID = base + "#" + strings.ToLower(op.Method)
		}
	}

	perms, include := p.readPermissionsSection()
	headers := p.readHeaders()
	params := p.readParameterTypes()
	body := p.readRequestBody(ops[0].Method)
	resp := p.readResponseSection()
	for _, op := range ops {
		op.Permissions = perms
		op.PermissionsInclude = include
		op.Headers = headers
		for _, pth := range op.Paths {
			for i := range pth.Params {
				if t, ok := params[strings.ToLower(pth.Params[i].Name)]; ok {
					pth.Params[i].Type = t
				}
			}
		}
		if op.Method == "GET" || op.Method == "DELETE" || op.Method == "HEAD" {
			if body != nil && body.Kind != model.BodyNone && len(body.Params) == 0 && body.Type == nil {
				op.RequestBody = &model.RequestBody{Kind: model.BodyNone, Pos: body.Pos}
			} else {
				op.RequestBody = body
			}
		} else {
			op.RequestBody = body
		}
		op.Response = resp
	}
	p.readExamples(ops)
	p.unwrapBody(body, ops)
	for _, op := range ops {
		op.Query = p.readQueryOptions(op.Examples)
		if op.Response.Status == 0 {
			// No prose: take the status from the first response example.
			for _, ex := range op.Examples {
				if ex.Kind == model.ExampleResponse && ex.Status != 0 {
					op.Response.Status, op.Response.Reason, op.Response.StatusSource = ex.Status, ex.Reason, "example"
					op.Response.Pos = ex.FirstLine
					if op.Response.Type == nil && ex.ODataType != "" && ex.Status != 204 {
						op.Response.Type = &model.TypeRef{Name: ex.ODataType, Collection: ex.IsCollection, Pos: ex.Pos}
					}
					break
				}
			}
		}
	}
	p.res.ops = append(p.res.ops, ops...)
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
		return p[i:]
	}
	return ""
}

func (p *pageReader) title() string {
	if p.page.H1 != nil {
		return plainText(p.page.H1.Text)
	}
	return p.page.Title
}

// blocksIn returns the blocks whose innermost classified section is k, outside the examples section.
func (p *pageReader) blocksIn(k sectionKind) []*block {
	var out []*block
	for _, b := range p.blocks {
		if kk, _ := b.innermost(); kk == k && !b.under(sectionExamples) {
			out = append(out, b)
		}
	}
	return out
}

func (p *pageReader) readPermissionsSection() ([]model.Permission, *model.Include) {
	var perms []model.Permission
	for _, t := range p.page.Tables {
		if t.Role == model.TablePermissions {
			perms = append(perms, readPermissions(t)...)
		}
	}
	for i := range p.page.Includes {
		inc := &p.page.Includes[i]
		if strings.Contains(strings.ToLower(inc.Target), "/permissions/") || strings.EqualFold(inc.Name, "permissions-table") {
			c := *inc
			return perms, &c
		}
	}
	return perms, nil
}

func (p *pageReader) readHeaders() []model.Header {
	var out []model.Header
	for _, t := range p.page.Tables {
		if t.Role != model.TableHeaders {
			continue
		}
		cols := headerColumns(t.Header)
		for _, r := range t.Rows {
			name := cleanName(cell(r, 0).Text)
			if name == "" {
				continue
			}
			valIdx := cols.desc
			if cols.value >= 0 {
				valIdx = cols.value
			}
			if valIdx < 0 {
				valIdx = 1
			}
			v := plainText(cell(r, valIdx).Text)
			out = append(out, model.Header{Name: name, Value: v, Required: strings.Contains(strings.ToLower(strings.Join(cellTexts(r), " ")), "required"), Pos: r.Pos})
		}
	}
	return out
}

// readParameterTypes reads the types of path and function parameters from parameter tables.
func (p *pageReader) readParameterTypes() map[string]model.TypeRef {
	out := map[string]model.TypeRef{}
	for _, b := range p.blocks {
		if b.kind != blockTable || b.table.Role != model.TableParameters {
			continue
		}
		cols := headerColumns(b.table.Header)
		for _, r := range b.table.Rows {
			name := paramName(cleanName(cell(r, max(cols.name, 0)).Text))
			if name == "" || cols.typ < 0 {
				continue
			}
			c := cell(r, cols.typ)
			tc, problem := parseTypeCell(c.Text, p.refs)
			if problem != "" || tc.name == "" {
				continue
			}
			out[strings.ToLower(name)] = p.typeRef(tc, c)
		}
	}
	return out
}

var (
	bodyTypePhrase = regexp.MustCompile(`(?i)(?:supply|provide|specify|include)\s+(?:a|an|the)?\s*(?:JSON\s+)?representation\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+|updated\s+)?(\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])?|\*\*[^*]+\*\*|[A-Za-z][A-Za-z0-9_.]*)`)
)

// readRequestBody reads the "Request body" section.
func (p *pageReader) readRequestBody(verb string) *model.RequestBody {
	blocks := p.blocksIn(sectionRequestBody)
	if len(blocks) == 0 {
		for _, b := range p.blocks {
			if b.kind == blockHeading && b.sec == sectionRequestBody {
				return &model.RequestBody{Kind: model.BodyUnknown, Pos: p.pos(b.line, 1)}
			}
		}
		return nil
	}
	rb := &model.RequestBody{Kind: model.BodyUnknown, Pos: p.pos(blocks[0].line, 1)}
	if h := blocks[0].heads; true {
		for l := 6; l >= 1; l-- {
			if h[l] != nil && h[l].sec == sectionRequestBody {
				rb.Pos = p.pos(h[l].line, 1)
				break
			}
		}
	}
	stream := false
	for _, b := range blocks {
		switch b.kind {
		case blockParagraph:
			text := b.text
			low := strings.ToLower(text)
			if noBody(low) && rb.Kind == model.BodyUnknown {
				rb.Kind = model.BodyNone
			}
			if rb.Type == nil && strings.Contains(low, "representation") {
				if m := bodyTypePhrase.FindStringSubmatchIndex(text); m != nil {
					ref := text[m[2]:m[3]]
					line := b.line + strings.Count(text[:m[2]], "\n")
					if r := p.refFromProse(ref, line); r != nil {
						rb.Type = r
						rb.Kind = model.BodyType
					}
				}
			}
			if containsAny(low, "binary", "byte stream", "stream of", "contents of the file", "file content") {
				stream = true
			}
		case blockTable:
			role := b.table.Role
			if role == model.TableRequestBody || role == model.TableProperties || role == model.TableParameters {
				cols := headerColumns(b.table.Header)
				if cols.typ < 0 {
					continue
				}
				b.table.Role = model.TableRequestBody
				for _, r := range b.table.Rows {
					if text, ok := p.continuation(b.table, cols, r); ok {
						if n := len(rb.Params); n > 0 {
							rb.Params[n-1].Description = strings.TrimSpace(rb.Params[n-1].Description + " " + text)
						}
						continue
					}
					if prop := p.propertyFromRow(b.table, cols, r); prop != nil {
						rb.Params = append(rb.Params, prop)
					}
				}
			}
		}
	}
	if rb.Kind == model.BodyUnknown {
		switch {
		case len(rb.Params) > 0:
			rb.Kind = model.BodyParameters
		case stream:
			rb.Kind = model.BodyStream
		}
	}
	return rb
}

// noBody reports whether lower-cased prose says the request has no body: "Do not supply a request body",
// "Don't supply a request body for this method", "No request body", "The request body must be empty".
func noBody(low string) bool {
	if !strings.Contains(low, "body") {
		return false
	}
	if containsAny(low, "no request body", "request body is not required", "request body must be empty", "request body is empty") {
		return true
	}
	for _, neg := range []string{"do not ", "don't ", "don\u2019t ", "does not ", "doesn't ", "dont "} {
		for from := 0; ; {
			i := strings.Index(low[from:], neg)
			if i < 0 {
				break
			}
			from += i + len(neg)
			rest := low[from:]
			for _, verb := range []string{"supply", "specify", "provide", "send", "include", "need", "require"} {
				if after, ok := strings.CutPrefix(rest, verb); ok {
					for _, obj := range []string{" a request body", " any request body", " a body", " a json body", " request body"} {
						if strings.HasPrefix(after, obj) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// refFromProse turns a type named in prose ("[user](../resources/user.md)", "**user**", "user") into a TypeRef.
func (p *pageReader) refFromProse(ref string, line int) *model.TypeRef {
	r := &model.TypeRef{Raw: ref, Pos: p.pos(line, p.colOf(line, ref))}
	if label, target, ok := firstLink(ref); ok {
		r.Name, r.Link = label, target
	} else if m := refLink.FindStringSubmatch(ref); m != nil {
		r.Name = m[1]
		key := m[2]
		if key == "" {
			key = m[1]
		}
		r.Link = p.refs[strings.ToLower(key)]
	} else {
		r.Name = ref
	}
	r.Name = strings.Trim(stripEmphasis(r.Name), "*` ")
	if pn := primitiveName(r.Name); pn != "" {
		r.Name, r.Kind = pn, model.KindPrimitive
	}
	if !isTypeName(r.Name) || commonWords[strings.ToLower(r.Name)] {
		return nil
	}
	return r
}

var commonWords = map[string]bool{"object": true, "the": true, "a": true, "an": true, "json": false, "new": true, "updated": true,
	"properties": true, "property": true, "following": true, "request": true, "response": true, "body": true, "collection": true,
	"anything": true, "nothing": true}

var (
	respTypeLink = regexp.MustCompile(`(?i)\b(?:and|with|returns?)\s+(?:(?:a|an|the)\s+)?(collection\s+of\s+|list\s+of\s+|array\s+of\s+)?(?:new\s+|updated\s+)?(\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])|\*\*[^*]+\*\*|[A-Za-z][A-Za-z0-9_.]*)\s*(collection|objects?|resources?|entit(?:y|ies)|in\s+the\s+response\s+body)`)
)

// readResponseSection reads the success status and response type from the "Response" section's prose:
// "If successful, this method returns a `201 Created` response code and a [user](../resources/user.md) object
// in the response body."
func (p *pageReader) readResponseSection() model.Response {
	var resp model.Response
	for _, b := range p.blocksIn(sectionResponse) {
		if b.kind != blockParagraph {
			continue
		}
		text := b.text
		if resp.Status == 0 {
			if at, code, reason, ok := statusInProse(text); ok {
				resp.Status, resp.Reason, resp.StatusSource = code, reason, "prose"
				line := b.line + strings.Count(text[:at], "\n")
				resp.Pos = p.pos(line, p.colOf(line, text[at:at+3]))
			}
		}
		if resp.Type == nil && resp.Status != 204 && mayNameResponseType(text) {
			resp.Type = p.responseType(text, b.line)
		}
	}
	return resp
}

// statusInProse finds the first HTTP status in prose: a 1xx–5xx number, optionally in backticks, followed by its
// capitalized reason phrase ("201 Created", "`204 No Content`", "302 Found").
func statusInProse(text string) (at, code int, reason string, ok bool) {
	for i := 0; i+3 <= len(text); i++ {
		c := text[i]
		if c < '1' || c > '5' || !isDigit(text[i+1]) || !isDigit(text[i+2]) || i > 0 && (isWordByte(text[i-1]) || text[i-1] == '.') {
			continue
		}
		if i+3 < len(text) && isWordByte(text[i+3]) {
			continue
		}
		rest := strings.TrimLeft(text[i+3:], " ")
		if after, ok := strings.CutPrefix(rest, ","); ok { // "204, No Content"
			rest = strings.TrimLeft(after, " ")
		}
		j := 0
		for j < len(rest) {
			if !(rest[j] >= 'A' && rest[j] <= 'Z') {
				break
			}
			k := j + 1
			for k < len(rest) && isLetter(rest[k]) {
				k++
			}
			j = k
			if j+1 < len(rest) && (rest[j] == ' ' || rest[j] == '-') && rest[j+1] >= 'A' && rest[j+1] <= 'Z' {
				j++
				continue
			}
			break
		}
		if j == 0 {
			continue
		}
		code = int(c-'0')*100 + int(text[i+1]-'0')*10 + int(text[i+2]-'0')
		return i, code, rest[:j], true
	}
	return 0, 0, "", false
}

// responseType finds the type the Response prose names: the first link or bold name after "and"/"with"/"returns",
// and whether it is a collection ("a collection of [x] objects", "[x] collection", "[x] objects").
func (p *pageReader) responseType(text string, line int) *model.TypeRef {
	low := strings.ToLower(text)
	from := 0
	for from < len(text) {
		start, end, _, _, ok := mdLinkAt(text[from:])
		var ref string
		if ok {
			start, end = start+from, end+from
			ref = text[start:end]
		} else if k := strings.Index(text[from:], "**"); k >= 0 {
			k += from
			close := strings.Index(text[k+2:], "**")
			if close < 0 {
				break
			}
			start, end = k, k+2+close+2
			ref = text[start:end]
		} else {
			break
		}
		from = end
		before := low[max(0, start-40):start]
		if !containsAny(before, "and ", "with ", "return", "contains ") {
			continue
		}
		after := strings.TrimLeft(low[end:], " ")
		r := p.refFromProse(ref, line+strings.Count(text[:start], "\n"))
		if r == nil {
			continue
		}
		r.Collection = containsAny(low[max(0, start-25):start], "collection of", "list of", "array of") ||
			strings.HasPrefix(after, "collection") || strings.HasPrefix(after, "objects") || strings.HasPrefix(after, "resources") || strings.HasPrefix(after, "entities")
		return r
	}
	// A type named without a link or bold: "and an authenticationMethodsPolicy object in the response body"; not
	// "It does not return anything in the response body".
	for _, m := range respTypeLink.FindAllStringSubmatchIndex(text, -1) {
		if negated(low[:m[0]]) {
			continue
		}
		ref := text[m[4]:m[5]]
		if r := p.refFromProse(ref, line+strings.Count(text[:m[4]], "\n")); r != nil {
			tail := strings.ToLower(text[m[6]:m[7]])
			r.Collection = m[2] >= 0 || tail == "collection" || tail == "objects" || tail == "resources" || tail == "entities"
			return r
		}
		break
	}
	return nil
}

// negated reports whether lower-cased prose ends in a negation: "does not ", "doesn't ", "won't ".
func negated(low string) bool {
	low = strings.TrimRight(low, " ")
	return strings.HasSuffix(low, " not") || strings.HasSuffix(low, "n't") || strings.HasSuffix(low, "n\u2019t") || strings.HasSuffix(low, " never")
}

// mayNameResponseType is a cheap test for the words respTypeLink needs.
func mayNameResponseType(text string) bool {
	for _, w := range [...]string{"object", "collection", "resource", "entit", "response body"} {
		if indexFold(text, w) >= 0 {
			return true
		}
	}
	return false
}

// colOf finds where s starts on line n, 1-based; 1 when it is not there.
func (p *pageReader) colOf(n int, s string) int {
	if i := strings.Index(p.lines.line(n), s); i >= 0 {
		return len([]rune(p.lines.line(n)[:i])) + 1
	}
	return 1
}

// readExamples reads the request and response examples and attaches each to an operation: requests by verb,
// responses to the operation of the request before them.
func (p *pageReader) readExamples(ops []*model.Operation) {
	examplesAmongSyntax := p.annotatedExamplesInHTTPRequest()
	var current *model.Operation
	for _, b := range p.blocks {
		if b.kind != blockCode {
			continue
		}
		if k, _ := b.innermost(); k == sectionHTTPRequest && !b.under(sectionExamples) && !examplesAmongSyntax[b] {
			continue
		}
		a := p.annotationFor(b)
		kind, ok := exampleKind(b, a)
		if !ok {
			continue
		}
		ex := p.readExampleBlock(b, a, kind)
		switch kind {
		case model.ExampleRequest:
			current = ops[0]
			for _, op := range ops {
				if op.Method == ex.Method {
					current = op
				}
			}
		case model.ExampleResponse:
			if current == nil {
				current = ops[0]
			}
		}
		current.Examples = append(current.Examples, ex)
	}
}

// programLanguages are fence languages of code samples in a programming language: such a block under "HTTP
// request" shows how to build a value for the request, and holds no request line.
var programLanguages = map[string]bool{"csharp": true, "cs": true, "c#": true, "javascript": true, "js": true,
	"typescript": true, "ts": true, "java": true, "objc": true, "objective-c": true, "python": true, "go": true,
	"powershell": true, "kotlin": true, "swift": true, "php": true, "ruby": true, "cpp": true, "c++": true}

// programSample says whether a fence info string names a programming language.
func programSample(info string) bool {
	f := strings.Fields(info)
	return len(f) > 0 && programLanguages[strings.ToLower(f[0])]
}

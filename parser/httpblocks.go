package parser

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/model"
)

var verbs = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// requestLine splits "POST /users/{id}/x" into verb and target. The target may contain spaces inside braces
// ("{user id}"); a trailing " HTTP/1.1" is dropped.
func requestLine(l string) (verb, target string, ok bool) {
	l = strings.TrimSpace(l)
	i := strings.IndexAny(l, " \t")
	if i <= 0 {
		return "", "", false
	}
	v := l[:i]
	if !verbs[strings.ToUpper(v)] {
		return "", "", false
	}
	target = strings.TrimSpace(l[i:])
	if j := strings.LastIndex(target, " HTTP/"); j > 0 {
		target = strings.TrimSpace(target[:j])
	}
	if target == "" || !(strings.HasPrefix(target, "/") || strings.HasPrefix(target, "http") || strings.HasPrefix(target, "{") || strings.HasPrefix(target, "~") || unicode.IsLetter(rune(target[0]))) {
		return "", "", false
	}
	return v, target, true
}

var (
	hostPrefix = regexp.MustCompile(`^(?i:https?://[^/\s]+)?(?:/(?:v1\.0|beta|\{version\}|\{ver\}))?`)
)

// parsePath reads a request target into a path template with typed parameters.
func parsePath(raw string, pos model.Pos) *model.Path {
	pth := &model.Path{Raw: raw, Pos: pos}
	s := strings.TrimSpace(raw)
	if loc := hostPrefix.FindStringIndex(s); loc != nil && loc[1] > 0 && (loc[1] == len(s) || s[loc[1]] == '/' || s[loc[1]] == '?') {
		s = s[loc[1]:]
	}
	if s == "" {
		s = "/"
	}
	// The query string starts at the first '?' outside braces.
	depth := 0
	for i, c := range s {
		if c == '{' {
			depth++
		} else if c == '}' {
			depth--
		} else if c == '?' && depth == 0 {
			pth.Query = s[i+1:]
			s = s[:i]
			break
		}
	}
	used := map[string]int{}
	var b strings.Builder
	last := 0
	for _, m := range placeholderSpans(s) {
		written := s[m[2]:m[3]]
		name := paramName(written)
		if name == "" {
			name = "param"
		}
		used[name]++
		if used[name] > 1 {
			name += itoa(used[name])
		}
		kind := model.ParamSegment
		before := s[:m[0]]
		switch {
		case strings.LastIndex(before, "(") > strings.LastIndex(before, ")"):
			kind = model.ParamKeyed
			if inner := before[strings.LastIndex(before, "(")+1:]; strings.Contains(inner, "=") {
				kind = model.ParamFunction
			}
		case strings.Count(before, ":")%2 == 1 && strings.Contains(before, ":/") || strings.HasSuffix(before, ":/") || strings.HasSuffix(before, ":"):
			kind = model.ParamDrivePath
		}
		pth.Params = append(pth.Params, model.PathParam{Name: name, Written: written, Kind: kind,
			Type: model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}})
		b.WriteString(s[last:m[0]])
		b.WriteString("{" + name + "}")
		last = m[1]
	}
	b.WriteString(s[last:])
	pth.Template = b.String()
	for _, m := range placeholderSpans(pth.Query) {
		written := pth.Query[m[2]:m[3]]
		name := paramName(written)
		if name == "" {
			continue
		}
		pth.Params = append(pth.Params, model.PathParam{Name: name, Written: written, Kind: model.ParamQuery,
			Type: model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}})
	}
	return pth
}

// placeholderSpans finds "{...}" placeholders (no nested braces) and returns, for each, the offsets of the whole
// placeholder and of its inside, as regexp's FindAllStringSubmatchIndex would.
func placeholderSpans(s string) [][4]int {
	var out [][4]int
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		for j := i + 1; j < len(s); j++ {
			if s[j] == '{' {
				break
			}
			if s[j] == '}' {
				out = append(out, [4]int{i, j + 1, i + 1, j})
				i = j
				break
			}
		}
	}
	return out
}

// paramName normalizes a placeholder to lowerCamel: "user-id" → "userId", "item path" → "itemPath",
// "id | userPrincipalName" → "id", "period_value" → "periodValue".
func paramName(s string) string {
	if i := strings.IndexAny(s, "|"); i >= 0 {
		s = s[:i]
	}
	s = strings.Trim(strings.TrimSpace(s), `'"`)
	var b strings.Builder
	upper := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if b.Len() == 0 {
				if unicode.IsDigit(r) {
					b.WriteByte('p')
				}
				b.WriteRune(unicode.ToLower(r))
			} else if upper {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(r)
			}
			upper = false
		default:
			upper = b.Len() > 0
		}
	}
	return b.String()
}

// httpRequestLines reads the request lines of an "HTTP request" code block. Lines without a verb take the
// previous line's verb; blank blocks and unreadable lines become diagnostics.
func (p *pageReader) httpRequestLines(b *block) (out []requestAt) {
	if strings.TrimSpace(b.text) == "" {
		p.diag(b.line, 1, model.SeverityError, "empty-http-block", "the HTTP request block is empty; write the request line, e.g. \"POST /users\"")
		return nil
	}
	lastVerb := ""
	for i, l := range strings.Split(strings.TrimRight(b.text, "\n"), "\n") {
		line := b.contentLine + i
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") || strings.HasPrefix(t, "<!--") {
			continue
		}
		if verb, target, ok := requestLine(t); ok {
			if verb != strings.ToUpper(verb) {
				p.diag(line, 1, model.SeverityWarning, "http-verb-case", "HTTP verb "+verb+" should be upper case: "+strings.ToUpper(verb))
				verb = strings.ToUpper(verb)
			}
			lastVerb = verb
			out = append(out, requestAt{verb: verb, target: target, line: line, col: strings.Index(l, target) + 1})
			continue
		}
		if strings.HasPrefix(t, "/") || strings.HasPrefix(t, "https://") {
			if lastVerb == "" {
				p.diag(line, 1, model.SeverityError, "request-line", "request line has no HTTP verb: "+quote(t))
				continue
			}
			p.diag(line, 1, model.SeverityInfo, "request-line", "request line has no HTTP verb; assuming "+lastVerb+" from the line above")
			out = append(out, requestAt{verb: lastVerb, target: t, line: line, col: strings.Index(l, t) + 1})
			continue
		}
		if isHeaderLine(t) || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "}") {
			continue
		}
		p.diag(line, 1, model.SeverityWarning, "request-line", "cannot read this line of the HTTP request block as \"VERB /path\": "+quote(t))
	}
	return out
}

type requestAt struct {
	verb, target string
	line, col    int
}

package lint

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkPathParams reports an example request whose path names a parameter differently from the path the HTTP
// request section gives for the same resource ("/users/{usersId}/…" above, "/users/{id}/…" in the example): a
// reader cannot tell whether the two are the same parameter. A literal value in the example ("/users/
// 87d349ed-…/…") is what examples are for and is not reported; neither is a spelling of the same name
// ({user-id}, {userId}, {user_id}), nor an example whose path has no counterpart in the section.
func (c *checker) checkPathParams(pt *pageText, op *model.Operation) {
	var syntax [][]string
	for _, p := range op.Paths {
		if p.Pos.Line == 0 || strings.Contains(p.Raw, "://") && !strings.Contains(p.Raw, "{") {
			continue
		}
		syntax = append(syntax, pathSegments(p.Raw))
	}
	if len(syntax) == 0 {
		return
	}
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleRequest || ex.URL == "" || !strings.Contains(ex.URL, "{") || ex.FirstLine.Line == 0 {
			continue
		}
		segs := pathSegments(ex.URL)
		var first *pathMismatch
		consistent := false
		for si, s := range syntax {
			mm, ok := comparePathParams(s, segs)
			if !ok {
				continue
			}
			if mm == nil {
				consistent = true
				break
			}
			if first == nil {
				mm.syntax = op.Paths[si]
				first = mm
			}
		}
		if consistent || first == nil {
			continue
		}
		at := pt.find(ex.FirstLine.Line, "{"+first.example+"}", 1)
		c.report(at, "path-parameter", "", "the example request writes {%s} where the HTTP request section (line %d) writes {%s}; use one name for the parameter in both",
			first.example, syntaxLine(op, first.example, first.want), first.want)
	}
}

func syntaxLine(op *model.Operation, _, want string) int {
	for _, p := range op.Paths {
		if strings.Contains(p.Raw, "{"+want+"}") {
			return p.Pos.Line
		}
	}
	return 0
}

type pathMismatch struct {
	example, want string
	syntax        *model.Path
}

var hostPrefix = regexp.MustCompile(`^(?i:https?://[^/]+)?(?:/(?:v1\.0|beta))?`)

// pathSegments splits a request path or URL into segments, without scheme, host, version and query.
func pathSegments(raw string) []string {
	s := strings.TrimSpace(raw)
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	s = hostPrefix.ReplaceAllString(s, "")
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	return strings.Split(strings.Trim(s, "/"), "/")
}

var placeholderRe = regexp.MustCompile(`\{([^{}]*)\}`)

// comparePathParams says whether an example's path is the syntax path s with values or placeholders put in (ok),
// and the first placeholder named differently (nil when none is).
func comparePathParams(s, e []string) (*pathMismatch, bool) {
	if len(s) != len(e) {
		return nil, false
	}
	var first *pathMismatch
	for i := range s {
		sp, ep := placeholderRe.FindAllStringSubmatch(s[i], -1), placeholderRe.FindAllStringSubmatch(e[i], -1)
		sk, ek := placeholderRe.ReplaceAllString(s[i], "{}"), placeholderRe.ReplaceAllString(e[i], "{}")
		switch {
		case len(sp) == 0 && len(ep) == 0:
			if !strings.EqualFold(s[i], e[i]) {
				return nil, false
			}
		case len(ep) == 0:
			// A value in place of the parameter: the literal parts must still agree.
			if !skeletonMatches(sk, e[i]) {
				return nil, false
			}
		case len(sp) != len(ep) || !strings.EqualFold(sk, ek):
			return nil, false
		default:
			for k := range sp {
				if !sameParamName(sp[k][1], ep[k][1]) && first == nil {
					first = &pathMismatch{example: ep[k][1], want: sp[k][1]}
				}
			}
		}
	}
	return first, true
}

// skeletonMatches reports whether a literal segment fits a segment skeleton with "{}" for its placeholders.
func skeletonMatches(sk, lit string) bool {
	parts := strings.Split(strings.ToLower(sk), "{}")
	l := strings.ToLower(lit)
	if !strings.HasPrefix(l, parts[0]) {
		return false
	}
	l = l[len(parts[0]):]
	for _, p := range parts[1:] {
		if p == "" {
			continue
		}
		i := strings.Index(l, p)
		if i < 0 {
			return false
		}
		l = l[i+len(p):]
	}
	return true
}

// paramNameNoise is what a reader overlooks in a parameter name.
var paramNameNoise = strings.NewReplacer("-", "", "_", "", " ", "", "'", "")

// sameParamName compares parameter names the way a reader does: case, dashes, underscores and spaces aside, and
// any of the alternatives a section gives ({id | userPrincipalName}).
func sameParamName(syntax, example string) bool {
	norm := func(s string) string { return paramNameNoise.Replace(strings.ToLower(s)) }
	for _, a := range strings.Split(syntax, "|") {
		for _, b := range strings.Split(example, "|") {
			if norm(a) == norm(b) {
				return true
			}
		}
	}
	return false
}

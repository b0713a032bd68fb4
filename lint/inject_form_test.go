package lint

import (
	"hash/fnv"
	"regexp"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// Injectors for the defects issue 11 asks to find in every page form: invalid JSON and a wrong Content-Length in
// a page scraped to plain text (headings, fences, comments, front matter and the body's outer braces stripped,
// tables flattened to text, as in ../shared/seeds/002), a path parameter renamed in an example request, and a
// Permissions section left with nothing under its heading.

// plainText turns a markdown page into the plain-text form of a scrape. at maps each 1-based line of the page to
// its line in the result (0 when the line was dropped).
func plainText(lines []string) (out []string, at []int) {
	at = make([]int, len(lines)+2)
	keep := func(n int, text string) {
		out = append(out, text)
		at[n] = len(out)
	}
	i := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i = 1; i < len(lines) && strings.TrimSpace(lines[i]) != "---"; i++ {
		}
		i++
	}
	inFence, inComment := false, false
	var body []int // page lines (0-based) of the current fenced block
	flushFence := func() {
		// The scrape drops the outer braces of an HTTP example's JSON body.
		first := -1
		for k, n := range body {
			if strings.TrimSpace(lines[n]) == "{" && k > 0 {
				first = k
				break
			}
		}
		last := -1
		for k := len(body) - 1; k > first; k-- {
			if t := strings.TrimSpace(lines[body[k]]); t != "" {
				if t == "}" {
					last = k
				}
				break
			}
		}
		http := last > first+1 && len(body) > 0 && (requestLineRe.MatchString(strings.TrimSpace(lines[body[0]])) || strings.HasPrefix(strings.TrimSpace(lines[body[0]]), "HTTP/"))
		for k, n := range body {
			if http && first >= 0 && last >= 0 && (k == first || k == last) {
				continue
			}
			keep(n+1, lines[n])
		}
		body = nil
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case inComment:
			if strings.Contains(t, "-->") {
				inComment = false
			}
		case inFence:
			if strings.HasPrefix(t, "```") {
				inFence = false
				flushFence()
			} else {
				body = append(body, i)
			}
		case strings.HasPrefix(t, "```"):
			inFence = true
		case strings.HasPrefix(t, "<!--"):
			inComment = !strings.Contains(t, "-->")
		case strings.HasPrefix(t, "#"):
			keep(i+1, strings.TrimSpace(strings.TrimLeft(t, "#")))
		case strings.HasPrefix(t, "|") && strings.Trim(t, "|-: ") == "", t == "---":
			// Table delimiter rows and the end marker of a tab group do not show.
		case strings.HasPrefix(t, "|"):
			var cells []string
			for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			keep(i+1, strings.Join(cells, " "))
		default:
			keep(i+1, markdownLink.ReplaceAllString(l, "$1"))
		}
	}
	if inFence {
		flushFence()
	}
	return out, at
}

var (
	markdownLink  = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	requestLineRe = regexp.MustCompile(`^(GET|POST|PATCH|PUT|DELETE) \S`)
	arrayOpenRe   = regexp.MustCompile(`^\s*"[^"]*"\s*:\s*\[$`)
)

// scrapedExample returns a request or response example of the page that a scrape keeps readable: an HTTP block
// with a JSON object body of plain values whose outer braces stand on their own lines.
func scrapedExample(c *injectCtx, p *model.Page, lines []string, ok func(ex *model.Example) bool) *model.Example {
	if p.Kind != model.PageAPI || strings.Contains(string(p.Source), "```\n```") {
		return nil
	}
	_, ex := firstExample(c, p, func(_ *model.Operation, ex *model.Example) bool {
		if !plainJSONExample(ex) || ex.FirstLine.Line == 0 || ex.Truncated || ex.BodyPos.Line == 0 || strings.Contains(ex.Body, "...") {
			return false
		}
		if strings.TrimSpace(lines[ex.BodyPos.Line-1]) != "{" {
			return false
		}
		return ok(ex)
	})
	return ex
}

func pageHash(p *model.Page) uint32 {
	h := fnv.New32a()
	h.Write([]byte(p.Path))
	return h.Sum32()
}

func formInjectors() []injector {
	return []injector{
		{"plain text: unclosed array", "json-syntax", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			open, closer := arrayToUnclose(c, p, lines)
			if open == 0 {
				return nil, 0, false
			}
			out, at := plainText(deleteLines(lines, closer, closer))
			return out, at[open], at[open] > 0
		}},
		{"plain text: request content length", "content-length", contentLengthInjector(model.ExampleRequest, plainText)},
		{"plain text: response content length", "content-length", contentLengthInjector(model.ExampleResponse, plainText)},
		{"plain text: status differs from the prose", "status-mismatch", statusInjector(plainText)},
		{"path parameter renamed", "path-parameter", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			for _, id := range p.Operations {
				op := c.m.Operation(id)
				if op == nil {
					continue
				}
				for _, ex := range op.Examples {
					if ex.Kind != model.ExampleRequest || ex.Reconstructed || ex.FirstLine.Line == 0 {
						continue
					}
					l := lines[ex.FirstLine.Line-1]
					m := placeholderRe.FindStringSubmatchIndex(l)
					if m == nil || strings.Count(l, l[m[0]:m[1]]) != 1 {
						continue
					}
					name := l[m[2]:m[3]]
					renamed := "id"
					if sameParamName(name, "id") {
						renamed = "object-id"
					}
					// Only where the example is one of the section's paths: the rule does not guess at others.
					nl := l[:m[0]] + "{" + renamed + "}" + l[m[1]:]
					matched, renamedAll := false, true
					for _, sp := range op.Paths {
						if sp.Pos.Line == 0 {
							continue
						}
						if mm, ok := comparePathParams(pathSegments(sp.Raw), pathSegments(strings.TrimPrefix(strings.TrimSpace(nl), ex.Method+" "))); ok {
							matched = true
							renamedAll = renamedAll && mm != nil
						}
					}
					if !matched || !renamedAll {
						continue
					}
					lines[ex.FirstLine.Line-1] = nl
					return lines, ex.FirstLine.Line, true
				}
			}
			return nil, 0, false
		}},
		{"permissions section emptied", "missing-permissions", func(c *injectCtx, p *model.Page, lines []string) ([]string, int, bool) {
			if p.Kind != model.PageAPI || len(p.Operations) == 0 || hasPermissionsInclude(p) {
				return nil, 0, false
			}
			for i, h := range p.Headings {
				if normHeading(h.Text) != "permissions" || h.Level != 2 {
					continue
				}
				// The whole section, its subsections too ("### Permissions acting on self").
				end := len(lines)
				for _, next := range p.Headings[i+1:] {
					if next.Level <= 2 {
						end = next.Pos.Line - 1
						break
					}
				}
				if end <= h.Pos.Line {
					return nil, 0, false
				}
				return deleteLines(lines, h.Pos.Line+1, end), h.Pos.Line, true
			}
			return nil, 0, false
		}},
	}
}

// TestPlainTextControl scrapes the same pages to plain text without a defect: the rules the form injectors test
// must stay quiet on them (the restored braces are not a defect of the page).
func TestPlainTextControl(t *testing.T) {
	formControl(t, "plain text", plainText, func(ctx *injectCtx, p *model.Page, lines []string) bool {
		return scrapedExample(ctx, p, lines, func(*model.Example) bool { return true }) != nil
	})
}

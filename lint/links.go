package lint

import (
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkLinks reports relative links whose target is malformed, missing, or differs in case, and anchors the
// target page does not have. A link can only be checked when its target folder is part of the linted tree:
// linting one page or one folder says nothing about files elsewhere.
func (c *checker) checkLinks(pt *pageText) {
	for _, l := range pt.page.Links {
		c.checkLink(pt, l)
	}
}

func (c *checker) checkLink(pt *pageText, l model.Link) {
	target := strings.TrimSpace(l.Target)
	target = strings.TrimPrefix(strings.TrimSuffix(target, ">"), "<")
	if i := strings.IndexAny(target, " \t"); i > 0 {
		target = target[:i] // a link title follows: [x](x.md "title")
	}
	low := strings.ToLower(target)
	if target == "" || strings.Contains(low, "://") || strings.HasPrefix(low, "mailto:") || strings.HasPrefix(target, "/") ||
		strings.HasPrefix(low, "javascript:") || strings.HasPrefix(target, "#tab/") || strings.HasPrefix(target, "{") {
		return
	}
	at := pt.find(l.Pos.Line, target, l.Pos.Col)
	file, anchor, _ := strings.Cut(target, "#")
	if q := strings.IndexByte(file, '?'); q >= 0 {
		file = file[:q]
	}
	if u, err := url.PathUnescape(file); err == nil {
		file = u
	}
	if problem, fix := malformedTarget(file); problem != "" {
		msg := "link target " + target + " is malformed: " + problem
		if fix != "" {
			msg += "; write " + fix
			if resolved := path.Join(path.Dir(pt.page.Path), fix); !strings.HasPrefix(resolved, "../") && c.fileExists(resolved) {
				msg += " (that file exists)"
			}
		}
		c.report(at, "malformed-link", "", "%s", msg)
		c.fixLinkFile(pt, at, target, file, fix)
		return
	}
	dest := pt.page.Path
	if file != "" {
		dest = path.Join(path.Dir(pt.page.Path), file)
		if dest == ".." || strings.HasPrefix(dest, "../") || !c.dirInTree(path.Dir(dest)) {
			return // outside the linted tree
		}
		if !c.fileExists(dest) {
			if actual, ok := c.lowerPaths[strings.ToLower(dest)]; ok {
				fix := path.Join(path.Dir(file), path.Base(actual))
				if base := path.Base(actual); base != strings.ToLower(base) && path.Base(file) == strings.ToLower(base) {
					// The link is in lower case like the docs' file names, the file is not: either may be the slip
					// (beta's contentType.md, which most links write contenttype.md: precision sample 13, #104).
					c.report(at, "link-case", "", "link target %s differs in case from the file %s; write %s, or rename the file to %s as the docs' file names are lower case", file, base, fix, strings.ToLower(base))
				} else {
					c.report(at, "link-case", "", "link target %s differs in case from the file %s; write %s", file, base, fix)
				}
				c.fixLinkFile(pt, at, target, file, fix)
				dest = actual
			} else if path.Ext(dest) == "" && c.fileExists(dest+".md") {
				c.report(at, "broken-link", "", "link target %s has no file; write %s.md", file, file)
				return
			} else {
				msg := "link target " + file + " does not exist"
				if s := closest(path.Base(dest), c.dirFiles[path.Dir(dest)], 4); s != "" {
					msg += "; did you mean " + relTo(pt.page.Path, path.Join(path.Dir(dest), s)) + "?"
				}
				c.report(at, "broken-link", "", "%s", msg)
				return
			}
		}
	}
	if anchor == "" || strings.HasPrefix(anchor, "tab/") {
		return
	}
	tp := c.m.Page(dest)
	if tp == nil || tp.Degraded {
		return // not a page, or a page whose headings were lost
	}
	anchors := c.anchorsOf(tp)
	if anchors[anchor] {
		return
	}
	where := "page " + path.Base(dest)
	if file == "" {
		where = "this page"
	}
	lowAnchor := strings.ToLower(anchor)
	if anchors[lowAnchor] {
		c.report(at, "link-case", "", "anchor #%s differs in case from the heading's #%s; write #%s", anchor, lowAnchor, lowAnchor)
		c.fixReplace(pt, at.Line, at.Col, target, strings.TrimSuffix(target, anchor)+lowAnchor)
		return
	}
	names := make([]string, 0, len(anchors))
	for a := range anchors {
		names = append(names, a)
	}
	sort.Strings(names)
	msg := "anchor #" + anchor + " is not a heading or anchor of " + where
	if s := closest(lowAnchor, names, 4); s != "" {
		msg += "; did you mean #" + s + "?"
	}
	c.report(at, "broken-anchor", "", "%s", msg)
}

// malformedTarget says what is wrong with a relative link path, and the likely intended path.
func malformedTarget(file string) (problem, fix string) {
	if file == "" {
		return "", ""
	}
	if strings.ContainsRune(file, '\\') {
		return "it uses backslashes", path.Clean(strings.ReplaceAll(file, "\\", "/"))
	}
	if i := strings.IndexAny(file, "[]()"); i >= 0 {
		return "it contains " + quoted(file[i:i+1]), strings.Trim(file, "[]() ")
	}
	segs := strings.Split(file, "/")
	for i, s := range segs {
		if i > 0 && i < len(segs)-1 && s == "" {
			return "it has an empty path segment (//)", path.Clean(file)
		}
		if len(s) > 2 && strings.HasPrefix(s, "..") && s[2] != '.' {
			fixed := append(append([]string{}, segs[:i]...), "..", s[2:])
			return "\"" + s + "\" is missing a slash after \"..\"", strings.Join(append(fixed, segs[i+1:]...), "/")
		}
	}
	base := segs[len(segs)-1]
	if strings.HasPrefix(base, "-") && len(base) > 1 {
		fixed := strings.TrimLeft(base, "-")
		return "the file name starts with '-'", strings.Join(append(segs[:len(segs)-1:len(segs)-1], fixed), "/")
	}
	if strings.HasSuffix(strings.ToLower(base), ".md.md") {
		return "the file name ends in .md.md", file[:len(file)-3]
	}
	return "", ""
}

// relTo writes target (a path from the docs root) relative to the folder of page.
func relTo(page, target string) string {
	from := strings.Split(path.Dir(page), "/")
	to := strings.Split(target, "/")
	if from[0] == "." {
		from = nil
	}
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, to[i:]...), "/")
}

var explicitAnchor = regexp.MustCompile(`(?i)<a\s+(?:name|id)\s*=\s*["']?([^"'\s>]+)|\bid\s*=\s*["']([^"']+)["']`)

// anchorsOf returns the anchors a page defines: its headings' ids as the docs site makes them (a repeated
// heading gets -1, -2, ...) and explicit <a name>/<a id> anchors.
func (c *checker) anchorsOf(p *model.Page) map[string]bool {
	if a, ok := c.anchors[p.Path]; ok {
		return a
	}
	a := map[string]bool{}
	count := map[string]int{}
	for _, h := range p.Headings {
		id := h.Anchor
		if n := count[id]; n > 0 {
			a[id+"-"+itoa(n)] = true
		}
		count[id]++
		a[id] = true
	}
	if src := string(p.Source); strings.Contains(src, "<a ") || strings.Contains(src, "id=") || strings.Contains(src, "id =") {
		for _, m := range explicitAnchor.FindAllSubmatch(p.Source, -1) {
			for _, g := range m[1:] {
				if len(g) > 0 {
					a[string(g)] = true
				}
			}
		}
	}
	c.anchors[p.Path] = a
	return a
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

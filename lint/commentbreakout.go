package lint

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// comment-breakout: text that the generator copies into comments of the generated Go code — type names and
// namespaces, descriptions of types, properties, request-body parameters and enum members, operation titles and
// descriptions, request paths and queries, page names — and that holds "/*" or "*/". Written into a block comment it
// would have closed the comment and turned the rest of the text into code that runs when the package is imported
// (issue 10). The generator now writes every comment as line comments with those pairs split ("/ *", "* /"), so the
// code is safe either way; the finding is for the reviewer of the docs change, who should see text that looks like
// an attempt, or that the generated docs will show mangled. It is an error: such text is either hostile or a
// mistake, and the 2021 v1.0 corpus has none where it reaches generated code (its "/* ... */" are in JSON
// examples, which do not).

// droppedMarkup is the markup the generator drops from comment text.
var droppedMarkup = strings.NewReplacer("`", "", "**", "", "__", "")

// breakout returns the comment delimiter text holds, once markup the generator drops (backticks, ** and __) is
// gone too: "*`/" becomes "*/" in the comment.
func breakout(text string) string {
	if strings.IndexByte(text, '*') < 0 || strings.IndexByte(text, '/') < 0 {
		return "" // the common case, decided without building a string
	}
	for _, s := range []string{text, droppedMarkup.Replace(text)} {
		i, j := strings.Index(s, "/*"), strings.Index(s, "*/")
		switch {
		case i >= 0 && (j < 0 || i <= j):
			return "/*"
		case j >= 0:
			return "*/"
		}
	}
	return ""
}

// checkCommentBreakout reports, for every text that reaches a generated comment, a comment delimiter it holds.
func (c *checker) checkCommentBreakout() {
	check := func(pos model.Pos, what, text string) {
		d := breakout(text)
		if d == "" || pos.File == "" {
			return
		}
		c.report(c.delimiterPos(pos, d, text), "comment-breakout", "",
			"%s holds %q, which would end or open a comment in the generated Go code (the generator splits it, so the "+
				"generated docs show it mangled); remove it, or reword",
			what, d)
	}
	for _, t := range c.m.Types {
		check(t.Pos, "the type name "+t.FullName(), t.FullName())
		check(t.Pos, "the description of "+t.Name, t.Description)
		for _, list := range [][]*model.Property{t.Properties, t.NavigationProperties} {
			for _, p := range list {
				check(p.Pos, "the description of "+p.Name, p.Description)
			}
		}
		for _, m := range t.Members {
			check(m.Pos, "the description of member "+m.Name, m.Description)
		}
	}
	for _, op := range c.m.Operations {
		check(op.Pos, "the page name", op.Page)
		check(op.Pos, "the title", op.Title)
		check(op.Pos, "the description", op.Description)
		for _, p := range op.Paths {
			check(p.Pos, "the path", p.Template+"?"+p.Query)
		}
		if op.RequestBody != nil {
			for _, p := range op.RequestBody.Params {
				check(p.Pos, "the description of parameter "+p.Name, p.Description)
			}
		}
	}
}

// delimiterPos finds the line of the page that holds the delimiter: the element's own line (a table row, a request
// line), else the line of prose that holds the delimiter after the same word as text (a description under the
// heading, read from another line than the element's position), else the first such line after the element, else
// the last before it; failing all, the element's position.
func (c *checker) delimiterPos(pos model.Pos, d, text string) model.Pos {
	pt := c.textOf(pos.File)
	if pt == nil {
		return pos
	}
	// The last word before the delimiter: the model's text has lost the page's markup ([widget](widget.md) is
	// "widget" there), so a longer stretch might not be on the line.
	before := ""
	if i := strings.Index(text, d); i >= 0 {
		if words := strings.Fields(text[:i]); len(words) > 0 {
			before = strings.Trim(words[len(words)-1], "`*_[]().,;:")
		}
	}
	var candidates []int
	for n := 1; n <= len(pt.lines); n++ {
		if !pt.inFence[n-1] && strings.Contains(pt.prose(n), d) {
			candidates = append(candidates, n)
		}
	}
	at := func(n int) model.Pos { return pt.pos(n, strings.Index(pt.prose(n), d)) }
	for _, n := range candidates {
		if n == pos.Line {
			return at(n)
		}
	}
	for _, n := range candidates {
		if l := pt.prose(n); before != "" && strings.Contains(l[:strings.Index(l, d)], before) {
			return at(n)
		}
	}
	for _, n := range candidates {
		if n > pos.Line {
			return at(n)
		}
	}
	if len(candidates) > 0 {
		return at(candidates[len(candidates)-1])
	}
	if pos.Col < 1 {
		pos.Col = 1
	}
	return pos
}

package lint

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// standardSections are the section headings the docs templates use, normalized.
var standardSections = []string{
	"permissions", "prerequisites", "http request", "optional query parameters", "query parameters",
	"path parameters", "function parameters", "request headers", "request body", "response", "examples", "example",
	"properties", "relationships", "json representation", "methods", "members", "see also", "remarks",
	"error responses", "next steps", "related content",
}

var standardSection = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range standardSections {
		m[s] = true
	}
	return m
}()

// sectionRequirement is one section a page kind must have; any of names satisfies it.
type sectionRequirement struct {
	title string // as the template writes it
	names []string
	// prefix also accepts headings that start with one of names ("Example 1: ...").
	prefix bool
	// applies limits the requirement to some pages; nil means all of the kind.
	applies func(c *checker, p *model.Page) bool
	// anyLevel accepts the heading at any level (OneDrive pages put "### HTTP request" under each scenario).
	anyLevel bool
}

var requiredSections = map[model.PageKind][]sectionRequirement{
	model.PageAPI: {
		{title: "Permissions", names: []string{"permissions", "prerequisites", "permission"}, prefix: true},
		{title: "HTTP request", names: []string{"http request", "http requests"}, prefix: true, anyLevel: true},
		{title: "Request body", names: []string{"request body"}, prefix: true, applies: sendsBody},
		{title: "Response", names: []string{"response", "responses"}, prefix: true},
		{title: "Examples", names: []string{"example", "examples"}, prefix: true, applies: hasNoExamples},
	},
	model.PageResource: {
		{title: "Properties", names: []string{"properties"}, prefix: true, applies: showsProperties},
		{title: "JSON representation", names: []string{"json representation"}, prefix: true, applies: hasResourceAnnotation},
	},
	model.PageEnum: {
		{title: "Members", names: []string{"members", "enum members"}, prefix: true, applies: isOneEnumPage},
	},
}

// hasNoExamples reports whether a method page shows no example at all. Pages that show examples under other
// headings (the OneDrive pages' scenarios) have what the section is for.
func hasNoExamples(c *checker, p *model.Page) bool {
	for _, o := range c.opsByPage[p.Path] {
		if len(o.Examples) > 0 {
			return false
		}
	}
	return true
}

// sendsBody reports whether the page's operations take a body (POST, PUT, PATCH), so need a Request body section.
func sendsBody(c *checker, p *model.Page) bool {
	for _, o := range c.opsByPage[p.Path] {
		switch o.Method {
		case "POST", "PUT", "PATCH":
			return true
		}
	}
	return false
}

func hasResourceAnnotation(_ *checker, p *model.Page) bool {
	for _, a := range p.Annotations {
		if strings.EqualFold(a.BlockType, "resource") {
			return true
		}
	}
	return false
}

// showsProperties reports whether a resource page's JSON representation shows properties, which the page must
// then document in a Properties section (a type with none may leave it out).
func showsProperties(c *checker, p *model.Page) bool {
	for _, t := range c.typesByPage[p.Path] {
		if t.Representation == nil || t.Representation.JSON == nil {
			continue
		}
		for _, m := range t.Representation.JSON.Members {
			if strings.HasPrefix(m.Key, "@") || navigation(t, m.Key) {
				continue // relationships go in the Relationships section
			}
			return true
		}
	}
	return false
}

func navigation(t *model.Type, name string) bool {
	for _, p := range t.NavigationProperties {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// isOneEnumPage reports whether p documents one enum with its own page (not an aggregate "enums" page with
// "### x values" tables).
func isOneEnumPage(c *checker, p *model.Page) bool {
	for _, t := range c.typesByPage[p.Path] {
		if t.Source == model.SourceEnumPage {
			return true
		}
	}
	return false
}

// checkOutline reports required sections that are missing and section headings that misspell a standard one.
func (c *checker) checkOutline(pt *pageText) {
	p := pt.page
	if p.Degraded {
		// A scrape lost its headings; that is the scrape's fault, not the page's.
		return
	}
	var h1 model.Pos
	if p.H1 != nil {
		h1 = p.H1.Pos
	} else {
		h1 = model.Pos{File: p.Path, Line: 1, Col: 1}
	}
	have, deep := map[string]bool{}, map[string]model.Heading{}
	var heads, all []string
	inExamples := false
	for _, h := range p.Headings {
		if h.Level < 2 {
			continue
		}
		t := normHeading(h.Text)
		all = append(all, t)
		if h.Level == 2 {
			// Required sections are top-level: "### Response" under Examples is an example's response.
			have[t] = true
			heads = append(heads, t)
			inExamples = t == "example" || t == "examples" || strings.HasPrefix(t, "example ")
		} else if _, ok := deep[t]; !ok && !inExamples {
			deep[t] = h
		}
		if h.Level == 2 && !standardSection[t] && len(t) >= 5 {
			if s := closest(t, standardSections, 3); s != "" && !pluralOf(t, s) && !misspellingAllowed(t, s) {
				c.report(h.Pos, "section-name", "", "section heading %q is not a standard section name; did you mean %q?", h.Text, titleOf(s))
			}
		}
	}
	for _, req := range requiredSections[p.Kind] {
		if req.applies != nil && !req.applies(c, p) {
			continue
		}
		if hasSection(have, heads, req) || req.anyLevel && hasSection(map[string]bool{}, all, req) || req.anyLevel && hasAny(all, req.names) {
			continue
		}
		if h, ok := deepHeading(deep, req.names); ok {
			c.report(h.Pos, "missing-section", "", "%q is a subsection here (level %d); make it the top-level section \"## %s\"", h.Text, h.Level, req.title)
			continue
		}
		c.report(h1, "missing-section", "", "%s page has no %q section; add \"## %s\"", p.Kind, req.title, req.title)
	}
}

func hasSection(have map[string]bool, heads []string, req sectionRequirement) bool {
	for _, n := range req.names {
		if have[n] {
			return true
		}
		for _, h := range heads {
			if strings.HasSuffix(h, " "+n) && n == "properties" {
				return true // "## operationError Properties"
			}
		}
		if req.prefix {
			for _, h := range heads {
				if strings.HasPrefix(h, n+" ") {
					return true
				}
			}
		}
	}
	return false
}

func hasAny(heads, names []string) bool {
	for _, h := range heads {
		for _, n := range names {
			if h == n {
				return true
			}
		}
	}
	return false
}

// deepHeading finds a required section written below the top level, outside the examples.
func deepHeading(deep map[string]model.Heading, names []string) (model.Heading, bool) {
	for _, n := range names {
		if h, ok := deep[n]; ok {
			return h, true
		}
	}
	return model.Heading{}, false
}

// pluralOf reports whether a and b differ only by a plural "s": "Relationship" is a variant, not a misspelling.
func pluralOf(a, b string) bool {
	return a+"s" == b || b+"s" == a
}

// misspellingAllowed lists near names that are different sections: "Request" is a section of examples, not a
// misspelt "Response".
func misspellingAllowed(t, s string) bool {
	switch t {
	case "request", "requests", "responses", "request header", "request headers", "query parameter",
		"path parameter", "properties", "relationships", "methods", "response", "example request":
		return true
	}
	return false
}

// titleOf renders a normalized section name as the template writes it.
func titleOf(s string) string {
	switch s {
	case "http request":
		return "HTTP request"
	case "json representation":
		return "JSON representation"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

package lint

// odata-type and unresolved-odata-type: the @odata.type names of examples.

import (
	"path"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// checkODataTypes checks @odata.type: the annotation's against the body's, names without a namespace or in
// a namespace the docs do not use, and names no page documents.
func (c *checker) checkODataTypes(pt *pageText, op *model.Operation, ex *model.Example, s model.ExampleSubject) {
	file := pt.page.Path
	if ex.ODataType != "" && ex.Annotation != nil {
		at := ex.Annotation.Pos
		if v := ex.Annotation.Value.Get("@odata.type"); v != nil && v.Line > 0 {
			at = model.Pos{File: file, Line: v.Line, Col: v.Col}
		}
		c.checkODataName(pt, at, ex.ODataType, "the annotation's @odata.type")
		if answersValue(op, ex) && ex.JSON != nil {
			c.report(at, "odata-type", "", "the annotation's @odata.type %s is not what a GET of …/$value answers with: that is the content itself, not the resource; remove @odata.type from the annotation", ex.ODataType)
		}
		if len(s.Instances) > 0 {
			if bv := s.Instances[0].Get("@odata.type"); bv != nil && bv.Kind == model.ValueString {
				c.compareODataTypes(at, ex.ODataType, strings.TrimPrefix(bv.Str, "#"), bv.Line)
			}
		}
	}
	var walk func(v *model.Value, depth int)
	walk = func(v *model.Value, depth int) {
		if v == nil || depth > maxDepth {
			return
		}
		for _, m := range v.Members {
			if m.Key == "@odata.type" && m.Value != nil && m.Value.Kind == model.ValueString {
				c.checkODataName(pt, model.Pos{File: file, Line: m.Value.Line, Col: m.Value.Col}, m.Value.Str, "@odata.type")
			} else if strings.EqualFold(m.Key, "@odata.type") {
				// JSON keys are case-sensitive: readers do not take "@Odata.type" for the type.
				c.report(model.Pos{File: file, Line: m.Line, Col: m.Col}, "odata-type", "", "%q is not the @odata.type annotation, whose name is lower case; write \"@odata.type\"", m.Key)
				c.fixReplace(pt, m.Line, m.Col, jsonString(m.Key), `"@odata.type"`)
			}
			walk(m.Value, depth+1)
		}
		for _, it := range v.Items {
			walk(it, depth+1)
		}
	}
	walk(ex.JSON, 0)
}

// checkODataName checks one @odata.type value.
func (c *checker) checkODataName(pt *pageText, at model.Pos, raw, what string) {
	name := strings.TrimPrefix(strings.TrimSpace(raw), "#")
	if name == "" || strings.HasPrefix(strings.ToLower(name), "collection(") || strings.HasPrefix(strings.ToLower(name), "edm.") ||
		strings.ContainsAny(name, " {}/") {
		return
	}
	if primitiveTypeName(name) {
		return // "@odata.type": "string" on a collection of strings
	}
	ns := namespaceOf(name)
	pageNS := "microsoft.graph"
	if p := pt.page.Namespace; p != nil && p.Text != "" {
		pageNS = strings.Trim(strings.TrimSpace(p.Text), "`*.")
	}
	switch {
	case ns == "":
		want := "#" + pageNS + "." + name
		if t := c.m.LookupType(name); t != nil {
			want = "#" + t.FullName()
		}
		c.report(at, "odata-type", "", "%s %q has no namespace; write %q", what, raw, want)
		if c.m.LookupType(name) != nil { // a guessed namespace is no fix
			c.fixReplace(pt, at.Line, at.Col, jsonString(raw), jsonString(want))
		}
		return
	case strings.EqualFold(ns, "graph"):
		return // the schema's alias
	case !c.namespaces[strings.ToLower(ns)]:
		want := pageNS + "." + shortName(name)
		if t := c.m.LookupType(shortName(name)); t != nil {
			want = t.FullName()
		}
		c.report(at, "odata-type", "", "%s %q is in namespace %s, which the docs do not use; write %q", what, raw, ns, "#"+want)
		if c.m.LookupType(shortName(name)) != nil {
			c.fixReplace(pt, at.Line, at.Col, jsonString(raw), jsonString("#"+want))
		}
		return
	}
	if c.typesDocumented && c.typ(name) == nil {
		msg := what + " " + name + " is not documented by any page"
		if s := c.suggestType(name); s != "" {
			msg += "; did you mean " + s + "?"
		}
		c.report(at, "unresolved-odata-type", "", "%s", msg)
	}
}

// primitiveTypeName reports whether name is an Edm primitive, written with or without "Edm.".
func primitiveTypeName(name string) bool {
	switch strings.ToLower(strings.TrimPrefix(strings.ToLower(name), "edm.")) {
	case "string", "int16", "int32", "int64", "boolean", "bool", "double", "single", "decimal", "guid", "binary", "byte",
		"sbyte", "date", "datetimeoffset", "duration", "timeofday", "stream", "untyped":
		return true
	}
	return false
}

// compareODataTypes reports an annotation @odata.type that differs from the body's, unless the body shows a
// type derived from the annotation's.
func (c *checker) compareODataTypes(at model.Pos, annot, body string, bodyLine int) {
	if strings.EqualFold(annot, body) || namespaceOf(body) == "" {
		return
	}
	at2, bt := c.typ(annot), c.typ(body)
	if at2 != nil && bt != nil {
		if at2 == bt {
			return
		}
		for _, a := range c.m.Ancestors(bt) {
			if a == at2 {
				return
			}
		}
		// A collection of the annotation's derived types, which only the base type's page states ("This is a
		// base class; the derived types are [educationFeedbackOutcome](educationfeedbackoutcome.md), ..."): the
		// annotation is right, and the missing "Inherits from" is reported on the derived type's page.
		if bt.BaseType == "" && c.introNamesDerived(at2, bt) {
			c.reportUnstatedBase(bt, at2, objectFact{})
			return
		}
	} else if !strings.EqualFold(shortName(annot), shortName(body)) {
		return // cannot tell whether one derives from the other
	}
	c.report(at, "odata-type", "", "the annotation's @odata.type %s differs from the body's %s (line %d); make them the same", annot, body, bodyLine)
}

// suggestType returns the documented type whose full name is closest to name.
func (c *checker) suggestType(name string) string {
	short := shortName(name)
	if ts := c.m.TypesNamed(short); len(ts) > 0 {
		return ts[0].FullName()
	}
	if c.lowerTypeNames == nil {
		c.lowerTypeNames = make([]string, len(c.m.Types))
		for i, t := range c.m.Types {
			c.lowerTypeNames[i] = strings.ToLower(t.Name)
		}
	}
	best, bestD := "", 3
	lower := strings.ToLower(short)
	for i, t := range c.m.Types {
		if d := editDistance(lower, c.lowerTypeNames[i], bestD); d < bestD {
			best, bestD = t.FullName(), d
		}
	}
	return best
}

// introNamesDerived reports whether base's page, before its first section, links d's page in a sentence that
// speaks of derived or inheriting types.
func (c *checker) introNamesDerived(base, d *model.Type) bool {
	pt := c.textOf(base.Pos.File)
	if pt == nil || d.Page == "" {
		return false
	}
	target := strings.ToLower(path.Base(d.Page))
	for n := pt.fmEnd + 1; n <= len(pt.lines); n++ {
		l := pt.prose(n)
		if strings.HasPrefix(l, "## ") {
			break
		}
		low := strings.ToLower(l)
		if pt.inFence[n-1] || !strings.Contains(low, "derived") && !strings.Contains(low, "inherited by") {
			continue
		}
		if strings.Contains(low, "/"+target+")") || strings.Contains(low, "("+target+")") {
			return true
		}
	}
	return false
}

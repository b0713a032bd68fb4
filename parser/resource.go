package parser

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// namespace is the page's namespace: the "Namespace:" line, or microsoft.graph.
func (p *pageReader) namespace() string {
	if p.page.Namespace != nil {
		if ns := strings.Trim(strings.TrimSpace(p.page.Namespace.Text), "`*."); ns != "" && !strings.ContainsAny(ns, " ") {
			return ns
		}
	}
	return "microsoft.graph"
}

// introText returns the prose between the H1 and the first section heading, without the Namespace line.
func (p *pageReader) introText() string {
	var b strings.Builder
	for _, x := range p.blocks {
		if x.kind == blockHeading && x.level >= 2 {
			break
		}
		if x.kind == blockParagraph && !strings.HasPrefix(strings.TrimSpace(x.text), "Namespace:") {
			b.WriteString(x.text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// description is the first sentence-bearing paragraph of the intro, as plain text.
func (p *pageReader) description() string {
	for _, x := range p.blocks {
		if x.kind == blockHeading && x.level >= 2 {
			break
		}
		if x.kind != blockParagraph {
			continue
		}
		t := strings.TrimSpace(x.text)
		if strings.HasPrefix(t, "Namespace:") || strings.HasPrefix(t, "[!") || strings.HasPrefix(t, ">") || strings.HasPrefix(t, "|") {
			continue
		}
		if d := plainText(t); d != "" {
			return d
		}
	}
	return p.page.Description
}

// inheritsPhrase names a base: "Inherits from [x](x.md)", "Inherits from base class [x](x.md)", "Inherits from the
// abstract base type [x](x.md)", "This creates a subclass from [x](x.md)".
var inheritsPhrase = regexp.MustCompile(`(?i)\b(?:(?:inherits|derives|derived|inherited)\s+from|subclass\s+(?:of|from))\s+(?:(?:(?:the|an?|abstract|base|class|type)\s+)*(\[[^\]]+\](?:\([^)]*\)|\[[^\]]*\])?)|(?:the\s+)?(\*{0,2}` + "`?" + `[A-Za-z][A-Za-z0-9_.]*))`)

// readResource reads a resource page: its resource annotation(s), Properties and Relationships tables, base type
// and JSON representation.
func (p *pageReader) readResource() {
	var annots []*block
	for _, b := range p.blocks {
		if b.kind == blockComment && b.annotation != nil && strings.EqualFold(b.annotation.BlockType, "resource") {
			annots = append(annots, b)
		}
	}
	t := &model.Type{Kind: model.KindComplex, Namespace: p.namespace(), Page: p.path, Source: model.SourceResourcePage}
	t.Description = p.description()
	if p.page.H1 != nil {
		t.Pos = p.page.H1.Pos
	} else {
		t.Pos = p.pos(1, 1)
	}
	var primary *block
	if len(annots) > 0 {
		primary = annots[0]
		// With several resource blocks, the one named like the title is the page's type.
		for _, a := range annots {
			if h1 := p.h1Name(); h1 != "" && strings.EqualFold(shortName(annotType(a.annotation)), h1) {
				primary = a
				break
			}
		}
	}
	if primary != nil {
		p.applyResourceAnnotation(t, primary.annotation)
	}
	if t.Name == "" {
		t.Name = p.h1Name()
	}
	if t.Name == "" {
		t.Name = strings.TrimSuffix(path.Base(p.path), path.Ext(p.path))
		p.diag(t.Pos.Line, 1, model.SeverityWarning, "resource-name", "the page names no type (no resource annotation, no \"<name> resource type\" title); using the file name "+t.Name)
	}
	if !isIdentifier(t.Name) {
		p.diag(t.Pos.Line, 1, model.SeverityError, "resource-name", "cannot tell which type this page documents: "+quote(t.Name)+" is not a type name")
		return
	}

	// Tables.
	for _, b := range p.blocks {
		if b.kind != blockTable {
			continue
		}
		tbl := b.table
		switch tbl.Role {
		case model.TableProperties, model.TableRelationships:
		default:
			continue
		}
		cols := headerColumns(tbl.Header)
		nav := tbl.Role == model.TableRelationships
		var last *model.Property
		for _, r := range tbl.Rows {
			if text, ok := p.continuation(tbl, cols, r); ok {
				if last != nil {
					last.Description = strings.TrimSpace(last.Description + " " + text)
				}
				continue
			}
			prop := p.propertyFromRow(tbl, cols, r)
			if prop == nil || strings.HasPrefix(prop.Name, "@") {
				// "@microsoft.graph.downloadUrl" rows document instance annotations, not properties.
				continue
			}
			last = prop
			if nav {
				t.NavigationProperties = append(t.NavigationProperties, prop)
			} else {
				t.Properties = append(t.Properties, prop)
			}
		}
	}
	p.checkDuplicates(t)
	p.derivedTypes(t)

	// Base type from prose when the annotation did not give one.
	if m, line, link := p.inheritsFrom(); m != "" {
		switch {
		case t.BaseType == "":
			t.BaseType = m
			t.BasePos = p.pos(line, 1)
			t.BaseSource = model.BaseFromProse
			t.BaseLink = link
		case link != "" && !strings.EqualFold(shortName(m), shortName(t.BaseType)):
			p.proseContradictsAnnotation(t, m, line, link)
		}
	}
	// An open type whose annotation forgets "openType": the page still says so, and its instances carry
	// properties no table lists.
	if !t.Open && p.saysOpenType() {
		t.Open = true
	}
	// Rows that say "Inherited from [x]" hint at the base when nothing else names it.
	for _, prop := range append(append([]*model.Property{}, t.Properties...), t.NavigationProperties...) {
		if prop.InheritedFrom != "" {
			if p.res.baseHints == nil {
				p.res.baseHints = map[*model.Type][]string{}
			}
			p.res.baseHints[t] = append(p.res.baseHints[t], prop.InheritedFrom)
		}
	}

	// JSON representation.
	if primary != nil {
		if code := p.nextCode(primary); code != nil {
			ex := p.readExampleBlock(code, primary.annotation, model.ExampleRepresentation)
			t.Representation = ex
			p.addJSONOnlyProperties(t, ex)
		}
	}
	for _, tbl := range p.page.Tables {
		if tbl.Role == model.TableMethods && len(tbl.Rows) > 0 && strings.Contains(strings.Join(cellTexts(tbl.Rows[0]), " "), "](") {
			if p.res.hasMethods == nil {
				p.res.hasMethods = map[*model.Type]bool{}
			}
			p.res.hasMethods[t] = true
		}
	}
	p.res.types = append(p.res.types, t)

	// Further resource blocks on the page document further types, with their JSON representation only.
	for _, a := range annots {
		if a == primary {
			continue
		}
		name := annotType(a.annotation)
		if name == "" || strings.EqualFold(shortName(name), t.Name) {
			continue
		}
		extra := &model.Type{Kind: model.KindComplex, Namespace: p.namespace(), Page: p.path, Source: model.SourceResourcePage, Pos: a.annotation.Pos}
		p.applyResourceAnnotation(extra, a.annotation)
		if code := p.nextCode(a); code != nil {
			ex := p.readExampleBlock(code, a.annotation, model.ExampleRepresentation)
			extra.Representation = ex
			p.addJSONOnlyProperties(extra, ex)
		}
		p.res.types = append(p.res.types, extra)
	}
}

// h1Name returns x from a "x resource type" title.
func (p *pageReader) h1Name() string {
	title := ""
	if p.page.H1 != nil {
		title = p.page.H1.Text
	} else {
		title = p.page.Title
	}
	title = strings.TrimSpace(stripEmphasis(title))
	for _, suf := range []string{" resource type", " complex type", " entity type", " resource", " type", " object"} {
		if n, ok := cutSuffixFold(title, suf); ok {
			n = strings.TrimSpace(n)
			if isIdentifier(n) {
				return n
			}
		}
	}
	if isIdentifier(title) {
		return title
	}
	return ""
}

func annotType(a *model.Annotation) string {
	t := a.String("@odata.type")
	if t == "" {
		t = a.String("@type")
	}
	return strings.TrimPrefix(strings.TrimSpace(t), "#")
}

func shortName(full string) string {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[i+1:]
	}
	return full
}

func splitName(full string) (ns, name string) {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[:i], full[i+1:]
	}
	return "", full
}

// applyResourceAnnotation takes the type's name, namespace, base type, key, openness and abstractness from a
// resource annotation.
func (p *pageReader) applyResourceAnnotation(t *model.Type, a *model.Annotation) {
	full := annotType(a)
	if full != "" {
		ns, name := splitName(full)
		if ns != "" {
			t.Namespace = ns
		}
		t.Name = name
		t.Pos = a.Pos
	}
	t.Annotation = a
	if bt := strings.TrimPrefix(a.String("baseType"), "#"); bt != "" {
		t.BaseType = bt
		t.BasePos = a.Pos
		t.BaseSource = model.BaseFromAnnotation
		if v := a.Value.Get("baseType"); v != nil {
			t.BasePos = p.pos(v.Line, v.Col)
		}
	}
	if k := a.String("keyProperty"); k != "" {
		t.Key = []string{k}
		t.Kind = model.KindEntity
	}
	t.Open = a.Bool("openType")
	t.Abstract = a.Bool("abstract")
}

// proseContradictsAnnotation reports a page whose "Inherits from [m](m.md)" names another base than its
// annotation's baseType. Where the annotation names the root entity, the sentence is the more specific of the two
// (every entity derives from entity) and its base is taken: orgcontact.md and userscopeteamsappinstallation.md
// annotate entity but say directoryObject and teamsAppInstallation, as the service's schema has it.
func (p *pageReader) proseContradictsAnnotation(t *model.Type, m string, line int, link string) {
	annotated := t.BaseType
	msg := fmt.Sprintf("this page says %s inherits from %s, but its resource annotation's baseType is %s; make them agree", t.Name, m, annotated)
	if strings.EqualFold(shortName(annotated), "entity") {
		t.BaseType, t.BasePos, t.BaseSource, t.BaseLink = m, p.pos(line, 1), model.BaseFromProse, link
		msg += " (read as " + m + ", the more specific)"
	}
	p.diag(line, 1, model.SeverityWarning, "base-type-conflict", msg)
}

// inheritsFrom finds "Inherits from [x](x.md)" in the page's intro; link is the link's target ("#" for a
// reference link), "" when x is a bare name.
func (p *pageReader) inheritsFrom() (string, int, string) {
	for _, x := range p.blocks {
		if x.kind == blockHeading && x.level >= 2 && x.sec != sectionOther {
			break
		}
		if x.kind != blockParagraph {
			continue
		}
		if low := strings.ToLower(x.text); !strings.Contains(low, "inherit") && !strings.Contains(low, "derive") && !strings.Contains(low, "subclass") {
			continue
		}
		if m := inheritsPhrase.FindStringSubmatchIndex(x.text); m != nil {
			// A link may follow words that say what it is ("base class [x](x.md)"); a bare name may not.
			ref := ""
			if m[2] >= 0 {
				ref = x.text[m[2]:m[3]]
			} else {
				ref = x.text[m[4]:m[5]]
			}
			link := ""
			if label, target, ok := firstLink(ref); ok {
				ref, link = label, target
			} else if rm := refLink.FindStringSubmatch(ref); rm != nil {
				ref, link = rm[1], "#"
			}
			ref = strings.Trim(stripEmphasis(ref), "[]`*. ")
			line := x.line + strings.Count(x.text[:m[0]], "\n")
			// "The following types are derived from x" names this type's subtypes, not its base.
			before := strings.ToLower(strings.TrimRight(x.text[:m[0]], " "))
			if strings.HasSuffix(before, " are") || strings.HasSuffix(before, " were") || strings.EqualFold(shortName(ref), p.h1Name()) {
				continue
			}
			if isIdentifier(shortName(ref)) && !baseStopWords[strings.ToLower(ref)] {
				return ref, line, link
			}
		}
	}
	return "", 0, ""
}

// openTypePhrase is how a resource page's introduction or title says that its type is open: "This is an
// _open type_", "This type is an open type", "It is an Open Type", "teamsTabConfiguration resource type (Open Type)".
// "is used in the open type x" names another type, and does not match.
var openTypePhrase = regexp.MustCompile(`(?i)\bis\s+an\s+[_*]*open\s+type(?:\b|[_*])|\([_*]*open\s+type[_*]*\)`)

// saysOpenType reports whether the page's title or introduction (the paragraphs before its first section) calls
// the type an open type.
func (p *pageReader) saysOpenType() bool {
	if h := p.page.H1; h != nil && openTypePhrase.MatchString(h.Text) {
		return true
	}
	for _, x := range p.blocks {
		if x.kind == blockHeading && x.level >= 2 && x.sec != sectionOther {
			break
		}
		if x.kind == blockParagraph && indexFold(x.text, "open type") >= 0 && openTypePhrase.MatchString(x.text) {
			return true
		}
	}
	return false
}

// baseStopWords are words that follow "inherits from" without naming a type ("inherits from base policy type").
var baseStopWords = map[string]bool{"base": true, "a": true, "an": true, "the": true, "this": true, "its": true, "other": true}

// nextCode returns the first code block after b, before the next section heading.
func (p *pageReader) nextCode(b *block) *block {
	for i := b.idx + 1; i < len(p.blocks); i++ {
		x := p.blocks[i]
		switch x.kind {
		case blockCode:
			return x
		case blockHeading:
			if x.level <= 2 {
				return nil
			}
		case blockComment:
			if x.annotation != nil {
				return nil
			}
		}
	}
	return nil
}

// checkDuplicates reports properties listed twice in a type's tables.
func (p *pageReader) checkDuplicates(t *model.Type) {
	seen := map[string]*model.Property{}
	check := func(list []*model.Property) []*model.Property {
		out := list[:0]
		for _, prop := range list {
			k := strings.ToLower(prop.Name)
			if first, ok := seen[k]; ok {
				p.diagAt(prop.Pos, model.SeverityWarning, "duplicate-property",
					"property "+prop.Name+" is already listed at line "+itoa(first.Pos.Line))
				continue
			}
			seen[k] = prop
			out = append(out, prop)
		}
		return out
	}
	t.Properties = check(t.Properties)
	t.NavigationProperties = check(t.NavigationProperties)
}

// addJSONOnlyProperties adds the properties the JSON representation shows but the tables do not, with a type
// guessed from the placeholder value. Such properties are real more often than not (tables lag behind).
func (p *pageReader) addJSONOnlyProperties(t *model.Type, ex *model.Example) {
	if ex == nil || ex.JSON == nil || ex.JSON.Kind != model.ValueObject {
		return
	}
	for _, m := range ex.JSON.Members {
		// Open types show sample dynamic members ("String-value", GUID keys); annotations start with '@'.
		if t.Open || !isIdentifier(m.Key) {
			continue
		}
		if t.OwnProperty(m.Key) != nil {
			continue
		}
		ref := guessType(m.Value)
		ref.Pos = p.pos(m.Line, m.Col)
		t.Properties = append(t.Properties, &model.Property{Name: m.Key, Type: ref, Source: model.FromJSON, Pos: p.pos(m.Line, m.Col)})
	}
}

// guessType infers a type from a JSON representation placeholder: "String", "String (timestamp)", true, 1024,
// {"@odata.type": "microsoft.graph.x"}, [ ... ].
func guessType(v *model.Value) model.TypeRef {
	if v == nil {
		return model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}
	}
	switch v.Kind {
	case model.ValueArray:
		if len(v.Items) > 0 {
			r := guessType(v.Items[0])
			r.Collection = true
			return r
		}
		return model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive, Collection: true}
	case model.ValueObject:
		if t := strings.TrimPrefix(v.Get("@odata.type").Text(), "#"); t != "" {
			return model.TypeRef{Name: t}
		}
		return model.TypeRef{Name: jsonTypeName, Kind: model.KindPrimitive}
	case model.ValueBool:
		return model.TypeRef{Name: "Edm.Boolean", Kind: model.KindPrimitive}
	case model.ValueNumber:
		if strings.ContainsAny(v.Str, ".eE") {
			return model.TypeRef{Name: "Edm.Double", Kind: model.KindPrimitive}
		}
		return model.TypeRef{Name: "Edm.Int32", Kind: model.KindPrimitive}
	case model.ValueString:
		return placeholderType(v.Str)
	}
	return model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}
}

// placeholderType reads the type a string placeholder names: "String", "Int32", "DateTimeOffset",
// "String (timestamp)", "String (identifier)", "Guid", "binary".
func placeholderType(s string) model.TypeRef {
	l := strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.Contains(l, "timestamp") || l == "datetimeoffset" || l == "datetime":
		return model.TypeRef{Name: "Edm.DateTimeOffset", Kind: model.KindPrimitive}
	}
	word := l
	if i := strings.IndexAny(word, " ("); i > 0 {
		word = word[:i]
	}
	if pn := primitiveName(word); pn != "" && pn != jsonTypeName {
		return model.TypeRef{Name: pn, Kind: model.KindPrimitive}
	}
	return model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
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

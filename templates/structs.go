package templates

import "github.com/dave/jennifer/jen"

// BuildStruct renders an entity or complex type: the struct (its base embedded), the JSON methods that route it through
// the support codec, the marker of an open type, and — for a base type others derive from — the interface that
// holds it or any derived value.
func BuildStruct(f *jen.File, s *Struct) {
	comment(f, s.Doc)
	var fields []jen.Code
	if s.Base != "" {
		fields = append(fields, jen.Id(s.Base))
	} else {
		fields = append(fields,
			lineComment("ODataType is the @odata.type the object carries, such as \"#microsoft.graph.user\"; it says which"),
			lineComment("derived type a value is. It may stay empty: the encoder fills it in where a base type is declared."),
			jen.Id("ODataType").String().Tag(map[string]string{"json": "@odata.type,omitempty"}),
		)
	}
	for _, fl := range s.Fields {
		if fl.Doc != "" {
			for _, line := range wrap(CommentText(fl.Doc), 112) {
				fields = append(fields, lineComment(line))
			}
		}
		tags := map[string]string{"json": fl.JSON + ",omitzero"}
		if fl.NonNull {
			tags["odata"] = "nonnull"
		}
		fields = append(fields, jen.Id(fl.Name).Add(fl.Type.Code()).Tag(tags))
	}
	if s.Base == "" {
		fields = append(fields,
			lineComment("AdditionalData keeps the members the docs do not declare: instance annotations (@odata.etag, ...),"),
			lineComment("dynamic properties of open types, and properties added after these docs. Nothing read is lost."),
			jen.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"}),
		)
	}
	f.Type().Id(s.Name).Struct(fields...)
	f.Line()

	// Every struct has its own methods: promoted ones from the embedded base would encode only the base.
	f.Func().Params(jen.Id("v").Id(s.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalObject").Call(jen.Op("&").Id("v"))),
	)
	f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalObject").Call(jen.Id("data"), jen.Id("v"))),
	)
	if s.Open {
		f.Func().Params(jen.Op("*").Id(s.Name)).Id("openType").Params().Block()
	}
	if p := s.Poly; p != nil {
		f.Line()
		comment(f, p.Interface+" holds a "+s.FullName+" or a value of any type derived from it ("+joinNames(p.Derived)+
			"); a type switch tells which. JSON decodes into the type its @odata.type names.")
		f.Type().Id(p.Interface).Interface(jen.Id(p.Method).Params().Op("*").Id(s.Name))
		f.Line()
		comment(f, p.Method+" returns the "+s.Name+" part of the value.")
		f.Func().Params(jen.Id("v").Op("*").Id(s.Name)).Id(p.Method).Params().Op("*").Id(s.Name).Block(jen.Return(jen.Id("v")))
	}
	f.Line()
}

// BuildRegistrations renders the init function that tells the codec the @odata.type of each struct and the base type
// behind each polymorphic interface.
func BuildRegistrations(f *jen.File, structs []*Struct) {
	named := 0
	for _, s := range structs {
		if s.FullName != "" {
			named++
		}
	}
	if named == 0 {
		return
	}
	f.Func().Id("init").Params().BlockFunc(func(g *jen.Group) {
		for _, s := range structs {
			if s.FullName == "" {
				continue // a request body of an action: no @odata.type names it
			}
			g.Id("registerType").Call(jen.Lit(s.FullName), jen.Parens(jen.Op("*").Id(s.Name)).Parens(jen.Nil()))
			if s.Poly != nil {
				g.Id("registerBase").Call(jen.Parens(jen.Op("*").Id(s.Poly.Interface)).Parens(jen.Nil()), jen.Parens(jen.Op("*").Id(s.Name)).Parens(jen.Nil()))
			}
		}
	})
	f.Line()
}

func joinNames(names []string) string {
	const max = 6
	out := ""
	for i, n := range names {
		if i == max {
			return out + ", …"
		}
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

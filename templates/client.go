package templates

import (
	"maps"

	"github.com/dave/jennifer/jen"
)

// BuildClientMethod renders the Client method of an operation: path arguments escaped into the documented path, the
// typed body, the typed answer, a context first and request options last.
func BuildClientMethod(f *jen.File, op *Operation) {
	buildClientMethod(f, op, op.Name, op.All, op.Doc, op.Path, op.Query, op.Params)
	for _, v := range op.Variants {
		buildClientMethod(f, op, v.Name, v.All, v.Doc, v.Path, v.Query, v.Params)
	}
}

// buildClientMethod renders one Client method of an operation, at one of its paths, and its iterator method when
// all names one.
func buildClientMethod(f *jen.File, op *Operation, name, all, doc string, path []PathPart, query []QueryPart, args []*Param) {
	comment(f, doc)
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range args {
		params = append(params, jen.Id(p.Name).String())
	}
	fields := jen.Dict{
		jen.Id("method"): jen.Lit(op.Method),
		jen.Id("path"):   pathExpr(path),
	}
	if q := queryExpr(query); q != nil {
		fields[jen.Id("query")] = q
	}
	if b := op.Body; b != nil {
		switch b.Kind {
		case BodyStream:
			params = append(params, jen.Id("body").Qual("io", "Reader"))
			fields[jen.Id("stream")] = jen.Id("body")
		default:
			params = append(params, jen.Id("body").Add(b.Type.Code()))
			if b.Type.Kind == TypePointer {
				fields[jen.Id("body")] = jen.Id("body")
			} else {
				fields[jen.Id("body")] = jen.Op("&").Id("body")
			}
		}
	}
	allParams, allFields := params, maps.Clone(fields) // before the options and the answer
	params = append(params, jen.Id("opts").Op("...").Id("RequestOption"))

	var results []jen.Code
	var body []jen.Code
	if op.Eventual {
		body = append(body, eventualFirst())
	}
	call := func(method string) *jen.Statement {
		return jen.Id("c").Dot(method).Call(jen.Id("ctx"), jen.Op("&").Id("call").Values(fields), jen.Id("opts"))
	}
	switch op.Result.Kind {
	case ResultNone:
		results = []jen.Code{jen.Error()}
		body = append(body, jen.Return(call("do")))
	case ResultCount:
		results = []jen.Code{jen.Int64(), jen.Error()}
		body = append(body, jen.Return(call("doCount")))
	case ResultStream, ResultRedirect:
		results = []jen.Code{jen.Qual("io", "ReadCloser"), jen.Error()}
		body = append(body, jen.Return(call("doStream")))
	case ResultJSON:
		t := op.Result.Type
		results = []jen.Code{t.Code(), jen.Error()}
		fields[jen.Id("out")] = jen.Op("&").Id("out")
		// An answer without a body is an error (ErrEmptyResponse): the method never returns nil without one.
		if t.Kind == TypePointer {
			body = append(body,
				jen.Var().Id("out").Add(t.Elem.Code()),
				jen.If(jen.Err().Op(":=").Add(call("do")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Return(jen.Op("&").Id("out"), jen.Nil()),
			)
		} else {
			body = append(body,
				jen.Var().Id("out").Add(t.Code()),
				jen.If(jen.Err().Op(":=").Add(call("do")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Return(jen.Id("out"), jen.Nil()),
			)
		}
	}
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(name).Params(params...).Params(results...).Block(body...)
	f.Line()
	if all != "" {
		buildAllMethod(f, op, name, all, allParams, allFields, args)
	}
}

// buildAllMethod renders the iterator over every item of a collection answer: the arguments of the method it pages
// through (params, before the options), a deltaLink for a delta function, and the call the first page comes from.
func buildAllMethod(f *jen.File, op *Operation, name, all string, params []jen.Code, fields jen.Dict, args []*Param) {
	elem := op.Result.Type.Elem.Elem // *Collection[elem]
	doc := all + " iterates over every item " + name + " answers with, page after page: it follows @odata.nextLink " +
		"(on BaseURL's host only) until a page has none, WithMaxPages is reached, a request fails (the error is the " +
		"last pair) or the loop breaks (nothing more is sent). WithPageSize sets the page size."
	deltaArg := jen.Nil()
	params = append([]jen.Code(nil), params...)
	if op.Delta {
		deltaName := "deltaLink"
		for taken := true; taken; {
			taken = false
			for _, p := range args {
				if p.Name == deltaName {
					deltaName, taken = deltaName+"_", true
				}
			}
		}
		doc += " " + deltaName + ", when not nil, is where the round starts when it is not empty (the deltaLink a " +
			"previous round ended with), and is set to the @odata.deltaLink of the last page: the next round starts there."
		params = append(params, jen.Id(deltaName).Op("*").String())
		deltaArg = jen.Id(deltaName)
	}
	params = append(params, jen.Id("opts").Op("...").Id("RequestOption"))
	comment(f, doc)
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(all).Params(params...).
		Qual("iter", "Seq2").Types(elem.Code(), jen.Error()).
		Block(jen.Return(jen.Id("allItems").Types(elem.Code()).Call(
			jen.Id("ctx"), jen.Id("c"), jen.Op("&").Id("call").Values(fields), deltaArg, jen.Id("opts"))))
	f.Line()
}

// pathExpr concatenates the literal pieces and escaped arguments of a path.
func pathExpr(parts []PathPart) jen.Code {
	var merged []PathPart
	for _, p := range parts {
		if n := len(merged); p.Param == nil && n > 0 && merged[n-1].Param == nil {
			merged[n-1].Literal += p.Literal
			continue
		}
		merged = append(merged, p)
	}
	return valueExpr(merged)
}

// queryExpr builds the url.Values of the query parameters, or nil when there are none.
func queryExpr(parts []QueryPart) jen.Code {
	if len(parts) == 0 {
		return nil
	}
	byKey := map[string][]jen.Code{}
	var keys []string
	for _, q := range parts {
		if _, seen := byKey[q.Key]; !seen {
			keys = append(keys, q.Key)
		}
		var value []PathPart
		for _, v := range q.Value {
			if v.Param != nil && v.Escape == "quoted" {
				v.Escape = "queryString"
			} else if v.Param != nil {
				v.Escape = ""
			}
			value = append(value, v)
		}
		byKey[q.Key] = append(byKey[q.Key], valueExpr(value))
	}
	return jen.Qual("net/url", "Values").ValuesFunc(func(g *jen.Group) {
		for _, k := range keys {
			g.Lit(k).Op(":").Values(byKey[k]...)
		}
	})
}

// valueExpr concatenates literal pieces and arguments, quoting arguments that sit inside quotes.
func valueExpr(parts []PathPart) jen.Code {
	expr := jen.Empty()
	for i, p := range parts {
		if i > 0 {
			expr = expr.Op("+")
		}
		switch {
		case p.Param == nil:
			expr = expr.Lit(p.Literal)
		case p.Escape != "":
			expr = expr.Id(p.Escape).Call(jen.Id(p.Param.Name))
		default:
			expr = expr.Id(p.Param.Name)
		}
	}
	if len(parts) == 0 {
		return jen.Lit("")
	}
	return expr
}

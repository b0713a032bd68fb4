package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// BuildServerGroup renders the Server side of one file's operations: the group's interface, the Unimplemented methods
// that answer 501, and the function that registers a handler per documented path, which decodes and validates the
// body, calls the method and answers with the documented status.
func BuildServerGroup(f *jen.File, g *Group, all []*Operation) {
	// An operation that serves no route (another page speaks for each of its paths) has no server method.
	var ops []*Operation
	for _, op := range all {
		if len(op.Routes) > 0 {
			ops = append(ops, op)
		}
	}
	comment(f, g.Doc)
	f.Type().Id(g.Interface).InterfaceFunc(func(ig *jen.Group) {
		for i, op := range ops {
			if i > 0 {
				ig.Line()
			}
			commentGroup(ig, firstParagraph(op.Doc))
			ig.Id(op.Name).Params(serverParams(op, true)...).Params(serverResults(op)...)
		}
	})
	f.Line()
	for _, op := range ops {
		f.Func().Params(jen.Id("Unimplemented")).Id(op.Name).Params(serverParams(op, false)...).Params(serverResults(op)...).Block(
			jen.Return(zeroResults(op, jen.Id("notImplemented").Call(jen.Lit(op.Name)))...),
		)
	}
	f.Line()
	f.Func().Id(g.Register).Params(jen.Id("rt").Op("*").Id("router"), jen.Id("s").Id(g.Interface)).BlockFunc(func(bg *jen.Group) {
		for _, op := range ops {
			args := []jen.Code{jen.Lit(op.Name), jen.Lit(op.Method), handlerFunc(op)}
			for _, r := range op.Routes {
				args = append(args, jen.Lit(r))
			}
			bg.Id("rt").Dot("handle").Call(args...)
		}
	})
	f.Line()
}

func serverParams(op *Operation, named bool) []jen.Code {
	param := func(name string, t jen.Code) jen.Code {
		if named {
			return jen.Id(name).Add(t)
		}
		return t
	}
	params := []jen.Code{param("ctx", jen.Qual("context", "Context"))}
	for _, p := range op.Params {
		params = append(params, param(p.Name, jen.String()))
	}
	if b := op.Body; b != nil {
		if b.Kind == BodyStream {
			params = append(params, param("body", jen.Qual("io", "Reader")))
		} else {
			params = append(params, param("body", b.Type.Code()))
		}
	}
	return params
}

func serverResults(op *Operation) []jen.Code {
	switch op.Result.Kind {
	case ResultJSON:
		return []jen.Code{op.Result.Type.Code(), jen.Error()}
	case ResultCount:
		return []jen.Code{jen.Int64(), jen.Error()}
	case ResultStream:
		return []jen.Code{jen.Qual("io", "Reader"), jen.Error()}
	case ResultRedirect:
		return []jen.Code{jen.String(), jen.Error()}
	}
	return []jen.Code{jen.Error()}
}

func zeroResults(op *Operation, err jen.Code) []jen.Code {
	switch op.Result.Kind {
	case ResultJSON, ResultStream:
		return []jen.Code{jen.Nil(), err}
	case ResultCount:
		return []jen.Code{jen.Lit(0), err}
	case ResultRedirect:
		return []jen.Code{jen.Lit(""), err}
	}
	return []jen.Code{err}
}

// handlerFunc renders the operationFunc of an operation: it decodes the arguments, calls the method and replies.
func handlerFunc(op *Operation) jen.Code {
	return jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("op").Op("*").Id("operation")).BlockFunc(func(g *jen.Group) {
		args := []jen.Code{jen.Id("rt").Dot("context").Call(jen.Id("r"))}
		for _, p := range op.Params {
			if p.Route != "" {
				args = append(args, jen.Id("pathValue").Call(jen.Id("r"), jen.Lit(p.Route)))
			} else {
				args = append(args, jen.Id("queryParam").Call(jen.Id("r"), jen.Lit(p.QueryKey), jen.Lit(p.QueryValue), jen.Lit(p.QueryWildcard)))
			}
		}
		if b := op.Body; b != nil {
			switch b.Kind {
			case BodyStream:
				args = append(args, jen.Id("r").Dot("Body"))
			default:
				t := b.Type
				if t.Kind == TypePointer {
					g.Var().Id("body").Add(t.Elem.Code())
					args = append(args, jen.Op("&").Id("body"))
				} else {
					g.Var().Id("body").Add(t.Code())
					args = append(args, jen.Id("body"))
				}
				read := []jen.Code{jen.Id("w"), jen.Id("r"), jen.Op("&").Id("body")}
				for _, req := range b.Required {
					read = append(read, jen.Lit(req))
				}
				g.If(jen.Op("!").Id("rt").Dot("readJSON").Call(read...)).Block(jen.Return())
			}
		}
		invoke := jen.Id("s").Dot(op.Name).Call(args...)
		status := jen.Lit(op.Status)
		switch op.Result.Kind {
		case ResultNone:
			g.Id("rt").Dot("reply").Call(jen.Id("w"), jen.Id("op"), status, jen.Nil(), invoke)
		case ResultJSON:
			g.List(jen.Id("res"), jen.Err()).Op(":=").Add(invoke)
			res := jen.Id("res")
			if op.Result.Type.Kind != TypePointer {
				// A pointer to the result keeps its declared type, so a derived value is written with its @odata.type.
				res = jen.Op("&").Id("res")
			}
			g.Id("rt").Dot("reply").Call(jen.Id("w"), jen.Id("op"), status, res, jen.Err())
		case ResultCount:
			g.List(jen.Id("n"), jen.Err()).Op(":=").Add(invoke)
			g.Id("rt").Dot("replyCount").Call(jen.Id("w"), jen.Id("op"), status, jen.Id("n"), jen.Err())
		case ResultStream:
			g.List(jen.Id("content"), jen.Err()).Op(":=").Add(invoke)
			g.Id("rt").Dot("replyStream").Call(jen.Id("w"), jen.Id("r"), jen.Id("op"), status, jen.Id("content"), jen.Lit(""), jen.Err())
		case ResultRedirect:
			g.List(jen.Id("location"), jen.Err()).Op(":=").Add(invoke)
			g.Id("rt").Dot("replyStream").Call(jen.Id("w"), jen.Id("r"), jen.Id("op"), status, jen.Nil(), jen.Id("location"), jen.Err())
		}
	})
}

// BuildServerFile renders server.go: the Server interface made of every group's, and NewHandler.
func BuildServerFile(f *jen.File, groups []*Group) {
	comment(f, "Server is the whole API: a method for each operation whose page speaks for at least one documented route "+
		"(several pages may document one route; one serves it). Implement it — embedding Unimplemented answers 501 "+
		"for what you leave out — and serve it with NewHandler; RouteFromContext tells a method which of its routes "+
		"a call came in on, with the path parameters and the OData query options.")
	f.Type().Id("Server").InterfaceFunc(func(g *jen.Group) {
		for _, gr := range groups {
			g.Id(gr.Interface)
		}
	})
	f.Line()
	comment(f, "NewHandler routes every documented route, once, to the method of its page on s, with net/http ServeMux "+
		"patterns (and a matcher of its own for the paths ServeMux cannot express, the most specific first), decodes and validates request bodies — 415 for a body that is not JSON, "+
		"400 with an OData error for one that does not fit the docs — and answers with each operation's documented status.")
	f.Func().Id("NewHandler").Params(jen.Id("s").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual("net/http", "Handler").BlockFunc(func(g *jen.Group) {
		g.Id("rt").Op(":=").Id("newRouter").Call(jen.Id("opts"))
		for _, gr := range groups {
			g.Id(gr.Register).Call(jen.Id("rt"), jen.Id("s"))
		}
		g.Return(jen.Id("rt"))
	})
	f.Line()
	f.Var().Id("_").Id("Server").Op("=").Id("Unimplemented").Values()
}

func firstParagraph(s string) string {
	p, _, _ := strings.Cut(s, "\n\n")
	return p
}

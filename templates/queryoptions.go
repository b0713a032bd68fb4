package templates

import (
	"github.com/dave/jennifer/jen"
)

// QueryOptions are the OData query options an operation's page documents, as a struct of their own.
type QueryOptions struct {
	Type string // "ListUsersQuery"
	From string // "ListUsersQueryFromContext": the server side's reader
	Doc  string
	// Options are the documented options, normalized ("$select", "$top"), in the order the fields are declared.
	Options []string
	// Eventual is set when the page says some queries need ConsistencyLevel: eventual; EventualFor are the
	// options that always send it ($search, $count).
	Eventual    bool
	EventualFor []string
}

// queryField is how one OData option is declared, sent and read back.
type queryField struct {
	name, doc string
	typ       func() *jen.Statement
	send      string // the support function that writes the value: queryList, queryInt, queryBool, or "" (as is)
	// serverPointer says that QueryOptions holds the option as a pointer (Top, Skip).
	serverPointer bool
}

var queryFields = map[string]queryField{
	"$select":  {"Select", "Select lists the properties to return ($select).", func() *jen.Statement { return jen.Index().String() }, "queryList", false},
	"$expand":  {"Expand", "Expand lists the relationships to return inline ($expand); an item may carry options of its own: \"members($select=id)\".", func() *jen.Statement { return jen.Index().String() }, "queryList", false},
	"$filter":  {"Filter", "Filter keeps the items the expression is true of ($filter): \"startswith(displayName,'a')\".", func() *jen.Statement { return jen.String() }, "", false},
	"$orderby": {"OrderBy", "OrderBy sorts the items ($orderby): \"displayName desc\".", func() *jen.Statement { return jen.Index().String() }, "queryList", false},
	"$search":  {"Search", "Search keeps the items that match ($search): \"\\\"displayName:wa\\\"\".", func() *jen.Statement { return jen.String() }, "", false},
	"$top":     {"Top", "Top is the page size ($top); 0 sends none.", func() *jen.Statement { return jen.Int() }, "queryInt", true},
	"$skip":    {"Skip", "Skip is the number of items to skip ($skip); 0 sends none.", func() *jen.Statement { return jen.Int() }, "queryInt", true},
	"$count":   {"Count", "Count asks for the number of items (@odata.count) beside them ($count=true).", func() *jen.Statement { return jen.Bool() }, "queryBool", false},
}

// TypedQueryOption reports whether an OData option (normalized) has a typed field.
func TypedQueryOption(name string) bool {
	_, ok := queryFields[name]
	return ok
}

// BuildQueryTypes renders, for each operation with typed query options, its <Operation>Query struct; with the client,
// its Option method; with the server, the function that reads the options of a call from its context.
func BuildQueryTypes(f *jen.File, ops []*Operation, out Outputs) {
	for _, op := range ops {
		q := op.Options
		if q == nil {
			continue
		}
		comment(f, q.Doc)
		f.Type().Id(q.Type).StructFunc(func(g *jen.Group) {
			for _, o := range q.Options {
				fl := queryFields[o]
				commentGroup(g, fl.doc)
				g.Id(fl.name).Add(fl.typ())
			}
			if q.Eventual {
				doc := "Eventual sends ConsistencyLevel: eventual, which the docs say some queries need (advanced queries on directory objects)."
				if len(q.EventualFor) > 0 {
					doc += " Option sends it anyway when " + eventualWhen(q) + " is set."
				}
				commentGroup(g, doc)
				g.Id("Eventual").Bool()
			}
		})
		f.Line()
		if out.Client {
			comment(f, "Option returns the RequestOption that sends the options that are set, a space encoded as %20.")
			f.Func().Params(jen.Id("q").Id(q.Type)).Id("Option").Params().Id("RequestOption").BlockFunc(func(g *jen.Group) {
				eventual := jen.Lit(false)
				if q.Eventual {
					eventual = jen.Id("q").Dot("Eventual")
					for _, o := range q.EventualFor {
						fl := queryFields[o]
						switch fl.send {
						case "queryBool":
							eventual = eventual.Op("||").Id("q").Dot(fl.name)
						case "queryList":
							eventual = eventual.Op("||").Len(jen.Id("q").Dot(fl.name)).Op(">").Lit(0)
						case "queryInt":
							eventual = eventual.Op("||").Id("q").Dot(fl.name).Op(">").Lit(0)
						default:
							eventual = eventual.Op("||").Id("q").Dot(fl.name).Op("!=").Lit("")
						}
					}
				}
				args := []jen.Code{eventual}
				for _, o := range q.Options {
					fl := queryFields[o]
					value := jen.Id("q").Dot(fl.name)
					if fl.send != "" {
						value = jen.Id(fl.send).Call(jen.Id("q").Dot(fl.name))
					}
					args = append(args, jen.Id("queryPair").Values(jen.Lit(o), value))
				}
				g.Return(jen.Id("queryOption").Call(args...))
			})
			f.Line()
		}
		if out.Server {
			comment(f, q.From+" returns the options of "+q.Type+" that a call of the server's handler carries; a Server method calls it with its ctx.")
			f.Func().Id(q.From).Params(jen.Id("ctx").Qual("context", "Context")).Params(jen.Id("q").Id(q.Type)).BlockFunc(func(g *jen.Group) {
				g.Id("o").Op(":=").Id("RouteFromContext").Call(jen.Id("ctx")).Dot("Query")
				for _, o := range q.Options {
					fl := queryFields[o]
					if fl.serverPointer {
						g.If(jen.Id("o").Dot(fl.name).Op("!=").Nil()).Block(jen.Id("q").Dot(fl.name).Op("=").Op("*").Id("o").Dot(fl.name))
						continue
					}
					g.Id("q").Dot(fl.name).Op("=").Id("o").Dot(fl.name)
				}
				if q.Eventual {
					g.If(jen.Id("r").Op(":=").Id("RequestFromContext").Call(jen.Id("ctx")), jen.Id("r").Op("!=").Nil()).Block(
						jen.Id("q").Dot("Eventual").Op("=").Qual("strings", "EqualFold").Call(
							jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("ConsistencyLevel")), jen.Lit("eventual")))
				}
				g.Return()
			})
			f.Line()
		}
	}
}

// eventualWhen names the fields that send ConsistencyLevel: "Search or Count".
func eventualWhen(q *QueryOptions) string {
	s := ""
	for i, o := range q.EventualFor {
		switch {
		case i == 0:
		case i == len(q.EventualFor)-1:
			s += " or "
		default:
			s += ", "
		}
		s += queryFields[o].name
	}
	return s
}

// eventualFirst puts ConsistencyLevel: eventual before the caller's options, so that a caller's WithHeader still wins.
func eventualFirst() jen.Code {
	return jen.Id("opts").Op("=").Append(jen.Index().Id("RequestOption").Values(jen.Id("WithHeader").Call(jen.Lit("ConsistencyLevel"), jen.Lit("eventual"))), jen.Id("opts").Op("..."))
}

package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// BuildEnum renders an enum: a named string type, a constant per documented member, and IsKnown. Values the docs do not
// list decode and re-encode unchanged, so a newer service's value is never lost. A flags enum's value is its wire
// form ("password, sms") and it gets set methods.
//
// A member the docs call "null" (ageGroup's null, say) is no value: JSON null is the null state of the Optional that
// holds the enum, so the member gets no constant — a constant would send the string "null" — and IsKnown refuses the
// string "null".
func BuildEnum(f *jen.File, e *Enum) {
	doc, members := e.Doc, nonNullMembers(e.Members)
	if len(members) < len(e.Members) {
		doc += ` The docs list "null" among its values: that is JSON null, the null state of the Optional holding it.`
	}
	e = &Enum{Name: e.Name, FullName: e.FullName, Doc: doc, Flags: e.Flags, Evolvable: e.Evolvable, Members: members}
	comment(f, e.Doc)
	f.Type().Id(e.Name).String()
	f.Line()
	if len(e.Members) > 0 {
		f.Add(lineComment("Documented values of " + e.Name + "."))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, m := range e.Members {
				if m.Doc != "" {
					commentGroup(g, m.Doc)
				}
				g.Id(m.Const).Id(e.Name).Op("=").Lit(m.Value)
			}
		})
		f.Line()
	}
	known := func(v string) jen.Code {
		if len(e.Members) == 0 {
			return jen.Return(jen.False())
		}
		return jen.Switch(jen.Id(v)).Block(
			jen.CaseFunc(func(g *jen.Group) {
				for _, m := range e.Members {
					g.Id(m.Const)
				}
			}).Block(jen.Return(jen.True())),
		)
	}
	if !e.Flags {
		f.Add(lineComment("IsKnown reports whether v is a documented value. Other values are kept as they came, not rejected."))
		body := []jen.Code{known("v")}
		if len(e.Members) > 0 {
			body = append(body, jen.Return(jen.False()))
		}
		f.Func().Params(jen.Id("v").Id(e.Name)).Id("IsKnown").Params().Bool().Block(body...)
		f.Line()
		return
	}
	f.Add(lineComment("IsKnown reports whether every member of v is a documented value."))
	inner := []jen.Code{known("f")}
	if len(e.Members) > 0 {
		inner = append(inner, jen.Return(jen.False()))
	}
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("IsKnown").Params().Bool().Block(
		jen.Return(jen.Id("flagsKnown").Call(jen.Id("v"), jen.Func().Params(jen.Id("f").Id(e.Name)).Bool().Block(inner...))),
	)
	f.Add(lineComment("Has reports whether v holds every member of flag."))
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("Has").Params(jen.Id("flag").Id(e.Name)).Bool().Block(
		jen.Return(jen.Id("flagsHas").Call(jen.Id("v"), jen.Id("flag"))),
	)
	f.Add(lineComment("With returns v with the members of flags added."))
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("With").Params(jen.Id("flags").Op("...").Id(e.Name)).Id(e.Name).Block(
		jen.Return(jen.Id("flagsWith").Call(jen.Id("v"), jen.Id("flags").Op("..."))),
	)
	f.Add(lineComment("Without returns v without the members of flags."))
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("Without").Params(jen.Id("flags").Op("...").Id(e.Name)).Id(e.Name).Block(
		jen.Return(jen.Id("flagsWithout").Call(jen.Id("v"), jen.Id("flags").Op("..."))),
	)
	f.Add(lineComment("Members returns the members of v, one flag each."))
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("Members").Params().Index().Id(e.Name).Block(
		jen.Return(jen.Id("flagsOf").Call(jen.Id("v"))),
	)
	f.Line()
}

// nonNullMembers leaves out a member named "null" (any case): it stands for JSON null, not for a string.
func nonNullMembers(members []*EnumMember) []*EnumMember {
	var out []*EnumMember
	for _, m := range members {
		if !strings.EqualFold(m.Value, "null") {
			out = append(out, m)
		}
	}
	return out
}

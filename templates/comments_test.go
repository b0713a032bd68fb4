package templates

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// hostileTexts are descriptions that would end a comment, start a directive or break the source.
var hostileTexts = []string{
	`/* */ X int }; func init() { println("INJECTED") }; type Injected struct { //`,
	"*/ func init() { panic(1) } /*",
	"/*/ */*/*/",
	"a\nfunc init() { panic(1) }\n//",
	"a\r\nb\u2028c\u2029d\x00e\ufefff\u202eg\u0085h\x7fi\tj",
	"\xff\xfe invalid \xc3",
	"+build ignore",
	"  +build linux",
	"//go:generate rm -rf /",
	"//line x.go:1",
	"PO\nTS",
	"a." + strings.Repeat("`", 63) + "n" + strings.Repeat("`", 27) + "d ''''' x",
	"",
}

func TestCommentLine(t *testing.T) {
	for _, text := range hostileTexts {
		line := CommentLine(text)
		switch {
		case !strings.HasPrefix(line, "// ") && line != "//":
			t.Errorf("CommentLine(%q) = %q: not a line comment", text, line)
		case strings.ContainsAny(line, "\n\r\x00\ufeff\u202e\u2028\u2029\u0085\x7f\t"), !utf8.ValidString(line):
			t.Errorf("CommentLine(%q) = %q: holds a character a comment must not", text, line)
		case strings.Contains(line, "/*"), strings.Contains(line[2:], "*/"):
			t.Errorf("CommentLine(%q) = %q: holds a comment delimiter", text, line)
		case strings.HasPrefix(strings.TrimSpace(line[2:]), "+build"):
			t.Errorf("CommentLine(%q) = %q: a build constraint", text, line)
		}
	}
	if got := CommentLine("Keep this: a * b / c, x/y*z."); got != "// Keep this: a * b / c, x/y*z." {
		t.Errorf("ordinary text changed: %q", got)
	}
}

// TestCommentsStayComments renders each hostile text through every comment path — a doc comment, a comment in a
// block, the package doc — and wants a file whose only declaration is the one it declared.
func TestCommentsStayComments(t *testing.T) {
	for _, text := range hostileTexts {
		f := jen.NewFile("p")
		comment(f, text+"\n\n  "+text+"\n\n"+text)
		f.Type().Id("T").StructFunc(func(g *jen.Group) {
			commentGroup(g, text)
			g.Id("F").String()
		})
		var b bytes.Buffer
		if err := f.Render(&b); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		// jennifer has gofmt'd it; a second gofmt must change nothing (an unindented line after a code block
		// would become a heading).
		if again, err := format.Source(b.Bytes()); err != nil || !bytes.Equal(again, b.Bytes()) {
			t.Errorf("%q: not gofmt's fixed point (%v):\n%s", text, err, b.Bytes())
		}
		file, err := parser.ParseFile(token.NewFileSet(), "p.go", b.Bytes(), parser.ParseComments)
		if err != nil {
			t.Fatalf("%q: %v\n%s", text, err, b.Bytes())
		}
		if len(file.Decls) != 1 {
			t.Errorf("%q: %d declarations\n%s", text, len(file.Decls), b.Bytes())
		}
		doc, err := RenderDoc("p", text+"\n\n"+text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if file, err := parser.ParseFile(token.NewFileSet(), "doc.go", doc, parser.ParseComments); err != nil || len(file.Decls) != 0 {
			t.Errorf("%q: doc.go: %v\n%s", text, err, doc)
		}
	}
}

func TestCheckIdent(t *testing.T) {
	for _, ok := range []string{"User", "registerUserRoutes", "X3d", "type_"} {
		if err := CheckIdent(ok); err != nil {
			t.Errorf("CheckIdent(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "_", "init", "nil", "string", "type", "a b", "x}", "3d", "a.b", "X\u202e"} {
		if CheckIdent(bad) == nil {
			t.Errorf("CheckIdent(%q) accepts it", bad)
		}
	}
	f := &File{Name: "x.go", Structs: []*Struct{{Name: "T", Fields: []*Field{{Name: "X int }; func init() {", JSON: "x", Type: Named("string")}}}}}
	if _, err := RenderFile("p", f, Outputs{Models: true}); err == nil {
		t.Error("RenderFile renders a field name that is not an identifier")
	}
}

package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// ageGroupModel has the corpus's ageGroup enum, whose docs list "null" among its values, on a user.
func ageGroupModel() *model.Model {
	const ns = "microsoft.graph"
	ageGroup := &model.Type{Kind: model.KindEnum, Namespace: ns, Name: "ageGroup",
		Members: []*model.EnumMember{{Name: "null"}, {Name: "minor"}, {Name: "notAdult"}, {Name: "adult"}}}
	user := &model.Type{Kind: model.KindEntity, Namespace: ns, Name: "user", Properties: []*model.Property{
		{Name: "id", Type: model.TypeRef{Name: "Edm.String", Kind: model.KindPrimitive}},
		{Name: "ageGroup", Type: model.TypeRef{Name: ns + ".ageGroup", Kind: string(model.KindEnum)}},
	}}
	m := &model.Model{Types: []*model.Type{ageGroup, user}}
	m.Sort()
	return m
}

func TestEnumNullMemberHasNoConstant(t *testing.T) {
	files, err := Generate(ageGroupModel(), Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(files["age.go"])
	if strings.Contains(src, `= "null"`) || strings.Contains(src, "AgeGroupNull") {
		t.Errorf("the null member has a constant:\n%s", src)
	}
	if !strings.Contains(src, "AgeGroupMinor") || !strings.Contains(src, `= "minor"`) || !strings.Contains(src, "JSON null") {
		t.Errorf("want the other members and a doc saying null is JSON null:\n%s", src)
	}
}

// TestEnumNullRoundTrip compiles the package and runs a test in it: JSON null decodes to the Optional's null state
// and encodes back as null; a value decodes and encodes as itself; the string "null" is not a known value.
func TestEnumNullRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds and tests a generated package")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	files, err := Generate(ageGroupModel(), Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files["go.mod"] = []byte("module x\n\ngo 1.24\n")
	files["null_test.go"] = []byte(`package graph

import (
	"encoding/json"
	"testing"
)

func TestAgeGroupNull(t *testing.T) {
	for _, c := range []struct{ in, want string; state OptionalState }{
		{` + "`" + `{"ageGroup":null}` + "`" + `, ` + "`" + `{"ageGroup":null}` + "`" + `, Null},
		{` + "`" + `{"ageGroup":"minor"}` + "`" + `, ` + "`" + `{"ageGroup":"minor"}` + "`" + `, Present},
		{` + "`" + `{}` + "`" + `, ` + "`" + `{}` + "`" + `, Absent},
	} {
		var u User
		if err := json.Unmarshal([]byte(c.in), &u); err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if u.AgeGroup.State != c.state {
			t.Errorf("%s: state %v, want %v", c.in, u.AgeGroup.State, c.state)
		}
		out, err := json.Marshal(&u)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != c.want {
			t.Errorf("%s re-encodes as %s, want %s", c.in, out, c.want)
		}
	}
	if AgeGroup("null").IsKnown() || !AgeGroupMinor.IsKnown() {
		t.Error("the string null must not be a known AgeGroup; minor must be")
	}
}
`)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goTool, "test", "-run", "TestAgeGroupNull", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test in the generated package: %v\n%s", err, out)
	}
}

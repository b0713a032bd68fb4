package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

func TestInlineValuesPhrasings(t *testing.T) {
	tests := []struct {
		desc  string
		want  string
		flags bool
	}{
		{"The type. Possible values are: `mobile`, `alternateMobile`, `office`.", "mobile,alternateMobile,office", false},
		{"The possible values are: `none`, `perUserMfaEnabled`, `unknownFutureValue`.", "none,perUserMfaEnabled,unknownFutureValue", false},
		{"Possible values are `a`, `b`, and `c`. Read-only.", "a,b,c", false},
		{"Allowed values: `null`, `minor`, `notAdult` and `adult`.", "minor,notAdult,adult", false},
		{"Valid values are `D7`, `D30`, `D90`, or `D180`.", "D7,D30,D90,D180", false},
		{"Supported values are: `x`, `y`.", "x,y", false},
		{"The value can be one of `low`, `medium`, `high`.", "low,medium,high", false},
		{"It is one of the following values: `on`, `off`.", "on,off", false},
		{"The possible values of this flagged enum are: password, voice, sms, unknownFutureValue. For the list, call the API.", "password,voice,sms,unknownFutureValue", true},
		{"Possible values are: `a` (the first), `b`.", "a,b", false},
		{"No list here, just values mentioned in prose.", "", false},
		{"The value of the thing.", "", false},
	}
	for _, tt := range tests {
		got, flags := inlineValues(tt.desc)
		if strings.Join(got, ",") != tt.want || flags != tt.flags {
			t.Errorf("%q: got %v flags %v, want %s flags %v", tt.desc, got, flags, tt.want, tt.flags)
		}
	}
}

func TestEnumPage(t *testing.T) {
	src := fm("enumPageType") + `
# authenticationMethodModes enum type

Namespace: microsoft.graph

This flagged enumeration allows multiple members to be selected simultaneously.

## Members

| Member | Description |
|:-------|:------------|
| password | Password. |
| ` + "`sms`" + ` | SMS. |
| unknownFutureValue | Evolvable enumeration sentinel value. |
`
	res := page(t, "resources/authenticationmethodmodes.md", src)
	if len(res.types) != 1 {
		t.Fatalf("types %+v", res.types)
	}
	e := res.types[0]
	if e.Kind != model.KindEnum || e.Name != "authenticationMethodModes" || !e.Flags || !e.Evolvable || len(e.Members) != 3 || e.Members[1].Name != "sms" {
		t.Errorf("enum %+v members %+v", e, e.Members)
	}
	if e.Members[0].Pos.Line != lineOf(t, src, "| password") {
		t.Errorf("member position %v", e.Members[0].Pos)
	}
}

func TestAggregateEnumValues(t *testing.T) {
	src := fm("enumPageType") + `
# Enum values

Namespace: microsoft.graph.callRecords

### modality values

|Member|Value|Description|
|:---|:---|:---|
|audio|0|Audio.|
|video|1|Video.|
|unknownFutureValue|2|Sentinel.|

### flagged values

| Member | Value |
|:---|:---|
| none | 0 |
| a | 1 |
| b | 2 |
| c | 4 |
| d | 8 |

### weekIndex values

|Member|
|:---|
|first|
|first|
`
	res := page(t, "resources/enums.md", src)
	byName := map[string]*model.Type{}
	for _, ty := range res.types {
		byName[ty.Name] = ty
	}
	m := byName["modality"]
	if m == nil || m.Namespace != "microsoft.graph.callRecords" || !m.Evolvable || m.Flags || *m.Members[1].Value != 1 {
		t.Errorf("modality %+v", m)
	}
	if f := byName["flagged"]; f == nil || !f.Flags {
		t.Errorf("power-of-two values should make a flags enum: %+v", f)
	}
	if w := byName["weekIndex"]; w == nil || len(w.Members) != 1 || !hasDiag(res.diags, "duplicate-member", 0) {
		t.Errorf("duplicate member not reported: %+v\n%s", w, diagList(res.diags))
	}
}

func TestPowerOfTwo(t *testing.T) {
	vals := func(vs ...int64) []*model.EnumMember {
		var out []*model.EnumMember
		for _, v := range vs {
			v := v
			out = append(out, &model.EnumMember{Value: &v})
		}
		return out
	}
	if powerOfTwoValues(vals(0, 1, 2, 3)) || powerOfTwoValues(vals(0, 1, 2)) || !powerOfTwoValues(vals(0, 1, 2, 4, 8)) || !powerOfTwoValues(vals(1, 2, 4)) {
		t.Error("powerOfTwoValues misclassifies")
	}
}

package parser

import (
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// A bold single-cell row over the rows it groups (the Intune properties tables) is no property.
func TestGroupHeadingRow(t *testing.T) {
	row := func(cells ...string) model.Row {
		r := model.Row{}
		for _, c := range cells {
			r.Cells = append(r.Cells, model.Cell{Text: c})
		}
		return r
	}
	for _, tc := range []struct {
		r    model.Row
		want bool
	}{
		{row("**Device management**"), true},
		{row("**Device configuration**", "", ""), true},
		{row("**id**", "String", "The id."), false},
		{row("id"), false},
		{row("**a** and **b**"), false},
		{row("****"), false},
	} {
		if got := groupHeadingRow(tc.r); got != tc.want {
			t.Errorf("groupHeadingRow(%q) = %v, want %v", tc.r.Cells, got, tc.want)
		}
	}
}

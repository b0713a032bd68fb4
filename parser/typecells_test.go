package parser

import "testing"

func TestParseTypeCell(t *testing.T) {
	refs := map[string]string{"user-ref": "../resources/user.md", "driveitem": "driveitem.md"}
	tests := []struct {
		cell       string
		name       string
		collection bool
		primitive  bool
		link       string
		enumHint   bool
		problem    bool
	}{
		{cell: "String", name: "Edm.String", primitive: true},
		{cell: "string", name: "Edm.String", primitive: true},
		{cell: "Int32", name: "Edm.Int32", primitive: true},
		{cell: "int", name: "Edm.Int32", primitive: true},
		{cell: "Int64", name: "Edm.Int64", primitive: true},
		{cell: "Boolean", name: "Edm.Boolean", primitive: true},
		{cell: "bool", name: "Edm.Boolean", primitive: true},
		{cell: "DateTimeOffset", name: "Edm.DateTimeOffset", primitive: true},
		{cell: "Date", name: "Edm.Date", primitive: true},
		{cell: "TimeOfDay", name: "Edm.TimeOfDay", primitive: true},
		{cell: "Duration", name: "Edm.Duration", primitive: true},
		{cell: "GUID", name: "Edm.Guid", primitive: true},
		{cell: "Binary", name: "Edm.Binary", primitive: true},
		{cell: "Stream", name: "Edm.Stream", primitive: true},
		{cell: "Double", name: "Edm.Double", primitive: true},
		{cell: "Single", name: "Edm.Single", primitive: true},
		{cell: "Edm.String", name: "Edm.String", primitive: true},
		{cell: "`Edm.DateTimeOffset`", name: "Edm.DateTimeOffset", primitive: true},
		{cell: "`Edm.boolean `", name: "Edm.Boolean", primitive: true},
		{cell: "Json", name: "microsoft.graph.Json", primitive: true},
		{cell: "String collection", name: "Edm.String", collection: true, primitive: true},
		{cell: "Collection(String)", name: "Edm.String", collection: true, primitive: true},
		{cell: "collection(Edm.String)", name: "Edm.String", collection: true, primitive: true},
		{cell: "[user](../resources/user.md)", name: "user", link: "../resources/user.md"},
		{cell: "[user](user.md) collection", name: "user", collection: true, link: "user.md"},
		{cell: "[**driveItem**][driveitem]", name: "driveItem", link: "driveitem.md"},
		{cell: "[user][user-ref] collection", name: "user", collection: true, link: "../resources/user.md"},
		// Shortcut reference links: the label is the type; a missing definition is a problem, not a missing type.
		{cell: "[provisionedPlan] collection", name: "provisionedPlan", collection: true, problem: true},
		{cell: "[driveItem]", name: "driveItem", link: "driveitem.md"},
		{cell: "String[]", name: "Edm.String", collection: true, primitive: true},
		{cell: "Collection([user](user.md))", name: "user", collection: true, link: "user.md"},
		{cell: "[ageGroup](#agegroup-values)", name: "ageGroup", link: "#agegroup-values"},
		{cell: "authenticationPhoneType", name: "authenticationPhoneType"},
		{cell: "riskLevel collection", name: "riskLevel", collection: true},
		{cell: "fido2RestrictionEnforcementType enum", name: "fido2RestrictionEnforcementType", enumHint: true},
		{cell: "[authenticationMethodModes](x.md) collection", name: "authenticationMethodModes", collection: true, link: "x.md"},
		{cell: "microsoft.graph.callRecords.modality collection", name: "microsoft.graph.callRecords.modality", collection: true},
		{cell: "Collection(microsoft.graph.columnDefinition)", name: "microsoft.graph.columnDefinition", collection: true},
		{cell: "**dateTimeTimeZone**", name: "dateTimeTimeZone"},
		{cell: "string, maximum size 20", name: "Edm.String", primitive: true, problem: true},
		{cell: "string (url)", name: "Edm.String", primitive: true},
		{cell: "[a](a.md) or [b](b.md)", name: "a", link: "a.md", problem: true},
		{cell: "", problem: true},
		{cell: "eventual. This header is required when using `$search`.", problem: true},
	}
	for _, tt := range tests {
		tc, problem := parseTypeCell(tt.cell, refs)
		if (problem != "") != tt.problem {
			t.Errorf("%q: problem = %q, want problem %v", tt.cell, problem, tt.problem)
		}
		if tt.name == "" {
			continue
		}
		if tc.name != tt.name || tc.collection != tt.collection || tc.primitive != tt.primitive || tc.link != tt.link || tc.enumHint != tt.enumHint {
			t.Errorf("%q: got %+v, want name %q collection %v primitive %v link %q enum %v",
				tt.cell, tc, tt.name, tt.collection, tt.primitive, tt.link, tt.enumHint)
		}
	}
}

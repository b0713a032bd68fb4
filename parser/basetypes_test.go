package parser

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/model"
)

// derivedPages are small pages after the real ones that list their derived types: meetinginfo.md's "## Derived
// types" table, educationoutcome.md's sentence, apiauthenticationconfigurationbase.md's "Derived types include:"
// list, and the media-quality pages (teleconferencedevicemediaquality.md lists screen-sharing quality, which
// derives from video quality, which it lists too).
func derivedPages() map[string]string {
	entity := resource("entity", "microsoft.graph", "The base.", "| id | String | The id. Read-only. |\n", `  "keyProperty": "id",`, `{"id": "String"}`)
	plain := func(name, intro string) string {
		return resource(name, "microsoft.graph", intro, "| "+name+"Prop | String | A property. |\n", ``, `{"`+name+`Prop": "String"}`)
	}
	return map[string]string{
		"resources/entity.md": entity,
		"resources/meetinginfo.md": fm("resourcePageType") + "\n# meetingInfo resource type\n\nNamespace: microsoft.graph\n\nAn abstract class that contains meeting info.\n\n" +
			"## Derived types\n\n| Type | Description |\n|:-----|:-----|\n| [organizerMeetingInfo](./organizermeetinginfo.md) | Details about the organizer. |\n| [tokenMeetingInfo](tokenmeetinginfo.md) | An encrypted token. |\n\n" +
			"## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.meetingInfo\"\n}-->\n```json\n{}\n```\n",
		"resources/organizermeetinginfo.md": plain("organizerMeetingInfo", "Details about the organizer."),
		"resources/tokenmeetinginfo.md":     plain("tokenMeetingInfo", "An encrypted token."),
		"resources/educationoutcome.md": resource("educationOutcome", "microsoft.graph", "The result of grading an assignment.\n\nThis is a base class; the derived types are [educationFeedbackOutcome](educationfeedbackoutcome.md), [educationPointsOutcome](educationpointsoutcome.md), and [educationRubricOutcome](educationrubricoutcome.md).",
			"| id | String | The id. |\n", `  "keyProperty": "id",`, `{"id": "String"}`),
		// Keyed by id with no stated base: by convention it would derive from entity, but the base page wins.
		"resources/educationfeedbackoutcome.md": resource("educationFeedbackOutcome", "microsoft.graph", "Feedback.", "| id | String | The id. |\n| feedback | String | Text. |\n", `  "keyProperty": "id",`, `{"id": "String"}`),
		"resources/educationpointsoutcome.md":   plain("educationPointsOutcome", "Points."),
		// Its own page names another base: it keeps it, and the disagreement is reported.
		"resources/educationrubricoutcome.md":             plain("educationRubricOutcome", "A rubric outcome. Inherits from [meetingInfo](meetinginfo.md)."),
		"resources/apiauthenticationconfigurationbase.md": plain("apiAuthenticationConfigurationBase", "The base type to hold authentication information for calling an API.\n\nDerived types include:\n- [basicAuthentication](basicauthentication.md) for HTTP basic authentication\n- [pkcs12Certificate](pkcs12certificate.md) for client certificates"),
		"resources/basicauthentication.md":                plain("basicAuthentication", "Basic."),
		"resources/pkcs12certificate.md":                  plain("pkcs12Certificate", "A certificate. Inherits from [apiAuthenticationConfigurationBase](apiauthenticationconfigurationbase.md)."),
		"resources/teleconferencedevicemediaquality.md": fm("resourcePageType") + "\n# teleconferenceDeviceMediaQuality resource type\n\nNamespace: microsoft.graph\n\nMedia quality.\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| remotePort | Int32 | The port. |\n\n" +
			"### Derived types\n\n| Type | Description |\n|:---|:---|\n| [teleconferenceDeviceVideoQuality](teleconferencedevicevideoquality.md) | Video. |\n| [teleconferenceDeviceScreenSharingQuality](teleconferencedevicescreensharingquality.md) | Screen sharing. |\n",
		"resources/teleconferencedevicevideoquality.md": fm("resourcePageType") + "\n# teleconferenceDeviceVideoQuality resource type\n\nNamespace: microsoft.graph\n\nVideo quality.\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| frameRate | Double | The rate. |\n\n" +
			"### Derived types\n\n| Type | Description |\n|:---|:---|\n| [teleconferenceDeviceScreenSharingQuality](teleconferencedevicescreensharingquality.md) | Screen sharing. |\n",
		"resources/teleconferencedevicescreensharingquality.md": plain("teleconferenceDeviceScreenSharingQuality", "Screen sharing quality."),
		// callrecords-useragent.md (beta) names its derived types before the phrase, over two lines.
		"resources/useragent.md":        plain("userAgent", "Describes the user agent. The [clientUserAgent](clientuseragent.md) and\n[serviceUserAgent](serviceuseragent.md)) types inherit from this type."),
		"resources/clientuseragent.md":  plain("clientUserAgent", "A client."),
		"resources/serviceuseragent.md": plain("serviceUserAgent", "A service."),
		// accesspackagequestion.md (beta).
		"resources/accesspackagequestion.md":          plain("accessPackageQuestion", "A question. Subtypes include [accessPackageTextInputQuestions](accesspackagetextinputquestion.md) and [accessPackageMultipleChoiceQuestions](accesspackagemultiplechoicequestion.md)."),
		"resources/accesspackagetextinputquestion.md": plain("accessPackageTextInputQuestion", "Text input."),
	}
}

func TestDerivedListBases(t *testing.T) {
	pages := derivedPages()
	m := docs(t, pages)
	base := func(name string) *model.Type {
		t.Helper()
		ty := m.Type("microsoft.graph." + name)
		if ty == nil {
			t.Fatalf("%s missing\n%s", name, diagList(m.Diagnostics))
		}
		return ty
	}
	for _, c := range []struct {
		name, base string
		source     model.BaseSource
		at         string // page and the text of the line BasePos points at
	}{
		{"organizerMeetingInfo", "meetingInfo", model.BaseFromDerivedList, "resources/meetinginfo.md|[organizerMeetingInfo]"},
		{"tokenMeetingInfo", "meetingInfo", model.BaseFromDerivedList, "resources/meetinginfo.md|[tokenMeetingInfo]"},
		{"educationFeedbackOutcome", "educationOutcome", model.BaseFromDerivedList, "resources/educationoutcome.md|the derived types are"},
		{"educationPointsOutcome", "educationOutcome", model.BaseFromDerivedList, "resources/educationoutcome.md|the derived types are"},
		{"educationRubricOutcome", "meetingInfo", model.BaseFromProse, "resources/educationrubricoutcome.md|Inherits from"},
		{"basicAuthentication", "apiAuthenticationConfigurationBase", model.BaseFromDerivedList, "resources/apiauthenticationconfigurationbase.md|- [basicAuthentication]"},
		{"pkcs12Certificate", "apiAuthenticationConfigurationBase", model.BaseFromProse, "resources/pkcs12certificate.md|Inherits from"},
		{"teleconferenceDeviceVideoQuality", "teleconferenceDeviceMediaQuality", model.BaseFromDerivedList, "resources/teleconferencedevicemediaquality.md|[teleconferenceDeviceVideoQuality]"},
		{"clientUserAgent", "userAgent", model.BaseFromDerivedList, "resources/useragent.md|The [clientUserAgent]"},
		{"serviceUserAgent", "userAgent", model.BaseFromDerivedList, "resources/useragent.md|[serviceUserAgent]"},
		// The label is a plural; the link names the page.
		{"accessPackageTextInputQuestion", "accessPackageQuestion", model.BaseFromDerivedList, "resources/accesspackagequestion.md|Subtypes include"},
		{"teleconferenceDeviceScreenSharingQuality", "teleconferenceDeviceVideoQuality", model.BaseFromDerivedList, "resources/teleconferencedevicevideoquality.md|[teleconferenceDeviceScreenSharingQuality]"},
	} {
		ty := base(c.name)
		if ty.BaseType != "microsoft.graph."+c.base || ty.BaseSource != c.source {
			t.Errorf("%s: base %q from %q, want %s from %s", c.name, ty.BaseType, ty.BaseSource, c.base, c.source)
			continue
		}
		file, text, _ := strings.Cut(c.at, "|")
		if ty.BasePos.File != file || ty.BasePos.Line != lineOf(t, pages[file], text) {
			t.Errorf("%s: base at %s, want %s:%d", c.name, ty.BasePos, file, lineOf(t, pages[file], text))
		}
		if c.source == model.BaseFromDerivedList && (!strings.Contains(ty.BaseReason, "derived types of "+c.base) || !strings.Contains(ty.BaseReason, ty.BasePos.String())) {
			t.Errorf("%s: reason %q should name %s and %s", c.name, ty.BaseReason, c.base, ty.BasePos)
		}
	}
	rubric := pages["resources/educationrubricoutcome.md"]
	if !hasDiag(m.Diagnostics, "base-type-conflict", lineOf(t, rubric, "Inherits from")) {
		t.Errorf("educationRubricOutcome's page and educationOutcome's list disagree; want base-type-conflict\n%s", diagList(m.Diagnostics))
	}
	conflicts := 0
	for _, d := range m.Diagnostics {
		if d.Rule == "base-type-conflict" {
			conflicts++
		}
	}
	if conflicts != 1 {
		t.Errorf("only educationRubricOutcome's page disagrees with a list (pkcs12Certificate's agrees): %d conflicts\n%s", conflicts, diagList(m.Diagnostics))
	}
	// educationOutcome itself is keyed by id and states no base: the convention, marked as such.
	if o := base("educationOutcome"); o.BaseType != "microsoft.graph.entity" || o.BaseSource != model.BaseFromConvention || !o.BasePos.IsZero() || !strings.Contains(o.BaseReason, "convention") {
		t.Errorf("educationOutcome: base %q from %q at %s (%q), want entity by convention, at no position", o.BaseType, o.BaseSource, o.BasePos, o.BaseReason)
	}
	if b := base("meetingInfo"); b.BaseType != "" {
		t.Errorf("meetingInfo lists derived types and has none itself: %q", b.BaseType)
	}
}

// A paragraph after the introduction that speaks of derived types names no base ("The following methods apply
// to any of the derived types of attachments"), nor does a link to the base type itself.
func TestDerivedTypesOnlyFromTheIntroduction(t *testing.T) {
	pages := map[string]string{
		"resources/attachment.md": fm("resourcePageType") + "\n# attachment resource type\n\nNamespace: microsoft.graph\n\nAn attachment.\n\n## Methods\n\n" +
			"The following methods apply to any of the derived types of attachments: [fileAttachment](fileattachment.md) and [attachment](attachment.md).\n\n" +
			"## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| name | String | The name. |\n",
		"resources/fileattachment.md": resource("fileAttachment", "microsoft.graph", "A file.", "| contentBytes | Binary | The bytes. |\n", ``, `{}`),
	}
	m := docs(t, pages)
	if f := m.Type("microsoft.graph.fileAttachment"); f == nil || f.BaseType != "" {
		t.Errorf("fileAttachment should have no base: %+v", f)
	}
	if a := m.Type("microsoft.graph.attachment"); a == nil || len(a.DerivedListed) != 0 {
		t.Errorf("attachment lists no derived types in its introduction: %+v", a)
	}
}

// orgcontact.md annotates baseType entity but says "Inherits from [directoryObject](directoryobject.md)": the page
// contradicts itself, and the sentence, the more specific, is taken. Against another annotated base the
// annotation is kept; a sentence that names no linked type ("Inherits from the abstract base type ...") is no
// contradiction.
func TestProseContradictsAnnotation(t *testing.T) {
	withBase := func(name, base, intro string) string {
		return resource(name, "microsoft.graph", intro, "| id | String | The id. |\n", `  "keyProperty": "id",
  "baseType": "`+base+`",`, `{"id": "String"}`)
	}
	pages := map[string]string{
		"resources/entity.md":          resource("entity", "microsoft.graph", "The base.", "| id | String | The id. |\n", `  "keyProperty": "id",`, `{"id": "String"}`),
		"resources/directoryobject.md": withBase("directoryObject", "microsoft.graph.entity", "A directory object."),
		"resources/policybase.md":      withBase("policyBase", "microsoft.graph.directoryObject", "A policy."),
		"resources/orgcontact.md":      withBase("orgContact", "microsoft.graph.entity", "A contact.\n\nInherits from [directoryObject](directoryobject.md)."),
		"resources/stspolicy.md":       withBase("stsPolicy", "microsoft.graph.policyBase", "A policy. Inherits from [directoryObject](directoryobject.md)."),
		"resources/listener.md":        withBase("listener", "microsoft.graph.policyBase", "Inherits from the abstract base type [policyBase](policybase.md)."),
	}
	m := docs(t, pages)
	for _, c := range []struct {
		name, base string
		source     model.BaseSource
		conflict   string // the text of the line reported, or ""
	}{
		{"orgContact", "directoryObject", model.BaseFromProse, "Inherits from"},
		{"stsPolicy", "policyBase", model.BaseFromAnnotation, "Inherits from"},
		{"listener", "policyBase", model.BaseFromAnnotation, ""},
	} {
		ty := m.Type("microsoft.graph." + c.name)
		if ty == nil || ty.BaseType != "microsoft.graph."+c.base || ty.BaseSource != c.source {
			t.Errorf("%s: want base %s from %s, got %+v", c.name, c.base, c.source, ty)
			continue
		}
		file := "resources/" + strings.ToLower(c.name) + ".md"
		var got []model.Diagnostic
		for _, d := range m.Diagnostics {
			if d.Rule == "base-type-conflict" && d.Pos.File == file {
				got = append(got, d)
			}
		}
		switch {
		case c.conflict == "" && len(got) > 0:
			t.Errorf("%s: no contradiction, got %v", c.name, got)
		case c.conflict != "" && (len(got) != 1 || got[0].Pos.Line != lineOf(t, pages[file], c.conflict)):
			t.Errorf("%s: want one base-type-conflict at line %d, got %v", c.name, lineOf(t, pages[file], c.conflict), got)
		}
	}
}

// Sentences of real pages that name a base after words that say what it is, and one that names none.
func TestInheritsFromPhrasing(t *testing.T) {
	plain := func(name, intro string) string {
		return resource(name, "microsoft.graph", intro, "| "+name+"Prop | String | A property. |\n", ``, `{}`)
	}
	pages := map[string]string{
		"resources/gradebase.md": plain("gradeBase", "A grade."),
		// identityuserflow.md is titled "UserFlow resource type": the link finds the type its page documents.
		"resources/identityuserflow.md": fm("resourcePageType") + "\n# UserFlow resource type\n\nNamespace: microsoft.graph\n\nA user flow.\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| userFlowType | String | The type. |\n",
		// b2xidentityuserflow.md
		"resources/b2xflow.md": plain("b2xFlow", "A flow.\n\nInherits from base class [identityUserFlow](../resources/identityuserflow.md)."),
		// educationassignmentpointsgrade.md
		"resources/pointsgrade.md": plain("pointsGrade", "This creates a subclass from [gradeBase](gradebase.md) which will add the who data."),
		// authorizationpolicy.md: "base policy type" is no type's name.
		"resources/authpolicy.md": plain("authPolicy", "It's a singleton that inherits from base policy type, and always exists for the tenant."),
	}
	m := docs(t, pages)
	for name, want := range map[string]string{"b2xFlow": "microsoft.graph.UserFlow", "pointsGrade": "microsoft.graph.gradeBase", "authPolicy": ""} {
		if ty := m.Type("microsoft.graph." + name); ty == nil || ty.BaseType != want {
			t.Errorf("%s: want base %q, got %+v\n%s", name, want, ty, diagList(m.Diagnostics))
		}
	}
	for _, d := range m.Diagnostics {
		if d.Rule == "unresolved-base-type" {
			t.Errorf("the link finds the base: %s", d.Message)
		}
	}
}

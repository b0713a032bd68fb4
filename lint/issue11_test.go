package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readTree reads the pages under dir as path → text, paths relative to dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	pages := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") || filepath.Base(p) == "README.md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestIssue11Regressions lints trimmed copies of the real pages that showed each false-positive pattern of
// issue 11 (lint/testdata/issue11): the finding must be gone, and where the defect is the resource page's, it
// must be reported there instead.
func TestIssue11Regressions(t *testing.T) {
	type want struct {
		file, rule, text string // a finding of rule in file whose message contains text
	}
	cases := []struct {
		dir     string
		absent  []want // no finding of rule in file whose message contains text
		present []want
	}{
		{dir: "opentypeextension", // custom properties of an open extension
			absent: []want{{"api/opentypeextension-get.md", "unknown-property", "companyName"}}},
		{dir: "itemattachment", // an event as itemAttachment's item: "The attached contact, message or event."
			absent:  []want{{"api/event-post-attachments.md", "odata-type", "microsoft.graph.event"}},
			present: []want{{"resources/event.md", "unstated-base-type", "inherits from outlookItem"}}},
		{dir: "intune-group-heading", // |**Device management**| over the rows it groups
			absent: []want{{"resources/intune-shared-devicemanagement.md", "property-name", "Device"},
				{"resources/intune-shared-devicemanagement.md", "type-cell", ""}}},
		{dir: "relatedcontact-update", // PATCH /education/users/{id} sends an educationUser, as its table says
			absent: []want{{"api/relatedcontact-update.md", "request-body-property", "relatedContacts"},
				{"api/relatedcontact-update.md", "unknown-property", "relatedContacts"}}},
		{dir: "action-parameters", // POST …/assign: "Parameter" rows are the action's, not the resource's
			absent: []want{{"api/cloudpcprovisioningpolicy-assign.md", "request-body-property", "assignments"},
				{"api/cloudpcprovisioningpolicy-assign.md", "unknown-property", "assignments"}}},
		{dir: "representation-case", // the table says printerID, the JSON representation printerId
			absent:  []want{{"api/printusagebyprinter-get.md", "property-case", "printerId"}},
			present: []want{{"resources/printusagebyprinter.md", "property-case", "printerId"}}},
		// The false positives of precision sample 5 (lint/testdata/precision-sample.md), from their pages.
		{dir: "sample5-annotation-vs-response", // annotation educationResource, Response section and body educationSubmissionResource
			absent:  []want{{"api/educationsubmission-list-submittedresources.md", "unknown-property", `"resource"`}},
			present: []want{{"api/educationsubmission-list-submittedresources.md", "odata-type", "which the Response section names"}}},
		{dir: "sample5-definition-table", // "### Properties of a claims-mapping policy definition" describes definition's JSON
			absent: []want{{"resources/claimsmappingpolicy.md", "table-json", "Version"}}},
		{dir: "sample5-representation-contradiction", // the table says bool, the representation "string", the example a GUID
			absent:  []want{{"api/riskyuserhistoryitem-get.md", "value-type", "initiatedBy"}},
			present: []want{{"resources/riskyuserhistoryitem.md", "value-type", "initiatedBy"}}},
		{dir: "sample5-wrapped-value", // {"value": {"@odata.type": the entity itself}} although the entity has a value property
			absent:  []want{{"api/intune-grouppolicy-grouppolicypresentationvaluelongdecimal-get.md", "value-type", "value"}},
			present: []want{{"api/intune-grouppolicy-grouppolicypresentationvaluelongdecimal-get.md", "value-wrapper", "wraps it"}}},
		{dir: "sample5-update-table", // the example sends what the page's own table lists: reported once, at the rows
			absent:  []want{{"api/securescorecontrolprofile-update.md", "unknown-property", "assignedTo"}},
			present: []want{{"api/securescorecontrolprofile-update.md", "request-body-property", "assignedTo"}}},
		// The false positives of precision sample 6.
		{dir: "sample6-response-to-another-path", // the PATCH of an app definition, annotated teamsApp, on the publish page
			absent:  []want{{"api/teamsapp-publish.md", "unknown-property", "createdBy"}},
			present: []want{{"api/teamsapp-publish.md", "odata-type", "another path"}}},
		{dir: "sample6-subheading-type", // rows under "### appleIdentityProvider object"
			absent: []want{{"api/identityproviderbase-post-identityproviders.md", "request-body-property", "keyId"}}},
		// The false positives of precision sample 7.
		{dir: "sample7-unparsed-representation", // the JSON representation stops at a U+202F before "approvedLocation"
			absent:  []want{{"resources/timeclocksettings.md", "table-json", "approvedLocation"}},
			present: []want{{"resources/timeclocksettings.md", "json-syntax", "JSON representation"}}},
		{dir: "sample7-derived-collection", // outcomes annotated educationOutcome, whose page names its derived types
			absent: []want{{"api/educationsubmission-list-outcomes.md", "odata-type", "differs from the body's"},
				{"api/educationsubmission-list-outcomes.md", "unknown-property", `"id"`}},
			present: []want{{"resources/educationfeedbackoutcome.md", "base-type-elsewhere", "Inherits from [educationOutcome](educationoutcome.md)"}}},
		{dir: "sample7-bare-response", // "**Response**" over a ```json block with no status line or annotation
			absent:  []want{{"api/dynamics-customerpaymentsjournal-get.md", "request-without-response", "has no response example after it"}},
			present: []want{{"api/dynamics-customerpaymentsjournal-get.md", "request-without-response", "bare JSON block (line 65)"}}},
		{dir: "sample7-value-content", // GET …/defaultPages/{id}/$value answers with the page's strings, not the resource
			absent:  []want{{"api/userflowlanguagepage-get.md", "unknown-property", "LocalizedStrings"}},
			present: []want{{"api/userflowlanguagepage-get.md", "odata-type", "GET of …/$value"}}},
		// Sample 8 (seed 2036): its false findings, on copies of the real pages.
		{dir: "sample8-type-cell-alternatives", // mediaConfig is "[appHostedMediaConfig] or [serviceHostedMediaConfig]"
			absent: []want{{"api/call-get.md", "odata-type", "serviceHostedMediaConfig is neither"}}},
		{dir: "sample8-zip-body", // Content-type: application/zip: the body is no JSON to check
			absent: []want{{"api/teamsapp-publish.md", "json-syntax", ""}}},
		{dir: "sample8-stream-content", // a OneNote page's content is its HTML, not base64
			absent: []want{{"api/page-get.md", "value-format", "content is Edm.Stream"}}},
		{dir: "sample8-error-response", // a 400's {"error": …} is OData's error, not a message
			absent: []want{{"api/message-createreply.md", "unknown-property", `"error"`}}},
		{dir: "sample8-truncated-length", // shortened and indented: 83 bytes on the page, 81 or fewer on the wire
			absent: []want{{"api/tablecolumn-get.md", "content-length", "Content-Length is 81 "},
				{"api/message-post-attachments.md", "content-length", "Content-Length is 162 "}},
			present: []want{{"api/message-post-attachments.md", "content-length", "Content-Length is 202 "}}}, // 218 bytes even compact
		{dir: "sample9-reason-both-ways", // "200 Created" on a create whose example answers 201: either side may be wrong
			present: []want{{"api/intune-cirrus-officeclientconfigurationassignment-create.md", "reason-phrase", `write "200 OK", or "201 Created" if the status is 201`}}},
		// Sample 9 (seed 2038): its remaining false findings, on copies of the real pages.
		{dir: "sample9-prose-truncated", // "Note: The response object shown here is truncated" in prose, not in the annotation
			absent: []want{{"api/section-post-pages.md", "content-length", "Content-Length is 312"}}},
		{dir: "sample9-untyped-json", // "Untyped JSON object" names Graph's Json type
			absent: []want{{"resources/projectrome-activity.md", "type-cell", ""}}},
		{dir: "sample9-csharp-sample", // a ```csharp sample under "HTTP request" (encoding a sharing URL) holds no request line
			absent: []want{{"api/shares-get.md", "request-line", ""}}},
		// Sample 10 (seed 2040): its false findings and wrong-way hints, on copies of the real pages.
		{dir: "sample10-ignored-alternative", // an ignored second way to write the request sits between it and its response
			absent: []want{{"api/opentypeextension-get.md", "request-without-response", "get_opentypeextension_1"}}},
		{dir: "sample10-base-in-words", // "a singleton that inherits from base policy type": a base in words
			absent:  []want{{"resources/authorizationpolicy.md", "entity-base-unstated", ""}},
			present: []want{{"resources/shift.md", "entity-base-unstated", "shift is keyed by id"}}},
		{dir: "sample10-shortened-base64", // "MIIDYDCCAki...": a certificate cut short on purpose
			absent: []want{{"api/application-addkey.md", "value-format", "MIIDYDCCAki"}}},
		{dir: "sample10-annotation-vs-collection", // annotated team, but the members are the teamsTab the POST creates
			absent:  []want{{"api/channel-post-tabs.md", "unknown-property", "of team"}},
			present: []want{{"api/channel-post-tabs.md", "odata-type", "the items of the collection the request creates in"}}},
		{dir: "sample10-enum-case-description", // the row lists `green`, the enum table spells Green: reported at the row
			absent:  []want{{"api/tiindicator-submittiindicators.md", "enum-value", "green"}},
			present: []want{{"resources/tiindicator.md", "enum-list", `spells "White", "Green", "Amber", "Red"`}}},
		{dir: "sample10-collection-representation", // table says string collection, representation a single string
			absent:  []want{{"api/presence-get.md", "value-type", "activity is a collection"}},
			present: []want{{"resources/presence.md", "value-type", "activity is a collection (Collection(Edm.String)) in the Properties table"}}},
		{dir: "sample10-bundle-facet", // "supply a JSON representation of the bundle" on POST /drive/bundles: a driveItem
			absent: []want{{"api/drive-post-bundles.md", "unknown-property", "of bundle"}}},
		{dir: "sample10-link-abbreviation", // "[shared](../resources/insights-shared.md)" is sharedInsight, not driveItem's facet
			absent: []want{{"api/insights-list-shared.md", "unknown-property", "of shared"}}},
		{dir: "sample10-listed-value", // underline "Single" (None, Single, Double): a value, not the Edm type
			absent: []want{{"api/rangeformat-update.md", "placeholder-value", `"Single"`}}},
		{dir: "sample10-intune-entity", // Intune's generated pages never state a base: no note on each
			absent: []want{{"resources/intune-devices-userexperienceanalyticsbaseline.md", "entity-base-unstated", ""}}},
		{dir: "sample10-curly-quotes", // "GET”, “/shifts…”: one cause, said as such, not four syntax errors
			absent:  []want{{"api/workforceintegration-update.md", "json-syntax", "missing comma between object members"}},
			present: []want{{"api/workforceintegration-update.md:197", "json-syntax", "curly quotes"}}},
		// Sample 11 (seed 2042): its false findings and wrong-way hints, on copies of the real pages.
		{dir: "sample11-minified-length", // Content-Length 156 is the shown body minified (no space after the colons)
			absent: []want{{"api/reportroot-getm365appplatformusercounts.md", "content-length", "Content-Length is 156"}}},
		{dir: "sample11-dictionary", // {"resultTemplateId": {"displayName", "body"}}: a dictionary's entry holds the rows
			absent: []want{{"resources/resulttemplate.md", "table-json", ""}}},
		{dir: "sample11-annotation-claim", // a teamsApp annotation on a teamsAppDefinition: the annotation may be what is wrong
			present: []want{{"api/teamsapp-update.md:131", "unknown-property", "name it in the annotation's @odata.type"}}},
		{dir: "sample11-body-odata-type", // a stray top-level "@odata.type": educationResource on an educationSubmissionResource
			present: []want{{"api/educationsubmission-post-resources.md:62", "unknown-property", "correct its @odata.type"}}},
		{dir: "sample11-unresolved-both-ways", // customerPaymentJournals is right; the resource page's title is the typo
			present: []want{{"api/dynamics-customerpaymentsjournal-update.md", "unresolved-type", "or, if customerPaymentJournals is right, correct the name on"}}},
		{dir: "sample11-array-both-ways", // every example gives unsubscribeData as an array: the table's String may be stale
			present: []want{{"api/eventmessage-get.md:135", "value-type", "give one value, or, if it is a collection, write its type as one"}}},
		{dir: "sample11-property-case-both-ways", // innerError (Graph's spelling) against the table's innererror
			present: []want{{"api/workbookoperation-get.md", "property-case", `write "innererror" here, or "innerError" in the Properties table`}}},
		// Sample 12 (seed 2044): a false finding fixed after it.
		{dir: "sample12-permission-scenarios", // "Permissions acting on self (…)" | "… acting on others (…)": columns per scenario
			absent: []want{{"api/authentication-list-phonemethods.md", "permissions-header", ""}}},
		{dir: "sample7-parameter-case", // the table's "Message" row against the example's "message": either may be wrong
			absent: []want{{"api/user-sendmail.md", "property-case", `parameter Message; write "Message"`}},
			present: []want{{"api/user-sendmail.md", "property-case", `write "Message" here, or "message" in the Request body table`},
				{"api/user-sendmail.md", "property-case", `write "SaveToSentItems" here, or "saveToSentItems" in the Request body table`}}},
		// Sample 12 (seed 2044): #9 and #118. #9 reverses sample 7's #53 (judged true against the profile's page
		// alone): the rows assignedTo, comment and state are all members of secureScoreControlStateUpdate, the
		// type of the profile's controlStateUpdates ("supports update", linking this page), and both request
		// examples send them flat as the table lists them, so the rows are that record's, not defects of the
		// profile. sample5-update-table keeps its case: its folder has no secureScoreControlStateUpdate page, so
		// nothing there says where the rows go and they are still reported once, at the rows.
		{dir: "sample12-patch-other-type",
			absent: []want{{"api/securescorecontrolprofile-update.md", "request-body-property", "assignedTo"},
				{"api/securescorecontrolprofile-update.md", "request-body-property", "comment"},
				{"api/securescorecontrolprofile-update.md", "request-body-property", "state"},
				{"api/securescorecontrolprofile-update.md", "unknown-property", "comment"}}},
		// An external group member's id is the member's Azure AD objectId or external group id: the row says so and
		// every request example sends it. A linked resource's id ("Server generated Id"), which no request example
		// sends, is still the service's.
		{dir: "sample12-client-id",
			absent:  []want{{"api/externalconnectors-externalgroup-post-members.md", "read-only-in-create", "id"}},
			present: []want{{"api/todotask-post-linkedresources.md", "read-only-in-create", "but the service assigns the id"}}},
		{dir: "sample12-split-permissions-header", // columns split by whom they act on, self and others; a lone "Permissions" still wrong
			absent: []want{{"api/authentication-list-phonemethods.md", "permissions-header", ""},
				{"api/emailauthenticationmethod-get.md", "permissions-header", ""}},
			present: []want{{"api/b2cauthenticationmethodspolicy-get.md", "permissions-header", `the permissions column header is "Permissions"; write "Permissions (from least to most privileged)"`}}},
		// Sample 12 (seed 2044): an unknown-property false finding.
		{dir: "sample12-inherited-id", // workforceIntegration, GET by {workforceIntegrationId}, states no base (#116)
			absent: []want{{"api/workforceintegration-get.md", "unknown-property", `"id"`},
				{"api/educationrubric-get.md", "unknown-property", `"id" is not a property of educationRubric`}},
			present: []want{{"resources/workforceintegration.md", "entity-base-unstated", "addressed by key (GET /teamwork/workforceIntegrations/{workforceIntegrationId})"},
				{"resources/educationrubric.md", "entity-base-unstated", "addressed by key"},
				// rubricCriterion is a complex type no path addresses: its examples' id is still unknown
				{"api/educationrubric-get.md:127", "unknown-property", `"id" is not a property of rubricCriterion`}}},
		// "provide an optional `passwordCredential` object with the following properties": the parser reads the
		// body as its one parameter, passwordCredential (#48)
		{dir: "sample12-wrapped-body",
			absent: []want{{"api/serviceprincipal-addpassword.md", "unknown-property", ""}}},
	}
	for _, tc := range cases {
		t.Run(tc.dir, func(t *testing.T) {
			fs := lintPages(t, readTree(t, filepath.Join("testdata", "issue11", tc.dir)), Options{})
			match := func(w want) []Finding {
				var out []Finding
				for _, f := range findingsOf(fs, w.rule) {
					loc := f.Pos.File // or file:line, when the want names a line
					if strings.Contains(w.file, ":") {
						loc = f.Pos.File + ":" + strconv.Itoa(f.Pos.Line)
					}
					if loc == w.file && strings.Contains(f.Message, w.text) {
						out = append(out, f)
					}
				}
				return out
			}
			for _, w := range tc.absent {
				if got := match(w); len(got) > 0 {
					t.Errorf("false positive is back:\n%s", dump(got))
				}
			}
			for _, w := range tc.present {
				if got := match(w); len(got) != 1 {
					t.Errorf("want one %s finding in %s containing %q, got:\n%s", w.rule, w.file, w.text, dump(fs))
				}
			}
		})
	}
}

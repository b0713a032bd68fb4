package lint

import (
	"strings"
	"testing"
)

// methodPage writes a small method page: its paths, its Response sentence and its permissions row.
func methodPage(title string, paths []string, response, perm string) string {
	return "---\ntitle: \"" + title + "\"\ndescription: \"x\"\nauthor: \"a\"\ndoc_type: apiPageType\n---\n# " + title + "\n\n" +
		"## Permissions\n\n|Permission type|Permissions|\n|:---|:---|\n|Delegated (work or school account)|" + perm + "|\n\n" +
		"## HTTP request\n\n```http\n" + strings.Join(paths, "\n") + "\n```\n\n## Response\n\n" + response + "\n"
}

// The real pair that showed it (v1.0, 2021): conversationthread-update answers 200 OK with the thread, and
// group-update-thread 204 No Content, for PATCH /groups/{id}/threads/{id}.
func TestRouteConflictStatusAtBothPages(t *testing.T) {
	pages := map[string]string{
		"api/conversationthread-update.md": methodPage("Update conversation thread", []string{"PATCH /groups/{id}/threads/{id}"},
			"If successful, this method returns a `200 OK` response code.", "Group.ReadWrite.All"),
		"api/group-update-thread.md": methodPage("Update thread", []string{"PATCH /groups/{id}/threads/{id}"},
			"If successful, this method returns a `204 No Content` response code.", "Group.ReadWrite.All"),
	}
	fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict")
	if len(fs) != 2 {
		t.Fatalf("want one finding at each page: %s", dump(fs))
	}
	for _, f := range fs {
		if f.Pos.Line != lineOf(t, pages[f.Pos.File], "If successful") || !strings.Contains(f.Message, "PATCH /groups/{id}/threads/{id2}") {
			t.Errorf("finding not at the page's Response sentence, or without the route: %s", dump(fs))
		}
	}
	if !strings.Contains(fs[0].Message+fs[1].Message, "whose success status is 204; this page's is 200") {
		t.Errorf("messages: %s", dump(fs))
	}
}

// Pages that agree, a page that writes the route only with $expand (user-list-manager's GET /me?$expand=manager),
// and permissions lists that overlap are no conflict.
func TestRouteConflictQuiet(t *testing.T) {
	pages := map[string]string{
		"api/user-get.md": methodPage("Get user", []string{"GET /me", "GET /users/{id}"},
			"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.", "User.Read, User.ReadWrite"),
		"api/user-list-manager.md": methodPage("List manager", []string{"GET /me/manager", "GET /me?$expand=manager"},
			"If successful, this method returns a `200 OK` response code and a [directoryObject](../resources/directoryobject.md) object in the response body.", "User.Read.All"),
		"api/intune-onboarding-user-get.md": methodPage("Get user", []string{"GET /users/{id}"},
			"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.", "User.ReadWrite, Directory.Read.All"),
		"resources/user.md":            resourcePage("user", "id"),
		"resources/directoryobject.md": resourcePage("directoryObject", "id"),
	}
	if fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict"); len(fs) != 0 {
		t.Errorf("%s", dump(fs))
	}
	// Disjoint permissions for one kind are a conflict (between pages of one workload).
	delete(pages, "api/intune-onboarding-user-get.md")
	pages["api/directoryobject-get-user.md"] = methodPage("Get user", []string{"GET /users/{id}"},
		"If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.", "DeviceManagementServiceConfig.Read.All")
	fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict")
	if len(fs) != 2 || !strings.Contains(fs[0].Message, "permissions are") {
		t.Errorf("disjoint permissions: %s", dump(fs))
	}
}

// A single object where the other page answers a collection (riskyuser-get-riskyuserhistoryitem and
// riskyuser-list-history, v1.0 2021, both on GET …/history); derived types of one base are no conflict.
func TestRouteConflictResponse(t *testing.T) {
	pages := map[string]string{
		"api/riskyuser-list-history.md": methodPage("List history", []string{"GET /identityProtection/riskyUsers/{id}/history"},
			"If successful, this method returns a `200 OK` response code and a collection of [riskyUserHistoryItem](../resources/riskyuserhistoryitem.md) objects in the response body.", "IdentityRiskyUser.Read.All"),
		"api/riskyuser-get-riskyuserhistoryitem.md": methodPage("Get history item", []string{"GET /identityProtection/riskyUsers/{id}/history"},
			"If successful, this method returns a `200 OK` response code and a [riskyUserHistoryItem](../resources/riskyuserhistoryitem.md) object in the response body.", "IdentityRiskyUser.Read.All"),
		"resources/riskyuserhistoryitem.md": resourcePage("riskyUserHistoryItem", "id"),
	}
	fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict")
	if len(fs) != 2 || !strings.Contains(fs[0].Message+fs[1].Message, "whose response is a collection of riskyUserHistoryItem; this page's is a riskyUserHistoryItem") {
		t.Errorf("%s", dump(fs))
	}
}

// resourcePage writes a resource page of one entity type with the given properties (all String).
func resourcePage(name string, props ...string) string {
	s := "---\ntitle: \"" + name + " resource type\"\ndescription: \"x\"\nauthor: \"a\"\ndoc_type: resourcePageType\n---\n# " + name +
		" resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n"
	for _, p := range props {
		s += "| " + p + " | String | The " + p + ". |\n"
	}
	return s + "\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph." + name + "\" } -->\n```json\n{\n  \"id\": \"String\"\n}\n```\n"
}

// PUT creates or replaces (organizationalbrandingproperties-create 201, -update 204, beta 2021); Intune's workload
// pages list their workload's permissions for the parts of shared types they document (intune-onboarding-user-get
// beside user-get). Neither is a conflict; the Intune page's status still is (intune-mam-user-update 200 against
// user-update 204).
func TestRouteConflictPutAndIntuneWorkloads(t *testing.T) {
	pages := map[string]string{
		"api/organizationalbrandingproperties-create.md": methodPage("Create branding", []string{"PUT /organization/{id}/branding"},
			"If successful, this method returns a `201 Created` response code.", "Organization.ReadWrite.All"),
		"api/organizationalbrandingproperties-update.md": methodPage("Update branding", []string{"PUT /organization/{id}/branding"},
			"If successful, this method returns a `204 No Content` response code.", "Organization.ReadWrite.All"),
		"api/user-update.md": methodPage("Update user", []string{"PATCH /users/{id}"},
			"If successful, this method returns a `204 No Content` response code.", "User.ReadWrite"),
		"api/intune-mam-user-update.md": methodPage("Update user", []string{"PATCH /users/{id}"},
			"If successful, this method returns a `204 No Content` response code.", "DeviceManagementApps.ReadWrite.All"),
	}
	if fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict"); len(fs) != 0 {
		t.Errorf("%s", dump(fs))
	}
	pages["api/intune-mam-user-update.md"] = methodPage("Update user", []string{"PATCH /users/{id}"},
		"If successful, this method returns a `200 OK` response code.", "DeviceManagementApps.ReadWrite.All")
	fs := findingsOf(lintPages(t, pages, Options{}), "route-conflict")
	if len(fs) != 2 || !strings.Contains(fs[0].Message, "success status") {
		t.Errorf("%s", dump(fs))
	}
}

package lint

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// permissionTypes are the rows a permissions table may have, as the docs write them.
var permissionTypes = []string{
	"Delegated (work or school account)",
	"Delegated (personal Microsoft account)",
	"Application",
}

// checkPermissions reports method pages without permissions, permissions tables whose header is not in the
// standard wording, and rows of unknown permission types.
func (c *checker) checkPermissions(pt *pageText) {
	p := pt.page
	var tables []*model.Table
	for _, t := range p.Tables {
		if t.Role == model.TablePermissions && isPermissionsTable(t) {
			tables = append(tables, t)
		}
	}
	if p.Kind == model.PageAPI && p.Degraded && len(c.opsByPage[p.Path]) > 0 && len(tables) == 0 && !hasOtherPermissionsTable(p) && !c.opsHavePermissions(p) &&
		!permissionNamedBefore(pt, c.firstPathLine(p)) {
		// A scraped or rendered page: an include flattened to its text ("[!INCLUDE permissions-table]") shows the
		// reader no permission, and neither does a Permissions section the scrape left empty. The plain-text
		// reader may not have recognised a table laid out another way, so a permission named above the HTTP
		// request ("Calendars.ReadWrite") is taken as given; one named further down is not the section's
		// ("Request with a 'user id' is only accessible ... with the User.ReadWrite.All permissions").
		if inc := permissionsInclude(p); inc != nil && inc.Target == "" {
			c.report(inc.Pos, "missing-permissions", "", "the permissions include %s is shown as text and its table is not on the page, so no permission is given; put the permissions table here", quoted(inc.Name))
		} else if inc == nil {
			c.reportMissingPermissions(p)
		}
	}
	if p.Kind == model.PageAPI && !p.Degraded && len(c.opsByPage[p.Path]) > 0 && len(tables) == 0 && !hasPermissionsInclude(p) && !hasOtherPermissionsTable(p) {
		c.reportMissingPermissions(p)
	}
	for _, t := range tables {
		c.checkPermissionsHeader(p, t)
		for _, r := range t.Rows {
			if len(r.Cells) == 0 || isSubRow(r) {
				continue
			}
			typ := strings.TrimSpace(stripMarkup(r.Cells[0].Text))
			if typ == "" || knownPermissionType(typ) {
				continue
			}
			msg := "permission type " + quoted(typ) + " is not one of Delegated (work or school account), Delegated (personal Microsoft account), Application"
			if s := closest(typ, permissionTypes, 12); s != "" {
				msg += "; did you mean " + quoted(s) + "?"
			}
			c.report(r.Cells[0].Pos, "permission-type", "", "%s", msg)
		}
	}
}

// permissionName is a permission as the docs write one: Calendars.ReadWrite, User.Read.All, Sites.Selected.
var permissionName = regexp.MustCompile(`\b[A-Z][A-Za-z]+\.(?:Read|ReadWrite|ReadBasic|Write|Send|Manage|Create|AccessAsUser|Selected|Invite|Export|Import)\b`)

// permissionNamedBefore reports whether a permission is named on the page above line before (0: anywhere).
func permissionNamedBefore(pt *pageText, before int) bool {
	for n := 1; n <= len(pt.lines) && (before == 0 || n < before); n++ {
		if permissionName.MatchString(pt.line(n)) {
			return true
		}
	}
	return false
}

// firstPathLine is the line of the page's first HTTP request path, or 0.
func (c *checker) firstPathLine(p *model.Page) int {
	first := 0
	for _, op := range c.opsByPage[p.Path] {
		for _, sp := range op.Paths {
			if sp.Pos.Line > 0 && (first == 0 || sp.Pos.Line < first) {
				first = sp.Pos.Line
			}
		}
	}
	return first
}

// reportMissingPermissions reports a method page without permissions, at its Permissions heading when it has one.
func (c *checker) reportMissingPermissions(p *model.Page) {
	at, where := model.Pos{File: p.Path, Line: 1, Col: 1}, "add a \"## Permissions\" section with"
	if p.H1 != nil {
		at = p.H1.Pos
	}
	for _, h := range p.Headings {
		if n := normHeading(h.Text); n == "permissions" || n == "prerequisites" {
			at, where = h.Pos, "add"
			break
		}
	}
	c.report(at, "missing-permissions", "", "method page has no permissions table or include; %s the permissions table or [!INCLUDE [permissions-table](../includes/permissions/<name>-permissions.md)]", where)
}

// opsHavePermissions reports whether an operation of the page has permissions from anywhere (a table, an include).
func (c *checker) opsHavePermissions(p *model.Page) bool {
	for _, op := range c.opsByPage[p.Path] {
		if len(op.Permissions) > 0 {
			return true
		}
	}
	return false
}

func permissionsInclude(p *model.Page) *model.Include {
	for i, inc := range p.Includes {
		if strings.Contains(strings.ToLower(inc.Target), "permissions") || strings.Contains(strings.ToLower(inc.Name), "permissions") {
			return &p.Includes[i]
		}
	}
	return nil
}

// isPermissionsTable tells a permissions table from other tables keyed by permission type ("Permission type |
// Property | Type | Description" lists what can be changed per sharing-link type): some column after the first
// must be about permissions.
func isPermissionsTable(t *model.Table) bool {
	for _, h := range t.Header[min(1, len(t.Header)):] {
		n := normHeading(h.Text)
		if strings.Contains(n, "permission") || strings.Contains(n, "privileged") || strings.Contains(n, "scope") {
			return true
		}
	}
	return false
}

// isSubRow reports whether a permissions row is indented under the row above ("&nbsp; &nbsp; **Policy Set**"):
// Intune pages list a permission per workload under each permission type.
func isSubRow(r model.Row) bool {
	return len(r.Cells) > 0 && strings.HasPrefix(strings.TrimSpace(r.Cells[0].Text), "&nbsp;")
}

// hasOtherPermissionsTable reports a table in the Permissions section laid out another way: permission types as
// columns, one row per supported resource ("Supported resource | Delegated (work or school account) | …").
func hasOtherPermissionsTable(p *model.Page) bool {
	for _, t := range p.Tables {
		if normHeading(t.Section) != "permissions" {
			continue
		}
		for _, h := range t.Header {
			if n := normHeading(h.Text); strings.Contains(n, "permission") || strings.HasPrefix(n, "delegated") || n == "application" {
				return true
			}
		}
	}
	return false
}

func hasPermissionsInclude(p *model.Page) bool {
	for _, inc := range p.Includes {
		if strings.Contains(strings.ToLower(inc.Target), "permissions") || strings.Contains(strings.ToLower(inc.Name), "permissions") {
			return true
		}
	}
	return false
}

func knownPermissionType(s string) bool {
	for _, k := range permissionTypes {
		if strings.EqualFold(strings.Join(strings.Fields(s), " "), k) {
			return true
		}
	}
	return false
}

// checkPermissionsHeader wants "Permission type | Permissions (from least to most privileged)" or the current
// "Permission type | Least privileged permissions | Higher privileged permissions"; a table split by whom its
// permissions act on ("Permissions acting on self (…)" | "Permissions acting on others (…)") keeps its columns.
func (c *checker) checkPermissionsHeader(p *model.Page, t *model.Table) {
	if len(t.Header) < 2 {
		return
	}
	first := normHeading(t.Header[0].Text)
	if first != "permission type" {
		c.report(t.Header[0].Pos, "permissions-header", "", "the permissions table's first column is %s; write \"Permission type\"", quoted(strings.TrimSpace(t.Header[0].Text)))
		c.fixReplace(c.textOf(p.Path), t.Header[0].Pos.Line, t.Header[0].Pos.Col, strings.TrimSpace(t.Header[0].Text), "Permission type")
	}
	if cols := splitPermissionsColumns(t); cols != nil {
		c.checkSplitPermissionsOrder(p, t, cols)
		return
	}
	second := strings.ReplaceAll(normHeading(t.Header[1].Text), "permission ", "permissions ")
	if strings.HasSuffix(second, " permission") {
		second += "s"
	}
	switch {
	case second == "permissions from least to most privileged" && len(t.Header) == 2:
	case second == "least privileged permissions" && len(t.Header) >= 3 && strings.HasPrefix(normHeading(t.Header[2].Text), "higher privileged permission"):
	case second == "least privileged permissions" && len(t.Header) < 3:
		c.report(t.Header[1].Pos, "permissions-header", "", "the permissions table has no \"Higher privileged permissions\" column; add it")
	case strings.Contains(second, "most to least") && isIntune(p.Path):
		// The Intune pages' generator writes this header on every page; their convention, not a slip.
	case strings.Contains(second, "most to least"):
		c.report(t.Header[1].Pos, "permissions-header", "", "the header says \"from most to least privileged\", but the docs list permissions from least to most privileged; write \"Permissions (from least to most privileged)\" and order them so")
	case second == "permissions" || second == "permission" || strings.HasPrefix(second, "permissions "):
		c.report(t.Header[1].Pos, "permissions-header", "", "the permissions column header is %s; write \"Permissions (from least to most privileged)\"", quoted(strings.TrimSpace(t.Header[1].Text)))
		c.fixPermissionsColumn(p, t)
	case second == "least privileged permissions" || second == "higher privileged permissions":
	default:
		c.report(t.Header[1].Pos, "permissions-header", "", "the permissions column header is %s; write \"Permissions (from least to most privileged)\"", quoted(strings.TrimSpace(t.Header[1].Text)))
		c.fixPermissionsColumn(p, t)
	}
}

func quoted(s string) string { return "\"" + s + "\"" }

package parser

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// readPermissions reads the permissions table rows: Permission type | Permissions (or the current
// "Least privileged permissions | Higher privileged permissions" columns).
func readPermissions(t *model.Table) []model.Permission {
	var out []model.Permission
	for _, r := range t.Rows {
		typ := plainText(cell(r, 0).Text)
		if typ == "" && len(r.Cells) <= 1 {
			continue
		}
		perm := model.Permission{Type: typ, Pos: r.Pos}
		var texts []string
		for i := 1; i < len(t.Header) || i < len(r.Cells); i++ {
			c := cell(r, i)
			texts = append(texts, c.Text)
			perm.Scopes = append(perm.Scopes, scopes(c.Text)...)
		}
		perm.Text = strings.Join(texts, " | ")
		if len(r.Cells) > 1 {
			perm.Pos = r.Cells[1].Pos
		}
		out = append(out, perm)
	}
	return out
}

// scopes splits a permissions cell into scope names; "Not supported.", "Not available." and empty cells have none.
func scopes(cellText string) []string {
	t := plainText(cellText)
	if t == "" || hasPrefixFold(t, "not supported") || hasPrefixFold(t, "not available") || hasPrefixFold(t, "none") || strings.EqualFold(t, "n/a") {
		return nil
	}
	var out []string
	for _, f := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		f = strings.Trim(f, ". ")
		if f == "" || strings.EqualFold(f, "and") || strings.EqualFold(f, "or") {
			continue
		}
		if strings.ContainsRune(f, '.') || strings.EqualFold(f, "offline_access") || strings.EqualFold(f, "openid") || strings.EqualFold(f, "profile") || strings.EqualFold(f, "email") {
			out = append(out, f)
		}
	}
	return out
}

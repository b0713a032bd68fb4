package lint

import (
	"regexp"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// actsOn finds whom a permissions column acts on, in a header as normHeading gives it ("permissions acting on self
// from least to most privileged", "… acting on others …"): the authentication-method pages give one column per
// scenario, a user's own methods and another user's, which need different permissions.
var actsOn = regexp.MustCompile(`\b(?:acting on|acts on|act on|on behalf of|for) (?:the |an? )?(self|oneself|themselves|yourself|me|signed-in users?|current users?|others|other users?|another user|any users?)\b`)

// actsOnWhom is "self" or "others" for a permissions column qualified by whom it acts on, "" for any other column.
func actsOnWhom(header string) string {
	n := normHeading(header)
	if !strings.Contains(n, "permission") && !strings.Contains(n, "privileged") {
		return ""
	}
	m := actsOn.FindStringSubmatch(n)
	switch {
	case m == nil:
		return ""
	case strings.Contains(m[1], "other") || strings.HasPrefix(m[1], "any"):
		return "others"
	}
	return "self"
}

// splitPermissionsColumns returns the columns of a permissions table split by whom they act on (two or more
// permission columns qualified by it, not all alike): a deliberate split the one-column wording would erase, so
// its headers are not held to it. Nil for any other table, a single qualified column included.
func splitPermissionsColumns(t *model.Table) []int {
	var cols []int
	whom := map[string]bool{}
	for i := 1; i < len(t.Header); i++ {
		if w := actsOnWhom(t.Header[i].Text); w != "" {
			cols = append(cols, i)
			whom[w] = true
		}
	}
	if len(cols) < 2 || len(whom) < 2 {
		return nil
	}
	return cols
}

// checkSplitPermissionsOrder holds each column of a split permissions table to the docs' order: least to most
// privileged, as the standard header says.
func (c *checker) checkSplitPermissionsOrder(p *model.Page, t *model.Table, cols []int) {
	if isIntune(p.Path) {
		return // the Intune pages' generator writes "most to least" on every page; their convention
	}
	for _, i := range cols {
		if strings.Contains(normHeading(t.Header[i].Text), "most to least") {
			c.report(t.Header[i].Pos, "permissions-header", "", "the header %s says \"from most to least privileged\", but the docs list permissions from least to most privileged; write \"from least to most privileged\" and order them so", quoted(strings.TrimSpace(t.Header[i].Text)))
		}
	}
}

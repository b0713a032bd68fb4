package export

import (
	"sort"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// The two OAuth2 schemes of the Microsoft identity platform: a user signs in (delegated permissions) or an app
// signs in as itself (application permissions).
const (
	delegatedScheme   = "delegated"
	applicationScheme = "application"
	identityPlatform  = "https://login.microsoftonline.com/common/oauth2/v2.0/"
)

// security lists an operation's least privileged scopes, one requirement per kind of permission: the first
// delegated scope (the permissions tables list them from least to most privileged, work or school accounts'
// row first) and the first application scope. Either requirement grants access. nil when the page names none.
func (b *openAPIBuilder) security(op *model.Operation) []any {
	delegated, application := leastPrivileged(op.Permissions)
	var out []any
	if delegated != "" {
		b.delegated[delegated] = true
		out = append(out, obj{{delegatedScheme, []any{delegated}}})
	}
	if application != "" {
		b.application[application] = true
		out = append(out, obj{{applicationScheme, []any{application}}})
	}
	if out != nil {
		b.stats.Secured++
	}
	return out
}

// leastPrivileged returns the first scope of the first delegated row and of the first application row.
func leastPrivileged(perms []model.Permission) (delegated, application string) {
	for _, p := range perms {
		kind := strings.ToLower(strings.TrimSpace(p.Type))
		first := ""
		for _, s := range p.Scopes {
			if s = strings.TrimSpace(s); s != "" {
				first = s
				break
			}
		}
		switch {
		case first == "":
		case strings.HasPrefix(kind, "delegated") && delegated == "":
			delegated = first
		case strings.HasPrefix(kind, "application") && application == "":
			application = first
		}
	}
	return delegated, application
}

// securitySchemes declares the two schemes with every scope an operation names.
func (b *openAPIBuilder) securitySchemes() obj {
	scopes := func(set map[string]bool) obj {
		names := make([]string, 0, len(set))
		for s := range set {
			names = append(names, s)
		}
		sort.Strings(names)
		out := obj{}
		for _, s := range names {
			out.set(s, "Microsoft Graph permission "+s)
		}
		return out
	}
	return obj{
		{delegatedScheme, obj{
			{"type", "oauth2"},
			{"description", "Delegated permissions: the app acts for a signed-in user (Microsoft identity platform)."},
			{"flows", obj{{"authorizationCode", obj{
				{"authorizationUrl", identityPlatform + "authorize"},
				{"tokenUrl", identityPlatform + "token"},
				{"scopes", scopes(b.delegated)},
			}}}},
		}},
		{applicationScheme, obj{
			{"type", "oauth2"},
			{"description", "Application permissions: the app acts as itself, without a user (Microsoft identity platform)."},
			{"flows", obj{{"clientCredentials", obj{
				{"tokenUrl", identityPlatform + "token"},
				{"scopes", scopes(b.application)},
			}}}},
		}},
	}
}

package lint

// placeholder-value: type names written where an example value belongs.

import (
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// placeholderValue matches a type name written where an example value belongs: "String", "Int32",
// "DateTimeOffset", "String (identifier)", "Edm.Boolean".
var placeholderValue = regexp.MustCompile(`^(?:Edm\.)?(?:String|Int16|Int32|Int64|Boolean|DateTimeOffset|DateTime|Double|Single|Decimal|Guid|Binary|Duration|Date|TimeOfDay|Byte|SByte|Stream)(?:\s*\([^)]*\))?$|^(?i:string|int32|int64|boolean|datetimeoffset|guid)$`)

// typeNameKeys are keys whose values legitimately are type names ("type": "String" in a schema extension).
var typeNameKeys = map[string]bool{"type": true, "datatype": true, "propertytype": true, "valuetype": true, "returntype": true,
	"@odata.type": true, "odatatype": true, "kind": true, "format": true}

// isPlaceholderValue is placeholderValue.MatchString behind a test of the first byte and the length, which
// rejects almost every example string without running the expression.
func isPlaceholderValue(s string) bool {
	if len(s) < 4 {
		return false
	}
	var head [4]byte
	for i := range head {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		head[i] = b
	}
	switch string(head[:]) {
	case "edm.", "stri", "int1", "int3", "int6", "bool", "date", "doub", "sing", "deci", "guid", "bina", "dura", "time", "byte", "sbyt", "stre":
		return placeholderValue.MatchString(s)
	}
	return false
}

// checkPlaceholderValues reports type names used as example values in requests and responses. (JSON
// representations on resource pages are meant to show type names.)
func (c *checker) checkPlaceholderValues(pt *pageText, op *model.Operation, ex *model.Example) {
	if ex.JSON == nil || ex.Kind == model.ExampleRepresentation {
		return
	}
	ty := c.typing(op, ex)
	// walk visits v, the value of key; t is the type of key's property (nil when unknown or primitive), p the
	// property itself.
	var walk func(t *model.Type, p *model.Property, key string, v *model.Value)
	walk = func(t *model.Type, p *model.Property, key string, v *model.Value) {
		if v == nil {
			return
		}
		switch v.Kind {
		case model.ValueObject:
			if f, ok := c.objectType(v); ok {
				t = f.Type
			} else {
				t = nil
			}
			// An action's parameters, or a body whose type is not documented here: the request-body table still
			// says what the keys are.
			params := v == ex.JSON && (ty.Params || t == nil && ex.Kind == model.ExampleRequest && op.RequestBody != nil)
			for _, m := range v.Members {
				var pt *model.Type
				var mp *model.Property
				if t != nil {
					mp = c.m.Property(t, m.Key)
				} else if params {
					if row, checked := c.parameterOf(op, m.Key); checked != nil {
						mp = checked
					} else if row != nil {
						mp = row
					}
				}
				if mp != nil {
					pt = c.typ(mp.Type.Name)
				}
				walk(pt, mp, m.Key, m.Value)
			}
		case model.ValueArray:
			for _, it := range v.Items {
				walk(t, p, key, it)
			}
		case model.ValueString:
			if !isPlaceholderValue(strings.TrimSpace(v.Str)) || typeNameKeys[strings.ToLower(key)] {
				return
			}
			if t != nil && t.Kind == model.KindEnum && t.Member(v.Str) != nil {
				return // an enum whose member is named like a type
			}
			if p == nil && ordinaryWords[strings.ToLower(strings.TrimSpace(v.Str))] {
				// "Single" or "Double" for a member whose property is unknown here (a PATCH of another path than
				// the page's): an ordinary word as likely as a type name (underline's "Single").
				return
			}
			if p != nil && !strings.EqualFold(strings.TrimPrefix(p.Type.Name, "Edm."), v.Str) &&
				(slices.Contains(p.AllowedValues, v.Str) || listedIn(p.Description, v.Str)) {
				// A value the property's description names, which is not the property's own type: the String
				// underline's "Single" (None, Single, Double).
				return
			}
			such := ""
			if x := exampleValueFor(v.Str, key, t); x != "" {
				such = ", such as " + x
			}
			c.report(model.Pos{File: pt.page.Path, Line: v.Line, Col: v.Col}, "placeholder-value", "",
				"%q is a type name, not an example value; write a realistic value for %s%s", v.Str, key, such)
		}
	}
	walk(nil, nil, "", ex.JSON)
}

// exampleValueFor suggests a value of the type a placeholder names, fitting the member it is the value of (key):
// a GUID for an id, a date for a date, a sentence for a description, an address for an email.
func exampleValueFor(placeholder, key string, t *model.Type) string {
	if t != nil && t.Kind == model.KindEnum && len(t.Members) > 0 {
		return "\"" + t.Members[0].Name + "\""
	}
	p := strings.ToLower(strings.TrimPrefix(placeholder, "Edm."))
	switch {
	case strings.Contains(p, "identifier") || strings.HasPrefix(p, "guid"):
		return "\"5662f6c4-f6c4-5662-c4f6-6256c4f66256\""
	case strings.Contains(p, "timestamp") || strings.HasPrefix(p, "datetime"):
		return "\"2021-07-20T10:00:00Z\""
	case strings.HasPrefix(p, "int") || strings.HasPrefix(p, "byte") || strings.HasPrefix(p, "sbyte"):
		return "30 (a number, unquoted)"
	case p == "double" || p == "single" || p == "decimal":
		return "2.5 (a number, unquoted)"
	case p == "boolean":
		return "true (unquoted)"
	case p == "date":
		return "\"2021-07-20\""
	case p == "timeofday":
		return "\"10:00:00\""
	case p == "duration":
		return "\"PT1H\""
	case p == "binary" || p == "stream":
		return "\"aGVsbG8=\" (base64)"
	}
	return stringValueFor(key)
}

// stringValueFor suggests a string that fits a member by its name.
func stringValueFor(key string) string {
	k := strings.ToLower(key)
	// has reports whether key is one of the words or ends in one as a camelCase part ("createdDateTime").
	has := func(words ...string) bool {
		for _, w := range words {
			if k == strings.ToLower(w) || strings.HasSuffix(key, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("Id", "ID", "Guid"):
		return "\"5662f6c4-f6c4-5662-c4f6-6256c4f66256\" (an id)"
	case has("DateTime", "Time"):
		return "\"2021-07-20T10:00:00Z\""
	case has("Date"):
		return "\"2021-07-20\""
	case has("Description", "Notes", "Comment", "Message", "Summary", "Reason", "Text", "Content"):
		return "\"Quarterly sales review with the marketing team.\" (a sentence)"
	case has("Mail", "Email", "EmailAddress", "UserPrincipalName", "Upn"):
		return "\"adele@contoso.com\""
	case has("Url", "Uri", "Link", "Href"):
		return "\"https://contoso.sharepoint.com/sites/marketing\""
	case has("Phone", "PhoneNumber"):
		return "\"+1 425 555 0100\""
	case has("Version"):
		return "\"1.0\""
	}
	return "" // no value fits every member of that name: the message then asks for a realistic one only
}

// ordinaryWords are type names that are also ordinary values ("Single" underline, "Double" spacing).
var ordinaryWords = map[string]bool{"single": true, "double": true, "binary": true, "byte": true, "date": true, "decimal": true, "time": true, "duration": true}

// listedIn reports whether a description lists w among comma-separated values ("None, Single, Double"), not
// merely uses the word ("a numeric value or an empty string").
func listedIn(description, w string) bool {
	for from := 0; ; {
		i := strings.Index(description[from:], w)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(w)
		before, after := strings.TrimRight(description[:i], " `*"), strings.TrimLeft(description[from:], " `*")
		if i > 0 && isAlnum(description[i-1]) || from < len(description) && isAlnum(description[from]) {
			continue
		}
		if strings.HasSuffix(before, ",") || strings.HasPrefix(after, ",") {
			return true
		}
	}
}

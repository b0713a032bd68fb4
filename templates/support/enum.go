package support

import "strings"

// Enums are named string types: a value the docs do not list (a newer service's, say) decodes and re-encodes as
// it came, so nothing is lost; IsKnown tells whether it is documented, and the handler refuses unknown ones.
//
// A flags enum is a set of members written comma-separated on the wire ("password, sms"). Its value is that
// string, kept as written, so it round-trips exactly; the helpers below give it set operations.

// flagsOf splits a flags value into its members.
func flagsOf[E ~string](v E) []E {
	if strings.TrimSpace(string(v)) == "" {
		return nil
	}
	parts := strings.Split(string(v), ",")
	out := make([]E, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, E(p))
		}
	}
	return out
}

// flagsHas reports whether every member of flag is in v.
func flagsHas[E ~string](v, flag E) bool {
	have := flagsOf(v)
	for _, f := range flagsOf(flag) {
		found := false
		for _, h := range have {
			if h == f {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// flagsWith returns v with the members of flags added (at the end, in order, once each).
func flagsWith[E ~string](v E, flags ...E) E {
	members := flagsOf(v)
	for _, fl := range flags {
		for _, f := range flagsOf(fl) {
			if !flagsHas(joinFlags(members), f) {
				members = append(members, f)
			}
		}
	}
	return joinFlags(members)
}

// flagsWithout returns v without the members of flags.
func flagsWithout[E ~string](v E, flags ...E) E {
	var drop []E
	for _, fl := range flags {
		drop = append(drop, flagsOf(fl)...)
	}
	var kept []E
	for _, m := range flagsOf(v) {
		keep := true
		for _, d := range drop {
			if m == d {
				keep = false
				break
			}
		}
		if keep {
			kept = append(kept, m)
		}
	}
	return joinFlags(kept)
}

// flagsKnown reports whether every member of v satisfies known.
func flagsKnown[E ~string](v E, known func(E) bool) bool {
	for _, f := range flagsOf(v) {
		if !known(f) {
			return false
		}
	}
	return true
}

func joinFlags[E ~string](members []E) E {
	var b strings.Builder
	for i, m := range members {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(m))
	}
	return E(b.String())
}

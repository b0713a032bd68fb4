package mock

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/model"
)

// sampleDepth bounds how deep a built response nests objects (types refer to each other, and to themselves).
const sampleDepth = 3

// replyFromType answers a route the docs show no response of with one built from the operation's documented
// response: its status, and a value of its type — an object with a value of every structural property, a
// {"value": [...]} of one for a collection — that the model's own checks accept.
func (s *state) replyFromType(w http.ResponseWriter, op *model.Operation, head bool) {
	status := op.Response.Status
	ref := op.Response.Type
	if status < 200 || status > 599 {
		status = http.StatusOK
		if ref == nil && op.Method != http.MethodGet {
			status = http.StatusNoContent
		}
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if ref == nil || status == http.StatusNoContent || status == http.StatusNotModified {
		w.WriteHeader(status)
		return
	}
	var v any
	if ref.Collection {
		item := *ref
		item.Collection = false
		v = map[string]any{"value": []any{s.sample(item, 0)}}
	} else if ref.IsPrimitive() {
		v = map[string]any{"value": s.sample(*ref, 0)}
	} else {
		v = s.sample(*ref, 0)
	}
	body, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internalServerError", "Internal Server Error")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if !head {
		w.Write(body)
	}
}

// sample is a value of a type: a fixed value of each primitive in its form, an enum's first member, an object
// with a sample of each structural property (inherited ones included) down to sampleDepth.
func (s *state) sample(ref model.TypeRef, depth int) any {
	if ref.Collection {
		item := ref
		item.Collection = false
		if depth >= sampleDepth {
			return []any{}
		}
		return []any{s.sample(item, depth+1)}
	}
	if ref.IsPrimitive() {
		return samplePrimitive(ref.Name)
	}
	t := s.m.LookupType(ref.Name)
	if t == nil {
		return map[string]any{}
	}
	if t.Kind == model.KindEnum {
		for _, m := range t.Members {
			if m.Name != "unknownFutureValue" {
				return m.Name
			}
		}
		return nil
	}
	obj := map[string]any{}
	if depth >= sampleDepth {
		return obj
	}
	for _, p := range s.m.AllProperties(t) {
		if p.Name == "" || strings.Contains(p.Name, "@") {
			continue
		}
		obj[p.Name] = s.sample(p.Type, depth+1)
	}
	return obj
}

func samplePrimitive(edm string) any {
	switch strings.TrimPrefix(edm, "Edm.") {
	case "String":
		return "string"
	case "Boolean":
		return false
	case "Byte", "SByte", "Int16", "Int32", "Int64", "Single", "Double", "Decimal":
		return 0
	case "Guid":
		return "00000000-0000-0000-0000-000000000000"
	case "DateTimeOffset":
		return "2024-01-01T00:00:00Z"
	case "Date":
		return "2024-01-01"
	case "TimeOfDay":
		return "08:00:00"
	case "Duration":
		return "PT1H"
	case "Binary", "Stream":
		return ""
	}
	return nil
}

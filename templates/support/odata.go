package support

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Collection is one page of a collection: {"@odata.nextLink": "...", "value": [...]}. Like Single it has no methods
// (each would be compiled per element type); the client and handler encode it, and so does Marshal.
type Collection[T any] struct {
	Context   string `json:"@odata.context,omitempty"`
	Count     *int64 `json:"@odata.count,omitempty"`
	NextLink  string `json:"@odata.nextLink,omitempty"`
	DeltaLink string `json:"@odata.deltaLink,omitempty"`
	Value     []T    `json:"value"`
	// AdditionalData keeps the members the docs do not declare, such as other annotations.
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// Single is a single primitive value as OData answers it: {"value": 42}.
type Single[T any] struct {
	Context string `json:"@odata.context,omitempty"`
	Value   T      `json:"value"`
	// AdditionalData keeps the members the docs do not declare, such as other annotations.
	AdditionalData map[string]json.RawMessage `json:"-"`
}

// Error is an OData error: the body {"error": {"code": "...", "message": "..."}} and the status it came with.
// The client returns one for every answer outside 2xx; a Server method returns one to choose the status and code
// the handler answers with (any other error answers 500).
type Error struct {
	StatusCode int // the HTTP status; 0 in an error a Server returns means 500
	Code       string
	Message    string
	Target     string
	Details    []ErrorDetail
	InnerError json.RawMessage // the service's "innerError" object, as sent
	// AdditionalData keeps the other members of the error object, so that reading and writing one loses nothing.
	AdditionalData map[string]json.RawMessage

	// What the client read from the answer's header (not part of the body): how long to wait before trying again
	// (Retry-After, in seconds or as a date; 0 when absent), the service's request-id and client-request-id, its
	// x-ms-ags-diagnostic, and its Date (zero when absent). Header has every header field of the answer. A Server
	// method may set RetryAfter: the handler sends it as Retry-After, in whole seconds.
	RetryAfter      time.Duration
	RequestID       string
	ClientRequestID string
	Diagnostic      string
	Date            time.Time
	Header          http.Header

	unimplemented bool // returned by an Unimplemented method
}

// ErrorDetail is one entry of an OData error's details.
type ErrorDetail struct {
	Code    string
	Message string
	Target  string
	// AdditionalData keeps the members the service adds beyond code, message and target (a naming policy's
	// "prefix" and "suffix").
	AdditionalData map[string]json.RawMessage
}

func (e *Error) Error() string {
	status := ""
	if e.StatusCode != 0 {
		status = fmt.Sprintf(" (HTTP %d)", e.StatusCode)
	}
	if e.Code == "" {
		return "odata error" + status + ": " + e.Message
	}
	return e.Code + status + ": " + e.Message
}

// MarshalJSON writes the OData error body.
func (e *Error) MarshalJSON() ([]byte, error) {
	m := errorMembers(e.AdditionalData, e.Code, e.Message, e.Target)
	if len(e.Details) > 0 {
		m["details"] = e.Details
	}
	if len(e.InnerError) > 0 {
		m["innerError"] = e.InnerError
	}
	return json.Marshal(map[string]any{"error": m})
}

// UnmarshalJSON reads the OData error body.
func (e *Error) UnmarshalJSON(data []byte) error {
	var body struct {
		Error json.RawMessage `json:"error"`
	}
	if err := json.Unmarshal(data, &body); err != nil {
		return err
	}
	*e = Error{StatusCode: e.StatusCode}
	if len(body.Error) == 0 || string(body.Error) == "null" {
		return nil
	}
	rest, err := readErrorMembers(body.Error, &e.Code, &e.Message, &e.Target)
	if err != nil {
		return err
	}
	if raw, ok := rest["details"]; ok {
		if err := json.Unmarshal(raw, &e.Details); err != nil {
			return fmt.Errorf("error details: %w", err)
		}
		delete(rest, "details")
	}
	if raw, ok := rest["innerError"]; ok {
		e.InnerError = raw
		delete(rest, "innerError")
	}
	if len(rest) > 0 {
		e.AdditionalData = rest
	}
	return nil
}

// MarshalJSON writes the detail with its additional members.
func (d ErrorDetail) MarshalJSON() ([]byte, error) {
	return json.Marshal(errorMembers(d.AdditionalData, d.Code, d.Message, d.Target))
}

// UnmarshalJSON reads a detail, keeping the members beyond code, message and target.
func (d *ErrorDetail) UnmarshalJSON(data []byte) error {
	*d = ErrorDetail{}
	rest, err := readErrorMembers(data, &d.Code, &d.Message, &d.Target)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		d.AdditionalData = rest
	}
	return nil
}

// errorMembers is an error object's members to write: the additional ones, then code, message and target (when
// set), which win over additional members of the same name.
func errorMembers(extra map[string]json.RawMessage, code, message, target string) map[string]any {
	m := make(map[string]any, len(extra)+5)
	for k, v := range extra {
		m[k] = v
	}
	m["code"], m["message"] = code, message
	if target != "" {
		m["target"] = target
	}
	return m
}

// readErrorMembers reads an error object's code, message and target and returns its other members.
func readErrorMembers(data []byte, code, message, target *string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	for name, to := range map[string]*string{"code": code, "message": message, "target": target} {
		raw, ok := m[name]
		if !ok {
			continue
		}
		if string(raw) != "null" {
			if err := json.Unmarshal(raw, to); err != nil {
				return nil, fmt.Errorf("error %s: %w", name, err)
			}
		}
		delete(m, name)
	}
	return m, nil
}

func newError(status int, code, format string, args ...any) *Error {
	if code == "" {
		code = http.StatusText(status)
	}
	return &Error{StatusCode: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

package support

import (
	"encoding/json"
	"fmt"
	"net/http"
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
}

// ErrorDetail is one entry of an OData error's details.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
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

type errorBody struct {
	Error errorFields `json:"error"`
}

type errorFields struct {
	Code       string          `json:"code"`
	Message    string          `json:"message"`
	Target     string          `json:"target,omitempty"`
	Details    []ErrorDetail   `json:"details,omitempty"`
	InnerError json.RawMessage `json:"innerError,omitempty"`
}

// MarshalJSON writes the OData error body.
func (e *Error) MarshalJSON() ([]byte, error) {
	return json.Marshal(errorBody{errorFields{e.Code, e.Message, e.Target, e.Details, e.InnerError}})
}

// UnmarshalJSON reads the OData error body.
func (e *Error) UnmarshalJSON(data []byte) error {
	var b errorBody
	if err := json.Unmarshal(data, &b); err != nil {
		return err
	}
	e.Code, e.Message, e.Target, e.Details, e.InnerError = b.Error.Code, b.Error.Message, b.Error.Target, b.Error.Details, b.Error.InnerError
	return nil
}

func newError(status int, code, format string, args ...any) *Error {
	if code == "" {
		code = http.StatusText(status)
	}
	return &Error{StatusCode: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

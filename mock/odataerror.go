package mock

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// writeError answers with the OData error shape the generated handler gives, with the innerError the service adds:
// {"error": {"code", "message", "innerError": {"request-id", "date"}}}.
func writeError(w http.ResponseWriter, status int, code, message string) {
	type innerError struct {
		RequestID string `json:"request-id"`
		Date      string `json:"date"`
	}
	type odataError struct {
		Code       string     `json:"code"`
		Message    string     `json:"message"`
		InnerError innerError `json:"innerError"`
	}
	body, _ := json.Marshal(struct {
		Error odataError `json:"error"`
	}{odataError{code, message, innerError{requestID(), time.Now().UTC().Format("2006-01-02T15:04:05")}}})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body)
}

// requestID is a random GUID, as the service's request-id.
func requestID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// badRequest is a request the mock refuses before answering it.
type badRequest struct {
	status        int
	code, message string
}

func refuse(format string, args ...any) *badRequest {
	return &badRequest{http.StatusBadRequest, "badRequest", fmt.Sprintf(format, args...)}
}

func asMaxBytes(err error, target **http.MaxBytesError) bool { return errors.As(err, target) }

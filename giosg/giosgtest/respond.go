package giosgtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/fake"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// apiError is an answer with an error status and a DRF-style
// {"detail": "..."} body.
type apiError struct {
	status int
	detail string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d: %s", e.status, e.detail) }

func errorf(status int, format string, args ...any) error {
	return &apiError{status: status, detail: fmt.Sprintf(format, args...)}
}

func badRequest(format string, args ...any) error {
	return errorf(http.StatusBadRequest, format, args...)
}

func notFound(format string, args ...any) error {
	return errorf(http.StatusNotFound, format, args...)
}

func conflict(format string, args ...any) error {
	return errorf(http.StatusConflict, format, args...)
}

func forbidden(format string, args ...any) error {
	return errorf(http.StatusForbidden, format, args...)
}

// errorBody is the DRF-style error body {"detail": "..."}.
func errorBody(_ int, detail string) any { return map[string]string{"detail": detail} }

func writeError(w http.ResponseWriter, status int, detail string) {
	fake.WriteJSON(w, status, errorBody(status, detail))
}

func writeJSON(w http.ResponseWriter, status int, v any) { fake.WriteJSON(w, status, v) }

// handlerFunc serves one route with the state lock held: it returns the
// status and the JSON value to answer, or an error (an *apiError, else 500).
type handlerFunc func(r *http.Request) (int, any, error)

// serve adapts h to http.HandlerFunc: it holds s.mu while h runs.
func (s *Server) serve(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// The kit has read, bounded and buffered the body before the lock
		// is taken: a slow client does not hold up the others.
		s.mu.Lock()
		status, v, err := h(r)
		s.mu.Unlock()
		if err != nil {
			ae := &apiError{}
			if errors.As(err, &ae) {
				writeError(w, ae.status, ae.detail)
				return
			}
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, status, v)
	}
}

// body is a decoded JSON request object.
type body map[string]json.RawMessage

// readBody decodes the request's JSON object. An empty body is an empty
// object; anything but a JSON object is a 400.
func readBody(r *http.Request) (body, error) {
	data, err := io.ReadAll(r.Body) // bounded by the kit
	if err != nil {
		return nil, badRequest("cannot read the request body")
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return body{}, nil
	}
	var b body
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, badRequest("JSON parse error - %v", err)
	}
	if b == nil {
		return nil, badRequest("Invalid data. Expected a dictionary, but got null.")
	}
	return b, nil
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(bytes.TrimSpace(raw)) == "null"
}

// present reports whether key was sent with a non-null value.
func (b body) present(key string) bool {
	raw, ok := b[key]
	return ok && !isNull(raw)
}

// boolField reads a boolean the way Django REST Framework does (true,
// false, 1, 0, "true", "false", ...). ok is false when the key is absent or
// null.
func (b body) boolField(key string) (v, ok bool, err error) {
	raw, found := b[key]
	if !found || isNull(raw) {
		return false, false, nil
	}
	var x lenient.Bool
	if err := json.Unmarshal(raw, &x); err != nil {
		return false, false, badRequest("%s: Must be a valid boolean.", key)
	}
	return bool(x), true, nil
}

// requiredBool is boolField with a 400 when the key is missing.
func (b body) requiredBool(key string) (bool, error) {
	v, ok, err := b.boolField(key)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, badRequest("%s: This field is required.", key)
	}
	return v, nil
}

// stringField reads a string; ok is false when the key is absent or null.
func (b body) stringField(key string) (v string, ok bool, err error) {
	raw, found := b[key]
	if !found || isNull(raw) {
		return "", false, nil
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", false, badRequest("%s: Not a valid string.", key)
	}
	return v, true, nil
}

// requiredString is stringField with a 400 when the key is missing or
// blank.
func (b body) requiredString(key string) (string, error) {
	v, ok, err := b.stringField(key)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", badRequest("%s: This field is required.", key)
	}
	if strings.TrimSpace(v) == "" {
		return "", badRequest("%s: This field may not be blank.", key)
	}
	return v, nil
}

// optString reads a nullable string: nil when absent, null or "".
func (b body) optString(key string) (*string, error) {
	v, ok, err := b.stringField(key)
	if err != nil || !ok || v == "" {
		return nil, err
	}
	return &v, nil
}

// queryBool reads a boolean filter: nil when absent, a 400 when not a
// boolean. "false" is a real filter value.
func queryBool(r *http.Request, key string) (*bool, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return nil, nil
	}
	switch strings.ToLower(v) {
	case "true", "1", "yes", "on":
		t := true
		return &t, nil
	case "false", "0", "no", "off":
		f := false
		return &f, nil
	}
	return nil, badRequest("%s: Must be a valid boolean, not %q.", key, v)
}

// queryTime reads an ISO 8601 datetime filter (with or without a zone).
func queryTime(r *http.Request, key string) (*time.Time, error) {
	v := r.URL.Query().Get(key)
	if v == "" {
		return nil, nil
	}
	t, err := lenient.ParseTime(v)
	if err != nil {
		return nil, badRequest("%s: Enter a valid date/time, not %q.", key, v)
	}
	return &t, nil
}

// queryList reads a comma-separated list filter.
func queryList(r *http.Request, key string) []string {
	v := r.URL.Query().Get(key)
	if v == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

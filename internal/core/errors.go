package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk"
)

// MaxErrorBody is how much of an error response body is read and kept.
const MaxErrorBody = chatsdk.MaxErrorBody

func newDecodeError(op string, status int, err error) *chatsdk.DecodeError {
	de := &chatsdk.DecodeError{Operation: op, StatusCode: status, Err: err}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		de.Field = te.Field
	}
	var fe interface{ JSONField() string }
	if errors.As(err, &fe) && de.Field == "" {
		de.Field = fe.JSONField()
	}
	return de
}

// errorBody is the union of the error shapes the three APIs use:
// chat.io {"error": {"type", "message"}}, Django REST Framework
// {"detail": "..."}, JSON:API {"errors": [{"code","title","detail"}]}, and
// the plain {"error": "..."} / {"message": "..."}. Fields are raw so that an
// unexpected type in one of them does not hide the others.
type errorBody struct {
	Error   json.RawMessage `json:"error"`
	Detail  json.RawMessage `json:"detail"`
	Message json.RawMessage `json:"message"`
	Errors  json.RawMessage `json:"errors"`
}

// maxShownBody is the largest unrecognised body used as the message.
const maxShownBody = 512

// parseErrorBody fills Type and Message from whichever known shape body
// has. A short body of another shape (Django REST Framework field errors,
// plain text) becomes the message as it is.
func parseErrorBody(e *chatsdk.APIError, body []byte) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return
	}
	if !json.Valid(body) {
		if len(body) <= maxShownBody && utf8.Valid(body) {
			e.Message = string(body)
		}
		return
	}
	var eb errorBody
	if json.Unmarshal(body, &eb) == nil {
		var obj struct {
			Type    json.RawMessage `json:"type"`
			Code    json.RawMessage `json:"code"`
			Message json.RawMessage `json:"message"`
		}
		if json.Unmarshal(eb.Error, &obj) == nil {
			e.Type, e.Message = jsonText(obj.Type), jsonText(obj.Message)
			if e.Type == "" {
				e.Type = jsonText(obj.Code)
			}
		} else {
			e.Message = jsonText(eb.Error)
		}
		if e.Message == "" {
			e.Message = jsonText(eb.Detail)
		}
		if e.Message == "" {
			e.Message = jsonText(eb.Message)
		}
		var list []struct {
			Code   json.RawMessage `json:"code"`
			Title  json.RawMessage `json:"title"`
			Detail json.RawMessage `json:"detail"`
		}
		if json.Unmarshal(eb.Errors, &list) == nil && len(list) > 0 {
			first := list[0]
			if e.Message == "" {
				e.Message = jsonText(first.Detail)
			}
			if e.Message == "" {
				e.Message = jsonText(first.Title)
			}
			if e.Type == "" {
				e.Type = jsonText(first.Code)
			}
		}
	}
	if e.Message == "" && e.Type == "" && len(body) <= maxShownBody {
		if text := jsonText(body); text != "{}" && text != "[]" {
			e.Message = text
		}
	}
}

// jsonText is a JSON string's contents, or any other JSON value compacted
// ("" for null or nothing).
func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return ""
	}
	return b.String()
}

// requestIDHeaders are the response headers read into APIError.RequestID.
var requestIDHeaders = []string{"X-Request-Id", "Request-Id", "X-Amzn-Requestid", "X-Correlation-Id"}

func requestID(h http.Header) string {
	for _, k := range requestIDHeaders {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}

// maxRetryAfter bounds what ParseRetryAfter returns.
const maxRetryAfter = 365 * 24 * time.Hour

// ParseRetryAfter reads a Retry-After header given in seconds or as an
// HTTP-date. It returns 0 when the header is absent, unreadable or in the
// past, and at most one year.
func ParseRetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if allDigits(v) {
		secs, err := strconv.ParseInt(v, 10, 64)
		if err != nil || secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		return time.Duration(secs) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d <= 0 {
			return 0
		}
		return min(d, maxRetryAfter)
	}
	return 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

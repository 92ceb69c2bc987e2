package core

import (
	"errors"
	"net/http"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk"
)

func FuzzParseErrorBody(f *testing.F) {
	for _, seed := range []string{
		`{"error":{"type":"authorization","message":"Invalid access token"}}`,
		`{"error":{"code":"E42","message":"Bad"}}`,
		`{"error":{"type":5,"message":["x"]}}`,
		`{"detail":"Not found."}`,
		`{"detail":{"name":["required"]}}`,
		`{"errors":[{"code":"not_found","title":"Not Found","detail":"Agent 4"}]}`,
		`{"errors":[{"code":404,"title":"Not Found"}]}`,
		`{"errors":"nope"}`,
		`{"errors":[null,1]}`,
		`{"error":"invalid_grant"}`,
		`{"message":"Rate limit exceeded"}`,
		`{"success":"Deleted"}`,
		`{"name":["This field is required."]}`,
		`"just a string"`,
		`[1,2,3]`,
		`null`,
		`12`,
		"Service Unavailable\n",
		"<html><body>502 Bad Gateway</body></html>",
		"",
		"\xff\xfe\x00",
		`{"detail":"\ud800"}`,
		`{"error":{"message":"a"},"error":"b"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &chatsdk.APIError{Operation: "fuzz.Op", Method: "GET", Path: "/x", StatusCode: 400, Body: body}
		parseErrorBody(e, body)
		// Invalid UTF-8 inside a JSON string becomes U+FFFD (3 bytes a byte).
		if len(e.Message) > 3*len(body) || len(e.Type) > 3*len(body) {
			t.Fatalf("message %q / type %q longer than body %q", e.Message, e.Type, body)
		}
		if e.Message != "" && !utf8.ValidString(e.Message) && utf8.Valid(body) {
			t.Fatalf("message %q is not UTF-8 though the body is", e.Message)
		}
		s := e.Error()
		if s == "" || !errors.Is(e, chatsdk.ErrBadRequest) {
			t.Fatalf("bad error %q", s)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2026, 11, 21, 5, 0, 0, 0, time.UTC)
	for _, seed := range []string{
		"", "0", "1", "2", "120", "-1", "+5", "1.5", " 7 ", "99999999999999999999999", "31536001",
		now.Add(3 * time.Second).Format(http.TimeFormat),
		now.Add(-time.Hour).Format(http.TimeFormat),
		now.Add(90 * time.Second).Format(time.RFC850),
		now.Add(10 * time.Second).Format(time.ANSIC),
		"Fri, 31 Dec 9999 23:59:59 GMT",
		"Mon, 01 Jan 0001 00:00:00 GMT",
		"soon",
	} {
		f.Add(seed, 0)
	}
	f.Fuzz(func(t *testing.T, value string, attempt int) {
		h := http.Header{"Retry-After": {value}}
		d := ParseRetryAfter(h, now)
		if d < 0 || d > maxRetryAfter {
			t.Fatalf("ParseRetryAfter(%q) = %s", value, d)
		}
		if attempt < 0 {
			attempt = -attempt
		}
		attempt %= 1000
		min, max := 10*time.Millisecond, time.Second
		w := Backoff(min, max, attempt, &http.Response{StatusCode: 503, Header: h})
		if w < 0 || w > max {
			t.Fatalf("Backoff(attempt %d, Retry-After %q) = %s", attempt, value, w)
		}
	})
}

package core

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

func TestParseErrorBodyShapes(t *testing.T) {
	long := strings.Repeat("<p>gateway</p>", 100)
	for _, tc := range []struct {
		name, body, typ, msg string
	}{
		{"chat.io", `{"error":{"type":"authorization","message":"Invalid access token"}}`, "authorization", "Invalid access token"},
		{"error object with code", `{"error":{"code":"E42","message":"Bad thing"}}`, "E42", "Bad thing"},
		{"DRF detail", `{"detail":"Not found."}`, "", "Not found."},
		{"DRF detail object", `{"detail":{"name":["required"]}}`, "", `{"name":["required"]}`},
		{"JSON:API", `{"errors":[{"code":"not_found","title":"Not Found","detail":"Agent 4 does not exist"},{"code":"other"}]}`, "not_found", "Agent 4 does not exist"},
		{"JSON:API numeric code, title only", `{"errors":[{"code":404,"title":"Not Found"}]}`, "404", "Not Found"},
		{"plain error string", `{"error":"invalid_grant"}`, "", "invalid_grant"},
		{"message", `{"message":"Rate limit exceeded","status":429}`, "", "Rate limit exceeded"},
		{"chatrhub failure", `{"failure":"Invalid usernames or authentication."}`, "", `{"failure":"Invalid usernames or authentication."}`},
		{"DRF field errors", `{"name": ["This field is required."]}`, "", `{"name":["This field is required."]}`},
		{"plain text", "Service Unavailable\n", "", "Service Unavailable"},
		{"long HTML", long, "", ""},
		{"empty", "", "", ""},
		{"empty object", `{}`, "", ""},
		{"null error", `{"error":null}`, "", `{"error":null}`},
		{"message of another type", `{"message":{"text":"x"},"code":5}`, "", `{"text":"x"}`},
		{"JSON string", `"oops"`, "", "oops"},
		{"binary", "\xff\xfe", "", ""},
		{"array", `[1,2]`, "", "[1,2]"},
	} {
		var e chatsdk.APIError
		parseErrorBody(&e, []byte(tc.body))
		assert.Equal(t, tc.typ, e.Type, tc.name)
		assert.Equal(t, tc.msg, e.Message, tc.name)
	}
}

func TestAPIErrorFromServer(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-123")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"errors":[{"code":"not_found","detail":"Agent a/b does not exist"}]}`)
	})
	c := newTestClient(t, srv.URL+"/api/v1")
	_, err := c.Do(ctxBG(), get(routePath("/agents/{agent_id}.json", "a/b")), nil)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "test.Things.Get", apiErr.Operation)
	assert.Equal(t, "GET", apiErr.Method)
	assert.Equal(t, "/api/v1/agents/a%2Fb.json", apiErr.Path, "the path as sent")
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "not_found", apiErr.Type)
	assert.Equal(t, "Agent a/b does not exist", apiErr.Message)
	assert.Equal(t, "req-123", apiErr.RequestID)
	assert.Equal(t, "req-123", apiErr.Header.Get("X-Request-Id"))
	assert.JSONEq(t, `{"errors":[{"code":"not_found","detail":"Agent a/b does not exist"}]}`, string(apiErr.Body))
	assert.Equal(t, "test.Things.Get: GET /api/v1/agents/a%2Fb.json: 404 Not Found (not_found): Agent a/b does not exist [request id req-123]", err.Error())
	assert.ErrorIs(t, err, chatsdk.ErrNotFound)
}

func TestRequestIDHeaders(t *testing.T) {
	for _, h := range []string{"X-Request-Id", "Request-Id", "X-Amzn-Requestid", "X-Correlation-Id"} {
		assert.Equal(t, "id-1", requestID(http.Header{http.CanonicalHeaderKey(h): {"id-1"}}), h)
	}
	assert.Empty(t, requestID(http.Header{}))
}

func TestErrorBodyIsCappedAt1MiB(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		chunk := strings.Repeat("x", 64<<10)
		for i := 0; i < 48; i++ { // 3 MiB
			if _, err := io.WriteString(w, chunk); err != nil {
				return
			}
		}
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), get("/a"), nil)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Len(t, apiErr.Body, MaxErrorBody)
	assert.Equal(t, 1<<20, MaxErrorBody)
	assert.Empty(t, apiErr.Message, "a huge non-JSON body is not a message")
	assert.Less(t, len(err.Error()), 300)
}

func TestSentinelMapping(t *testing.T) {
	all := []error{chatsdk.ErrBadRequest, chatsdk.ErrUnauthorized, chatsdk.ErrForbidden, chatsdk.ErrNotFound, chatsdk.ErrConflict, chatsdk.ErrRateLimited, chatsdk.ErrServer,
		chatsdk.ErrMayHaveBeenApplied, chatsdk.ErrUnsafeNextURL, chatsdk.ErrRepeatedCursor, chatsdk.ErrPageLimit}
	for _, tc := range []struct {
		err  *chatsdk.APIError
		want []error
	}{
		{&chatsdk.APIError{StatusCode: 400}, []error{chatsdk.ErrBadRequest}},
		{&chatsdk.APIError{StatusCode: 422}, []error{chatsdk.ErrBadRequest}},
		{&chatsdk.APIError{StatusCode: 401}, []error{chatsdk.ErrUnauthorized}},
		{&chatsdk.APIError{StatusCode: 403}, []error{chatsdk.ErrForbidden}},
		{&chatsdk.APIError{StatusCode: 404}, []error{chatsdk.ErrNotFound}},
		{&chatsdk.APIError{StatusCode: 409}, []error{chatsdk.ErrConflict}},
		{&chatsdk.APIError{StatusCode: 429}, []error{chatsdk.ErrRateLimited}},
		{&chatsdk.APIError{StatusCode: 500}, []error{chatsdk.ErrServer}},
		{&chatsdk.APIError{StatusCode: 502}, []error{chatsdk.ErrServer}},
		{&chatsdk.APIError{StatusCode: 503, RetryAfterTooLong: true}, []error{chatsdk.ErrServer, chatsdk.ErrRateLimited}},
		{&chatsdk.APIError{StatusCode: 503, MayHaveBeenApplied: true}, []error{chatsdk.ErrServer, chatsdk.ErrMayHaveBeenApplied}},
		{&chatsdk.APIError{StatusCode: 418}, nil},
		{&chatsdk.APIError{StatusCode: 405}, nil},
	} {
		for _, wrapped := range []error{tc.err, fmt.Errorf("outer: %w", tc.err), fmt.Errorf("a: %w", fmt.Errorf("b: %w", tc.err))} {
			for _, s := range all {
				want := false
				for _, w := range tc.want {
					want = want || w == s //nolint:errorlint // the sentinels themselves are compared
				}
				assert.Equal(t, want, errors.Is(wrapped, s), "%d is %v", tc.err.StatusCode, s)
			}
			var got *chatsdk.APIError
			require.ErrorAs(t, wrapped, &got)
			assert.Same(t, tc.err, got)
		}
	}
	re := &chatsdk.RequestError{Operation: "op", Method: "POST", Path: "/m", MayHaveBeenApplied: true, Err: io.ErrUnexpectedEOF}
	assert.ErrorIs(t, fmt.Errorf("x: %w", re), chatsdk.ErrMayHaveBeenApplied)
	assert.ErrorIs(t, re, io.ErrUnexpectedEOF)
	assert.Equal(t, "op: POST /m: unexpected EOF (not retried: the request was sent and may have been applied)", re.Error())
	re.MayHaveBeenApplied = false
	assert.NotErrorIs(t, re, chatsdk.ErrMayHaveBeenApplied)
}

func TestDecodeErrorNamesOperationAndField(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/typed":
			_, _ = io.WriteString(w, `{"data":{"attributes":{"x":"not a number"}}}`)
		case "/lenient":
			_, _ = io.WriteString(w, `{"data":{"attributes":{"agent_id":"four"}}}`)
		case "/list":
			_, _ = io.WriteString(w, `{"data":[{"attributes":{"created":"yesterday"}}]}`)
		default:
			_, _ = io.WriteString(w, `{"data":`)
		}
	})
	c := newTestClient(t, srv.URL)
	var typed struct {
		Data struct {
			Attributes struct {
				X int `json:"x"`
			} `json:"attributes"`
		} `json:"data"`
	}
	resp, err := c.Do(ctxBG(), &Request{Operation: "test.Agents.Get", Method: "GET", Path: "/typed"}, &typed)
	var de *chatsdk.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "test.Agents.Get", de.Operation)
	assert.Equal(t, "data.attributes.x", de.Field)
	assert.Equal(t, 200, de.StatusCode)
	assert.Contains(t, err.Error(), `test.Agents.Get: decoding response field "data.attributes.x"`)
	require.NotNil(t, resp, "the response metadata comes with a decode error")
	assert.Equal(t, 200, resp.StatusCode)

	var len1 struct {
		Data struct {
			Attributes struct {
				AgentID lenient.Int `json:"agent_id"`
			} `json:"attributes"`
		} `json:"data"`
	}
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Agents.Get", Method: "GET", Path: "/lenient"}, &len1)
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "data.attributes.agent_id", de.Field, "lenient types report the field too")

	var list struct {
		Data []struct {
			Attributes struct {
				Created lenient.Time `json:"created"`
			} `json:"attributes"`
		} `json:"data"`
	}
	_, err = c.Do(ctxBG(), &Request{Operation: "test.Agents.List", Method: "GET", Path: "/list"}, &list)
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "data.attributes.created", de.Field)

	_, err = c.Do(ctxBG(), &Request{Operation: "test.Agents.Get", Method: "GET", Path: "/truncated"}, &typed)
	require.ErrorAs(t, err, &de)
	assert.Empty(t, de.Field)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Contains(t, err.Error(), "test.Agents.Get: decoding response: ")
}

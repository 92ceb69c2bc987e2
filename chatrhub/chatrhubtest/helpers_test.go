package chatrhubtest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// setup starts a seeded server and a client for it.
func setup(t *testing.T, opts ...chatrhubtest.Option) (*chatrhubtest.Server, *chatrhub.Client) {
	t.Helper()
	srv := chatrhubtest.NewServer(opts...)
	t.Cleanup(srv.Close)
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(5*time.Millisecond))
	require.NoError(t, err)
	return srv, c
}

// clientWithToken is a client of srv that sends token.
func clientWithToken(t *testing.T, srv *chatrhubtest.Server, token string) *chatrhub.Client {
	t.Helper()
	c, err := chatrhub.NewClient(token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithMaxRetries(0))
	require.NoError(t, err)
	return c
}

// rawResponse is an answer to a request sent without the client.
type rawResponse struct {
	status int
	header http.Header
	body   map[string]any
	text   string
}

// detail returns the detail of the first JSON:API error.
func (r rawResponse) detail() string {
	errs, _ := r.body["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	e, _ := errs[0].(map[string]any)
	d, _ := e["detail"].(string)
	return d
}

// raw sends a request to srv.BaseURL+path (path already escaped) with the
// valid token, and a JSON body when body is not "".
func raw(t *testing.T, srv *chatrhubtest.Server, method, path, body string) rawResponse {
	t.Helper()
	return rawWithToken(t, srv, method, path, body, srv.Token)
}

func rawWithToken(t *testing.T, srv *chatrhubtest.Server, method, path, body, token string) rawResponse {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, srv.BaseURL+path, rd)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	out := rawResponse{status: resp.StatusCode, header: resp.Header, text: string(b)}
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &out.body), "body %s", b)
	}
	return out
}

// requireStatus asserts err is a *chatsdk.APIError with status.
func requireStatus(t *testing.T, err error, status int) *chatsdk.APIError {
	t.Helper()
	require.Error(t, err)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, status, apiErr.StatusCode, "error: %v", err)
	return apiErr
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var ctx = context.Background()

// assertTime asserts got is the instant want.
func assertTime(t *testing.T, want time.Time, got chatrhub.Time) {
	t.Helper()
	assert.True(t, want.Equal(got.Time), "want %s, got %s", want, got.Time)
}

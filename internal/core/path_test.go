package core

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPathfKeepsEachArgumentOneSegment(t *testing.T) {
	for _, id := range []string{"a/b", "..", ".", "x?y", "x#y", "50%", "a b", "../agents"} {
		p := Pathf("/agents/%s.json", id)
		c, err := NewClient(Defaults{API: "test", BaseURL: "https://api.example.test/api/v1", AuthScheme: "Bearer"}, "tok",
			WithHTTPClient(&http.Client{Transport: mockEcho(t)}))
		require.NoError(t, err)
		var got struct{ Path string }
		_, err = c.Do(context.Background(), &Request{Operation: "test", Method: http.MethodGet, Path: p}, &got)
		require.NoError(t, err)
		assert.Equal(t, "/api/v1"+p, got.Path, "id %q", id)
	}
}

// mockEcho answers every request with its escaped path.
func mockEcho(t *testing.T) *httpmock.MockTransport {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		return httpmock.NewJsonResponse(200, map[string]string{"Path": r.URL.EscapedPath()})
	})
	return mt
}

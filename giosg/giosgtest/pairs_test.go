package giosgtest_test

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// documentedPairs is every line of internal/endpoints/giosg.txt, as
// "METHOD /path/template".
var documentedPairs = func() []string {
	eps, err := testkit.LoadEndpoints("giosg")
	if err != nil {
		panic(err)
	}
	return testkit.Keys(eps)
}()

// TestEveryPairIsRouted sends each line of internal/endpoints/giosg.txt
// with placeholder IDs and an invalid token: a served route answers 401,
// an unknown one would be a 404 or 405.
func TestEveryPairIsRouted(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	param := regexp.MustCompile(`<([a-z_]+)>`)
	for _, e := range testkit.Endpoints(t, "giosg") {
		path := param.ReplaceAllString(e.Path(), "x${1}x")
		req, err := http.NewRequest(e.Method, srv.BaseURL+path, nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Token wrong")
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, e.Key())
	}
}

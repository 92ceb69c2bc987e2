package core

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A redirect to another origin (another port here; also another host,
// scheme or subdomain) is not followed, so the token never reaches it: the
// 3xx answer becomes an *APIError.
func TestRedirectOffOriginIsNotFollowed(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		_, _ = w.Write([]byte(`{}`))
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/stolen", http.StatusFound)
	}))
	defer srv.Close()

	_, err := newTestClient(t, srv.URL).Do(ctxBG(), get("/things"), &struct{}{})

	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr, "got %v", err)
	assert.Equal(t, http.StatusFound, apiErr.StatusCode)
	assert.Contains(t, apiErr.Error(), "redirect not followed")
	assert.Zero(t, elsewhere.Load(), "the other origin got no request")
}

func TestRedirectOnTheSameOriginIsFollowed(t *testing.T) {
	var auth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		auth.Store(r.Header.Get("Authorization"))
		_, _ = w.Write([]byte(`{"ok": true}`))
	}))
	defer srv.Close()

	var out struct{ OK bool }
	_, err := newTestClient(t, srv.URL).Do(ctxBG(), get("/old"), &out)

	require.NoError(t, err)
	assert.True(t, out.OK)
	assert.Equal(t, "Bearer "+testToken, auth.Load())
}

func TestCallersRedirectPolicyStillApplies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	}))
	defer srv.Close()
	refuse := errors.New("no redirects here")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return refuse }}

	_, err := newTestClient(t, srv.URL, chatsdk.WithHTTPClient(hc), chatsdk.WithMaxRetries(0)).Do(ctxBG(), get("/start"), nil)

	assert.ErrorIs(t, err, refuse)
	assert.NotNil(t, hc.CheckRedirect, "the caller's client is not modified")
}

func TestResponseBodyIsBounded(t *testing.T) {
	const limit = 1 << 10
	huge := io.MultiReader(strings.NewReader(`"`), io.LimitReader(zeros{}, limit+1))
	_, _, err := readBody(huge, -1, limit)
	assert.ErrorIs(t, err, errResponseTooLarge)
	var out any
	require.NoError(t, decodeBody(bytes.NewReader([]byte(`{"a": 1}`)), &out))
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// rawBody records the body core hands to a BodyDecoder.
type rawBody struct{ got string }

func (r *rawBody) DecodeBody(data []byte) error { r.got = string(data); return nil }

func TestBodyDecoderGetsTheWholeBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"data": [1, 2]}`))
	}))
	defer srv.Close()
	var out rawBody
	_, err := newTestClient(t, srv.URL).Do(ctxBG(), get("/things"), &out)
	require.NoError(t, err)
	assert.JSONEq(t, `{"data": [1, 2]}`, out.got)
}

package core

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errTransportEcho = errors.New("transport refused the request")

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestTokenRedactedFromTransportErrors: a transport error that quotes the
// Authorization header, or a URL that holds the token, never shows the
// token in the RequestError, which still matches the transport's error.
func TestTokenRedactedFromTransportErrors(t *testing.T) {
	cases := map[string]struct {
		path string
		rt   roundTripFunc
	}{
		"error quotes the header": {"/things", func(r *http.Request) (*http.Response, error) {
			return nil, fmt.Errorf("proxy rejected %q: %w", r.Header.Get("Authorization"), errTransportEcho)
		}},
		"token in the URL": {"/things/" + testToken, func(*http.Request) (*http.Response, error) {
			return nil, errTransportEcho
		}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			calls := 0
			rt := func(r *http.Request) (*http.Response, error) { calls++; return tc.rt(r) }
			c := newTestClient(t, "https://api.test", chatsdk.WithHTTPClient(&http.Client{Transport: roundTripFunc(rt)}), chatsdk.WithMaxRetries(0))

			_, err := c.Do(ctxBG(), get(tc.path), nil)
			require.Error(t, err)
			require.Equal(t, 1, calls)
			var reqErr *chatsdk.RequestError
			require.ErrorAs(t, err, &reqErr)
			assert.NotContains(t, err.Error(), testToken)
			assert.NotContains(t, reqErr.Err.Error(), testToken)
			assert.Contains(t, reqErr.Err.Error(), redactedMark)
			assert.ErrorIs(t, err, errTransportEcho)
		})
	}
}

// TestTransportErrorsHideTheQuery: net/http quotes the whole URL in a
// transport failure; the RequestError's message leaves the query out (it
// may hold user data), the *url.Error and the transport's error stay in the
// chain.
func TestTransportErrorsHideTheQuery(t *testing.T) {
	rt := roundTripFunc(func(*http.Request) (*http.Response, error) { return nil, errTransportEcho })
	c := newTestClient(t, "https://api.test", chatsdk.WithHTTPClient(&http.Client{Transport: rt}), chatsdk.WithMaxRetries(0))
	r := get("/visitors")
	r.Query = url.Values{"email": {"visitor@example.com"}, "name": {"Ann Visitor"}}

	_, err := c.Do(ctxBG(), r, nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "visitor%40example.com")
	assert.NotContains(t, err.Error(), "Visitor")
	assert.Contains(t, err.Error(), `"https://api.test/visitors"`)
	var urlErr *url.Error
	require.ErrorAs(t, err, &urlErr)
	assert.Contains(t, urlErr.URL, "email=visitor%40example.com")
	assert.ErrorIs(t, err, errTransportEcho)
}

var errDecodeEcho = errors.New("cannot decode")

// tokenEchoingBody fails to decode with an error that quotes the body.
type tokenEchoingBody struct{}

func (*tokenEchoingBody) DecodeBody(data []byte) error {
	return fmt.Errorf("unexpected %s: %w", data, errDecodeEcho)
}

// TestTokenRedactedFromDecodeErrors: a decode error that quotes a body which
// echoed the token never shows the token in the DecodeError, which still
// matches the decoder's error.
func TestTokenRedactedFromDecodeErrors(t *testing.T) {
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		body := `{"you_sent":"` + r.Header.Get("Authorization") + `"}`
		return &http.Response{
			StatusCode: http.StatusOK,
			Header:     http.Header{"Content-Type": {"application/json"}},
			Body:       io.NopCloser(strings.NewReader(body)),
			Request:    r,
		}, nil
	})
	c := newTestClient(t, "https://api.test", chatsdk.WithHTTPClient(&http.Client{Transport: rt}), chatsdk.WithMaxRetries(0))

	_, err := c.Do(ctxBG(), get("/things"), &tokenEchoingBody{})
	require.Error(t, err)
	var decErr *chatsdk.DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.NotContains(t, err.Error(), testToken)
	assert.NotContains(t, decErr.Err.Error(), testToken)
	assert.Contains(t, err.Error(), redactedMark)
	assert.ErrorIs(t, err, errDecodeEcho)
}

// TestRequestErrorPathHidesToken: a path that holds the token must not show
// it in RequestError.Path or Error().
func TestRequestErrorPathHidesToken(t *testing.T) {
	rt := roundTripFunc(func(*http.Request) (*http.Response, error) { return nil, errTransportEcho })
	c := newTestClient(t, "https://api.test", chatsdk.WithHTTPClient(&http.Client{Transport: rt}), chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/things/"+testToken), nil)
	var reqErr *chatsdk.RequestError
	require.ErrorAs(t, err, &reqErr)
	assert.NotContains(t, err.Error(), testToken)
	assert.NotContains(t, reqErr.Path, testToken)
}

// TestAPIErrorPathHidesToken: the same for an answer of 400 or more.
func TestAPIErrorPathHidesToken(t *testing.T) {
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: http.StatusNotFound, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	})
	c := newTestClient(t, "https://api.test", chatsdk.WithHTTPClient(&http.Client{Transport: rt}), chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/things/"+testToken), nil)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.NotContains(t, err.Error(), testToken)
	assert.NotContains(t, apiErr.Path, testToken)
}

package chatrhub_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/jarcoal/httpmock"
)

// NewClient does not depend on http.DefaultTransport being an
// *http.Transport: httpmock.Activate replaces it.
func TestNewClientWithHTTPMockActivated(t *testing.T) {
	httpmock.Activate()
	defer httpmock.DeactivateAndReset()
	if _, err := chatrhub.NewClient("tok"); err != nil {
		t.Fatal(err)
	}

	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMaxRetries(0))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if _, err := c.Raw(context.Background(), http.MethodGet, "/x", nil, nil, &out); err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 1 {
		t.Fatalf("server saw %d requests, want 1", hits.Load())
	}
}

// A 200 whose body is empty, null or {} where an object is documented is a
// *chatsdk.DecodeError, never a zero value.
func TestEmptyAnswerIsADecodeError(t *testing.T) {
	for _, body := range []string{``, `null`, `{}`, " { } "} {
		mt := httpmock.NewMockTransport()
		mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusOK, body))
		c, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL("https://api.example.test"),
			chatsdk.WithHTTPClient(&http.Client{Transport: mt}), chatsdk.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Agents.Get(context.Background(), 4)
		var de *chatsdk.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("body %q: got %+v, %v; want a *chatsdk.DecodeError", body, got, err)
		}
		if mt.GetTotalCallCount() != 1 {
			t.Errorf("body %q: %d requests, want 1", body, mt.GetTotalCallCount())
		}
	}
}

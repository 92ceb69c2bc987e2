package testkit

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"

	"github.com/chatsdk-go/chatsdk"
)

// RawClient is what every API client offers: Raw, the call of any path.
type RawClient interface {
	Raw(ctx context.Context, method, path string, query url.Values, body, out any, opts ...chatsdk.CallOption) (*chatsdk.Response, error)
}

// NewClientFunc is an API package's NewClient.
type NewClientFunc[C any] func(token string, opts ...chatsdk.Option) (C, error)

// CheckNewClientUnderGlobalHTTPMock checks that newClient does not depend on
// http.DefaultTransport being an *http.Transport: it activates the GLOBAL
// httpmock (which replaces http.DefaultTransport), builds a default client,
// then checks that a client with its own base URL reaches a loopback server
// exactly once through Raw.
func CheckNewClientUnderGlobalHTTPMock[C RawClient](t *testing.T, newClient NewClientFunc[C]) {
	t.Helper()
	httpmock.Activate()
	defer httpmock.DeactivateAndReset()
	if _, err := newClient("tok"); err != nil {
		t.Fatal(err)
	}

	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c, err := newClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMaxRetries(0))
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

// CheckEmptyAnswerIsADecodeError checks that a 200 whose body is empty, null
// or {} where get expects an object is a *chatsdk.DecodeError, never a zero
// value, and that it costs exactly one request. get calls one documented
// operation that answers an object.
func CheckEmptyAnswerIsADecodeError[C any](t *testing.T, newClient NewClientFunc[C], get func(ctx context.Context, c C) (any, error)) {
	t.Helper()
	for _, body := range []string{``, `null`, `{}`, " { } "} {
		mt := httpmock.NewMockTransport()
		mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusOK, body))
		c, err := newClient("tok", chatsdk.WithBaseURL("https://api.example.test"),
			chatsdk.WithHTTPClient(&http.Client{Transport: mt}), chatsdk.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		got, err := get(context.Background(), c)
		var de *chatsdk.DecodeError
		if !errors.As(err, &de) {
			t.Errorf("body %q: got %+v, %v; want a *chatsdk.DecodeError", body, got, err)
		}
		if mt.GetTotalCallCount() != 1 {
			t.Errorf("body %q: %d requests, want 1", body, mt.GetTotalCallCount())
		}
	}
}

// FlakyServer starts a loopback server that answers 503 to the first fail
// requests, then status with body, always with the X-Request-Id "rid-1" and
// a JSON content type; it counts the requests and closes when the test ends.
func FlakyServer(t *testing.T, fail int32, status int, body string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "rid-1")
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1) <= fail {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// FastClient builds a client against baseURL whose retries wait one
// millisecond.
func FastClient[C any](t *testing.T, newClient NewClientFunc[C], baseURL string) C {
	t.Helper()
	return ClientFor(t, newClient, "test-token", baseURL,
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
}

// ClientFor builds a client with token against baseURL (a fake server's
// Token and BaseURL), failing the test when newClient fails.
func ClientFor[C any](t *testing.T, newClient NewClientFunc[C], token, baseURL string, opts ...chatsdk.Option) C {
	t.Helper()
	c, err := newClient(token, append([]chatsdk.Option{chatsdk.WithBaseURL(baseURL)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ServiceMethods lists the methods of every exported *XxxService field of
// the client struct type client (e.g. chatio.Client{}), keyed
// "Service.Method", each true when the method takes a string argument. It
// fails the test when the client has no services.
func ServiceMethods(t *testing.T, client any) map[string]bool {
	t.Helper()
	ct := reflect.TypeOf(client)
	methods := map[string]bool{}
	services := 0
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		if !f.IsExported() || f.Type.Kind() != reflect.Pointer || !strings.HasSuffix(f.Type.Elem().Name(), "Service") {
			continue
		}
		services++
		for j := 0; j < f.Type.NumMethod(); j++ {
			m := f.Type.Method(j)
			takesString := false
			for k := 1; k < m.Type.NumIn(); k++ {
				if m.Type.In(k).Kind() == reflect.String {
					takesString = true
				}
			}
			methods[f.Name+"."+m.Name] = takesString
		}
	}
	if services == 0 {
		t.Fatalf("found no services on %s", ct)
	}
	return methods
}

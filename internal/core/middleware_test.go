package core

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
)

func TestRouteExpandsNamedParams(t *testing.T) {
	route, path := Route("/agents/agent_id/{agent_id}/group_id/{group_id}.json", 4, "a/b")
	if route != "/agents/agent_id/{agent_id}/group_id/{group_id}.json" || path != "/agents/agent_id/4/group_id/a%2Fb.json" {
		t.Fatalf("Route = %q, %q", route, path)
	}
}

func TestMiddlewareSeesAttemptsRouteAndOutcome(t *testing.T) {
	var hits atomic.Int32
	var sawAuth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sawAuth.Store(r.Header.Get("X-Custom-Auth"))
		if hits.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, `{"id":1}`)
	}))
	defer srv.Close()
	var log []string
	clientMW := func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		log = append(log, fmt.Sprintf("client %s %s %d", info.Operation, info.Route, info.Attempt))
		req.Header.Set("X-Custom-Auth", "signed")
		return next(req)
	}
	callMW := func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		log = append(log, fmt.Sprintf("call %d", info.Attempt))
		return next(req)
	}
	var outcome chatsdk.CallOutcome
	var started chatsdk.CallInfo
	type ctxKey struct{}
	var ctxSeen atomic.Bool
	observer := func(ctx context.Context, info chatsdk.CallInfo) (context.Context, func(chatsdk.CallOutcome)) {
		started = info
		return context.WithValue(ctx, ctxKey{}, 1), func(o chatsdk.CallOutcome) { outcome = o }
	}
	ctxMW := func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		if req.Context().Value(ctxKey{}) != nil {
			ctxSeen.Store(true)
		}
		return next(req)
	}
	c := newTestClient(t, srv.URL, chatsdk.WithMiddleware(clientMW, ctxMW), chatsdk.WithCallObserver(observer), chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(time.Millisecond))
	route, path := Route("/agents/{agent_id}.json", 12345)
	var out struct{ ID int }
	_, err := c.Do(ctxBG(), &Request{Operation: "test.Agents.Get", Method: http.MethodGet, Route: route, Path: path}, &out, chatsdk.WithCallMiddleware(callMW))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"client test.Agents.Get /agents/{agent_id}.json 0", "call 0", "client test.Agents.Get /agents/{agent_id}.json 1", "call 1"}
	if strings.Join(log, "|") != strings.Join(want, "|") {
		t.Fatalf("middleware log = %q, want %q", log, want)
	}
	if sawAuth.Load() != "signed" {
		t.Fatalf("server saw X-Custom-Auth %q", sawAuth.Load())
	}
	if started != (chatsdk.CallInfo{Operation: "test.Agents.Get", Method: http.MethodGet, Route: "/agents/{agent_id}.json"}) {
		t.Fatalf("call info = %+v", started)
	}
	if outcome.StatusCode != 200 || outcome.Attempts != 2 || outcome.Err != nil {
		t.Fatalf("outcome = %+v", outcome)
	}
	if !ctxSeen.Load() {
		t.Fatal("the observer's context did not reach the attempts")
	}
}

func TestObserverOutcomeOfAPIError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) }))
	defer srv.Close()
	var outcome chatsdk.CallOutcome
	c := newTestClient(t, srv.URL, chatsdk.WithCallObserver(func(ctx context.Context, info chatsdk.CallInfo) (context.Context, func(chatsdk.CallOutcome)) {
		return ctx, func(o chatsdk.CallOutcome) { outcome = o }
	}))
	_, err := c.Do(ctxBG(), get("/agents.json"), nil)
	if err == nil || outcome.StatusCode != 404 || outcome.Attempts != 1 || !errors.Is(outcome.Err, err) {
		t.Fatalf("err %v, outcome %+v", err, outcome)
	}
}

// stubTransport answers every request with a small JSON body.
type stubTransport struct{}

func (stubTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
}

func TestNoMiddlewareCostsNoAllocations(t *testing.T) {
	hc := &http.Client{Transport: stubTransport{}}
	plain := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc))
	empty := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc), chatsdk.WithMiddleware())
	withMW := newTestClient(t, "http://api.example", chatsdk.WithHTTPClient(hc), chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		return next(req)
	}))
	call := func(c *Client) func() {
		return func() {
			route, path := Route("/agents/{agent_id}.json", 1001)
			if _, err := c.Do(ctxBG(), &Request{Operation: "x", Method: http.MethodGet, Route: route, Path: path}, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	base := testing.AllocsPerRun(200, call(plain))
	// The same call without a route, as before routes existed.
	pathOnly := testing.AllocsPerRun(200, func() {
		_, path := Route("/agents/{agent_id}.json", 1001)
		if _, err := plain.Do(ctxBG(), &Request{Operation: "x", Method: http.MethodGet, Path: path}, nil); err != nil {
			t.Fatal(err)
		}
	})
	if e := testing.AllocsPerRun(200, call(empty)); e != base || base != pathOnly {
		t.Fatalf("allocations: no middleware %v, empty middleware list %v, path without route %v", base, e, pathOnly)
	}
	if m := testing.AllocsPerRun(200, call(withMW)); m <= base {
		t.Fatalf("allocations with middleware %v, without %v: the feature path was not measured", m, base)
	}
}

// TestRouteOfNextPageURL: a next-page request reports the list's route
// template, never the page URL's IDs; without a template, the page URL's
// path relative to the base URL.
func TestRouteOfNextPageURL(t *testing.T) {
	var route string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) }))
	defer srv.Close()
	c, err := NewClient(testDefaults(srv.URL+"/api"), testToken, chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		route = info.Route
		return next(req)
	}))
	if err != nil {
		t.Fatal(err)
	}
	next := srv.URL + "/api/users/u-77/chats?page=2"
	if _, err := c.Do(ctxBG(), &Request{Operation: "x", Method: http.MethodGet, URL: next, Route: "/users/{user_id}/chats"}, nil); err != nil {
		t.Fatal(err)
	}
	if route != "/users/{user_id}/chats" {
		t.Fatalf("route %q", route)
	}
	if _, err := c.Do(ctxBG(), &Request{Operation: "x", Method: http.MethodGet, URL: next}, nil); err != nil {
		t.Fatal(err)
	}
	if route != "/users/u-77/chats" {
		t.Fatalf("route %q", route)
	}
}

package chatsdk_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

func TestMiddlewareThroughChatrHub(t *testing.T) {
	var hits atomic.Int32
	var auth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("X-Signature"))
		if hits.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":{"id":4,"type":"agents","attributes":{}}}`))
	}))
	defer srv.Close()
	var seen []string
	var outcome chatsdk.CallOutcome
	clientMW := func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		seen = append(seen, fmt.Sprintf("client %s %s %d", info.Operation, info.Route, info.Attempt))
		req.Header.Set("X-Signature", "sig")
		return next(req)
	}
	callMW := func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		seen = append(seen, fmt.Sprintf("call %d", info.Attempt))
		return next(req)
	}
	obs := func(ctx context.Context, info chatsdk.CallInfo) (context.Context, func(chatsdk.CallOutcome)) {
		seen = append(seen, "start "+info.Method+" "+info.Route)
		return ctx, func(o chatsdk.CallOutcome) { outcome = o }
	}
	c, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMiddleware(clientMW), chatsdk.WithCallObserver(obs),
		chatsdk.WithRetryWaitMin(time.Millisecond), chatsdk.WithRetryWaitMax(5*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Agents.Get(context.Background(), 4, chatsdk.WithCallMiddleware(callMW)); err != nil {
		t.Fatal(err)
	}
	want := "start GET /agents/{agent_id}.json|client chatrhub.Agents.Get /agents/{agent_id}.json 0|call 0|client chatrhub.Agents.Get /agents/{agent_id}.json 1|call 1"
	if got := strings.Join(seen, "|"); got != want {
		t.Fatalf("saw %q\nwant %q", got, want)
	}
	if auth.Load() != "sig" {
		t.Errorf("server saw X-Signature %v", auth.Load())
	}
	if outcome.StatusCode != 200 || outcome.Attempts != 2 || outcome.Err != nil {
		t.Errorf("outcome %+v", outcome)
	}
}

// TestRoutesAreEndpointTemplates calls a sample of operations of each API
// and checks that the route middleware sees is the documented endpoint
// template and never holds an ID from the call.
func TestRoutesAreEndpointTemplates(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotFound) }))
	defer srv.Close()
	templates := map[string]bool{}
	param := regexp.MustCompile(`<([^>]+)>`)
	for _, api := range []string{"chatrhub", "chatio"} {
		for _, ep := range testkit.Endpoints(t, api) {
			tmpl, _, _ := strings.Cut(ep.Template, "?")
			templates[ep.Method+" "+param.ReplaceAllString(tmpl, "{$1}")] = true
		}
	}
	var routes []string
	mw := chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		routes = append(routes, req.Method+" "+info.Route)
		return next(req)
	})
	ctx := context.Background()
	rh, err := chatrhub.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMaxRetries(0), mw)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = rh.Agents.Get(ctx, 4711)
	_, _ = rh.Agents.List(ctx, nil)
	_, _ = rh.AgentGroups.Get(ctx, 4711, 8812)
	_, _ = rh.AgentGroups.Remove(ctx, 4711, 8812)
	_, _ = rh.Groups.Remove(ctx, 8812)
	_, _ = rh.Chats.Get(ctx, 9913)
	ci, err := chatio.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMaxRetries(0), mw)
	if err != nil {
		t.Fatal(err)
	}
	_ = ci.BotAgents.Remove(ctx, "bot4711")
	if len(routes) != 7 {
		t.Fatalf("middleware saw %d attempts, want 7: %q", len(routes), routes)
	}
	for _, r := range routes {
		if !templates[r] {
			t.Errorf("route %q is not a documented endpoint template", r)
		}
		if strings.Contains(r, "4711") || strings.Contains(r, "8812") || strings.Contains(r, "9913") {
			t.Errorf("route %q holds an ID", r)
		}
	}
}

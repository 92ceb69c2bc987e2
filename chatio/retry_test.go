package chatio_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
)

// dropAfterRead closes the connection without an answer, after the server
// has read the whole request.
func dropAfterRead(w http.ResponseWriter, _ *http.Request, _ int) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	_ = conn.Close()
}

func opByName(t *testing.T, name string) operation {
	t.Helper()
	for _, op := range operations {
		if op.name == name {
			return op
		}
	}
	t.Fatalf("no operation %s", name)
	return operation{}
}

// Create and Register must reach the server at most once: a second bot agent
// or webhook would be created.
func TestCreateAndRegisterAreNotReplayed(t *testing.T) {
	failures := map[string]func(http.ResponseWriter, *http.Request, int){
		"503":              answer(http.StatusServiceUnavailable, []byte(`{"error":{"type":"internal","message":"Internal server error"}}`)),
		"connection drop":  dropAfterRead,
		"502 without body": answer(http.StatusBadGateway, nil),
	}
	for _, name := range []string{"bot_agents_create", "webhooks_register"} {
		op := opByName(t, name)
		require.False(t, op.replays)
		for failure, handler := range failures {
			t.Run(name+"/"+failure, func(t *testing.T) {
				ts := newTestServer(t, handler)
				_, err := op.call(context.Background(), newClient(t, ts, chatsdk.WithMaxRetries(5)))
				require.Error(t, err)
				assert.EqualValues(t, 1, ts.receipts.Load(), "sent exactly once")
				assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
				assert.NotContains(t, err.Error(), testToken)
			})
		}
	}
}

// A 429 says the request was refused, so it does not match
// ErrMayHaveBeenApplied, but Create is still not replayed.
func TestCreateRateLimited(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusTooManyRequests, nil))
	_, err := opByName(t, "bot_agents_create").call(context.Background(), newClient(t, ts))
	assert.ErrorIs(t, err, chatsdk.ErrRateLimited)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.EqualValues(t, 1, ts.receipts.Load())
}

// The read-only RPCs and the idempotent update/remove/unregister are retried.
func TestReplaySafeOperationsAreRetried(t *testing.T) {
	for _, op := range operations {
		if !op.replays {
			continue
		}
		for failure, fail := range map[string]func(http.ResponseWriter, *http.Request, int){
			"503":             answer(http.StatusServiceUnavailable, nil),
			"connection drop": dropAfterRead,
		} {
			t.Run(op.name+"/"+failure, func(t *testing.T) {
				ok := answer(http.StatusOK, fixture(t, op.name+".response.json"))
				ts := newTestServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
					if n <= 2 {
						fail(w, r, n)
						return
					}
					ok(w, r, n)
				})
				_, err := op.call(context.Background(), newClient(t, ts))
				require.NoError(t, err)
				assert.EqualValues(t, 3, ts.receipts.Load())
				assert.JSONEq(t, string(fixture(t, op.name+".request.json")), string(ts.last.Load().body), "the replay sends the same body")
			})
		}
	}
}

func TestReplaySafeOperationsGiveUp(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusServiceUnavailable, []byte(`{"error":{"type":"internal","message":"Internal server error"}}`)))
	_, err := opByName(t, "bot_agents_list").call(context.Background(), newClient(t, ts, chatsdk.WithMaxRetries(2)))
	assert.ErrorIs(t, err, chatsdk.ErrServer)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.EqualValues(t, 3, ts.receipts.Load())
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "internal", apiErr.Type)
}

package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
)

func threadClosedBody(t testing.TB, chatID, threadID string) []byte {
	return body(t, testWebhookID, testSecret, chatio.ActionThreadClosed,
		fmt.Sprintf(`{"chat_id": %q, "thread_id": %q}`, chatID, threadID))
}

func TestDeduplicationHandlesEachDeliveryOnce(t *testing.T) {
	h := newTestHandler(t, WithDeduplication(nil, time.Hour))
	var mu sync.Mutex
	handled := map[string]int{}
	h.OnThreadClosed(func(_ context.Context, _ *Webhook, p *ThreadClosed) error {
		mu.Lock()
		handled[p.ThreadID]++
		mu.Unlock()
		return nil
	})
	var wg sync.WaitGroup
	for i := range 20 {
		payload := threadClosedBody(t, "c1", fmt.Sprint("t", i))
		for range 5 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := serve(h, newRequest(context.Background(), payload))
				assert.Equal(t, http.StatusOK, w.Code)
			}()
		}
	}
	wg.Wait()
	require.Len(t, handled, 20)
	for id, n := range handled {
		assert.Equal(t, 1, n, id)
	}
	assert.Zero(t, h.DedupErrors())
}

func TestDeduplicationReleasesAFailedDelivery(t *testing.T) {
	h := newTestHandler(t, WithDeduplication(NewMemoryDedupStore(), time.Hour))
	var calls atomic.Int32
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
		if calls.Add(1) == 1 {
			return errors.New("database down")
		}
		return nil
	})
	b := threadClosedBody(t, "c1", "t1")
	assert.Equal(t, http.StatusInternalServerError, serve(h, newRequest(context.Background(), b)).Code)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	assert.EqualValues(t, 2, calls.Load(), "the redelivery after the failure is handled, the next one is a duplicate")
}

func TestDeduplicationReleasesAPanickedDelivery(t *testing.T) {
	h := newTestHandler(t, WithDeduplication(nil, time.Hour))
	var calls atomic.Int32
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
		if calls.Add(1) == 1 {
			panic("boom")
		}
		return nil
	})
	b := threadClosedBody(t, "c1", "t1")
	assert.Equal(t, http.StatusInternalServerError, serve(h, newRequest(context.Background(), b)).Code)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	assert.EqualValues(t, 2, calls.Load())
}

type failingStore struct{ claims, releases atomic.Int32 }

func (s *failingStore) Claim(context.Context, string, time.Duration) (bool, error) {
	s.claims.Add(1)
	return false, errors.New("store unreachable")
}

func (s *failingStore) Release(context.Context, string) error {
	s.releases.Add(1)
	return errors.New("store unreachable")
}

func TestDeduplicationStoreFailureStillHandlesAndCounts(t *testing.T) {
	var logs bytes.Buffer
	store := &failingStore{}
	h := newTestHandler(t, WithDeduplication(store, time.Hour), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	var calls atomic.Int32
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error { calls.Add(1); return nil })
	b := threadClosedBody(t, "c1", "t1")
	for range 3 {
		assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)
	}
	assert.EqualValues(t, 3, calls.Load(), "at least once: every delivery is handled")
	assert.EqualValues(t, 3, h.DedupErrors())
	assert.Contains(t, logs.String(), "de-duplication failed")
	assert.NotContains(t, logs.String(), testSecret)
}

func TestWithDeduplicationRefusesNonPositiveTTL(t *testing.T) {
	_, err := NewHandler(testSecrets, WithDeduplication(nil, 0))
	assert.ErrorIs(t, err, ErrMisconfigured)
}

func TestDeliveryKeyPerAction(t *testing.T) {
	keys := map[string]chatio.WebhookAction{}
	for action := range payloadDecoders {
		wh, err := parseBody(t, fixture(t, action))
		require.NoError(t, err, action)
		k := DeliveryKey(wh)
		assert.Regexp(t, `^`+testWebhookID+`:`+string(action)+`:[0-9a-f]{32}$`, k)
		_, dup := keys[k]
		assert.False(t, dup, action)
		keys[k] = action

		var indented bytes.Buffer
		require.NoError(t, json.Indent(&indented, fixture(t, action), " ", "\t\t"))
		spaced, err := parseBody(t, indented.Bytes())
		require.NoError(t, err, action)
		assert.Equal(t, k, DeliveryKey(spaced), "%s: a re-spaced redelivery keeps its key", action)
	}
	a, err := parseBody(t, threadClosedBody(t, "c1", "t1"))
	require.NoError(t, err)
	b, err := parseBody(t, threadClosedBody(t, "c1", "t2"))
	require.NoError(t, err)
	assert.NotEqual(t, DeliveryKey(a), DeliveryKey(b))
}

func TestMemoryDedupStoreExpiresClaims(t *testing.T) {
	s := NewMemoryDedupStore()
	now := time.Unix(1000, 0)
	s.now = func() time.Time { return now }
	ctx := context.Background()
	ok, err := s.Claim(ctx, "k", time.Minute)
	require.NoError(t, err)
	assert.True(t, ok)
	ok, _ = s.Claim(ctx, "k", time.Minute)
	assert.False(t, ok)
	now = now.Add(time.Minute)
	ok, _ = s.Claim(ctx, "k", time.Minute)
	assert.True(t, ok, "an expired claim can be claimed again")
	require.NoError(t, s.Release(ctx, "k"))
	ok, _ = s.Claim(ctx, "k", time.Minute)
	assert.True(t, ok, "a released claim can be claimed again")
}

func parseBody(t testing.TB, b []byte) (*Webhook, error) {
	t.Helper()
	return Parse(newRequest(context.Background(), b), testSecrets)
}

package core

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

// bucketFake allows rate requests a second (a token bucket of rate
// tokens) and answers 429 with Retry-After: 1 beyond it. With headers set,
// every answer also announces the bucket with X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset (seconds until the bucket is
// full again); without, Retry-After is all the client learns, as from the
// three documented APIs.
type bucketFake struct {
	mu      sync.Mutex
	rate    float64
	tokens  float64
	last    time.Time
	headers bool
	ok, hit atomic.Int32
}

func newBucketFake(rate float64, headers bool) *bucketFake {
	return &bucketFake{rate: rate, tokens: rate, last: time.Now(), headers: headers}
}

func (f *bucketFake) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	f.mu.Lock()
	now := time.Now()
	f.tokens = math.Min(f.rate, f.tokens+now.Sub(f.last).Seconds()*f.rate)
	f.last = now
	allowed := f.tokens >= 1
	if allowed {
		f.tokens--
	}
	remaining := int(f.tokens)
	reset := int(math.Ceil((f.rate - f.tokens) / f.rate))
	f.mu.Unlock()
	if f.headers {
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(int(f.rate)))
		w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
		w.Header().Set("X-RateLimit-Reset", strconv.Itoa(reset))
	}
	if !allowed {
		f.hit.Add(1)
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	f.ok.Add(1)
	w.WriteHeader(http.StatusNoContent)
}

// hammer makes calls calls from each of goroutines goroutines and returns
// how many failed.
func hammer(c *Client, goroutines, calls int) int32 {
	var wg sync.WaitGroup
	var failed atomic.Int32
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < calls; i++ {
				if _, err := c.Do(ctxBG(), get("/x"), nil); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return failed.Load()
}

// TestPacingUnderRateLimit: 64 goroutines making 5 calls each against a
// fake allowing 200 requests a second and announcing its window in
// X-RateLimit headers get fewer than 1% of 429 answers and no failure.
func TestPacingUnderRateLimit(t *testing.T) {
	f := newBucketFake(200, true)
	srv := newCountingServer(t, f.ServeHTTP)
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(2*time.Second))
	require.Zero(t, hammer(c, 64, 5))
	require.EqualValues(t, 320, f.ok.Load())
	require.Less(t, float64(f.hit.Load()), 0.01*float64(f.ok.Load()+f.hit.Load()), "429 answers: %d", f.hit.Load())
}

// TestPacingFromRetryAfter: against a fake allowing 1,000 requests a
// second that sends only Retry-After, 64 goroutines making 140 calls each
// get fewer than 1% of 429 answers and no failure: after the first 429s
// (about one per goroutine, in flight when the bucket ran out) the client
// paces itself at a rate learned from the answers before them.
func TestPacingFromRetryAfter(t *testing.T) {
	const goroutines, calls = 64, 140
	f := newBucketFake(1000, false)
	srv := newCountingServer(t, f.ServeHTTP)
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(2*time.Second))
	require.Zero(t, hammer(c, goroutines, calls))
	require.EqualValues(t, goroutines*calls, f.ok.Load())
	hits := f.hit.Load()
	t.Logf("%d of %d answers were 429", hits, f.ok.Load()+hits)
	require.Less(t, float64(hits), 0.01*float64(f.ok.Load()+hits), "429 answers: %d", hits)
	require.LessOrEqual(t, hits, int32(goroutines+goroutines*calls/200), "429 answers after the first ones: %d", hits)
}

// TestPacingAfterRetryAfter: after a 429 with Retry-After, the next call of
// the same client waits instead of sending; its context ending first ends
// the call with nothing sent.
func TestPacingAfterRetryAfter(t *testing.T) {
	srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "2")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := newTestClient(t, srv.URL, chatsdk.WithRetryWaitMax(5*time.Second), chatsdk.WithMaxRetries(0))
	_, err := c.Do(ctxBG(), get("/x"), nil)
	require.ErrorIs(t, err, chatsdk.ErrRateLimited)
	require.EqualValues(t, 1, srv.hits.Load())
	ctx, cancel := context.WithTimeout(ctxBG(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Do(ctx, &Request{Operation: "t", Method: http.MethodPost, Path: "/x"}, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.EqualValues(t, 1, srv.hits.Load(), "a call was sent during the Retry-After")
}

// TestPacingIgnoresLongRetryAfter: a Retry-After longer than the maximum
// retry wait does not hold back other calls.
func TestPacingIgnoresLongRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Do(ctxBG(), get("/x"), nil)
	require.ErrorIs(t, err, chatsdk.ErrRateLimited)
	ctx, cancel := context.WithTimeout(ctxBG(), 2*time.Second)
	defer cancel()
	_, err = c.Do(ctx, get("/x"), nil)
	require.NoError(t, err)
}

// TestPacerLearnsFromRetryAfter: the first 429 sets the rate from the
// answers of the Retry-After window before it; 429s of attempts sent
// before the pause are the same event; a 429 after the pause halves the
// rate; waiting attempts take successive slots.
func TestPacerLearnsFromRetryAfter(t *testing.T) {
	p := newPacer(5 * time.Second)
	tooMany := http.Header{"Retry-After": {"1"}}
	for i := 0; i < 100; i++ {
		require.NoError(t, p.wait(ctxBG()))
		p.done(http.Header{}, http.StatusOK, 1)
	}
	for i := 0; i < 3; i++ {
		require.NoError(t, p.wait(ctxBG()))
	}
	p.done(tooMany, http.StatusTooManyRequests, 1)
	require.InDelta(t, 90, p.rate, 0.01, "0.9 of 100 answers in the 1s window")
	p.done(tooMany, http.StatusTooManyRequests, 1)
	p.done(tooMany, http.StatusTooManyRequests, 1)
	require.InDelta(t, 90, p.rate, 0.01, "429s of attempts sent before the pause count as its event")

	p.mu.Lock()
	pauseEnd := p.notBefore
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctxBG(), 10*time.Millisecond)
	defer cancel()
	for i := 0; i < 4; i++ {
		require.ErrorIs(t, p.wait(ctx), context.DeadlineExceeded, "an attempt was let through during the pause")
	}
	p.mu.Lock()
	require.WithinDuration(t, pauseEnd.Add(4*time.Second/90), p.next, time.Millisecond, "four waiting attempts took four successive slots")
	p.notBefore, p.next = time.Now(), time.Now() // the pause is over
	p.mu.Unlock()
	require.NoError(t, p.wait(ctxBG()))
	p.done(tooMany, http.StatusTooManyRequests, 1)
	require.InDelta(t, 45, p.rate, 0.5, "a 429 after the pause is a new event")
}

// TestPacerWaitsAtMostMaxWait: a slot further away than the maximum retry
// wait is not waited for beyond it.
func TestPacerWaitsAtMostMaxWait(t *testing.T) {
	p := newPacer(20 * time.Millisecond)
	p.mu.Lock()
	p.rate, p.next = minRate, time.Now().Add(time.Hour)
	p.settle(time.Now())
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctxBG(), 5*time.Second)
	defer cancel()
	require.NoError(t, p.wait(ctx))
}

// TestPacerDormantUntilAsked: answers that neither are 429s nor announce a
// window leave the pacer dormant (no lock, no parsing) while still counting
// attempts in flight and answers for the rate it learns; an announced
// window makes it active until the window has reset.
func TestPacerDormantUntilAsked(t *testing.T) {
	p := newPacer(5 * time.Second)
	for i := 0; i < 50; i++ {
		require.NoError(t, p.wait(ctxBG()))
		require.NoError(t, p.wait(ctxBG()))
		require.EqualValues(t, 2, p.inflight.Load())
		p.done(http.Header{"Retry-After": {"1"}}, http.StatusServiceUnavailable, 1)
		p.done(nil, 0, 1)
	}
	require.False(t, p.active.Load(), "answers without rate-limit headers activated the pacer")
	require.Zero(t, p.inflight.Load())
	require.InDelta(t, 50, p.answers.rate(time.Now(), time.Second), 0.01, "answers counted while dormant")

	require.NoError(t, p.wait(ctxBG()))
	p.done(http.Header{"X-Ratelimit-Remaining": {"10"}, "X-Ratelimit-Reset": {"1"}}, http.StatusOK, 1)
	require.True(t, p.active.Load(), "an announced window activates the pacer")
	p.mu.Lock()
	require.Equal(t, 10, p.remaining)
	p.reset = time.Now()
	p.mu.Unlock()
	require.NoError(t, p.wait(ctxBG()))
	require.False(t, p.active.Load(), "the pacer is dormant again once the window has reset")
}

// TestAnswerLogSlots: a slot counts the answers of its own 100 ms only; a
// slot reused 64 slots later starts again from one.
func TestAnswerLogSlots(t *testing.T) {
	var l answerLog
	for i := 0; i < 3; i++ {
		l.add(answerSlot / 2)
	}
	l.add(answerSlot + 1)
	l.add(answerSlots*answerSlot + 1)
	require.Equal(t, uint64(1)<<slotCountBits|1, l.slots[1].Load())
	require.Equal(t, uint64(answerSlots)<<slotCountBits|1, l.slots[0].Load(), "the reused slot restarts its count")
	now := l.origin.Add(answerSlots*answerSlot + 1)
	require.InDelta(t, 10, l.rate(now, answerSlot), 0.01, "one answer in the last slot")
}

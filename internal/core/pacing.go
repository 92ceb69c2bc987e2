package core

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Pacing learned from 429 answers: the first 429 sets the rate to
// learnedShare of the answers the client got in the Retry-After window
// before it; each later 429 multiplies the rate by rateDecrease; while
// attempts wait for their slot and no 429 comes, the rate grows by
// rateIncrease a second.
const (
	learnedShare = 0.9
	rateDecrease = 0.5
	rateIncrease = 0.05
	minRate      = 1.0
)

// pacer holds back a client's requests after the API asked it to slow
// down. After a 429 with Retry-After, no attempt of any call is sent
// before that time, and from then on attempts are admitted one slot at a
// time at a rate learned from the answers seen before the 429, so that
// waiting calls do not all resend when the pause ends. When answers
// announce how many requests remain in the window (X-RateLimit-Remaining
// or RateLimit-Remaining with a Reset), attempts beyond what remains,
// counting the ones in flight, wait for the window's reset. No wait is
// longer than the client's maximum retry wait, and waits end early when
// the call's context ends.
//
// Until an answer asks it to, the pacer is dormant: attempts are counted in
// flight and answers in the answer log with atomics, without its lock, and
// an answer is parsed only when it is a 429 or announces what remains of a
// window.
type pacer struct {
	// active is set while any attempt may have to wait or an answer may
	// change that (a pause, an announced window, a learned rate, stale
	// attempts); it changes only under mu.
	active atomic.Bool
	mu     sync.Mutex
	// notBefore is the earliest time an attempt may be sent.
	notBefore time.Time
	// remaining and reset are the last announced window; remaining is
	// -1 when unknown or when the window has reset.
	remaining int
	reset     time.Time
	// inflight counts attempts sent and not yet answered.
	inflight atomic.Int64
	// maxWait bounds the waits the pacer imposes (the client's maximum
	// retry wait): a longer Retry-After or window is not paced.
	maxWait time.Duration

	// rate is the learned number of attempts a second (0: not learned);
	// next is the first free slot; grownAt is when rate last grew.
	rate    float64
	next    time.Time
	grownAt time.Time
	// epoch counts 429 events; stale is how many attempts sent before
	// the current pause are still unanswered: their 429s belong to the
	// event that started it.
	epoch uint64
	stale int
	// answers counts the non-429 answers of the last few seconds.
	answers answerLog
}

func newPacer(maxWait time.Duration) *pacer {
	return &pacer{remaining: -1, maxWait: maxWait, answers: answerLog{origin: time.Now()}}
}

// settle ends an announced window that has reset and records whether the
// pacer is active. p.mu is held.
func (p *pacer) settle(now time.Time) {
	if p.remaining >= 0 && !now.Before(p.reset) {
		p.remaining = -1
	}
	p.active.Store(p.rate > 0 || p.stale > 0 || p.remaining >= 0 || now.Before(p.notBefore))
}

// wait blocks until an attempt may be sent, then counts it in flight.
func (p *pacer) wait(ctx context.Context) error {
	if p == nil {
		return nil
	}
	if !p.active.Load() {
		p.inflight.Add(1)
		return nil
	}
	var (
		deadline time.Time
		slot     time.Time
		epoch    uint64
		reserved bool
	)
	for {
		p.mu.Lock()
		now := time.Now()
		if deadline.IsZero() {
			deadline = now.Add(p.maxWait)
		}
		until := p.notBefore
		p.settle(now)
		if p.remaining >= 0 && p.inflight.Load() >= int64(p.remaining) && p.reset.After(until) {
			until = p.reset
		}
		if p.rate > 0 {
			if !reserved || epoch != p.epoch || slot.Before(p.notBefore) {
				slot, epoch, reserved = p.reserve(now, until, deadline), p.epoch, true
			}
			if slot.After(until) {
				until = slot
			}
		}
		if until.After(deadline) {
			until = deadline
		}
		if !until.After(now) {
			p.inflight.Add(1)
			p.mu.Unlock()
			return nil
		}
		p.mu.Unlock()
		t := time.NewTimer(until.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// reserve takes the first free slot at or after from (capped at deadline,
// then taking no slot) and grows the rate while attempts have to wait.
// p.mu is held.
func (p *pacer) reserve(now, from, deadline time.Time) time.Time {
	slot := from
	if p.next.After(slot) {
		slot = p.next
	}
	if slot.Before(now) {
		slot = now
	}
	if slot.After(deadline) {
		return deadline
	}
	if slot.After(now) {
		if elapsed := now.Sub(p.grownAt); elapsed > 0 && !p.grownAt.IsZero() {
			p.rate *= 1 + rateIncrease*min(elapsed, time.Second).Seconds()
		}
	}
	p.grownAt = now
	p.next = slot.Add(time.Duration(float64(time.Second) / p.rate))
	return slot
}

// done records the answer (or failure, h nil) of n attempts that wait let
// through (more than one when redirects were followed).
func (p *pacer) done(h http.Header, status, n int) {
	if p == nil {
		return
	}
	learn := h != nil && (status == http.StatusTooManyRequests || announcesRemaining(h))
	if !p.active.Load() && !learn {
		p.release(n)
		if h != nil {
			p.answers.add(time.Since(p.answers.origin))
		}
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.release(n)
	staleAnswer := p.stale > 0
	p.stale = max(0, p.stale-n)
	defer p.settle(now)
	if h == nil {
		return
	}
	if status != http.StatusTooManyRequests {
		p.answers.add(now.Sub(p.answers.origin))
	}
	if !learn {
		return
	}
	rl := ParseRateLimit(h, now)
	if status == http.StatusTooManyRequests && rl.RetryAfter > 0 && rl.RetryAfter <= p.maxWait {
		if !staleAnswer && !now.Before(p.notBefore) {
			p.slowDown(now, rl.RetryAfter)
		}
		if t := now.Add(rl.RetryAfter); t.After(p.notBefore) {
			p.notBefore = t
			if t.After(p.next) {
				p.next = t
			}
		}
	}
	if p.remaining >= 0 && !now.Before(p.reset) {
		p.remaining = -1
	}
	if rl.HasRemaining && rl.HasReset && rl.Reset.After(now) && rl.Reset.Sub(now) <= p.maxWait {
		// Answers arrive out of order: until the window resets, the
		// lowest count announced is kept, with its reset.
		if p.remaining < 0 || rl.Remaining < p.remaining {
			p.remaining, p.reset = rl.Remaining, rl.Reset
		}
	}
}

// release counts n attempts as no longer in flight, never fewer than none.
func (p *pacer) release(n int) {
	for cur := p.inflight.Add(-int64(n)); cur < 0; cur = p.inflight.Load() {
		if p.inflight.CompareAndSwap(cur, 0) {
			return
		}
	}
}

// announcesRemaining reports whether h says how many requests remain in
// the window, the one header besides a 429's Retry-After that done learns
// from.
func announcesRemaining(h http.Header) bool {
	return len(h["X-Ratelimit-Remaining"]) > 0 || len(h["Ratelimit-Remaining"]) > 0
}

// slowDown starts a new 429 event at now: the first one learns the rate
// from the answers of the window before it, later ones cut the rate.
// Attempts already in flight are stale: their 429s count as this event.
// p.mu is held.
func (p *pacer) slowDown(now time.Time, window time.Duration) {
	if p.rate == 0 {
		if seen := p.answers.rate(now, window); seen > 0 {
			p.rate = max(minRate, seen*learnedShare)
		}
	} else {
		p.rate = max(minRate, p.rate*rateDecrease)
	}
	p.epoch++
	p.stale = int(p.inflight.Load())
	p.grownAt = time.Time{}
}

// answerLog counts answers in time slots of answerSlot, keeping the last
// answerSlots of them. Each slot is one word, its slot number above
// slotCountBits and its count below, so that answers are counted without a
// lock.
type answerLog struct {
	origin time.Time
	slots  [answerSlots]atomic.Uint64
}

const (
	answerSlot    = 100 * time.Millisecond
	answerSlots   = 64
	slotCountBits = 24
	slotCountMax  = 1<<slotCountBits - 1
)

// add counts an answer received elapsed after the log's origin.
func (l *answerLog) add(elapsed time.Duration) {
	i := uint64(elapsed / answerSlot)
	w := &l.slots[i%answerSlots]
	for {
		old := w.Load()
		next := i<<slotCountBits | 1
		if old>>slotCountBits == i {
			if old&slotCountMax == slotCountMax {
				return
			}
			next = old + 1
		}
		if w.CompareAndSwap(old, next) {
			return
		}
	}
}

// rate returns the answers a second of the window before now (at least
// one slot, at most the slots kept), counting the time before the first
// answer as a time without answers.
func (l *answerLog) rate(now time.Time, window time.Duration) float64 {
	elapsed := now.Sub(l.origin)
	cur := int64(elapsed / answerSlot)
	n := int64(max(1, min(window/answerSlot, answerSlots-1)))
	var sum uint64
	for i := max(0, cur-n+1); i <= cur; i++ {
		if w := l.slots[i%answerSlots].Load(); w>>slotCountBits == uint64(i) {
			sum += w & slotCountMax
		}
	}
	span := time.Duration(n) * answerSlot
	return float64(sum) / span.Seconds()
}

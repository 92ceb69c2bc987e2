package core

import (
	"sync/atomic"
)

// Default retry budget, as in the AWS SDK for Go v2's retry quota: a client
// starts with 500 tokens, a retry after an error answer costs 5, a retry
// after a timeout or connection error costs twice that, and a success
// gives back 1 (a success after retries gives back what its retries took).
const (
	DefaultRetryBudget     = 500
	DefaultRetryBudgetCost = 5
)

// retryBudget is a client's token bucket of retries, taken and given back
// without a lock; a success while the bucket is full writes nothing.
type retryBudget struct {
	tokens   atomic.Int64
	capacity int64
	cost     int64
}

func newRetryBudget(cfg *Config) *retryBudget {
	if cfg.NoRetryBudget {
		return nil
	}
	capacity, cost := cfg.RetryBudget, cfg.RetryBudgetCost
	if capacity <= 0 || cost <= 0 {
		capacity, cost = DefaultRetryBudget, DefaultRetryBudgetCost
	}
	b := &retryBudget{capacity: int64(capacity), cost: int64(cost)}
	b.tokens.Store(b.capacity)
	return b
}

// take takes the tokens of one retry of st's call and reports whether
// there were enough; connErr marks a retry after a timeout or connection
// error.
func (b *retryBudget) take(st *callState, connErr bool) bool {
	if b == nil {
		return true
	}
	cost := b.cost
	if connErr {
		cost *= 2
	}
	for {
		t := b.tokens.Load()
		if t < cost {
			return false
		}
		if b.tokens.CompareAndSwap(t, t-cost) {
			st.budgetTaken += int(cost)
			return true
		}
	}
}

// success gives back what st's retries took, or 1 for a success at the
// first attempt.
func (b *retryBudget) success(st *callState) {
	if b == nil {
		return
	}
	back := int64(max(1, st.budgetTaken))
	st.budgetTaken = 0
	for {
		t := b.tokens.Load()
		if t >= b.capacity {
			return
		}
		if b.tokens.CompareAndSwap(t, min(b.capacity, t+back)) {
			return
		}
	}
}

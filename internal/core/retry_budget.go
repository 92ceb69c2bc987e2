package core

import (
	"sync"
)

// Default retry budget, as in the AWS SDK for Go v2's retry quota: a client
// starts with 500 tokens, a retry after an error answer costs 5, a retry
// after a timeout or connection error costs twice that, and a success
// gives back 1 (a success after retries gives back what its retries took).
const (
	DefaultRetryBudget     = 500
	DefaultRetryBudgetCost = 5
)

// retryBudget is a client's token bucket of retries.
type retryBudget struct {
	mu       sync.Mutex
	tokens   int
	capacity int
	cost     int
}

func newRetryBudget(cfg *Config) *retryBudget {
	if cfg.NoRetryBudget {
		return nil
	}
	capacity, cost := cfg.RetryBudget, cfg.RetryBudgetCost
	if capacity <= 0 || cost <= 0 {
		capacity, cost = DefaultRetryBudget, DefaultRetryBudgetCost
	}
	return &retryBudget{tokens: capacity, capacity: capacity, cost: cost}
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
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tokens < cost {
		return false
	}
	b.tokens -= cost
	st.budgetTaken += cost
	return true
}

// success gives back what st's retries took, or 1 for a success at the
// first attempt.
func (b *retryBudget) success(st *callState) {
	if b == nil {
		return
	}
	back := st.budgetTaken
	if back == 0 {
		back = 1
	}
	st.budgetTaken = 0
	b.mu.Lock()
	b.tokens = min(b.capacity, b.tokens+back)
	b.mu.Unlock()
}

package core

import (
	"fmt"
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

// WithRetryBudget sets the retry budget shared by all calls of the client:
// it holds capacity tokens, each retry after an error answer takes cost
// (after a timeout or connection error, 2*cost), and each success gives
// back 1 (a success after retries, what its retries took). When the budget
// is empty, calls are not retried: they return their first error. The
// default is WithRetryBudget(500, 5).
func WithRetryBudget(capacity, cost int) Option {
	return func(c *Config) error {
		if capacity <= 0 || cost <= 0 || cost > capacity {
			return fmt.Errorf("chatsdk: WithRetryBudget(%d, %d): want 0 < cost <= capacity", capacity, cost)
		}
		c.RetryBudget, c.RetryBudgetCost, c.NoRetryBudget = capacity, cost, false
		return nil
	}
}

// WithoutRetryBudget removes the retry budget: every call is retried up to
// the maximum retries, however many other calls are failing.
func WithoutRetryBudget() Option {
	return func(c *Config) error {
		c.NoRetryBudget = true
		return nil
	}
}

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

package chatsdk

import (
	"fmt"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/config"
)

// WithMaxRetries sets how many times a request that is safe to replay is
// retried after 408, 429, 500, 502, 503, 504 or a connection error
// (default 3; 0 disables retries; at most 100).
func WithMaxRetries(n int) Option {
	return func(c *config.Client) error {
		if n < 0 || n > 100 {
			return fmt.Errorf("chatsdk: WithMaxRetries(%d): want 0..100", n)
		}
		c.MaxRetries = n
		return nil
	}
}

// WithRetryWaitMin sets the first backoff wait (default 500ms); later waits
// grow exponentially, with jitter, up to the maximum wait.
func WithRetryWaitMin(d time.Duration) Option {
	return func(c *config.Client) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithRetryWaitMin(%s): want a positive duration", d)
		}
		c.RetryWaitMin = d
		if c.RetryWaitMax < d {
			c.RetryWaitMax = d
		}
		return nil
	}
}

// WithRetryWaitMax sets the longest wait between two attempts (default
// 30s). A Retry-After longer than this ends the call at once with an error
// matching ErrRateLimited that carries the requested RetryAfter.
func WithRetryWaitMax(d time.Duration) Option {
	return func(c *config.Client) error {
		if d <= 0 {
			return fmt.Errorf("chatsdk: WithRetryWaitMax(%s): want a positive duration", d)
		}
		c.RetryWaitMax = d
		if c.RetryWaitMin > d {
			c.RetryWaitMin = d
		}
		return nil
	}
}

// WithRetryBudget sets the retry budget shared by all calls of a client
// (default WithRetryBudget(500, 5), as the AWS SDK for Go v2's retry
// quota): it holds capacity tokens, each retry after an error answer takes
// cost (after a timeout or connection error, 2*cost), and each success
// gives back 1 (a success after retries, what its retries took). When the
// budget is empty, calls are not retried: they return their first error.
func WithRetryBudget(capacity, cost int) Option {
	return func(c *config.Client) error {
		if capacity <= 0 || cost <= 0 || cost > capacity {
			return fmt.Errorf("chatsdk: WithRetryBudget(%d, %d): want 0 < cost <= capacity", capacity, cost)
		}
		c.RetryBudget, c.RetryBudgetCost, c.NoRetryBudget = capacity, cost, false
		return nil
	}
}

// WithoutRetryBudget removes the retry budget: every call may use all its
// retries, however many other calls are failing.
func WithoutRetryBudget() Option {
	return func(c *config.Client) error {
		c.NoRetryBudget = true
		return nil
	}
}

// WithRetryUnsafe declares one call idempotent: it is retried like a GET
// after 408, 429, 500, 502, 503, 504 or a connection error, even when its
// method (POST, PATCH) or the operation is not safe to replay.
func WithRetryUnsafe() CallOption {
	return func(c *config.Call) error {
		c.RetryUnsafe, c.NoRetries = true, false
		return nil
	}
}

// WithoutRetries sends one call at most once: no retry after any error
// answer or connection error.
func WithoutRetries() CallOption {
	return func(c *config.Call) error {
		c.NoRetries, c.RetryUnsafe = true, false
		return nil
	}
}

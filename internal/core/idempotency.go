package core

// WithRetryUnsafe declares this call idempotent: it is retried like a GET
// after 408, 429, 500, 502, 503, 504 or a connection error, even when its
// method (POST, PATCH) or the operation is not safe to replay.
func WithRetryUnsafe() CallOption {
	return func(c *callConfig) error {
		c.retryUnsafe, c.noRetries = true, false
		return nil
	}
}

// WithoutRetries sends this call at most once: no retry after any error
// answer or connection error.
func WithoutRetries() CallOption {
	return func(c *callConfig) error {
		c.noRetries, c.retryUnsafe = true, false
		return nil
	}
}

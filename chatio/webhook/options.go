package webhook

import (
	"fmt"
	"log/slog"
)

// DefaultMaxBodyBytes is the default limit on a webhook body: 1 MiB.
const DefaultMaxBodyBytes = 1 << 20

// Option configures a Handler, or one call to Parse.
type Option func(*config) error

type config struct {
	maxBodyBytes int64
	logger       *slog.Logger
	// dedup is set by WithDeduplication.
	dedup *dedup
}

func newConfig(opts []Option) (config, error) {
	c := config{maxBodyBytes: DefaultMaxBodyBytes}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&c); err != nil {
			return config{}, err
		}
	}
	return c, nil
}

// WithMaxBodyBytes sets the largest body accepted (default 1 MiB); a larger
// body is refused with 413 after reading at most n+1 bytes of it, or none
// when its Content-Length already says so. n must be positive.
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("%w: WithMaxBodyBytes(%d): the limit must be positive", ErrMisconfigured, n)
		}
		c.maxBodyBytes = n
		return nil
	}
}

// WithLogger makes a Handler log refused webhooks, handler errors and
// recovered handler panics to l: status, webhook_id, action and error (for a
// panic: the panic value's type and message, and the stack); never the
// secret or the body. Parse ignores it. By default nothing is logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

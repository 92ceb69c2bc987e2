package chatsdk

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk/internal/config"
)

// AttemptInfo describes the attempt a Middleware wraps.
type AttemptInfo struct {
	// Operation names the SDK method, e.g. "giosg.Messages.Send".
	Operation string
	// Route is the request's route template with named path parameters,
	// e.g. "/api/v5/users/{user_id}/chats/{chat_id}/messages"; it never
	// holds IDs (for RPC APIs such as chat.io it is the method's path).
	Route string
	// Attempt counts the earlier attempts of this call: 0 for the first
	// attempt, 1 for the first retry.
	Attempt int
}

// MiddlewareNext sends the request on, to the next middleware or to the
// HTTP transport, and returns its answer.
type MiddlewareNext func(req *http.Request) (*http.Response, error)

// Middleware wraps every attempt of a call (each retry included), around
// the HTTP transport. It may change req's header (custom authentication,
// tracing headers) before calling next, and must return next's answer or an
// error.
type Middleware func(req *http.Request, info AttemptInfo, next MiddlewareNext) (*http.Response, error)

// CallInfo describes a call a CallObserver sees start.
type CallInfo struct {
	// Operation names the SDK method, e.g. "chatrhub.Agents.Get".
	Operation string
	// Method is the HTTP method.
	Method string
	// Route is the route template, as in AttemptInfo.
	Route string
}

// CallOutcome is how a call ended.
type CallOutcome struct {
	// StatusCode is the last answer's status, 0 when none arrived.
	StatusCode int
	// Attempts is how many attempts were sent (0 when the call was refused
	// before sending).
	Attempts int
	// Err is the error the call returned, nil on success.
	Err error
}

// CallObserver is called when a call starts, once per call however many
// attempts it takes. The context it returns is used for the call (its
// attempts and middleware see it); end, when not nil, is called once with
// the outcome.
type CallObserver func(ctx context.Context, info CallInfo) (ctx2 context.Context, end func(CallOutcome))

// WithMiddleware adds middleware that wraps every attempt of every call of
// the client. The first middleware given is the outermost.
func WithMiddleware(mw ...Middleware) Option {
	return func(c *config.Client) error {
		c.Middleware = appendMiddleware(c.Middleware, mw)
		return nil
	}
}

// WithCallMiddleware adds middleware to one call; it runs inside the
// client's middleware (after it, closer to the transport).
func WithCallMiddleware(mw ...Middleware) CallOption {
	return func(c *config.Call) error {
		c.Middleware = appendMiddleware(c.Middleware, mw)
		return nil
	}
}

// WithCallObserver adds an observer told of the start and end of every call
// of the client, for per-operation spans and metrics. Several observers
// start in order and end in reverse order.
func WithCallObserver(obs CallObserver) Option {
	return func(c *config.Client) error {
		if obs != nil {
			c.Observers = append(c.Observers, obs)
		}
		return nil
	}
}

func appendMiddleware(dst []any, mw []Middleware) []any {
	for _, m := range mw {
		if m != nil {
			dst = append(dst, m)
		}
	}
	return dst
}

package core

import (
	"context"
	"errors"
	"net/http"
)

// AttemptInfo describes the attempt a Middleware wraps.
type AttemptInfo struct {
	// Operation names the SDK method, e.g. "giosg.Messages.Send".
	Operation string
	// Route is the request's route template, e.g. "/agents/{agent_id}.json".
	Route string
	// Attempt counts the earlier attempts of this call: 0 for the first.
	Attempt int
}

// MiddlewareNext sends the request on: to the next middleware, or to the
// transport.
type MiddlewareNext func(req *http.Request) (*http.Response, error)

// Middleware wraps every attempt of a call, around the transport.
type Middleware func(req *http.Request, info AttemptInfo, next MiddlewareNext) (*http.Response, error)

// CallInfo describes a call a CallObserver sees start.
type CallInfo struct {
	Operation string
	Method    string
	Route     string
}

// CallOutcome is how a call ended.
type CallOutcome struct {
	// StatusCode is the last answer's status (0 without one).
	StatusCode int
	// Attempts is how many attempts were sent.
	Attempts int
	// Err is the error the call returned.
	Err error
}

// CallObserver is told when a call starts; the context it returns is used
// for the call, and end is called once with the outcome.
type CallObserver func(ctx context.Context, info CallInfo) (context.Context, func(CallOutcome))

// WithMiddleware adds middleware wrapping every attempt of every call; the
// first one given is outermost.
func WithMiddleware(mw ...Middleware) Option {
	return func(c *Config) error {
		for _, m := range mw {
			if m != nil {
				c.Middleware = append(c.Middleware, m)
			}
		}
		return nil
	}
}

// WithCallObserver adds an observer told of every call's start and end.
func WithCallObserver(obs CallObserver) Option {
	return func(c *Config) error {
		if obs != nil {
			c.Observers = append(c.Observers, obs)
		}
		return nil
	}
}

// WithCallMiddleware adds middleware to one call; it runs inside the
// client's middleware.
func WithCallMiddleware(mw ...Middleware) CallOption {
	return func(c *callConfig) error {
		for _, m := range mw {
			if m != nil {
				c.middleware = append(c.middleware, m)
			}
		}
		return nil
	}
}

// runMiddleware sends req through mw, then through send.
func runMiddleware(mw []Middleware, req *http.Request, info AttemptInfo, send MiddlewareNext) (*http.Response, error) {
	if len(mw) == 0 {
		return send(req)
	}
	return mw[0](req, info, func(r *http.Request) (*http.Response, error) {
		return runMiddleware(mw[1:], r, info, send)
	})
}

// observe starts the observers of a call; end reports its outcome to each
// of them, innermost first.
func (c *Client) observe(ctx context.Context, r *Request) (context.Context, func(*Response, *callState, error)) {
	info := CallInfo{Operation: r.Operation, Method: r.Method, Route: c.route(r)}
	ends := make([]func(CallOutcome), 0, len(c.observers))
	for _, obs := range c.observers {
		var end func(CallOutcome)
		ctx, end = obs(ctx, info)
		if end != nil {
			ends = append(ends, end)
		}
	}
	return ctx, func(resp *Response, st *callState, err error) {
		var out CallOutcome
		out.Err = err
		if resp != nil {
			out.StatusCode = resp.StatusCode
		} else if apiErr := (*APIError)(nil); errors.As(err, &apiErr) {
			out.StatusCode = apiErr.StatusCode
		}
		if st != nil {
			out.Attempts = st.attempts
		}
		for i := len(ends) - 1; i >= 0; i-- {
			ends[i](out)
		}
	}
}

// setMiddleware sets the middleware of one call.
func (c *Client) setMiddleware(st *callState, call []Middleware, r *Request) {
	client := c.middleware
	switch {
	case len(call) == 0:
		st.middleware = client
	case len(client) == 0:
		st.middleware = call
	default:
		st.middleware = append(client[:len(client):len(client)], call...)
	}
	if len(st.middleware) > 0 {
		st.route = c.route(r)
	}
}

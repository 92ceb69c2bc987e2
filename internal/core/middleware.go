package core

import (
	"context"
	"errors"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// middlewareOf returns the middleware the options collected (values of
// type Middleware: the root package's options append nothing else).
func middlewareOf(list []any) []chatsdk.Middleware {
	if len(list) == 0 {
		return nil
	}
	out := make([]chatsdk.Middleware, 0, len(list))
	for _, m := range list {
		if mw, ok := m.(chatsdk.Middleware); ok {
			out = append(out, mw)
		}
	}
	return out
}

// observersOf returns the call observers the options collected.
func observersOf(list []any) []chatsdk.CallObserver {
	out := make([]chatsdk.CallObserver, 0, len(list))
	for _, o := range list {
		if obs, ok := o.(chatsdk.CallObserver); ok {
			out = append(out, obs)
		}
	}
	return out
}

// runMiddleware sends req through mw, then through send.
func runMiddleware(mw []chatsdk.Middleware, req *http.Request, info chatsdk.AttemptInfo, send chatsdk.MiddlewareNext) (*http.Response, error) {
	if len(mw) == 0 {
		return send(req)
	}
	return mw[0](req, info, func(r *http.Request) (*http.Response, error) {
		return runMiddleware(mw[1:], r, info, send)
	})
}

// observe starts the observers of a call; end reports its outcome to each
// of them, innermost first.
func (c *Client) observe(ctx context.Context, r *Request) (context.Context, func(*chatsdk.Response, *callState, error)) {
	info := chatsdk.CallInfo{Operation: r.Operation, Method: r.Method, Route: c.route(r)}
	ends := make([]func(chatsdk.CallOutcome), 0, len(c.observers))
	for _, obs := range c.observers {
		var end func(chatsdk.CallOutcome)
		ctx, end = obs(ctx, info)
		if end != nil {
			ends = append(ends, end)
		}
	}
	return ctx, func(resp *chatsdk.Response, st *callState, err error) {
		var out chatsdk.CallOutcome
		out.Err = err
		if resp != nil {
			out.StatusCode = resp.StatusCode
		} else if apiErr := (*chatsdk.APIError)(nil); errors.As(err, &apiErr) {
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
func (c *Client) setMiddleware(st *callState, call []chatsdk.Middleware, r *Request) {
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

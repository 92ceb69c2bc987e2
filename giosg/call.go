package giosg

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// endpoint is a request's route template, as in the API documentation
// ("/api/v5/users/{user_id}/chats/{chat_id}/messages"), and its escaped
// path with the IDs filled in.
type endpoint struct {
	route, path string
}

// newEndpoint fills template's {name} parameters with ids, in order.
func newEndpoint(template string, ids ...any) endpoint {
	route, path := core.Route(template, ids...)
	return endpoint{route: route, path: path}
}

// request is a request for ep.
func (ep endpoint) request(op, method string, body any) *core.Request {
	return &core.Request{Operation: op, Method: method, Route: ep.route, Path: ep.path, Body: body}
}

// do sends one request and decodes the answer into a new T.
func do[T any](ctx context.Context, c *Client, op, method string, path endpoint, body any, opts []chatsdk.CallOption) (*T, *chatsdk.Response, error) {
	out := new(T)
	resp, err := c.core.Do(ctx, path.request(op, method, body), out, opts...)
	if err != nil {
		return nil, nil, err
	}
	return out, resp, nil
}

// doValue is do for operations that answer one object.
func doValue[T any](ctx context.Context, c *Client, op, method string, path endpoint, body any, opts []chatsdk.CallOption) (*T, error) {
	v, _, err := do[T](ctx, c, op, method, path, body, opts)
	return v, err
}

// doResult is do for operations that answer 200 for an existing object and
// 201 for a new one.
func doResult[T any](ctx context.Context, c *Client, op, method string, path endpoint, body any, opts []chatsdk.CallOption) (*Result[T], error) {
	v, resp, err := do[T](ctx, c, op, method, path, body, opts)
	if err != nil {
		return nil, err
	}
	return &Result[T]{Value: v, Created: resp.Created()}, nil
}

// doIdempotentResult is doResult for operations that answer 200 with the
// existing object when it already exists: they are safe to replay, so they
// are retried like a GET.
func doIdempotentResult[T any](ctx context.Context, c *Client, op, method string, path endpoint, body any, opts []chatsdk.CallOption) (*Result[T], error) {
	safe := true
	out := new(T)
	req := path.request(op, method, body)
	req.ReplaySafe = &safe
	resp, err := c.core.Do(ctx, req, out, opts...)
	if err != nil {
		return nil, err
	}
	return &Result[T]{Value: out, Created: resp.Created()}, nil
}

// doDelete sends a DELETE; the API answers 204 No Content.
func doDelete(ctx context.Context, c *Client, op string, path endpoint, opts []chatsdk.CallOption) error {
	_, err := c.core.Do(ctx, path.request(op, http.MethodDelete, nil), nil, opts...)
	return err
}

// required checks name/value pairs and names the first empty one.
func required(op string, nameValues ...string) error {
	for i := 0; i+1 < len(nameValues); i += 2 {
		if nameValues[i+1] == "" {
			return paramErr(op, ErrMissingParam, nameValues[i], "is required")
		}
	}
	return nil
}

// missingBody is the error for a nil request body.
func missingBody(op, what string) error {
	return paramErr(op, ErrMissingParam, what, "is required (nil body)")
}

package giosg

import (
	"context"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// do sends one request and decodes the answer into a new T.
func do[T any](ctx context.Context, c *Client, op, method, path string, body any, opts []chatsdk.CallOption) (*T, *chatsdk.Response, error) {
	out := new(T)
	resp, err := c.core.Do(ctx, &core.Request{Operation: op, Method: method, Path: path, Body: body}, out, opts...)
	if err != nil {
		return nil, nil, err
	}
	return out, resp, nil
}

// doValue is do for operations that answer one object.
func doValue[T any](ctx context.Context, c *Client, op, method, path string, body any, opts []chatsdk.CallOption) (*T, error) {
	v, _, err := do[T](ctx, c, op, method, path, body, opts)
	return v, err
}

// doResult is do for operations that answer 200 for an existing object and
// 201 for a new one.
func doResult[T any](ctx context.Context, c *Client, op, method, path string, body any, opts []chatsdk.CallOption) (*Result[T], error) {
	v, resp, err := do[T](ctx, c, op, method, path, body, opts)
	if err != nil {
		return nil, err
	}
	return &Result[T]{Value: v, Created: resp.Created()}, nil
}

// doIdempotentResult is doResult for operations that answer 200 with the
// existing object when it already exists: they are safe to replay, so they
// are retried like a GET.
func doIdempotentResult[T any](ctx context.Context, c *Client, op, method, path string, body any, opts []chatsdk.CallOption) (*Result[T], error) {
	safe := true
	out := new(T)
	resp, err := c.core.Do(ctx, &core.Request{Operation: op, Method: method, Path: path, Body: body, ReplaySafe: &safe}, out, opts...)
	if err != nil {
		return nil, err
	}
	return &Result[T]{Value: out, Created: resp.Created()}, nil
}

// doDelete sends a DELETE; the API answers 204 No Content.
func doDelete(ctx context.Context, c *Client, op, path string, opts []chatsdk.CallOption) error {
	_, err := c.core.Do(ctx, &core.Request{Operation: op, Method: http.MethodDelete, Path: path}, nil, opts...)
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

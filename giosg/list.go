package giosg

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"

	"github.com/chatsdk-go/chatsdk/internal/core"
	"github.com/google/go-querystring/query"
)

// listCall is one list request, built and validated once and shared by the
// iterator and the page-level method of each list.
type listCall struct {
	op    string
	path  string
	query any
	opts  ListOptions
}

// fetchPage gets the page at pageURL, or the first page when pageURL is "".
// Every page decodes into a fresh Page.
func fetchPage[T any](ctx context.Context, c *Client, lc listCall, pageURL string, opts []CallOption) (*Page[T], error) {
	req := &core.Request{Operation: lc.op, Method: http.MethodGet}
	if pageURL != "" {
		req.URL = pageURL
	} else {
		req.Path = lc.path
		req.Query = lc.query
	}
	p := new(Page[T])
	if _, err := c.core.Do(ctx, req, p, opts...); err != nil {
		return nil, err
	}
	return p, nil
}

// page fetches the page lc.opts.PageURL names, or the first page.
func page[T any](ctx context.Context, c *Client, lc listCall, err error, opts []CallOption) (*Page[T], error) {
	if err != nil {
		return nil, err
	}
	return fetchPage[T](ctx, c, lc, lc.opts.PageURL, opts)
}

// repeatedSentinel is handed to core.Paginate as the next cursor when a page
// links back to the first page's URL, so that the items of the page are
// yielded before the iterator stops with ErrRepeatedCursor.
const repeatedSentinel = "\x00repeated"

// seq iterates over every item of every page, fetching pages lazily.
func seq[T any](ctx context.Context, c *Client, lc listCall, err error, opts []CallOption) iter.Seq2[T, error] {
	if err != nil {
		return func(yield func(T, error) bool) {
			var zero T
			yield(zero, err)
		}
	}
	first := lc.opts.PageURL
	if first == "" {
		first = c.absoluteURL(lc.path, lc.query)
	}
	return core.Paginate(ctx, lc.op, lc.opts.MaxPages, func(ctx context.Context, cursor string) ([]T, string, error) {
		switch cursor {
		case repeatedSentinel:
			return nil, "", fmt.Errorf("%s: %w: %q", lc.op, core.ErrRepeatedCursor, first)
		case "":
			cursor = lc.opts.PageURL
		}
		p, err := fetchPage[T](ctx, c, lc, cursor, opts)
		if err != nil {
			return nil, "", err
		}
		if p.Next != "" && p.Next == first {
			return p.Results, repeatedSentinel, nil
		}
		return p.Results, p.Next, nil
	})
}

// absoluteURL is the URL core sends for path and q, used to notice a next
// link that points back at the first page.
func (c *Client) absoluteURL(path string, q any) string {
	u := c.core.BaseURL().String() + path
	if q == nil {
		return u
	}
	var vals url.Values
	switch v := q.(type) {
	case url.Values:
		vals = v
	default:
		var err error
		if vals, err = query.Values(v); err != nil {
			return u
		}
	}
	if len(vals) == 0 {
		return u
	}
	return u + "?" + vals.Encode()
}

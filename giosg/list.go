package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// listCall is one list request, built and validated once and shared by the
// iterator and the page-level method of each list.
type listCall struct {
	op    string
	path  endpoint
	query any
	opts  ListOptions
}

// fetchPage gets the page at pageURL, or the first page when pageURL is "".
// Every page decodes into a fresh Page.
func fetchPage[T any](ctx context.Context, c *Client, lc listCall, pageURL string, opts []chatsdk.CallOption) (*Page[T], error) {
	req := &core.Request{Operation: lc.op, Method: http.MethodGet, Route: lc.path.route}
	if pageURL != "" {
		req.URL = pageURL
	} else {
		req.Path = lc.path.path
		req.Query = lc.query
	}
	p := new(Page[T])
	if _, err := c.core.Do(ctx, req, p, opts...); err != nil {
		return nil, err
	}
	return p, nil
}

// page fetches the page lc.opts.PageURL names, or the first page.
func page[T any](ctx context.Context, c *Client, lc listCall, err error, opts []chatsdk.CallOption) (*Page[T], error) {
	if err != nil {
		return nil, err
	}
	return fetchPage[T](ctx, c, lc, lc.opts.PageURL, opts)
}

// seq iterates over every item of every page, fetching pages lazily. The
// cursors are the pages' URLs, starting from the first page's, so a next
// link back to any page already read (the first one included) ends the
// iteration with ErrRepeatedCursor after that page's items.
func seq[T any](ctx context.Context, c *Client, lc listCall, err error, opts []chatsdk.CallOption) iter.Seq2[T, error] {
	first := lc.opts.PageURL
	if err == nil && first == "" {
		first, err = c.core.URLFor(&core.Request{Operation: lc.op, Path: lc.path.path, Query: lc.query})
	}
	if err != nil {
		return func(yield func(T, error) bool) {
			var zero T
			yield(zero, err)
		}
	}
	return core.PaginateFrom(ctx, lc.op, lc.opts.MaxPages, first, func(ctx context.Context, cursor string) ([]T, string, error) {
		p, err := fetchPage[T](ctx, c, lc, cursor, opts)
		if err != nil {
			return nil, "", err
		}
		return p.Results, p.Next, nil
	})
}

// Page is one page of a cursor-paginated collection.
type Page[T any] struct {
	// Next is the absolute URL of the next page, or "" on the last page.
	// Pass it as ListOptions.PageURL to fetch that page.
	Next string `json:"next"`
	// Previous is the absolute URL of the previous page, or "".
	Previous string `json:"previous"`
	// Results are the items of this page.
	Results []T `json:"results"`
}

// ListOptions are the paging controls every list takes. They are never sent
// as query parameters.
type ListOptions struct {
	// PageURL, when set, is the absolute URL of the page to start from: the
	// Next (or Previous) of a page fetched earlier. It already carries the
	// filters of the first request, so the other params are not sent again.
	// Like every next URL, it must have the client's base URL scheme, host
	// and port.
	PageURL string `url:"-"`
	// MaxPages caps how many pages an iterator fetches; when more pages
	// remain it stops with an error matching chatsdk.ErrPageLimit. 0 means
	// no cap.
	MaxPages int `url:"-"`
}

func (o *ListOptions) listOptions() ListOptions {
	if o == nil {
		return ListOptions{}
	}
	return *o
}

// Order is the value of the ordering list parameter (ChatListParams.Ordering,
// ReplySuggestionListParams.Ordering): a field name, descending when
// prefixed with "-".
type Order string

// Ordering values for the ordering list parameter.
const (
	OrderCreatedAsc  Order = "created_at"
	OrderCreatedDesc Order = "-created_at"
	// OrderUpdatedAsc and OrderUpdatedDesc are documented for UserChats only.
	OrderUpdatedAsc  Order = "updated_at"
	OrderUpdatedDesc Order = "-updated_at"
)

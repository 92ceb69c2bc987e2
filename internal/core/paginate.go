package core

import (
	"context"
	"fmt"
	"hash/maphash"
	"iter"

	"github.com/chatsdk-go/chatsdk"
)

// PageFunc fetches the page at cursor (the first cursor for the first page) and returns
// its items and the next cursor ("" when it is the last page). It must
// decode every page into fresh values.
type PageFunc[T any] func(ctx context.Context, cursor string) (items []T, next string, err error)

// Paginate returns an iterator over every item of every page, fetching pages
// lazily as the caller ranges. It stops with an error, after the items
// already yielded, when fetching fails, when a cursor repeats
// (ErrRepeatedCursor), when maxPages (if > 0) pages were read and there are
// more (ErrPageLimit), or when ctx ends. A page with no items but a next
// cursor continues. Breaking out of the range loop stops fetching.
// The first page is fetched with the cursor "".
func Paginate[T any](ctx context.Context, operation string, maxPages int, fetch PageFunc[T]) iter.Seq2[T, error] {
	return PaginateFrom(ctx, operation, maxPages, "", fetch)
}

// PaginateFrom is Paginate with the first page fetched at cursor first, which
// counts as seen: a page whose next cursor is first ends with
// ErrRepeatedCursor. Lists whose cursors are next-page URLs pass the first
// page's URL (see URLFor).
func PaginateFrom[T any](ctx context.Context, operation string, maxPages int, first string, fetch PageFunc[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		// seen holds a 64-bit hash of each cursor, not the cursor: next-page
		// URLs are long, and a walk of many pages would otherwise keep them
		// all. The seed is the iterator's own, so no cursor can be crafted
		// to collide; by chance, two of a million cursors collide with a
		// probability below 1e-7, and a collision ends the walk with
		// ErrRepeatedCursor, never skips a page silently.
		seed := maphash.MakeSeed()
		seen := map[uint64]struct{}{}
		cursor := first
		for pages := 0; ; pages++ {
			if err := ctx.Err(); err != nil {
				yield(zero, fmt.Errorf("%s: %w", operation, err))
				return
			}
			if maxPages > 0 && pages >= maxPages {
				yield(zero, fmt.Errorf("%s: %w (%d pages)", operation, chatsdk.ErrPageLimit, maxPages))
				return
			}
			items, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if err := ctx.Err(); err != nil {
					yield(zero, fmt.Errorf("%s: %w", operation, err))
					return
				}
				if !yield(it, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			seen[maphash.String(seed, cursor)] = struct{}{}
			if _, dup := seen[maphash.String(seed, next)]; dup {
				yield(zero, fmt.Errorf("%s: %w: %q", operation, chatsdk.ErrRepeatedCursor, next))
				return
			}
			cursor = next
		}
	}
}

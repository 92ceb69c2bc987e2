package giosgtest

import (
	"encoding/base64"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"sort"
	"time"
)

// page is the paginated collection every list answers.
type page struct {
	Next     *string `json:"next"`
	Previous *string `json:"previous"`
	Results  []any   `json:"results"`
}

// position is where an item sits in a list's order: its sort time, then the
// order in which the fake created it (unique).
type position struct {
	at  int64 // Unix nanoseconds
	seq int64
}

func pos(t time.Time, seq int64) position { return position{at: t.UnixNano(), seq: seq} }

func (p position) cmp(q position) int {
	switch {
	case p.at < q.at:
		return -1
	case p.at > q.at:
		return 1
	case p.seq < q.seq:
		return -1
	case p.seq > q.seq:
		return 1
	}
	return 0
}

// cursor is a position and the direction to read from it. Like Django REST
// Framework's CursorPagination it is opaque, and stays valid when objects
// are added or removed before it.
type cursor struct {
	backward bool
	at       position
}

func (c cursor) encode() string {
	dir := "n"
	if c.backward {
		dir = "p"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("%s:%d:%d", dir, c.at.at, c.at.seq)))
}

func decodeCursor(s string) (cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, notFound("Invalid cursor")
	}
	var dir string
	var c cursor
	if n, err := fmt.Sscanf(string(raw), "%1s:%d:%d", &dir, &c.at.at, &c.at.seq); err != nil || n != 3 || (dir != "n" && dir != "p") {
		return cursor{}, notFound("Invalid cursor")
	}
	c.backward = dir == "p"
	return c, nil
}

// paginate answers one page of items, which are already filtered and
// sorted in the list's order (descending when desc). key gives each item's
// position and render its JSON. next and previous are absolute URLs on the
// server's own base URL, keeping the request's other query parameters.
func paginate[T any](s *Server, r *http.Request, items []T, desc bool, key func(T) position, render func(T) any) (int, any, error) {
	// after reports whether position p comes after q in the list's order.
	after := func(p, q position) bool {
		if desc {
			return p.cmp(q) < 0
		}
		return p.cmp(q) > 0
	}
	n := len(items)
	start, end := 0, min(n, s.pageSize)
	if raw := r.URL.Query().Get("cursor"); raw != "" {
		c, err := decodeCursor(raw)
		if err != nil {
			return 0, nil, err
		}
		if c.backward {
			// The page of items just before c.
			end = sort.Search(n, func(i int) bool { return !after(c.at, key(items[i])) })
			start = max(0, end-s.pageSize)
		} else {
			start = sort.Search(n, func(i int) bool { return after(key(items[i]), c.at) })
			end = min(n, start+s.pageSize)
		}
	}
	p := page{Results: make([]any, 0, end-start)}
	for _, it := range items[start:end] {
		p.Results = append(p.Results, render(it))
	}
	switch {
	case end < n && end > start:
		p.Next = s.pageURL(r, &cursor{at: key(items[end-1])})
	case end < n:
		// An empty page before every item (a backward cursor older than
		// them all): continue from the list's start.
		start := position{at: math.MinInt64, seq: math.MinInt64}
		if desc {
			start = position{at: math.MaxInt64, seq: math.MaxInt64}
		}
		p.Next = s.pageURL(r, &cursor{at: start})
	}
	if start > 0 {
		p.Previous = s.pageURL(r, &cursor{backward: true, at: key(items[start])})
	}
	return http.StatusOK, p, nil
}

// pageURL is the request's URL on the server's base URL with cursor c.
func (s *Server) pageURL(r *http.Request, c *cursor) *string {
	u, err := url.Parse(s.BaseURL)
	if err != nil {
		return nil
	}
	q := r.URL.Query()
	q.Set("cursor", c.encode())
	u.Path = r.URL.Path
	u.RawPath = r.URL.RawPath
	u.RawQuery = q.Encode()
	link := u.String()
	return &link
}

package fake

import (
	"net/http"
	"net/url"
	"strings"
)

// Params holds the path parameters a route captured, by name.
type Params map[string]string

// HandlerFunc serves a request that matched a route.
type HandlerFunc func(w http.ResponseWriter, r *http.Request, p Params)

// Router dispatches requests by method and path pattern. A pattern is a
// path below the router's prefix whose segments are literal or hold one
// "{name}" capture with an optional literal prefix and suffix, such as
// "/agents/{agent_id}.json". When several routes match, the one with the
// most literal segments wins, so "/agents/invite.json" beats
// "/agents/{agent_id}.json". Segments are unescaped before matching, so an
// escaped "/" inside an ID never changes which route runs.
type Router struct {
	prefix string
	routes []route
}

type route struct {
	method string
	segs   []string
	h      HandlerFunc
}

// NewRouter returns a router for paths below prefix ("" for the root).
func NewRouter(prefix string) *Router { return &Router{prefix: prefix} }

// Handle adds the route method + pattern.
func (rt *Router) Handle(method, pattern string, h HandlerFunc) {
	rt.routes = append(rt.routes, route{method, strings.Split(strings.TrimPrefix(pattern, "/"), "/"), h})
}

// Lookup finds the route for r. status is 0 when a route matched, else
// 404 (no route has the path), 405 (routes have the path with other
// methods; allow lists them) or 400 (the path cannot be unescaped).
func (rt *Router) Lookup(r *http.Request) (h HandlerFunc, p Params, status int, allow []string) {
	escaped, ok := strings.CutPrefix(r.URL.EscapedPath(), rt.prefix)
	if !ok || !strings.HasPrefix(escaped, "/") {
		return nil, nil, http.StatusNotFound, nil
	}
	raw := strings.Split(strings.TrimPrefix(escaped, "/"), "/")
	segs := make([]string, len(raw))
	for i, s := range raw {
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, nil, http.StatusBadRequest, nil
		}
		segs[i] = u
	}
	best := -1
	for i := range rt.routes {
		route := &rt.routes[i]
		params, literals, ok := matchSegments(route.segs, segs)
		if !ok {
			continue
		}
		if route.method != r.Method {
			allow = append(allow, route.method)
			continue
		}
		if literals > best {
			h, p, best = route.h, params, literals
		}
	}
	switch {
	case h != nil:
		return h, p, 0, nil
	case len(allow) > 0:
		return nil, nil, http.StatusMethodNotAllowed, allow
	}
	return nil, nil, http.StatusNotFound, nil
}

// matchSegments reports whether segs fit the pattern segments, returning
// the captures and how many segments matched literally.
func matchSegments(pat, segs []string) (Params, int, bool) {
	if len(pat) != len(segs) {
		return nil, 0, false
	}
	params := Params{}
	literals := 0
	for i, p := range pat {
		seg := segs[i]
		open := strings.IndexByte(p, '{')
		end := strings.IndexByte(p, '}')
		if open < 0 || end < open {
			if p != seg {
				return nil, 0, false
			}
			literals++
			continue
		}
		before, after := p[:open], p[end+1:]
		if len(seg) < len(before)+len(after) || !strings.HasPrefix(seg, before) || !strings.HasSuffix(seg, after) {
			return nil, 0, false
		}
		params[p[open+1:end]] = seg[len(before) : len(seg)-len(after)]
	}
	return params, literals, true
}

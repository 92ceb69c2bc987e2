package core

import (
	"net/url"
	"strings"
)

// Route expands a route template whose path parameters are written {name}
// ("/agents/{agent_id}.json"): it returns the template itself, for
// Request.Route, and the escaped path, for Request.Path. Each argument
// fills the next parameter and is one path segment: it is converted as
// fmt.Sprint does and escaped with url.PathEscape, so an ID that contains
// "/", "?", "#", "%" or a space can never change which endpoint is called.
// The dot segments "." and ".." are escaped too ("%2E"), because servers
// and proxies would otherwise resolve them.
func Route(template string, args ...any) (route, path string) {
	var buf [128]byte
	return template, string(appendRoute(buf[:0], template, args))
}

// appendRoute appends template with its {name} parameters filled by args,
// each escaped as one segment, to dst.
func appendRoute(dst []byte, template string, args []any) []byte {
	next := 0
	for i := 0; i < len(template); i++ {
		c := template[i]
		if c != '{' {
			dst = append(dst, c)
			continue
		}
		end := strings.IndexByte(template[i:], '}')
		if end < 0 || next >= len(args) {
			return append(dst, template[i:]...)
		}
		dst = appendPathSegment(dst, args[next])
		next++
		i += end
	}
	return dst
}

// escapedPath is r's Path, or its Route filled with its PathParams.
func (r *Request) escapedPath() string {
	if r.Path != "" || r.Route == "" {
		return r.Path
	}
	_, p := Route(r.Route, r.PathParams...)
	return p
}

// appendEscapedPath appends r.escapedPath() to dst.
func (r *Request) appendEscapedPath(dst []byte) []byte {
	if r.Path != "" || r.Route == "" {
		return append(dst, r.Path...)
	}
	return appendRoute(dst, r.Route, r.PathParams)
}

// route is the template r was built from: Route when set, else the path
// itself (a path without parameters, or an RPC method). A next-page URL's
// path is taken relative to the base URL.
func (c *Client) route(r *Request) string {
	if r.Route != "" {
		return r.Route
	}
	p := r.Path
	if p == "" && r.URL != "" {
		if u, err := url.Parse(r.URL); err == nil {
			p = strings.TrimPrefix(u.EscapedPath(), c.base.EscapedPath())
		}
	}
	return p
}

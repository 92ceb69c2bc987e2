package core

import (
	"fmt"
	"net/url"
	"strings"
)

// Pathf formats a request path. Every argument is one path segment: it is
// converted with fmt.Sprint and escaped with url.PathEscape, so an ID that
// contains "/", "?", "#", "%" or a space can never change which endpoint is
// called. The dot segments "." and ".." are escaped too ("%2E"), because
// servers and proxies would otherwise resolve them.
//
// The format itself is trusted and only supports %s and %v verbs.
func Pathf(format string, args ...any) string {
	escaped := make([]any, len(args))
	for i, a := range args {
		escaped[i] = PathSegment(fmt.Sprint(a))
	}
	return fmt.Sprintf(format, escaped...)
}

// PathSegment escapes s so that it is exactly one path segment.
func PathSegment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return url.PathEscape(s)
}

// joinURL appends an already escaped path to the base URL, keeping the base's
// own path prefix (for example "/api/v1").
func joinURL(base *url.URL, escapedPath string) string {
	b := strings.TrimSuffix(base.String(), "/")
	if escapedPath == "" {
		return b
	}
	if !strings.HasPrefix(escapedPath, "/") {
		escapedPath = "/" + escapedPath
	}
	return b + escapedPath
}

// sameOrigin reports whether u has the scheme, host and port of base.
func sameOrigin(base, u *url.URL) bool {
	return strings.EqualFold(base.Scheme, u.Scheme) &&
		strings.EqualFold(base.Hostname(), u.Hostname()) &&
		effectivePort(base) == effectivePort(u)
}

func effectivePort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

package core

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// segmentString is fmt.Sprint(a), without its cost for the common ID types.
func segmentString(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return fmt.Sprint(a)
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

// appendPathSegment appends PathSegment(segmentString(a)) to dst.
func appendPathSegment(dst []byte, a any) []byte {
	switch v := a.(type) {
	case string:
		switch v {
		case ".", "..":
			return append(dst, PathSegment(v)...)
		}
		for i := 0; i < len(v); i++ {
			if c := v[i]; segmentSafe(c) {
				dst = append(dst, c)
			} else {
				dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
			}
		}
		return dst
	case int:
		return strconv.AppendInt(dst, int64(v), 10)
	case int64:
		return strconv.AppendInt(dst, v, 10)
	}
	return append(dst, PathSegment(segmentString(a))...)
}

// segmentSafe reports whether url.PathEscape leaves c as it is.
func segmentSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '_', '.', '~', '$', '&', '+', ':', '=', '@':
		return true
	}
	return false
}

// joinURL appends an already escaped path to the base URL b (given without a
// trailing slash), keeping the base's own path prefix (for example "/api/v1").
func joinURL(b string, escapedPath string) string {
	if escapedPath == "" {
		return b
	}
	if !strings.HasPrefix(escapedPath, "/") {
		return b + "/" + escapedPath
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

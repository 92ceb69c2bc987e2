package chatio

import (
	"net/url"
	"strings"
)

// validateWebhookURL requires an absolute http or https URL: chat.io has to
// POST to it. A plain URL (see isPlainHTTPURL) is accepted without parsing,
// so that validating it allocates nothing; any other is judged by url.Parse.
func validateWebhookURL(field, raw string) error {
	if isPlainHTTPURL(raw) {
		return nil
	}
	if strings.TrimSpace(raw) == "" {
		return invalid(field, "required")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid(field, "%q is not an absolute http or https URL", raw)
	}
	return nil
}

// isPlainHTTPURL reports whether raw is "http://" or "https://" (in any
// case), a host of letters, digits, dots and hyphens with an optional
// numeric port, and a path, query and fragment of printable ASCII without
// percent escapes, brackets, backslashes, quotes or spaces: a form url.Parse
// always accepts with that scheme and a non-empty host. It reports false for
// everything else, which url.Parse then judges.
func isPlainHTTPURL(raw string) bool {
	var rest string
	switch {
	case len(raw) > len("https://") && strings.EqualFold(raw[:len("https://")], "https://"):
		rest = raw[len("https://"):]
	case len(raw) > len("http://") && strings.EqualFold(raw[:len("http://")], "http://"):
		rest = raw[len("http://"):]
	default:
		return false
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	host, tail := rest[:end], rest[end:]
	if port := strings.IndexByte(host, ':'); port >= 0 {
		if !allDigits(host[port+1:]) {
			return false
		}
		host = host[:port]
	}
	if host == "" {
		return false
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !isAlphanumeric(c) && c != '.' && c != '-' {
			return false
		}
	}
	for i := 0; i < len(tail); i++ {
		if c := tail[i]; !isAlphanumeric(c) && !strings.ContainsRune("-._~/?#&=+,;:@!$'()*", rune(c)) {
			return false
		}
	}
	return true
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isAlphanumeric(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

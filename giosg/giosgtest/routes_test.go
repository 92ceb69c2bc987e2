package giosgtest

import (
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// TestRouteTableIsTheEndpointList checks that the fake serves each line of
// internal/endpoints/giosg.txt once, and nothing else.
func TestRouteTableIsTheEndpointList(t *testing.T) {
	s := &Server{}
	seen := map[string]bool{}
	var keys []string
	toDocumented := strings.NewReplacer("{", "<", "}", ">")
	for _, rt := range s.routeTable() {
		if seen[rt.pattern] {
			t.Errorf("duplicate route %s", rt.pattern)
		}
		seen[rt.pattern] = true
		keys = append(keys, toDocumented.Replace(rt.pattern))
	}
	testkit.AssertSameKeys(t, "giosg", "route in the fake", keys)
}

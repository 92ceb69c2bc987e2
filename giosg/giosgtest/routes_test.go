package giosgtest

import "testing"

func TestRouteTableHas79UniquePairs(t *testing.T) {
	s := &Server{}
	seen := map[string]bool{}
	for _, rt := range s.routeTable() {
		if seen[rt.pattern] {
			t.Errorf("duplicate route %s", rt.pattern)
		}
		seen[rt.pattern] = true
	}
	if len(seen) != 79 {
		t.Errorf("%d routes, want the 79 documented pairs", len(seen))
	}
}

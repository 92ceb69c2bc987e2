package main

import (
	"strings"
	"testing"
)

// TestArgumentUsageSaysWhereTheValueGoes checks the help of an argument
// sent in the body (tags add's tag name) against one in the path (tags
// remove's).
func TestArgumentUsageSaysWhereTheValueGoes(t *testing.T) {
	env := map[string]string{"GIOSG_TOKEN": "t", "GIOSG_BASE_URL": "http://127.0.0.1:1"}
	usage := func(verb string) string {
		r := cli(t, env, "giosg", "tags", verb, "-h")
		_, after, found := strings.Cut(r.stderr, "-tag-name string\n")
		if !found {
			t.Fatalf("tags %s -h: no --tag-name in %q", verb, r.stderr)
		}
		line, _, _ := strings.Cut(after, "\n")
		return strings.TrimSpace(line)
	}
	if got := usage("add"); got != "sent in the request body (required)" {
		t.Errorf("tags add --tag-name: %q", got)
	}
	if got := usage("remove"); got != "path argument (required)" {
		t.Errorf("tags remove --tag-name: %q", got)
	}
}

package main

import (
	"strings"
	"testing"
)

func TestGiosgEnumFlagHelp(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"giosg", "chats", "list", "-h"}, "giosg.Order: created_at | -created_at | updated_at | -updated_at"},
		{[]string{"giosg", "memberships", "join", "-h"}, "giosg.ComposingStatus: idle | typing | typed"},
		{[]string{"giosg", "messages", "list", "-h"}, "comma-separated giosg.MessageType list of msg | autosuggest | join"},
	} {
		r := cli(t, nil, tc.args...)
		if out := r.stdout + r.stderr; !strings.Contains(out, tc.want) {
			t.Errorf("%s: help lacks %q:\n%s", strings.Join(tc.args, " "), tc.want, out)
		}
	}
}

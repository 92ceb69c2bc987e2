package main

import (
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

func TestAPIRaw(t *testing.T) {
	ch := chatrhubtest.NewServer()
	defer ch.Close()
	gi := giosgtest.NewServer()
	defer gi.Close()
	ci := chatiotest.NewServer()
	defer ci.Close()
	env := map[string]string{
		"CHATRHUB_TOKEN": ch.Token, "CHATRHUB_BASE_URL": ch.BaseURL,
		"GIOSG_TOKEN": gi.Token, "GIOSG_BASE_URL": gi.BaseURL,
		"CHATIO_TOKEN": ci.Token, "CHATIO_BASE_URL": ci.BaseURL,
	}

	r := mustOK(t, cli(t, env, "api", "chatrhub", "GET", "/agents.json"))
	if data, ok := decode(t, r.stdout)["data"].([]any); !ok || len(data) == 0 {
		t.Fatalf("chatrhub raw: %s", r.stdout)
	}
	r = mustOK(t, cli(t, env, "api", "giosg", "GET", "/api/v5/users/"+giosgtest.UserID+"/chats", "-q", "is_ended=true"))
	for _, c := range decode(t, r.stdout)["results"].([]any) {
		if c.(map[string]any)["is_ended"] != true {
			t.Fatalf("-q is_ended=true listed %v", c)
		}
	}
	r = mustOK(t, cli(t, env, "api", "chatio", "POST", "/agents/create_bot_agent", "--data", `{"name":"Raw","status":"accepting chats"}`))
	if decode(t, r.stdout)["bot_agent_id"] == "" || len(ci.BotAgents()) != 1 {
		t.Fatalf("chatio raw create: %s", r.stdout)
	}
	r = cli(t, env, "api", "chatrhub", "GET", "/agents/999999.json")
	if r.code != 1 || !strings.Contains(r.stderr, "status: 404") {
		t.Fatalf("raw 404: exit %d %q", r.code, r.stderr)
	}
	if r := cli(t, env, "api", "chatrhub", "GET"); r.code != 2 {
		t.Fatalf("missing PATH: exit %d", r.code)
	}
}

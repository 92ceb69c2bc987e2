package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

type result struct {
	stdout, stderr string
	code           int
}

// cli runs the command in-process with env as its whole environment.
func cli(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	code := run(ctx, args, &out, &errb, func(k string) string { return env[k] })
	return result{out.String(), errb.String(), code}
}

func mustOK(t *testing.T, r result) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
	return r
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not a JSON object: %v\n%s", err, s)
	}
	return m
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line != "" {
			out = append(out, decode(t, line))
		}
	}
	return out
}

func TestChatrHubFlow(t *testing.T) {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	env := map[string]string{"CHATRHUB_TOKEN": srv.Token, "CHATRHUB_BASE_URL": srv.BaseURL}

	before := jsonLines(t, mustOK(t, cli(t, env, "chatrhub", "agents", "list")).stdout)
	r := mustOK(t, cli(t, env, "chatrhub", "agents", "invite", "--full-name", "Ada Lovelace",
		"--email", "ada@example.com", "--level", "supervisor"))
	agent := decode(t, r.stdout)
	if agent["full_name"] != "Ada Lovelace" || jsonNumber(agent["authorization_level"]) != "3" {
		t.Fatalf("invite answered %v", agent)
	}
	after := jsonLines(t, mustOK(t, cli(t, env, "chatrhub", "agents", "list")).stdout)
	if len(after) != len(before)+1 {
		t.Fatalf("agents list: %d agents after invite, %d before", len(after), len(before))
	}
	id := jsonNumber(agent["id"])
	got := decode(t, mustOK(t, cli(t, env, "chatrhub", "agents", "get", "--agent-id", id)).stdout)
	if got["email"] != "ada@example.com" {
		t.Fatalf("agents get: %v", got)
	}

	g := decode(t, mustOK(t, cli(t, env, "chatrhub", "groups", "add", "--group-name", "Night shift")).stdout)
	gid := jsonNumber(g["id"])
	mustOK(t, cli(t, env, "chatrhub", "groups", "remove", "--group-id", gid))
	r = cli(t, env, "chatrhub", "groups", "get", "--group-id", gid)
	if r.code != 1 || !strings.Contains(r.stderr, "status: 404") {
		t.Fatalf("get of a removed group: exit %d, stderr %q", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, srv.Token) {
		t.Fatal("the token is in the error output")
	}

	r = cli(t, env, "chatrhub", "agents", "get")
	if r.code != 2 || !strings.Contains(r.stderr, "--agent-id is required") {
		t.Fatalf("missing path argument: exit %d, stderr %q", r.code, r.stderr)
	}
	tasks := mustOK(t, cli(t, env, "chatrhub", "tasks", "list", "--all", "--task-type", "operational", "--is-resolved=false"))
	_ = jsonLines(t, tasks.stdout)
}

func jsonNumber(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

func TestGiosgFlow(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithPageSize(2))
	defer srv.Close()
	env := map[string]string{"GIOSG_TOKEN": srv.Token, "GIOSG_BASE_URL": srv.BaseURL}
	scope := "--scope=user:" + giosgtest.UserID

	one := jsonLines(t, mustOK(t, cli(t, env, "giosg", "chats", "list", scope)).stdout)
	all := jsonLines(t, mustOK(t, cli(t, env, "giosg", "chats", "list", scope, "--all")).stdout)
	if len(one) > 2 || len(all) <= len(one) {
		t.Fatalf("chats list: %d on the first page, %d with --all", len(one), len(all))
	}
	open := jsonLines(t, mustOK(t, cli(t, env, "giosg", "chats", "list", scope, "--is-ended=false", "--all")).stdout)
	for _, c := range open {
		if c["is_ended"] == true {
			t.Fatalf("--is-ended=false listed an ended chat: %v", c)
		}
	}

	created := decode(t, mustOK(t, cli(t, env, "giosg", "chats", "create", scope)).stdout)
	chat, _ := created["Value"].(map[string]any)
	chatID, _ := chat["id"].(string)
	if chatID == "" {
		t.Fatalf("chats create: %v", created)
	}
	msg := decode(t, mustOK(t, cli(t, env, "giosg", "messages", "send", scope, "--chat-id", chatID, "--message", "hello from the CLI")).stdout)
	if msg["message"] != "hello from the CLI" {
		t.Fatalf("messages send: %v", msg)
	}
	msgs := jsonLines(t, mustOK(t, cli(t, env, "giosg", "messages", "list", scope, "--chat-id", chatID, "--all")).stdout)
	if len(msgs) == 0 {
		t.Fatal("messages list: no messages")
	}
	mustOK(t, cli(t, env, "giosg", "tags", "add", scope, "--chat-id", chatID, "--tag-name", "Lead"))
	mustOK(t, cli(t, env, "giosg", "tags", "remove", scope, "--chat-id", chatID, "--tag-name", "Lead"))
	if tags := srv.Tags(chatID); len(tags) != 0 {
		t.Fatalf("tags after remove: %v", tags)
	}
	table := mustOK(t, cli(t, env, "giosg", "chats", "list", scope, "--output", "table"))
	if !strings.HasPrefix(table.stdout, "ID") {
		t.Fatalf("table output: %q", table.stdout)
	}
	if r := cli(t, env, "giosg", "chats", "list", "--scope", "nowhere:1"); r.code != 2 {
		t.Fatalf("bad scope: exit %d", r.code)
	}
	// GET /users/<user_id>/chats/<chat_id> is not documented: no such scope for chats get.
	if r := cli(t, env, "giosg", "chats", "get", scope, "--chat-id", chatID); r.code != 2 || !strings.Contains(r.stderr, "not documented") {
		t.Fatalf("undocumented scope: exit %d, %q", r.code, r.stderr)
	}
	if r := cli(t, env, "giosg", "chats", "list", "--scope", "org-room:"+giosgtest.OrgID); r.code != 2 {
		t.Fatalf("org-room with one ID: exit %d", r.code)
	}
	got := decode(t, mustOK(t, cli(t, env, "giosg", "chats", "get", "--scope", "user-routed:"+giosgtest.UserID, "--chat-id", giosgtest.RoutedChatID)).stdout)
	if got["id"] != giosgtest.RoutedChatID {
		t.Fatalf("chats get: %v", got)
	}
}

func TestChatioFlow(t *testing.T) {
	srv := chatiotest.NewServer()
	defer srv.Close()
	env := map[string]string{"CHATIO_TOKEN": srv.Token, "CHATIO_BASE_URL": srv.BaseURL}

	created := decode(t, mustOK(t, cli(t, env, "chatio", "bot-agents", "create", "--name", "Helper", "--status", "accepting chats")).stdout)
	id, _ := created["bot_agent_id"].(string)
	if id == "" {
		t.Fatalf("create: %v", created)
	}
	mustOK(t, cli(t, env, "chatio", "bot-agents", "update", "--bot-agent-id", id, "--max-chats-count", "0"))
	got := decode(t, mustOK(t, cli(t, env, "chatio", "bot-agents", "get", "--bot-agent-id", id)).stdout)
	if got["name"] != "Helper" {
		t.Fatalf("get: %v", got)
	}
	mustOK(t, cli(t, env, "chatio", "webhooks", "register", "--url", "http://127.0.0.1:1/hook",
		"--action", "incoming_event", "--secret-key", "s3cret"))
	hooks := jsonLines(t, mustOK(t, cli(t, env, "chatio", "webhooks", "list")).stdout)
	if len(hooks) != 1 {
		t.Fatalf("webhooks list: %v", hooks)
	}
	mustOK(t, cli(t, env, "chatio", "bot-agents", "remove", "--bot-agent-id", id))
	if len(srv.BotAgents()) != 0 {
		t.Fatalf("bot agents after remove: %v", srv.BotAgents())
	}
	if r := cli(t, map[string]string{}, "chatio", "webhooks", "list"); r.code != 2 {
		t.Fatalf("no token: exit %d", r.code)
	}
}

func TestAuthConfig(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte(srv.Token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	scope := "--scope=user:" + giosgtest.UserID
	r := mustOK(t, cli(t, nil, "giosg", "chats", "list", scope, "--token-file", tokenFile, "--base-url", srv.BaseURL, "--verbose"))
	if !strings.Contains(r.stderr, "/api/v5/users/") {
		t.Fatalf("--verbose logged %q", r.stderr)
	}
	if strings.Contains(r.stderr+r.stdout, srv.Token) {
		t.Fatal("the token was printed")
	}
	r = mustOK(t, cli(t, map[string]string{"GIOSG_TOKEN": srv.Token, "GIOSG_BASE_URL": srv.BaseURL}, "giosg", "chats", "list", scope, "--oauth"))
	if len(jsonLines(t, r.stdout)) == 0 {
		t.Fatal("--oauth: no chats")
	}
	r = cli(t, map[string]string{"GIOSG_TOKEN": "wrong-secret-token", "GIOSG_BASE_URL": srv.BaseURL}, "giosg", "chats", "list", scope, "--verbose")
	if r.code != 1 || !strings.Contains(r.stderr, "status: 401") {
		t.Fatalf("wrong token: exit %d, %q", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "wrong-secret-token") {
		t.Fatal("the token is in the error output")
	}
}

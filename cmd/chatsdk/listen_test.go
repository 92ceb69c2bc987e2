package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestListenJSONAndForward(t *testing.T) {
	forwarded := make(chan string, 1)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		forwarded <- string(b)
	}))
	defer target.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	listenCtx, stop := context.WithCancel(ctx)
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(listenCtx, []string{"chatio", "listen", "--secret-key", "k3y", "--webhook-id", "wh-1",
			"--addr", "127.0.0.1:0", "--json", "--forward-to", target.URL}, &out, &errb, func(string) string { return "" })
	}()
	url := field(waitFor(t, &out, "listening url="), "url")

	body := `{"webhook_id":"wh-1","secret_key":"k3y","action":"thread_closed","data":{"chat_id":"c1","thread_id":"t1","user_id":"u1"}}`
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("delivery: %s (%s)", resp.Status, errb.String())
	}
	select {
	case got := <-forwarded:
		if got != body {
			t.Fatalf("forwarded %q, want the raw body", got)
		}
	case <-ctx.Done():
		t.Fatal("nothing forwarded")
	}
	line := strings.TrimSpace(strings.SplitN(waitFor(t, &out, "thread_closed"), "\n", 2)[1])
	var d struct {
		WebhookID string         `json:"webhook_id"`
		Action    string         `json:"action"`
		Data      map[string]any `json:"data"`
	}
	if err := json.Unmarshal([]byte(line), &d); err != nil || d.WebhookID != "wh-1" || d.Data["chat_id"] != "c1" {
		t.Fatalf("--json printed %q (%v)", line, err)
	}
	if strings.Contains(out.String(), "k3y") {
		t.Fatal("the secret was printed")
	}

	// Another webhook ID is refused.
	resp, err = http.Post(url, "application/json", strings.NewReader(strings.Replace(body, "wh-1", "wh-2", 1)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("unknown webhook: %s", resp.Status)
	}
	stop()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}

	if r := cli(t, nil, "chatio", "listen", "--secret-key", "k", "--forward-to", "file:///etc/passwd"); r.code != 2 {
		t.Fatalf("--forward-to file: exit %d", r.code)
	}
}

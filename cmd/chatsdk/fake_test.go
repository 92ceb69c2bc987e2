package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls buf until it contains want or the deadline passes.
func waitFor(t *testing.T, buf *syncBuffer, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s := buf.String(); strings.Contains(s, want) {
			return s
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no %q in output:\n%s", want, buf.String())
	return ""
}

// field returns key=value's value from a line printed by fake or listen.
func field(line, key string) string {
	for _, f := range strings.Fields(line) {
		if v, ok := strings.CutPrefix(f, key+"="); ok {
			return v
		}
	}
	return ""
}

// startFake builds the command and runs "chatsdk fake" as a process; it
// returns the printed lines by API name.
func startFake(t *testing.T, ctx context.Context) (map[string]string, *exec.Cmd) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chatsdk")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.CommandContext(ctx, bin, "fake", "--addr", "127.0.0.1:0")
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	lines := map[string]string{}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		name, _, _ := strings.Cut(sc.Text(), " ")
		lines[name] = sc.Text()
		if name == "control" {
			break
		}
	}
	if lines["control"] == "" {
		t.Fatalf("fake printed %v", lines)
	}
	return lines, cmd
}

func TestFakeProcessAndListen(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	lines, cmd := startFake(t, ctx)

	// The fake serves the APIs over plain HTTP with the printed tokens.
	for _, api := range []string{"chatrhub", "giosg", "chatio"} {
		if field(lines[api], "base_url") == "" || field(lines[api], "token") == "" {
			t.Fatalf("%s line: %q", api, lines[api])
		}
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, field(lines["chatrhub"], "base_url")+"/agents.json", nil)
	req.Header.Set("Authorization", "Bearer "+field(lines["chatrhub"], "token"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /agents.json: %s", resp.Status)
	}

	// chatio listen receives a delivery the fake sends on demand.
	listenCtx, stopListen := context.WithCancel(ctx)
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(listenCtx, []string{"chatio", "listen", "--secret-key", "s3cret", "--addr", "127.0.0.1:0"}, &out, &errb, func(string) string { return "" })
	}()
	listenURL := field(waitFor(t, &out, "listening url="), "url")

	env := map[string]string{"CHATIO_TOKEN": field(lines["chatio"], "token"), "CHATIO_BASE_URL": field(lines["chatio"], "base_url")}
	mustOK(t, cli(t, env, "chatio", "webhooks", "register", "--url", listenURL, "--action", "incoming_event", "--secret-key", "s3cret"))
	control := field(lines["control"], "url")
	r := mustOK(t, cli(t, nil, "fake", "deliver", "--control", control, "--action", "incoming_event", "--chat-id", "chat-42", "--text", "hi there"))
	var res deliverResult
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Delivered != 1 {
		t.Fatalf("deliver answered %q (%v)", r.stdout, err)
	}
	got := waitFor(t, &out, "incoming_event")
	if !strings.Contains(got, "chat=chat-42") || !strings.Contains(got, `text="hi there"`) {
		t.Fatalf("listen printed %q", got)
	}

	// A delivery with a wrong secret is refused and not printed.
	body := `{"webhook_id":"x","secret_key":"wrong","action":"incoming_event","data":{}}`
	resp, err = http.Post(listenURL, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("wrong secret: %s", resp.Status)
	}
	stopListen()
	if code := <-done; code != 0 {
		t.Fatalf("listen exit %d: %s", code, errb.String())
	}

	// SIGINT shuts the fake down cleanly.
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("fake after SIGINT: %v", err)
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

// deliverRequest is the body of POST /_control/chatio/deliver.
type deliverRequest struct {
	// Action is the webhook action to deliver (to every webhook registered
	// for it), unless WebhookID names one webhook.
	Action    chatio.WebhookAction `json:"action"`
	WebhookID string               `json:"webhook_id,omitempty"`
	// ChatID fills the default payload of incoming_event.
	ChatID string `json:"chat_id,omitempty"`
	// Text is the message text of the default incoming_event payload.
	Text string `json:"text,omitempty"`
	// Data, when set, is the payload sent instead of the default.
	Data json.RawMessage `json:"data,omitempty"`
}

// deliverResult is the answer of the control endpoint.
type deliverResult struct {
	Delivered int    `json:"delivered"`
	Error     string `json:"error,omitempty"`
}

// payload is the data sent for r: r.Data, or for incoming_event a message
// event in r.ChatID.
func (r *deliverRequest) payload() any {
	if len(r.Data) > 0 {
		return r.Data
	}
	chatID := r.ChatID
	if chatID == "" {
		chatID = "chatsdk-fake-chat"
	}
	text := r.Text
	if text == "" {
		text = "Hello from chatsdk fake"
	}
	return map[string]any{
		"chat_id":   chatID,
		"thread_id": "chatsdk-fake-thread",
		"event": map[string]any{
			"id": fmt.Sprintf("event-%d", time.Now().UnixNano()), "type": "message", "text": text,
			"author_id": "chatsdk-fake-customer", "timestamp": time.Now().Unix(),
			"recipients": "all",
		},
	}
}

// runFake is "chatsdk fake": the three fake servers in this process until
// the context ends (SIGINT/SIGTERM).
func runFake(ctx context.Context, args []string, o *outputConfig) error {
	if len(args) > 0 && args[0] == "deliver" {
		return runDeliver(ctx, args[1:], o)
	}
	fs := flag.NewFlagSet("fake", flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	apiList := fs.String("api", "chatrhub,giosg,chatio", "comma-separated APIs to fake")
	addr := fs.String("addr", "127.0.0.1:0", "address of the control endpoint")
	noExamples := fs.Bool("no-examples", false, "start without the documentation's example objects")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if fs.NArg() > 0 {
		return usagef("fake: unexpected argument %q", fs.Arg(0))
	}
	var chatioSrv *chatiotest.Server
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	for _, name := range strings.Split(*apiList, ",") {
		switch strings.TrimSpace(name) {
		case "chatrhub":
			var opts []chatrhubtest.Option
			if *noExamples {
				opts = append(opts, chatrhubtest.WithoutExamples())
			}
			s := chatrhubtest.NewServer(opts...)
			closers = append(closers, s.Close)
			fmt.Fprintf(o.stdout, "chatrhub base_url=%s token=%s\n", s.BaseURL, s.Token)
		case "giosg":
			var opts []giosgtest.Option
			if *noExamples {
				opts = append(opts, giosgtest.WithoutExamples())
			}
			s := giosgtest.NewServer(opts...)
			closers = append(closers, s.Close)
			fmt.Fprintf(o.stdout, "giosg base_url=%s token=%s user_id=%s org_id=%s\n", s.BaseURL, s.Token, giosgtest.UserID, giosgtest.OrgID)
		case "chatio":
			chatioSrv = chatiotest.NewServer()
			closers = append(closers, chatioSrv.Close)
			fmt.Fprintf(o.stdout, "chatio base_url=%s token=%s\n", chatioSrv.BaseURL, chatioSrv.Token)
		default:
			return usagef("fake: unknown API %q", name)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return usagef("fake: --addr: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /_control/chatio/deliver", func(w http.ResponseWriter, r *http.Request) {
		deliver(w, r, chatioSrv)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	fmt.Fprintf(o.stdout, "control url=http://%s\n", ln.Addr())
	if f, ok := o.stdout.(interface{ Sync() error }); ok {
		_ = f.Sync()
	}
	return serveUntilDone(ctx, srv, ln)
}

func deliver(w http.ResponseWriter, r *http.Request, s *chatiotest.Server) {
	w.Header().Set("Content-Type", "application/json")
	answer := func(status int, res deliverResult) {
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(res)
	}
	if s == nil {
		answer(http.StatusNotFound, deliverResult{Error: "the chatio fake is not running"})
		return
	}
	var req deliverRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		answer(http.StatusBadRequest, deliverResult{Error: "body: " + err.Error()})
		return
	}
	if req.WebhookID != "" {
		if err := s.Deliver(r.Context(), req.WebhookID, req.payload()); err != nil {
			status := http.StatusBadGateway
			if errors.Is(err, chatiotest.ErrUnknownWebhook) {
				status = http.StatusNotFound
			}
			answer(status, deliverResult{Error: err.Error()})
			return
		}
		answer(http.StatusOK, deliverResult{Delivered: 1})
		return
	}
	if !req.Action.Valid() {
		answer(http.StatusBadRequest, deliverResult{Error: fmt.Sprintf("unknown action %q", req.Action)})
		return
	}
	n, err := s.DeliverAction(r.Context(), req.Action, req.payload())
	res := deliverResult{Delivered: n}
	if err != nil {
		res.Error = err.Error()
		answer(http.StatusBadGateway, res)
		return
	}
	answer(http.StatusOK, res)
}

// runDeliver is "chatsdk fake deliver": it asks a running fake to deliver
// a chat.io webhook.
func runDeliver(ctx context.Context, args []string, o *outputConfig) error {
	fs := flag.NewFlagSet("fake deliver", flag.ContinueOnError)
	fs.SetOutput(o.stderr)
	control := fs.String("control", "", "the control url printed by chatsdk fake (required)")
	var req deliverRequest
	action := fs.String("action", string(chatio.ActionIncomingEvent), "webhook action")
	fs.StringVar(&req.WebhookID, "webhook-id", "", "deliver to this webhook only")
	fs.StringVar(&req.ChatID, "chat-id", "", "chat_id of the default incoming_event payload")
	fs.StringVar(&req.Text, "text", "", "message text of the default incoming_event payload")
	data := fs.String("data", "", "the payload as JSON, or @file")
	if err := fs.Parse(args); err != nil {
		return parseErr(err)
	}
	if *control == "" {
		return usagef("fake deliver: --control is required")
	}
	req.Action = chatio.WebhookAction(*action)
	if *data != "" {
		b, err := readData(*data)
		if err != nil {
			return err
		}
		if !json.Valid(b) {
			return usagef("--data: not valid JSON")
		}
		req.Data = b
	}
	body, _ := json.Marshal(req)
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(*control, "/")+"/_control/chatio/deliver", bytes.NewReader(body))
	if err != nil {
		return usagef("--control: %v", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if _, err := o.stdout.Write(b); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fake deliver: %s", resp.Status)
	}
	return nil
}

// Package bench holds paired benchmarks of the SDK calls against
// hand-written net/http + encoding/json baselines doing the same work: the
// same request, the same documented response bytes, decoded into the SDK's
// own model types, with the same validation.
package bench

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/core"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

const (
	token       = "bench-token"
	webhookID   = "pqi8oasdjahuakndw9nsad9na"
	secret      = "laudla991lamda0pnoaa0" //nolint:gosec // the documented example secret of the webhook fixtures
	maxBodySize = 1 << 20
)

// Case is one benchmarked call in one transport mode: SDK and Baseline are
// benchmark functions doing the same work.
type Case struct {
	// Name is "<call>/<mode>", the mode being roundtripper or loopback.
	Name string
	// SDK benchmarks the call through the SDK.
	SDK func(b *testing.B)
	// Baseline benchmarks the hand-written equivalent.
	Baseline func(b *testing.B)
}

// op performs one call and returns its decoded result.
type op func(ctx context.Context) (any, error)

// call describes one API call: its documented answer and how the SDK and
// the baseline perform it against a base URL through an *http.Client.
type call struct {
	name     string
	api      string
	fixture  string
	status   int
	base     string
	sdk      func(hc *http.Client, baseURL string) (op, error)
	baseline func(hc *http.Client, baseURL string) op
}

// fixture reads testdata/<api>/<name>.
func fixture(api, name string) ([]byte, error) {
	r, err := testkit.ModuleRoot()
	if err != nil {
		return nil, err
	}
	return os.ReadFile(filepath.Clean(filepath.Join(r, "testdata", api, filepath.FromSlash(name))))
}

// fixtureTransport answers every request with the fixture, without network.
type fixtureTransport struct {
	status int
	body   []byte
	seen   func(*http.Request, []byte)
}

// RoundTrip implements http.RoundTripper.
func (t *fixtureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	var reqBody []byte
	if r.Body != nil {
		var err error
		if reqBody, err = io.ReadAll(r.Body); err != nil {
			return nil, err
		}
		_ = r.Body.Close()
	}
	if t.seen != nil {
		t.seen(r, reqBody)
	}
	return &http.Response{
		StatusCode:    t.status,
		Status:        http.StatusText(t.status),
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
		Request:       r,
	}, nil
}

// baselineDo sends req and decodes a 2xx JSON answer into out, as a
// careful hand-written client would.
func baselineDo(hc *http.Client, req *http.Request, out any) error {
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.Unmarshal(data, out)
}

// newRequest builds a request with the headers the SDK sends.
func newRequest(ctx context.Context, method, url, auth string, body any) (*http.Request, error) {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", core.DefaultUserAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

func sdkOpts(hc *http.Client, baseURL string) []chatsdk.Option {
	return []chatsdk.Option{chatsdk.WithHTTPClient(hc), chatsdk.WithBaseURL(baseURL)}
}

var createParams = &chatio.CreateBotAgentParams{
	Name:          "John Doe",
	Avatar:        "livechat.s3.amazonaws.com/1011121/all/avatars/bdd8924fcbcdbddbeaf60c19b238b0b0.jpg",
	Status:        chatio.StatusAcceptingChats,
	MaxChatsCount: chatsdk.Ptr(6),
	Groups:        []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}, {ID: 1, Priority: chatio.PriorityNormal}, {ID: 2, Priority: chatio.PriorityFirst}},
}

var chatrhubRange = &chatrhub.ListChatsParams{
	StartDate: time.UnixMilli(1546300800000).UTC(),
	EndDate:   time.UnixMilli(1546387199999).UTC(),
}

var giosgMessage = &giosg.MessageCreate{Message: "Hello there!"}

var calls = []call{
	{
		name: "chatio/BotAgents.Create", api: "chatio", fixture: "bot_agents_create.response.json", status: http.StatusOK, base: "/configuration/v0.4",
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := chatio.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) { return c.BotAgents.Create(ctx, createParams) }, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			// A chat.io client joins its base URL and the action per call,
			// as the SDK does.
			return func(ctx context.Context) (any, error) {
				if err := createParams.Validate(); err != nil {
					return nil, err
				}
				req, err := newRequest(ctx, http.MethodPost, baseURL+"/agents/create_bot_agent", "Bearer "+token, createParams)
				if err != nil {
					return nil, err
				}
				var out chatio.CreatedBotAgent
				if err := baselineDo(hc, req, &out); err != nil {
					return nil, err
				}
				if out.BotAgentID == "" {
					return nil, errors.New("no bot_agent_id")
				}
				return &out, nil
			}
		},
	},
	{
		name: "chatio/BotAgents.List", api: "chatio", fixture: "bot_agents_list.response.json", status: http.StatusOK, base: "/configuration/v0.4",
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := chatio.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) { return c.BotAgents.List(ctx, nil) }, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			return func(ctx context.Context) (any, error) {
				req, err := newRequest(ctx, http.MethodPost, baseURL+"/agents/get_bot_agents", "Bearer "+token, &chatio.ListBotAgentsParams{})
				if err != nil {
					return nil, err
				}
				var out struct {
					BotAgents []chatio.BotAgent `json:"bot_agents"`
				}
				if err := baselineDo(hc, req, &out); err != nil {
					return nil, err
				}
				return out.BotAgents, nil
			}
		},
	},
	{
		name: "chatrhub/Chats.Get", api: "chatrhub", fixture: "chats_get.response.json", status: http.StatusOK, base: "/api/v1",
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := chatrhub.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) { return c.Chats.Get(ctx, 2) }, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			// Like the SDK, a hand-written client builds the path from the
			// ID at each call (an integer ID needs no escaping).
			chatID := 2
			return func(ctx context.Context) (any, error) {
				req, err := newRequest(ctx, http.MethodGet, baseURL+"/chats/"+strconv.Itoa(chatID)+".json", "Bearer "+token, nil)
				if err != nil {
					return nil, err
				}
				var doc struct {
					Data *chatrhub.Resource[chatrhub.Chat] `json:"data"`
				}
				if err := baselineDo(hc, req, &doc); err != nil {
					return nil, err
				}
				if doc.Data == nil {
					return nil, errors.New("no data")
				}
				m := doc.Data.Attributes
				m.ID, m.Type = int64(doc.Data.ID), doc.Data.Type
				return &m, nil
			}
		},
	},
	{
		name: "chatrhub/Chats.List", api: "chatrhub", fixture: "chats_list.response.json", status: http.StatusOK, base: "/api/v1",
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := chatrhub.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) { return c.Chats.List(ctx, chatrhubRange) }, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			return func(ctx context.Context) (any, error) {
				if chatrhubRange.EndDate.Before(chatrhubRange.StartDate) {
					return nil, errors.New("end before start")
				}
				url := fmt.Sprintf("%s/chats.json?end_date=%d&start_date=%d", baseURL, chatrhubRange.EndDate.UnixMilli(), chatrhubRange.StartDate.UnixMilli())
				req, err := newRequest(ctx, http.MethodGet, url, "Bearer "+token, nil)
				if err != nil {
					return nil, err
				}
				var doc struct {
					Data []chatrhub.Resource[chatrhub.Chat] `json:"data"`
				}
				if err := baselineDo(hc, req, &doc); err != nil {
					return nil, err
				}
				out := make([]chatrhub.Chat, len(doc.Data))
				for i := range doc.Data {
					out[i] = doc.Data[i].Attributes
					out[i].ID, out[i].Type = int64(doc.Data[i].ID), doc.Data[i].Type
				}
				return out, nil
			}
		},
	},
	{
		name: "giosg/Chats.ListPage", api: "giosg", fixture: "chats_list.response.json", status: http.StatusOK,
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := giosg.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) { return c.Chats.ListPage(ctx, giosg.OrgOwnedChats("o"), nil) }, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			// Like the SDK, a hand-written client escapes the string ID
			// into the path at each call.
			orgID := "o"
			return func(ctx context.Context) (any, error) {
				req, err := newRequest(ctx, http.MethodGet, baseURL+"/api/v5/orgs/"+url.PathEscape(orgID)+"/owned_chats", "Token "+token, nil)
				if err != nil {
					return nil, err
				}
				var out giosg.Page[giosg.Chat]
				if err := baselineDo(hc, req, &out); err != nil {
					return nil, err
				}
				return &out, nil
			}
		},
	},
	{
		name: "giosg/Messages.Send", api: "giosg", fixture: "chat_messages_send.response.json", status: http.StatusCreated,
		sdk: func(hc *http.Client, baseURL string) (op, error) {
			c, err := giosg.NewClient(token, sdkOpts(hc, baseURL)...)
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) (any, error) {
				return c.Messages.Send(ctx, giosg.UserChats("u"), "c", giosgMessage)
			}, nil
		},
		baseline: func(hc *http.Client, baseURL string) op {
			userID, chatID := "u", "c"
			return func(ctx context.Context) (any, error) {
				if giosgMessage.Message == "" || len([]rune(giosgMessage.Message)) > giosg.MaxMessageLength {
					return nil, errors.New("bad message")
				}
				path := "/api/v5/users/" + url.PathEscape(userID) + "/chats/" + url.PathEscape(chatID) + "/messages"
				req, err := newRequest(ctx, http.MethodPost, baseURL+path, "Token "+token, giosgMessage)
				if err != nil {
					return nil, err
				}
				var out giosg.ChatMessage
				if err := baselineDo(hc, req, &out); err != nil {
					return nil, err
				}
				return &out, nil
			}
		},
	},
}

// newServer serves the fixture on loopback.
func newServer(status int, body []byte) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}))
}

// loop runs o b.N times.
func loop(b *testing.B, o op) {
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := o(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// bench returns the benchmark of c in one mode, through the SDK or the baseline.
func (c call) bench(loopback, sdk bool) func(b *testing.B) {
	return func(b *testing.B) {
		body, err := fixture(c.api, c.fixture)
		if err != nil {
			b.Fatal(err)
		}
		var hc *http.Client
		baseURL := "http://bench.invalid" + c.base
		if loopback {
			srv := newServer(c.status, body)
			defer srv.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: 4}
			defer tr.CloseIdleConnections()
			hc = &http.Client{Transport: tr}
			baseURL = srv.URL + c.base
		} else {
			hc = &http.Client{Transport: &fixtureTransport{status: c.status, body: body}}
		}
		var o op
		if sdk {
			if o, err = c.sdk(hc, baseURL); err != nil {
				b.Fatal(err)
			}
		} else {
			o = c.baseline(hc, baseURL)
		}
		loop(b, o)
	}
}

// webhookActions are the documented deliveries in testdata/chatio/webhooks.
var webhookActions = []chatio.WebhookAction{
	chatio.ActionIncomingChatThread,
	chatio.ActionChatUsersUpdated,
	chatio.ActionIncomingEvent,
	chatio.ActionLastSeenTimestampUpdated,
	chatio.ActionThreadClosed,
	chatio.ActionChatScopesUpdated,
	chatio.ActionChatPropertiesUpdated,
	chatio.ActionChatThreadPropertiesUpdated,
}

// sdkHandler is a webhook.Handler with a no-op handler for every action.
func sdkHandler() (*webhook.Handler, error) {
	h, err := webhook.NewHandler(webhook.Secrets{webhookID: secret})
	if err != nil {
		return nil, err
	}
	h.OnIncomingChatThread(func(context.Context, *webhook.Webhook, *webhook.IncomingChatThread) error { return nil })
	h.OnChatUsersUpdated(func(context.Context, *webhook.Webhook, *webhook.ChatUsersUpdated) error { return nil })
	h.OnIncomingEvent(func(context.Context, *webhook.Webhook, *webhook.IncomingEvent) error { return nil })
	h.OnLastSeenTimestampUpdated(func(context.Context, *webhook.Webhook, *webhook.LastSeenTimestampUpdated) error { return nil })
	h.OnThreadClosed(func(context.Context, *webhook.Webhook, *webhook.ThreadClosed) error { return nil })
	h.OnChatScopesUpdated(func(context.Context, *webhook.Webhook, *webhook.ChatScopesUpdated) error { return nil })
	h.OnChatPropertiesUpdated(func(context.Context, *webhook.Webhook, *webhook.ChatPropertiesUpdated) error { return nil })
	h.OnChatThreadPropertiesUpdated(func(context.Context, *webhook.Webhook, *webhook.ChatThreadPropertiesUpdated) error { return nil })
	return h, nil
}

// baselineEnvelope is the body of a webhook delivery.
type baselineEnvelope struct {
	WebhookID string               `json:"webhook_id"`
	SecretKey string               `json:"secret_key"`
	Action    chatio.WebhookAction `json:"action"`
	Data      json.RawMessage      `json:"data"`
}

// baselineParse does by hand what webhook.Parse checks: method,
// Content-Type, size, JSON object, secret (constant-time), action, and the
// payload decoded into the SDK's type.
func baselineParse(r *http.Request) (any, error) {
	if r.Method != http.MethodPost {
		return nil, errors.New("method")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return nil, errors.New("content type")
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength))
	}
	if _, err := buf.ReadFrom(io.LimitReader(r.Body, maxBodySize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > maxBodySize {
		return nil, errors.New("too large")
	}
	body := bytes.TrimLeft(buf.Bytes(), " \t\r\n")
	if len(body) == 0 || body[0] != '{' {
		return nil, errors.New("not an object")
	}
	var env baselineEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	if env.WebhookID != webhookID || subtle.ConstantTimeCompare([]byte(env.SecretKey), []byte(secret)) != 1 {
		return nil, errors.New("unauthorized")
	}
	var p any
	switch env.Action {
	case chatio.ActionIncomingChatThread:
		p = new(webhook.IncomingChatThread)
	case chatio.ActionChatUsersUpdated:
		p = new(webhook.ChatUsersUpdated)
	case chatio.ActionIncomingEvent:
		p = new(webhook.IncomingEvent)
	case chatio.ActionLastSeenTimestampUpdated:
		p = new(webhook.LastSeenTimestampUpdated)
	case chatio.ActionThreadClosed:
		p = new(webhook.ThreadClosed)
	case chatio.ActionChatScopesUpdated:
		p = new(webhook.ChatScopesUpdated)
	case chatio.ActionChatPropertiesUpdated:
		p = new(webhook.ChatPropertiesUpdated)
	case chatio.ActionChatThreadPropertiesUpdated:
		p = new(webhook.ChatThreadPropertiesUpdated)
	case "":
		return nil, errors.New("no action")
	default:
		return nil, nil
	}
	d := bytes.TrimLeft(env.Data, " \t\r\n")
	if len(d) == 0 || d[0] != '{' {
		return nil, errors.New("data not an object")
	}
	if err := json.Unmarshal(env.Data, p); err != nil {
		return nil, err
	}
	return p, nil
}

// baselineHandler is the hand-written receiver.
var baselineHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBodySize)
	if _, err := baselineParse(r); err != nil {
		http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
})

// webhookBench benchmarks one delivery of action to h: in-process through
// ServeHTTP (roundtripper mode) or POSTed over loopback.
func webhookBench(action chatio.WebhookAction, loopback, sdk bool) func(b *testing.B) {
	return func(b *testing.B) {
		body, err := fixture("chatio", "webhooks/"+string(action)+".json")
		if err != nil {
			b.Fatal(err)
		}
		var h http.Handler = baselineHandler
		if sdk {
			if h, err = sdkHandler(); err != nil {
				b.Fatal(err)
			}
		}
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		if !loopback {
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := httptest.NewRequestWithContext(context.Background(), http.MethodPost, "/webhooks", bytes.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatal(w.Code)
				}
			}
			return
		}
		srv := httptest.NewServer(h)
		defer srv.Close()
		tr := &http.Transport{MaxIdleConnsPerHost: 4}
		defer tr.CloseIdleConnections()
		hc := &http.Client{Transport: tr}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/webhooks", bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Fatal(resp.StatusCode)
			}
		}
	}
}

// Cases lists every benchmarked call in both modes.
func Cases() []Case {
	var out []Case
	for _, mode := range []string{"roundtripper", "loopback"} {
		lb := mode == "loopback"
		for _, c := range calls {
			out = append(out, Case{Name: c.name + "/" + mode, SDK: c.bench(lb, true), Baseline: c.bench(lb, false)})
		}
		for _, a := range webhookActions {
			out = append(out, Case{Name: "webhook/" + string(a) + "/" + mode, SDK: webhookBench(a, lb, true), Baseline: webhookBench(a, lb, false)})
		}
	}
	return out
}

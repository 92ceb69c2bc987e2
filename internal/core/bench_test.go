package core

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chatsdk-go/chatsdk"
)

// benchAgent is a JSON:API resource shaped like a ChatrHub agent.
type benchAgent struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Attributes struct {
		Name        string   `json:"name"`
		Email       string   `json:"email"`
		Role        string   `json:"role"`
		Status      string   `json:"status"`
		Phone       string   `json:"phone"`
		Timezone    string   `json:"timezone"`
		Language    string   `json:"language"`
		Avatar      string   `json:"avatar_url"`
		MaxChats    int      `json:"max_chats"`
		Online      bool     `json:"online"`
		Groups      []string `json:"groups"`
		CreatedAt   string   `json:"created_at"`
		UpdatedAt   string   `json:"updated_at"`
		LastLoginAt string   `json:"last_login_at"`
	} `json:"attributes"`
	Links struct {
		Self string `json:"self"`
	} `json:"links"`
}

type benchAgentList struct {
	Data  []benchAgent `json:"data"`
	Links struct {
		Self string `json:"self"`
		Next string `json:"next"`
	} `json:"links"`
	Meta struct {
		Total int `json:"total"`
	} `json:"meta"`
}

type benchAgentOne struct {
	Data benchAgent `json:"data"`
}

type benchListParams struct {
	Page  int    `url:"page,omitempty"`
	Limit int    `url:"limit,omitempty"`
	Sort  string `url:"sort,omitempty"`
}

func benchAgentFixture(i int) benchAgent {
	var a benchAgent
	a.Type = "agents"
	a.ID = fmt.Sprint(1000 + i)
	a.Attributes.Name = fmt.Sprintf("Agent Number %d", i)
	a.Attributes.Email = fmt.Sprintf("agent%d@support.example.com", i)
	a.Attributes.Role = "agent"
	a.Attributes.Status = "accepting chats"
	a.Attributes.Phone = "+1 555 0100"
	a.Attributes.Timezone = "Europe/Helsinki"
	a.Attributes.Language = "en"
	a.Attributes.Avatar = fmt.Sprintf("https://cdn.example.com/avatars/%d.png", 1000+i)
	a.Attributes.MaxChats = 6
	a.Attributes.Online = i%2 == 0
	a.Attributes.Groups = []string{"sales", "support", "billing"}
	a.Attributes.CreatedAt = "2015-02-13T11:31:36.042Z"
	a.Attributes.UpdatedAt = "2018-06-19T08:12:01.000Z"
	a.Attributes.LastLoginAt = "2018-06-19T08:12:01.000Z"
	a.Links.Self = fmt.Sprintf("https://api.example.com/api/v1/agents/%d.json", 1000+i)
	return a
}

var (
	benchOnce   sync.Once
	benchLarge  []byte
	benchSmall  []byte
	benchServer *httptest.Server
)

// benchSetup starts one loopback server for all benchmarks: /agents.json
// answers a JSON:API list of 50 agents (~20 KB), /agents/1.json one agent.
func benchSetup(b *testing.B) *httptest.Server {
	b.Helper()
	benchOnce.Do(func() {
		var list benchAgentList
		for i := 0; i < 50; i++ {
			list.Data = append(list.Data, benchAgentFixture(i))
		}
		list.Links.Self = "https://api.example.com/api/v1/agents.json?page=1"
		list.Links.Next = "https://api.example.com/api/v1/agents.json?page=2"
		list.Meta.Total = 120
		benchLarge, _ = json.Marshal(list)
		benchSmall, _ = json.Marshal(benchAgentOne{Data: benchAgentFixture(1)})
		benchServer = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer bench-token" {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			if strings.HasSuffix(r.URL.Path, "/agents.json") {
				_, _ = w.Write(benchLarge)
				return
			}
			_, _ = w.Write(benchSmall)
		}))
	})
	return benchServer
}

func benchCoreClient(b *testing.B, srv *httptest.Server) *Client {
	b.Helper()
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	c, err := NewClient(Defaults{API: "bench", BaseURL: srv.URL + "/api/v1", AuthScheme: "Bearer"}, "bench-token",
		chatsdk.WithHTTPClient(&http.Client{Transport: t}))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func benchBaselineClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return &http.Client{Transport: t}
}

// baselineGet is what a careful hand-written net/http + encoding/json client
// does for one call.
func baselineGet(ctx context.Context, hc *http.Client, rawURL string, q url.Values, out any) error {
	if len(q) > 0 {
		rawURL += "?" + q.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer bench-token")
	req.Header.Set("User-Agent", DefaultUserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func BenchmarkCoreDoSmall(b *testing.B) {
	srv := benchSetup(b)
	c := benchCoreClient(b, srv)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchSmall)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out benchAgentOne
		_, err := c.Do(ctx, &Request{Operation: "bench.Agents.Get", Method: http.MethodGet, Route: "/agents/{agent_id}.json", PathParams: []any{1}}, &out)
		if err != nil || out.Data.ID != "1001" {
			b.Fatal(err, out.Data.ID)
		}
	}
}

func BenchmarkBaselineNetHTTPSmall(b *testing.B) {
	srv := benchSetup(b)
	hc := benchBaselineClient()
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchSmall)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out benchAgentOne
		err := baselineGet(ctx, hc, srv.URL+"/api/v1/agents/"+url.PathEscape("1")+".json", nil, &out)
		if err != nil || out.Data.ID != "1001" {
			b.Fatal(err, out.Data.ID)
		}
	}
}

func BenchmarkCoreDoLarge(b *testing.B) {
	srv := benchSetup(b)
	c := benchCoreClient(b, srv)
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchLarge)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out benchAgentList
		_, err := c.Do(ctx, &Request{Operation: "bench.Agents.List", Method: http.MethodGet, Path: "/agents.json",
			Query: &benchListParams{Page: 1, Limit: 50, Sort: "name"}}, &out)
		if err != nil || len(out.Data) != 50 {
			b.Fatal(err, len(out.Data))
		}
	}
}

func BenchmarkBaselineNetHTTPLarge(b *testing.B) {
	srv := benchSetup(b)
	hc := benchBaselineClient()
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(benchLarge)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out benchAgentList
		q := url.Values{"page": {"1"}, "limit": {"50"}, "sort": {"name"}}
		err := baselineGet(ctx, hc, srv.URL+"/api/v1/agents.json", q, &out)
		if err != nil || len(out.Data) != 50 {
			b.Fatal(err, len(out.Data))
		}
	}
}

// BenchmarkPacerAnswer: the pacing work of one attempt answered 200 with
// the headers of a typical answer and no rate-limit headers.
func BenchmarkPacerAnswer(b *testing.B) {
	p := newPacer(DefaultRetryWaitMax)
	h := http.Header{"Content-Type": {"application/json"}, "Date": {"Wed, 02 Dec 2026 01:00:00 GMT"}, "Content-Length": {"120"}}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := p.wait(ctx); err != nil {
			b.Fatal(err)
		}
		p.done(h, http.StatusOK, 1)
	}
}

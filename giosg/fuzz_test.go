package giosg_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/jarcoal/httpmock"
)

// addFixtureSeeds seeds f with every fixture and a few malformed bodies.
func addFixtureSeeds(f *testing.F) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			b, err := os.ReadFile(filepath.Join(fixtureDir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	for _, s := range []string{``, `null`, `{}`, `[]`, `{"next":1}`, `{"results":{}}`, `{"results":[null]}`,
		`{"results":[{"created_at":"2015-02-13"}]}`, `{"results":[{"created_at":12}]}`, `{"results":[{"attachments":"x"}]}`,
		`{"next":"https://service.giosg.com/x","results":[{"id":"1","is_expired":false,"is_expired":null}]}`} {
		f.Add([]byte(s))
	}
}

// roundTrip decodes data into a new T; when that succeeds, the re-encoded
// value must decode again and re-encode to the same bytes.
func roundTrip[T any](t *testing.T, data []byte) {
	v := new(T)
	if json.Unmarshal(data, v) != nil {
		return
	}
	first, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T: re-encoding a decoded value: %v", v, err)
	}
	again := new(T)
	if err := json.Unmarshal(first, again); err != nil {
		t.Fatalf("%T: decoding its own encoding %s: %v", v, first, err)
	}
	second, err := json.Marshal(again)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("%T: encoding is not stable:\n%s\n%s", v, first, second)
	}
}

// FuzzDecodePage decodes arbitrary bodies as a page of every model type and
// as single models.
func FuzzDecodePage(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[giosg.Page[giosg.Chat]](t, data)
		roundTrip[giosg.Page[giosg.ChatMembership]](t, data)
		roundTrip[giosg.Page[giosg.ChatMessage]](t, data)
		roundTrip[giosg.Page[giosg.ChatInvitation]](t, data)
		roundTrip[giosg.Page[giosg.ChatTag]](t, data)
		roundTrip[giosg.Page[giosg.ConversationStarter]](t, data)
		roundTrip[giosg.Page[giosg.ReplySuggestion]](t, data)
		roundTrip[giosg.ChatMessage](t, data)
		roundTrip[giosg.ChatInvitation](t, data)
		roundTrip[giosg.MessageCreate](t, data)
	})
}

// FuzzListPageBody serves arbitrary bodies to the page-level call and the
// iterator: they return a page or an error (a *chatsdk.DecodeError for a
// body that is not a page), never panic, and never follow a next URL off
// the base URL.
func FuzzListPageBody(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		mt := httpmock.NewMockTransport()
		calls := 0
		mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
			calls++
			if r.URL.Host != "api.test" {
				t.Fatalf("request to %s", r.URL)
			}
			resp := httpmock.NewBytesResponse(http.StatusOK, data)
			resp.Header.Set("Content-Type", "application/json")
			return resp, nil
		})
		c, err := giosg.NewClient("tok", chatsdk.WithBaseURL("https://api.test"), chatsdk.WithHTTPClient(&http.Client{Transport: mt}), chatsdk.WithMaxRetries(0))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		p, err := c.Messages.ListPage(ctx, giosg.UserChats("u"), "c", nil)
		var de *chatsdk.DecodeError
		if err != nil && !errors.As(err, &de) {
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		if err == nil && p == nil {
			t.Fatal("nil page without error")
		}
		n := 0
		for _, err := range c.Messages.List(ctx, giosg.UserChats("u"), "c", &giosg.MessageListParams{ListOptions: giosg.ListOptions{MaxPages: 3}}) {
			if err != nil {
				break
			}
			n++
		}
		if calls > 4 {
			t.Fatalf("%d requests for a 3-page cap", calls)
		}
	})
}

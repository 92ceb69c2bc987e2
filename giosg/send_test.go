package giosg_test

import (
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSendMessageIsNeverRetried counts, server side, the receipts of a
// message whose first answer is a 503 or a dropped connection: a POST that
// reached the server is not sent again, and the error says it may have
// been applied.
func TestSendMessageIsNeverRetried(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func(w http.ResponseWriter)
		is     []error
	}{
		{"503", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"detail":"Service unavailable"}`)
		}, []error{chatsdk.ErrServer}},
		{"dropped connection", func(w http.ResponseWriter) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.Close()
			}
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, r *http.Request) {
				_, _ = io.ReadAll(r.Body) // the message was received
				tc.answer(w)
			})
			c := newTestClient(t, srv.URL, chatsdk.WithMaxRetries(5))
			_, err := c.Messages.Send(context.Background(), giosg.UserChats(userID), chatID, &giosg.MessageCreate{Message: "OK, I've found out the issue!"})
			require.Error(t, err)
			assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
			for _, want := range tc.is {
				assert.ErrorIs(t, err, want)
			}
			assert.EqualValues(t, 1, srv.requests.Load(), "the message was received exactly once")
		})
	}
}

// TestReadsAndPutsAreRetried shows the contrast: a GET and a PUT that got a
// 503 are sent again.
func TestReadsAndPutsAreRetried(t *testing.T) {
	srv := newCountingServer(t, func(s *countingServer, w http.ResponseWriter, r *http.Request) {
		if s.requests.Load()%2 == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(fixture(t, "chat_get.response.json"))
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Chats.Get(context.Background(), giosg.OrgOwnedChats(orgID), chatID)
	require.NoError(t, err)
	assert.EqualValues(t, 2, srv.requests.Load())
	_, err = c.Chats.Update(context.Background(), giosg.OrgOwnedChats(orgID), chatID, &giosg.ChatUpdate{IsEnded: chatsdk.Ptr(true)})
	require.NoError(t, err)
	assert.EqualValues(t, 4, srv.requests.Load())
}

package giosg_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMembershipUpdateSendsDocumentedDatetime compares the body byte for
// byte with the documented example, whose last_seen_at is UTC without a
// zone, to the millisecond: whatever the caller's zone and precision, that
// is the form sent.
func TestMembershipUpdateSendsDocumentedDatetime(t *testing.T) {
	helsinki := time.FixedZone("EET", 2*3600)
	for name, at := range map[string]time.Time{
		"UTC":         time.Date(2015, 2, 13, 11, 31, 36, 42_000_000, time.UTC),
		"other zone":  time.Date(2015, 2, 13, 13, 31, 36, 42_000_000, helsinki),
		"nanoseconds": time.Date(2015, 2, 13, 11, 31, 36, 42_987_654, time.UTC),
		"local clock": time.Date(2015, 2, 13, 11, 31, 36, 42_000_000, time.UTC).In(time.Local),
	} {
		t.Run(name, func(t *testing.T) {
			var got []byte
			srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, r *http.Request) {
				got, _ = io.ReadAll(r.Body)
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(fixture(t, "chat_memberships_update.response.json"))
			})
			c := newTestClient(t, srv.URL)
			_, err := c.Memberships.Update(context.Background(), userID, chatID, &giosg.MembershipUpdate{
				IsParticipating: true, ComposingStatus: "typing", LastSeenAt: &giosg.Time{Time: at},
			})
			require.NoError(t, err)
			assert.JSONEq(t, string(fixture(t, "chat_memberships_update.request.json")), string(got), "exact strings, no datetime normalization")
			assert.Contains(t, string(got), `"last_seen_at":"2015-02-13T11:31:36.042"`)
		})
	}
}

// TestMembershipUpdateWithoutLastSeenAt leaves the key out.
func TestMembershipUpdateWithoutLastSeenAt(t *testing.T) {
	var got []byte
	srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(fixture(t, "chat_memberships_update.response.json"))
	})
	c := newTestClient(t, srv.URL)
	_, err := c.Memberships.Update(context.Background(), userID, chatID, &giosg.MembershipUpdate{IsParticipating: true, ComposingStatus: "idle"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"is_participating": true, "composing_status": "idle"}`, string(got))
}

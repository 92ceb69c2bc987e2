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

// TestReplySuggestionRelevancyScoreCanBeNull shows the three forms of
// relevancy_score on the wire: null, a value (0 included) and left out.
func TestReplySuggestionRelevancyScoreCanBeNull(t *testing.T) {
	for _, tc := range []struct {
		name   string
		update giosg.ReplySuggestionUpdate
		want   string
	}{
		{"null", giosg.ReplySuggestionUpdate{RelevancyScore: chatsdk.Null[float64]()}, `{"relevancy_score": null}`},
		{"zero", giosg.ReplySuggestionUpdate{RelevancyScore: chatsdk.NullableOf(0.0)}, `{"relevancy_score": 0}`},
		{"value", giosg.ReplySuggestionUpdate{RelevancyScore: chatsdk.NullableOf(0.6)}, `{"relevancy_score": 0.6}`},
		{"left out", giosg.ReplySuggestionUpdate{Suggestion: "Yes we do."}, `{"suggestion": "Yes we do."}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []byte
			srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, r *http.Request) {
				got, _ = io.ReadAll(r.Body)
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(fixture(t, "chat_reply_suggestions_update.response.json"))
			})
			c := newTestClient(t, srv.URL)
			_, err := c.ReplySuggestions.Patch(context.Background(), giosg.UserChats(userID), chatID, messageID, suggestionID, &tc.update)
			require.NoError(t, err)
			assert.JSONEq(t, tc.want, string(got))
		})
	}
}

// TestReplySuggestionPatchNeedsAChange refuses a body that would send
// nothing, but not one that sends only null.
func TestReplySuggestionPatchNeedsAChange(t *testing.T) {
	srv := newCountingServer(t, func(_ *countingServer, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(fixture(t, "chat_reply_suggestions_update.response.json"))
	})
	c := newTestClient(t, srv.URL)
	_, err := c.ReplySuggestions.Patch(context.Background(), giosg.UserChats(userID), chatID, messageID, suggestionID, &giosg.ReplySuggestionUpdate{})
	assert.ErrorIs(t, err, chatsdk.ErrInvalidParams)
	assert.EqualValues(t, 0, srv.requests.Load())
}

package giosg_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/fixturemodels"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoDocumentedAttributeDropped decodes every fixture into its model,
// re-encodes it and compares recursively: every attribute of the fixture
// has a field and keeps its value (a null attribute may be omitted only by a
// field that omits empty values), and nothing is invented.
func TestNoDocumentedAttributeDropped(t *testing.T) {
	entries, err := os.ReadDir(fixtureDir)
	require.NoError(t, err)
	seen := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".raw.json") {
			continue
		}
		decode, ok := fixturemodels.Giosg[name]
		if !assert.True(t, ok, "fixture %s has no model in fixturemodels.Giosg", name) {
			continue
		}
		seen++
		t.Run(name, func(t *testing.T) {
			raw := fixture(t, name)
			v, err := decode(raw)
			require.NoError(t, err)
			requireMatchesFixture(t, raw, v)
		})
	}
	assert.Equal(t, len(fixturemodels.Giosg), seen, "fixturemodels.Giosg names files that do not exist")
}

// TestIncomingInvitationsDuplicateKey decodes the documented incoming
// invitations example verbatim, with "is_expired": false followed by
// "is_expired": null. encoding/json applies keys in order, so the last one
// is applied, and null leaves a bool as it was: IsExpired is false.
func TestIncomingInvitationsDuplicateKey(t *testing.T) {
	raw := fixture(t, "chat_invitations_incoming_list.raw.json")
	require.Equal(t, 2, strings.Count(string(raw), `"is_expired"`), "the raw fixture keeps both keys")
	var page giosg.Page[giosg.ChatInvitation]
	require.NoError(t, json.Unmarshal(raw, &page))
	require.Len(t, page.Results, 1)
	inv := page.Results[0]
	assert.False(t, inv.IsExpired)
	assert.Nil(t, inv.ExpiredAt)
	assert.Equal(t, "6d348a30-9076-11e6-8756-f45c89c72de3", inv.ID)

	// The last key is the one applied when it carries a value.
	var last giosg.ChatInvitation
	require.NoError(t, json.Unmarshal([]byte(`{"is_expired": false, "is_expired": true}`), &last))
	assert.True(t, last.IsExpired)
}

// TestDatetimeForms reads both documented datetime forms: without a zone
// (read as UTC) and with Z.
func TestDatetimeForms(t *testing.T) {
	var a, b giosg.ChatTag
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","created_at":"2015-02-13T11:31:36.042"}`), &a))
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","created_at":"2015-02-13T11:31:36.042Z"}`), &b))
	want := time.Date(2015, 2, 13, 11, 31, 36, 42e6, time.UTC)
	assert.True(t, a.CreatedAt.Equal(want), a.CreatedAt)
	assert.True(t, b.CreatedAt.Equal(want), b.CreatedAt)

	var c giosg.Chat
	require.NoError(t, json.Unmarshal([]byte(`{"ended_at":null,"waiting_started_at":"2016-09-01T11:31:36.042Z"}`), &c))
	assert.Nil(t, c.EndedAt)
	require.NotNil(t, c.WaitingStartedAt)
	assert.Equal(t, 2016, c.WaitingStartedAt.Year())
}

// TestDeprecatedChatAttributes decodes the deprecated attributes the docs
// still send.
func TestDeprecatedChatAttributes(t *testing.T) {
	page := decodeFixture[giosg.Page[giosg.Chat]](t, "chats_room_list.response.json")
	require.NotEmpty(t, page.Results)
	chat := page.Results[0]
	assert.Equal(t, "uibdbtmk5etolmjaduaafnqpl2ujzkyr4slkq3cabdai37qm", chat.Token)
	assert.Equal(t, "waiting", chat.LegacyConversationState)
	assert.Equal(t, "7sbjsyokgkdmyoifwyaafzll6sdthgar42sbv5c4rhds3yym", chat.LegacyRoomID)
}

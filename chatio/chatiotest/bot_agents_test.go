package chatiotest_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
)

// TestBotAgentClearAvatarAndGroups: an empty avatar clears it, empty groups
// put the agent back in group 0 only, a missing key keeps the value, and a
// max_chats_count of 0 is kept at creation.
func TestBotAgentClearAvatarAndGroups(t *testing.T) {
	ctx := context.Background()
	_, c := setup(t)
	first := []chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}}
	defaults := []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}}
	for _, tc := range []struct {
		name   string
		update chatio.UpdateBotAgentParams
		avatar string
		groups []chatio.Group
	}{
		{"left out", chatio.UpdateBotAgentParams{Name: "Renamed"}, "a.png", first},
		{"empty", chatio.UpdateBotAgentParams{Avatar: chatsdk.Ptr(""), Groups: chatsdk.Ptr([]chatio.Group{})}, "", defaults},
	} {
		t.Run(tc.name, func(t *testing.T) {
			created, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
				Name: "Bot", Avatar: "a.png", Status: chatio.StatusOffline, MaxChatsCount: chatsdk.Ptr(0), Groups: first,
			})
			require.NoError(t, err)
			require.NoError(t, c.BotAgents.Update(ctx, created.BotAgentID, &tc.update))
			bot, err := c.BotAgents.Get(ctx, created.BotAgentID)
			require.NoError(t, err)
			assert.Equal(t, tc.avatar, bot.Avatar)
			assert.Equal(t, tc.groups, bot.Groups)
			assert.Equal(t, 0, bot.MaxChatsCount)
		})
	}
}

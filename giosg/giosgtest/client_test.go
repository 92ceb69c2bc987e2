package giosgtest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newClient returns a giosg client for srv, with fast retries.
func newClient(t testing.TB, srv *giosgtest.Server, opts ...chatsdk.Option) *giosg.Client {
	t.Helper()
	opts = append([]chatsdk.Option{
		chatsdk.WithBaseURL(srv.BaseURL),
		chatsdk.WithRetryWaitMin(time.Millisecond),
		chatsdk.WithRetryWaitMax(5 * time.Millisecond),
	}, opts...)
	c, err := giosg.NewClient(srv.Token, opts...)
	require.NoError(t, err)
	return c
}

// collect drains an iterator.
func collect[T any](t testing.TB, it func(func(T, error) bool)) []T {
	t.Helper()
	var out []T
	for v, err := range it {
		require.NoError(t, err)
		out = append(out, v)
	}
	return out
}

// statusOf returns the HTTP status of an *chatsdk.APIError (0 otherwise).
func statusOf(err error) int {
	var ae *chatsdk.APIError
	if errors.As(err, &ae) {
		return ae.StatusCode
	}
	return 0
}

// TestEveryPairThroughClient drives every documented method+path pair
// through the giosg client and checks that the server saw each one.
func TestEveryPairThroughClient(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	ctx := context.Background()
	user := giosg.UserChats(giosgtest.UserID)

	// Chats: every list scope, get, create, update.
	listScopes := []giosg.ChatScope{
		giosg.OrgRoomChats(giosgtest.OrgID, giosgtest.RoomID),
		giosg.OrgRoomPendingChats(giosgtest.OrgID, giosgtest.RoomID),
		giosg.OrgRoomVisitorChats(giosgtest.OrgID, giosgtest.RoomID, giosgtest.VisitorID),
		giosg.OrgOwnedChats(giosgtest.OrgID),
		giosg.OrgInvolvedChats(giosgtest.OrgID),
		giosg.OrgRoutedChats(giosgtest.OrgID),
		user,
		giosg.UserPendingChats(giosgtest.UserID),
		giosg.UserRoutedChats(giosgtest.UserID),
		giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, giosgtest.ChatVisitorID),
	}
	for _, sc := range listScopes {
		chats := collect(t, c.Chats.List(ctx, sc, nil))
		assert.NotEmpty(t, chats, "%s", sc)
	}
	for _, sc := range []giosg.ChatScope{giosg.OrgOwnedChats(giosgtest.OrgID), giosg.OrgInvolvedChats(giosgtest.OrgID),
		giosg.OrgRoutedChats(giosgtest.OrgID), giosg.UserRoutedChats(giosgtest.UserID)} {
		ch, err := c.Chats.Get(ctx, sc, giosgtest.ChatID)
		require.NoError(t, err, "%s", sc)
		assert.Equal(t, giosgtest.ChatID, ch.ID)
		assert.Equal(t, "Customer Support", ch.RoomName)
		assert.Equal(t, 2, ch.TagCount)
	}
	empty, err := c.Chats.Create(ctx, user)
	require.NoError(t, err)
	assert.True(t, empty.Created)
	assert.Equal(t, giosg.ChatTypeOperator, empty.Value.ChatType)
	resumed, err := c.Chats.Create(ctx, giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, giosgtest.ChatVisitorID))
	require.NoError(t, err)
	assert.False(t, resumed.Created, "the visitor's open chat is resumed: 200")
	assert.Equal(t, giosgtest.ChatID, resumed.Value.ID)
	fresh, err := c.Chats.Create(ctx, giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, giosgtest.NewVisitorID))
	require.NoError(t, err)
	assert.True(t, fresh.Created, "a visitor without a chat gets a new one: 201")
	_, err = c.Chats.Update(ctx, user, empty.Value.ID, &giosg.ChatUpdate{IsWaiting: chatsdk.Ptr(false)})
	require.NoError(t, err)
	_, err = c.Chats.Patch(ctx, user, empty.Value.ID, &giosg.ChatUpdate{IsWaiting: chatsdk.Ptr(false)})
	require.NoError(t, err)
	owned := giosg.OrgOwnedChats(giosgtest.OrgID)
	_, err = c.Chats.Update(ctx, owned, fresh.Value.ID, &giosg.ChatUpdate{IsWaiting: chatsdk.Ptr(false)})
	require.NoError(t, err)
	ended, err := c.Chats.Patch(ctx, owned, fresh.Value.ID, &giosg.ChatUpdate{IsEnded: chatsdk.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, ended.IsEnded)
	require.NotNil(t, ended.EndedAt)

	// Memberships: every list scope, visitor and user lists, joins, update.
	memberScopes := []giosg.ChatScope{
		giosg.OrgRoomChats(giosgtest.OrgID, giosgtest.RoomID), user, giosg.UserRoutedChats(giosgtest.UserID),
		owned, giosg.OrgInvolvedChats(giosgtest.OrgID), giosg.OrgRoutedChats(giosgtest.OrgID),
	}
	for _, sc := range memberScopes {
		ms := collect(t, c.Memberships.List(ctx, sc, giosgtest.ChatID, nil))
		require.Len(t, ms, 2, "%s", sc)
		assert.Equal(t, giosgtest.ChatVisitorID, ms[0].MemberID)
		assert.Equal(t, giosg.MemberUser, ms[1].MemberType)
		require.NotNil(t, ms[1].MemberName)
		assert.Equal(t, "Bill Giosg", *ms[1].MemberName)
	}
	pendingScope := giosg.UserPendingChats(giosgtest.UserID)
	ms := collect(t, c.Memberships.List(ctx, pendingScope, giosgtest.PendingChatID, nil))
	require.Len(t, ms, 1)
	vm := collect(t, c.Memberships.ListForVisitor(ctx, user, giosgtest.ChatID, giosgtest.ChatVisitorID, nil))
	require.Len(t, vm, 1)
	assert.Equal(t, giosg.MemberVisitor, vm[0].MemberType)
	mine := collect(t, c.Memberships.ListForUser(ctx, giosgtest.UserID, &giosg.MembershipListParams{IsParticipating: chatsdk.Ptr(false)}))
	for _, m := range mine {
		assert.False(t, m.IsParticipating)
	}
	assert.NotEmpty(t, mine, "the ended example chat's membership is not participating")

	join := &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle}
	joined, err := c.Memberships.Join(ctx, pendingScope, giosgtest.PendingChatID, join)
	require.NoError(t, err)
	assert.True(t, joined.Created)
	joinedRouted, err := c.Memberships.Join(ctx, giosg.UserRoutedChats(giosgtest.UserID), giosgtest.RoutedChatID, join)
	require.NoError(t, err)
	assert.True(t, joinedRouted.Created)
	for _, sc := range []giosg.ChatScope{owned, giosg.OrgInvolvedChats(giosgtest.OrgID), giosg.OrgRoutedChats(giosgtest.OrgID)} {
		res, err := c.Memberships.Join(ctx, sc, giosgtest.ChatID, &giosg.MembershipJoin{
			MemberID: giosgtest.UserID, IsParticipating: true, ComposingStatus: giosg.ComposingIdle})
		require.NoError(t, err, "%s", sc)
		assert.False(t, res.Created, "UserID is already a member: 200")
	}
	seen := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	upd, err := c.Memberships.Update(ctx, giosgtest.UserID, giosgtest.ChatID, &giosg.MembershipUpdate{
		IsParticipating: true, ComposingStatus: giosg.ComposingTyping, LastSeenAt: &giosg.Time{Time: seen}})
	require.NoError(t, err)
	assert.Equal(t, giosg.ComposingTyping, upd.ComposingStatus)
	require.NotNil(t, upd.LastSeenAt)
	assert.True(t, upd.LastSeenAt.Equal(seen))

	// Messages: every list scope and send.
	for _, sc := range []giosg.ChatScope{owned, giosg.OrgInvolvedChats(giosgtest.OrgID), giosg.OrgRoutedChats(giosgtest.OrgID),
		user, giosg.UserRoutedChats(giosgtest.UserID)} {
		msgs := collect(t, c.Messages.List(ctx, sc, giosgtest.ChatID, &giosg.MessageListParams{TypeIn: []giosg.MessageType{giosg.MessageTypeMsg}}))
		assert.Len(t, msgs, 4, "%s", sc)
	}
	sent, err := c.Messages.Send(ctx, user, giosgtest.ChatID, &giosg.MessageCreate{
		Message:            "Did this help?",
		AttachmentTemplate: giosg.TemplateGeneric,
		Attachments: []giosg.Attachment{{Text: "Was this conversation helpful?", Actions: []giosg.AttachmentAction{
			{Text: "Yes", Type: giosg.ActionButton, Value: "yes", Style: giosg.StyleSuccess, IsDisabledOnSelection: true},
			{Text: "No", Type: giosg.ActionButton, Value: "no", IsDisabledOnSelection: true},
		}}},
		SelectedReplySuggestionID: giosgtest.ReplySuggestionID,
	})
	require.NoError(t, err)
	assert.Equal(t, giosg.MessageTypeMsg, sent.Type)
	assert.Equal(t, giosgtest.UserID, sent.SenderID)
	require.Len(t, sent.Attachments, 1)
	require.Len(t, sent.Attachments[0].Actions, 2)
	assert.NotEmpty(t, sent.Attachments[0].Actions[0].ID)
	assert.Equal(t, giosg.StyleSecondary, sent.Attachments[0].Actions[1].Style, "the style defaults to secondary")
	require.NotNil(t, sent.SelectedReplySuggestion)
	assert.Equal(t, "Yes we do have those products.", sent.SelectedReplySuggestion.Suggestion)

	// Invitations.
	out := collect(t, c.Invitations.ListOutgoing(ctx, user, giosgtest.InvitationChatID, nil))
	require.Len(t, out, 1)
	assert.Equal(t, giosgtest.OutgoingInvitationID, out[0].ID)
	inv, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedTeamID: giosgtest.TeamID})
	require.NoError(t, err)
	assert.True(t, inv.Created)
	assert.Equal(t, "Support Team", inv.Value.InviteeName)
	again, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedTeamID: giosgtest.TeamID})
	require.NoError(t, err)
	assert.False(t, again.Created, "a pending invitation to the same party: 200")
	assert.Equal(t, inv.Value.ID, again.Value.ID)
	exp, err := c.Invitations.UpdateOutgoing(ctx, user, giosgtest.ChatID, inv.Value.ID, &giosg.InvitationUpdate{IsExpired: chatsdk.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, exp.IsExpired)
	inv2, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedOrganizationID: giosgtest.PartnerOrgID})
	require.NoError(t, err)
	_, err = c.Invitations.PatchOutgoing(ctx, user, giosgtest.ChatID, inv2.Value.ID, &giosg.InvitationUpdate{IsExpired: chatsdk.Ptr(true)})
	require.NoError(t, err)
	in := collect(t, c.Invitations.ListIncoming(ctx, giosgtest.UserID, &giosg.InvitationListParams{IsAccepted: chatsdk.Ptr(false)}))
	require.Len(t, in, 1)
	assert.Equal(t, giosgtest.IncomingInvitationID, in[0].ID)
	acc, err := c.Invitations.UpdateIncoming(ctx, giosgtest.UserID, giosgtest.IncomingInvitationID, &giosg.InvitationUpdate{IsAccepted: chatsdk.Ptr(true)})
	require.NoError(t, err)
	assert.True(t, acc.IsAccepted)
	require.NotNil(t, acc.AcceptedByUser)
	assert.Equal(t, "Bill Giosg", acc.AcceptedByUser.FullName)
	_, err = c.Invitations.PatchIncoming(ctx, giosgtest.UserID, giosgtest.IncomingInvitationID, &giosg.InvitationUpdate{IsAccepted: chatsdk.Ptr(true)})
	assert.Equal(t, 400, statusOf(err), "accepting twice: %v", err)

	// Tags in every scope.
	for _, sc := range []giosg.ChatScope{user, owned, giosg.OrgInvolvedChats(giosgtest.OrgID), giosg.OrgRoutedChats(giosgtest.OrgID)} {
		tags := collect(t, c.Tags.List(ctx, sc, giosgtest.ChatID, nil))
		require.Len(t, tags, 2, "%s", sc)
		assert.Equal(t, "Lead", tags[0].Name)
		allowed := collect(t, c.Tags.ListAllowed(ctx, sc, giosgtest.ChatID, nil))
		assert.Len(t, allowed, 3)
		added, err := c.Tags.Add(ctx, sc, giosgtest.ChatID, "Support")
		require.NoError(t, err)
		assert.True(t, added.Created)
		require.NoError(t, c.Tags.Remove(ctx, sc, giosgtest.ChatID, "Support"))
	}

	// Conversation starters.
	starters := collect(t, c.ConversationStarters.List(ctx, giosgtest.UserID, nil))
	require.Len(t, starters, 3)
	_, err = c.ConversationStarters.Add(ctx, giosgtest.UserID, &giosg.ConversationStarterCreate{Message: "Hoe kan ik helpen?", LanguageCode: "nl"})
	require.NoError(t, err)
	st, err := c.ConversationStarters.Update(ctx, giosgtest.UserID, "fi", &giosg.ConversationStarterUpdate{Message: "Kuinka voin auttaa sinua?"})
	require.NoError(t, err)
	assert.Equal(t, "Kuinka voin auttaa sinua?", st.Message)
	_, err = c.ConversationStarters.Patch(ctx, giosgtest.UserID, "sv", &giosg.ConversationStarterUpdate{Message: "Hej!"})
	require.NoError(t, err)
	require.NoError(t, c.ConversationStarters.Remove(ctx, giosgtest.UserID, "en"))

	// Reply suggestions in both scopes.
	for _, sc := range []giosg.ChatScope{user, giosg.UserRoutedChats(giosgtest.UserID)} {
		all := collect(t, c.ReplySuggestions.List(ctx, sc, giosgtest.ChatID, nil))
		require.NotEmpty(t, all, "%s", sc)
		forMsg := collect(t, c.ReplySuggestions.ListForMessage(ctx, sc, giosgtest.ChatID, giosgtest.MessageID, nil))
		require.NotEmpty(t, forMsg)
		added, err := c.ReplySuggestions.Add(ctx, sc, giosgtest.ChatID, giosgtest.MessageID,
			&giosg.ReplySuggestionCreate{Suggestion: "We do!", RelevancyScore: chatsdk.Ptr(0.9)})
		require.NoError(t, err)
		assert.Equal(t, "Bill Giosg", added.CreatedByUser.FullName)
		put, err := c.ReplySuggestions.Update(ctx, sc, giosgtest.ChatID, giosgtest.MessageID, added.ID,
			&giosg.ReplySuggestionUpdate{Suggestion: "Yes, we do."})
		require.NoError(t, err)
		assert.Equal(t, "Yes, we do.", put.Suggestion)
		patched, err := c.ReplySuggestions.Patch(ctx, sc, giosgtest.ChatID, giosgtest.MessageID, added.ID,
			&giosg.ReplySuggestionUpdate{RelevancyScore: chatsdk.NullableOf(0.5)})
		require.NoError(t, err)
		assert.Equal(t, "Yes, we do.", patched.Suggestion, "PATCH keeps what it does not send")
		require.NotNil(t, patched.RelevancyScore)
		assert.InDelta(t, 0.5, *patched.RelevancyScore, 1e-9)
	}

	for _, pair := range documentedPairs {
		method, pattern, _ := strings.Cut(pair, " ")
		assert.Positive(t, srv.RequestCount(method, pattern), "never requested: %s", pair)
	}
}

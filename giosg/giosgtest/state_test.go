package giosgtest_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	ctx  = context.Background()
	idle = &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle}
)

func TestPendingChatJoinedOnce(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	pending := giosg.UserPendingChats(giosgtest.UserID)
	id := srv.AddPendingChat("Hello?")
	require.True(t, srv.IsPending(id))

	ids := map[string]bool{}
	for ch, err := range c.Chats.List(ctx, pending, nil) {
		require.NoError(t, err)
		assert.True(t, ch.IsPending)
		ids[ch.ID] = true
	}
	assert.True(t, ids[id])

	res, err := c.Memberships.Join(ctx, pending, id, idle)
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.False(t, srv.IsPending(id))

	_, err = c.Memberships.Join(ctx, pending, id, idle)
	require.ErrorIs(t, err, chatsdk.ErrNotFound, "a second join gets 404")
	_, err = c.Memberships.Join(ctx, giosg.UserPendingChats(giosgtest.HelperUserID), id, idle)
	require.ErrorIs(t, err, chatsdk.ErrNotFound, "another user cannot take it either")

	for ch, err := range c.Chats.List(ctx, pending, nil) {
		require.NoError(t, err)
		assert.NotEqual(t, id, ch.ID, "no longer listed as pending")
	}
	msgs := collect(t, c.Messages.List(ctx, giosg.UserChats(giosgtest.UserID), id,
		&giosg.MessageListParams{TypeIn: []giosg.MessageType{giosg.MessageTypeJoin}}))
	assert.Len(t, msgs, 1, "joining adds a join event")

	// Leaving before answering makes it pending again.
	_, err = c.Memberships.Update(ctx, giosgtest.UserID, id, &giosg.MembershipUpdate{ComposingStatus: giosg.ComposingIdle})
	require.NoError(t, err)
	assert.True(t, srv.IsPending(id))
	res, err = c.Memberships.Join(ctx, pending, id, idle)
	require.NoError(t, err)
	assert.False(t, res.Created, "rejoining with an existing membership: 200")

	// Answering stops the waiting for good.
	_, err = c.Messages.Send(ctx, giosg.UserChats(giosgtest.UserID), id, &giosg.MessageCreate{Message: "Hi!"})
	require.NoError(t, err)
	ch, err := c.Chats.Get(ctx, giosg.OrgOwnedChats(giosgtest.OrgID), id)
	require.NoError(t, err)
	assert.False(t, ch.IsWaiting)
	assert.Equal(t, 1, ch.UserMessageCount)
	assert.Equal(t, 1, ch.VisitorMessageCount)
	require.NotNil(t, ch.VisitorWaitTime)
}

func TestEndedChatRefusesChanges(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	user := giosg.UserChats(giosgtest.UserID)
	id := giosgtest.EndedChatID

	_, err := c.Messages.Send(ctx, user, id, &giosg.MessageCreate{Message: "Still there?"})
	assert.Equal(t, http.StatusConflict, statusOf(err), "message: %v", err)
	for _, sc := range []giosg.ChatScope{giosg.OrgOwnedChats(giosgtest.OrgID), giosg.OrgRoutedChats(giosgtest.OrgID), giosg.OrgInvolvedChats(giosgtest.OrgID)} {
		_, err = c.Memberships.Join(ctx, sc, id, &giosg.MembershipJoin{MemberID: giosgtest.HelperUserID, IsParticipating: true, ComposingStatus: giosg.ComposingIdle})
		assert.Equal(t, http.StatusConflict, statusOf(err), "%s join: %v", sc, err)
	}
	_, err = c.Memberships.Join(ctx, giosg.UserRoutedChats(giosgtest.UserID), id, idle)
	assert.Equal(t, http.StatusNotFound, statusOf(err), "routed join (documented 404): %v", err)
	_, err = c.Memberships.Join(ctx, giosg.UserPendingChats(giosgtest.UserID), id, idle)
	assert.Equal(t, http.StatusNotFound, statusOf(err), "pending join: %v", err)
	_, err = c.Memberships.Update(ctx, giosgtest.UserID, id, &giosg.MembershipUpdate{IsParticipating: true, ComposingStatus: giosg.ComposingTyping})
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "membership update (documented 400): %v", err)
	_, err = c.Chats.MarkNotWaiting(ctx, user, id)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "not waiting (documented 400): %v", err)
	_, err = c.Chats.Patch(ctx, user, id, &giosg.ChatUpdate{IsEnded: chatsdk.Ptr(false)})
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "reopen: %v", err)
	_, err = c.Invitations.Send(ctx, user, id, &giosg.InvitationCreate{InvitedUserID: giosgtest.HelperUserID})
	assert.Equal(t, http.StatusConflict, statusOf(err), "invite: %v", err)
	ch, err := c.Chats.End(ctx, user, id)
	require.NoError(t, err, "ending again is a no-op")
	assert.True(t, ch.IsEnded)

	// Tags can still be added to an ended chat.
	_, err = c.Tags.Add(ctx, user, id, "Lead")
	require.NoError(t, err)
}

func TestEndingExpiresPendingInvitations(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	user := giosg.UserChats(giosgtest.UserID)
	inv, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedUserID: giosgtest.HelperUserID})
	require.NoError(t, err)
	require.True(t, inv.Created)
	ch, err := c.Chats.End(ctx, user, giosgtest.ChatID)
	require.NoError(t, err)
	assert.True(t, ch.IsEnded)
	assert.False(t, ch.IsWaiting)
	require.NotNil(t, ch.Duration)
	require.NotNil(t, ch.ActiveDuration)
	assert.True(t, srv.IsEnded(giosgtest.ChatID))

	got := collect(t, c.Invitations.ListOutgoing(ctx, user, giosgtest.ChatID, &giosg.InvitationListParams{IsExpired: chatsdk.Ptr(true)}))
	require.Len(t, got, 1)
	assert.Equal(t, inv.Value.ID, got[0].ID)
	require.NotNil(t, got[0].ExpiredAt)
	_, err = c.Invitations.Accept(ctx, giosgtest.HelperUserID, inv.Value.ID)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "an expired invitation cannot be accepted: %v", err)
}

func TestInvitationsAcceptOrExpireOnce(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	user := giosg.UserChats(giosgtest.UserID)

	// Accept once; the second time is a 400.
	acc, err := c.Invitations.Accept(ctx, giosgtest.UserID, giosgtest.IncomingInvitationID)
	require.NoError(t, err)
	assert.True(t, acc.IsAccepted)
	require.NotNil(t, acc.AcceptedAt)
	_, err = c.Invitations.Accept(ctx, giosgtest.UserID, giosgtest.IncomingInvitationID)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "%v", err)
	// The user is now a member of the chat.
	_, err = c.Messages.Send(ctx, user, giosgtest.InvitingChatID, &giosg.MessageCreate{Message: "Joined via invitation"})
	require.NoError(t, err)

	// An accepted invitation cannot be expired.
	_, err = c.Invitations.Expire(ctx, user, giosgtest.InvitationChatID, giosgtest.OutgoingInvitationID)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "%v", err)

	// Expire once; the second time is a 400; accepting it is a 400 too.
	inv, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedUserID: giosgtest.HelperUserID})
	require.NoError(t, err)
	exp, err := c.Invitations.Expire(ctx, user, giosgtest.ChatID, inv.Value.ID)
	require.NoError(t, err)
	assert.True(t, exp.IsExpired)
	_, err = c.Invitations.Expire(ctx, user, giosgtest.ChatID, inv.Value.ID)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "%v", err)
	_, err = c.Invitations.Accept(ctx, giosgtest.HelperUserID, inv.Value.ID)
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "%v", err)

	// After expiry, inviting the same party again makes a new invitation.
	again, err := c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedUserID: giosgtest.HelperUserID})
	require.NoError(t, err)
	assert.True(t, again.Created)
	assert.NotEqual(t, inv.Value.ID, again.Value.ID)

	// Team invitations reach the team's members; the organization's reach its users.
	incoming := collect(t, c.Invitations.ListIncoming(ctx, giosgtest.HelperUserID, &giosg.InvitationListParams{IsAccepted: chatsdk.Ptr(false)}))
	require.Len(t, incoming, 1)
	assert.Equal(t, again.Value.ID, incoming[0].ID)

	// Unknown invitations and parties.
	_, err = c.Invitations.Accept(ctx, giosgtest.UserID, "no-such-invitation")
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_, err = c.Invitations.Send(ctx, user, giosgtest.ChatID, &giosg.InvitationCreate{InvitedTeamID: "no-such-team"})
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", "/api/v5/users/"+giosgtest.UserID+"/chats/"+giosgtest.ChatID+"/outgoing_chat_invitations",
		`{"invited_user_id":"`+giosgtest.HelperUserID+`","invited_team_id":"`+giosgtest.TeamID+`"}`, nil), "two parties")
}

func TestTagsAreIdempotent(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	for _, sc := range []giosg.ChatScope{giosg.UserChats(giosgtest.UserID), giosg.OrgOwnedChats(giosgtest.OrgID)} {
		name := "Premium customer/VIP?"
		added, err := c.Tags.Add(ctx, sc, giosgtest.ChatID, name)
		require.NoError(t, err)
		assert.True(t, added.Created, "new tag: 201")
		assert.Equal(t, name, added.Value.Name)
		assert.Len(t, added.Value.HashedName, 40)
		again, err := c.Tags.Add(ctx, sc, giosgtest.ChatID, name)
		require.NoError(t, err)
		assert.False(t, again.Created, "existing tag: 200")
		assert.Contains(t, srv.Tags(giosgtest.ChatID), name)

		require.NoError(t, c.Tags.Remove(ctx, sc, giosgtest.ChatID, name))
		assert.NotContains(t, srv.Tags(giosgtest.ChatID), name)
		err = c.Tags.Remove(ctx, sc, giosgtest.ChatID, name)
		require.ErrorIs(t, err, chatsdk.ErrNotFound, "removing again: 404")
	}
	// The escaped name is one path segment; an unescaped "/" is another path.
	_, err := c.Tags.Add(ctx, giosg.UserChats(giosgtest.UserID), giosgtest.ChatID, "a/b")
	require.NoError(t, err)
	tagPath := "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.ChatID + "/tags/"
	assert.Equal(t, http.StatusNotFound, send(t, srv, "DELETE", tagPath+"a/b", "", nil))
	assert.Equal(t, http.StatusNoContent, send(t, srv, "DELETE", tagPath+"a%2Fb", "", nil))
	assert.Equal(t, []string{"Lead", "Premium customer"}, srv.Tags(giosgtest.ChatID))
	// A name is required.
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", strings.TrimSuffix(tagPath, "/"), `{"name": ""}`, nil))
}

func TestConversationStartersUniquePerLanguage(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	_, err := c.ConversationStarters.Add(ctx, giosgtest.UserID, &giosg.ConversationStarterCreate{Message: "Can I help you?", LanguageCode: "en"})
	assert.Equal(t, http.StatusBadRequest, statusOf(err), "duplicate language: %v", err)
	added, err := c.ConversationStarters.Add(ctx, giosgtest.UserID, &giosg.ConversationStarterCreate{Message: "Wie kann ich helfen?", LanguageCode: "de"})
	require.NoError(t, err)
	assert.Equal(t, "de", added.LanguageCode)
	got := collect(t, c.ConversationStarters.List(ctx, giosgtest.UserID, nil))
	require.Len(t, got, 4)
	assert.Equal(t, []string{"en", "fi", "sv", "de"}, []string{got[0].LanguageCode, got[1].LanguageCode, got[2].LanguageCode, got[3].LanguageCode})

	_, err = c.ConversationStarters.Patch(ctx, giosgtest.UserID, "xx", &giosg.ConversationStarterUpdate{Message: "?"})
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	err = c.ConversationStarters.Remove(ctx, giosgtest.UserID, "xx")
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.NoError(t, c.ConversationStarters.Remove(ctx, giosgtest.UserID, "de"))
	err = c.ConversationStarters.Remove(ctx, giosgtest.UserID, "de")
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_, err = c.ConversationStarters.Add(ctx, giosgtest.UserID, &giosg.ConversationStarterCreate{Message: "Wie kann ich helfen?", LanguageCode: "de"})
	require.NoError(t, err, "the language is free again")

	path := "/api/v5/users/" + giosgtest.UserID + "/chat_conversation_starters"
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "PUT", path+"/fi", `{}`, nil), "PUT needs message")
	assert.Equal(t, http.StatusOK, send(t, srv, "PATCH", path+"/fi", `{}`, nil), "PATCH does not")
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"message":"hi"}`, nil), "language_code is required")
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"message":"hi","language_code":"not a language"}`, nil))
}

func TestCreateChatWithVisitor(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	scope := giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, giosgtest.NewVisitorID)
	first, err := c.Chats.Create(ctx, scope)
	require.NoError(t, err)
	assert.True(t, first.Created)
	assert.Equal(t, giosg.ChatTypeVisitor, first.Value.ChatType)
	assert.Equal(t, 2, first.Value.MemberCount)
	second, err := c.Chats.Create(ctx, scope)
	require.NoError(t, err)
	assert.False(t, second.Created, "the open chat is resumed")
	assert.Equal(t, first.Value.ID, second.Value.ID)

	listed := collect(t, c.Chats.List(ctx, scope, nil))
	require.Len(t, listed, 1)
	listed = collect(t, c.Chats.List(ctx, giosg.OrgRoomVisitorChats(giosgtest.OrgID, giosgtest.RoomID, giosgtest.NewVisitorID), nil))
	require.Len(t, listed, 1)

	_, err = c.Chats.End(ctx, giosg.UserChats(giosgtest.UserID), first.Value.ID)
	require.NoError(t, err)
	third, err := c.Chats.Create(ctx, scope)
	require.NoError(t, err)
	assert.True(t, third.Created, "an ended chat is not resumed")

	_, err = c.Chats.Create(ctx, giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, "no-such-visitor"))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_, err = c.Chats.Create(ctx, giosg.UserRoomVisitorChats(giosgtest.UserID, "no-such-room", giosgtest.NewVisitorID))
	assert.ErrorIs(t, err, chatsdk.ErrNotFound)
}

func TestOrganizationJoin(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	newbie := srv.AddUser("Nora", "Newbie")
	owned := giosg.OrgOwnedChats(giosgtest.OrgID)
	join := &giosg.MembershipJoin{MemberID: newbie, IsParticipating: true, ComposingStatus: giosg.ComposingIdle}
	res, err := c.Memberships.Join(ctx, owned, giosgtest.PendingChatID, join)
	require.NoError(t, err)
	assert.True(t, res.Created, "new membership: 201")
	assert.Equal(t, "Nora Newbie", *res.Value.MemberName)
	assert.False(t, srv.IsPending(giosgtest.PendingChatID), "a participating join takes the pending chat")
	res, err = c.Memberships.Join(ctx, owned, giosgtest.PendingChatID, join)
	require.NoError(t, err)
	assert.False(t, res.Created, "existing membership: 200")

	// The chat is now an involved chat of the organization.
	ch, err := c.Chats.Get(ctx, giosg.OrgInvolvedChats(giosgtest.OrgID), giosgtest.PendingChatID)
	require.NoError(t, err)
	assert.Equal(t, 1, ch.PresentUserParticipantCount)

	// The partner's routed chat is routed, not owned.
	_, err = c.Chats.Get(ctx, owned, giosgtest.RoutedChatID)
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	_, err = c.Chats.Get(ctx, giosg.OrgRoutedChats(giosgtest.OrgID), giosgtest.RoutedChatID)
	require.NoError(t, err)

	path := "/api/v5/orgs/" + giosgtest.OrgID + "/owned_chats/" + giosgtest.ChatID + "/memberships"
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"is_participating": true, "composing_status": "idle"}`, nil), "member_id is required")
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"member_id": "`+newbie+`", "composing_status": "idle"}`, nil), "is_participating is required")
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"member_id": "`+newbie+`", "is_participating": true, "composing_status": "sleeping"}`, nil))
	assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, `{"member_id": "nobody", "is_participating": true, "composing_status": "idle"}`, nil))
}

func TestMessageValidation(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	path := "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.ChatID + "/messages"
	for name, body := range map[string]string{
		"no message":                  `{}`,
		"not JSON":                    `{"message": `,
		"not an object":               `["hi"]`,
		"too long":                    `{"message": "` + repeat("x", 2001) + `"}`,
		"unknown template":            `{"message": "hi", "attachment_template": "carousel", "attachments": [{"text": "a"}]}`,
		"empty generic attachment":    `{"message": "hi", "attachment_template": "generic", "attachments": [{}]}`,
		"action without value":        `{"message": "hi", "attachments": [{"actions": [{"text": "Yes", "type": "button", "is_disabled_on_selection": true, "is_disabled_on_visitor_message": false}]}]}`,
		"action without disabled":     `{"message": "hi", "attachments": [{"actions": [{"text": "Yes", "type": "button", "value": "y"}]}]}`,
		"action of unknown type":      `{"message": "hi", "attachments": [{"actions": [{"text": "Yes", "type": "slider", "value": "y", "is_disabled_on_selection": true, "is_disabled_on_visitor_message": false}]}]}`,
		"interaction without ID":      `{"message": "hi", "attachment_template": "interaction", "attachments": [{"text": "a"}]}`,
		"two interactions":            `{"message": "hi", "attachment_template": "interaction", "attachments": [{"interaction_id": "a"}, {"interaction_id": "b"}]}`,
		"external without URL":        `{"message": "hi", "attachment_template": "external", "attachments": [{"title": "a"}]}`,
		"unknown reply suggestion":    `{"message": "hi", "selected_reply_suggestion_id": "nope"}`,
		"attachments not a list":      `{"message": "hi", "attachments": {"text": "a"}}`,
		"message of the wrong type":   `{"message": 42}`,
		"link_target of a wrong kind": `{"message": "hi", "attachments": [{"title": "t", "link_target": "_top"}]}`,
	} {
		var e map[string]any
		assert.Equal(t, http.StatusBadRequest, send(t, srv, "POST", path, body, &e), name)
		assert.NotEmpty(t, e["detail"], name)
	}
	var m map[string]any
	require.Equal(t, http.StatusOK, send(t, srv, "POST", path,
		`{"message": "Help", "attachment_template": "external", "attachments": [{"attachment_url": "https://somewhere.com/x", "parameters": {"initial_height": 200}, "title": "Help interaction"}]}`, &m))
	assert.Equal(t, "external", m["attachment_template"])
	assert.Equal(t, 17, srv.RequestCount("POST", "/api/v5/users/<user_id>/chats/<chat_id>/messages"), "every send counted once")
}

func repeat(s string, n int) string {
	out := make([]byte, 0, len(s)*n)
	for range n {
		out = append(out, s...)
	}
	return string(out)
}

func TestChatFilters(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	owned := giosg.OrgOwnedChats(giosgtest.OrgID)
	open := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{IsEnded: chatsdk.Ptr(false)}))
	ended := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{IsEnded: chatsdk.Ptr(true)}))
	all := collect(t, c.Chats.List(ctx, owned, nil))
	assert.Len(t, all, len(open)+len(ended))
	require.Len(t, ended, 1)
	assert.Equal(t, giosgtest.EndedChatID, ended[0].ID)
	for _, ch := range open {
		assert.False(t, ch.IsEnded)
	}
	// Newest first by default; ordering=created_at reverses.
	for i := 1; i < len(all); i++ {
		assert.False(t, all[i].CreatedAt.After(all[i-1].CreatedAt.Time))
	}
	asc := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{Ordering: giosg.OrderCreatedAsc}))
	require.Len(t, asc, len(all))
	assert.Equal(t, all[0].ID, asc[len(asc)-1].ID)

	waiting := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{IsWaiting: chatsdk.Ptr(true)}))
	require.Len(t, waiting, 1)
	assert.Equal(t, giosgtest.PendingChatID, waiting[0].ID)
	noUserMsgs := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{HasUserMessages: chatsdk.Ptr(false)}))
	for _, ch := range noUserMsgs {
		assert.False(t, ch.HasUserMessages)
	}
	notParticipating := collect(t, c.Chats.List(ctx, giosg.UserChats(giosgtest.UserID), &giosg.ChatListParams{IsParticipating: chatsdk.Ptr(false)}))
	require.Len(t, notParticipating, 1)
	assert.Equal(t, giosgtest.EndedChatID, notParticipating[0].ID)
	after := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{CreatedAtAfter: all[1].CreatedAt.Time}))
	assert.Len(t, after, 2, "created_at_after is inclusive")
	before := collect(t, c.Chats.List(ctx, owned, &giosg.ChatListParams{CreatedAtBefore: all[1].CreatedAt.Time}))
	assert.Len(t, before, len(all)-1)

	assert.Equal(t, http.StatusBadRequest, get(t, srv, "/api/v5/orgs/"+giosgtest.OrgID+"/owned_chats?is_ended=maybe", nil))
	assert.Equal(t, http.StatusBadRequest, get(t, srv, "/api/v5/orgs/"+giosgtest.OrgID+"/owned_chats?ordering=name", nil))
	assert.Equal(t, http.StatusBadRequest, get(t, srv, "/api/v5/orgs/"+giosgtest.OrgID+"/owned_chats?created_at_after=yesterday", nil))
}

func TestMessageTypeFilters(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	user := giosg.UserChats(giosgtest.UserID)
	all := collect(t, c.Messages.List(ctx, user, giosgtest.ChatID, nil))
	require.Len(t, all, 7)
	assert.Equal(t, giosgtest.ActionMessageID, all[0].ID, "newest first")
	require.NotNil(t, all[0].ResponseToAction)
	assert.Equal(t, "yes", all[0].ResponseToAction.Value)
	notMsg := collect(t, c.Messages.List(ctx, user, giosgtest.ChatID, &giosg.MessageListParams{TypeNotIn: []giosg.MessageType{giosg.MessageTypeMsg}}))
	assert.Len(t, notMsg, 3)
	some := collect(t, c.Messages.List(ctx, user, giosgtest.ChatID, &giosg.MessageListParams{TypeIn: []giosg.MessageType{giosg.MessageTypeJoin, giosg.MessageTypeAction}}))
	assert.Len(t, some, 2)
	none := collect(t, c.Messages.List(ctx, user, giosgtest.ChatID, &giosg.MessageListParams{TypeIn: []giosg.MessageType{giosg.MessageTypeJoin}, TypeNotIn: []giosg.MessageType{giosg.MessageTypeJoin}}))
	assert.Empty(t, none)
	assert.Equal(t, []string{"Yes, actually you could.", "OK, what do you want to know?", "Do you have these products in stock?", "Do you want help?"},
		srv.MessageTexts(giosgtest.ChatID))
}

func TestFailNext(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	const send = "/api/v5/users/<user_id>/chats/<chat_id>/messages"
	srv.FailNext(giosgtest.Failure{Method: "POST", Path: send, Status: http.StatusServiceUnavailable})
	_, err := c.Messages.Send(ctx, giosg.UserChats(giosgtest.UserID), giosgtest.ChatID, &giosg.MessageCreate{Message: "once"})
	require.Error(t, err)
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Equal(t, 1, srv.RequestCount("POST", send), "a message is never sent twice")
	assert.NotContains(t, srv.MessageTexts(giosgtest.ChatID), "once", "the injected failure changed nothing")

	const list = "/api/v5/users/<user_id>/chats/<chat_id>/messages"
	srv.FailNext(giosgtest.Failure{Method: "GET", Path: list, Status: http.StatusServiceUnavailable, Times: 2})
	_, err = c.Messages.ListPage(ctx, giosg.UserChats(giosgtest.UserID), giosgtest.ChatID, nil)
	require.NoError(t, err, "a GET is retried")
	assert.Equal(t, 3, srv.RequestCount("GET", list))
}

func TestPrivateChatConflict(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	visitor, err := srv.AddVisitor(giosgtest.RoomID)
	require.NoError(t, err)
	_, err = srv.AddChat(giosgtest.ChatSpec{VisitorID: visitor, UserIDs: []string{giosgtest.HelperUserID}, Private: true})
	require.NoError(t, err)
	c := newClient(t, srv)
	_, err = c.Chats.Create(ctx, giosg.UserRoomVisitorChats(giosgtest.UserID, giosgtest.RoomID, visitor))
	require.ErrorIs(t, err, chatsdk.ErrConflict)
	_, err = srv.AddChat(giosgtest.ChatSpec{RoomID: "nope"})
	assert.Error(t, err)
}

func TestConcurrentUse(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := newClient(t, srv)
	user := giosg.UserChats(giosgtest.UserID)
	const workers, each = 8, 5
	errs := make(chan error, workers*each*2)
	done := make(chan struct{})
	for w := range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range each {
				if _, err := c.Messages.Send(ctx, user, giosgtest.ChatID, &giosg.MessageCreate{Message: fmt.Sprintf("w%d-%d", w, i)}); err != nil {
					errs <- err
				}
				for _, err := range c.Messages.List(ctx, user, giosgtest.ChatID, nil) {
					if err != nil {
						errs <- err
						break
					}
				}
			}
		}()
	}
	for range workers {
		<-done
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Len(t, srv.MessageTexts(giosgtest.ChatID), 4+workers*each)
}

package giosg_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnsupportedScopesSendNothing calls operations with scopes the API
// does not offer them for: each fails with ErrUnsupportedScope before any
// request.
func TestUnsupportedScopesSendNothing(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	ctx := context.Background()
	calls := map[string]func() error{
		"Get UserChats": func() error { _, err := c.Chats.Get(ctx, giosg.UserChats(userID), chatID); return err },
		"Create OrgOwnedChats": func() error {
			_, err := c.Chats.Create(ctx, giosg.OrgOwnedChats(orgID))
			return err
		},
		"End OrgRoutedChats": func() error { _, err := c.Chats.End(ctx, giosg.OrgRoutedChats(orgID), chatID); return err },
		"Send OrgOwnedChats": func() error {
			_, err := c.Messages.Send(ctx, giosg.OrgOwnedChats(orgID), chatID, &giosg.MessageCreate{Message: "hi"})
			return err
		},
		"Messages OrgRoomChats": func() error {
			_, err := c.Messages.ListPage(ctx, giosg.OrgRoomChats(orgID, roomID), chatID, nil)
			return err
		},
		"Join UserChats": func() error {
			_, err := c.Memberships.Join(ctx, giosg.UserChats(userID), chatID, &giosg.MembershipJoin{ComposingStatus: giosg.ComposingIdle})
			return err
		},
		"Memberships OrgRoomPendingChats": func() error {
			_, err := c.Memberships.ListPage(ctx, giosg.OrgRoomPendingChats(orgID, roomID), chatID, nil)
			return err
		},
		"Tags UserRoutedChats": func() error { return c.Tags.Remove(ctx, giosg.UserRoutedChats(userID), chatID, "Lead") },
		"ReplySuggestions OrgOwnedChats": func() error {
			_, err := c.ReplySuggestions.ListPage(ctx, giosg.OrgOwnedChats(orgID), chatID, nil)
			return err
		},
		"Invitations UserRoutedChats": func() error {
			_, err := c.Invitations.Expire(ctx, giosg.UserRoutedChats(userID), chatID, invitationID)
			return err
		},
		"Visitor memberships OrgOwnedChats": func() error {
			_, err := c.Memberships.ListForVisitorPage(ctx, giosg.OrgOwnedChats(orgID), chatID, visitorID, nil)
			return err
		},
		"List iterator": func() error {
			for _, err := range c.Messages.List(ctx, giosg.UserPendingChats(userID), chatID, nil) {
				return err
			}
			return nil
		},
	}
	for name, call := range calls {
		err := call()
		require.ErrorIs(t, err, giosg.ErrUnsupportedScope, name)
		assertParamError(t, err, name)
		assert.True(t, strings.HasPrefix(err.Error(), "giosg."), "%s: %v", name, err)
	}
	assert.Empty(t, rec.requests())
}

// TestMissingParamsSendNothing checks the client-side validation of
// required IDs and attributes.
func TestMissingParamsSendNothing(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	ctx := context.Background()
	long := strings.Repeat("é", giosg.MaxMessageLength+1)
	calls := map[string]func() error{
		"zero scope":   func() error { _, err := c.Chats.ListPage(ctx, giosg.ChatScope{}, nil); return err },
		"empty org ID": func() error { _, err := c.Chats.ListPage(ctx, giosg.OrgOwnedChats(""), nil); return err },
		"empty room ID": func() error {
			_, err := c.Chats.ListPage(ctx, giosg.OrgRoomChats(orgID, ""), nil)
			return err
		},
		"empty chat ID":  func() error { _, err := c.Chats.Get(ctx, giosg.OrgOwnedChats(orgID), ""); return err },
		"empty tag name": func() error { return c.Tags.Remove(ctx, giosg.UserChats(userID), chatID, "") },
		"nil update":     func() error { _, err := c.Chats.Update(ctx, giosg.UserChats(userID), chatID, nil); return err },
		"empty update": func() error {
			_, err := c.Chats.Patch(ctx, giosg.UserChats(userID), chatID, &giosg.ChatUpdate{})
			return err
		},
		"empty message": func() error { _, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{}); return err },
		"nil message":   func() error { _, err := c.Messages.Send(ctx, userScope, chatID, nil); return err },
		"no composing": func() error {
			_, err := c.Memberships.Join(ctx, giosg.UserPendingChats(userID), chatID, &giosg.MembershipJoin{})
			return err
		},
		"org join member": func() error {
			_, err := c.Memberships.Join(ctx, giosg.OrgOwnedChats(orgID), chatID, &giosg.MembershipJoin{ComposingStatus: "idle"})
			return err
		},
		"two invitees": func() error {
			_, err := c.Invitations.Send(ctx, userScope, chatID, &giosg.InvitationCreate{InvitedUserID: "a", InvitedTeamID: "b"})
			return err
		},
		"no invitee": func() error {
			_, err := c.Invitations.Send(ctx, userScope, chatID, &giosg.InvitationCreate{})
			return err
		},
		"interaction without id": func() error {
			_, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{Message: "x", AttachmentTemplate: giosg.TemplateInteraction, Attachments: []giosg.Attachment{{Text: "t"}}})
			return err
		},
		"external without url": func() error {
			_, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{Message: "x", AttachmentTemplate: giosg.TemplateExternal, Attachments: []giosg.Attachment{{Title: "t"}}})
			return err
		},
		"empty generic attachment": func() error {
			_, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{Message: "x", Attachments: []giosg.Attachment{{LinkTarget: "_blank"}}})
			return err
		},
		"action without value": func() error {
			_, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{Message: "x", Attachments: []giosg.Attachment{{Actions: []giosg.AttachmentAction{{Text: "Yes", Type: "button"}}}}})
			return err
		},
		"starter without language": func() error {
			_, err := c.ConversationStarters.Add(ctx, userID, &giosg.ConversationStarterCreate{Message: "hi"})
			return err
		},
		"put starter without message": func() error {
			_, err := c.ConversationStarters.Update(ctx, userID, "en", &giosg.ConversationStarterUpdate{})
			return err
		},
		"suggestion without text": func() error {
			_, err := c.ReplySuggestions.Add(ctx, userScope, chatID, messageID, &giosg.ReplySuggestionCreate{})
			return err
		},
		"accept without is_accepted": func() error {
			_, err := c.Invitations.PatchIncoming(ctx, userID, invitationID, &giosg.InvitationUpdate{IsExpired: chatsdk.Ptr(true)})
			return err
		},
		"membership update without status": func() error {
			_, err := c.Memberships.Update(ctx, userID, chatID, &giosg.MembershipUpdate{IsParticipating: true})
			return err
		},
	}
	for name, call := range calls {
		err := call()
		require.Error(t, err, name)
		assert.ErrorIs(t, err, giosg.ErrMissingParam, "%s: %v", name, err)
		assertParamError(t, err, name)
	}
	_, err := c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{Message: long})
	require.ErrorContains(t, err, "at most 2000")
	assertParamError(t, err, "long message")
	_, err = c.Messages.Send(ctx, userScope, chatID, &giosg.MessageCreate{AttachmentTemplate: giosg.TemplateInteraction})
	assertParamError(t, err, "interaction template without its attachment")
	assert.Empty(t, rec.requests())
}

// assertParamError checks that a call refused before sending says so the
// same way as in the other API packages.
func assertParamError(t *testing.T, err error, name string) {
	t.Helper()
	var pe *chatsdk.ParamError
	if assert.ErrorAs(t, err, &pe, name) {
		assert.Contains(t, pe.Operation, "giosg.", name)
		assert.NotEmpty(t, pe.Problem, name)
	}
	assert.ErrorIs(t, err, chatsdk.ErrInvalidParams, name)
}

func TestScopeString(t *testing.T) {
	assert.Equal(t, `OrgRoomVisitorChats("o", "r", "v")`, giosg.OrgRoomVisitorChats("o", "r", "v").String())
	assert.Equal(t, `UserChats("u")`, giosg.UserChats("u").String())
	assert.Equal(t, "ChatScope{}", giosg.ChatScope{}.String())
	a, b := giosg.UserChats("u"), giosg.UserChats("u")
	assert.Equal(t, a, b, "scopes are comparable values")
}

// TestScopeRoute checks each scope's Route against its documented
// collection path and against the route middleware sees for Chats.List
// on it.
func TestScopeRoute(t *testing.T) {
	assert.Empty(t, giosg.ChatScope{}.Route())
	rec := newRecorder(t)
	var route string
	c := newTestClient(t, rec.URL, chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		route = info.Route
		return next(req)
	}))
	toRoute := strings.NewReplacer("<", "{", ">", "}")
	for _, st := range scopeTemplates {
		assert.Equal(t, toRoute.Replace(st.template), st.scope.Route(), st.scope.String())
		rec.answer(http.StatusOK, []byte(`{"next":null,"previous":null,"results":[]}`))
		route = ""
		_, err := c.Chats.ListPage(context.Background(), st.scope, nil)
		require.NoError(t, err, st.scope.String())
		assert.Equal(t, route, st.scope.Route(), st.scope.String())
	}
}

// scopeTemplates is the documented collection path of each scope.
var scopeTemplates = []struct {
	template string
	scope    giosg.ChatScope
}{
	{"/api/v5/orgs/<organization_id>/rooms/<room_id>/chats", giosg.OrgRoomChats(orgID, roomID)},
	{"/api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats", giosg.OrgRoomPendingChats(orgID, roomID)},
	{"/api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats", giosg.OrgRoomVisitorChats(orgID, roomID, visitorID)},
	{"/api/v5/orgs/<organization_id>/owned_chats", giosg.OrgOwnedChats(orgID)},
	{"/api/v5/orgs/<organization_id>/involved_chats", giosg.OrgInvolvedChats(orgID)},
	{"/api/v5/orgs/<organization_id>/routed_chats", giosg.OrgRoutedChats(orgID)},
	{"/api/v5/users/<user_id>/chats", giosg.UserChats(userID)},
	{"/api/v5/users/<user_id>/pending_chats", giosg.UserPendingChats(userID)},
	{"/api/v5/users/<user_id>/routed_chats", giosg.UserRoutedChats(userID)},
	{"/api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats", giosg.UserRoomVisitorChats(userID, roomID, visitorID)},
}

// scopedOperation is a method taking a ChatScope, and the method and path
// below the scope's collection that it sends.
type scopedOperation struct {
	name, method, suffix string
	call                 func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, org bool) error
}

func scopedOperations(t *testing.T) []scopedOperation {
	join := func(org bool) *giosg.MembershipJoin {
		if org {
			return body[giosg.MembershipJoin](t, "chat_memberships_join_org.request.json")
		}
		return body[giosg.MembershipJoin](t, "chat_memberships_join.request.json")
	}
	update := func() *giosg.ChatUpdate { return body[giosg.ChatUpdate](t, "chat_end.request.json") }
	inv := func() *giosg.InvitationUpdate {
		return body[giosg.InvitationUpdate](t, "chat_invitations_expire.request.json")
	}
	sugg := func() *giosg.ReplySuggestionUpdate {
		return body[giosg.ReplySuggestionUpdate](t, "chat_reply_suggestions_update.request.json")
	}
	const chat, msg, sug = "/<chat_id>", "/<chat_id>/messages/<message_id>/reply_suggestions", "/<reply_suggestion_id>"
	const out = "/<chat_id>/outgoing_chat_invitations"
	return []scopedOperation{
		{"Chats.ListPage", "GET", "", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.ListPage(ctx, s, nil)
			return err
		}},
		{"Chats.Get", "GET", chat, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.Get(ctx, s, chatID)
			return err
		}},
		{"Chats.Create", "POST", "", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.Create(ctx, s)
			return err
		}},
		{"Chats.Update", "PUT", chat, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.Update(ctx, s, chatID, update())
			return err
		}},
		{"Chats.Patch", "PATCH", chat, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.Patch(ctx, s, chatID, update())
			return err
		}},
		{"Chats.End", "PATCH", chat, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.End(ctx, s, chatID)
			return err
		}},
		{"Chats.MarkNotWaiting", "PATCH", chat, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Chats.MarkNotWaiting(ctx, s, chatID)
			return err
		}},
		{"Memberships.ListPage", "GET", chat + "/memberships", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Memberships.ListPage(ctx, s, chatID, nil)
			return err
		}},
		{"Memberships.Join", "POST", chat + "/memberships", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, org bool) error {
			_, err := c.Memberships.Join(ctx, s, chatID, join(org))
			return err
		}},
		{"Memberships.ListForVisitorPage", "GET", chat + "/visitors/<visitor_id>/chat_memberships", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Memberships.ListForVisitorPage(ctx, s, chatID, visitorID, nil)
			return err
		}},
		{"Messages.ListPage", "GET", chat + "/messages", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Messages.ListPage(ctx, s, chatID, nil)
			return err
		}},
		{"Messages.Send", "POST", chat + "/messages", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Messages.Send(ctx, s, chatID, &giosg.MessageCreate{Message: "hi"})
			return err
		}},
		{"Tags.ListPage", "GET", chat + "/tags", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Tags.ListPage(ctx, s, chatID, nil)
			return err
		}},
		{"Tags.ListAllowedPage", "GET", chat + "/allowed_tags", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Tags.ListAllowedPage(ctx, s, chatID, nil)
			return err
		}},
		{"Tags.Add", "POST", chat + "/tags", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Tags.Add(ctx, s, chatID, "Lead")
			return err
		}},
		{"Tags.Remove", "DELETE", chat + "/tags/<tag_name>", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			return c.Tags.Remove(ctx, s, chatID, "Lead")
		}},
		{"ReplySuggestions.ListPage", "GET", chat + "/reply_suggestions", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.ReplySuggestions.ListPage(ctx, s, chatID, nil)
			return err
		}},
		{"ReplySuggestions.ListForMessagePage", "GET", msg, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.ReplySuggestions.ListForMessagePage(ctx, s, chatID, messageID, nil)
			return err
		}},
		{"ReplySuggestions.Add", "POST", msg, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.ReplySuggestions.Add(ctx, s, chatID, messageID, body[giosg.ReplySuggestionCreate](t, "chat_reply_suggestions_add.request.json"))
			return err
		}},
		{"ReplySuggestions.Update", "PUT", msg + sug, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.ReplySuggestions.Update(ctx, s, chatID, messageID, suggestionID, sugg())
			return err
		}},
		{"ReplySuggestions.Patch", "PATCH", msg + sug, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.ReplySuggestions.Patch(ctx, s, chatID, messageID, suggestionID, sugg())
			return err
		}},
		{"Invitations.ListOutgoingPage", "GET", out, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Invitations.ListOutgoingPage(ctx, s, chatID, nil)
			return err
		}},
		{"Invitations.Send", "POST", out, func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Invitations.Send(ctx, s, chatID, body[giosg.InvitationCreate](t, "chat_invitations_send.request.json"))
			return err
		}},
		{"Invitations.UpdateOutgoing", "PUT", out + "/<invitation_id>", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Invitations.UpdateOutgoing(ctx, s, chatID, invitationID, inv())
			return err
		}},
		{"Invitations.PatchOutgoing", "PATCH", out + "/<invitation_id>", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Invitations.PatchOutgoing(ctx, s, chatID, invitationID, inv())
			return err
		}},
		{"Invitations.Expire", "PATCH", out + "/<invitation_id>", func(ctx context.Context, c *giosg.Client, s giosg.ChatScope, _ bool) error {
			_, err := c.Invitations.Expire(ctx, s, chatID, invitationID)
			return err
		}},
	}
}

// TestScopeTableMatchesEndpoints derives the scope table from
// internal/endpoints/giosg.txt: every scoped operation, on every scope,
// sends its request exactly when the list has the line "METHOD <scope's
// collection><suffix>", and fails with ErrUnsupportedScope without sending
// otherwise; and every line below a scope's collection is some operation on
// some scope.
func TestScopeTableMatchesEndpoints(t *testing.T) {
	endpoints := map[string]testkit.Endpoint{}
	for _, e := range testkit.Endpoints(t, "giosg") {
		endpoints[e.Key()] = e
	}
	reached := map[string]bool{}
	rec := newRecorder(t)
	c := newTestClient(t, rec.URL)
	ctx := context.Background()
	for _, st := range scopeTemplates {
		for _, op := range scopedOperations(t) {
			key := op.method + " " + st.template + op.suffix
			rec.answer(http.StatusNoContent, nil)
			err := op.call(ctx, c, st.scope, strings.HasPrefix(st.template, "/api/v5/orgs/"))
			reqs := rec.requests()
			e, documented := endpoints[key]
			if !documented {
				assert.ErrorIs(t, err, giosg.ErrUnsupportedScope, "%s on %s: %s is not documented", op.name, st.scope, key)
				assert.Empty(t, reqs, "%s on %s sent a request", op.name, st.scope)
				continue
			}
			reached[key] = true
			assert.NotErrorIs(t, err, giosg.ErrUnsupportedScope, "%s on %s: %s is documented", op.name, st.scope, key)
			if assert.Len(t, reqs, 1, "%s on %s", op.name, st.scope) {
				assert.True(t, e.Matches(reqs[0].Method, reqs[0].EscapedPath), "%s on %s sent %s %s, want %s", op.name, st.scope, reqs[0].Method, reqs[0].EscapedPath, key)
			}
		}
	}
	for key, e := range endpoints {
		for _, st := range scopeTemplates {
			if p := e.Path(); (p == st.template || strings.HasPrefix(p, st.template+"/")) && !reached[key] {
				t.Errorf("%s is below %s but no scoped operation reaches it", key, st.scope)
			}
		}
	}
}

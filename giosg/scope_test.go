package giosg_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
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
			_, err := c.Invitations.PatchIncoming(ctx, userID, invitationID, &giosg.InvitationUpdate{IsExpired: giosg.Ptr(true)})
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
	assert.Equal(t, giosg.UserChats("u"), giosg.UserChats("u"), "scopes are comparable values")
}

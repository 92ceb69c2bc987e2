package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

// runGiosg serves a pending chat on the embedded giosgtest fake: list the
// pending chats, join one, greet the visitor with buttons, tag the chat,
// list its messages across pages and end it.
//
// With GIOSG_TOKEN set it runs read-only calls against that organization
// instead (see runGiosgReadOnly).
func runGiosg(ctx context.Context, w io.Writer) error {
	if token := os.Getenv("GIOSG_TOKEN"); token != "" {
		return runGiosgReadOnly(ctx, w, token)
	}

	// Two results per page, so that even a short chat spans several pages.
	srv := giosgtest.NewServer(giosgtest.WithPageSize(2))
	defer srv.Close()
	// A visitor started a chat a minute ago and waits for an answer.
	if _, err := srv.AddChat(giosgtest.ChatSpec{
		Waiting:         true,
		VisitorMessages: []string{"Hi! Do you ship to Finland?"},
		CreatedAt:       time.Now().Add(-time.Minute),
	}); err != nil {
		return err
	}

	fmt.Fprintf(w, "fake giosg server at %s\n", srv.BaseURL)

	c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		return err
	}
	userID := giosgtest.UserID
	pending := giosg.UserPendingChats(userID) // the chats waiting for a user
	mine := giosg.UserChats(userID)           // the chats the user is a member of

	var chat *giosg.Chat
	for ch, err := range c.Chats.List(ctx, pending, nil) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "pending chat %s in %q, waiting since %s\n", ch.ID, ch.RoomName, waitingSince(ch))
		if chat == nil {
			chat = &ch
		}
	}
	if chat == nil {
		return errors.New("no pending chats")
	}

	join := &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle}
	if _, err := c.Memberships.Join(ctx, pending, chat.ID, join); err != nil {
		return err
	}
	fmt.Fprintf(w, "joined chat %s\n", chat.ID)
	// Only one user can take a pending chat: a second join finds it gone.
	if _, err := c.Memberships.Join(ctx, pending, chat.ID, join); errors.Is(err, chatsdk.ErrNotFound) {
		fmt.Fprintln(w, "joining again: 404, the chat is no longer pending")
	}

	msg, err := c.Messages.Send(ctx, mine, chat.ID, &giosg.MessageCreate{
		Message:            "Hello! What can I help you with?",
		AttachmentTemplate: giosg.TemplateGeneric,
		Attachments: []giosg.Attachment{{
			Text: "Choose a topic",
			Actions: []giosg.AttachmentAction{
				{Text: "Shipping", Type: giosg.ActionButton, Value: "shipping", Style: giosg.StylePrimary, IsDisabledOnSelection: true},
				{Text: "Returns", Type: giosg.ActionButton, Value: "returns", IsDisabledOnSelection: true},
				{Text: "Contact us", Type: giosg.ActionLinkButton, Value: "https://www.example.com/contact", LinkTarget: giosg.LinkTargetBlank},
			},
		}},
	})
	if err != nil {
		return err
	}
	buttons := 0
	for _, a := range msg.Attachments {
		buttons += len(a.Actions)
	}
	fmt.Fprintf(w, "sent message %s with %d buttons\n", msg.ID, buttons)

	tag, err := c.Tags.Add(ctx, mine, chat.ID, "Lead")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "tagged %q (new tag: %t)\n", tag.Value.Name, tag.Created)

	fmt.Fprintln(w, "messages, newest first:")
	n := 0
	for m, err := range c.Messages.List(ctx, mine, chat.ID, nil) { // newest first, pages fetched as needed
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(w, "  %-4s %-7s %s\n", m.Type, m.SenderType, text(m.Message))
	}
	pages := srv.RequestCount("GET", "/api/v5/users/<user_id>/chats/<chat_id>/messages")
	fmt.Fprintf(w, "listed %d messages in %d pages\n", n, pages)

	ended, err := c.Chats.End(ctx, mine, chat.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ended chat %s (is_ended=%t)\n", ended.ID, ended.IsEnded)
	return nil
}

// runGiosgReadOnly lists, without changing anything, the pending and open
// chats of GIOSG_USER_ID and the owned chats of GIOSG_ORG_ID (at least one
// of the two is needed), one page each. GIOSG_BASE_URL overrides the
// service URL. The token is a user API token, sent as
// "Authorization: Token ..." (giosg.WithOAuthToken sends an OAuth2 access
// token as Bearer instead).
func runGiosgReadOnly(ctx context.Context, w io.Writer, token string) error {
	userID, orgID := os.Getenv("GIOSG_USER_ID"), os.Getenv("GIOSG_ORG_ID")
	if userID == "" && orgID == "" {
		return errors.New("with GIOSG_TOKEN, set GIOSG_USER_ID and/or GIOSG_ORG_ID")
	}
	var opts []chatsdk.Option
	if u := os.Getenv("GIOSG_BASE_URL"); u != "" {
		opts = append(opts, chatsdk.WithBaseURL(u))
	}
	c, err := giosg.NewClient(token, opts...)
	if err != nil {
		return err
	}
	show := func(title string, scope giosg.ChatScope, params *giosg.ChatListParams) error {
		p, err := c.Chats.ListPage(ctx, scope, params)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: %d on the first page (more: %t)\n", title, len(p.Results), p.Next != "")
		for _, ch := range p.Results {
			fmt.Fprintf(w, "  %s %-8s %q created %s, %d messages\n",
				ch.ID, ch.ChatType, ch.RoomName, ch.CreatedAt.Format("2006-01-02 15:04"), ch.MessageCount)
		}
		return nil
	}
	if userID != "" {
		if err := show("pending chats", giosg.UserPendingChats(userID), nil); err != nil {
			return err
		}
		if err := show("open chats of the user", giosg.UserChats(userID), &giosg.ChatListParams{IsEnded: chatsdk.Ptr(false)}); err != nil {
			return err
		}
	}
	if orgID != "" {
		if err := show("owned chats", giosg.OrgOwnedChats(orgID), &giosg.ChatListParams{Ordering: giosg.OrderCreatedDesc}); err != nil {
			return err
		}
	}
	return nil
}

// waitingSince shows when a chat started waiting for an answer.
func waitingSince(ch giosg.Chat) string {
	if ch.WaitingStartedAt == nil {
		return "-"
	}
	return ch.WaitingStartedAt.Format("2006-01-02 15:04")
}

// text shows a message text that may be null.
func text(s *string) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprintf("%q", *s)
}

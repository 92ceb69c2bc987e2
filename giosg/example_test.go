package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

// Serve pending chats: join each, greet the visitor with buttons, tag the
// chat. The in-memory giosgtest server stands in for giosg here; against
// the real service, pass your API token, and your user's ID as userID.
func Example() {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples())
	defer srv.Close()
	first := srv.AddPendingChat("Hello?")
	second := srv.AddPendingChat("Is anyone there?")

	ctx := context.Background()
	c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	userID := giosgtest.UserID
	pending := giosg.UserPendingChats(userID)
	served := 0
	for chat, err := range c.Chats.List(ctx, pending, nil) {
		if err != nil {
			log.Fatal(err)
		}
		_, err := c.Memberships.Join(ctx, pending, chat.ID, &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle})
		if errors.Is(err, chatsdk.ErrNotFound) {
			continue // another user took the chat first
		} else if err != nil {
			log.Fatal(err)
		}
		_, err = c.Messages.Send(ctx, giosg.UserChats(userID), chat.ID, &giosg.MessageCreate{
			Message:            "Do you want help?",
			AttachmentTemplate: giosg.TemplateGeneric,
			Attachments: []giosg.Attachment{{
				Text: "Was this conversation helpful?",
				Actions: []giosg.AttachmentAction{
					{Text: "Yes", Type: giosg.ActionButton, Value: "yes", Style: giosg.StyleSuccess, IsDisabledOnSelection: true},
					{Text: "No", Type: giosg.ActionButton, Value: "no", Style: giosg.StyleDanger, IsDisabledOnSelection: true},
				},
			}},
		})
		if errors.Is(err, chatsdk.ErrMayHaveBeenApplied) {
			log.Printf("chat %s: the message may have been sent; not sending it again", chat.ID)
		} else if err != nil {
			log.Fatal(err)
		}
		if _, err := c.Tags.Add(ctx, giosg.UserChats(userID), chat.ID, "Served by bot"); err != nil {
			log.Fatal(err)
		}
		served++
	}
	fmt.Println("served:", served)
	for _, id := range []string{first, second} {
		fmt.Println(srv.IsPending(id), srv.MessageTexts(id), srv.Tags(id))
	}
	// Output:
	// served: 2
	// false [Hello? Do you want help?] [Served by bot]
	// false [Is anyone there? Do you want help?] [Served by bot]
}

// List open chats of an organization page by page, keeping the cursor.
func ExampleChatsService_ListPage() {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples(), giosgtest.WithPageSize(3))
	defer srv.Close()
	srv.SeedChats(7)

	ctx := context.Background()
	c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	params := &giosg.ChatListParams{IsEnded: chatsdk.Ptr(false), Ordering: giosg.OrderCreatedDesc}
	for n := 1; ; n++ {
		page, err := c.Chats.ListPage(ctx, giosg.OrgRoutedChats(giosgtest.OrgID), params)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("page", n, "chats:", len(page.Results), "more:", page.Next != "")
		if page.Next == "" {
			break
		}
		params.PageURL = page.Next // save it to resume later
	}
	// Output:
	// page 1 chats: 3 more: true
	// page 2 chats: 3 more: true
	// page 3 chats: 1 more: false
}

// Tell an existing tag from a new one.
func ExampleTagsService_Add() {
	srv := giosgtest.NewServer()
	defer srv.Close()

	ctx := context.Background()
	c, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	for range 2 {
		res, err := c.Tags.Add(ctx, giosg.OrgOwnedChats(giosgtest.OrgID), giosgtest.ChatID, "Support")
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(res.Value.Name, "created:", res.Created)
	}
	// Output:
	// Support created: true
	// Support created: false
}

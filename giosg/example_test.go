package giosg_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// Serve pending chats: join each, greet the visitor with buttons, tag the
// chat.
func Example() {
	ctx := context.Background()
	c, err := giosg.NewClient(os.Getenv("GIOSG_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	userID := os.Getenv("GIOSG_USER_ID")
	pending := giosg.UserPendingChats(userID)
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
	}
}

// List open chats of an organization page by page, keeping the cursor.
func ExampleChatsService_ListPage() {
	ctx := context.Background()
	c, err := giosg.NewClient(os.Getenv("GIOSG_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	params := &giosg.ChatListParams{IsEnded: giosg.Ptr(false), Ordering: giosg.OrderCreatedDesc}
	for {
		page, err := c.Chats.ListPage(ctx, giosg.OrgRoutedChats(os.Getenv("GIOSG_ORG_ID")), params)
		if err != nil {
			log.Fatal(err)
		}
		for _, chat := range page.Results {
			fmt.Println(chat.ID, chat.RoomName)
		}
		if page.Next == "" {
			break
		}
		params.PageURL = page.Next // save it to resume later
	}
}

// Tell an existing tag from a new one.
func ExampleTagsService_Add() {
	ctx := context.Background()
	c, err := giosg.NewClient(os.Getenv("GIOSG_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := c.Tags.Add(ctx, giosg.OrgOwnedChats(os.Getenv("GIOSG_ORG_ID")), os.Getenv("GIOSG_CHAT_ID"), "Lead")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Value.Name, "created:", res.Created)
}

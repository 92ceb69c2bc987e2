package giosgtest_test

import (
	"context"
	"fmt"
	"log"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
)

// Serve a pending chat against the fake: list the user's pending chats,
// join the first, answer it, tag it and end it.
func ExampleNewServer() {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples())
	defer srv.Close()
	chatID := srv.AddPendingChat("Hi, can you help me?")

	client, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for chat, err := range client.Chats.List(ctx, giosg.UserPendingChats(giosgtest.UserID), nil) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("pending:", chat.ID == chatID, chat.VisitorMessageCount)
		if _, err := client.Memberships.Join(ctx, giosg.UserPendingChats(giosgtest.UserID), chat.ID,
			&giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle}); err != nil {
			log.Fatal(err)
		}
	}
	mine := giosg.UserChats(giosgtest.UserID)
	if _, err := client.Messages.Send(ctx, mine, chatID, &giosg.MessageCreate{Message: "Of course!"}); err != nil {
		log.Fatal(err)
	}
	tag, err := client.Tags.Add(ctx, mine, chatID, "Support")
	if err != nil {
		log.Fatal(err)
	}
	ended, err := client.Chats.End(ctx, mine, chatID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("tag created:", tag.Created)
	fmt.Println("still pending:", srv.IsPending(chatID))
	fmt.Println("ended:", ended.IsEnded)
	fmt.Println(srv.MessageTexts(chatID))
	// Output:
	// pending: true 1
	// tag created: true
	// still pending: false
	// ended: true
	// [Hi, can you help me? Of course!]
}

// Seed many chats to test code that pages through lists.
func ExampleServer_SeedChats() {
	srv := giosgtest.NewServer(giosgtest.WithoutExamples(), giosgtest.WithPageSize(10))
	defer srv.Close()
	srv.SeedChats(95)

	client, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	n := 0
	for _, err := range client.Chats.List(context.Background(), giosg.OrgOwnedChats(giosgtest.OrgID), nil) {
		if err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Println(n, "chats in", srv.RequestCount("GET", "/api/v5/orgs/<organization_id>/owned_chats"), "pages")
	// Output: 95 chats in 10 pages
}

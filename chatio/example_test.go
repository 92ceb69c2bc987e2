package chatio_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/chatiotest"
)

func Example() {
	ctx := context.Background()
	srv := chatiotest.NewServer() // the real API: chatio.NewClient(token)
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}

	bot, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
		Name:   "Support bot",
		Status: chatio.StatusAcceptingChats,
		Groups: []chatio.Group{{ID: 0, Priority: chatio.PriorityFirst}},
	})
	if err != nil {
		log.Fatal(err)
	}
	details, err := c.BotAgents.Get(ctx, bot.BotAgentID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(details.Name, "|", details.Status, "|", details.MaxChatsCount, "chats at most")

	if err := c.BotAgents.Remove(ctx, bot.BotAgentID); err != nil {
		log.Fatal(err)
	}
	_, err = c.BotAgents.Get(ctx, bot.BotAgentID)
	fmt.Println("after remove, not found:", errors.Is(err, chatsdk.ErrNotFound))
	// Output:
	// Support bot | accepting chats | 6 chats at most
	// after remove, not found: true
}

func ExampleWebhooksService_Register() {
	ctx := context.Background()
	srv := chatiotest.NewServer()
	defer srv.Close()
	c, err := chatio.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
		URL:         "https://bot.example.com/chatio",
		Description: "closed Facebook chats",
		Action:      chatio.ActionThreadClosed,
		SecretKey:   "a long random secret",
		Filters: chatio.NewFilters(
			chatio.ChatProperty("source", "type").Values("facebook"),
			chatio.ChatProperty("rating", "comment").Exists(true),
		),
	})
	if err != nil {
		log.Fatal(err)
	}
	hooks, err := c.Webhooks.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range hooks {
		fmt.Println(h.Action, h.URL, h.Filters.ChatProperties["source"]["type"].Values)
	}
	// Output:
	// thread_closed https://bot.example.com/chatio [facebook]
}

func ExampleNewFilters() {
	f := chatio.NewFilters(
		chatio.ChatProperty("source", "type").Values("facebook", "twitter"),
		chatio.EventProperty("bot", "score").ExcludeValues(0),
		chatio.ChatMembers("johndoe@mail.com"),
	)
	fmt.Println(f.Validate())

	bad := chatio.NewFilters(chatio.ThreadProperty("routing", "status").Values("a", 1))
	fmt.Println(bad.Validate())
	// Output:
	// <nil>
	// invalid parameters: thread_properties.routing.status.values[1]: int among string values (all values must have one type)
}

func Example_paramError() {
	c, err := chatio.NewClient("token")
	if err != nil {
		log.Fatal(err)
	}
	// Refused before anything is sent.
	_, err = c.BotAgents.Create(context.Background(), &chatio.CreateBotAgentParams{Name: "bot", Status: "online"})
	fmt.Println(err)
	fmt.Println(errors.Is(err, chatio.ErrInvalidParams))
	// Output:
	// chatio.BotAgents.Create: invalid parameters: status: unknown status "online" (want "accepting chats", "not accepting chats" or "offline")
	// true
}

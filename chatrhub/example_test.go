package chatrhub_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
)

func ExampleNewClient() {
	c, err := chatrhub.NewClient(os.Getenv("CHATRHUB_TOKEN"),
		chatsdk.WithBaseURL("https://chatrhub.example.com/api/v1"),
		chatsdk.WithMaxRetries(5),
	)
	if err != nil {
		log.Fatal(err)
	}
	agent, err := c.Agents.Get(context.Background(), 4)
	if errors.Is(err, chatsdk.ErrNotFound) {
		log.Fatal("no agent 4")
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(agent.ID, agent.FullName, agent.AuthorizationLevel == chatrhub.LevelAdmin)
}

func ExampleChatsService_List() {
	c, _ := chatrhub.NewClient(os.Getenv("CHATRHUB_TOKEN"))
	to := time.Now()
	chats, err := c.Chats.List(context.Background(), &chatrhub.ListChatsParams{
		StartDate: to.AddDate(0, 0, -7), // sent as epoch milliseconds
		EndDate:   to,
		Rating:    chatrhub.RatingPoor,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, chat := range chats {
		fmt.Println(chat.ID, chat.Tag, bool(chat.IsEnded))
	}
}

func ExampleTasksService_All() {
	c, _ := chatrhub.NewClient(os.Getenv("CHATRHUB_TOKEN"))
	ctx := context.Background()
	open := &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, IsResolved: false}
	for task, err := range c.Tasks.All(ctx, open) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(task.ID, task.NodeName, task.Variables["city"])
	}
}

func ExampleAgentGroupsService_Get() {
	c, _ := chatrhub.NewClient(os.Getenv("CHATRHUB_TOKEN"))
	link, err := c.AgentGroups.Get(context.Background(), 1, 10204)
	switch {
	case errors.Is(err, chatrhub.ErrNotAssigned):
		fmt.Println("agent 1 is not in group 10204")
	case err != nil:
		log.Fatal(err)
	default:
		fmt.Println("assigned:", bool(link.IsAssigned))
	}
}

func ExampleGroupsService_Add() {
	c, _ := chatrhub.NewClient(os.Getenv("CHATRHUB_TOKEN"))
	group, err := c.Groups.Add(context.Background(), &chatrhub.GroupParams{
		GroupName:           "Minneapolis callers",
		VisitorPhoneMatches: chatrhub.StringList{"612-555-0100"}, // sent as "[\"612-555-0100\"]"
	})
	if errors.Is(err, chatsdk.ErrMayHaveBeenApplied) {
		log.Fatal("the group may exist: list groups before adding it again")
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(group.ID, group.GroupName)
}

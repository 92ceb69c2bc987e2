package chatrhub_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// newFake starts the in-memory ChatrHub, seeded with the documented
// examples, and a client for it. Against the real API, pass your API key and
// chatsdk.WithBaseURL("https://<your host>/api/v1") instead.
func newFake() (*chatrhubtest.Server, *chatrhub.Client) {
	srv := chatrhubtest.NewServer()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

func ExampleNewClient() {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, // your API key
		chatsdk.WithBaseURL(srv.BaseURL), // your ChatrHub's https://<host>/api/v1
		chatsdk.WithMaxRetries(5),
	)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	agent, err := c.Agents.Get(ctx, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(agent.ID, agent.FullName, agent.AuthorizationLevel == chatrhub.LevelSupervisor)

	_, err = c.Agents.Get(ctx, 99)
	fmt.Println("agent 99 not found:", errors.Is(err, chatsdk.ErrNotFound))
	// Output:
	// 2 John Smith true
	// agent 99 not found: true
}

func ExampleChatsService_List() {
	srv, c := newFake()
	defer srv.Close()
	june := time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC)
	chats, err := c.Chats.List(context.Background(), &chatrhub.ListChatsParams{
		StartDate: june,                                         // sent as epoch milliseconds
		EndDate:   june.AddDate(0, 1, 0).Add(-time.Millisecond), // the last millisecond of June, included
		Rating:    chatrhub.RatingGreat,
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, chat := range chats {
		fmt.Println(chat.ID, chat.Tag, bool(chat.IsEnded), chat.OverallRating)
	}
	// Output:
	// 1 billing true 3
	// 3 sales-lead true 3
}

func ExampleTasksService_List() {
	srv, c := newFake()
	defer srv.Close()
	open := &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, IsResolved: false}
	n, shown := 0, 0
	for task, err := range c.Tasks.List(context.Background(), open) { // fetches page after page
		if err != nil {
			log.Fatal(err)
		}
		n++
		if order, ok := task.Variables["order"]; ok && shown < 3 {
			fmt.Println(task.ID, task.NodeName, order)
			shown++
		}
	}
	fmt.Println("open operational tasks:", n)
	// Output:
	// 5 Request Quote A-1005
	// 7 Update Address A-1007
	// 10 Cancel Order A-1010
	// open operational tasks: 13
}

func ExampleAgentGroupsService_Get() {
	srv, c := newFake()
	defer srv.Close()
	for _, groupID := range []int64{10204, 10245} {
		a, err := c.AgentGroups.Get(context.Background(), 1, groupID)
		if err != nil {
			log.Fatal(err) // a 404 (chatsdk.ErrNotFound) or another failure
		}
		fmt.Println("agent 1 in group", groupID, "assigned:", a.Assigned)
	}
	// Output:
	// agent 1 in group 10204 assigned: false
	// agent 1 in group 10245 assigned: true
}

func ExampleGroupsService_Add() {
	srv, c := newFake()
	defer srv.Close()
	group, err := c.Groups.Add(context.Background(), &chatrhub.GroupParams{
		GroupName:           "Minneapolis callers",
		VisitorPhoneMatches: chatsdk.Ptr(chatrhub.StringList{"612-555-0100"}), // sent as "[\"612-555-0100\"]"
	})
	if errors.Is(err, chatsdk.ErrMayHaveBeenApplied) {
		log.Fatal("the group may exist: list groups before adding it again")
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(group.ID, group.GroupName, group.VisitorPhoneMatches)
	// Output:
	// 10246 Minneapolis callers [612-555-0100]
}

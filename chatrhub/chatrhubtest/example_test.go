package chatrhubtest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

func ExampleNewServer() {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()

	agent, err := c.Agents.Invite(ctx, &chatrhub.InviteAgentParams{
		FullName: "Ada Lovelace", Email: "ada@example.com", AuthorizationLevel: chatrhub.LevelAgent,
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("invited agent #%d %s\n", agent.ID, agent.FullName)

	_, err = c.Agents.Get(ctx, 99)
	fmt.Println("agent 99 not found:", errors.Is(err, chatsdk.ErrNotFound))
	// Output:
	// invited agent #5 Ada Lovelace
	// agent 99 not found: true
}

func ExampleServer_AddChat() {
	srv := chatrhubtest.NewServer(chatrhubtest.WithoutExamples())
	defer srv.Close()
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	srv.AddChat(chatrhub.Chat{Tag: "vip", OverallRating: 3, Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: at}}})
	// OverallRating 0 is "not rated": counted in total_chats only.
	srv.AddChat(chatrhub.Chat{Tag: "vip", Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: at.Add(time.Hour)}}})

	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		panic(err)
	}
	report, err := c.Chats.Report(context.Background(), &chatrhub.ChatReportParams{StartDate: at, EndDate: at})
	if err != nil {
		panic(err)
	}
	fmt.Println("chats:", report.TotalChats, "rated:", report.TotalRatings, "great:", report.GreatChatsCount)
	// Output:
	// chats: 2 rated: 1 great: 1
}

func ExampleWithPageSize() {
	srv := chatrhubtest.NewServer(chatrhubtest.WithPageSize(2))
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		panic(err)
	}
	n := 0
	for _, err := range c.Tasks.List(context.Background(), &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}) {
		if err != nil {
			panic(err)
		}
		n++
	}
	fmt.Println("open operational tasks:", n, "requests:", len(srv.Requests()))
	// Output:
	// open operational tasks: 13 requests: 8
}

func ExampleServer_FailNext() {
	srv := chatrhubtest.NewServer()
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithRetryWaitMin(time.Millisecond))
	if err != nil {
		panic(err)
	}
	srv.FailNext(chatrhubtest.Failure{Status: 503, Times: 2})
	groups, err := c.Groups.List(context.Background())
	fmt.Println(len(groups), err, len(srv.Requests()))
	// Output:
	// 2 <nil> 3
}

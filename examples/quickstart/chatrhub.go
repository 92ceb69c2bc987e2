package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// runChatrHub runs the ChatrHub flow. With CHATRHUB_TOKEN set it makes
// read-only calls to CHATRHUB_BASE_URL (default chatrhub.DefaultBaseURL);
// otherwise it starts the fake server in-process and walks through a
// realistic session that changes the fake's state.
func runChatrHub(ctx context.Context, w io.Writer) error {
	if token := os.Getenv("CHATRHUB_TOKEN"); token != "" {
		baseURL := os.Getenv("CHATRHUB_BASE_URL")
		if baseURL == "" {
			baseURL = chatrhub.DefaultBaseURL
		}
		c, err := chatrhub.NewClient(token, chatsdk.WithBaseURL(baseURL))
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "read-only calls to %s\n", baseURL)
		return chatrhubReadOnly(ctx, w, c)
	}

	srv := chatrhubtest.NewServer(chatrhubtest.WithPageSize(5))
	defer srv.Close()
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "fake ChatrHub server at %s\n", srv.BaseURL)
	return chatrhubFlow(ctx, w, c)
}

// chatrhubFlow is a day in the life of a ChatrHub admin, against the
// seeded fake (whose chats date from June and July 2018).
func chatrhubFlow(ctx context.Context, w io.Writer, c *chatrhub.Client) error {
	if err := listAgents(ctx, w, c); err != nil {
		return err
	}

	ada, err := c.Agents.Invite(ctx, &chatrhub.InviteAgentParams{
		FullName: "Ada Lovelace", Email: "ada@example.com", AuthorizationLevel: chatrhub.LevelSupervisor,
		IsAssignOperationalTasks: true,
	})
	if err != nil {
		return fmt.Errorf("invite agent: %w", err)
	}
	fmt.Fprintf(w, "invited agent #%d %s <%s> (%s)\n", ada.ID, ada.FullName, ada.Email, levelName(ada.AuthorizationLevel))

	group, err := c.Groups.Add(ctx, &chatrhub.GroupParams{
		GroupName:           "Enterprise",
		VisitorPhoneMatches: chatsdk.Ptr(chatrhub.StringList{"312-555-9323"}),
	})
	if err != nil {
		return fmt.Errorf("add group: %w", err)
	}
	fmt.Fprintf(w, "added group #%d %q (routes phone %s)\n", group.ID, group.GroupName, strings.Join(group.VisitorPhoneMatches, ", "))

	if _, err := c.AgentGroups.Assign(ctx, ada.ID, &chatrhub.AssignAgentParams{GroupID: group.ID, IsAssigned: true}); err != nil {
		return fmt.Errorf("assign agent: %w", err)
	}
	memberships, err := c.AgentGroups.List(ctx, ada.ID)
	if err != nil {
		return fmt.Errorf("list groups by agent: %w", err)
	}
	var names []string
	for _, m := range memberships {
		if m.IsAssigned && m.Group != nil {
			names = append(names, m.Group.GroupName)
		}
	}
	fmt.Fprintf(w, "assigned %s to %s\n", ada.FullName, strings.Join(names, ", "))

	// June 2018, whole UTC days: List takes instants (both ends included),
	// Report takes dates and covers EndDate's day whole, so both get the
	// same range.
	from, to := date(2018, 6, 1), date(2018, 7, 1).Add(-time.Millisecond)
	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: from, EndDate: to})
	if err != nil {
		return fmt.Errorf("list chats: %w", err)
	}
	fmt.Fprintf(w, "%d chats in June 2018:\n", len(chats))
	for _, ch := range chats {
		fmt.Fprintf(w, "  %s\n", describeChat(ch))
	}

	if len(chats) > 0 {
		tagged, err := c.Chats.UpdateTag(ctx, chats[0].ID, &chatrhub.UpdateChatTagParams{Tag: "follow-up"})
		if err != nil {
			return fmt.Errorf("tag chat: %w", err)
		}
		fmt.Fprintf(w, "tagged chat #%d %q\n", tagged.ID, tagged.Tag)
	}

	if err := report(ctx, w, c, from, to); err != nil {
		return err
	}
	if err := walkTasks(ctx, w, c); err != nil {
		return err
	}

	visitor, err := c.Visitors.Add(ctx, &chatrhub.VisitorParams{
		CompanyName: chatsdk.Ptr("Analytical Engines Ltd"),
		Email:       chatsdk.Ptr("orders@engines.example"),
	})
	if err != nil {
		return fmt.Errorf("add visitor: %w", err)
	}
	fmt.Fprintf(w, "added visitor #%d from %s (username %s)\n", visitor.ID, visitor.CompanyName, visitor.XMPPUsername)
	visitor, err = c.Visitors.Edit(ctx, visitor.ID, &chatrhub.VisitorParams{
		Name: chatsdk.Ptr("Charles Babbage"), City: chatsdk.Ptr("London"), Phone: chatsdk.Ptr("+44 20 7946 0000"),
	})
	if err != nil {
		return fmt.Errorf("edit visitor: %w", err)
	}
	fmt.Fprintf(w, "edited visitor #%d: %s, %s, phone %s\n", visitor.ID, visitor.Name, visitor.City, visitor.Phone)

	if _, err := c.Agents.Get(ctx, 999); errors.Is(err, chatsdk.ErrNotFound) {
		fmt.Fprintln(w, "agent #999: not found, as expected")
	} else {
		return fmt.Errorf("get agent #999: want not found, got %w", err)
	}
	return nil
}

// chatrhubReadOnly makes only reads, for a real account.
func chatrhubReadOnly(ctx context.Context, w io.Writer, c *chatrhub.Client) error {
	if err := listAgents(ctx, w, c); err != nil {
		return err
	}
	groups, err := c.Groups.List(ctx)
	if err != nil {
		return fmt.Errorf("list groups: %w", err)
	}
	fmt.Fprintf(w, "%d groups\n", len(groups))
	now := time.Now()
	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: now.AddDate(0, 0, -30), EndDate: now})
	if err != nil {
		return fmt.Errorf("list chats: %w", err)
	}
	fmt.Fprintf(w, "%d chats in the last 30 days\n", len(chats))
	if err := report(ctx, w, c, now.AddDate(0, 0, -30), now); err != nil {
		return err
	}
	n := 0
	for _, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}) {
		if err != nil {
			return fmt.Errorf("list tasks: %w", err)
		}
		if n++; n == 100 {
			break
		}
	}
	if n == 100 {
		fmt.Fprintln(w, "100+ open operational tasks (stopped walking at 100)")
	} else {
		fmt.Fprintf(w, "%d open operational tasks\n", n)
	}
	return nil
}

func listAgents(ctx context.Context, w io.Writer, c *chatrhub.Client) error {
	agents, err := c.Agents.List(ctx, nil)
	if err != nil {
		return fmt.Errorf("list agents: %w", err)
	}
	fmt.Fprintf(w, "%d agents:\n", len(agents))
	for _, a := range agents {
		kind := levelName(a.AuthorizationLevel)
		if a.IsBot {
			kind += ", bot"
		}
		fmt.Fprintf(w, "  #%d %s (%s)\n", a.ID, a.FullName, kind)
	}
	return nil
}

func report(ctx context.Context, w io.Writer, c *chatrhub.Client, from, to time.Time) error {
	r, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: from, EndDate: to})
	if err != nil {
		return fmt.Errorf("chat report: %w", err)
	}
	fmt.Fprintf(w, "report %s..%s: %d chats, %d missed, %d rated (%d great, %d ok, %d poor), average rating %.1f%%\n",
		from.Format(time.DateOnly), to.Format(time.DateOnly), r.TotalChats, r.MissedChats, r.TotalRatings,
		r.GreatChatsCount, r.OkChatsCount, r.PoorChatsCount, r.AverageRating)
	return nil
}

// walkTasks pages through every task: the API lists one task type and one
// resolved state at a time.
func walkTasks(ctx context.Context, w io.Writer, c *chatrhub.Client) error {
	total := 0
	var parts []string
	for _, taskType := range []chatrhub.TaskType{chatrhub.TaskOperational, chatrhub.TaskMachineLearning} {
		for _, resolved := range []bool{false, true} {
			n := 0
			for _, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: taskType, IsResolved: resolved}) {
				if err != nil {
					return fmt.Errorf("list tasks: %w", err)
				}
				n++
			}
			state := "open"
			if resolved {
				state = "resolved"
			}
			parts = append(parts, fmt.Sprintf("%d %s %s", n, state, taskType))
			total += n
		}
	}
	fmt.Fprintf(w, "walked %d tasks page by page: %s\n", total, strings.Join(parts, ", "))
	return nil
}

func describeChat(ch chatrhub.Chat) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s", ch.ID, ch.CreateDt.UTC().Format("2006-01-02 15:04"))
	if ch.Agent != nil {
		fmt.Fprintf(&b, " %s", ch.Agent.FullName)
	}
	if ch.Visitor != nil {
		fmt.Fprintf(&b, " with %s", ch.Visitor.Name)
	}
	switch {
	case bool(ch.IsMissed):
		b.WriteString(", missed")
	case ch.OverallRating > 0:
		fmt.Fprintf(&b, ", rated %d/3", ch.OverallRating)
	}
	if ch.Tag != "" {
		fmt.Fprintf(&b, ", tag %q", ch.Tag)
	}
	return b.String()
}

func levelName(l chatrhub.AuthorizationLevel) string {
	switch l {
	case chatrhub.LevelAdmin:
		return "admin"
	case chatrhub.LevelSupervisor:
		return "supervisor"
	case chatrhub.LevelAgent:
		return "agent"
	}
	return fmt.Sprintf("level %d", l)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

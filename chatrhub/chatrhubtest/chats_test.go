package chatrhubtest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

func chatIDs(chats []chatrhub.Chat) []int64 {
	ids := make([]int64, len(chats))
	for i, c := range chats {
		ids[i] = c.ID
	}
	return ids
}

func TestListChatsFiltersByDateRange(t *testing.T) {
	_, c := setup(t)
	all, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 8, 1)})
	require.NoError(t, err)
	assert.Len(t, all, 12)

	// Both ends are included, to the millisecond.
	chat2 := time.Date(2018, 6, 21, 1, 50, 49, 0, time.UTC)
	one, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: chat2, EndDate: chat2})
	require.NoError(t, err)
	assert.Equal(t, []int64{2}, chatIDs(one))
	none, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: chat2.Add(time.Millisecond), EndDate: chat2.Add(time.Hour)})
	require.NoError(t, err)
	assert.Empty(t, none)

	june, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 7, 1)})
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6, 7}, chatIDs(june))
}

func TestListChatsFilters(t *testing.T) {
	_, c := setup(t)
	base := chatrhub.ListChatsParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 8, 1)}
	for name, tc := range map[string]struct {
		mod  func(p *chatrhub.ListChatsParams)
		want []int64
	}{
		"agent":    {func(p *chatrhub.ListChatsParams) { p.AgentID = 4 }, []int64{2, 7}},
		"visitor":  {func(p *chatrhub.ListChatsParams) { p.VisitorID = 2 }, []int64{1, 2, 9}},
		"group":    {func(p *chatrhub.ListChatsParams) { p.GroupID = 10245 }, []int64{1, 5, 8, 11}},
		"tag":      {func(p *chatrhub.ListChatsParams) { p.Tag = "billing" }, []int64{1, 12}},
		"great":    {func(p *chatrhub.ListChatsParams) { p.Rating = chatrhub.RatingGreat }, []int64{1, 3, 8, 12}},
		"ok":       {func(p *chatrhub.ListChatsParams) { p.Rating = chatrhub.RatingOK }, []int64{5, 10}},
		"poor":     {func(p *chatrhub.ListChatsParams) { p.Rating = chatrhub.RatingPoor }, []int64{6}},
		"missed":   {func(p *chatrhub.ListChatsParams) { p.Missed = chatrhub.MissedChats }, []int64{4, 9}},
		"serviced": {func(p *chatrhub.ListChatsParams) { p.Missed = chatrhub.ServicedChats }, []int64{1, 2, 3, 5, 6, 7, 8, 10, 11, 12}},
		"combined": {func(p *chatrhub.ListChatsParams) { p.GroupID = 10204; p.Rating = chatrhub.RatingGreat }, []int64{3, 12}},
	} {
		t.Run(name, func(t *testing.T) {
			p := base
			tc.mod(&p)
			chats, err := c.Chats.List(ctx, &p)
			require.NoError(t, err)
			assert.Equal(t, tc.want, chatIDs(chats))
		})
	}
}

func TestListChatsRequiresTheDates(t *testing.T) {
	srv, _ := setup(t)
	for query, detail := range map[string]string{
		"":                                   "query parameter start_date is required",
		"?start_date=1529083167000":          "query parameter end_date is required",
		"?end_date=1534353567000":            "query parameter start_date is required",
		"?start_date=2018-06-01&end_date=1":  `query parameter start_date must be an integer, got "2018-06-01"`,
		"?start_date=1&end_date=2&rating=x":  "query parameter rating must be poor_chats, ok_chats or great_chats",
		"?start_date=1&end_date=2&missed=x":  "query parameter missed must be missed_chats or serviced_chats",
		"?start_date=1&end_date=2&agent_id=": "",
	} {
		r := raw(t, srv, http.MethodGet, "/chats.json"+query, "")
		if detail == "" {
			assert.Equal(t, http.StatusOK, r.status, query)
			continue
		}
		assert.Equal(t, http.StatusBadRequest, r.status, query)
		assert.Equal(t, detail, r.detail(), query)
	}
	// The documented example.
	r := raw(t, srv, http.MethodGet, "/chats.json?start_date=1529083167000&end_date=1534353567000", "")
	assert.Equal(t, http.StatusOK, r.status)
	assert.Len(t, r.body["data"], 12)
}

func TestGetChatNestsItsObjects(t *testing.T) {
	_, c := setup(t)
	ch, err := c.Chats.Get(ctx, 2)
	require.NoError(t, err)
	assert.Equal(t, "chats", ch.Type)
	assert.Equal(t, chatrhub.Int(4), ch.AgentID)
	assert.True(t, bool(ch.IsBeatOut))
	assert.True(t, bool(ch.IsEnded))
	assert.False(t, bool(ch.IsBillable))
	require.NotNil(t, ch.Agent)
	assert.Equal(t, "5b2aaeb29fb5ba6af2e3ae2e", ch.Agent.Username)
	require.NotNil(t, ch.Visitor)
	assert.Equal(t, "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr", ch.Visitor.XMPPUsername)
	assert.Nil(t, ch.Group, "chat 2 has no group")
	assert.Nil(t, ch.AverageRating)

	ch1, err := c.Chats.Get(ctx, 1)
	require.NoError(t, err)
	require.NotNil(t, ch1.Group)
	assert.Equal(t, "Support", ch1.Group.GroupName)
	require.NotNil(t, ch1.AverageRating)
	assert.Equal(t, 87.0, *ch1.AverageRating)

	_, err = c.Chats.Get(ctx, 999)
	_ = requireStatus(t, err, http.StatusNotFound)
}

func TestUpdateChatTag(t *testing.T) {
	srv, c := setup(t)
	ch, err := c.Chats.UpdateTag(ctx, 2, &chatrhub.UpdateChatTagParams{Tag: "New Tag"})
	require.NoError(t, err)
	assert.Equal(t, "New Tag", ch.Tag)
	got, err := c.Chats.Get(ctx, 2)
	require.NoError(t, err)
	assert.Equal(t, "New Tag", got.Tag)
	tagged, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: day(2018, 6, 1), EndDate: day(2018, 8, 1), Tag: "New Tag"})
	require.NoError(t, err)
	assert.Equal(t, []int64{2}, chatIDs(tagged))

	// The curl example's path works too.
	r := raw(t, srv, http.MethodPatch, "/chat/1.json", `{"data": {"type": "chats", "attributes": {"tag": "Other"}}}`)
	require.Equal(t, http.StatusOK, r.status, r.text)
	got, err = c.Chats.Get(ctx, 1)
	require.NoError(t, err)
	assert.Equal(t, "Other", got.Tag)

	r = raw(t, srv, http.MethodPatch, "/chats/1.json", `{"data": {"type": "chats", "attributes": {}}}`)
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Equal(t, "attribute tag is required", r.detail())

	_, err = c.Chats.UpdateTag(ctx, 999, &chatrhub.UpdateChatTagParams{Tag: "x"})
	_ = requireStatus(t, err, http.StatusNotFound)
}

func TestChatReport(t *testing.T) {
	srv, c := setup(t)
	// The documented range holds every seeded chat.
	r, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2018, 1, 1), EndDate: day(2018, 12, 1)})
	require.NoError(t, err)
	assert.Equal(t, "report", r.Type)
	assert.Equal(t, chatrhub.Int(12), r.TotalChats)
	assert.Equal(t, chatrhub.Int(2), r.MissedChats)
	assert.Equal(t, chatrhub.Int(7), r.TotalRatings)
	assert.Equal(t, chatrhub.Int(4), r.GreatChatsCount)
	assert.Equal(t, chatrhub.Int(2), r.OkChatsCount)
	assert.Equal(t, chatrhub.Int(1), r.PoorChatsCount)

	// One chat rated 3, 3, 3, 2 gives the documented 87 average.
	one, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2018, 6, 22), EndDate: day(2018, 6, 22), AgentID: 1})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(1), one.TotalChats)
	assert.Equal(t, 87.0, one.AverageRating)
	assert.Equal(t, 3.0, one.OverallRating)
	assert.Equal(t, 2.0, one.KnowledgeRating)
	require.NotNil(t, one.AverageDuration)
	assert.Equal(t, 420.0, *one.AverageDuration)

	// Group filter, and a report that follows state changes.
	sales, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2018, 1, 1), EndDate: day(2018, 12, 31), GroupID: 10204})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(6), sales.TotalChats)
	srv.AddChat(chatrhub.Chat{GroupID: 10204, IsMissed: true, Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: time.Date(2018, 12, 31, 23, 59, 0, 0, time.UTC)}}})
	sales, err = c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2018, 1, 1), EndDate: day(2018, 12, 31), GroupID: 10204})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(7), sales.TotalChats, "the end date is a whole day")
	assert.Equal(t, chatrhub.Int(3), sales.MissedChats)

	// Nothing in range: zero counts and null averages.
	empty := raw(t, srv, http.MethodGet, "/chats/report.json?start_date=2017-01-01&end_date=2017-12-31", "")
	require.Equal(t, http.StatusOK, empty.status)
	attrs := empty.body["data"].(map[string]any)["attributes"].(map[string]any)
	assert.Equal(t, float64(0), attrs["total_chats"])
	assert.Nil(t, attrs["average_rating"])

	// The HTTP section's path serves the same report.
	alt := raw(t, srv, http.MethodGet, "/agents/report.json?start_date=2018-01-01&end_date=2018-12-01", "")
	require.Equal(t, http.StatusOK, alt.status)
	assert.Equal(t, float64(12), alt.body["data"].(map[string]any)["attributes"].(map[string]any)["total_chats"])

	for query, detail := range map[string]string{
		"":                       "query parameter start_date is required",
		"?start_date=2018-01-01": "query parameter end_date is required",
		"?start_date=1514764800000&end_date=2018-1-1": `query parameter start_date must be a date YYYY-MM-DD, got "1514764800000"`,
		"?start_date=2018-02-01&end_date=2018-01-01":  "end_date is before start_date",
	} {
		r := raw(t, srv, http.MethodGet, "/chats/report.json"+query, "")
		assert.Equal(t, http.StatusBadRequest, r.status, query)
		assert.Equal(t, detail, r.detail(), query)
	}
}

func TestTransferChat(t *testing.T) {
	srv, c := setup(t)
	res, err := c.Chats.Transfer(ctx, 3, &chatrhub.TransferChatParams{AgentUsernameFrom: "johnsmith1", AgentUsernameTo: "jennybrown1"})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.SuccessTransferSent, res.Message)
	ch, err := c.Chats.Get(ctx, 3)
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(2), ch.AgentID, "the chat stays with John until Jenny responds")
	assert.Equal(t, chatrhub.Int(3), ch.TransferToAgentID)

	require.True(t, srv.AcceptTransfer(3))
	assert.False(t, srv.AcceptTransfer(3), "no transfer pending any more")
	ch, err = c.Chats.Get(ctx, 3)
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(3), ch.AgentID)
	require.NotNil(t, ch.Agent)
	assert.Equal(t, "Jenny Brown", ch.Agent.FullName)

	// John no longer has the chat.
	for name, p := range map[string]chatrhub.TransferChatParams{
		"not the chat's agent": {AgentUsernameFrom: "johnsmith1", AgentUsernameTo: "jennybrown1"},
		"unknown from":         {AgentUsernameFrom: "nobody", AgentUsernameTo: "johnsmith1"},
		"unknown to":           {AgentUsernameFrom: "jennybrown1", AgentUsernameTo: "nobody"},
		"to self":              {AgentUsernameFrom: "jennybrown1", AgentUsernameTo: "jennybrown1"},
	} {
		_, err := c.Chats.Transfer(ctx, 3, &p)
		require.ErrorIs(t, err, chatrhub.ErrTransferRejected, name)
		require.ErrorContains(t, err, chatrhub.TransferFailedMessage, name)
	}
	_, err = c.Chats.Transfer(ctx, 999, &chatrhub.TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
	_ = requireStatus(t, err, http.StatusNotFound)

	for query, detail := range map[string]string{
		"":                                 "query parameter agent_username_from is required",
		"?agent_username_from=jennybrown1": "query parameter agent_username_to is required",
	} {
		r := raw(t, srv, http.MethodGet, "/chats/transfer/3.json"+query, "")
		assert.Equal(t, http.StatusBadRequest, r.status)
		assert.Equal(t, detail, r.detail())
	}
}

func TestAddChatIsSeenByReads(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithoutExamples())
	at := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	id := srv.AddChat(chatrhub.Chat{AgentID: 7, Tag: "vip", OverallRating: 3, Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: at}}})
	assert.Equal(t, int64(1), id)
	assert.Equal(t, int64(42), srv.AddChat(chatrhub.Chat{ID: 42, Record: chatrhub.Record{CreateDt: chatrhub.Time{Time: at}}}))
	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: at, EndDate: at, Rating: chatrhub.RatingGreat})
	require.NoError(t, err)
	require.Len(t, chats, 1)
	assert.Equal(t, "vip", chats[0].Tag)
	assert.Nil(t, chats[0].Agent, "agent 7 does not exist")
	_, err = c.Chats.Get(ctx, 42)
	require.NoError(t, err)
	_, err = c.Chats.Get(ctx, 43)
	assert.ErrorIs(t, err, chatsdk.ErrNotFound)
}

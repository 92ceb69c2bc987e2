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

// at is a chatrhub.Time for a wall-clock time in zone (UTC offset in hours).
func at(zoneHours int, y int, m time.Month, d, hh, mm, ss int) chatrhub.Time {
	zone := time.FixedZone("", zoneHours*3600)
	return chatrhub.Time{Time: time.Date(y, m, d, hh, mm, ss, 0, zone)}
}

// reportChats adds chats around 2024-03-10 (UTC) with known ratings; the
// comments give each chat's creation time in UTC.
func reportChats(srv *chatrhubtest.Server) {
	rated := func(o, f, r, k int64, avg float64) chatrhub.Chat {
		return chatrhub.Chat{
			OverallRating: chatrhub.Int(o), FriendlyRating: chatrhub.Int(f),
			ResponsiveRating: chatrhub.Int(r), KnowledgeRating: chatrhub.Int(k),
			AverageRating: chatsdk.Ptr(avg),
		}
	}
	// In range: 2024-03-10 00:00:00 to 23:59:59 UTC.
	c1 := rated(3, 3, 3, 2, 87) // 00:00:00, great
	c1.CreateDt = at(0, 2024, 3, 10, 0, 0, 0)
	c1.Duration, c1.ResponseDelay = chatsdk.Ptr(chatrhub.Int(300)), chatsdk.Ptr(chatrhub.Int(10))
	c2 := rated(2, 2, 1, 2, 37.5) // 2024-03-11 00:30 +02:00 = 03-10 22:30, ok
	c2.CreateDt = at(2, 2024, 3, 11, 0, 30, 0)
	c2.Duration = chatsdk.Ptr(chatrhub.Int(100))
	c3 := rated(1, 1, 1, 1, 0) // 12:00, poor, rated with a 0 % average
	c3.CreateDt = at(0, 2024, 3, 10, 12, 0, 0)
	c3.ResponseDelay = chatsdk.Ptr(chatrhub.Int(30))
	c4 := chatrhub.Chat{IsMissed: true} // 13:00, every rating 0: not rated
	c4.CreateDt = at(0, 2024, 3, 10, 13, 0, 0)
	c5 := chatrhub.Chat{IsMissed: true, FriendlyRating: 3} // 23:59:59, no overall rating: not rated
	c5.CreateDt = at(0, 2024, 3, 10, 23, 59, 59)
	// Out of range.
	x1 := rated(3, 3, 3, 3, 100) // 2024-03-11 00:00:00
	x1.CreateDt = at(0, 2024, 3, 11, 0, 0, 0)
	x2 := rated(1, 1, 1, 1, 0) // 2024-03-09 23:59:59
	x2.CreateDt = at(0, 2024, 3, 9, 23, 59, 59)
	x3 := rated(2, 2, 2, 2, 50) // 2024-03-10 23:30 -02:00 = 03-11 01:30
	x3.CreateDt = at(-2, 2024, 3, 10, 23, 30, 0)
	for _, c := range []chatrhub.Chat{c1, c2, c3, c4, c5, x1, x2, x3} {
		srv.AddChat(c)
	}
}

func TestChatReportMatchesHandCount(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithoutExamples())
	reportChats(srv)
	r, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2024, 3, 10), EndDate: day(2024, 3, 10)})
	require.NoError(t, err)

	// Chats 1 to 5; 4 and 5 missed; 1, 2 and 3 rated (3, 2 and 1 overall).
	assert.Equal(t, chatrhub.Int(5), r.TotalChats)
	assert.Equal(t, chatrhub.Int(2), r.MissedChats)
	assert.Equal(t, chatrhub.Int(3), r.TotalRatings)
	assert.Equal(t, chatrhub.Int(1), r.GreatChatsCount)
	assert.Equal(t, chatrhub.Int(1), r.OkChatsCount)
	assert.Equal(t, chatrhub.Int(1), r.PoorChatsCount)
	assert.Equal(t, 2.0, r.OverallRating, "(3+2+1)/3")
	assert.Equal(t, 2.0, r.FriendlyRating, "(3+2+1)/3; chat 5's 3 is not a rated chat's")
	assert.Equal(t, 1.67, r.ResponsiveRating, "(3+1+1)/3")
	assert.Equal(t, 1.67, r.KnowledgeRating, "(2+2+1)/3")
	assert.Equal(t, 41.5, r.AverageRating, "(87+37.5+0)/3")
	require.NotNil(t, r.AverageDuration)
	assert.Equal(t, 200.0, *r.AverageDuration, "(300+100)/2")
	require.NotNil(t, r.AverageResponseDelay)
	assert.Equal(t, 20.0, *r.AverageResponseDelay, "(10+30)/2")
}

func TestChatReportWithNoRatedChat(t *testing.T) {
	srv, _ := setup(t, chatrhubtest.WithoutExamples())
	unrated := chatrhub.Chat{}
	unrated.CreateDt = at(0, 2024, 3, 10, 8, 0, 0)
	srv.AddChat(unrated)

	r := raw(t, srv, http.MethodGet, "/chats/report.json?start_date=2024-03-10&end_date=2024-03-10", "")
	require.Equal(t, http.StatusOK, r.status)
	report := r.body["data"].(map[string]any)["attributes"].(map[string]any)
	assert.Equal(t, float64(1), report["total_chats"])
	assert.Equal(t, float64(0), report["total_ratings"])
	for _, k := range []string{"overall_rating", "frendly_rating", "responsive_rating", "knowledge_rating", "average_rating"} {
		assert.Nil(t, report[k], k)
	}

	// The chat is served as the API sends an unrated one.
	chat := raw(t, srv, http.MethodGet, "/chats/1.json", "")
	require.Equal(t, http.StatusOK, chat.status)
	attributes := chat.body["data"].(map[string]any)["attributes"].(map[string]any)
	for _, k := range []string{"overall_rating", "frendly_rating", "responsive_rating", "knowledge_rating", "average_rating"} {
		assert.Nil(t, attributes[k], k)
	}
}

func TestDayRangesAreWholeUTCDays(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithoutExamples())
	reportChats(srv)

	// The end date includes 23:59:59 UTC of that day and nothing of the next.
	r, err := c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2024, 3, 11), EndDate: day(2024, 3, 11)})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(2), r.TotalChats, "x1 at 00:00:00 and x3 at 01:30 UTC on 2024-03-11")
	r, err = c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: day(2024, 3, 9), EndDate: day(2024, 3, 9)})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(1), r.TotalChats, "x2 at 23:59:59 UTC on 2024-03-09")

	// The date sent is the time's calendar date in its own location: noon
	// on 2024-03-10 at UTC-12 is still the UTC day 2024-03-10.
	west := time.Date(2024, 3, 10, 12, 0, 0, 0, time.FixedZone("", -12*3600))
	r, err = c.Chats.Report(ctx, &chatrhub.ChatReportParams{StartDate: west, EndDate: west})
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(5), r.TotalChats)

	// Agent Activity uses the same whole UTC days.
	for _, when := range []chatrhub.Time{
		at(0, 2024, 3, 9, 23, 59, 59), at(0, 2024, 3, 10, 0, 0, 0),
		at(0, 2024, 3, 10, 23, 59, 59), at(0, 2024, 3, 11, 0, 0, 0),
	} {
		a := chatrhub.AgentActivity{AgentID: 1, Status: chatrhub.StatusAvailable}
		a.CreateDt = when
		srv.AddAgentActivity(a)
	}
	agent := chatrhub.Agent{FullName: "Ada", Username: "ada"}
	agent.ID = 1
	srv.AddAgent(agent)
	acts, err := c.AgentActivity.Get(ctx, 1, &chatrhub.AgentActivityParams{StartDate: day(2024, 3, 10), EndDate: day(2024, 3, 10)})
	require.NoError(t, err)
	require.Len(t, acts, 2)
	assert.Equal(t, time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC), acts[0].CreateDt.Time.UTC())
	assert.Equal(t, time.Date(2024, 3, 10, 23, 59, 59, 0, time.UTC), acts[1].CreateDt.Time.UTC())
}

func TestListChatsRangeIsInclusiveInstants(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithoutExamples())
	reportChats(srv)

	// The whole of 2024-03-10 UTC: its first to its last millisecond.
	start := day(2024, 3, 10)
	end := start.AddDate(0, 0, 1).Add(-time.Millisecond)
	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: start, EndDate: end})
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 2, 3, 4, 5}, chatIDs(chats))

	// EndDate is an instant and is included: midnight takes x1 (00:00:00).
	chats, err = c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: start, EndDate: day(2024, 3, 11)})
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 2, 3, 4, 5, 6}, chatIDs(chats))

	// Unrated chats match no rating filter.
	great, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: start, EndDate: end, Rating: chatrhub.RatingGreat})
	require.NoError(t, err)
	assert.Equal(t, []int64{1}, chatIDs(great))
	poor, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: start, EndDate: end, Rating: chatrhub.RatingPoor})
	require.NoError(t, err)
	assert.Equal(t, []int64{3}, chatIDs(poor))
}

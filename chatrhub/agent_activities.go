package chatrhub

import (
	"context"
	"net/http"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// AgentActivityService reads agents' availability history.
type AgentActivityService service

// AgentActivityParams is the date range of Get Agent Activity. Both dates
// are required and are sent as YYYY-MM-DD: the calendar date of each time
// as it reads in its own location (the time is not converted to UTC first;
// only the date is sent). The range is whole days, both included, in UTC:
// the snapshots taken from 00:00:00 UTC on StartDate's date to 23:59:59.999
// UTC on EndDate's date. The docs name no time zone; the API gives every
// create_dt in UTC (+00:00), and chatrhubtest reads the days as UTC days.
type AgentActivityParams struct {
	// StartDate is the first day of the range (required, included).
	StartDate time.Time `url:"start_date" layout:"2006-01-02"`
	// EndDate is the last day of the range (required, included whole).
	EndDate time.Time `url:"end_date" layout:"2006-01-02"`
}

// Get returns the availability snapshots (one per 5 minutes) of an agent
// between params.StartDate and params.EndDate.
//
// GET /agent_activities/agent_id/{agent_id}.json?start_date&end_date
func (s *AgentActivityService) Get(ctx context.Context, agentID int64, params *AgentActivityParams, opts ...chatsdk.CallOption) ([]AgentActivity, error) {
	const op = "chatrhub.AgentActivity.Get"
	if err := positiveID(op, "agent_id", agentID); err != nil {
		return nil, err
	}
	if params == nil {
		return nil, paramErr(op, "start_date", "is required")
	}
	if err := checkDateRange(op, params.StartDate, params.EndDate, dateLayout); err != nil {
		return nil, err
	}
	return getMany[AgentActivity](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodGet, Route: "/agent_activities/agent_id/{agent_id}.json", PathParams: []any{agentID},
		Query: params,
	}, opts)
}

const dateLayout = "2006-01-02"

// checkDateRange requires both dates and an end that is not before the
// start, compared in the form sent (layout, or epoch milliseconds when
// layout is empty).
func checkDateRange(op string, start, end time.Time, layout string) error {
	if start.IsZero() {
		return paramErr(op, "start_date", "is required")
	}
	if end.IsZero() {
		return paramErr(op, "end_date", "is required")
	}
	before := end.UnixMilli() < start.UnixMilli()
	if layout != "" {
		before = end.Format(layout) < start.Format(layout)
	}
	if before {
		return paramErr(op, "end_date", "is before start_date")
	}
	return nil
}

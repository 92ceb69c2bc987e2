package chatrhub

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// ChatsService lists, reads, tags, reports on and transfers chats.
type ChatsService service

// TransferFailedMessage is the documented failure text of Transfer Chat.
const TransferFailedMessage = "Invalid usernames or authentication."

// ErrTransferRejected is returned by Chats.Transfer when a successful (2xx)
// answer does not confirm the transfer, such as the documented "Invalid
// usernames or authentication.".
var ErrTransferRejected = errors.New("chatrhub: transfer rejected")

// ListChatsParams filters List Chats. StartDate and EndDate are required and
// are instants, sent as epoch milliseconds (anything below a millisecond is
// dropped), so their time zone does not matter. The range includes both
// ends: a chat created exactly at EndDate is listed. To list the whole UTC
// day d, pass StartDate d (00:00 UTC) and EndDate
// d.AddDate(0, 0, 1).Add(-time.Millisecond); an EndDate of the next
// midnight would also list chats created at that midnight.
type ListChatsParams struct {
	// StartDate is the first instant of the range (required, included).
	StartDate time.Time `url:"start_date,unixmilli"`
	// EndDate is the last instant of the range (required, included).
	EndDate time.Time `url:"end_date,unixmilli"`
	// AgentID returns only the chats of this agent.
	AgentID int64 `url:"agent_id,omitempty"`
	// VisitorID returns only the chats of this visitor.
	VisitorID int64 `url:"visitor_id,omitempty"`
	// GroupID returns only the chats of this group.
	GroupID int64 `url:"group_id,omitempty"`
	// Tag returns only the chats with this tag.
	Tag string `url:"tag,omitempty"`
	// Rating returns only poor, ok or great chats.
	Rating ChatRating `url:"rating,omitempty"`
	// Missed returns only missed or only serviced chats.
	Missed ChatMissed `url:"missed,omitempty"`
}

// ChatRating is the rating filter of List Chats.
type ChatRating string

// The documented rating filters.
const (
	RatingPoor  ChatRating = "poor_chats"
	RatingOK    ChatRating = "ok_chats"
	RatingGreat ChatRating = "great_chats"
)

// ChatMissed is the missed filter of List Chats.
type ChatMissed string

// The documented missed filters.
const (
	MissedChats   ChatMissed = "missed_chats"
	ServicedChats ChatMissed = "serviced_chats"
)

// List returns the chats in a date range that match the filters.
//
// GET /chats.json?start_date&end_date&agent_id&visitor_id&group_id&tag&rating&missed
func (s *ChatsService) List(ctx context.Context, params *ListChatsParams, opts ...chatsdk.CallOption) ([]Chat, error) {
	const op = "chatrhub.Chats.List"
	if params == nil {
		return nil, paramErr(op, "start_date", "is required")
	}
	if err := checkDateRange(op, params.StartDate, params.EndDate, ""); err != nil {
		return nil, err
	}
	return getMany[Chat](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Path: "/chats.json", Query: params}, opts)
}

// Get returns one chat by ID, with its agent, group and visitor nested.
//
// GET /chats/{chat_id}.json
func (s *ChatsService) Get(ctx context.Context, chatID int64, opts ...chatsdk.CallOption) (*Chat, error) {
	const op = "chatrhub.Chats.Get"
	if err := positiveID(op, "chat_id", chatID); err != nil {
		return nil, err
	}
	return getOne[Chat](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Route: "/chats/{chat_id}.json", PathParams: []any{chatID}}, opts)
}

// UpdateChatTagParams is the new tag of a chat.
type UpdateChatTagParams struct {
	// Tag says what happened in the chat (required).
	Tag string `json:"tag"`
}

// UpdateTag sets the chat's tag and returns the updated chat. It is a PATCH: never retried once sent (a
// failure after sending matches chatsdk.ErrMayHaveBeenApplied);
// chatsdk.WithRetryUnsafe retries it.
//
// The docs' curl example sends this to /chat/{id}.json; this method uses
// the path of the docs' HTTP section, /chats/{id}.json, which matches every
// other chat operation.
//
// PATCH /chats/{chat_id}.json
func (s *ChatsService) UpdateTag(ctx context.Context, chatID int64, params *UpdateChatTagParams, opts ...chatsdk.CallOption) (*Chat, error) {
	const op = "chatrhub.Chats.UpdateTag"
	if err := positiveID(op, "chat_id", chatID); err != nil {
		return nil, err
	}
	if params == nil || strings.TrimSpace(params.Tag) == "" {
		return nil, paramErr(op, "tag", "is required")
	}
	return getOne[Chat](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodPatch, Route: "/chats/{chat_id}.json", PathParams: []any{chatID},
		Body: body(TypeChats, params),
	}, opts)
}

// ChatReportParams filters Chat Reports. StartDate and EndDate are required
// and are sent as dates, YYYY-MM-DD: the calendar date of each time as it
// reads in its own location (the time is not converted to UTC first; only
// the date is sent). The report covers whole days, both included, in UTC:
// the chats created from 00:00:00 UTC on StartDate's date to 23:59:59.999
// UTC on EndDate's date. The docs name no time zone; the API gives every
// create_dt in UTC (+00:00), and chatrhubtest reads the days as UTC days.
type ChatReportParams struct {
	// StartDate is the first day of the report (required, included).
	StartDate time.Time `url:"start_date" layout:"2006-01-02"`
	// EndDate is the last day of the report (required, included whole).
	EndDate time.Time `url:"end_date" layout:"2006-01-02"`
	// AgentID reports only on this agent's chats.
	AgentID int64 `url:"agent_id,omitempty"`
	// GroupID reports only on this group's chats.
	GroupID int64 `url:"group_id,omitempty"`
}

// Report summarizes chat volumes, durations and agent ratings over a date
// range (Chat Reports).
//
// The docs give two paths: /chats/report.json in the curl example and
// /agents/report.json in the HTTP section. This method uses
// /chats/report.json: the operation belongs to the Chats section, filters
// and reports chats, sits beside the other chat actions
// (/chats/transfer/...), and the curl example is the concrete request.
//
// GET /chats/report.json?start_date&end_date&agent_id&group_id
func (s *ChatsService) Report(ctx context.Context, params *ChatReportParams, opts ...chatsdk.CallOption) (*ChatReport, error) {
	const op = "chatrhub.Chats.Report"
	if params == nil {
		return nil, paramErr(op, "start_date", "is required")
	}
	if err := checkDateRange(op, params.StartDate, params.EndDate, dateLayout); err != nil {
		return nil, err
	}
	return getOne[ChatReport](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Path: "/chats/report.json", Query: params}, opts)
}

// TransferChatParams names the agents of Transfer Chat; both are required.
type TransferChatParams struct {
	// AgentUsernameFrom is the username of the agent who has the chat.
	AgentUsernameFrom string `url:"agent_username_from"`
	// AgentUsernameTo is the username of the agent to transfer it to.
	AgentUsernameTo string `url:"agent_username_to"`
}

// Transfer asks to move a visitor's chat from one agent to another. The API
// messages the receiving agent, and the chat moves when that agent replies;
// the answer is {"success": "Sent Transfer Action"} (SuccessTransferSent).
//
// Although it is a GET, Transfer sends a message, so it is treated like a
// POST: the SDK never replays it once sent, and a failure after sending
// matches chatsdk.ErrMayHaveBeenApplied. That includes net/http's own
// resend: the transport resends a bodiless GET once when a reused
// keep-alive connection breaks before any answer, and the SDK sends
// Transfer as a request net/http does not consider replayable (still with
// no body on the wire), so it reaches the server at most once, with any
// http.Client passed to chatsdk.WithHTTPClient and even with an
// Idempotency-Key header.
//
// The docs do not say how a failed transfer ("Invalid usernames or
// authentication.", TransferFailedMessage) is answered. An answer of 400 or
// more is a *chatsdk.APIError; a 2xx answer whose "success" is empty or is
// that failure text returns an error matching ErrTransferRejected.
//
// GET /chats/transfer/{chat_id}.json?agent_username_from&agent_username_to
func (s *ChatsService) Transfer(ctx context.Context, chatID int64, params *TransferChatParams, opts ...chatsdk.CallOption) (*Success, error) {
	const op = "chatrhub.Chats.Transfer"
	if err := positiveID(op, "chat_id", chatID); err != nil {
		return nil, err
	}
	switch {
	case params == nil || params.AgentUsernameFrom == "":
		return nil, paramErr(op, "agent_username_from", "is required")
	case params.AgentUsernameTo == "":
		return nil, paramErr(op, "agent_username_to", "is required")
	}
	notReplaySafe := false
	var ans transferAnswer
	if _, err := s.core.Do(ctx, &core.Request{
		Operation: op, Method: http.MethodGet, Route: "/chats/transfer/{chat_id}.json", PathParams: []any{chatID},
		Query: params, ReplaySafe: &notReplaySafe, EmptyAnswer: true,
	}, &ans, opts...); err != nil {
		return nil, err
	}
	if msg, ok := ans.rejected(); ok {
		return nil, fmt.Errorf("%s: %w: %s", op, ErrTransferRejected, msg)
	}
	return &Success{Message: ans.Success}, nil
}

// transferAnswer is Transfer Chat's answer, with the fields a failure may
// carry instead of "success".
type transferAnswer struct {
	Success string `json:"success"`
	Error   any    `json:"error"`
	Message any    `json:"message"`
}

// rejected reports whether the answer does not confirm the transfer, and
// why. Only the documented failure text is quoted: other text from the
// server is left out of the error, as it might echo the credentials.
func (a *transferAnswer) rejected() (string, bool) {
	if a.Success != "" && a.Success != TransferFailedMessage {
		return "", false
	}
	for _, v := range []any{a.Success, a.Error, a.Message} {
		if v == TransferFailedMessage {
			return TransferFailedMessage, true
		}
	}
	return "the answer does not confirm the transfer", true
}

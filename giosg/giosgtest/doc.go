// Package giosgtest is a stateful, in-memory fake of the giosg Chats API v5
// for tests, examples and offline demos. It serves all 79 documented
// method+path pairs over a local httptest server:
//
//	srv := giosgtest.NewServer()
//	defer srv.Close()
//	client, err := giosg.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
//
// The server starts with one organization (OrgID) with a room (RoomID),
// two users (UserID, HelperUserID), a team (TeamID), visitors, a partner
// organization whose room (PartnerRoomID) is shared with OrgID, and, unless
// WithoutExamples, the documented example objects: a pending chat
// (PendingChatID), a pending routed chat (RoutedChatID), the user's ongoing
// chat with messages, tags and a reply suggestion (ChatID), an ended chat
// (EndedChatID), outgoing and incoming invitations and conversation
// starters. AddChat, AddPendingChat, SeedChats, AddVisitorMessage,
// AddUser, AddVisitor and EndChat add more; IsPending, IsEnded, Tags,
// MessageTexts inspect the state; Requests and RequestCount report what the
// server received; FailNext injects error answers (to test retries).
//
// # Behaviour
//
// Authentication: every request needs "Authorization: Token <Token>" or
// "Bearer <Token>", else 401. The token may act for every user and
// organization the server knows; any other user or organization ID in a
// path is a 403 (the docs' "you do not have access"). Unknown chats, rooms,
// visitors, messages, invitations, tags, starters and suggestions are 404.
// Errors have Django REST Framework's body {"detail": "..."}, also for
// unknown paths (404) and methods (405) and invalid request bodies (400).
//
// Lists are cursor-paginated {"next", "previous", "results"} with small
// pages (DefaultPageSize, see WithPageSize). next and previous are absolute
// URLs on BaseURL that keep the request's other query parameters; the
// cursor is opaque, stays valid when objects are added, and an invalid one
// is a 404 ("Invalid cursor"), as in DRF. Chats and messages are listed
// newest first (chats accept ordering=created_at, -created_at, updated_at,
// -updated_at); memberships, tags, invitations, conversation starters and
// reply suggestions oldest first. Boolean filters (is_ended, is_waiting,
// has_messages, has_user_messages, has_visitor_messages, is_participating,
// is_accepted, is_expired) are meaningful when false; every chat list
// accepts every chat filter, and created_at_after/created_at_before are
// inclusive. Messages filter with type__in and type__not_in.
//
// State rules, where the docs leave a choice the decision is stated:
//   - A chat is pending while it is waiting, not ended and no user member is
//     participating. Joining it through pending_chats answers 201 and ends
//     that, so a second join gets 404. Joining through routed_chats or the
//     organization scopes answers 201 for a new membership and 200 for an
//     existing one.
//   - An ended chat refuses messages (409), joins through the user scopes
//     (404, as documented) and the organization scopes (409), membership
//     updates (400, as documented), invitations (409) and is_waiting
//     updates (400). Ending a chat expires its pending invitations; ending it
//     again is a no-op and it cannot be reopened (400).
//   - Sending a message answers 200 (as documented, not 201) and stops the
//     chat waiting. An action needs text, type, value,
//     is_disabled_on_selection and is_disabled_on_visitor_message.
//   - Creating a chat with a visitor answers 200 with the visitor's open
//     chat in the room, else 201 with a new one; the user becomes a member.
//   - Invitations: sending answers 201, or 200 with the invited party's
//     pending invitation to the same chat. Expiring or accepting an
//     invitation that is no longer pending is a 400 (as documented), so
//     accepting twice fails with 400. Accepting makes the user a member.
//   - Tags: adding an existing tag answers 200, a new one 201; removing
//     answers 204, then 404. The tag name is the path's last segment,
//     unescaped: "Premium%20customer%2FVIP%3F" removes
//     "Premium customer/VIP?".
//   - Conversation starters are unique per language code: a duplicate add
//     is a 400; update and remove address them by language code (404 when
//     unknown).
//
// Answers are the giosg package's own model types (giosg.Chat,
// giosg.ChatMessage, ...) encoded as JSON, so they carry exactly the
// attributes the client reads. Datetimes are therefore RFC 3339 in UTC with
// the Z zone ("2016-09-01T11:31:36.042Z"), also for chats, memberships and
// messages, whose documented examples have no zone
// ("2015-02-13T11:31:36.042"): the client's reading of that zone-less form
// is covered by its golden tests against the testdata/giosg fixtures, not
// by this fake.
package giosgtest

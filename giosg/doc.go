// Package giosg is a client for the giosg Chats API v5
// (https://service.giosg.com/api/v5/...): chats, chat memberships, chat
// messages with attachments, chat invitations, tags, conversation starters
// and reply suggestions; all 79 documented method+path pairs.
//
//	c, err := giosg.NewClient(apiToken)                          // Authorization: Token <apiToken>
//	c, err := giosg.NewClient(accessToken, giosg.WithOAuthToken()) // Authorization: Bearer <accessToken>
//
// # Scopes
//
// The API reaches the same chat through several collections: the chats of a
// user, the routed chats of an organization, its owned chats, and so on. A
// [ChatScope] names one of them ([UserChats], [UserPendingChats],
// [UserRoutedChats], [UserRoomVisitorChats], [OrgOwnedChats],
// [OrgInvolvedChats], [OrgRoutedChats], [OrgRoomChats],
// [OrgRoomPendingChats], [OrgRoomVisitorChats]), and every chat operation
// takes one:
//
//	pending := giosg.UserPendingChats(userID)
//	for chat, err := range c.Chats.List(ctx, pending, nil) {
//		if err != nil {
//			return err
//		}
//		res, err := c.Memberships.Join(ctx, pending, chat.ID,
//			&giosg.MembershipJoin{IsParticipating: true, ComposingStatus: giosg.ComposingIdle})
//		...
//		_, err = c.Messages.Send(ctx, giosg.UserChats(userID), chat.ID, &giosg.MessageCreate{Message: "Hello!"})
//	}
//
// An operation the API does not offer for a scope (sending a message through
// OrgOwnedChats, say) fails before any request with an error matching
// [ErrUnsupportedScope]; see ChatScope for the table. Missing IDs and
// required attributes fail the same way with [ErrMissingParam].
//
// # Lists
//
// Lists are cursor-paginated collections {"next", "previous", "results"}
// whose next is an absolute URL. Each list has an iterator
// (iter.Seq2[T, error]) that fetches pages lazily, and a ...Page method that
// returns one [Page] with its Next and Previous URLs; pass one of them as
// [ListOptions].PageURL to fetch that page or to resume iterating there.
// ListOptions.MaxPages caps the pages an iterator fetches
// (chatsdk.ErrPageLimit). Iterators follow a next URL only when it has the
// client's base URL scheme, host and port (otherwise they stop with
// chatsdk.ErrUnsafeNextURL and send nothing), and stop with
// chatsdk.ErrRepeatedCursor when a next URL repeats, including a next that
// points back at the first page (as the documented invitation and
// conversation starter examples do). Boolean filters are *bool, so
// IsEnded: chatsdk.Ptr(false) lists open chats.
//
// # Answers
//
// Operations that find an existing object (200) or create a new one (201):
// Chats.Create, Memberships.Join, Tags.Add and Invitations.Send return a
// [Result] whose Created tells which. Deletes (204) return only an error.
// Updates exist as PUT (Update...) and PATCH (Patch...), plus shortcuts for
// the documented uses: Chats.End, Chats.MarkNotWaiting, Invitations.Expire,
// Invitations.Accept.
//
// Requests are retried only when safe: GET, PUT and DELETE, and the POSTs
// that answer 200 with the object when it already exists (Tags.Add,
// Invitations.Send, Memberships.Join through an organization scope), after
// 408, 429, 5xx or a connection error; any other POST or PATCH (sending a
// message, creating a chat) is never sent again once it may have reached
// the server, and its error then matches chatsdk.ErrMayHaveBeenApplied.
// chatsdk.WithRetryUnsafe and chatsdk.WithoutRetries change this per call. Error answers are
// *chatsdk.APIError (the Django REST Framework {"detail": ...} body becomes
// its Message) and match chatsdk.ErrNotFound, chatsdk.ErrConflict, ... A 200
// whose body is empty, null or {} where an object is documented is a
// *chatsdk.DecodeError, never a zero value.
//
// # Datetimes
//
// Datetimes in request bodies are sent in UTC without a zone suffix, to the
// millisecond, as the docs show them ("last_seen_at":
// "2015-02-13T11:31:36.042"), whatever the zone of the time.Time given;
// finer digits are dropped. Answers are read leniently: with or without a
// zone ("2016-09-01T11:31:36.042Z"), a datetime without one being UTC. The
// created_at_after and created_at_before filters are sent in the query as
// RFC 3339, an ISO 8601 form as documented.
//
// # Documentation quirks and the decisions taken
//
//   - Nullable attributes of answers are pointers (nil = null); the
//     deprecated Chat and ChatMembership attributes are kept and marked
//     Deprecated. A request attribute that may be sent as null is a
//     *chatsdk.Nullable: ReplySuggestionUpdate.RelevancyScore, where
//     chatsdk.Null[float64]() sends null and nil leaves the key out.
//   - The incoming invitations example repeats is_expired (false, then
//     null): it decodes, the last key is applied, and null leaves the bool
//     false.
//   - The accept-invitation example URL (under /chats/<chat_id>/) differs
//     from the endpoint; the endpoint path
//     /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id> is
//     used.
//   - Tag names in DELETE paths are URL-encoded as one path segment
//     ("Premium customer/VIP?" -> Premium%20customer%2FVIP%3F); every ID is.
//   - Sending a message documents 200 (not 201): Messages.Send returns the
//     message only. The send section names chat_reply_suggestion_id while
//     the message model names selected_reply_suggestion_id; MessageCreate
//     has both.
//   - Creating a chat needs no payload, so none is sent. PUT of a
//     conversation starter sends language_code from the path when the body
//     has none.
//   - Update answers are not documented; they decode as the updated object
//     (the zero value when the body is empty).
//   - Filters documented for only some scopes (is_participating for user
//     chats, created_at_* for the others, none for a user's routed chat
//     messages) are sent as given wherever they are set.
package giosg

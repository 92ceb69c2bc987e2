// Package chatrhubtest is a fake ChatrHub API v1 server for tests and
// examples: a stateful, in-memory implementation of all 27 documented
// operations behind an httptest.Server. It needs no *testing.T.
//
//	srv := chatrhubtest.NewServer()
//	defer srv.Close()
//	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL))
//	agents, err := c.Agents.List(ctx, nil)
//
// The server starts with the objects of the API documentation's examples
// and more (see NewServer). Writes change its state and later reads show
// them: Invite Agent creates an agent, Add Group a group, Assign Agent to
// Group an assignment that Get Agent Group Assignment and List Groups by
// Agent return, deletes remove, Update Chat Tag and Transfer Chat change the
// chat, and the two task updates change the task. Each Server has its own
// state; run one per test.
//
// # Answers
//
// Successful answers are the documented JSON:API documents, {"data": {...}}
// or {"data": [...]}, with the attributes in the documented wire form
// (agent_id as "4" in agents, is_ended as 0/1, JSON lists inside strings,
// create_dt as "2018-06-21T01:50:49+00:00"). Nested objects (a chat's agent,
// group and visitor, an assignment's agent and group, a task's message, a
// message's from_agent) are the bare attributes of the current object, or
// null. Removes answer {"success": "Deleted"} and Transfer Chat
// {"success": "Sent Transfer Action"}. Invite Agent, Add Group and Add
// Visitor answer 201 Created; everything else 200.
//
// Where the documentation is loose the server decides:
//   - Get Agent answers "data" as an array of one agent, as documented; the
//     other Gets answer an object.
//   - Get Agent Group Assignment answers {"data": null} (the documented "no
//     object") when a known agent is not associated with a known group.
//   - Update Chat Tag is served at /chats/<id>.json and at the curl
//     example's /chat/<id>.json; Chat Reports at /chats/report.json and at
//     the HTTP section's /agents/report.json. Add Group is a POST.
//   - Update Machine Learning Task and Update Operational Task are GETs that
//     change the task; a task of the other type answers 400.
//   - Transfer Chat sends the request: it sets transfer_to_agent_id, and
//     the chat's agent_id changes only when the receiving agent responds
//     (AcceptTransfer). A chat whose agent is not agent_username_from, or an
//     unknown agent_username_to, answers 200 with the documented failure
//     body {"success": "Invalid usernames or authentication."} (the client
//     returns chatrhub.ErrTransferRejected).
//   - List Tasks pages by offset: `after` skips that many matching tasks and
//     a page holds at most WithPageSize tasks (default 10); the page
//     after the last is empty.
//   - List Chats reads start_date/end_date as epoch milliseconds, both
//     instants included; Agent Activity and Chat Reports read YYYY-MM-DD as
//     whole UTC days, both included (end_date up to 23:59:59.999 UTC).
//   - Request bodies must be {"data": {"type": ..., "attributes": {...}}}
//     with Content-Type application/json; a wrong data.type, a wrongly typed
//     attribute or a missing required one answers 400. Booleans may be
//     true/false, 0/1 or "0"/"1"; JSON-list attributes may be a string or a
//     list and are stored as the string. Unknown attributes are ignored.
//
// # Filters and reports
//
//   - List Agents: agent_username matches the username exactly.
//   - List Chats: agent_id, visitor_id, group_id and tag match exactly;
//     rating classifies a chat by its overall_rating (3 great_chats, 2
//     ok_chats, 1 poor_chats); missed_chats are those with is_missed.
//   - List Visitors: name, email, company_name and city match part of the
//     attribute ignoring case, phone its digits, state, zip_code and
//     ip_address exactly; has_phone_number keeps visitors with or without a
//     phone.
//   - List Messages: chat_id, and/or visitor_username (a visitor's
//     xmpp_username: messages from or to the visitor), oldest first; admin
//     messages only with include_admin=true.
//   - Chat Reports: total_chats and missed_chats count the chats in range
//     (of agent_id and group_id when given); a chat is rated when its
//     overall_rating is 1, 2 or 3 (null or 0 is not rated: Server.AddChat
//     stores a 0 rating as null); total_ratings counts the rated chats and
//     great/ok/poor_chats_count classify them as above; the four ratings
//     are the rated chats' mean 1-3 ratings and average_rating the mean of
//     their average_rating, a percentage ((mean rating - 1) / 2, so 3, 3, 3,
//     2 gives the documented 87), rounded to 2 decimals, or null with
//     nothing rated; average_response_delay and average_duration are
//     rounded means, or null. The report's id is 1.
//   - Get Agent Activity: the agent's snapshots taken in the date range,
//     oldest first.
//
// # Errors
//
// The API does not document its error format; this server answers every
// error with a JSON:API error document
//
//	{"errors": [{"status": "404", "title": "Not Found", "detail": "no agent with agent_id 99"}]}
//
// which the chatrhub client reports as a *chatsdk.APIError whose Message is
// the detail. Statuses: 401 for a missing or wrong bearer token (checked
// before anything else), 404 for unknown IDs (in the path, or a group_id in
// a body) and unknown paths, 405 for a known path with another method, and
// 400 for missing or malformed required parameters: Get Agent Activity
// without start_date/end_date, List Chats without start_date/end_date, Chat
// Reports without start_date/end_date, Invite Agent without full_name,
// authorization_level (1, 3 or 5) or email, Add/Edit Group without
// group_name, Assign Agent to Group without agent_id, group_id or
// is_assigned, Update Chat Tag without tag, Transfer Chat without both
// usernames, List Messages without visitor_username or chat_id or without
// include_admin, and List Tasks without after, task_type or is_resolved.
// FailNext injects other failures (such as 503) for retry tests; Requests
// and RequestCount report what the server received.
package chatrhubtest

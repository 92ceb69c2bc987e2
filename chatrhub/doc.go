// Package chatrhub is a client for the ChatrHub REST API v1: agents, agent
// activity, agent/group assignments, chats and chat reports, groups,
// messages, tasks and visitors.
//
// Every documented operation is a method on one of the Client's services:
//
//	c, err := chatrhub.NewClient(apiKey, chatsdk.WithBaseURL("https://chatrhub.example.com/api/v1"))
//	agent, err := c.Agents.Get(ctx, 4)
//	chats, err := c.Chats.List(ctx, &chatrhub.ListChatsParams{StartDate: from, EndDate: to})
//	for task, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}) { ... }
//
// # Wire format
//
// ChatrHub wraps objects in JSON:API style documents, {"data": {"type",
// "id", "attributes"}}. Models hold the attributes as fields and the
// resource's "id" and "type" as ID and Type. Objects nested inside
// attributes (a Chat's Agent, Group and Visitor, a Task's Message, an
// AgentGroup's Agent and Group) are sent as bare attributes, so their ID and
// Type are zero; use their own *_id attributes (Agent.AgentID) or the parent's
// (Chat.GroupID, Chat.VisitorID, Task.MessageID).
//
// The documentation is loose in places, and this package decides:
//   - Booleans are accepted as true/false, 0/1 or "0"/"1" (trmnt_ind is
//     false in some answers and 0 in others); integers as 4 or "4" (agent_id,
//     intent_id). Fields that the API documents as 0/1 integers (is_billable,
//     is_ended, ...) are IntBool and are sent back as 0/1.
//   - Fields that hold JSON inside a string (visitor_*_matches,
//     assign_operational_task_values, variables_) are typed values
//     (StringList, List, Object) that are sent back in the string form.
//   - A Get whose "data" is an array of one object (the documented answer of
//     Get Agent) is accepted like an object; a list whose "data" is a single
//     object is accepted as a list of one.
//   - Date parameters are time.Time: List Chats sends them as epoch
//     milliseconds, Agent Activity and Chat Reports as YYYY-MM-DD (the
//     calendar date of the time in its own location).
//   - The error format is not documented: any answer of 400 or more is a
//     *chatsdk.APIError whose Message is taken from {"error": ...},
//     {"message": ...}, {"detail": ...} or a short text body.
//   - A 200 whose body is empty, null or {} where an object is documented
//     is a *chatsdk.DecodeError, never a zero value; AgentGroups.Get (not
//     assigned) and Chats.Transfer (not confirmed) read such an answer as
//     documented.
//
// Path IDs are int64 values, so an ID can never change which endpoint is
// called; string inputs (usernames, tags) travel in the query or the body,
// encoded. Required parameters are checked before anything is sent: a
// missing one returns a *chatsdk.ParamError that matches ErrInvalidParams.
//
// Retries follow package chatsdk: GET and DELETE requests are retried on
// 408, 429, 5xx and connection errors; POST and PATCH requests are never
// replayed once sent (the error then matches chatsdk.ErrMayHaveBeenApplied).
// Three documented GETs change state; each method says how it is treated.
package chatrhub

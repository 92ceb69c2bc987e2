// Package chatio is a client for the chat.io Configuration API v0.4: it
// creates and manages bot agents and registers the webhooks through which
// chat.io tells an integration about chats.
//
//	c, err := chatio.NewClient(token)
//	created, err := c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
//		Name:   "Support bot",
//		Status: chatio.StatusAcceptingChats,
//	})
//	hook, err := c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
//		URL:       "https://bot.example.com/chatio",
//		Action:    chatio.ActionIncomingEvent,
//		SecretKey: secret,
//		Filters:   chatio.NewFilters(chatio.ChatProperty("source", "type").Values("facebook")),
//	})
//
// # Propagation delay
//
// The API stores configuration; chat.io acts on it within about 2 minutes
// (the documentation promises to remove this delay in a later version). A
// bot agent or webhook that a call has just created, changed or removed may
// therefore still behave as before for up to 2 minutes, although the
// Configuration API itself already answers with the new state.
//
// # Requests and errors
//
// Every operation is a POST of a JSON object to a path under [DefaultBaseURL]
// with "Authorization: Bearer <token>". Required fields and enumerated values
// are checked before anything is sent; a failed check returns a
// *chatsdk.ParamError naming the field. An answer with a status of 400 or more
// is a *chatsdk.APIError whose Type and Message come from the documented
// error body {"error": {"type": ..., "message": ...}} (compare Type with the
// ErrorType constants). A 200 whose body is empty, null or {} where an object
// is documented is a *chatsdk.DecodeError, never a zero value.
//
// # Retries
//
// The read-only operations (BotAgents.List, BotAgents.Get, Webhooks.List) and
// the idempotent ones (BotAgents.Update, BotAgents.Remove,
// Webhooks.Unregister) are retried on 408, 429, 500, 502, 503, 504 and
// connection errors (see chatsdk.WithMaxRetries).
// BotAgents.Create and Webhooks.Register are never sent twice once a request
// may have reached the server: a failure then matches
// chatsdk.ErrMayHaveBeenApplied, and the caller should list the bot agents or
// webhooks before creating again.
//
// Package chatio/chatiotest has an in-memory fake of the API for tests.
package chatio

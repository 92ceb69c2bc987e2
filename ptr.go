package chatsdk

// Ptr returns a pointer to v. It fills the pointer fields of request
// parameters and filters in chatrhub, giosg and chatio, where nil leaves a
// field out and a pointer sends its value even when it is zero or empty:
// giosg.ChatListParams{IsEnded: chatsdk.Ptr(false)} lists open chats,
// chatio.CreateBotAgentParams{MaxChatsCount: chatsdk.Ptr(0)} sends 0, and
// chatrhub.UpdateAgentParams{FullName: chatsdk.Ptr("Joe")} changes only the
// name. A field that can also be sent as null is a *Nullable instead.
func Ptr[T any](v T) *T { return &v }

package giosg

// ConversationStarter is a user's conversation starter message for one
// language; a user has at most one per language.
type ConversationStarter struct {
	// LanguageCode is an RFC 3066 language code among the supported ones.
	LanguageCode string `json:"language_code"`
	// Message is the conversation starter message.
	Message string `json:"message"`
	// CreatedAt is when it was created.
	CreatedAt Time `json:"created_at"`
	// UpdatedAt is when it was last updated.
	UpdatedAt Time `json:"updated_at"`
}

// ConversationStarterCreate is the body of ConversationStarters.Add.
type ConversationStarterCreate struct {
	// Message is required.
	Message string `json:"message"`
	// LanguageCode is required; the API answers 400 when the user already
	// has a starter for it.
	LanguageCode string `json:"language_code"`
}

// ConversationStarterUpdate is the body of ConversationStarters.Update (PUT)
// and Patch (PATCH). Empty fields are not sent, except that Update fills
// LanguageCode from its languageCode argument, since PUT sends every
// required attribute.
type ConversationStarterUpdate struct {
	// Message is the new conversation starter message.
	Message string `json:"message,omitempty"`
	// LanguageCode is the starter's language as an RFC 3066 code; it must
	// be a supported language, and a user has at most one starter per
	// language.
	LanguageCode string `json:"language_code,omitempty"`
}

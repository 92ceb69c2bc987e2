package giosg

// ChatMessage is one message of a chat: a typed message of an operator or
// visitor, or an event such as join, leave or an attachment action.
type ChatMessage struct {
	// ID is the message's UUID.
	ID string `json:"id"`
	// Type is msg, autosuggest, join, leave, shoppingcart_locked, action,
	// call_request, call_ended, interaction_submit or system (see the
	// MessageType* constants). Sent messages are always msg.
	Type MessageType `json:"type"`
	// ChatID is the chat.
	ChatID string `json:"chat_id"`
	// RoomID is the room in which the chat occurred.
	RoomID string `json:"room_id"`
	// CreatedAt is when the message was sent.
	CreatedAt Time `json:"created_at"`
	// SenderType is user, visitor or rule (see the Sender* constants).
	SenderType SenderType `json:"sender_type"`
	// SenderID is the user's ID, the visitor's unique string, or the ID of
	// the rule that triggered the message.
	SenderID string `json:"sender_id"`
	// SenderPublicName is the sender's name as the visitor sees it (nil when
	// unknown or purged).
	SenderPublicName *string `json:"sender_public_name"`
	// SenderName is the sender's name as an operator sees it (nil when
	// unknown or purged).
	SenderName *string `json:"sender_name"`
	// SenderAvatar is the sender's avatar image, nil if none.
	SenderAvatar *Avatar `json:"sender_avatar"`
	// Message is the text (at most 2000 characters). nil when the server
	// can no longer decrypt it (read EncryptedMessage), for events without
	// text, and for an action without action text or attachment title.
	Message *string `json:"message"`
	// IsEncrypted tells whether the message is stored encrypted.
	IsEncrypted bool `json:"is_encrypted"`
	// EncryptedMessage is the ciphertext; present only when IsEncrypted.
	EncryptedMessage *string `json:"encrypted_message,omitempty"`
	// SensitiveDataPurgedAt is when the message's sensitive data (message
	// and the visitor's names) was purged, nil if not purged.
	SensitiveDataPurgedAt *Time `json:"sensitive_data_purged_at"`
	// SelectedReplySuggestionID is the reply suggestion this message was
	// based on, nil if none.
	SelectedReplySuggestionID *string `json:"selected_reply_suggestion_id"`
	// SelectedReplySuggestion is that suggestion (id, suggestion,
	// relevancy_score), nil if none.
	SelectedReplySuggestion *SelectedReplySuggestion `json:"selected_reply_suggestion"`
	// Attachments is the rich or interactive content of the message.
	Attachments []Attachment `json:"attachments"`
	// AttachmentTemplate is generic, interaction, external or nil (see the
	// Template* constants).
	AttachmentTemplate *Template `json:"attachment_template"`
	// ResponseToMessageID is the message this one responds to, nil if none.
	ResponseToMessageID *string `json:"response_to_message_id"`
	// ResponseToAttachmentID is the attachment chosen in the response, nil
	// if none.
	ResponseToAttachmentID *string `json:"response_to_attachment_id"`
	// ResponseToAttachment is that attachment, nil if none.
	ResponseToAttachment *Attachment `json:"response_to_attachment"`
	// ResponseToActionID is the attachment action chosen, nil if none.
	ResponseToActionID *string `json:"response_to_action_id"`
	// ResponseToAction is that action, nil if none.
	ResponseToAction *AttachmentAction `json:"response_to_action"`
	// ResponseValue is the chosen value: the action's value, or the
	// attachment's title_link_url, image_url, image_link_url or a link of
	// its text. nil if the message is not a response.
	ResponseValue *string `json:"response_value"`
	// ResponseText is the response text: free-form text for an interaction
	// attachment response, usually nil for a generic attachment.
	ResponseText *string `json:"response_text"`
}

// SelectedReplySuggestion is the reply suggestion a message was based on, as
// nested in ChatMessage.
type SelectedReplySuggestion struct {
	// ID is the reply suggestion's ID.
	ID string `json:"id"`
	// Suggestion is the suggested text; the sent message may differ if the
	// user edited it before sending.
	Suggestion string `json:"suggestion"`
	// RelevancyScore is how good a reply the suggestion is, between 0 and 1,
	// or nil.
	RelevancyScore *float64 `json:"relevancy_score"`
}

// Attachment is rich or interactive content of a chat message. Which fields
// apply depends on the message's attachment template:
//   - generic: at least one of Title, Text, ImageURL or Actions (else the API
//     answers 400); TitleLinkURL, ImageLinkURL, LinkTarget also apply.
//   - interaction: InteractionID is required; Title, Text (shown to the
//     operator only) and Parameters are optional. One attachment per message.
//   - external: AttachmentURL is required; Title, Text and Parameters (added
//     to the URL as query parameters) are optional. One attachment per
//     message.
//
// Empty fields are not sent.
type Attachment struct {
	// ID is the attachment's UUID (read-only).
	ID string `json:"id,omitempty"`
	// Title is shown to the visitor (generic) or only to the operator.
	Title string `json:"title,omitempty"`
	// TitleLinkURL makes the title a link (generic).
	TitleLinkURL string `json:"title_link_url,omitempty"`
	// Text is a description, Markdown allowed (bold, cursive, link).
	Text string `json:"text,omitempty"`
	// ImageURL is an image to show (generic).
	ImageURL string `json:"image_url,omitempty"`
	// ImageLinkURL makes the image a link (generic).
	ImageLinkURL string `json:"image_link_url,omitempty"`
	// LinkTarget is _blank (default, new tab) or _parent (current tab) for
	// TitleLinkURL and ImageLinkURL.
	LinkTarget LinkTarget `json:"link_target,omitempty"`
	// Actions are the buttons of a generic attachment.
	Actions []AttachmentAction `json:"actions,omitempty"`
	// InteractionID is the interaction to attach (interaction template).
	InteractionID string `json:"interaction_id,omitempty"`
	// AttachmentURL is the external page to show in an iframe (external
	// template).
	AttachmentURL string `json:"attachment_url,omitempty"`
	// Parameters is free-form JSON passed to the interaction or appended to
	// AttachmentURL. The chat window reads initial_height (iframe height in
	// pixels).
	Parameters map[string]any `json:"parameters,omitempty"`
}

// AttachmentAction is a button of a generic attachment.
type AttachmentAction struct {
	// ID is the action's UUID (read-only).
	ID string `json:"id,omitempty"`
	// Text is the button label (required).
	Text string `json:"text"`
	// Type is button or link_button (required).
	Type ActionType `json:"type"`
	// LinkTarget is _blank (default) or _parent for a link_button.
	LinkTarget LinkTarget `json:"link_target,omitempty"`
	// Value is the action's value (required); for a link_button a URL or an
	// anchor such as #contact-us.
	Value string `json:"value"`
	// Style is the button colour: primary, secondary (default), info,
	// success, warning, danger, link, brand_primary or brand_secondary.
	Style Style `json:"style,omitempty"`
	// IsDisabledOnSelection disables the attachment's actions that have it
	// set once one of them is selected (required; always sent).
	IsDisabledOnSelection bool `json:"is_disabled_on_selection"`
	// IsDisabledOnVisitorMessage disables the action once the visitor sends
	// a new msg message (required; always sent).
	IsDisabledOnVisitorMessage bool `json:"is_disabled_on_visitor_message"`
}

// MessageCreate is the body of Messages.Send. The message is sent with type
// msg and the scope's user as sender.
type MessageCreate struct {
	// Message is the text, at most 2000 characters. Required unless the
	// message has attachments.
	Message string `json:"message,omitempty"`
	// AttachmentTemplate is generic, interaction or external (see Attachment).
	AttachmentTemplate Template `json:"attachment_template,omitempty"`
	// Attachments are rich or interactive content (one only for the
	// interaction and external templates).
	Attachments []Attachment `json:"attachments,omitempty"`
	// SelectedReplySuggestionID is the reply suggestion the message is based
	// on, under the attribute name of the message model.
	SelectedReplySuggestionID string `json:"selected_reply_suggestion_id,omitempty"`
	// ChatReplySuggestionID is the same reference under the name the "Send a
	// chat message" section uses (chat_reply_suggestion_id). The docs name
	// both; set the one your integration expects (either is sent only when
	// non-empty).
	ChatReplySuggestionID string `json:"chat_reply_suggestion_id,omitempty"`
}

// MessageListParams filters a message list.
type MessageListParams struct {
	// ListOptions holds the paging controls; they are not query parameters.
	ListOptions
	// TypeIn lists only messages of these types (sent comma separated, e.g.
	// type__in=msg,join).
	TypeIn []MessageType `url:"type__in,comma,omitempty"`
	// TypeNotIn excludes messages of these types.
	TypeNotIn []MessageType `url:"type__not_in,comma,omitempty"`
}

// MessageType is the type of a chat message (ChatMessage.Type and the
// MessageListParams filters). Values not listed here decode as they are.
type MessageType string

// Message types (ChatMessage.Type and the MessageListParams filters).
const (
	MessageTypeMsg                MessageType = "msg"
	MessageTypeAutosuggest        MessageType = "autosuggest"
	MessageTypeJoin               MessageType = "join"
	MessageTypeLeave              MessageType = "leave"
	MessageTypeShoppingCartLocked MessageType = "shoppingcart_locked"
	MessageTypeAction             MessageType = "action"
	MessageTypeCallRequest        MessageType = "call_request"
	MessageTypeCallEnded          MessageType = "call_ended"
	MessageTypeInteractionSubmit  MessageType = "interaction_submit"
	MessageTypeSystem             MessageType = "system"
)

// SenderType is the kind of sender of a chat message
// (ChatMessage.SenderType). Values not listed here decode as they are.
type SenderType string

// Sender types of a chat message.
const (
	SenderUser    SenderType = "user"
	SenderVisitor SenderType = "visitor"
	SenderRule    SenderType = "rule"
)

// Template is the attachment template of a chat message
// (ChatMessage.AttachmentTemplate, MessageCreate.AttachmentTemplate). Values
// not listed here decode as they are.
type Template string

// Attachment templates of a chat message.
const (
	TemplateGeneric     Template = "generic"
	TemplateInteraction Template = "interaction"
	TemplateExternal    Template = "external"
)

// ActionType is the type of an attachment action (AttachmentAction.Type).
// Values not listed here decode as they are.
type ActionType string

// Attachment action types.
const (
	ActionButton     ActionType = "button"
	ActionLinkButton ActionType = "link_button"
)

// LinkTarget is where a link of an attachment or link button opens
// (Attachment.LinkTarget, AttachmentAction.LinkTarget). Values not listed
// here decode as they are.
type LinkTarget string

// Link targets of attachments and link buttons.
const (
	LinkTargetBlank  LinkTarget = "_blank"
	LinkTargetParent LinkTarget = "_parent"
)

// Style is the colour of an attachment action button (AttachmentAction.Style).
// Values not listed here decode as they are.
type Style string

// Attachment action styles (the button colour; secondary by default).
const (
	StylePrimary        Style = "primary"
	StyleSecondary      Style = "secondary"
	StyleInfo           Style = "info"
	StyleSuccess        Style = "success"
	StyleWarning        Style = "warning"
	StyleDanger         Style = "danger"
	StyleLink           Style = "link"
	StyleBrandPrimary   Style = "brand_primary"
	StyleBrandSecondary Style = "brand_secondary"
)

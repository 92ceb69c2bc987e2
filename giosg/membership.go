package giosg

import (
	"encoding/json"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// ChatMembership is the membership of a visitor or a user in a chat.
type ChatMembership struct {
	// MemberID is the ID of the user (UUID) or visitor (string).
	MemberID string `json:"member_id"`
	// MemberType is user or visitor.
	MemberType MemberType `json:"member_type"`
	// MemberName is the name an operator sees: a user's real name, a
	// visitor's custom name, or nil.
	MemberName *string `json:"member_name"`
	// MemberPublicName is the name a visitor sees: a user's alias (or real
	// name), a visitor's custom username, or nil.
	MemberPublicName *string `json:"member_public_name"`
	// MemberAvatar is the member's avatar image, nil if none.
	MemberAvatar *Avatar `json:"member_avatar"`
	// MemberOrganizationID is the member's organization (nil for visitors).
	MemberOrganizationID *string `json:"member_organization_id"`
	// RoomID is the room where the chat takes place.
	RoomID string `json:"room_id"`
	// RoomOrganizationID is the organization of that room.
	RoomOrganizationID string `json:"room_organization_id"`
	// ChatID is the chat.
	ChatID string `json:"chat_id"`
	// CreatedAt is when the member was added.
	CreatedAt Time `json:"created_at"`
	// LastSeenAt is when the member last saw the conversation; nil if not set.
	LastSeenAt *Time `json:"last_seen_at"`
	// UpdatedAt is when the membership was updated.
	UpdatedAt Time `json:"updated_at"`
	// ChatCreatedAt is when the chat started.
	ChatCreatedAt Time `json:"chat_created_at"`
	// MessageCount is how many messages the member has sent (may be 0).
	MessageCount int `json:"message_count"`
	// IsBot tells whether the member is a bot user.
	IsBot bool `json:"is_bot"`
	// IsUserDeleted tells whether the member user is deleted.
	IsUserDeleted bool `json:"is_user_deleted"`
	// IsParticipating tells whether the member has the chat open.
	IsParticipating bool `json:"is_participating"`
	// IsPresent tells whether the member is present now (false when not
	// participating).
	IsPresent bool `json:"is_present"`
	// ComposingStatus is idle, typing or typed (see the Composing* constants).
	ComposingStatus ComposingStatus `json:"composing_status"`

	// LegacyMemberID is a legacy ID of the user.
	//
	// Deprecated: the API keeps it for old integrations only.
	LegacyMemberID string `json:"legacy_member_id,omitempty"`
}

// Avatar is an avatar image of a chat member or message sender.
type Avatar struct {
	// ID is the avatar image's ID.
	ID string `json:"id"`
	// URL is where the avatar image can be fetched.
	URL string `json:"url"`
}

// MembershipJoin is the body of Memberships.Join.
type MembershipJoin struct {
	// MemberID is the user to add. Required for the organization scopes
	// (OrgOwnedChats, OrgInvolvedChats, OrgRoutedChats); not sent when empty
	// (the user scopes join the scope's user).
	MemberID string `json:"member_id,omitempty"`
	// IsParticipating is whether the user participates; usually true when
	// joining. Joining a pending chat with true removes it from everyone's
	// pending chats.
	IsParticipating bool `json:"is_participating"`
	// ComposingStatus is required; usually ComposingIdle.
	ComposingStatus ComposingStatus `json:"composing_status"`
}

// MembershipUpdate is the body of Memberships.Update: the user's presence
// in a chat, typing status and last-seen time.
type MembershipUpdate struct {
	// IsParticipating is whether the user has the chat open (required).
	IsParticipating bool `json:"is_participating"`
	// ComposingStatus is idle, typing or typed (required).
	ComposingStatus ComposingStatus `json:"composing_status"`
	// LastSeenAt, when set, tells other clients the user has seen the
	// conversation up to this time (&giosg.Time{Time: time.Now()}). It is
	// sent as the docs show it: in UTC without a zone, to the millisecond
	// ("2015-02-13T11:31:36.042").
	LastSeenAt *Time `json:"last_seen_at,omitempty"`
}

// MarshalJSON encodes the update with LastSeenAt in the documented form.
func (u MembershipUpdate) MarshalJSON() ([]byte, error) {
	type fields MembershipUpdate
	out := struct {
		fields
		LastSeenAt *lenient.ZonelessUTC `json:"last_seen_at,omitempty"`
	}{fields: fields(u)}
	if u.LastSeenAt != nil {
		out.LastSeenAt = &lenient.ZonelessUTC{Time: lenient.Time(*u.LastSeenAt)}
	}
	return json.Marshal(out)
}

// MembershipListParams filters Memberships.ListForUser.
type MembershipListParams struct {
	// ListOptions holds the paging controls; they are not query parameters.
	ListOptions
	// IsParticipating true lists only memberships of chats where the user
	// participates, false only the others.
	IsParticipating *bool `url:"is_participating,omitempty"`
}

// ComposingStatus is whether a chat member is typing
// (ChatMembership.ComposingStatus, MembershipJoin and MembershipUpdate).
// Values not listed here decode as they are.
type ComposingStatus string

// Composing statuses of a chat membership.
const (
	ComposingIdle   ComposingStatus = "idle"
	ComposingTyping ComposingStatus = "typing"
	ComposingTyped  ComposingStatus = "typed"
)

// MemberType is the kind of member of a chat membership
// (ChatMembership.MemberType). Values not listed here decode as they are.
type MemberType string

// Member types of a chat membership.
const (
	MemberUser    MemberType = "user"
	MemberVisitor MemberType = "visitor"
)

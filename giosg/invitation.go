package giosg

// ChatInvitation invites a user, a team (own or shared by a partner
// organization) or a partner organization to an ongoing chat. Exactly one of
// InvitedUserID, InvitedTeamID and InvitedOrganizationID is set.
type ChatInvitation struct {
	// ID is the invitation's UUID.
	ID string `json:"id"`
	// IsAccepted tells whether the invitation has been accepted.
	IsAccepted bool `json:"is_accepted"`
	// IsExpired tells whether the invitation has expired (it expires when
	// not accepted before the chat ends). A null value decodes as false.
	//
	// The documented incoming-invitations example repeats this key
	// ("is_expired": false, then "is_expired": null). encoding/json applies
	// the keys in order, so the last one is applied; null leaves a bool
	// unchanged, so such an answer decodes without error as false.
	IsExpired bool `json:"is_expired"`
	// InvitedByUserID is the user who invited.
	InvitedByUserID string `json:"invited_by_user_id"`
	// InvitedByUser is that user.
	InvitedByUser *UserRef `json:"invited_by_user"`
	// ChatID is the chat.
	ChatID string `json:"chat_id"`
	// RoomID is the room in which the chat occurred.
	RoomID string `json:"room_id"`
	// InvitedUserID is the invited user, nil if a team or organization was
	// invited.
	InvitedUserID *string `json:"invited_user_id"`
	// InvitedTeamID is the invited team, nil otherwise.
	InvitedTeamID *string `json:"invited_team_id"`
	// InvitedOrganizationID is the invited organization, nil otherwise.
	InvitedOrganizationID *string `json:"invited_organization_id"`
	// InviteeName is the full name of the user, or the name of the team or
	// organization invited.
	InviteeName string `json:"invitee_name"`
	// AcceptedByUserID is the user who accepted, nil if not accepted.
	AcceptedByUserID *string `json:"accepted_by_user_id"`
	// AcceptedByUser is that user, nil if not accepted.
	AcceptedByUser *UserRef `json:"accepted_by_user"`
	// UserMemberCount is how many users are in the chat.
	UserMemberCount int `json:"user_member_count"`
	// VisitorMemberCount is how many visitors are in the chat.
	VisitorMemberCount int `json:"visitor_member_count"`
	// CreatedAt is when the invitation was sent.
	CreatedAt Time `json:"created_at"`
	// UpdatedAt is when the invitation was last updated.
	UpdatedAt Time `json:"updated_at"`
	// AcceptedAt is when it was accepted, nil if not.
	AcceptedAt *Time `json:"accepted_at"`
	// ExpiredAt is when it expired, nil if it has not (or was accepted).
	ExpiredAt *Time `json:"expired_at"`
}

// UserRef is a user as nested in other objects (who invited, who accepted,
// who created a reply suggestion).
type UserRef struct {
	// ID is the user's UUID.
	ID string `json:"id"`
	// FullName is the user's full name (e.g. "Bill Giosg").
	FullName string `json:"full_name"`
	// FirstName is the user's first name.
	FirstName string `json:"first_name"`
	// LastName is the user's last name.
	LastName string `json:"last_name"`
	// OrganizationID is the UUID of the user's organization.
	OrganizationID string `json:"organization_id"`
	// IsBot is present in some answers only (reply suggestions); nil when
	// absent.
	IsBot *bool `json:"is_bot,omitempty"`
}

// InvitationCreate is the body of Invitations.Send: set exactly one of the
// three IDs.
type InvitationCreate struct {
	// InvitedUserID invites a user of your organization.
	InvitedUserID string `json:"invited_user_id,omitempty"`
	// InvitedTeamID invites your own team or a team shared by a partner
	// organization.
	InvitedTeamID string `json:"invited_team_id,omitempty"`
	// InvitedOrganizationID invites a partner organization.
	InvitedOrganizationID string `json:"invited_organization_id,omitempty"`
}

// InvitationUpdate is the body of the invitation updates (PUT and PATCH).
// For outgoing invitations the API reads only IsExpired, which must be
// true; for incoming invitations IsAccepted is required (true accepts).
type InvitationUpdate struct {
	// IsAccepted true accepts an incoming invitation; required for
	// incoming invitations.
	IsAccepted *bool `json:"is_accepted,omitempty"`
	// IsExpired true expires an outgoing invitation; only outgoing
	// invitations accept it.
	IsExpired *bool `json:"is_expired,omitempty"`
}

// InvitationListParams filters the invitation lists.
type InvitationListParams struct {
	// ListOptions holds the paging controls; they are not query parameters.
	ListOptions
	// IsAccepted true lists only accepted invitations, false only pending
	// ones that have not expired.
	IsAccepted *bool `url:"is_accepted,omitempty"`
	// IsExpired true lists only expired invitations, false only those not
	// expired.
	IsExpired *bool `url:"is_expired,omitempty"`
}

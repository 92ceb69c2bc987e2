package giosgtest

import "time"

// The JSON the fake answers, attribute for attribute as documented.
// Chats, memberships and messages carry datetimes without a zone
// ("2015-02-13T11:31:36.042", UTC), the other objects with one
// ("2016-09-01T11:31:36.042Z"), as in the docs' examples, so that clients
// meet both forms.

const (
	localLayout = "2006-01-02T15:04:05.000"
	zonedLayout = "2006-01-02T15:04:05.000Z"
)

func local(t time.Time) string { return t.UTC().Format(localLayout) }
func zoned(t time.Time) string { return t.UTC().Format(zonedLayout) }
func strPtr(s string) *string  { return &s }
func timePtr(t time.Time) *time.Time {
	return &t
}

func localPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return strPtr(local(*t))
}

func zonedPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return strPtr(zoned(*t))
}

type chatView struct {
	ID                             string   `json:"id"`
	Token                          string   `json:"token"`
	CreatedAt                      string   `json:"created_at"`
	EndedAt                        *string  `json:"ended_at"`
	WaitingStartedAt               *string  `json:"waiting_started_at"`
	UpdatedAt                      string   `json:"updated_at"`
	RoomID                         string   `json:"room_id"`
	RoomName                       string   `json:"room_name"`
	RoomOrganizationID             string   `json:"room_organization_id"`
	ChatType                       string   `json:"chat_type"`
	IsEnded                        bool     `json:"is_ended"`
	IsPrivate                      bool     `json:"is_private"`
	IsRealConversation             bool     `json:"is_real_conversation"`
	IsAutosuggested                bool     `json:"is_autosuggested"`
	IsEncrypted                    bool     `json:"is_encrypted"`
	EncryptedSymmetricKey          *string  `json:"encrypted_symmetric_key,omitempty"`
	MessageCount                   int      `json:"message_count"`
	UserMessageCount               int      `json:"user_message_count"`
	VisitorMessageCount            int      `json:"visitor_message_count"`
	HasMessages                    bool     `json:"has_messages"`
	HasUserMessages                bool     `json:"has_user_messages"`
	HasVisitorMessages             bool     `json:"has_visitor_messages"`
	FirstVisitorMessageURL         *string  `json:"first_visitor_message_url"`
	FirstVisitorMessageURLTitle    *string  `json:"first_visitor_message_url_title"`
	AutosuggestURL                 *string  `json:"autosuggest_url"`
	AutosuggestURLTitle            *string  `json:"autosuggest_url_title"`
	TagCount                       int      `json:"tag_count"`
	IsWaiting                      bool     `json:"is_waiting"`
	IsPending                      bool     `json:"is_pending"`
	MemberCount                    int      `json:"member_count"`
	UserMemberCount                int      `json:"user_member_count"`
	VisitorMemberCount             int      `json:"visitor_member_count"`
	PresentParticipantCount        int      `json:"present_participant_count"`
	PresentUserParticipantCount    int      `json:"present_user_participant_count"`
	PresentVisitorParticipantCount int      `json:"present_visitor_participant_count"`
	VisitorWaitTime                *float64 `json:"visitor_wait_time"`
	Duration                       *float64 `json:"duration"`
	ActiveDuration                 *float64 `json:"active_duration"`
	LegacyConversationState        string   `json:"legacy_conversation_state"`
	LegacyRoomID                   string   `json:"legacy_room_id"`
}

func (s *Server) chatView(c *chat) chatView {
	rm := s.st.rooms[c.roomID]
	n := c.counts()
	v := chatView{
		ID:                             c.id,
		Token:                          c.token,
		CreatedAt:                      local(c.createdAt),
		EndedAt:                        localPtr(c.endedAt),
		WaitingStartedAt:               localPtr(c.waitingStartedAt),
		UpdatedAt:                      local(c.updatedAt),
		RoomID:                         c.roomID,
		ChatType:                       c.chatType,
		IsEnded:                        c.isEnded,
		IsPrivate:                      c.isPrivate,
		IsRealConversation:             c.isRealConversation || (n.hasUserMessages && n.hasVisitorMessages),
		IsAutosuggested:                c.isAutosuggested,
		IsEncrypted:                    c.encryptedSymmetricKey != "",
		MessageCount:                   n.messages,
		UserMessageCount:               n.userMessages,
		VisitorMessageCount:            n.visitorMessages,
		HasMessages:                    n.hasMessages,
		HasUserMessages:                n.hasUserMessages,
		HasVisitorMessages:             n.hasVisitorMessages,
		FirstVisitorMessageURL:         c.firstVisitorURL,
		FirstVisitorMessageURLTitle:    c.firstVisitorURLTitle,
		AutosuggestURL:                 c.autosuggestURL,
		AutosuggestURLTitle:            c.autosuggestURLTitle,
		TagCount:                       len(c.tags),
		IsWaiting:                      c.isWaiting,
		IsPending:                      n.pending,
		MemberCount:                    n.members,
		UserMemberCount:                n.userMembers,
		VisitorMemberCount:             n.visitorMembers,
		PresentParticipantCount:        n.presentParticipants,
		PresentUserParticipantCount:    n.presentUsers,
		PresentVisitorParticipantCount: n.presentVisitors,
		LegacyConversationState:        c.legacyConversationState,
		LegacyRoomID:                   c.legacyRoomID,
	}
	if rm != nil {
		v.RoomName, v.RoomOrganizationID = rm.name, rm.orgID
	}
	if c.encryptedSymmetricKey != "" {
		v.EncryptedSymmetricKey = strPtr(c.encryptedSymmetricKey)
	}
	if v.LegacyConversationState == "" {
		switch {
		case c.isEnded:
			v.LegacyConversationState = "ended"
		case c.isWaiting:
			v.LegacyConversationState = "waiting"
		default:
			v.LegacyConversationState = "open"
		}
	}
	if first, wait := c.visitorWaitTime(); first {
		v.VisitorWaitTime = &wait
	}
	if c.isEnded && len(c.messages) > 0 {
		d := c.messages[len(c.messages)-1].createdAt.Sub(c.messages[0].createdAt).Seconds()
		v.Duration = &d
		active := c.activeDuration()
		v.ActiveDuration = &active
	}
	return v
}

// visitorWaitTime is the seconds from the first visitor message to the first
// user message after it.
func (c *chat) visitorWaitTime() (bool, float64) {
	var asked *time.Time
	for _, m := range c.messages {
		if m.msgType != "msg" {
			continue
		}
		if m.senderType == "visitor" && asked == nil {
			asked = timePtr(m.createdAt)
		}
		if m.senderType == "user" && asked != nil {
			return true, m.createdAt.Sub(*asked).Seconds()
		}
	}
	return false, 0
}

// activeDuration counts each message as 60 seconds of activity, cut short
// by the next message.
func (c *chat) activeDuration() float64 {
	total := 0.0
	for i, m := range c.messages {
		d := 60.0
		if i+1 < len(c.messages) {
			d = min(d, c.messages[i+1].createdAt.Sub(m.createdAt).Seconds())
		}
		total += d
	}
	return total
}

type avatarView struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

type membershipView struct {
	MemberID             string      `json:"member_id"`
	MemberType           string      `json:"member_type"`
	MemberName           *string     `json:"member_name"`
	MemberPublicName     *string     `json:"member_public_name"`
	MemberAvatar         *avatarView `json:"member_avatar"`
	MemberOrganizationID *string     `json:"member_organization_id"`
	ChatID               string      `json:"chat_id"`
	RoomID               string      `json:"room_id"`
	RoomOrganizationID   string      `json:"room_organization_id"`
	CreatedAt            string      `json:"created_at"`
	LastSeenAt           *string     `json:"last_seen_at"`
	UpdatedAt            string      `json:"updated_at"`
	ChatCreatedAt        string      `json:"chat_created_at"`
	IsBot                bool        `json:"is_bot"`
	IsUserDeleted        bool        `json:"is_user_deleted"`
	IsParticipating      bool        `json:"is_participating"`
	IsPresent            bool        `json:"is_present"`
	ComposingStatus      string      `json:"composing_status"`
	MessageCount         int         `json:"message_count"`
	LegacyMemberID       *string     `json:"legacy_member_id,omitempty"`
}

func (s *Server) membershipView(m *membership) membershipView {
	c := s.st.chats[m.chatID]
	v := membershipView{
		MemberID:        m.memberID,
		MemberType:      m.memberType,
		ChatID:          m.chatID,
		RoomID:          c.roomID,
		CreatedAt:       local(m.createdAt),
		LastSeenAt:      localPtr(m.lastSeenAt),
		UpdatedAt:       local(m.updatedAt),
		ChatCreatedAt:   local(c.createdAt),
		IsParticipating: m.isParticipating,
		IsPresent:       m.present(),
		ComposingStatus: m.composingStatus,
		MessageCount:    c.memberMessageCount(m.memberID),
	}
	if rm := s.st.rooms[c.roomID]; rm != nil {
		v.RoomOrganizationID = rm.orgID
	}
	if u := s.st.users[m.memberID]; u != nil && m.memberType == "user" {
		v.MemberName = strPtr(u.fullName())
		v.MemberPublicName = strPtr(u.publicName())
		v.MemberAvatar = &avatarView{ID: avatarID(u.id), URL: "https://service.giosg.com/avatars/" + u.id + ".jpg"}
		v.MemberOrganizationID = strPtr(u.orgID)
		v.IsBot = u.isBot
	}
	if m.legacyMemberID != "" {
		v.LegacyMemberID = strPtr(m.legacyMemberID)
	}
	return v
}

// avatarID derives a stable avatar ID from a user ID.
func avatarID(userID string) string { return deriveID("avatar:" + userID) }

type suggestionRefView struct {
	ID             string   `json:"id"`
	Suggestion     string   `json:"suggestion"`
	RelevancyScore *float64 `json:"relevancy_score"`
}

type messageView struct {
	ID                        string             `json:"id"`
	Type                      string             `json:"type"`
	ChatID                    string             `json:"chat_id"`
	RoomID                    string             `json:"room_id"`
	CreatedAt                 string             `json:"created_at"`
	SenderType                string             `json:"sender_type"`
	SenderID                  string             `json:"sender_id"`
	SenderPublicName          *string            `json:"sender_public_name"`
	SenderName                *string            `json:"sender_name"`
	SenderAvatar              *avatarView        `json:"sender_avatar"`
	Message                   *string            `json:"message"`
	IsEncrypted               bool               `json:"is_encrypted"`
	SensitiveDataPurgedAt     *string            `json:"sensitive_data_purged_at"`
	SelectedReplySuggestionID *string            `json:"selected_reply_suggestion_id"`
	SelectedReplySuggestion   *suggestionRefView `json:"selected_reply_suggestion"`
	Attachments               []*attachment      `json:"attachments"`
	AttachmentTemplate        *string            `json:"attachment_template"`
	ResponseToMessageID       *string            `json:"response_to_message_id"`
	ResponseToAttachmentID    *string            `json:"response_to_attachment_id"`
	ResponseToAttachment      *attachment        `json:"response_to_attachment"`
	ResponseToActionID        *string            `json:"response_to_action_id"`
	ResponseToAction          *action            `json:"response_to_action"`
	ResponseValue             *string            `json:"response_value"`
	ResponseText              *string            `json:"response_text"`
}

func (s *Server) messageView(m *message) messageView {
	c := s.st.chats[m.chatID]
	v := messageView{
		ID:                        m.id,
		Type:                      m.msgType,
		ChatID:                    m.chatID,
		RoomID:                    c.roomID,
		CreatedAt:                 local(m.createdAt),
		SenderType:                m.senderType,
		SenderID:                  m.senderID,
		Message:                   m.text,
		SensitiveDataPurgedAt:     localPtr(m.sensitiveDataPurgedAt),
		SelectedReplySuggestionID: m.selectedSuggestionID,
		Attachments:               m.attachments,
		AttachmentTemplate:        m.attachmentTemplate,
		ResponseToMessageID:       m.responseToMessageID,
		ResponseToAttachmentID:    m.responseToAttachmentID,
		ResponseToAttachment:      m.responseToAttachmentRef,
		ResponseToActionID:        m.responseToActionID,
		ResponseToAction:          m.responseToActionRef,
		ResponseValue:             m.responseValue,
		ResponseText:              m.responseText,
	}
	if v.Attachments == nil {
		v.Attachments = []*attachment{}
	}
	switch m.senderType {
	case "user":
		if u := s.st.users[m.senderID]; u != nil {
			v.SenderName = strPtr(u.fullName())
			v.SenderPublicName = strPtr(u.publicName())
			v.SenderAvatar = &avatarView{ID: avatarID(u.id), URL: "https://service.giosg.com/avatars/" + u.id + ".jpg"}
		}
	case "visitor":
		v.SenderName, v.SenderPublicName = m.visitorDisplayName, m.visitorPublicName
	}
	if m.selectedSuggestionID != nil {
		if sg := c.suggestion(*m.selectedSuggestionID); sg != nil {
			v.SelectedReplySuggestion = &suggestionRefView{ID: sg.id, Suggestion: sg.text, RelevancyScore: sg.relevancyScore}
		}
	}
	return v
}

type userRefView struct {
	ID             string `json:"id"`
	FullName       string `json:"full_name"`
	FirstName      string `json:"first_name"`
	LastName       string `json:"last_name"`
	OrganizationID string `json:"organization_id"`
	IsBot          bool   `json:"is_bot"`
}

func (s *Server) userRef(id string) *userRefView {
	u := s.st.users[id]
	if u == nil {
		return nil
	}
	return &userRefView{ID: u.id, FullName: u.fullName(), FirstName: u.firstName, LastName: u.lastName, OrganizationID: u.orgID, IsBot: u.isBot}
}

type invitationView struct {
	ID                    string       `json:"id"`
	IsAccepted            bool         `json:"is_accepted"`
	IsExpired             bool         `json:"is_expired"`
	InvitedByUserID       string       `json:"invited_by_user_id"`
	InvitedByUser         *userRefView `json:"invited_by_user"`
	ChatID                string       `json:"chat_id"`
	RoomID                string       `json:"room_id"`
	InvitedUserID         *string      `json:"invited_user_id"`
	InvitedTeamID         *string      `json:"invited_team_id"`
	InvitedOrganizationID *string      `json:"invited_organization_id"`
	InviteeName           string       `json:"invitee_name"`
	AcceptedByUserID      *string      `json:"accepted_by_user_id"`
	AcceptedByUser        *userRefView `json:"accepted_by_user"`
	UserMemberCount       int          `json:"user_member_count"`
	VisitorMemberCount    int          `json:"visitor_member_count"`
	CreatedAt             string       `json:"created_at"`
	UpdatedAt             string       `json:"updated_at"`
	AcceptedAt            *string      `json:"accepted_at"`
	ExpiredAt             *string      `json:"expired_at"`
}

func (s *Server) invitationView(inv *invitation) invitationView {
	c := s.st.chats[inv.chatID]
	n := c.counts()
	v := invitationView{
		ID:                    inv.id,
		IsAccepted:            inv.isAccepted,
		IsExpired:             inv.isExpired,
		InvitedByUserID:       inv.invitedByUserID,
		InvitedByUser:         s.userRef(inv.invitedByUserID),
		ChatID:                inv.chatID,
		RoomID:                c.roomID,
		InvitedUserID:         inv.invitedUserID,
		InvitedTeamID:         inv.invitedTeamID,
		InvitedOrganizationID: inv.invitedOrganizationID,
		AcceptedByUserID:      inv.acceptedByUserID,
		UserMemberCount:       n.userMembers,
		VisitorMemberCount:    n.visitorMembers,
		CreatedAt:             zoned(inv.createdAt),
		UpdatedAt:             zoned(inv.updatedAt),
		AcceptedAt:            zonedPtr(inv.acceptedAt),
		ExpiredAt:             zonedPtr(inv.expiredAt),
	}
	if inv.acceptedByUserID != nil {
		v.AcceptedByUser = s.userRef(*inv.acceptedByUserID)
	}
	switch {
	case inv.invitedUserID != nil:
		if u := s.st.users[*inv.invitedUserID]; u != nil {
			v.InviteeName = u.fullName()
		}
	case inv.invitedTeamID != nil:
		if t := s.st.teams[*inv.invitedTeamID]; t != nil {
			v.InviteeName = t.name
		}
	case inv.invitedOrganizationID != nil:
		if o := s.st.orgs[*inv.invitedOrganizationID]; o != nil {
			v.InviteeName = o.name
		}
	}
	return v
}

type tagView struct {
	Name       string `json:"name"`
	CreatedAt  string `json:"created_at"`
	HashedName string `json:"hashed_name"`
	RoomID     string `json:"room_id"`
}

func tagViewOf(t *tag) tagView {
	return tagView{Name: t.name, CreatedAt: zoned(t.createdAt), HashedName: hashedName(t.name), RoomID: t.roomID}
}

type starterView struct {
	LanguageCode string `json:"language_code"`
	Message      string `json:"message"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
}

func starterViewOf(cs *starter) starterView {
	return starterView{LanguageCode: cs.languageCode, Message: cs.message, CreatedAt: zoned(cs.createdAt), UpdatedAt: zoned(cs.updatedAt)}
}

type suggestionView struct {
	ID              string       `json:"id"`
	Suggestion      string       `json:"suggestion"`
	RelevancyScore  *float64     `json:"relevancy_score"`
	CreatedByUserID string       `json:"created_by_user_id"`
	CreatedByUser   *userRefView `json:"created_by_user"`
	UpdatedByUserID string       `json:"updated_by_user_id"`
	UpdatedByUser   *userRefView `json:"updated_by_user"`
	RoomID          string       `json:"room_id"`
	ChatID          string       `json:"chat_id"`
	MessageID       string       `json:"message_id"`
	OrganizationID  string       `json:"organization_id"`
	CreatedAt       string       `json:"created_at"`
	UpdatedAt       string       `json:"updated_at"`
}

func (s *Server) suggestionView(sg *suggestion) suggestionView {
	c := s.st.chats[sg.chatID]
	return suggestionView{
		ID:              sg.id,
		Suggestion:      sg.text,
		RelevancyScore:  sg.relevancyScore,
		CreatedByUserID: sg.createdByUserID,
		CreatedByUser:   s.userRef(sg.createdByUserID),
		UpdatedByUserID: sg.updatedByUserID,
		UpdatedByUser:   s.userRef(sg.updatedByUserID),
		RoomID:          c.roomID,
		ChatID:          sg.chatID,
		MessageID:       sg.msgID,
		OrganizationID:  sg.organizationID,
		CreatedAt:       zoned(sg.createdAt),
		UpdatedAt:       zoned(sg.updatedAt),
	}
}

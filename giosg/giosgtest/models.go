//lint:file-ignore SA1019 the fake serves every documented attribute, the deprecated legacy ones too.

package giosgtest

import (
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// The fake answers with the giosg package's own model types, built from its
// state. The answers are encoded after Server.mu is released, so they hold
// no pointer to state that a later request may change.

func apiTime(t time.Time) giosg.Time { return giosg.Time{Time: t} }

func apiTimePtr(t *time.Time) *giosg.Time {
	if t == nil {
		return nil
	}
	return &giosg.Time{Time: *t}
}

func (s *Server) chatModel(c *chat) giosg.Chat {
	n := c.counts()
	v := giosg.Chat{
		ID:                             c.id,
		Token:                          c.token,
		CreatedAt:                      apiTime(c.createdAt),
		EndedAt:                        apiTimePtr(c.endedAt),
		WaitingStartedAt:               apiTimePtr(c.waitingStartedAt),
		UpdatedAt:                      apiTime(c.updatedAt),
		RoomID:                         c.roomID,
		ChatType:                       giosg.ChatType(c.chatType),
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
	if rm := s.st.rooms[c.roomID]; rm != nil {
		v.RoomName, v.RoomOrganizationID = rm.name, rm.orgID
	}
	if c.encryptedSymmetricKey != "" {
		v.EncryptedSymmetricKey = chatsdk.Ptr(c.encryptedSymmetricKey)
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
			asked = chatsdk.Ptr(m.createdAt)
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

func (s *Server) membershipModel(m *membership) giosg.ChatMembership {
	c := s.st.chats[m.chatID]
	v := giosg.ChatMembership{
		MemberID:        m.memberID,
		MemberType:      giosg.MemberType(m.memberType),
		ChatID:          m.chatID,
		RoomID:          c.roomID,
		CreatedAt:       apiTime(m.createdAt),
		LastSeenAt:      apiTimePtr(m.lastSeenAt),
		UpdatedAt:       apiTime(m.updatedAt),
		ChatCreatedAt:   apiTime(c.createdAt),
		IsParticipating: m.isParticipating,
		IsPresent:       m.present(),
		ComposingStatus: giosg.ComposingStatus(m.composingStatus),
		MessageCount:    c.memberMessageCount(m.memberID),
		LegacyMemberID:  m.legacyMemberID,
	}
	if rm := s.st.rooms[c.roomID]; rm != nil {
		v.RoomOrganizationID = rm.orgID
	}
	if u := s.st.users[m.memberID]; u != nil && m.memberType == "user" {
		v.MemberName, v.MemberPublicName, v.MemberAvatar = u.appearance()
		v.MemberOrganizationID = chatsdk.Ptr(u.orgID)
		v.IsBot = u.isBot
	}
	return v
}

// appearance is how a user shows as a chat member or message sender: the
// name operators see, the name visitors see, and an avatar whose ID is
// derived from the user's.
func (u *user) appearance() (name, publicName *string, avatar *giosg.Avatar) {
	avatar = &giosg.Avatar{ID: deriveID("avatar:" + u.id), URL: "https://service.giosg.com/avatars/" + u.id + ".jpg"}
	return chatsdk.Ptr(u.fullName()), chatsdk.Ptr(u.publicName()), avatar
}

func (s *Server) messageModel(m *message) giosg.ChatMessage {
	c := s.st.chats[m.chatID]
	v := giosg.ChatMessage{
		ID:                        m.id,
		Type:                      giosg.MessageType(m.msgType),
		ChatID:                    m.chatID,
		RoomID:                    c.roomID,
		CreatedAt:                 apiTime(m.createdAt),
		SenderType:                giosg.SenderType(m.senderType),
		SenderID:                  m.senderID,
		Message:                   m.text,
		SensitiveDataPurgedAt:     apiTimePtr(m.sensitiveDataPurgedAt),
		SelectedReplySuggestionID: m.selectedSuggestionID,
		Attachments:               m.attachments,
		AttachmentTemplate:        (*giosg.Template)(m.attachmentTemplate),
		ResponseToMessageID:       m.responseToMessageID,
		ResponseToAttachmentID:    m.responseToAttachmentID,
		ResponseToAttachment:      m.responseToAttachment,
		ResponseToActionID:        m.responseToActionID,
		ResponseToAction:          m.responseToAction,
		ResponseValue:             m.responseValue,
		ResponseText:              m.responseText,
	}
	if v.Attachments == nil {
		v.Attachments = []giosg.Attachment{}
	}
	switch m.senderType {
	case "user":
		if u := s.st.users[m.senderID]; u != nil {
			v.SenderName, v.SenderPublicName, v.SenderAvatar = u.appearance()
		}
	case "visitor":
		v.SenderName, v.SenderPublicName = m.visitorDisplayName, m.visitorPublicName
	}
	if m.selectedSuggestionID != nil {
		if sg := c.suggestion(*m.selectedSuggestionID); sg != nil {
			v.SelectedReplySuggestion = &giosg.SelectedReplySuggestion{ID: sg.id, Suggestion: sg.text, RelevancyScore: sg.relevancyScore}
		}
	}
	return v
}

func (s *Server) userRef(id string) *giosg.UserRef {
	u := s.st.users[id]
	if u == nil {
		return nil
	}
	return &giosg.UserRef{ID: u.id, FullName: u.fullName(), FirstName: u.firstName, LastName: u.lastName, OrganizationID: u.orgID, IsBot: chatsdk.Ptr(u.isBot)}
}

func (s *Server) invitationModel(inv *invitation) giosg.ChatInvitation {
	c := s.st.chats[inv.chatID]
	n := c.counts()
	v := giosg.ChatInvitation{
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
		CreatedAt:             apiTime(inv.createdAt),
		UpdatedAt:             apiTime(inv.updatedAt),
		AcceptedAt:            apiTimePtr(inv.acceptedAt),
		ExpiredAt:             apiTimePtr(inv.expiredAt),
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

func tagModel(t *tag) giosg.ChatTag {
	return giosg.ChatTag{Name: t.name, CreatedAt: apiTime(t.createdAt), HashedName: hashedName(t.name), RoomID: t.roomID}
}

func starterModel(cs *starter) giosg.ConversationStarter {
	return giosg.ConversationStarter{LanguageCode: cs.languageCode, Message: cs.message, CreatedAt: apiTime(cs.createdAt), UpdatedAt: apiTime(cs.updatedAt)}
}

func (s *Server) suggestionModel(sg *suggestion) giosg.ReplySuggestion {
	return giosg.ReplySuggestion{
		ID:              sg.id,
		Suggestion:      sg.text,
		RelevancyScore:  sg.relevancyScore,
		CreatedByUserID: sg.createdByUserID,
		CreatedByUser:   s.userRef(sg.createdByUserID),
		UpdatedByUserID: chatsdk.Ptr(sg.updatedByUserID),
		UpdatedByUser:   s.userRef(sg.updatedByUserID),
		RoomID:          s.st.chats[sg.chatID].roomID,
		ChatID:          sg.chatID,
		MessageID:       sg.msgID,
		OrganizationID:  sg.organizationID,
		CreatedAt:       apiTime(sg.createdAt),
		UpdatedAt:       apiTime(sg.updatedAt),
	}
}

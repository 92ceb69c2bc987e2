package giosgtest

import (
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// IDs of the objects every Server has, taken from the giosg docs' examples
// where they have one.
const (
	// OrgID is the organization the token's users belong to. It owns RoomID.
	OrgID = "7f9e9580-095b-42c7-838c-c04e667b26f7"
	// PartnerOrgID is a partner organization. It owns PartnerRoomID, which
	// it shares with OrgID, so that room's chats are routed (not owned)
	// chats of OrgID. Invite it with invited_organization_id.
	PartnerOrgID = "54de4830-a16e-417a-802b-4bf4bcb59ed8"
	// RoomID is OrgID's room "Customer Support". Its allowed tags are
	// "Lead", "Premium customer" and "Support".
	RoomID = "9926bdfa-56e0-11e5-b98c-6c4008c08dfe"
	// PartnerRoomID is PartnerOrgID's room "Partner Sales", shared with
	// OrgID.
	PartnerRoomID = "1b6ba2e1-bfe0-11e8-8c3f-8c8590c2eeca"
	// UserID is Bill Giosg of OrgID, the user the examples act as.
	UserID = "ac83d426-be80-4d75-8c62-49a77f98468e"
	// HelperUserID is Bob von Helper of OrgID, a member of TeamID.
	HelperUserID = "006ff599-9073-11e6-a887-f45c89c72de3"
	// TeamID is OrgID's team "Support Team"; invite it with
	// invited_team_id.
	TeamID = "5b2f8c10-9073-11e6-a887-f45c89c72de3"
	// VisitorID is the visitor of PendingChatID, in RoomID.
	VisitorID = "3b90ef7c93484af4965a79ace7bc9a62"
	// ChatVisitorID is the visitor of ChatID, in RoomID.
	ChatVisitorID = "f7a5a3b83d2e40dfb0dedd6c0e284214"
	// NewVisitorID is a visitor in RoomID without any chat: creating a chat
	// with them answers 201.
	NewVisitorID = "a3fedae14aaf11e7a05ef45c89c72de3"
)

// IDs of the documented example objects, present unless WithoutExamples.
const (
	// PendingChatID is a waiting visitor chat in RoomID that no user has
	// joined yet: it is pending.
	PendingChatID = "58f5055c-56e0-11e5-9354-6c4008c08dfe"
	// RoutedChatID is a pending visitor chat in PartnerRoomID: a routed
	// and pending chat of UserID, not owned by OrgID.
	RoutedChatID = "62eb5cd5-5d52-4bb1-b711-ba31f864e775"
	// ChatID is an open visitor chat in RoomID where UserID is a
	// participating member. It has seven messages (MessageID among them),
	// the tags "Lead" and "Premium customer", and reply suggestion
	// ReplySuggestionID.
	ChatID = "3c43e25a-54d4-46de-9b1d-13ff39df30b7"
	// MessageID is a visitor message of ChatID with a reply suggestion.
	MessageID = "cb2f4b33-cc1c-11e6-97e1-f45c89c72de3"
	// AttachmentMessageID is UserID's message in ChatID with a generic
	// attachment of three buttons; ActionMessageID is the visitor's answer.
	AttachmentMessageID = "8a94b3f1-d8a9-4530-b1f1-b757a8a57078"
	// ActionMessageID is the visitor's "action" message answering the
	// "Yes" button of AttachmentMessageID.
	ActionMessageID = "899042d4-4aaf-11e7-899c-f45c89c72de3"
	// ReplySuggestionID is HelperUserID's reply suggestion for MessageID.
	ReplySuggestionID = "11d9bd6b-cc1d-11e6-8000-f45c89c72de3"
	// EndedChatID is an ended chat in RoomID where UserID is a member: it
	// refuses messages and memberships.
	EndedChatID = "100067c3-2dda-4343-b403-1bb6caf1d14d"
	// InvitationChatID is an operator chat of UserID and HelperUserID.
	// UserID's invitation OutgoingInvitationID to HelperUserID was
	// accepted.
	InvitationChatID = "f8a3917d-9073-11e6-b96f-f45c89c72de3"
	// OutgoingInvitationID is UserID's accepted invitation of HelperUserID
	// to InvitationChatID.
	OutgoingInvitationID = "4d0648b8-9074-11e6-963e-f45c89c72de3"
	// InvitingChatID is HelperUserID's operator chat, to which
	// IncomingInvitationID invites UserID.
	InvitingChatID = "2d0c5c3e-9076-11e6-8756-f45c89c72de3"
	// IncomingInvitationID is HelperUserID's pending invitation of UserID
	// to InvitingChatID: UserID can accept it once.
	IncomingInvitationID = "6d348a30-9076-11e6-8756-f45c89c72de3"
)

// ExampleLanguageCodes are the languages of UserID's example conversation
// starters ("How can I help you?" and its translations), oldest first.
var ExampleLanguageCodes = []string{"en", "fi", "sv"}

func mustTime(s string) time.Time {
	t, err := lenient.ParseTime(s)
	if err != nil {
		panic(err)
	}
	return t
}

// seedDirectory adds the organizations, users, team, rooms and visitors.
func seedDirectory(st *state) {
	allowed := func(roomID string, names ...string) []*tag {
		var out []*tag
		for i, n := range names {
			out = append(out, &tag{seq: st.nextSeq(), name: n, roomID: roomID,
				createdAt: mustTime("2016-09-01T11:31:36.042Z").Add(time.Duration(i) * time.Hour)})
		}
		return out
	}
	st.orgs[OrgID] = &organization{id: OrgID, name: "Giosg Example Oy", rooms: []string{RoomID}}
	st.orgs[PartnerOrgID] = &organization{id: PartnerOrgID, name: "Partner Ltd", rooms: []string{PartnerRoomID}}
	st.rooms[RoomID] = &room{id: RoomID, orgID: OrgID, name: "Customer Support",
		allowedTags: allowed(RoomID, "Lead", "Premium customer", "Support")}
	st.rooms[PartnerRoomID] = &room{id: PartnerRoomID, orgID: PartnerOrgID, name: "Partner Sales",
		sharedWith: []string{OrgID}, allowedTags: allowed(PartnerRoomID, "Partner lead")}
	st.users[UserID] = &user{id: UserID, orgID: OrgID, firstName: "Bill", lastName: "Giosg", alias: "Customer Service"}
	st.users[HelperUserID] = &user{id: HelperUserID, orgID: OrgID, firstName: "Bob", lastName: "von Helper", teamIDs: []string{TeamID}}
	st.teams[TeamID] = &team{id: TeamID, orgID: OrgID, name: "Support Team"}
	for _, v := range []string{VisitorID, ChatVisitorID, NewVisitorID} {
		st.visitors[v] = &visitor{id: v, roomID: RoomID}
	}
}

// seedExamples adds the documented example chats and objects.
func (s *Server) seedExamples() {
	st := s.st
	member := func(c *chat, id, typ string, participating bool, at string) {
		m := s.addMember(c, id, typ, participating, mustTime(at))
		m.lastSeenAt = chatsdk.Ptr(mustTime(at))
	}
	msg := func(c *chat, id, typ, senderType, senderID, text, at string) *message {
		m := &message{seq: st.nextSeq(), id: id, chatID: c.id, msgType: typ, createdAt: mustTime(at),
			senderType: senderType, senderID: senderID}
		if text != "" {
			m.text = chatsdk.Ptr(text)
		}
		c.messages = append(c.messages, m)
		return m
	}
	newChat := func(id, roomID, chatType, created, updated string) *chat {
		c := &chat{id: id, roomID: roomID, chatType: chatType, createdAt: mustTime(created), updatedAt: mustTime(updated)}
		c.token = tokenFor(id)
		c.legacyRoomID = tokenFor(roomID)
		st.addChat(c)
		return c
	}

	// The room chat list example: a waiting, encrypted visitor chat.
	c := newChat(PendingChatID, RoomID, "visitor", "2015-02-13T11:31:36.042", "2015-02-13T12:38:36.431")
	c.token = "uibdbtmk5etolmjaduaafnqpl2ujzkyr4slkq3cabdai37qm"
	c.legacyRoomID = "7sbjsyokgkdmyoifwyaafzll6sdthgar42sbv5c4rhds3yym"
	c.encryptedSymmetricKey = "0d59ab43b5704f08b2aec117658f4bc29a9b0c248547404298bb8a3f06eab7206455a0ddfa1d4972a364d7766eccb4ca"
	c.firstVisitorURL, c.firstVisitorURLTitle = chatsdk.Ptr("http://www.customerpage.com/settings"), chatsdk.Ptr("Profile Settings")
	c.autosuggestURL, c.autosuggestURLTitle = chatsdk.Ptr("http://www.customerpage.com/"), chatsdk.Ptr("Site Frontpage")
	c.isWaiting, c.waitingStartedAt = true, chatsdk.Ptr(mustTime("2015-02-13T12:14:34.154"))
	member(c, VisitorID, "visitor", true, "2015-02-13T12:14:34.154")
	msg(c, deriveID("example:pending:1"), "msg", "visitor", VisitorID, "Hello, is anyone there?", "2015-02-13T12:14:34.154")

	// A pending chat in the partner's shared room (the join examples).
	c = newChat(RoutedChatID, PartnerRoomID, "visitor", "2017-03-15T09:00:00.000", "2017-03-15T09:00:30.000")
	c.isWaiting, c.waitingStartedAt = true, chatsdk.Ptr(mustTime("2017-03-15T09:00:30.000"))
	routedVisitor := deriveID("example:routed-visitor")[:32]
	st.visitors[routedVisitor] = &visitor{id: routedVisitor, roomID: PartnerRoomID}
	member(c, routedVisitor, "visitor", true, "2017-03-15T09:00:00.000")
	msg(c, deriveID("example:routed:1"), "msg", "visitor", routedVisitor, "Do you ship to Sweden?", "2017-03-15T09:00:30.000")

	// The user's ongoing chat: the messages, tags and reply suggestion
	// examples.
	c = newChat(ChatID, RoomID, "visitor", "2016-09-01T11:30:00.000", "2016-09-01T12:20:12.206")
	c.isRealConversation = true
	c.firstVisitorURL, c.firstVisitorURLTitle = chatsdk.Ptr("http://www.customerpage.com/products"), chatsdk.Ptr("Products")
	member(c, ChatVisitorID, "visitor", true, "2016-09-01T11:30:00.000")
	member(c, UserID, "user", true, "2016-09-01T11:31:38.123")
	msg(c, deriveID("example:chat:1"), "autosuggest", "user", UserID, "How may I help you?", "2016-09-01T11:30:03.045")
	msg(c, deriveID("example:chat:2"), "msg", "visitor", ChatVisitorID, "Yes, actually you could.", "2016-09-01T11:31:36.042")
	msg(c, "a3a3b8ed-7336-431a-8350-8f5be471a09e", "join", "user", UserID, "", "2016-09-01T11:31:38.123")
	msg(c, "487a4dce-503a-43d0-bd62-1e1a7582c93b", "msg", "user", UserID, "OK, what do you want to know?", "2016-09-01T11:32:01.654")
	msg(c, MessageID, "msg", "visitor", ChatVisitorID, "Do you have these products in stock?", "2016-09-01T11:33:10.000")
	am := msg(c, AttachmentMessageID, "msg", "user", UserID, "Do you want help?", "2016-09-01T11:35:00.000")
	am.attachmentTemplate = chatsdk.Ptr("generic")
	yes := giosg.AttachmentAction{ID: "605dc7c0-4ab3-11e7-94ab-f45c89c72de3", Text: "Yes", Type: "button", Value: "yes", Style: "success", IsDisabledOnSelection: true}
	att := giosg.Attachment{ID: "4ee16b6b-4b4d-11e7-9eaa-f45c89c72de3", Text: "Was this conversation helpful?", Actions: []giosg.AttachmentAction{
		yes,
		{ID: deriveID("example:action:maybe"), Text: "Maybe", Type: "button", Value: "maybe", Style: "secondary", IsDisabledOnSelection: true},
		{ID: deriveID("example:action:no"), Text: "No", Type: "button", Value: "no", Style: "danger", IsDisabledOnSelection: true},
	}}
	am.attachments = []giosg.Attachment{att}
	resp := msg(c, ActionMessageID, "action", "visitor", ChatVisitorID, "Yes", "2016-09-01T11:36:03.045")
	resp.responseToMessageID, resp.responseToAttachmentID, resp.responseToActionID = chatsdk.Ptr(am.id), chatsdk.Ptr(att.ID), chatsdk.Ptr(yes.ID)
	resp.responseToAttachment, resp.responseToAction, resp.responseValue = &att, &yes, chatsdk.Ptr("yes")
	for i, name := range []string{"Lead", "Premium customer"} {
		c.tags = append(c.tags, &tag{seq: st.nextSeq(), name: name, roomID: RoomID,
			createdAt: []time.Time{mustTime("2016-09-01T11:31:36.042Z"), mustTime("2016-09-01T12:20:12.206Z")}[i]})
	}
	c.suggestions = append(c.suggestions, &suggestion{seq: st.nextSeq(), id: ReplySuggestionID, chatID: ChatID, msgID: MessageID,
		text: "Yes we do have those products.", relevancyScore: func() *float64 { f := 0.6; return &f }(),
		createdByUserID: HelperUserID, updatedByUserID: HelperUserID, organizationID: OrgID,
		createdAt: mustTime("2016-09-01T11:33:36.042Z"), updatedAt: mustTime("2016-09-01T11:33:36.042Z")})

	// The "End a chat" example, already ended.
	c = newChat(EndedChatID, RoomID, "visitor", "2016-08-30T10:00:00.000", "2016-08-30T10:05:00.000")
	endedVisitor := deriveID("example:ended-visitor")[:32]
	st.visitors[endedVisitor] = &visitor{id: endedVisitor, roomID: RoomID}
	member(c, endedVisitor, "visitor", false, "2016-08-30T10:00:00.000")
	member(c, UserID, "user", false, "2016-08-30T10:00:40.000")
	msg(c, deriveID("example:ended:1"), "msg", "visitor", endedVisitor, "Thanks, that was all.", "2016-08-30T10:00:30.000")
	msg(c, deriveID("example:ended:2"), "msg", "user", UserID, "You're welcome!", "2016-08-30T10:01:10.000")
	c.isEnded, c.endedAt = true, chatsdk.Ptr(mustTime("2016-08-30T10:05:00.000"))

	// The invitation examples.
	c = newChat(InvitationChatID, RoomID, "operator", "2016-09-01T11:00:00.000", "2016-09-01T16:31:36.042")
	member(c, UserID, "user", true, "2016-09-01T11:00:00.000")
	member(c, HelperUserID, "user", true, "2016-09-01T16:31:36.042")
	st.addInvitation(&invitation{seq: st.nextSeq(), id: OutgoingInvitationID, chatID: InvitationChatID,
		invitedByUserID: UserID, invitedUserID: chatsdk.Ptr(HelperUserID), acceptedByUserID: chatsdk.Ptr(HelperUserID), isAccepted: true,
		createdAt: mustTime("2016-09-01T11:31:36.042Z"), updatedAt: mustTime("2016-09-01T15:31:36.042Z"),
		acceptedAt: chatsdk.Ptr(mustTime("2016-09-01T16:31:36.042Z"))})
	c = newChat(InvitingChatID, RoomID, "operator", "2016-09-01T15:00:00.000", "2016-09-01T15:31:36.042")
	member(c, HelperUserID, "user", true, "2016-09-01T15:00:00.000")
	st.addInvitation(&invitation{seq: st.nextSeq(), id: IncomingInvitationID, chatID: InvitingChatID,
		invitedByUserID: HelperUserID, invitedUserID: chatsdk.Ptr(UserID),
		createdAt: mustTime("2016-09-01T15:31:36.042Z"), updatedAt: mustTime("2016-09-01T15:31:36.042Z")})

	// The conversation starter examples.
	for i, text := range []string{"How can I help you?", "Kuinka voin auttaa?", "Hur kan jag hjälpa dig?"} {
		created := mustTime("2016-09-01T11:31:36.042Z").Add(time.Duration(i) * 50 * time.Minute)
		st.starters[UserID] = append(st.starters[UserID], &starter{seq: st.nextSeq(), languageCode: ExampleLanguageCodes[i],
			message: text, createdAt: created, updatedAt: created.Add(4 * time.Hour)})
	}
}

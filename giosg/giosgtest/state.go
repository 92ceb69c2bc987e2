package giosgtest

import (
	"crypto/sha1"
	"encoding/hex"
	"time"

	"github.com/chatsdk-go/chatsdk/giosg"
)

// The fake's in-memory state. Every field is guarded by Server.mu.

type organization struct {
	id, name string
	rooms    []string // IDs of the rooms it owns, first is the default
}

type user struct {
	id, orgID           string
	firstName, lastName string
	alias               string
	isBot               bool
	teamIDs             []string
}

func (u *user) fullName() string {
	if u.lastName == "" {
		return u.firstName
	}
	return u.firstName + " " + u.lastName
}

// publicName is what a visitor sees: the alias, else the real name.
func (u *user) publicName() string {
	if u.alias != "" {
		return u.alias
	}
	return u.fullName()
}

type team struct {
	id, orgID, name string
}

type room struct {
	id, orgID, name string
	// sharedWith lists the organizations the room is shared with; their
	// users see its chats as routed chats.
	sharedWith  []string
	allowedTags []*tag
}

type visitor struct {
	id, roomID string
}

type chat struct {
	seq                     int64
	id, roomID, chatType    string
	token                   string
	createdAt, updatedAt    time.Time
	waitingStartedAt        *time.Time
	endedAt                 *time.Time
	isEnded, isWaiting      bool
	isPrivate               bool
	isRealConversation      bool
	isAutosuggested         bool
	encryptedSymmetricKey   string
	firstVisitorURL         *string
	firstVisitorURLTitle    *string
	autosuggestURL          *string
	autosuggestURLTitle     *string
	legacyConversationState string
	legacyRoomID            string
	members                 []*membership
	messages                []*message
	tags                    []*tag
	suggestions             []*suggestion
}

type membership struct {
	seq                  int64
	chatID               string
	memberID, memberType string // "user" or "visitor"
	createdAt, updatedAt time.Time
	lastSeenAt           *time.Time
	isParticipating      bool
	composingStatus      string
	legacyMemberID       string
}

type message struct {
	seq                    int64
	id, chatID, msgType    string
	createdAt              time.Time
	senderType, senderID   string
	text                   *string
	selectedSuggestionID   *string
	attachmentTemplate     *string
	attachments            []giosg.Attachment
	responseToMessageID    *string
	responseToAttachmentID *string
	responseToActionID     *string
	responseValue          *string
	responseText           *string
	sensitiveDataPurgedAt  *time.Time
	visitorDisplayName     *string
	visitorPublicName      *string
	responseToAttachment   *giosg.Attachment
	responseToAction       *giosg.AttachmentAction
}

type tag struct {
	seq       int64
	name      string
	roomID    string
	createdAt time.Time
}

func hashedName(name string) string {
	sum := sha1.Sum([]byte(name))
	return hex.EncodeToString(sum[:])
}

type invitation struct {
	seq                   int64
	id, chatID            string
	invitedByUserID       string
	invitedUserID         *string
	invitedTeamID         *string
	invitedOrganizationID *string
	acceptedByUserID      *string
	isAccepted, isExpired bool
	createdAt, updatedAt  time.Time
	acceptedAt, expiredAt *time.Time
}

// pending reports whether the invitation can still be accepted or expired.
func (inv *invitation) pending() bool { return !inv.isAccepted && !inv.isExpired }

type starter struct {
	seq                  int64
	languageCode         string
	message              string
	createdAt, updatedAt time.Time
}

type suggestion struct {
	seq                  int64
	id, chatID, msgID    string
	text                 string
	relevancyScore       *float64
	createdByUserID      string
	updatedByUserID      string
	organizationID       string
	createdAt, updatedAt time.Time
}

// state is everything the fake knows.
type state struct {
	seq         int64
	orgs        map[string]*organization
	users       map[string]*user
	teams       map[string]*team
	rooms       map[string]*room
	visitors    map[string]*visitor
	chats       map[string]*chat
	chatOrder   []*chat // creation order
	invitations map[string]*invitation
	invOrder    []*invitation
	starters    map[string][]*starter // by user ID
}

func newState() *state {
	return &state{
		orgs:        map[string]*organization{},
		users:       map[string]*user{},
		teams:       map[string]*team{},
		rooms:       map[string]*room{},
		visitors:    map[string]*visitor{},
		chats:       map[string]*chat{},
		invitations: map[string]*invitation{},
		starters:    map[string][]*starter{},
	}
}

func (st *state) nextSeq() int64 {
	st.seq++
	return st.seq
}

func (st *state) addChat(c *chat) {
	c.seq = st.nextSeq()
	st.chats[c.id] = c
	st.chatOrder = append(st.chatOrder, c)
}

func (st *state) addInvitation(inv *invitation) {
	st.invitations[inv.id] = inv
	st.invOrder = append(st.invOrder, inv)
}

// member returns the chat's membership of memberID, or nil.
func (c *chat) member(memberID string) *membership {
	for _, m := range c.members {
		if m.memberID == memberID {
			return m
		}
	}
	return nil
}

func (c *chat) message(id string) *message {
	for _, m := range c.messages {
		if m.id == id {
			return m
		}
	}
	return nil
}

func (c *chat) suggestion(id string) *suggestion {
	for _, s := range c.suggestions {
		if s.id == id {
			return s
		}
	}
	return nil
}

func (c *chat) tag(name string) *tag {
	for _, t := range c.tags {
		if t.name == name {
			return t
		}
	}
	return nil
}

// present reports whether the member is present at the chat: the fake
// treats every participating member as present.
func (m *membership) present() bool { return m.isParticipating }

// counts are the chat's derived counters.
type counts struct {
	messages, userMessages, visitorMessages                   int
	members, userMembers, visitorMembers                      int
	presentParticipants, presentUsers, presentVisitors        int
	hasMessages, hasUserMessages, hasVisitorMessages, pending bool
}

func (c *chat) counts() counts {
	var n counts
	for _, m := range c.messages {
		if m.msgType != "msg" {
			continue
		}
		n.messages++
		switch m.senderType {
		case "user":
			n.userMessages++
		case "visitor":
			n.visitorMessages++
		}
	}
	for _, m := range c.members {
		n.members++
		if m.memberType == "user" {
			n.userMembers++
		} else {
			n.visitorMembers++
		}
		if m.present() {
			n.presentParticipants++
			if m.memberType == "user" {
				n.presentUsers++
			} else {
				n.presentVisitors++
			}
		}
	}
	n.hasMessages = n.messages > 0
	n.hasUserMessages = n.userMessages > 0
	n.hasVisitorMessages = n.visitorMessages > 0
	n.pending = c.isWaiting && !c.isEnded && n.presentUsers == 0
	return n
}

func (c *chat) isPending() bool { return c.counts().pending }

// memberMessageCount counts the msg-type messages memberID sent to c.
func (c *chat) memberMessageCount(memberID string) int {
	n := 0
	for _, m := range c.messages {
		if m.msgType == "msg" && m.senderID == memberID {
			n++
		}
	}
	return n
}

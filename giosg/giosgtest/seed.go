package giosgtest

import (
	"errors"
	"fmt"
	"time"

	"github.com/chatsdk-go/chatsdk"
)

// ChatSpec describes a chat for AddChat. The zero value is an open,
// not waiting visitor chat in RoomID with a new visitor and no users.
type ChatSpec struct {
	// RoomID is the chat's room; empty means RoomID.
	RoomID string
	// VisitorID is the chat's visitor, who must be in the room; empty
	// means a new visitor (see the returned chat's memberships).
	VisitorID string
	// NoVisitor makes an operator chat without a visitor.
	NoVisitor bool
	// UserIDs become participating members.
	UserIDs []string
	// VisitorMessages are sent by the visitor, one second apart.
	VisitorMessages []string
	// Waiting marks the chat as waiting for a user's answer: with no
	// participating user it is pending.
	Waiting bool
	// Ended ends the chat.
	Ended bool
	// Tags tag the chat.
	Tags []string
	// Private marks the chat private: creating a chat with its visitor
	// then answers 409 while another user is present in it.
	Private bool
	// CreatedAt is when the chat started; zero means now.
	CreatedAt time.Time
}

// AddChat adds a chat and returns its ID.
func (s *Server) AddChat(spec ChatSpec) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addChat(spec)
}

func (s *Server) addChat(spec ChatSpec) (string, error) {
	roomID := spec.RoomID
	if roomID == "" {
		roomID = RoomID
	}
	if s.st.rooms[roomID] == nil {
		return "", fmt.Errorf("giosgtest: no room %q", roomID)
	}
	for _, id := range spec.UserIDs {
		if s.st.users[id] == nil {
			return "", fmt.Errorf("giosgtest: no user %q", id)
		}
	}
	visitorID := spec.VisitorID
	switch {
	case spec.NoVisitor:
		if visitorID != "" || len(spec.VisitorMessages) > 0 {
			return "", errors.New("giosgtest: a chat with NoVisitor has no visitor and no visitor messages")
		}
	case visitorID == "":
		visitorID = s.addVisitor(roomID)
	default:
		if v := s.st.visitors[visitorID]; v == nil || v.roomID != roomID {
			return "", fmt.Errorf("giosgtest: no visitor %q in room %q", visitorID, roomID)
		}
	}
	created := spec.CreatedAt
	if created.IsZero() {
		created = s.now()
	}
	chatType := "visitor"
	if spec.NoVisitor {
		chatType = "operator"
	}
	c := s.newChat(roomID, chatType, created)
	c.isPrivate = spec.Private
	if visitorID != "" {
		s.addMember(c, visitorID, "visitor", true, created)
	}
	for _, id := range spec.UserIDs {
		s.addMember(c, id, "user", true, created)
	}
	at := created
	for _, text := range spec.VisitorMessages {
		at = at.Add(time.Second)
		s.visitorMessage(c, visitorID, text, at)
	}
	c.isWaiting = spec.Waiting
	if spec.Waiting {
		c.waitingStartedAt = chatsdk.Ptr(at)
	}
	for _, name := range spec.Tags {
		if c.tag(name) == nil {
			c.tags = append(c.tags, &tag{seq: s.st.nextSeq(), name: name, roomID: roomID, createdAt: at})
		}
	}
	if spec.Ended {
		s.endChat(c, at)
	}
	c.updatedAt = at
	return c.id, nil
}

// AddPendingChat adds a waiting chat in RoomID from a new visitor who sent
// message, with no user member: it is listed among the pending chats until
// a user joins it. It returns the chat's ID.
func (s *Server) AddPendingChat(message string) string {
	spec := ChatSpec{Waiting: true}
	if message != "" {
		spec.VisitorMessages = []string{message}
	}
	id, err := s.AddChat(spec)
	if err != nil {
		panic(err) // RoomID always exists
	}
	return id
}

// SeedChats adds n open chats in RoomID, each with a new visitor and UserID
// as a participating member, created one second apart (the last one now),
// and returns their IDs oldest first. They are listed by every chat list of
// OrgID, RoomID and UserID except the pending ones. Use it to test
// pagination over many pages.
func (s *Server) SeedChats(n int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	ids := make([]string, 0, n)
	for i := range n {
		created := now.Add(-time.Duration(n-1-i) * time.Second)
		c := s.newChat(RoomID, "visitor", created)
		s.addMember(c, s.addVisitor(RoomID), "visitor", true, created)
		s.addMember(c, UserID, "user", true, created)
		ids = append(ids, c.id)
	}
	return ids
}

// AddUser adds a user to OrgID and returns the user's ID. Users can join
// chats through the organization scopes (member_id) and be invited.
func (s *Server) AddUser(firstName, lastName string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.newID()
	s.st.users[id] = &user{id: id, orgID: OrgID, firstName: firstName, lastName: lastName}
	return id
}

// AddVisitor adds a visitor to a room and returns the visitor's ID.
func (s *Server) AddVisitor(roomID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.rooms[roomID] == nil {
		return "", fmt.Errorf("giosgtest: no room %q", roomID)
	}
	return s.addVisitor(roomID), nil
}

func (s *Server) addVisitor(roomID string) string {
	id := s.newID()
	id = id[:8] + id[9:13] + id[14:18] + id[19:23] + id[24:] // 32 hex digits, like giosg's visitor IDs
	s.st.visitors[id] = &visitor{id: id, roomID: roomID}
	return id
}

// AddVisitorMessage sends a message from the chat's visitor and returns
// its ID. The chat becomes waiting for a user's answer. It fails when the
// chat does not exist, has no visitor or has ended.
func (s *Server) AddVisitorMessage(chatID, text string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	if c == nil {
		return "", fmt.Errorf("giosgtest: no chat %q", chatID)
	}
	if c.isEnded {
		return "", fmt.Errorf("giosgtest: chat %q has ended", chatID)
	}
	for _, m := range c.members {
		if m.memberType == "visitor" {
			now := s.now()
			msg := s.visitorMessage(c, m.memberID, text, now)
			if !c.isWaiting {
				c.isWaiting = true
				c.waitingStartedAt = chatsdk.Ptr(now)
			}
			c.updatedAt = now
			return msg.id, nil
		}
	}
	return "", fmt.Errorf("giosgtest: chat %q has no visitor", chatID)
}

func (s *Server) visitorMessage(c *chat, visitorID, text string, at time.Time) *message {
	m := &message{seq: s.st.nextSeq(), id: s.newID(), chatID: c.id, msgType: "msg", createdAt: at,
		senderType: "visitor", senderID: visitorID, text: chatsdk.Ptr(text)}
	c.messages = append(c.messages, m)
	return m
}

// EndChat ends a chat as a user's is_ended update would.
func (s *Server) EndChat(chatID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	if c == nil {
		return fmt.Errorf("giosgtest: no chat %q", chatID)
	}
	if !c.isEnded {
		s.endChat(c, s.now())
	}
	return nil
}

// IsPending reports whether the chat exists and is pending (waiting, with
// no present user member, not ended).
func (s *Server) IsPending(chatID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	return c != nil && c.isPending()
}

// IsEnded reports whether the chat exists and has ended.
func (s *Server) IsEnded(chatID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	return c != nil && c.isEnded
}

// Tags returns the names of the chat's tags, oldest first (nil for an
// unknown chat).
func (s *Server) Tags(chatID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	if c == nil {
		return nil
	}
	names := make([]string, 0, len(c.tags))
	for _, t := range c.tags {
		names = append(names, t.name)
	}
	return names
}

// MessageTexts returns the texts of the chat's "msg" messages, oldest
// first (nil for an unknown chat).
func (s *Server) MessageTexts(chatID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.chats[chatID]
	if c == nil {
		return nil
	}
	var texts []string
	for _, m := range c.messages {
		if m.msgType == "msg" && m.text != nil {
			texts = append(texts, *m.text)
		}
	}
	return texts
}

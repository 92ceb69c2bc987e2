package chatrhubtest

import (
	"encoding/json"
	"fmt"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// AddAgent stores an agent; agent_id is set to its ID, and an empty
// username gets a generated one.
//
// The Add methods store an object directly, for objects the API cannot
// create (chats, messages, tasks, activity snapshots) or that a test needs
// with exact attributes. Each stores the model under its ID, or under the
// next free ID when ID is 0, replacing any object with that ID, and returns
// the ID. Nested objects (Chat.Agent, Task.Message, ...) are ignored: the
// server nests the current objects that the *_id attributes name. A zero
// create_dt becomes the server clock's now, and a zero client_id and
// create_by become 1. The server does not check that referenced IDs exist.
func (s *Server) AddAgent(a chatrhub.Agent) int64 {
	return s.add(s.st.agents, a.ID, a, func(id int64, at attrs) {
		at["agent_id"] = fmt.Sprint(id)
		if strOf(at["username"]) == "" {
			s.st.serial++
			at["username"] = fmt.Sprintf("5c0ffee0%016x", s.st.serial)
		}
	})
}

// AddGroup stores a group.
func (s *Server) AddGroup(g chatrhub.Group) int64 { return s.add(s.st.groups, g.ID, g, nil) }

// AddVisitor stores a visitor; an empty xmpp_username gets a generated one.
func (s *Server) AddVisitor(v chatrhub.Visitor) int64 {
	return s.add(s.st.visitors, v.ID, v, func(_ int64, at attrs) {
		if strOf(at["xmpp_username"]) == "" {
			s.st.serial++
			at["xmpp_username"] = fmt.Sprintf("7118d321-626d-4bcf-ad80-%012x", s.st.serial)
		}
	})
}

// AddChat stores a chat; List Chats, Chat Reports and the other chat
// operations see it at once. A rating of 0 (the model's "not rated") is
// stored as null, as the API sends an unrated chat: Chat Reports counts a
// chat as rated only when its OverallRating is 1, 2 or 3.
func (s *Server) AddChat(c chatrhub.Chat) int64 {
	return s.add(s.st.chats, c.ID, c, func(_ int64, at attrs) {
		delete(at, "agent")
		delete(at, "group")
		delete(at, "visitor")
		for _, k := range ratingFields {
			if n, ok := intOf(at[k]); ok && n == 0 {
				at[k] = nil
			}
		}
	})
}

// AddMessage stores a message.
func (s *Server) AddMessage(m chatrhub.Message) int64 {
	return s.add(s.st.messages, m.ID, m, func(_ int64, at attrs) { delete(at, "from_agent") })
}

// AddTask stores a task (set TaskType: List Tasks filters on it).
func (s *Server) AddTask(t chatrhub.Task) int64 {
	return s.add(s.st.tasks, t.ID, t, func(_ int64, at attrs) { delete(at, "message") })
}

// AddAgentActivity stores an availability snapshot of an agent.
func (s *Server) AddAgentActivity(a chatrhub.AgentActivity) int64 {
	return s.add(s.st.activities, a.ID, a, nil)
}

// add stores model's JSON attributes in t under id (or the next free ID),
// letting fix adjust them first.
func (s *Server) add(t *table, id int64, model any, fix func(id int64, a attrs)) int64 {
	raw, err := json.Marshal(model)
	if err != nil {
		panic(fmt.Sprintf("chatrhubtest: encoding %T: %v", model, err))
	}
	a := decodeAttrs(string(raw))
	s.mu.Lock()
	defer s.mu.Unlock()
	if id <= 0 {
		id = t.next
	}
	for _, k := range []string{"create_dt", "updt_dt"} {
		if at, ok := timeOf(a[k]); ok {
			a[k] = at.UTC().Format(dateTimeLayout)
		}
	}
	if a["create_dt"] == nil {
		a["create_dt"] = s.now()
	}
	for _, k := range []string{"client_id", "create_by"} {
		if n, ok := intOf(a[k]); ok && n == 0 {
			a[k] = num(1)
		}
	}
	if fix != nil {
		fix(id, a)
	}
	t.put(id, a)
	return id
}

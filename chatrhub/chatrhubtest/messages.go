package chatrhubtest

import (
	"fmt"
	"strconv"
)

// messageResource renders a message with from_agent nested as bare
// attributes (null when an agent did not send it).
func (s *Server) messageResource(id int64) *resource {
	res := s.st.messages.resource(id)
	res.Attributes["from_agent"] = s.nested(s.st.agents, res.Attributes["from_agent_id"])
	return res
}

// listMessages serves List Messages: the messages of chat_id, or those a
// visitor (visitor_username, the visitor's xmpp_username) sent or received,
// oldest first. One of the two is required; when both are given a message
// must match both. include_admin ("true" or "false") is required, as
// documented: admin messages are left out unless it is "true".
func (s *Server) listMessages(c *call) {
	username, chatParam := c.query.Get("visitor_username"), c.query.Get("chat_id")
	if username == "" && chatParam == "" {
		c.badRequest("query parameter visitor_username or chat_id is required")
		return
	}
	if !c.requireQuery("include_admin") {
		return
	}
	includeAdmin, err := strconv.ParseBool(c.query.Get("include_admin"))
	if err != nil {
		c.badRequest(fmt.Sprintf("query parameter include_admin must be true or false, got %q", c.query.Get("include_admin")))
		return
	}
	var chatID, visitorID int64
	if chatParam != "" {
		n, err := strconv.ParseInt(chatParam, 10, 64)
		if _, ok := s.st.chats.get(n); err != nil || !ok {
			c.notFound(fmt.Sprintf("no chat with chat_id %q", chatParam))
			return
		}
		chatID = n
	}
	if username != "" {
		id, ok := s.visitorByUsername(username)
		if !ok {
			c.notFound(fmt.Sprintf("no visitor with username %q", username))
			return
		}
		visitorID = id
	}
	var ids []int64
	for _, id := range s.st.messages.ids() {
		m, _ := s.st.messages.get(id)
		if !includeAdmin && truthy(m["is_admin"]) {
			continue
		}
		if n, _ := intOf(m["chat_id"]); chatID != 0 && n != chatID {
			continue
		}
		if visitorID != 0 {
			from, _ := intOf(m["from_visitor_id"])
			to, _ := intOf(m["to_visitor_id"])
			if from != visitorID && to != visitorID {
				continue
			}
		}
		ids = append(ids, id)
	}
	sortByCreated(s.st.messages, ids)
	out := make([]*resource, len(ids))
	for i, id := range ids {
		out[i] = s.messageResource(id)
	}
	c.many(out)
}

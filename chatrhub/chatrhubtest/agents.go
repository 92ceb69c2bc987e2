package chatrhubtest

import (
	"fmt"
	"net/http"
)

// agentFields are the attributes Update Agent accepts.
var agentFields = []field{
	{name: "email", kind: kString},
	{name: "authorization_level", kind: kAuthLevel},
	{name: "is_assign_training_tasks", kind: kBool},
	{name: "is_assign_operational_tasks", kind: kBool},
	{name: "is_assign_operational_task_by_variable", kind: kBool},
	{name: "assign_operational_task_variable", kind: kString},
	{name: "assign_operational_task_values", kind: kJSONList},
	{name: "is_assign_training_task_send_email", kind: kBool},
	{name: "is_assign_operational_task_send_email", kind: kBool},
	{name: "is_bot", kind: kBool},
	{name: "is_taking_chats", kind: kBool},
	{name: "full_name", kind: kString},
	{name: "is_agent_setup", kind: kBool},
	{name: "is_unsubscribe", kind: kBool},
}

// inviteFields are the attributes Invite Agent accepts.
var inviteFields = []field{
	{name: "full_name", kind: kString, required: true},
	{name: "authorization_level", kind: kAuthLevel, required: true},
	{name: "email", kind: kString, required: true},
	{name: "is_assign_training_tasks", kind: kBool},
	{name: "is_assign_training_task_send_email", kind: kBool},
	{name: "is_assign_operational_tasks", kind: kBool},
	{name: "is_assign_operational_task_by_variable", kind: kBool},
	{name: "assign_operational_task_variable", kind: kString},
	{name: "assign_operational_task_values", kind: kJSONList},
}

// agent returns the agent of the path's agent_id, or answers 404.
func (s *Server) agent(c *call) (int64, attrs, bool) {
	return c.pathObject(s.st.agents, "agent", "agent_id")
}

// listAgents serves List Agents: every agent, or those whose username
// equals agent_username.
func (s *Server) listAgents(c *call) {
	want, filtered := c.query["agent_username"]
	var out []*resource
	for _, id := range s.st.agents.ids() {
		a, _ := s.st.agents.get(id)
		if filtered && strOf(a["username"]) != want[0] {
			continue
		}
		out = append(out, s.st.agents.resource(id))
	}
	c.many(out)
}

// getAgent serves Get Agent with "data" as an array of one agent, as the
// documentation shows it.
func (s *Server) getAgent(c *call) {
	id, _, ok := s.agent(c)
	if !ok {
		return
	}
	c.many([]*resource{s.st.agents.resource(id)})
}

func (s *Server) updateAgent(c *call) {
	id, a, ok := s.agent(c)
	if !ok {
		return
	}
	in, ok := c.readAttributes("agents", agentFields)
	if !ok {
		return
	}
	for k, v := range in {
		a[k] = v
	}
	s.touch(a)
	c.one(http.StatusOK, s.st.agents.resource(id))
}

// inviteAgent serves Invite Agent: it creates the agent (answering 201)
// with a generated username and XMPP password.
func (s *Server) inviteAgent(c *call) {
	in, ok := c.readAttributes("agents", inviteFields)
	if !ok {
		return
	}
	st := s.st
	st.serial++
	id := st.agents.next
	a := newAgentAttrs(id, fmt.Sprintf("5c0ffee0%016x", st.serial), fmt.Sprintf("inv%017d", st.serial), s.now())
	for k, v := range in {
		a[k] = v
	}
	a["display_name"] = a["full_name"]
	st.agents.put(id, a)
	c.one(http.StatusCreated, st.agents.resource(id))
}

// touch records an update by agent 1 (the API key's agent) now.
func (s *Server) touch(a attrs) {
	a["updt_by"] = num(1)
	a["updt_dt"] = s.now()
}

package chatrhubtest

import (
	"fmt"
	"net/http"
)

// groupFields are the attributes Add Group and Edit Group accept; both
// require group_name.
func groupFields() []field {
	fields := []field{{name: "group_name", kind: kString, required: true}}
	for _, f := range groupMatchFields {
		fields = append(fields, field{name: f, kind: kJSONList})
	}
	return fields
}

// group returns the group of the path's group_id, or answers 404.
func (s *Server) group(c *call) (int64, attrs, bool) {
	return c.pathObject(s.st.groups, "group", "group_id")
}

func (s *Server) listGroups(c *call) {
	var out []*resource
	for _, id := range s.st.groups.ids() {
		out = append(out, s.st.groups.resource(id))
	}
	c.many(out)
}

func (s *Server) getGroup(c *call) {
	id, _, ok := s.group(c)
	if !ok {
		return
	}
	c.one(http.StatusOK, s.st.groups.resource(id))
}

// addGroup serves Add Group (a POST, whatever the documentation's HTTP
// section says), answering 201.
func (s *Server) addGroup(c *call) {
	in, ok := c.readAttributes("groups", groupFields())
	if !ok {
		return
	}
	a := newGroupAttrs(s.now())
	for k, v := range in {
		a[k] = v
	}
	id := s.st.groups.insert(a)
	c.one(http.StatusCreated, s.st.groups.resource(id))
}

// editGroup serves Edit Group: group_name is required (as documented), the
// match lists sent replace the stored ones.
func (s *Server) editGroup(c *call) {
	id, a, ok := s.group(c)
	if !ok {
		return
	}
	in, ok := c.readAttributes("groups", groupFields())
	if !ok {
		return
	}
	for k, v := range in {
		a[k] = v
	}
	s.touch(a)
	c.one(http.StatusOK, s.st.groups.resource(id))
}

// removeGroup serves Remove Group; the group's agent assignments go with it.
func (s *Server) removeGroup(c *call) {
	id, _, ok := s.group(c)
	if !ok {
		return
	}
	s.st.groups.del(id)
	for _, agID := range s.st.agentGroups.ids() {
		ag, _ := s.st.agentGroups.get(agID)
		if n, _ := intOf(ag["group_id"]); n == id {
			s.st.agentGroups.del(agID)
		}
	}
	c.success("Deleted")
}

// agentGroupResource renders an assignment with its agent and group nested
// as bare attributes.
func (s *Server) agentGroupResource(id int64) *resource {
	res := s.st.agentGroups.resource(id)
	res.Attributes["agent"] = s.nested(s.st.agents, res.Attributes["agent_id"])
	res.Attributes["group"] = s.nested(s.st.groups, res.Attributes["group_id"])
	return res
}

// nested returns a copy of the attributes of the object whose ID is ref, or
// nil when ref is null or unknown.
func (s *Server) nested(t *table, ref any) any {
	id, ok := intOf(ref)
	if !ok {
		return nil
	}
	if _, ok := t.get(id); !ok {
		return nil
	}
	return t.resource(id).Attributes
}

// agentAndGroup returns the IDs of the agent and the group that the path
// parameters agent_id and group_id name, or answers 404 when either is
// unknown.
func (s *Server) agentAndGroup(c *call) (agentID, groupID int64, ok bool) {
	if agentID, _, ok = s.agent(c); !ok {
		return 0, 0, false
	}
	groupID, _, ok = s.group(c)
	return agentID, groupID, ok
}

// assignment finds the assignment of agentID to groupID.
func (s *Server) assignment(agentID, groupID int64) (int64, bool) {
	for _, id := range s.st.agentGroups.ids() {
		ag, _ := s.st.agentGroups.get(id)
		a, _ := intOf(ag["agent_id"])
		g, _ := intOf(ag["group_id"])
		if a == agentID && g == groupID {
			return id, true
		}
	}
	return 0, false
}

// listGroupsByAgent serves List Groups by Agent: every assignment of the
// agent (is_assigned true or false).
func (s *Server) listGroupsByAgent(c *call) {
	agentID, _, ok := s.agent(c)
	if !ok {
		return
	}
	var out []*resource
	for _, id := range s.st.agentGroups.ids() {
		ag, _ := s.st.agentGroups.get(id)
		if n, _ := intOf(ag["agent_id"]); n == agentID {
			out = append(out, s.agentGroupResource(id))
		}
	}
	c.many(out)
}

// getAgentGroup serves Get Agent Group Assignment. Unknown agents and groups
// answer 404; a known agent that is not associated with a known group
// answers 200 with {"data": null}, the documented "no object".
func (s *Server) getAgentGroup(c *call) {
	agentID, groupID, ok := s.agentAndGroup(c)
	if !ok {
		return
	}
	id, found := s.assignment(agentID, groupID)
	if !found {
		c.one(http.StatusOK, nil)
		return
	}
	c.one(http.StatusOK, s.agentGroupResource(id))
}

var assignFields = []field{
	{name: "agent_id", kind: kInt, required: true},
	{name: "group_id", kind: kInt, required: true},
	{name: "is_assigned", kind: kBool, required: true},
}

// assignAgentGroup serves Assign Agent to Group: it creates or updates the
// agent's assignment to the group and answers it as a list of one. The
// body's agent_id must equal the path's.
func (s *Server) assignAgentGroup(c *call) {
	agentID, _, ok := s.agent(c)
	if !ok {
		return
	}
	in, ok := c.readAttributes("agent_groups", assignFields)
	if !ok {
		return
	}
	if n, _ := intOf(in["agent_id"]); n != agentID {
		c.badRequest(fmt.Sprintf("attribute agent_id %d does not match the path's agent_id %d", n, agentID))
		return
	}
	groupID, _ := intOf(in["group_id"])
	if _, ok := s.st.groups.get(groupID); !ok {
		c.notFound(fmt.Sprintf("no group with group_id %d", groupID))
		return
	}
	id, found := s.assignment(agentID, groupID)
	if found {
		ag, _ := s.st.agentGroups.get(id)
		ag["is_assigned"] = in["is_assigned"]
		s.touch(ag)
	} else {
		id = s.st.agentGroups.insert(newAgentGroupAttrs(agentID, groupID, in["is_assigned"] == true, s.now()))
	}
	c.many([]*resource{s.agentGroupResource(id)})
}

// removeAgentGroup serves Remove Agent From Group; an agent that is not
// associated with the group answers 404.
func (s *Server) removeAgentGroup(c *call) {
	agentID, groupID, ok := s.agentAndGroup(c)
	if !ok {
		return
	}
	id, found := s.assignment(agentID, groupID)
	if !found {
		c.notFound(fmt.Sprintf("agent %d is not associated with group %d", agentID, groupID))
		return
	}
	s.st.agentGroups.del(id)
	c.success("Deleted")
}

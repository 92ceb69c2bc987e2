package chatrhubtest

import "time"

// getAgentActivity serves Get Agent Activity: the agent's availability
// snapshots taken between start_date and end_date (YYYY-MM-DD, whole days,
// UTC; both required), oldest first.
func (s *Server) getAgentActivity(c *call) {
	agentID, _, ok := s.agent(c, "agent_id")
	if !ok {
		return
	}
	from, to, ok := c.dayRange()
	if !ok {
		return
	}
	var out []*resource
	for _, id := range s.st.activities.ids() {
		a, _ := s.st.activities.get(id)
		if n, _ := intOf(a["agent_id"]); n != agentID {
			continue
		}
		if at, ok := timeOf(a["create_dt"]); !ok || !inRange(at, from, to) {
			continue
		}
		out = append(out, s.st.activities.resource(id))
	}
	c.many(out)
}

// inRange reports whether from <= t <= to.
func inRange(t, from, to time.Time) bool { return !t.Before(from) && !t.After(to) }

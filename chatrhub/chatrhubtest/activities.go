package chatrhubtest

import (
	"sort"
	"time"
)

// getAgentActivity serves Get Agent Activity: the agent's availability
// snapshots taken between start_date and end_date (YYYY-MM-DD, whole days,
// UTC; both required), oldest first.
func (s *Server) getAgentActivity(c *call) {
	agentID, _, ok := s.agent(c)
	if !ok {
		return
	}
	from, to, ok := c.dayRange()
	if !ok {
		return
	}
	var ids []int64
	for _, id := range s.st.activities.ids() {
		a, _ := s.st.activities.get(id)
		if n, _ := intOf(a["agent_id"]); n != agentID {
			continue
		}
		if at, ok := timeOf(a["create_dt"]); !ok || !inRange(at, from, to) {
			continue
		}
		ids = append(ids, id)
	}
	sortByCreated(s.st.activities, ids)
	out := make([]*resource, len(ids))
	for i, id := range ids {
		out[i] = s.st.activities.resource(id)
	}
	c.many(out)
}

// inRange reports whether from <= t <= to.
func inRange(t, from, to time.Time) bool { return !t.Before(from) && !t.After(to) }

// sortByCreated orders ids by create_dt (stored in one UTC form, so the
// strings sort chronologically), keeping the ID order for equal times.
func sortByCreated(t *table, ids []int64) {
	sort.SliceStable(ids, func(i, j int) bool {
		a, _ := t.get(ids[i])
		b, _ := t.get(ids[j])
		return strOf(a["create_dt"]) < strOf(b["create_dt"])
	})
}

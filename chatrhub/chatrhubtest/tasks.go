package chatrhubtest

import (
	"fmt"
	"net/http"
	"strconv"
)

// taskResource renders a task with its message nested as bare attributes
// (null for operational tasks).
func (s *Server) taskResource(id int64) *resource {
	res := s.st.tasks.resource(id)
	res.Attributes["message"] = nil
	if mid, ok := intOf(res.Attributes["message_id"]); ok {
		if _, ok := s.st.messages.get(mid); ok {
			res.Attributes["message"] = s.messageResource(mid).Attributes
		}
	}
	return res
}

// listTasks serves List Tasks, one page at a time: the tasks (by ascending
// id) of task_type ("operational" or "machine_learning") whose is_complete
// equals is_resolved ("1"/"0", also "true"/"false"), skipping the first
// `after` (an offset). All three are required, as documented. A page holds
// at most the server's task page size (WithPageSize); a page past the
// end is empty.
func (s *Server) listTasks(c *call) {
	if !c.requireQuery("after", "task_type", "is_resolved") {
		return
	}
	after, _, ok := c.queryInt("after")
	if !ok {
		return
	}
	if after < 0 {
		c.badRequest("query parameter after must not be negative")
		return
	}
	taskType := c.query.Get("task_type")
	if taskType != "operational" && taskType != "machine_learning" {
		c.badRequest(fmt.Sprintf("query parameter task_type must be operational or machine_learning, got %q", taskType))
		return
	}
	resolved, ok := boolOf(c.query.Get("is_resolved"))
	if !ok {
		c.badRequest(fmt.Sprintf("query parameter is_resolved must be 1 or 0, got %q", c.query.Get("is_resolved")))
		return
	}
	var matched []int64
	for _, id := range s.st.tasks.ids() {
		t, _ := s.st.tasks.get(id)
		if strOf(t["task_type"]) != taskType || truthy(t["is_complete"]) != resolved {
			continue
		}
		matched = append(matched, id)
	}
	out := []*resource{}
	for i := after; i < int64(len(matched)) && len(out) < s.cfg.pageSize; i++ {
		out = append(out, s.taskResource(matched[i]))
	}
	c.many(out)
}

// task returns the task of the path's task_id if it has taskType, or
// answers 404 (unknown task) or 400 (a task of the other type).
func (s *Server) task(c *call, taskType string) (int64, attrs, bool) {
	id, t, ok := c.pathObject(s.st.tasks, "task", "task_id")
	if !ok {
		return 0, nil, false
	}
	if got := strOf(t["task_type"]); got != taskType {
		c.badRequest(fmt.Sprintf("task %d is a %s task, not a %s task", id, got, taskType))
		return 0, nil, false
	}
	return id, t, true
}

// updateMLTask serves Update Machine Learning Task (a GET that changes
// state): the task's intent_id becomes the path's intent_id (sent back as a
// string, as documented), the task is complete, and its message's
// final_manual_intent_id is set.
func (s *Server) updateMLTask(c *call) {
	id, t, ok := s.task(c, "machine_learning")
	if !ok {
		return
	}
	intent, err := strconv.ParseInt(c.params["intent_id"], 10, 64)
	if err != nil || intent <= 0 {
		c.badRequest(fmt.Sprintf("intent_id must be a positive integer, got %q", c.params["intent_id"]))
		return
	}
	t["intent_id"] = strconv.FormatInt(intent, 10)
	t["is_complete"] = true
	s.touch(t)
	if mid, ok := intOf(t["message_id"]); ok {
		if m, ok := s.st.messages.get(mid); ok {
			m["final_manual_intent_id"] = num(intent)
		}
	}
	c.one(http.StatusOK, s.taskResource(id))
}

// updateOperationalTask serves Update Operational Task (a GET that changes
// state): is_complete "1" resolves the task and "0" reopens it.
func (s *Server) updateOperationalTask(c *call) {
	id, t, ok := s.task(c, "operational")
	if !ok {
		return
	}
	switch c.params["is_complete"] {
	case "1":
		t["is_complete"] = true
	case "0":
		t["is_complete"] = false
	default:
		c.badRequest(fmt.Sprintf("is_complete must be 1 or 0, got %q", c.params["is_complete"]))
		return
	}
	s.touch(t)
	c.one(http.StatusOK, s.taskResource(id))
}

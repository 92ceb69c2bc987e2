package chatrhubtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/chatsdk-go/chatsdk/internal/fake"
)

// route is one documented operation: a method and a path pattern relative
// to /api/v1 whose "{name}" segments capture one path segment each (see
// fake.Router). The last segment of every pattern ends in ".json".
type route struct {
	method  string
	pattern string
	handle  func(s *Server, c *call)
}

// call is one request being answered.
type call struct {
	w      http.ResponseWriter
	r      *http.Request
	params map[string]string
	query  url.Values
}

// pathID reads the integer path parameter name; anything else is an
// unknown ID and answers 404.
func (c *call) pathID(name string) (int64, bool) {
	n, err := strconv.ParseInt(c.params[name], 10, 64)
	if err != nil || n <= 0 {
		c.notFound(fmt.Sprintf("no object with %s %q", name, c.params[name]))
		return 0, false
	}
	return n, true
}

// pathObject returns the object of t whose ID is the path parameter name,
// or answers 404 ("no agent with agent_id 7", what being "agent").
func (c *call) pathObject(t *table, what, name string) (int64, attrs, bool) {
	id, ok := c.pathID(name)
	if !ok {
		return 0, nil, false
	}
	a, ok := t.get(id)
	if !ok {
		c.notFound(fmt.Sprintf("no %s with %s %d", what, name, id))
		return 0, nil, false
	}
	return id, a, true
}

// routes lists the 27 operations. Literal segments are preferred over
// captures, so "/agents/invite.json" wins over "/agents/{agent_id}.json".
// Where the docs show two paths for one operation, both are served.
var routes = []route{
	{"GET", "/agent_activities/agent_id/{agent_id}.json", (*Server).getAgentActivity},

	{"GET", "/agent_groups/{agent_id}.json", (*Server).listGroupsByAgent},
	{"GET", "/agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", (*Server).getAgentGroup},
	{"POST", "/agent_groups/{agent_id}.json", (*Server).assignAgentGroup},
	{"DELETE", "/agent_groups/agent_id/{agent_id}/group_id/{group_id}.json", (*Server).removeAgentGroup},

	{"GET", "/agents.json", (*Server).listAgents},
	{"GET", "/agents/{agent_id}.json", (*Server).getAgent},
	{"PATCH", "/agents/{agent_id}.json", (*Server).updateAgent},
	{"POST", "/agents/invite.json", (*Server).inviteAgent},

	{"GET", "/chats.json", (*Server).listChats},
	{"GET", "/chats/{chat_id}.json", (*Server).getChat},
	{"PATCH", "/chats/{chat_id}.json", (*Server).updateChatTag},
	{"PATCH", "/chat/{chat_id}.json", (*Server).updateChatTag},
	{"GET", "/chats/report.json", (*Server).chatReport},
	{"GET", "/agents/report.json", (*Server).chatReport},
	{"GET", "/chats/transfer/{chat_id}.json", (*Server).transferChat},

	{"GET", "/groups.json", (*Server).listGroups},
	{"GET", "/groups/{group_id}.json", (*Server).getGroup},
	{"POST", "/groups.json", (*Server).addGroup},
	{"PATCH", "/groups/{group_id}.json", (*Server).editGroup},
	{"DELETE", "/groups/{group_id}.json", (*Server).removeGroup},

	{"GET", "/messages.json", (*Server).listMessages},

	{"GET", "/q_tasks.json", (*Server).listTasks},
	{"GET", "/q_tasks/machine_learning/{task_id}/{intent_id}.json", (*Server).updateMLTask},
	{"GET", "/q_tasks/operational/{task_id}/{is_complete}.json", (*Server).updateOperationalTask},

	{"GET", "/visitors.json", (*Server).listOrGetVisitors},
	{"POST", "/visitors.json", (*Server).addVisitor},
	{"PATCH", "/visitors/{visitor_id}.json", (*Server).editVisitor},
}

// newRouter returns the router of s's operations.
func (s *Server) newRouter() *fake.Router {
	rt := fake.NewRouter(apiPrefix)
	for _, r := range routes {
		handle := r.handle
		rt.Handle(r.method, r.pattern, func(w http.ResponseWriter, r *http.Request, p fake.Params) {
			handle(s, &call{w: w, r: r, params: map[string]string(p), query: r.URL.Query()})
		})
	}
	return rt
}

// route dispatches r with the state lock held.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	h, params, status, _ := s.router.Lookup(r)
	switch status {
	case http.StatusBadRequest:
		writeError(w, status, "malformed path")
		return
	case http.StatusMethodNotAllowed:
		writeError(w, status, r.Method+" is not allowed on "+r.URL.Path)
		return
	case http.StatusNotFound:
		writeError(w, status, "no such endpoint: "+r.URL.Path)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	h(w, r, params)
}

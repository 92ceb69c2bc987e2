package chatrhubtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// route is one documented operation: a method and a path pattern relative
// to /api/v1 whose "{name}" segments capture one path segment each. The
// last segment of every pattern ends in ".json".
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

// route dispatches r. Path segments are matched after unescaping each one,
// so an escaped "/" inside an ID never changes which operation runs.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	escaped := r.URL.EscapedPath()
	if !strings.HasPrefix(escaped, apiPrefix+"/") {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
		return
	}
	segs, err := splitPath(strings.TrimPrefix(escaped, apiPrefix))
	if err != nil {
		writeError(w, http.StatusBadRequest, "malformed path")
		return
	}
	var best *route
	var bestParams map[string]string
	bestLiterals := -1
	methodMismatch := false
	for i := range routes {
		rt := &routes[i]
		params, literals, ok := match(rt.pattern, segs)
		if !ok {
			continue
		}
		if rt.method != r.Method {
			methodMismatch = true
			continue
		}
		if literals > bestLiterals {
			best, bestParams, bestLiterals = rt, params, literals
		}
	}
	if best == nil {
		if methodMismatch {
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path)
			return
		}
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
		return
	}
	best.handle(s, &call{w: w, r: r, params: bestParams, query: r.URL.Query()})
}

// splitPath splits an escaped path ("/agents/4.json") into unescaped
// segments.
func splitPath(escaped string) ([]string, error) {
	raw := strings.Split(strings.TrimPrefix(escaped, "/"), "/")
	segs := make([]string, len(raw))
	for i, seg := range raw {
		u, err := url.PathUnescape(seg)
		if err != nil {
			return nil, err
		}
		segs[i] = u
	}
	return segs, nil
}

// match reports whether segs fit pattern, returning the captured segments
// and how many segments matched literally.
func match(pattern string, segs []string) (map[string]string, int, bool) {
	pat := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	if len(pat) != len(segs) {
		return nil, 0, false
	}
	last := len(pat) - 1
	if !strings.HasSuffix(segs[last], ".json") {
		return nil, 0, false
	}
	params := map[string]string{}
	literals := 0
	for i, p := range pat {
		seg := segs[i]
		if i == last {
			p = strings.TrimSuffix(p, ".json")
			seg = strings.TrimSuffix(seg, ".json")
		}
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			params[p[1:len(p)-1]] = seg
			continue
		}
		if p != seg {
			return nil, 0, false
		}
		literals++
	}
	return params, literals, true
}

package chatrhubtest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// chatResource renders a chat with its agent, group and visitor nested as
// bare attributes (null when the chat has none).
func (s *Server) chatResource(id int64) *resource {
	res := s.st.chats.resource(id)
	res.Attributes["agent"] = s.nested(s.st.agents, res.Attributes["agent_id"])
	res.Attributes["group"] = s.nested(s.st.groups, res.Attributes["group_id"])
	res.Attributes["visitor"] = s.nested(s.st.visitors, res.Attributes["visitor_id"])
	return res
}

// chat returns the chat of the path's chat_id, or answers 404.
func (s *Server) chat(c *call) (int64, attrs, bool) {
	return c.pathObject(s.st.chats, "chat", "chat_id")
}

// queryInt reads an optional integer query parameter; ok is false after
// answering 400 for a malformed one.
func (c *call) queryInt(name string) (value int64, present, ok bool) {
	raw := c.query.Get(name)
	if raw == "" {
		return 0, false, true
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		c.badRequest(fmt.Sprintf("query parameter %s must be an integer, got %q", name, raw))
		return 0, false, false
	}
	return n, true, true
}

// requireQuery answers 400 unless every named query parameter is present
// and not empty.
func (c *call) requireQuery(names ...string) bool {
	for _, name := range names {
		if c.query.Get(name) == "" {
			c.badRequest("query parameter " + name + " is required")
			return false
		}
	}
	return true
}

// chatFilter selects chats by the query parameters List Chats and Chat
// Reports share.
type chatFilter struct {
	from, to                  time.Time // inclusive
	agent, visitor, group     int64     // 0 = any
	tag, rating, missed       string
	hasTag, hasRating, hasMis bool
}

func (f *chatFilter) keep(a attrs) bool {
	created, ok := timeOf(a["create_dt"])
	if !ok || created.Before(f.from) || created.After(f.to) {
		return false
	}
	for _, ref := range []struct {
		want int64
		key  string
	}{{f.agent, "agent_id"}, {f.visitor, "visitor_id"}, {f.group, "group_id"}} {
		if ref.want == 0 {
			continue
		}
		if n, _ := intOf(a[ref.key]); n != ref.want {
			return false
		}
	}
	if f.hasTag && strOf(a["tag"]) != f.tag {
		return false
	}
	if f.hasRating && ratingClass(a) != f.rating {
		return false
	}
	if f.hasMis && (truthy(a["is_missed"]) != (f.missed == "missed_chats")) {
		return false
	}
	return true
}

// ratingClass classifies a rated chat by its overall_rating: 3 is a great
// chat, 2 an ok chat, 1 a poor chat; "" when not rated.
func ratingClass(a attrs) string {
	n, _ := rating(a, "overall_rating")
	switch n {
	case 3:
		return "great_chats"
	case 2:
		return "ok_chats"
	case 1:
		return "poor_chats"
	}
	return ""
}

// rating reads one of the chat's 1-3 ratings; ok is false when the chat
// has no such rating (null, absent, 0 or outside 1-3).
func rating(a attrs, key string) (n int64, ok bool) {
	n, ok = intOf(a[key])
	if !ok || n < 1 || n > 3 {
		return 0, false
	}
	return n, true
}

// readChatFilter reads agent_id, visitor_id, group_id, tag, rating and
// missed; ok is false after answering 400.
func (c *call) readChatFilter(f *chatFilter) bool {
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"agent_id", &f.agent}, {"visitor_id", &f.visitor}, {"group_id", &f.group}} {
		n, _, ok := c.queryInt(p.name)
		if !ok {
			return false
		}
		*p.dst = n
	}
	if v, ok := c.query["tag"]; ok {
		f.tag, f.hasTag = v[0], true
	}
	if v := c.query.Get("rating"); v != "" {
		if v != "poor_chats" && v != "ok_chats" && v != "great_chats" {
			c.badRequest("query parameter rating must be poor_chats, ok_chats or great_chats")
			return false
		}
		f.rating, f.hasRating = v, true
	}
	if v := c.query.Get("missed"); v != "" {
		if v != "missed_chats" && v != "serviced_chats" {
			c.badRequest("query parameter missed must be missed_chats or serviced_chats")
			return false
		}
		f.missed, f.hasMis = v, true
	}
	return true
}

// listChats serves List Chats: the chats created between start_date and
// end_date (epoch milliseconds, both inclusive and required) that match the
// other filters.
func (s *Server) listChats(c *call) {
	if !c.requireQuery("start_date", "end_date") {
		return
	}
	start, _, ok := c.queryInt("start_date")
	if !ok {
		return
	}
	end, _, ok := c.queryInt("end_date")
	if !ok {
		return
	}
	f := chatFilter{from: time.UnixMilli(start), to: time.UnixMilli(end)}
	if !c.readChatFilter(&f) {
		return
	}
	var out []*resource
	for _, id := range s.st.chats.ids() {
		a, _ := s.st.chats.get(id)
		if f.keep(a) {
			out = append(out, s.chatResource(id))
		}
	}
	c.many(out)
}

func (s *Server) getChat(c *call) {
	id, _, ok := s.chat(c)
	if !ok {
		return
	}
	c.one(http.StatusOK, s.chatResource(id))
}

var tagFields = []field{{name: "tag", kind: kString, required: true}}

// updateChatTag serves Update Chat Tag at /chats/<id>.json and at the
// curl example's /chat/<id>.json.
func (s *Server) updateChatTag(c *call) {
	id, a, ok := s.chat(c)
	if !ok {
		return
	}
	in, ok := c.readAttributes("chats", tagFields)
	if !ok {
		return
	}
	a["tag"] = in["tag"]
	s.touch(a)
	c.one(http.StatusOK, s.chatResource(id))
}

// transferChat serves Transfer Chat. As documented, it only sends the
// transfer request: transfer_to_agent_id becomes the receiving agent's, and
// the chat moves to that agent (agent_id) when the agent responds, which
// AcceptTransfer simulates. When agent_username_from is not the chat's agent
// or agent_username_to is no other agent, it answers 200 with the
// documented failure body {"success": "Invalid usernames or authentication."}.
func (s *Server) transferChat(c *call) {
	if !c.requireQuery("agent_username_from", "agent_username_to") {
		return
	}
	_, chat, ok := s.chat(c)
	if !ok {
		return
	}
	from, fromOK := s.agentByUsername(c.query.Get("agent_username_from"))
	to, toOK := s.agentByUsername(c.query.Get("agent_username_to"))
	current, _ := intOf(chat["agent_id"])
	if !fromOK || !toOK || from != current || from == to {
		c.success(chatrhub.TransferFailedMessage)
		return
	}
	chat["transfer_to_agent_id"] = num(to)
	s.touch(chat)
	c.success("Sent Transfer Action")
}

func (s *Server) agentByUsername(username string) (int64, bool) {
	for _, id := range s.st.agents.ids() {
		a, _ := s.st.agents.get(id)
		if strOf(a["username"]) == username {
			return id, true
		}
	}
	return 0, false
}

// parseDay reads a YYYY-MM-DD query parameter; ok is false after answering
// 400.
func (c *call) parseDay(name string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, c.query.Get(name))
	if err != nil {
		c.badRequest(fmt.Sprintf("query parameter %s must be a date YYYY-MM-DD, got %q", name, c.query.Get(name)))
		return time.Time{}, false
	}
	return t, true
}

// dayRange reads the required start_date and end_date (YYYY-MM-DD, UTC) as
// the span from the start of the first day to the end of the last.
func (c *call) dayRange() (from, to time.Time, ok bool) {
	if !c.requireQuery("start_date", "end_date") {
		return from, to, false
	}
	if from, ok = c.parseDay("start_date"); !ok {
		return from, to, false
	}
	if to, ok = c.parseDay("end_date"); !ok {
		return from, to, false
	}
	if to.Before(from) {
		c.badRequest("end_date is before start_date")
		return from, to, false
	}
	return from, to.Add(24*time.Hour - time.Nanosecond), true
}

// chatReport serves Chat Reports (at /chats/report.json and at the HTTP
// section's /agents/report.json), computed from the chats created between
// start_date and end_date (YYYY-MM-DD, whole days, UTC) of agent_id and
// group_id when given:
//   - total_chats counts them, missed_chats those with is_missed;
//   - a chat is rated when its overall_rating is 1, 2 or 3 (null, 0 or
//     anything else is not rated): total_ratings counts the rated chats,
//     and poor/ok/great_chats_count those whose overall_rating is 1/2/3;
//   - overall, frendly, responsive and knowledge_rating are the means of the
//     rated chats' 1-3 ratings of that kind, and average_rating the mean of
//     the rated chats' average_rating (percentages), rounded to 2 decimals;
//     null when no rated chat has one;
//   - average_response_delay and average_duration are the rounded means of
//     the chats that have one, or null.
//
// The report's id is always 1.
func (s *Server) chatReport(c *call) {
	from, to, ok := c.dayRange()
	if !ok {
		return
	}
	f := chatFilter{from: from, to: to}
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"agent_id", &f.agent}, {"group_id", &f.group}} {
		n, _, ok := c.queryInt(p.name)
		if !ok {
			return
		}
		*p.dst = n
	}
	var total, missed, rated int64
	classes := map[string]int64{}
	sums := map[string]*mean{}
	for _, k := range append(ratingFields[:], "average_rating", "response_delay", "duration") {
		sums[k] = &mean{}
	}
	for _, id := range s.st.chats.ids() {
		a, _ := s.st.chats.get(id)
		if !f.keep(a) {
			continue
		}
		total++
		if truthy(a["is_missed"]) {
			missed++
		}
		for _, k := range []string{"response_delay", "duration"} {
			if v, ok := floatOf(a[k]); ok {
				sums[k].add(v)
			}
		}
		class := ratingClass(a)
		if class == "" {
			continue
		}
		rated++
		classes[class]++
		for _, k := range ratingFields {
			if n, ok := rating(a, k); ok {
				sums[k].add(float64(n))
			}
		}
		if v, ok := floatOf(a["average_rating"]); ok {
			sums["average_rating"].add(v)
		}
	}
	attributes := attrs{
		"total_chats":            num(total),
		"missed_chats":           num(missed),
		"total_ratings":          num(rated),
		"great_chats_count":      num(classes["great_chats"]),
		"ok_chats_count":         num(classes["ok_chats"]),
		"poor_chats_count":       num(classes["poor_chats"]),
		"overall_rating":         sums["overall_rating"].value(2),
		"frendly_rating":         sums["frendly_rating"].value(2),
		"responsive_rating":      sums["responsive_rating"].value(2),
		"knowledge_rating":       sums["knowledge_rating"].value(2),
		"average_rating":         sums["average_rating"].value(2),
		"average_response_delay": sums["response_delay"].value(0),
		"average_duration":       sums["duration"].value(0),
	}
	c.one(http.StatusOK, &resource{Type: "report", ID: 1, Attributes: attributes})
}

// mean accumulates an average.
type mean struct {
	sum float64
	n   int
}

func (m *mean) add(v float64) { m.sum += v; m.n++ }

// value returns the mean rounded to decimals, or nil when nothing was added.
func (m *mean) value(decimals int) any {
	if m.n == 0 {
		return nil
	}
	p := math.Pow(10, float64(decimals))
	v := math.Round(m.sum/float64(m.n)*p) / p
	if decimals == 0 {
		return num(int64(v))
	}
	return v
}

// AcceptTransfer simulates the receiving agent responding to the transfer
// request of chat chatID: the chat's agent_id becomes its
// transfer_to_agent_id. It reports false when the chat does not exist or has
// no transfer pending.
func (s *Server) AcceptTransfer(chatID int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	chat, ok := s.st.chats.get(chatID)
	if !ok {
		return false
	}
	to, _ := intOf(chat["transfer_to_agent_id"])
	if current, _ := intOf(chat["agent_id"]); to == 0 || to == current {
		return false
	}
	chat["agent_id"] = num(to)
	s.touch(chat)
	return true
}

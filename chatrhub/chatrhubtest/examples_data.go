package chatrhubtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// decodeAttrs reads a JSON object literal into attrs, numbers as
// json.Number. It panics on a malformed literal (a bug in this file).
func decodeAttrs(literal string) attrs {
	dec := json.NewDecoder(bytes.NewReader([]byte(literal)))
	dec.UseNumber()
	var a attrs
	if err := dec.Decode(&a); err != nil {
		panic(fmt.Sprintf("chatrhubtest: bad seed literal: %v", err))
	}
	return a
}

// seedExamples stores the documented example objects and the extra objects that
// NewServer describes.
func (st *state) seedExamples() {
	st.seedAgents()
	st.seedGroups()
	st.seedVisitors()
	st.seedChats()
	st.seedMessages()
	st.seedTasks()
	st.seedActivities()
}

func (st *state) seedAgents() {
	// Agent 1 is the documented answer of Update Agent.
	st.agents.put(1, decodeAttrs(`{
      "username": "unittest500",
      "create_dt": "2018-06-20T16:11:21+00:00",
      "assign_operational_task_variable": null,
      "create_by": 1,
      "updt_by": 1,
      "email": "joe@example.com",
      "avatar_img": "x.png",
      "is_assign_training_tasks": true,
      "agent_id": "1",
      "trmnt_ind": 0,
      "updt_dt": "2018-06-22T01:03:30+00:00",
      "authorization_level": 5,
      "is_assign_operational_tasks": true,
      "is_bot": false,
      "assign_operational_task_values": "[]",
      "client_id": 1,
      "display_name": "Test Display",
      "xmpp_password": "7f94mc9grrxnb4y",
      "is_agent_setup": true,
      "full_name": "Joe",
      "is_assign_training_task_send_email": true,
      "is_taking_chats": true,
      "is_unsubscribe": false,
      "is_assign_operational_task_send_email": true,
      "is_assign_operational_task_by_variable": false,
      "is_temp_login": false
    }`))
	// Agents 2 and 3 are the users of the Transfer Chat example.
	for _, a := range []struct {
		id              int64
		username, name  string
		email, password string
		level           int
	}{
		{2, "johnsmith1", "John Smith", "john.smith@example.com", "k2m9fq7ra1zx0pl3vb8c", 3},
		{3, "jennybrown1", "Jenny Brown", "jenny.brown@example.com", "p0o9i8u7y6t5r4e3w2q1", 1},
	} {
		st.agents.put(a.id, newAgentAttrs(a.id, a.username, a.password, fmt.Sprintf("2018-06-20T17:0%d:00+00:00", a.id)))
		st.agents.rows[a.id]["full_name"] = a.name
		st.agents.rows[a.id]["display_name"] = a.name
		st.agents.rows[a.id]["email"] = a.email
		st.agents.rows[a.id]["authorization_level"] = num(int64(a.level))
		st.agents.rows[a.id]["is_agent_setup"] = true
		st.agents.rows[a.id]["is_unsubscribe"] = false
	}
	// Agent 4 is the documented answer of List Agents and Get Agent.
	st.agents.put(4, decodeAttrs(`{
      "username": "5b2aaeb29fb5ba6af2e3ae2e",
      "is_assign_training_tasks": false,
      "is_assign_operational_task_by_variable": false,
      "client_id": 1,
      "create_dt": "2018-06-20T19:44:50+00:00",
      "updt_dt": null,
      "updt_by": null,
      "is_assign_training_task_send_email": false,
      "trmnt_ind": 0,
      "create_by": 1,
      "assign_operational_task_variable": null,
      "is_bot": true,
      "is_assign_operational_tasks": false,
      "is_taking_chats": true,
      "full_name": "123",
      "is_agent_setup": false,
      "assign_operational_task_values": "[]",
      "agent_id": "4",
      "is_unsubscribe": true,
      "authorization_level": 1,
      "xmpp_password": "4uwbe8mkf6gqf8uxxwl0",
      "email": "",
      "is_assign_operational_task_send_email": false
    }`))
}

// newAgentAttrs returns the attributes of a new agent with the defaults the
// Invite Agent documentation gives (every is_assign_* false).
func newAgentAttrs(id int64, username, password, created string) attrs {
	return attrs{
		"agent_id":                               fmt.Sprint(id),
		"username":                               username,
		"full_name":                              "",
		"display_name":                           nil,
		"email":                                  "",
		"authorization_level":                    num(1),
		"xmpp_password":                          password,
		"is_assign_training_tasks":               false,
		"is_assign_training_task_send_email":     false,
		"is_assign_operational_tasks":            false,
		"is_assign_operational_task_by_variable": false,
		"is_assign_operational_task_send_email":  false,
		"assign_operational_task_variable":       nil,
		"assign_operational_task_values":         "[]",
		"is_bot":                                 false,
		"is_taking_chats":                        true,
		"is_agent_setup":                         false,
		"is_unsubscribe":                         false,
		"client_id":                              num(1),
		"create_by":                              num(1),
		"create_dt":                              created,
		"updt_by":                                nil,
		"updt_dt":                                nil,
		"trmnt_ind":                              num(0),
	}
}

func (st *state) seedGroups() {
	// Group 10204 is the documented answer of Get Group.
	st.groups.put(10204, decodeAttrs(`{
      "group_type": "CUSTOM",
      "client_id": 1,
      "group_name": "Sales",
      "visitor_zip_matches": "[\"\"]",
      "visitor_state_matches": "[\"\"]",
      "create_dt": "2018-06-21T01:59:55+00:00",
      "visitor_email_matches": "[\"\"]",
      "visitor_country_matches": "[\"\"]",
      "visitor_company_matches": "[\"\"]",
      "system_group": false,
      "visitor_phone_matches": "[\"123\"]",
      "visitor_current_url_matches": "[\"\"]",
      "updt_by": null,
      "visitor_city_matches": "[\"\"]",
      "trmnt_ind": false,
      "updt_dt": null,
      "visitor_referrer_url_matches": "[\"\"]",
      "create_by": 1
    }`))
	// Group 10245 is the group of the documented agent/group assignment.
	support := newGroupAttrs("2018-06-19T20:00:00+00:00")
	support["group_name"] = "Support"
	support["visitor_current_url_matches"] = `["/support"]`
	st.groups.put(10245, support)

	// Assignment 1 is the documented one; agents 2 and 3 work in Sales.
	st.agentGroups.put(1, newAgentGroupAttrs(1, 10245, true, "2018-06-19T20:01:41+00:00"))
	st.agentGroups.put(2, newAgentGroupAttrs(2, 10204, true, "2018-06-21T02:00:10+00:00"))
	st.agentGroups.put(3, newAgentGroupAttrs(3, 10204, true, "2018-06-21T02:00:20+00:00"))
}

// groupMatchFields are the group attributes that hold a JSON list inside a
// string.
var groupMatchFields = []string{
	"visitor_phone_matches", "visitor_email_matches", "visitor_current_url_matches",
	"visitor_referrer_url_matches", "visitor_company_matches", "visitor_state_matches",
	"visitor_zip_matches", "visitor_city_matches", "visitor_country_matches",
}

// newGroupAttrs returns the attributes of a new custom group, every match
// list being [""] as in the documented answer of Add Group.
func newGroupAttrs(created string) attrs {
	a := attrs{
		"group_type":   "CUSTOM",
		"group_name":   "",
		"client_id":    num(1),
		"system_group": false,
		"create_by":    num(1),
		"create_dt":    created,
		"updt_by":      nil,
		"updt_dt":      nil,
		"trmnt_ind":    false,
	}
	for _, f := range groupMatchFields {
		a[f] = `[""]`
	}
	return a
}

func newAgentGroupAttrs(agentID, groupID int64, assigned bool, created string) attrs {
	return attrs{
		"agent_id":    num(agentID),
		"group_id":    num(groupID),
		"is_assigned": assigned,
		"client_id":   num(1),
		"create_by":   num(1),
		"create_dt":   created,
		"updt_by":     nil,
		"updt_dt":     nil,
		"trmnt_ind":   false,
	}
}

func (st *state) seedVisitors() {
	// Visitor 1 is the documented answer of Get Visitor By Username.
	st.visitors.put(1, decodeAttrs(`{
      "create_dt": "2018-06-20T16:11:21+00:00",
      "ip_address": "127.0.0.1",
      "street_address_2": null,
      "create_by": 1,
      "updt_by": null,
      "email": "example@testexample.com",
      "company_name": "New Co",
      "referrer_url": null,
      "street_address_1": "123 Circle Dr",
      "zip_code": "12345",
      "name": "Test Visitor Name",
      "trmnt_ind": false,
      "state": "MN",
      "updt_dt": null,
      "client_id": 1,
      "group_id": null,
      "xmpp_username": "geo1jqmurtnl3qjgwt0lsm4i6x4zsrtqzmj8",
      "xmpp_password": "gqseyr2ccspul4usdnb36xulf7mfvm2qhv0l",
      "country": "US",
      "phone": "1231231234",
      "current_url": null,
      "city": "Minneapolis"
    }`))
	for _, v := range []struct {
		id                            int64
		username, name, email, phone  string
		company, city, state, zip, ip string
		created                       string
		groupID                       int64
	}{
		{2, "tqxsbcndxs6q4fbm13dacg73kazefqx4pufr", "Grace Hopper", "grace@navy.example", "6125550101", "Navy Labs", "Arlington", "VA", "22201", "10.0.0.2", "2018-06-20T18:30:00+00:00", 10245},
		{3, "m4rgq8w1k2x7n5b0c9v3z6l1h8j2d4f7s0a5", "Alan Turing", "alan@bletchley.example", "", "Bletchley Park", "Milton Keynes", "", "MK3 6EB", "10.0.0.3", "2018-06-22T08:00:00+00:00", 0},
		{4, "z9y8x7w6v5u4t3s2r1q0p9o8n7m6l5k4j3i2", "Katherine Johnson", "kj@orbit.example", "7575550142", "Langley Research", "Hampton", "VA", "23666", "10.0.0.4", "2018-06-24T12:00:00+00:00", 10204},
		{5, "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8", "Margaret Hamilton", "mh@apollo.example", "6175550199", "Apollo Software", "Boston", "MA", "02139", "10.0.0.5", "2018-06-26T09:45:00+00:00", 0},
	} {
		a := newVisitorAttrs(v.username, v.id, v.created)
		a["name"], a["email"], a["company_name"], a["city"], a["ip_address"] = v.name, v.email, v.company, v.city, v.ip
		a["country"] = "US"
		if v.id == 3 {
			a["country"] = "GB"
		}
		for k, s := range map[string]string{"phone": v.phone, "state": v.state, "zip_code": v.zip} {
			if s != "" {
				a[k] = s
			}
		}
		if v.groupID != 0 {
			a["group_id"] = num(v.groupID)
		}
		st.visitors.put(v.id, a)
	}
}

// visitorFields are the visitor attributes Add Visitor and Edit Visitor
// accept.
var visitorFields = []field{
	{name: "company_name", kind: kString},
	{name: "street_address_1", kind: kString},
	{name: "street_address_2", kind: kString},
	{name: "city", kind: kString},
	{name: "state", kind: kString},
	{name: "zip_code", kind: kString},
	{name: "name", kind: kString},
	{name: "email", kind: kString},
	{name: "phone", kind: kPhone},
	{name: "country", kind: kString},
	{name: "group_id", kind: kInt},
}

// newVisitorAttrs returns the attributes of a new visitor, every optional
// attribute null as in the documented answer of Add Visitor.
func newVisitorAttrs(username string, serial int64, created string) attrs {
	a := attrs{
		"xmpp_username": username,
		"xmpp_password": fmt.Sprintf("%08x-52b0-4e53-92ba-%012x", serial*2654435761%(1<<32), serial),
		"client_id":     num(1),
		"create_by":     num(1),
		"create_dt":     created,
		"updt_by":       nil,
		"updt_dt":       nil,
		"trmnt_ind":     false,
		"current_url":   nil,
		"referrer_url":  nil,
		"ip_address":    nil,
	}
	for _, f := range visitorFields {
		a[f.name] = nil
	}
	return a
}

// seedChat describes one seeded chat; ratings are overall, friendly,
// responsive and knowledge (0 = not rated).
type seedChat struct {
	id                  int64
	created             string
	agent, visitor      int64
	group               int64
	tag                 string
	ratings             [4]int
	duration, delay     int
	missed, open        bool
	feedback, endReason string
}

func (st *state) seedChats() {
	chats := []seedChat{
		{1, "2018-06-22T01:30:02+00:00", 1, 2, 10245, "billing", [4]int{3, 3, 3, 2}, 420, 12, false, false, "Quick and helpful", ""},
		{3, "2018-06-22T09:15:00+00:00", 2, 1, 10204, "sales-lead", [4]int{3, 3, 3, 3}, 600, 8, false, false, "", ""},
		{4, "2018-06-23T11:20:00+00:00", 3, 3, 10204, "", [4]int{}, 0, 0, true, false, "", "no_reply"},
		{5, "2018-06-25T14:05:00+00:00", 1, 4, 10245, "support", [4]int{2, 2, 2, 2}, 380, 25, false, false, "", ""},
		{6, "2018-06-27T16:40:00+00:00", 2, 5, 10204, "complaint", [4]int{1, 1, 2, 1}, 900, 95, false, false, "Took too long", ""},
		{7, "2018-06-29T10:10:00+00:00", 4, 1, 0, "", [4]int{}, 45, 1, false, false, "", "inactive"},
		{8, "2018-07-01T13:00:00+00:00", 1, 3, 10245, "support", [4]int{3, 3, 2, 3}, 510, 15, false, false, "", ""},
		{9, "2018-07-03T08:25:00+00:00", 3, 2, 10204, "", [4]int{}, 0, 0, true, false, "", "offline"},
		{10, "2018-07-05T15:30:00+00:00", 2, 4, 10204, "sales-lead", [4]int{2, 3, 2, 2}, 720, 20, false, false, "", ""},
		{11, "2018-07-08T17:45:00+00:00", 1, 5, 10245, "", [4]int{}, 0, 10, false, true, "", ""},
		{12, "2018-07-10T12:00:00+00:00", 3, 1, 10204, "billing", [4]int{3, 2, 3, 3}, 300, 9, false, false, "", ""},
	}
	for _, c := range chats {
		st.chats.put(c.id, c.attrs())
	}
	// Chat 2 is the documented answer of Get Chat.
	st.chats.put(2, decodeAttrs(`{
      "is_billable": 0,
      "is_missed": null,
      "tag": null,
      "overall_rating": null,
      "group_id": null,
      "is_beat_out": 1,
      "knowledge_rating": null,
      "response_delay": null,
      "create_dt": "2018-06-21T01:50:49+00:00",
      "create_by": 1,
      "is_feedback_requested": 0,
      "client_id": 1,
      "average_rating": null,
      "agent_id_to": null,
      "is_ended": 1,
      "responsive_rating": null,
      "agent_id": 4,
      "duration": null,
      "ended_rsn_cd": null,
      "updt_dt": "2018-06-21T01:58:09+00:00",
      "visitor_id": 2,
      "trmnt_ind": false,
      "frendly_rating": null,
      "transfer_to_agent_id": null,
      "feedback": null,
      "updt_by": 1
    }`))
}

func (c seedChat) attrs() attrs {
	created, _ := time.Parse(time.RFC3339, c.created)
	a := attrs{
		"is_billable":           num(1),
		"is_missed":             num(0),
		"tag":                   nil,
		"group_id":              numOrNull(c.group),
		"is_beat_out":           num(0),
		"response_delay":        numOrNull(int64(c.delay)),
		"create_dt":             c.created,
		"create_by":             num(1),
		"is_feedback_requested": num(0),
		"client_id":             num(1),
		"agent_id_to":           nil,
		"is_ended":              num(1),
		"agent_id":              numOrNull(c.agent),
		"duration":              numOrNull(int64(c.duration)),
		"ended_rsn_cd":          nil,
		"updt_dt":               created.Add(time.Duration(c.duration+60) * time.Second).UTC().Format(dateTimeLayout),
		"visitor_id":            numOrNull(c.visitor),
		"trmnt_ind":             false,
		"transfer_to_agent_id":  nil,
		"feedback":              nil,
		"updt_by":               num(1),
	}
	if c.tag != "" {
		a["tag"] = c.tag
	}
	if c.missed {
		a["is_missed"] = num(1)
		a["is_billable"] = num(0)
	}
	if c.open {
		a["is_ended"] = num(0)
		a["updt_dt"] = nil
		a["updt_by"] = nil
	}
	if c.endReason != "" {
		a["ended_rsn_cd"] = c.endReason
	}
	if c.feedback != "" {
		a["feedback"] = c.feedback
	}
	setRatings(a, c.ratings)
	return a
}

// ratingFields are the chat's 1-3 ratings, in the order seedChat holds them.
var ratingFields = [4]string{"overall_rating", "frendly_rating", "responsive_rating", "knowledge_rating"}

// setRatings stores the four ratings (0 = not rated) and average_rating, the
// mean rating as a percentage of the 1-3 scale, rounded down (3, 3, 3, 2 ->
// 87, as in the documented report).
func setRatings(a attrs, ratings [4]int) {
	if ratings == [4]int{} {
		for _, f := range ratingFields {
			a[f] = nil
		}
		a["average_rating"] = nil
		return
	}
	a["is_feedback_requested"] = num(1)
	sum := 0
	for i, f := range ratingFields {
		a[f] = num(int64(ratings[i]))
		sum += ratings[i]
	}
	a["average_rating"] = num(int64((float64(sum)/4 - 1) / 2 * 100))
}

// seedMessage describes one seeded message.
type seedMessage struct {
	id                   int64
	chat                 int64
	created              string
	fromAgent, toAgent   int64
	fromVisitor, toVisit int64
	body                 string
	admin                bool
	intent               int64
	probability          string
}

func (st *state) seedMessages() {
	msgs := []seedMessage{
		{18, 1, "2018-06-22T01:30:02+00:00", 0, 1, 0, 0, "Chat started", true, 0, ""},
		{19, 1, "2018-06-22T01:30:05+00:00", 1, 0, 0, 2, "Hello! How can I help you today?", false, 0, ""},
		{21, 1, "2018-06-22T01:32:10+00:00", 0, 1, 2, 0, "I have a question about my invoice.", false, 7, "0.41"},
		{22, 1, "2018-06-22T01:33:00+00:00", 1, 0, 0, 2, "Sure, let me look that up.", false, 0, ""},
		{23, 2, "2018-06-21T01:51:02+00:00", 0, 4, 2, 0, "Can I book a service for Friday?", false, 3, "0.38"},
		{24, 2, "2018-06-21T01:51:03+00:00", 4, 0, 0, 2, "Sure, what time works for you?", false, 0, ""},
		{25, 3, "2018-06-22T09:15:30+00:00", 0, 2, 1, 0, "Do you offer volume discounts?", false, 5, "0.44"},
		{26, 3, "2018-06-22T09:16:10+00:00", 2, 0, 0, 1, "Yes, from 50 seats.", false, 0, ""},
	}
	for _, m := range msgs {
		st.messages.put(m.id, m.attrs())
	}
	// Message 20 is the documented answer of List Messages.
	st.messages.put(20, decodeAttrs(`{
      "manual_user_id_2": null,
      "to_visitor_id": null,
      "final_manual_intent_id": null,
      "batch_intent_id": null,
      "is_admin": false,
      "is_interruption_blocked": false,
      "create_dt": "2018-06-22T01:31:27+00:00",
      "manual_user_id_5": null,
      "from_agent_id": null,
      "manual_intent_id_3": null,
      "manual_user_id_4": null,
      "manual_intent_id_2": null,
      "body": "Hi\n",
      "manual_user_id_3": null,
      "client_id": 1,
      "manual_intent_id_1": null,
      "manual_user_id_1": null,
      "batch_intent_probability": null,
      "manual_intent_id_5": null,
      "manual_intent_id_4": null,
      "chat_id": 1,
      "to_agent_id": 1,
      "from_visitor_id": 2
    }`))
}

func (m seedMessage) attrs() attrs {
	a := attrs{
		"chat_id":                  num(m.chat),
		"client_id":                num(1),
		"create_dt":                m.created,
		"body":                     m.body,
		"is_admin":                 m.admin,
		"is_interruption_blocked":  false,
		"from_agent_id":            numOrNull(m.fromAgent),
		"to_agent_id":              numOrNull(m.toAgent),
		"from_visitor_id":          numOrNull(m.fromVisitor),
		"to_visitor_id":            numOrNull(m.toVisit),
		"batch_intent_id":          numOrNull(m.intent),
		"batch_intent_probability": nil,
		"final_manual_intent_id":   nil,
	}
	if m.probability != "" {
		a["batch_intent_probability"] = json.Number(m.probability)
	}
	for i := 1; i <= 5; i++ {
		a[fmt.Sprintf("manual_intent_id_%d", i)] = nil
		a[fmt.Sprintf("manual_user_id_%d", i)] = nil
	}
	return a
}

func (st *state) seedTasks() {
	// Task 1 is the documented answer of List Tasks; task 2 the operational
	// task of Update Operational Task before the update.
	for id := int64(1); id <= 2; id++ {
		st.tasks.put(id, decodeAttrs(`{
        "node_name": "Schedule Service",
        "message": null,
        "message_id": null,
        "client_id": 1,
        "assigned_agent_id": 1,
        "is_complete": false,
        "updt_dt": null,
        "variables_": "{}",
        "intent_id": null,
        "create_by": 1,
        "updt_by": null,
        "create_dt": "2018-06-23T14:42:10+00:00",
        "task_type": "operational"
      }`))
		delete(st.tasks.rows[id], "message")
	}
	// Task 3 is the machine learning task of message 20.
	st.tasks.put(3, newTaskAttrs("machine_learning", nil, 20, 1, "2018-06-23T14:45:00+00:00"))

	nodes := []string{"Schedule Service", "Request Quote", "Cancel Order", "Update Address"}
	mlMessages := []int64{21, 23, 25}
	base := time.Date(2018, 6, 23, 15, 0, 0, 0, time.UTC)
	for id := int64(4); id <= 25; id++ {
		created := base.Add(time.Duration(id-4) * 47 * time.Minute).Format(dateTimeLayout)
		agent := 1 + id%3
		var a attrs
		if id%3 == 0 {
			a = newTaskAttrs("machine_learning", nil, mlMessages[id%int64(len(mlMessages))], agent, created)
		} else {
			node := nodes[id%int64(len(nodes))]
			a = newTaskAttrs("operational", node, 0, agent, created)
			a["variables_"] = fmt.Sprintf(`{"order": "A-%04d", "day": "%s"}`, 1000+id, []string{"Monday", "Tuesday", "Friday"}[id%3])
		}
		if id%4 == 0 {
			a["is_complete"] = true
			a["updt_by"] = num(agent)
			a["updt_dt"] = base.Add(time.Duration(id-4)*47*time.Minute + 30*time.Minute).Format(dateTimeLayout)
			if a["task_type"] == "machine_learning" {
				a["intent_id"] = "2"
			}
		}
		st.tasks.put(id, a)
	}
}

// newTaskAttrs returns the attributes of an open task.
func newTaskAttrs(taskType string, node any, messageID, agentID int64, created string) attrs {
	return attrs{
		"task_type":         taskType,
		"node_name":         node,
		"message_id":        numOrNull(messageID),
		"client_id":         num(1),
		"assigned_agent_id": num(agentID),
		"is_complete":       false,
		"variables_":        "{}",
		"intent_id":         nil,
		"create_by":         num(1),
		"create_dt":         created,
		"updt_by":           nil,
		"updt_dt":           nil,
	}
}

func (st *state) seedActivities() {
	// Activities 1-3 are the documented answer of Get Agent Activity (which
	// shows id 1 three times).
	for i, status := range []string{"available", "unavailable", "offline"} {
		at := time.Date(2018, 6, 19, 13, 5*i, 0, 0, time.UTC)
		st.activities.put(int64(i+1), newActivityAttrs(1, status, at))
	}
	day := time.Date(2018, 6, 20, 9, 0, 0, 0, time.UTC)
	for i, status := range []string{"available", "available", "unavailable", "available", "offline"} {
		st.activities.insert(newActivityAttrs(1, status, day.Add(time.Duration(i)*5*time.Minute)))
		st.activities.insert(newActivityAttrs(2, []string{"offline", "available"}[i%2], day.Add(time.Duration(i)*5*time.Minute)))
	}
}

func newActivityAttrs(agentID int64, status string, at time.Time) attrs {
	ts := at.UTC().Format(dateTimeLayout)
	return attrs{
		"agent_id":  num(agentID),
		"status":    status,
		"client_id": num(1),
		"create_by": num(1),
		"create_dt": ts,
		"updt_by":   num(1),
		"updt_dt":   ts,
		"trmnt_ind": false,
	}
}

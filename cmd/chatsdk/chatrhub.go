package main

import "github.com/chatsdk-go/chatsdk/chatrhub"

func chatrhubCmd(path string, method any, args []string, endpoint string) *command {
	return &command{path: path, method: method, args: args, endpoints: []string{endpoint}}
}

var agentArg = []string{"agent-id"}

// chatrhubCommands is the chatrhub subcommand tree.
var chatrhubCommands = []*command{
	chatrhubCmd("agent-activity get", (*chatrhub.AgentActivityService).Get, agentArg, "GET /agent_activities/agent_id/{agent_id}.json?start_date&end_date"),
	chatrhubCmd("agent-groups list", (*chatrhub.AgentGroupsService).List, agentArg, "GET /agent_groups/{agent_id}.json"),
	chatrhubCmd("agent-groups get", (*chatrhub.AgentGroupsService).Get, []string{"agent-id", "group-id"}, "GET /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json"),
	chatrhubCmd("agent-groups assign", (*chatrhub.AgentGroupsService).Assign, agentArg, "POST /agent_groups/{agent_id}.json"),
	chatrhubCmd("agent-groups remove", (*chatrhub.AgentGroupsService).Remove, []string{"agent-id", "group-id"}, "DELETE /agent_groups/agent_id/{agent_id}/group_id/{group_id}.json"),
	chatrhubCmd("agents list", (*chatrhub.AgentsService).List, nil, "GET /agents.json?agent_username"),
	chatrhubCmd("agents get", (*chatrhub.AgentsService).Get, agentArg, "GET /agents/{agent_id}.json"),
	chatrhubCmd("agents update", (*chatrhub.AgentsService).Update, agentArg, "PATCH /agents/{agent_id}.json"),
	chatrhubCmd("agents invite", (*chatrhub.AgentsService).Invite, nil, "POST /agents/invite.json"),
	chatrhubCmd("chats list", (*chatrhub.ChatsService).List, nil, "GET /chats.json?start_date&end_date&agent_id&visitor_id&group_id&tag&rating&missed"),
	chatrhubCmd("chats get", (*chatrhub.ChatsService).Get, []string{"chat-id"}, "GET /chats/{chat_id}.json"),
	chatrhubCmd("chats update-tag", (*chatrhub.ChatsService).UpdateTag, []string{"chat-id"}, "PATCH /chats/{chat_id}.json"),
	chatrhubCmd("chats report", (*chatrhub.ChatsService).Report, nil, "GET /chats/report.json?start_date&end_date&agent_id&group_id"),
	chatrhubCmd("chats transfer", (*chatrhub.ChatsService).Transfer, []string{"chat-id"}, "GET /chats/transfer/{chat_id}.json?agent_username_from&agent_username_to"),
	chatrhubCmd("groups list", (*chatrhub.GroupsService).List, nil, "GET /groups.json"),
	chatrhubCmd("groups get", (*chatrhub.GroupsService).Get, []string{"group-id"}, "GET /groups/{group_id}.json"),
	chatrhubCmd("groups add", (*chatrhub.GroupsService).Add, nil, "POST /groups.json"),
	chatrhubCmd("groups edit", (*chatrhub.GroupsService).Edit, []string{"group-id"}, "PATCH /groups/{group_id}.json"),
	chatrhubCmd("groups remove", (*chatrhub.GroupsService).Remove, []string{"group-id"}, "DELETE /groups/{group_id}.json"),
	chatrhubCmd("messages list", (*chatrhub.MessagesService).List, nil, "GET /messages.json?visitor_username|chat_id&include_admin"),
	{path: "tasks list", method: (*chatrhub.TasksService).ListPage, all: (*chatrhub.TasksService).List,
		endpoints: []string{"GET /q_tasks.json?after&task_type&is_resolved"}},
	chatrhubCmd("tasks update-machine-learning", (*chatrhub.TasksService).UpdateMachineLearning, []string{"task-id", "intent-id"}, "GET /q_tasks/machine_learning/{task_id}/{intent_id}.json"),
	chatrhubCmd("tasks update-operational", (*chatrhub.TasksService).UpdateOperational, []string{"task-id", "is-complete"}, "GET /q_tasks/operational/{task_id}/{is_complete}.json"),
	chatrhubCmd("visitors list", (*chatrhub.VisitorsService).List, nil, "GET /visitors.json?name&email&phone&company_name&city&state&zip_code&ip_address&visitor_id&has_phone_number"),
	chatrhubCmd("visitors get-by-username", (*chatrhub.VisitorsService).GetByUsername, []string{"visitor-username"}, "GET /visitors.json?visitor_username"),
	chatrhubCmd("visitors add", (*chatrhub.VisitorsService).Add, nil, "POST /visitors.json"),
	chatrhubCmd("visitors edit", (*chatrhub.VisitorsService).Edit, []string{"visitor-id"}, "PATCH /visitors/{visitor_id}.json"),
}

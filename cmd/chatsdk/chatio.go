package main

import "github.com/chatsdk-go/chatsdk/chatio"

func chatioCmd(path string, method any, args []string, endpoint string) *command {
	return &command{path: path, method: method, args: args, endpoints: []string{endpoint}}
}

var botAgentArg = []string{"bot-agent-id"}

// chatioCommands is the chatio subcommand tree.
var chatioCommands = []*command{
	chatioCmd("bot-agents create", (*chatio.BotAgentsService).Create, nil, "POST /agents/create_bot_agent"),
	chatioCmd("bot-agents remove", (*chatio.BotAgentsService).Remove, botAgentArg, "POST /agents/remove_bot_agent"),
	chatioCmd("bot-agents update", (*chatio.BotAgentsService).Update, botAgentArg, "POST /agents/update_bot_agent"),
	chatioCmd("bot-agents list", (*chatio.BotAgentsService).List, nil, "POST /agents/get_bot_agents"),
	chatioCmd("bot-agents get", (*chatio.BotAgentsService).Get, botAgentArg, "POST /agents/get_bot_agent_details"),
	chatioCmd("webhooks register", (*chatio.WebhooksService).Register, nil, "POST /webhooks/register_webhook"),
	chatioCmd("webhooks list", (*chatio.WebhooksService).List, nil, "POST /webhooks/get_webhooks_config"),
	chatioCmd("webhooks unregister", (*chatio.WebhooksService).Unregister, []string{"webhook-id"}, "POST /webhooks/unregister_webhook"),
}

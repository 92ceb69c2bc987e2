package main

import (
	"reflect"
	"strconv"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// enumNames are the names a flag of an integer enum type also accepts.
var enumNames = map[reflect.Type]map[string]string{
	reflect.TypeOf(chatrhub.AuthorizationLevel(0)): {
		"agent":      strconv.Itoa(int(chatrhub.LevelAgent)),
		"supervisor": strconv.Itoa(int(chatrhub.LevelSupervisor)),
		"admin":      strconv.Itoa(int(chatrhub.LevelAdmin)),
	},
}

// flagAliases are short names for long params flags, per params type.
var flagAliases = map[reflect.Type]map[string]string{
	reflect.TypeOf(chatrhub.InviteAgentParams{}): {"level": "authorization-level"},
	reflect.TypeOf(chatrhub.UpdateAgentParams{}): {"level": "authorization-level"},
}

// enumChoices are the documented values of string enum types, shown in -h.
var enumChoices = map[reflect.Type][]string{
	reflect.TypeOf(chatio.AgentStatus("")): {
		string(chatio.StatusAcceptingChats), string(chatio.StatusNotAcceptingChats), string(chatio.StatusOffline),
	},
	reflect.TypeOf(chatio.WebhookAction("")): actionNames(),
	reflect.TypeOf(chatrhub.TaskType("")):    {string(chatrhub.TaskOperational), string(chatrhub.TaskMachineLearning)},
	reflect.TypeOf(chatrhub.ChatRating("")):  {string(chatrhub.RatingPoor), string(chatrhub.RatingOK), string(chatrhub.RatingGreat)},
	reflect.TypeOf(chatrhub.ChatMissed("")):  {string(chatrhub.MissedChats), string(chatrhub.ServicedChats)},
	reflect.TypeOf(giosg.Order("")): {
		string(giosg.OrderCreatedAsc), string(giosg.OrderCreatedDesc), string(giosg.OrderUpdatedAsc), string(giosg.OrderUpdatedDesc),
	},
	reflect.TypeOf(giosg.ComposingStatus("")): {
		string(giosg.ComposingIdle), string(giosg.ComposingTyping), string(giosg.ComposingTyped),
	},
	reflect.TypeOf(giosg.Template("")): {
		string(giosg.TemplateGeneric), string(giosg.TemplateInteraction), string(giosg.TemplateExternal),
	},
	reflect.TypeOf(giosg.MessageType("")): {
		string(giosg.MessageTypeMsg), string(giosg.MessageTypeAutosuggest), string(giosg.MessageTypeJoin),
		string(giosg.MessageTypeLeave), string(giosg.MessageTypeShoppingCartLocked), string(giosg.MessageTypeAction),
		string(giosg.MessageTypeCallRequest), string(giosg.MessageTypeCallEnded),
		string(giosg.MessageTypeInteractionSubmit), string(giosg.MessageTypeSystem),
	},
}

func actionNames() []string {
	var names []string
	for _, a := range chatio.WebhookActions() {
		names = append(names, string(a))
	}
	return names
}

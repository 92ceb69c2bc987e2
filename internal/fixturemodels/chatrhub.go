package fixturemodels

import (
	"encoding/json"

	"errors"
	"fmt"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"

	"github.com/chatsdk-go/chatsdk/chatrhub"
)

// Chatrhub maps each answer fixture of testdata/chatrhub to the document
// the client decodes it as: an Envelope of one Resource (oneResource), of a
// list of them (manyResources), or a *chatrhub.Success.
var Chatrhub = map[string]Decoder{
	"agent_activity_get.response.json":            manyResources[chatrhub.AgentActivity],
	"agent_groups_list.response.json":             manyResources[chatrhub.AgentGroup],
	"agent_groups_get.response.json":              oneResource[chatrhub.AgentGroup],
	"agent_groups_assign.response.json":           oneResource[chatrhub.AgentGroup],
	"agent_groups_remove.response.json":           into[chatrhub.Success],
	"agents_list.response.json":                   manyResources[chatrhub.Agent],
	"agents_get.response.json":                    oneResource[chatrhub.Agent],
	"agents_update.response.json":                 oneResource[chatrhub.Agent],
	"agents_invite.response.json":                 oneResource[chatrhub.Agent],
	"chats_list.response.json":                    manyResources[chatrhub.Chat],
	"chats_get.response.json":                     oneResource[chatrhub.Chat],
	"chats_update_tag.response.json":              oneResource[chatrhub.Chat],
	"chats_report.response.json":                  oneResource[chatrhub.ChatReport],
	"chats_transfer.response.json":                into[chatrhub.Success],
	"groups_list.response.json":                   manyResources[chatrhub.Group],
	"groups_get.response.json":                    oneResource[chatrhub.Group],
	"groups_add.response.json":                    oneResource[chatrhub.Group],
	"groups_edit.response.json":                   oneResource[chatrhub.Group],
	"groups_remove.response.json":                 into[chatrhub.Success],
	"messages_list.response.json":                 manyResources[chatrhub.Message],
	"tasks_list.response.json":                    manyResources[chatrhub.Task],
	"tasks_update_machine_learning.response.json": oneResource[chatrhub.Task],
	"tasks_update_operational.response.json":      oneResource[chatrhub.Task],
	"visitors_list.response.json":                 manyResources[chatrhub.Visitor],
	"visitors_get_by_username.response.json":      oneResource[chatrhub.Visitor],
	"visitors_add.response.json":                  oneResource[chatrhub.Visitor],
	"visitors_edit.response.json":                 oneResource[chatrhub.Visitor],
}

// oneResource decodes an answer holding one resource object as the client
// does: in one pass as an object, and again as a list of at most one when
// "data" is an array (the documented answer of Get Agent).
func oneResource[T any](data []byte) (any, error) {
	var doc chatrhub.Envelope[chatrhub.Resource[T]]
	err := jsondec.Unmarshal(data, &doc)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field != "data" || te.Value != "array" {
		return &doc, err
	}
	var list chatrhub.Envelope[[]chatrhub.Resource[T]]
	if err := jsondec.Unmarshal(data, &list); err != nil {
		return nil, err
	}
	if len(list.Data) > 1 {
		return nil, fmt.Errorf("data: want one object, got an array of %d", len(list.Data))
	}
	return &list, nil
}

// manyResources decodes an answer holding a list of resource objects; a
// lone object is a list of one, as the client reads it.
func manyResources[T any](data []byte) (any, error) {
	var doc chatrhub.Envelope[[]chatrhub.Resource[T]]
	err := jsondec.Unmarshal(data, &doc)
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field != "data" || te.Value != "object" {
		return &doc, err
	}
	var one chatrhub.Envelope[chatrhub.Resource[T]]
	if err := jsondec.Unmarshal(data, &one); err != nil {
		return nil, err
	}
	return &chatrhub.Envelope[[]chatrhub.Resource[T]]{Data: []chatrhub.Resource[T]{one.Data}}, nil
}

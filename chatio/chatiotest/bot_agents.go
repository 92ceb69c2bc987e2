package chatiotest

import (
	"strings"

	"github.com/chatsdk-go/chatsdk/chatio"
)

// defaultMaxChatsCount is the documented default of max_chats_count.
const defaultMaxChatsCount = 6

func (s *Server) createBotAgent(body []byte) (any, *apiError) {
	var p chatio.CreateBotAgentParams
	if e := decode(body, &p); e != nil {
		return nil, e
	}
	if err := p.Validate(); err != nil {
		return nil, validation(err)
	}
	bot := clone(chatio.BotAgent{
		Name:          p.Name,
		Avatar:        p.Avatar,
		Status:        p.Status,
		Application:   &chatio.Application{ClientID: s.ClientID},
		MaxChatsCount: defaultMaxChatsCount,
		Groups:        p.Groups,
		Webhooks:      p.Webhooks,
	})
	if p.MaxChatsCount != nil {
		bot.MaxChatsCount = *p.MaxChatsCount
	}
	if len(bot.Groups) == 0 {
		// Every agent belongs to group 0 by default.
		bot.Groups = []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	bot.ID = newID(16)
	s.bots[bot.ID] = &bot
	s.botOrder = append(s.botOrder, bot.ID)
	return chatio.CreatedBotAgent{BotAgentID: bot.ID}, nil
}

func (s *Server) updateBotAgent(body []byte) (any, *apiError) {
	var p struct {
		ID string `json:"id"`
		chatio.UpdateBotAgentParams
	}
	if e := decode(body, &p); e != nil {
		return nil, e
	}
	if strings.TrimSpace(p.ID) == "" {
		return nil, errValidation("id: required")
	}
	if err := p.UpdateBotAgentParams.Validate(); err != nil {
		return nil, validation(err)
	}
	u := clone(p.UpdateBotAgentParams)
	s.mu.Lock()
	defer s.mu.Unlock()
	bot, ok := s.bots[p.ID]
	if !ok {
		return nil, errNotFound("bot agent %q not found", p.ID)
	}
	if u.Name != "" {
		bot.Name = u.Name
	}
	if u.Avatar != nil {
		bot.Avatar = *u.Avatar
	}
	if u.Status != "" {
		bot.Status = u.Status
	}
	if u.MaxChatsCount != nil {
		bot.MaxChatsCount = *u.MaxChatsCount
	}
	if u.Groups != nil {
		bot.Groups = *u.Groups
		if len(bot.Groups) == 0 {
			// Emptied groups leave the agent in group 0, where every
			// agent is by default.
			bot.Groups = []chatio.Group{{ID: 0, Priority: chatio.PriorityNormal}}
		}
	}
	if u.Webhooks != nil {
		bot.Webhooks = u.Webhooks
	}
	return struct{}{}, nil
}

// botAgentID reads the required bot_agent_id of a remove or get body.
func botAgentID(body []byte) (string, *apiError) {
	var p struct {
		BotAgentID string `json:"bot_agent_id"`
	}
	if e := decode(body, &p); e != nil {
		return "", e
	}
	if strings.TrimSpace(p.BotAgentID) == "" {
		return "", errValidation("bot_agent_id: required")
	}
	return p.BotAgentID, nil
}

func (s *Server) removeBotAgent(body []byte) (any, *apiError) {
	id, e := botAgentID(body)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.bots[id]; !ok {
		return nil, errNotFound("bot agent %q not found", id)
	}
	delete(s.bots, id)
	s.botOrder = remove(s.botOrder, id)
	return struct{}{}, nil
}

func (s *Server) listBotAgents(body []byte) (any, *apiError) {
	var p chatio.ListBotAgentsParams
	if e := decode(body, &p); e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]chatio.BotAgent, 0, len(s.botOrder))
	for _, id := range s.botOrder {
		b := s.bots[id]
		out = append(out, chatio.BotAgent{ID: b.ID, Name: b.Name, Avatar: b.Avatar, Status: b.Status})
	}
	return map[string]any{"bot_agents": out}, nil
}

func (s *Server) getBotAgent(body []byte) (any, *apiError) {
	id, e := botAgentID(body)
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bots[id]
	if !ok {
		return nil, errNotFound("bot agent %q not found", id)
	}
	return map[string]any{"bot_agent": clone(*b)}, nil
}

// remove returns ids without id.
func remove(ids []string, id string) []string {
	out := ids[:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

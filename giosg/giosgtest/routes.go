package giosgtest

import "net/http"

// route is one documented method+path pair.
type route struct {
	pattern string
	handler handlerFunc
}

// routeTable lists the 79 documented method+path pairs.
func (s *Server) routeTable() []route {
	var rt []route
	add := func(pattern string, h handlerFunc) { rt = append(rt, route{pattern, h}) }

	// Chats.
	add("GET /api/v5/orgs/{organization_id}/rooms/{room_id}/chats", s.listChats(orgRoomChats, nil))
	add("GET /api/v5/orgs/{organization_id}/rooms/{room_id}/pending_chats", s.listChats(orgRoomChats, onlyPending))
	add("GET /api/v5/orgs/{organization_id}/rooms/{room_id}/visitors/{visitor_id}/chats", s.listChats(orgRoomChats, s.visitorChats))
	for _, sc := range []scope{orgOwned, orgInvolved, orgRouted, userRouted} {
		add("GET "+sc.prefix(), s.listChats(sc, nil))
		add("GET "+sc.prefix()+"/{chat_id}", s.getChat(sc))
	}
	add("GET /api/v5/users/{user_id}/pending_chats", s.listChats(userPending, nil))
	add("GET /api/v5/users/{user_id}/chats", s.listChats(userChats, nil))
	add("GET /api/v5/users/{user_id}/rooms/{room_id}/visitors/{visitor_id}/chats", s.listChats(userRouted, s.visitorChats))
	add("POST /api/v5/users/{user_id}/rooms/{room_id}/visitors/{visitor_id}/chats", s.createVisitorChat)
	add("POST /api/v5/users/{user_id}/chats", s.createChat)
	for _, sc := range []scope{userChats, orgOwned} {
		add("PUT "+sc.prefix()+"/{chat_id}", s.updateChat(sc))
		add("PATCH "+sc.prefix()+"/{chat_id}", s.updateChat(sc))
	}

	// Chat memberships.
	for _, sc := range []scope{orgRoomChats, userChats, userRouted, userPending, orgOwned, orgInvolved, orgRouted} {
		add("GET "+sc.prefix()+"/{chat_id}/memberships", s.listMemberships(sc))
	}
	add("GET /api/v5/users/{user_id}/chat_memberships", s.listUserMemberships)
	add("GET /api/v5/users/{user_id}/chats/{chat_id}/visitors/{visitor_id}/chat_memberships", s.listVisitorMemberships)
	for _, sc := range []scope{userPending, userRouted, orgOwned, orgInvolved, orgRouted} {
		add("POST "+sc.prefix()+"/{chat_id}/memberships", s.joinChat(sc))
	}
	add("PUT /api/v5/users/{user_id}/chat_memberships/{chat_id}", s.updateMembership)

	// Chat messages.
	for _, sc := range []scope{orgOwned, orgInvolved, orgRouted, userChats, userRouted} {
		add("GET "+sc.prefix()+"/{chat_id}/messages", s.listMessages(sc))
	}
	add("POST /api/v5/users/{user_id}/chats/{chat_id}/messages", s.sendMessage)

	// Chat invitations.
	add("GET /api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations", s.listOutgoingInvitations)
	add("POST /api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations", s.sendInvitation)
	add("PUT /api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations/{invitation_id}", s.expireInvitation)
	add("PATCH /api/v5/users/{user_id}/chats/{chat_id}/outgoing_chat_invitations/{invitation_id}", s.expireInvitation)
	add("GET /api/v5/users/{user_id}/incoming_chat_invitations", s.listIncomingInvitations)
	add("PUT /api/v5/users/{user_id}/incoming_chat_invitations/{invitation_id}", s.acceptInvitation)
	add("PATCH /api/v5/users/{user_id}/incoming_chat_invitations/{invitation_id}", s.acceptInvitation)

	// Chat tags.
	for _, sc := range []scope{userChats, orgOwned, orgInvolved, orgRouted} {
		add("GET "+sc.prefix()+"/{chat_id}/tags", s.listTags(sc))
		add("GET "+sc.prefix()+"/{chat_id}/allowed_tags", s.listAllowedTags(sc))
		add("POST "+sc.prefix()+"/{chat_id}/tags", s.addTag(sc))
		add("DELETE "+sc.prefix()+"/{chat_id}/tags/{tag_name}", s.removeTag(sc))
	}

	// Chat conversation starters.
	add("GET /api/v5/users/{user_id}/chat_conversation_starters", s.listStarters)
	add("POST /api/v5/users/{user_id}/chat_conversation_starters", s.addStarter)
	add("PUT /api/v5/users/{user_id}/chat_conversation_starters/{language_code}", s.updateStarter)
	add("PATCH /api/v5/users/{user_id}/chat_conversation_starters/{language_code}", s.updateStarter)
	add("DELETE /api/v5/users/{user_id}/chat_conversation_starters/{language_code}", s.removeStarter)

	// Chat reply suggestions.
	for _, sc := range []scope{userChats, userRouted} {
		p := sc.prefix() + "/{chat_id}"
		add("GET "+p+"/reply_suggestions", s.listSuggestions(sc))
		add("GET "+p+"/messages/{message_id}/reply_suggestions", s.listSuggestions(sc))
		add("POST "+p+"/messages/{message_id}/reply_suggestions", s.addSuggestion(sc))
		add("PUT "+p+"/messages/{message_id}/reply_suggestions/{reply_suggestion_id}", s.updateSuggestion(sc))
		add("PATCH "+p+"/messages/{message_id}/reply_suggestions/{reply_suggestion_id}", s.updateSuggestion(sc))
	}
	return rt
}

func (s *Server) routes(mux *http.ServeMux) {
	for _, rt := range s.routeTable() {
		mux.HandleFunc(rt.pattern, s.serve(rt.handler))
	}
}

package giosgtest

import (
	"encoding/json"
	"net/http"
)

func suggestionKey(sg *suggestion) position { return pos(sg.createdAt, sg.seq) }

// suggestionOrder reads "ordering": created_at (the default, oldest first)
// or -created_at.
func suggestionOrder(r *http.Request) (bool, error) {
	switch o := r.URL.Query().Get("ordering"); o {
	case "", "created_at":
		return false, nil
	case "-created_at":
		return true, nil
	default:
		return false, badRequest("ordering: %q is not one of created_at, -created_at.", o)
	}
}

// listSuggestions answers the reply suggestions of a chat of the scope, or
// of one of its messages when the path has a {message_id}.
func (s *Server) listSuggestions(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		msgID := r.PathValue("message_id")
		if msgID != "" && c.message(msgID) == nil {
			return 0, nil, notFound("Message not found.")
		}
		desc, err := suggestionOrder(r)
		if err != nil {
			return 0, nil, err
		}
		var out []*suggestion
		for _, sg := range c.suggestions {
			if msgID == "" || sg.msgID == msgID {
				out = append(out, sg)
			}
		}
		sortBy(out, desc, suggestionKey)
		return paginate(s, r, out, desc, suggestionKey, func(sg *suggestion) any { return s.suggestionModel(sg) })
	}
}

// readSuggestion reads suggestion (required unless partial) and
// relevancy_score (a number from 0 to 1, or null).
func readSuggestion(b body, sg *suggestion, partial bool) error {
	if !partial || b.present("suggestion") {
		text, err := b.requiredString("suggestion")
		if err != nil {
			return err
		}
		sg.text = text
	}
	if raw, ok := b["relevancy_score"]; ok {
		if isNull(raw) {
			sg.relevancyScore = nil
			return nil
		}
		var f float64
		if err := json.Unmarshal(raw, &f); err != nil || f < 0 || f > 1 {
			return badRequest("relevancy_score: must be a number from 0 to 1, or null.")
		}
		sg.relevancyScore = &f
	}
	return nil
}

// addSuggestion adds a reply suggestion to a message of a chat of the
// scope (404 for an unknown message). 201.
func (s *Server) addSuggestion(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		t, c, m, err := s.messageIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		b, err := readBody(r)
		if err != nil {
			return 0, nil, err
		}
		now := s.now()
		sg := &suggestion{
			seq:             s.st.nextSeq(),
			id:              s.newID(),
			chatID:          c.id,
			msgID:           m.id,
			createdByUserID: t.user.id,
			updatedByUserID: t.user.id,
			organizationID:  t.user.orgID,
			createdAt:       now,
			updatedAt:       now,
		}
		if err := readSuggestion(b, sg, false); err != nil {
			return 0, nil, err
		}
		c.suggestions = append(c.suggestions, sg)
		return http.StatusCreated, s.suggestionModel(sg), nil
	}
}

// updateSuggestion changes a reply suggestion: PUT requires suggestion,
// PATCH does not. 404 for an unknown message or suggestion.
func (s *Server) updateSuggestion(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		t, c, m, err := s.messageIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		sg := c.suggestion(r.PathValue("reply_suggestion_id"))
		if sg == nil || sg.msgID != m.id {
			return 0, nil, notFound("Reply suggestion not found.")
		}
		b, err := readBody(r)
		if err != nil {
			return 0, nil, err
		}
		updated := *sg
		if err := readSuggestion(b, &updated, r.Method == http.MethodPatch); err != nil {
			return 0, nil, err
		}
		*sg = updated
		sg.updatedByUserID = t.user.id
		sg.updatedAt = s.now()
		return http.StatusOK, s.suggestionModel(sg), nil
	}
}

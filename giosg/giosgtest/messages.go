package giosgtest

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/chatsdk-go/chatsdk/giosg"
)

func messageKey(m *message) position { return pos(m.createdAt, m.seq) }

// listMessages answers the messages of a chat of the scope, newest first
// (as the docs' prose says), filtered by type__in and type__not_in
// (comma-separated message types).
func (s *Server) listMessages(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		in, notIn := queryList(r, "type__in"), queryList(r, "type__not_in")
		var ms []*message
		for _, m := range c.messages {
			if in != nil && !slices.Contains(in, m.msgType) {
				continue
			}
			if slices.Contains(notIn, m.msgType) {
				continue
			}
			ms = append(ms, m)
		}
		sortBy(ms, true, messageKey)
		return paginate(s, r, ms, true, messageKey, func(m *message) any { return s.messageModel(m) })
	}
}

// maxMessageLength is the documented limit of a message's text.
const maxMessageLength = 2000

// sendMessage adds a "msg" message from the path's user, who must be a
// member of the chat (else 404). An ended chat is a 409. The answer is 200
// with the message, as documented. The chat stops waiting.
//
// The body needs a message (at most 2000 characters) unless it has
// attachments. attachment_template is null, "generic", "interaction" or
// "external" (null with attachments means generic); a generic attachment
// needs a title, text, image_url or actions; an action needs text, type
// (button or link_button), value, is_disabled_on_selection and
// is_disabled_on_visitor_message; interaction and external messages have
// exactly one attachment, with interaction_id or attachment_url.
// selected_reply_suggestion_id (or chat_reply_suggestion_id) must name a
// reply suggestion of the same chat.
func (s *Server) sendMessage(r *http.Request) (int, any, error) {
	t, c, b, err := s.chatAndBody(r, userChats)
	if err != nil {
		return 0, nil, err
	}
	m, err := s.readMessage(b, c)
	if err != nil {
		return 0, nil, err
	}
	if c.isEnded {
		return 0, nil, conflict("The chat has ended.")
	}
	now := s.now()
	m.seq = s.st.nextSeq()
	m.id = s.newID()
	m.chatID = c.id
	m.msgType = "msg"
	m.createdAt = now
	m.senderType = "user"
	m.senderID = t.user.id
	for i := range m.attachments {
		a := &m.attachments[i]
		a.ID = s.newID()
		for j := range a.Actions {
			a.Actions[j].ID = s.newID()
		}
	}
	c.messages = append(c.messages, m)
	c.isWaiting = false
	c.updatedAt = now
	if mb := c.member(t.user.id); mb != nil {
		mb.composingStatus = "idle"
	}
	return http.StatusOK, s.messageModel(m), nil
}

func (s *Server) readMessage(b body, c *chat) (*message, error) {
	m := &message{}
	text, hasText, err := b.stringField("message")
	if err != nil {
		return nil, err
	}
	if hasText && text != "" {
		if utf8.RuneCountInString(text) > maxMessageLength {
			return nil, badRequest("message: Ensure this field has no more than %d characters.", maxMessageLength)
		}
		m.text = &text
	}
	tmpl, _, err := b.stringField("attachment_template")
	if err != nil {
		return nil, err
	}
	var atts []giosg.Attachment
	if raw, ok := b["attachments"]; ok && !isNull(raw) {
		if err := json.Unmarshal(raw, &atts); err != nil {
			return nil, badRequest("attachments: Expected a list of attachment objects.")
		}
		if err := checkAttachmentFields(raw); err != nil {
			return nil, err
		}
	}
	if m.text == nil && len(atts) == 0 {
		return nil, badRequest("message: This field is required.")
	}
	if tmpl == "" && len(atts) > 0 {
		tmpl = "generic"
	}
	switch tmpl {
	case "":
	case "generic":
		for i := range atts {
			a := &atts[i]
			if a.Title == "" && a.Text == "" && a.ImageURL == "" && len(a.Actions) == 0 {
				return nil, badRequest("attachments: A generic attachment needs a title, text, image_url or actions.")
			}
			if a.LinkTarget != "" && a.LinkTarget != "_blank" && a.LinkTarget != "_parent" {
				return nil, badRequest("attachments: link_target must be _blank or _parent.")
			}
			for j := range a.Actions {
				ac := &a.Actions[j]
				if ac.Style == "" {
					ac.Style = "secondary"
				}
				if ac.Type == "link_button" && ac.LinkTarget == "" {
					ac.LinkTarget = "_blank"
				}
			}
		}
	case "interaction", "external":
		if len(atts) != 1 {
			return nil, badRequest("attachments: An %s message has exactly one attachment.", tmpl)
		}
		if tmpl == "interaction" && atts[0].InteractionID == "" {
			return nil, badRequest("attachments: interaction_id: This field is required.")
		}
		if tmpl == "external" && atts[0].AttachmentURL == "" {
			return nil, badRequest("attachments: attachment_url: This field is required.")
		}
	default:
		return nil, badRequest("attachment_template: %q is not one of generic, interaction, external.", tmpl)
	}
	if tmpl != "" {
		m.attachmentTemplate = &tmpl
	}
	m.attachments = atts
	for _, key := range []string{"selected_reply_suggestion_id", "chat_reply_suggestion_id"} {
		id, ok, err := b.stringField(key)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if c.suggestion(id) == nil {
			return nil, badRequest("%s: no reply suggestion %q in this chat.", key, id)
		}
		m.selectedSuggestionID = &id
	}
	return m, nil
}

var (
	actionTypes  = map[string]bool{"button": true, "link_button": true}
	actionStyles = map[string]bool{
		"primary": true, "secondary": true, "info": true, "success": true, "warning": true,
		"danger": true, "link": true, "brand_primary": true, "brand_secondary": true,
	}
)

// checkAttachmentFields checks the actions' required fields, which the
// typed decoding cannot tell from zero values.
func checkAttachmentFields(raw json.RawMessage) error {
	var atts []struct {
		Actions []map[string]json.RawMessage `json:"actions"`
	}
	if err := json.Unmarshal(raw, &atts); err != nil {
		return badRequest("attachments: Expected a list of attachment objects.")
	}
	for _, a := range atts {
		for _, ac := range a.Actions {
			act := body(ac)
			for _, key := range []string{"text", "type", "value"} {
				if _, err := act.requiredString(key); err != nil {
					return badRequest("attachments: actions: %s", errDetail(err))
				}
			}
			for _, key := range []string{"is_disabled_on_selection", "is_disabled_on_visitor_message"} {
				if _, err := act.requiredBool(key); err != nil {
					return badRequest("attachments: actions: %s", errDetail(err))
				}
			}
			typ, _, _ := act.stringField("type")
			if !actionTypes[typ] {
				return badRequest("attachments: actions: type: %q is not one of button, link_button.", typ)
			}
			if style, ok, _ := act.stringField("style"); ok && !actionStyles[style] {
				return badRequest("attachments: actions: style: %q is not a valid style.", style)
			}
		}
	}
	return nil
}

// errDetail is the detail of an *apiError, or the error's text.
func errDetail(err error) string {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.detail
	}
	return err.Error()
}

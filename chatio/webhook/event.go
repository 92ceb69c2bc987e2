package webhook

import (
	"encoding/json"
	"fmt"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
)

// EventType is an event's "type".
type EventType string

// The documented event types.
const (
	EventTypeMessage       EventType = "message"
	EventTypeSystemMessage EventType = "system_message"
	EventTypeAnnotation    EventType = "annotation"
	EventTypeFilledForm    EventType = "filled_form"
	EventTypeFile          EventType = "file"
	EventTypeCustom        EventType = "custom"
)

// Recipients says who sees an event.
type Recipients string

// The documented recipients; all is the default.
const (
	RecipientsAll    Recipients = "all"
	RecipientsAgents Recipients = "agents"
)

// Event is a chat event: *Message, *SystemMessage, *Annotation, *FilledForm,
// *File, *CustomEvent, or *UnknownEvent for a type this package does not
// know. Switch on the concrete type, or use Base for the shared fields.
type Event interface {
	// Base returns the fields every event has.
	Base() *EventBase
}

// EventBase holds the fields every event has.
type EventBase struct {
	// ID is generated server-side.
	ID string `json:"id"`
	// CustomID is optional: the ID the sender chose.
	CustomID string `json:"custom_id,omitempty"`
	// Order is generated server-side.
	Order int64 `json:"order"`
	// Type says which kind of event this is; it selects the concrete type.
	Type EventType `json:"type"`
	// AuthorID is the user who sent the event (none for system messages).
	AuthorID string `json:"author_id,omitempty"`
	// Timestamp is generated server-side.
	Timestamp Timestamp `json:"timestamp"`
	// Recipients says who sees the event: "all" (the default) or "agents".
	Recipients Recipients `json:"recipients,omitempty"`
	// Properties is optional (system messages have none).
	Properties Properties `json:"properties,omitempty"`
}

// Base returns the shared fields; it makes every event type an Event.
func (b *EventBase) Base() *EventBase { return b }

// Message is an event of type "message": text sent by a user.
type Message struct {
	// EventBase holds the fields every event has.
	EventBase
	// Text is the message text.
	Text string `json:"text"`
}

// SystemMessage is an event of type "system_message": text from the system;
// users cannot send it.
type SystemMessage struct {
	// EventBase holds the fields every event has.
	EventBase
	// Text is the system message text.
	Text string `json:"text"`
}

// Annotation is an event of type "annotation". It does not create a thread:
// it adds an event to the last thread without extending its duration.
type Annotation struct {
	// EventBase holds the fields every event has.
	EventBase
	// Text is the annotation text.
	Text string `json:"text"`
	// AnnotationType is e.g. "rating".
	AnnotationType string `json:"annotation_type"`
}

// FilledForm is an event of type "filled_form": a form a customer filled in.
type FilledForm struct {
	// EventBase holds the fields every event has.
	EventBase
	// Fields are the form's fields with the customer's answers.
	Fields []FormField `json:"fields"`
}

// FormField is one field of a filled form. Text-like fields (text, email)
// carry Value; choice fields (radio, checkbox, select) carry Options.
type FormField struct {
	// Type is e.g. text, email, radio, checkbox or select.
	Type string `json:"type"`
	// Name is the field's machine name (e.g. "email").
	Name string `json:"name"`
	// Label is the text shown to the customer (e.g. "Your email").
	Label string `json:"label"`
	// Required tells whether the field had to be filled in.
	Required bool `json:"required"`
	// Value is the answer of a text-like field.
	Value string `json:"value,omitempty"`
	// Options are the choices of a radio, checkbox or select field.
	Options []FormOption `json:"options,omitempty"`
}

// FormOption is one choice of a radio, checkbox or select field.
type FormOption struct {
	// Label is the text shown to the customer (e.g. "Support").
	Label string `json:"label"`
	// Value is the choice's machine value (e.g. "support").
	Value string `json:"value"`
	// Checked tells whether the customer chose this option.
	Checked bool `json:"checked"`
}

// File is an event of type "file": an uploaded file. Width and Height are
// sent for images.
type File struct {
	// EventBase holds the fields every event has.
	EventBase
	// Name is the file name (e.g. "image25.png").
	Name string `json:"name"`
	// URL is where the file can be downloaded.
	URL string `json:"url"`
	// ContentType is the file's MIME type (e.g. "image/png").
	ContentType string `json:"content_type"`
	// Size is the file size in bytes.
	Size int64 `json:"size"`
	// Width is an image's width in pixels; 0 for other files.
	Width int `json:"width,omitempty"`
	// Height is an image's height in pixels; 0 for other files.
	Height int `json:"height,omitempty"`
}

// CustomEvent is an event of type "custom": Content is any JSON the sender
// chose, kept raw.
type CustomEvent struct {
	// EventBase holds the fields every event has.
	EventBase
	// Content is the sender's JSON, as received.
	Content json.RawMessage `json:"content"`
}

// UnknownEvent is an event whose type this package does not know. Raw is the
// event object as received; it is also what UnknownEvent encodes to.
type UnknownEvent struct {
	// EventBase holds the fields every event has, read from Raw.
	EventBase
	// Raw is the whole event object as received.
	Raw json.RawMessage `json:"-"`
}

// MarshalJSON implements json.Marshaler by returning Raw.
func (e *UnknownEvent) MarshalJSON() ([]byte, error) { return rawOrNull(e.Raw), nil }

// Events is a list of events of mixed types, decoded by their "type".
type Events []Event

// UnmarshalJSON implements json.Unmarshaler.
func (es *Events) UnmarshalJSON(data []byte) error {
	var raws []json.RawMessage
	if err := jsondec.Unmarshal(data, &raws); err != nil {
		return err
	}
	if raws == nil {
		*es = nil
		return nil
	}
	out := make(Events, 0, len(raws))
	for i, raw := range raws {
		e, err := DecodeEvent(raw)
		if err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
		out = append(out, e)
	}
	*es = out
	return nil
}

// DecodeEvent decodes one Agent API event object by its "type"; an unknown
// type gives an *UnknownEvent.
func DecodeEvent(data []byte) (Event, error) {
	var head struct {
		Type EventType `json:"type"`
	}
	if err := jsondec.Unmarshal(data, &head); err != nil {
		return nil, err
	}
	var e Event
	switch head.Type {
	case EventTypeMessage:
		e = new(Message)
	case EventTypeSystemMessage:
		e = new(SystemMessage)
	case EventTypeAnnotation:
		e = new(Annotation)
	case EventTypeFilledForm:
		e = new(FilledForm)
	case EventTypeFile:
		e = new(File)
	case EventTypeCustom:
		e = new(CustomEvent)
	default:
		u := &UnknownEvent{Raw: append(json.RawMessage(nil), data...)}
		e = u
		if err := jsondec.Unmarshal(data, &u.EventBase); err != nil {
			return nil, err
		}
		return e, nil
	}
	if err := jsondec.Unmarshal(data, e); err != nil {
		return nil, err
	}
	return e, nil
}

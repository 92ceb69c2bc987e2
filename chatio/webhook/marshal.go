package webhook

import "encoding/json"

// The typed events and users encode with their own "type" when Type is
// empty, so that a value built by hand (Message{Text: "hi"}) decodes back
// into the same type. A Type that is set is kept as it is.

// MarshalJSON implements json.Marshaler; an empty Type is sent as "message".
func (e Message) MarshalJSON() ([]byte, error) {
	type plain Message
	e.Type = typeOr(e.Type, EventTypeMessage)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as
// "system_message".
func (e SystemMessage) MarshalJSON() ([]byte, error) {
	type plain SystemMessage
	e.Type = typeOr(e.Type, EventTypeSystemMessage)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as
// "annotation".
func (e Annotation) MarshalJSON() ([]byte, error) {
	type plain Annotation
	e.Type = typeOr(e.Type, EventTypeAnnotation)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as
// "filled_form".
func (e FilledForm) MarshalJSON() ([]byte, error) {
	type plain FilledForm
	e.Type = typeOr(e.Type, EventTypeFilledForm)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as "file".
func (e File) MarshalJSON() ([]byte, error) {
	type plain File
	e.Type = typeOr(e.Type, EventTypeFile)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as "custom".
func (e CustomEvent) MarshalJSON() ([]byte, error) {
	type plain CustomEvent
	e.Type = typeOr(e.Type, EventTypeCustom)
	return json.Marshal(plain(e))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as
// "customer".
func (u Customer) MarshalJSON() ([]byte, error) {
	type plain Customer
	u.Type = typeOr(u.Type, UserTypeCustomer)
	return json.Marshal(plain(u))
}

// MarshalJSON implements json.Marshaler; an empty Type is sent as "agent".
func (u Agent) MarshalJSON() ([]byte, error) {
	type plain Agent
	u.Type = typeOr(u.Type, UserTypeAgent)
	return json.Marshal(plain(u))
}

// typeOr returns t, or def when t is empty.
func typeOr[T ~string](t, def T) T {
	if t == "" {
		return def
	}
	return t
}

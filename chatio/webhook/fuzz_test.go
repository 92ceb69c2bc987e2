package webhook

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// FuzzParse feeds arbitrary bodies to Parse: it must never panic, must
// refuse with one of its documented errors, and a payload it accepts must
// have its action's type and encode again.
func FuzzParse(f *testing.F) {
	for _, action := range chatio.WebhookActions() {
		f.Add(fixture(f, action))
	}
	f.Add(body(f, testWebhookID, testSecret, "incoming_multicast", `{"author_id": "a"}`))
	f.Add(body(f, testWebhookID, testSecret, chatio.ActionIncomingEvent, `{"chat_id": "c", "event": {"type": "nope", "x": [1]}}`))
	f.Add(body(f, testWebhookID, testSecret, chatio.ActionChatScopesUpdated, `{"scopes_added": {"scopes": {"groups": [1]}}}`))
	f.Add(body(f, testWebhookID, "wrong", chatio.ActionThreadClosed, `{}`))
	f.Add([]byte(`{"webhook_id": `))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		wh, err := Parse(newRequest(context.Background(), b), testSecrets, WithMaxBodyBytes(64<<10))
		if err != nil {
			for _, known := range []error{ErrMalformed, ErrUnauthorized, ErrBodyTooLarge} {
				if errors.Is(err, known) {
					return
				}
			}
			t.Fatalf("unexpected error kind: %v", err)
		}
		if wh.ID != testWebhookID {
			t.Fatalf("accepted webhook %q", wh.ID)
		}
		if want, known := payloadTypes[wh.Action]; known {
			if got := fmt.Sprintf("%T", wh.Payload); got != want {
				t.Fatalf("%s: payload %s, want %s", wh.Action, got, want)
			}
		} else if wh.Payload != nil {
			t.Fatalf("unknown action %q with payload %T", wh.Action, wh.Payload)
		}
		if wh.Payload == nil {
			return
		}
		encoded, err := json.Marshal(wh.Payload)
		if err != nil {
			t.Fatalf("re-encoding %s: %v", wh.Action, err)
		}
		again := reflect.New(reflect.TypeOf(wh.Payload).Elem()).Interface()
		if err := json.Unmarshal(encoded, again); err != nil {
			t.Fatalf("decoding re-encoded %s %s: %v", wh.Action, encoded, err)
		}
		if !testkit.SameAfterRoundTrip(wh.Payload, again) {
			t.Fatalf("%s: round trip through %s changed\n%#v\nto\n%#v", wh.Action, encoded, wh.Payload, again)
		}
	})
}

// FuzzDecodeEvent checks that any event decodes without panicking, into a
// non-nil Event that encodes again.
func FuzzDecodeEvent(f *testing.F) {
	for _, s := range []string{
		`{"type": "message", "text": "hi", "properties": {"a": {"b": {"value": 1}}}}`,
		`{"type": "system_message", "text": "x"}`,
		`{"type": "annotation", "annotation_type": "rating"}`,
		`{"type": "filled_form", "fields": [{"type": "radio", "options": [{"checked": true}]}]}`,
		`{"type": "file", "size": 1, "width": 2}`,
		`{"type": "custom", "content": {"a": [1]}}`,
		`{"type": "future", "x": 1}`,
		`{"properties": {"a": {"b": 1}}}`,
		`null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeEvent(b)
		if err != nil {
			return
		}
		if e == nil || e.Base() == nil {
			t.Fatal("nil event without an error")
		}
		encoded, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("re-encoding %T: %v", e, err)
		}
		again, err := DecodeEvent(encoded)
		if err != nil {
			t.Fatalf("decoding re-encoded %T %s: %v", e, encoded, err)
		}
		if !testkit.SameAfterRoundTrip(e, again) {
			t.Fatalf("round trip through %s changed\n%#v\nto\n%#v", encoded, e, again)
		}
	})
}

var payloadTypes = map[chatio.WebhookAction]string{
	chatio.ActionIncomingChatThread:          "*webhook.IncomingChatThread",
	chatio.ActionChatUsersUpdated:            "*webhook.ChatUsersUpdated",
	chatio.ActionIncomingEvent:               "*webhook.IncomingEvent",
	chatio.ActionLastSeenTimestampUpdated:    "*webhook.LastSeenTimestampUpdated",
	chatio.ActionThreadClosed:                "*webhook.ThreadClosed",
	chatio.ActionChatScopesUpdated:           "*webhook.ChatScopesUpdated",
	chatio.ActionChatPropertiesUpdated:       "*webhook.ChatPropertiesUpdated",
	chatio.ActionChatThreadPropertiesUpdated: "*webhook.ChatThreadPropertiesUpdated",
}

package testkit

import (
	"reflect"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

func TestEveryAPIHasAnEndpointList(t *testing.T) {
	for _, api := range []string{"chatrhub", "giosg", "chatio"} {
		if len(Endpoints(t, api)) == 0 {
			t.Errorf("%s: empty", api)
		}
	}
}

type counts struct {
	User    int          `json:"user_message_count"`
	Visitor int          `json:"visitor_message_count"`
	Active  lenient.Bool `json:"is_active"`
	At      lenient.Time `json:"created_at"`
	ID      lenient.Int  `json:"id"`
}

type swapped struct {
	User    int `json:"visitor_message_count"`
	Visitor int `json:"user_message_count"`
}

const example = `{"user_message_count": 3, "visitor_message_count": 5, "is_active": 1, "created_at": "2015-02-13T11:31:36.042", "id": "4"}`

func TestAssertFieldsMatch(t *testing.T) {
	got := counts{User: 3, Visitor: 5, Active: true, At: lenient.Time{Time: time.Date(2015, 2, 13, 11, 31, 36, 42e6, time.UTC)}, ID: 4}
	aliases := Aliases{"user_message_count": "User", "visitor_message_count": "Visitor", "is_active": "Active", "created_at": "At"}
	if !AssertFieldsMatch(t, "example", DecodeJSON(t, []byte(example)), got, aliases) {
		t.Fatal("the documented values should match")
	}

	w := &walker{aliases: Aliases{"user_message_count": "User", "visitor_message_count": "Visitor"}}
	w.walk("$", DecodeJSON(t, []byte(`{"user_message_count": 3, "visitor_message_count": 5}`)), reflectValue(swapped{User: 5, Visitor: 3}))
	if len(w.problems) != 2 {
		t.Errorf("a swapped pair of tags must fail twice, got %v", w.problems)
	}

	w = &walker{}
	w.walk("$", DecodeJSON(t, []byte(`{"id": 4, "missing": "x"}`)), reflectValue(&counts{ID: 5}))
	if len(w.problems) != 2 {
		t.Errorf("a wrong value and a dropped attribute must fail, got %v", w.problems)
	}
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }

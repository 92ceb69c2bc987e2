package chatrhub

import (
	"time"

	"github.com/chatsdk-go/chatsdk/internal/lenient"
)

// Bool is a boolean read from true/false, 0/1, "0"/"1" or null (false);
// it is sent as a JSON boolean.
type Bool bool

// UnmarshalJSON reads true/false, 0/1, "0"/"1" or null.
func (b *Bool) UnmarshalJSON(data []byte) error { return (*lenient.Bool)(b).UnmarshalJSON(data) }

// IntBool is a boolean the API documents as the integer 0 or 1
// (is_billable, is_ended, ...). It is read like Bool and sent as 0 or 1.
type IntBool bool

// UnmarshalJSON reads true/false, 0/1, "0"/"1" or null.
func (b *IntBool) UnmarshalJSON(data []byte) error {
	return (*lenient.IntBool)(b).UnmarshalJSON(data)
}

// MarshalJSON writes 0 or 1.
func (b IntBool) MarshalJSON() ([]byte, error) { return lenient.IntBool(b).MarshalJSON() }

// Int is an integer read from 4, "4" or null (0); it is sent as a number.
type Int int64

// UnmarshalJSON reads 4, "4" or null.
func (n *Int) UnmarshalJSON(data []byte) error { return (*lenient.Int)(n).UnmarshalJSON(data) }

// String returns the integer in decimal.
func (n Int) String() string { return lenient.Int(n).String() }

// Time is a datetime read from RFC 3339 (with or without a zone) or
// YYYY-MM-DD; null and "" are the zero time, which is sent as null.
type Time struct{ time.Time }

// UnmarshalJSON reads RFC 3339 (with or without a zone), YYYY-MM-DD, null
// or "".
func (t *Time) UnmarshalJSON(data []byte) error { return (*lenient.Time)(t).UnmarshalJSON(data) }

// MarshalJSON writes RFC 3339, or null for the zero time.
func (t Time) MarshalJSON() ([]byte, error) { return lenient.Time(t).MarshalJSON() }

// StringList is a list of strings the API stores as JSON inside a string
// ("[\"123\"]"). It is read from that form or a plain array and sent in
// the string form.
type StringList []string

// UnmarshalJSON reads a JSON array of strings, or one inside a string.
func (l *StringList) UnmarshalJSON(data []byte) error {
	return (*lenient.StringList)(l).UnmarshalJSON(data)
}

// MarshalJSON writes the list as JSON inside a string.
func (l StringList) MarshalJSON() ([]byte, error) { return lenient.StringList(l).MarshalJSON() }

// List is a list of JSON values the API stores as JSON inside a string
// ("[]"), sent back in the string form.
type List []any

// UnmarshalJSON reads a JSON array, or one inside a string.
func (l *List) UnmarshalJSON(data []byte) error { return (*lenient.List)(l).UnmarshalJSON(data) }

// MarshalJSON writes the list as JSON inside a string.
func (l List) MarshalJSON() ([]byte, error) { return lenient.List(l).MarshalJSON() }

// Object is a JSON object the API stores as JSON inside a string ("{}"),
// sent back in the string form.
type Object map[string]any

// UnmarshalJSON reads a JSON object, or one inside a string.
func (o *Object) UnmarshalJSON(data []byte) error { return (*lenient.Object)(o).UnmarshalJSON(data) }

// MarshalJSON writes the object as JSON inside a string.
func (o Object) MarshalJSON() ([]byte, error) { return lenient.Object(o).MarshalJSON() }

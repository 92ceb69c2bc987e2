package chatsdk

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Nullable is a request field that can be left out, sent as JSON null, or
// sent with a value, zero values included. Request parameters hold it as a
// pointer tagged omitempty:
//
//	nil                    the key is left out: the API keeps what it has
//	chatsdk.Null[T]()      "key": null
//	chatsdk.NullableOf(v)  "key": v, even when v is 0, "" or an empty list
//
// The field is a pointer rather than a value tagged omitzero because the
// module supports Go 1.23, whose encoding/json ignores omitzero; omitempty
// leaves a nil pointer out in every Go version. IsZero reports "not set",
// so in callers' own structs a Nullable value field tagged omitzero is left
// out on Go 1.24 and later.
//
// Decoding sets a Nullable value to null or to the decoded value.
// encoding/json sets a *Nullable field to nil on a JSON null, so decode into
// a Nullable value field to tell null from a missing key.
type Nullable[T any] struct {
	value T
	set   bool
	null  bool
}

// NullableOf returns a Nullable that is sent as v.
func NullableOf[T any](v T) *Nullable[T] {
	return &Nullable[T]{value: v, set: true}
}

// Null returns a Nullable that is sent as JSON null.
func Null[T any]() *Nullable[T] {
	return &Nullable[T]{set: true, null: true}
}

// IsSet reports whether n is sent: it holds null or a value. It is false
// for a nil n.
func (n *Nullable[T]) IsSet() bool { return n != nil && n.set }

// IsNull reports whether n is sent as JSON null.
func (n *Nullable[T]) IsNull() bool { return n != nil && n.set && n.null }

// Get returns the value n holds and true, or the zero T and false when n is
// nil, not set or null.
func (n *Nullable[T]) Get() (T, bool) {
	if n == nil || !n.set || n.null {
		var zero T
		return zero, false
	}
	return n.value, true
}

// IsZero reports whether n is not set, for the omitzero tag option.
func (n *Nullable[T]) IsZero() bool { return !n.IsSet() }

// errUnsetNullable is returned by MarshalJSON for a Nullable that is neither
// null nor a value: leaving its key out is the job of a nil pointer (or of
// omitzero on Go 1.24+), and sending null in its place could clear data.
var errUnsetNullable = errors.New("chatsdk: Nullable is not set; leave the *Nullable field nil to leave the key out")

// MarshalJSON encodes null or the value. An unset Nullable is an error
// rather than a silent null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	switch {
	case !n.set:
		return nil, errUnsetNullable
	case n.null:
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON sets n to null or to the decoded value.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*n = Nullable[T]{set: true, null: true}
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*n = Nullable[T]{value: v, set: true}
	return nil
}

// Package fixturemodels maps each documented fixture whose models use the
// lenient JSON types (testdata/chatrhub, testdata/giosg) to a decoder into
// the SDK type the fixture holds. It is the one table the model tests of
// chatrhub and giosg check every fixture against and the decode benchmark
// of internal/bench runs; chat.io's models and webhook payloads have no
// lenient fields.
package fixturemodels

import "github.com/chatsdk-go/chatsdk/internal/jsondec"

// Decoder decodes a fixture's bytes into a new value of the SDK type it
// holds and returns a pointer to that value.
type Decoder func([]byte) (any, error)

// into is the Decoder of T: jsondec.Unmarshal (encoding/json's result) into a new T.
func into[T any](data []byte) (any, error) {
	v := new(T)
	err := jsondec.Unmarshal(data, v)
	return v, err
}

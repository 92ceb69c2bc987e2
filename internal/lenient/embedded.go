package lenient

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/chatsdk-go/chatsdk/internal/jsonscan"

	"github.com/chatsdk-go/chatsdk/internal/jsondec"
)

// StringList is a list of strings that the API stores as JSON inside a
// string ("[\"123\"]"). It decodes from that form or from a plain JSON array,
// and encodes back to the string form.
type StringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *StringList) UnmarshalJSON(data []byte) error {
	var buf [embeddedBuffer]byte
	p, none, ok := embedded(data, buf[:0])
	var v []string
	if ok && !none {
		v, ok = stringArray(&p)
		ok = ok && p.AtEnd()
	}
	if !ok {
		return typeError(data, reflect.TypeOf(*l))
	}
	*l = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (l StringList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return marshalEmbedded([]string{})
	}
	return marshalEmbedded([]string(l))
}

// List is any JSON list that the API stores inside a string ("[]"). It
// decodes from that form or a plain JSON array, and encodes back to the
// string form.
type List []any

// UnmarshalJSON implements json.Unmarshaler.
func (l *List) UnmarshalJSON(data []byte) error {
	var buf [embeddedBuffer]byte
	p, none, ok := embedded(data, buf[:0])
	var v []any
	if ok && !none {
		ok = jsondec.Unmarshal(p.Rest(), &v) == nil
	}
	if !ok {
		return typeError(data, reflect.TypeOf(*l))
	}
	*l = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (l List) MarshalJSON() ([]byte, error) {
	if l == nil {
		return marshalEmbedded([]any{})
	}
	return marshalEmbedded([]any(l))
}

// Object is a JSON object that the API stores inside a string ("{}"). It
// decodes from that form or a plain JSON object, and encodes back to the
// string form.
type Object map[string]any

// UnmarshalJSON implements json.Unmarshaler.
func (o *Object) UnmarshalJSON(data []byte) error {
	var buf [embeddedBuffer]byte
	p, none, ok := embedded(data, buf[:0])
	var v map[string]any
	if ok && !none {
		ok = jsondec.Unmarshal(p.Rest(), &v) == nil
	}
	if !ok {
		return typeError(data, reflect.TypeOf(*o))
	}
	*o = v
	return nil
}

// MarshalJSON implements json.Marshaler.
func (o Object) MarshalJSON() ([]byte, error) {
	if o == nil {
		return marshalEmbedded(map[string]any{})
	}
	return marshalEmbedded(map[string]any(o))
}

// embeddedBuffer is the size of the stack buffer the JSON inside a string
// is unescaped into; longer JSON goes to the heap.
const embeddedBuffer = 256

// embedded returns a scanner over the JSON that data holds, either stored
// inside a JSON string (unescaped into buf) or given directly. none is true
// when there is nothing to decode: null, "", a string of white space, or a
// null inside the string. ok is false when data is not valid JSON.
func embedded(data, buf []byte) (p jsonscan.Scanner, none, ok bool) {
	data = bytes.TrimSpace(data)
	if bytes.Equal(data, null) {
		return jsonscan.Scanner{}, true, true
	}
	doc := data
	if len(data) > 0 && data[0] == '"' {
		outer := jsonscan.Scanner{Data: data}
		inner, ok := stringBytes(&outer, buf)
		if !ok || !outer.AtEnd() {
			return jsonscan.Scanner{}, false, false
		}
		if len(bytes.TrimSpace(inner)) == 0 {
			return jsonscan.Scanner{}, true, true
		}
		doc = inner
	}
	p = jsonscan.Scanner{Data: doc}
	if p.Peek() == 'n' {
		return p, true, p.Literal("null") && p.AtEnd()
	}
	return p, false, true
}

func marshalEmbedded(v any) ([]byte, error) {
	inner, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return json.Marshal(string(inner))
}

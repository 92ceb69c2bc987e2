package jsonscan

import (
	"encoding/json"
	"testing"
)

// validSeeds are documents of every kind, valid and not.
var validSeeds = []string{
	`{}`, `[]`, `{"a":[1,-0.5e+3,"x\u00e9\ud83d\ude00",true,false,null]}`, ` {"a" : {"b":[]} } `,
	`{"a":1,}`, `[1,]`, `01`, `1.`, `-`, `"\x"`, "\"\x01\"", `"\u12"`, `{"a"}`, `tru`, `nul`, `[1 2]`, `{} {}`, `"\xff"`,
}

// TestSkipValueAcceptsWhatEncodingJSONAccepts checks the seeds against
// json.Valid: a document is one value and white space.
func TestSkipValueAcceptsWhatEncodingJSONAccepts(t *testing.T) {
	for _, doc := range validSeeds {
		if got, want := skipsWhole([]byte(doc)), json.Valid([]byte(doc)); got != want {
			t.Errorf("%q: SkipValue and AtEnd %v, json.Valid %v", doc, got, want)
		}
	}
}

func FuzzSkipValueMatchesValid(f *testing.F) {
	for _, doc := range validSeeds {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxDepth {
			return
		}
		if got, want := skipsWhole(data), json.Valid(data); got != want {
			t.Fatalf("%q: SkipValue and AtEnd %v, json.Valid %v", data, got, want)
		}
	})
}

// skipsWhole reports whether data is one value and white space to a
// Scanner.
func skipsWhole(data []byte) bool {
	s := Scanner{Data: data}
	_, ok := s.SkipValue()
	return ok && s.AtEnd()
}

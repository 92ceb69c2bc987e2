package jsondec_test

import (
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/giosg"
)

// fuzzChecks are the types every fuzz input is decoded into.
var fuzzChecks = []modelCheck{
	checkOf[scalars](),
	checkOf[slices](),
	checkOf[maps](),
	checkOf[anys](),
	checkOf[pointers](),
	checkOf[unmarshalers](),
	checkOf[keys](),
	checkOf[plainTags](),
	checkOf[embedConflict](),
	checkOf[times](),
	checkOf[Node](),
	checkOf[mixed](),
	checkOf[any](),
	checkOf[chatrhub.Envelope[[]chatrhub.Resource[chatrhub.Chat]]](),
	checkOf[giosg.Page[giosg.ChatMessage]](),
}

func FuzzUnmarshalMatchesEncodingJSON(f *testing.F) {
	for _, c := range equivalenceCases() {
		if len(c.in) < 4096 {
			f.Add([]byte(c.in))
		}
	}
	for _, seed := range readSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, c := range fuzzChecks {
			if diff := c.diff(data); diff != "" {
				t.Errorf("as %s: %s", c.typ, diff)
			}
		}
	})
}

package core

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendPathSegmentMatchesPathSegment(t *testing.T) {
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c)})
		assert.Equal(t, PathSegment(s), string(appendPathSegment(nil, s)), "byte %#x", c)
		assert.Equal(t, url.PathEscape("a"+s), string(appendPathSegment(nil, "a"+s)), "byte %#x", c)
	}
	for _, a := range []any{"", ".", "..", "...", "a/b", "a b?c#d%e", "ü", 0, -7, int64(1) << 62, int32(5), uint(9), 1.5, true} {
		assert.Equal(t, PathSegment(segmentString(a)), string(appendPathSegment(nil, a)), "%#v", a)
	}
}

func TestRouteFillsItsParameters(t *testing.T) {
	route, path := Route("/users/{user_id}/chats/{chat_id}/messages", "a/b", int64(42))
	assert.Equal(t, "/users/{user_id}/chats/{chat_id}/messages", route)
	assert.Equal(t, "/users/a%2Fb/chats/42/messages", path)
	_, path = Route("/a/{x}/{y}", "..")
	assert.Equal(t, "/a/%2E%2E/{y}", path, "a parameter without an argument stays as written")
	r := &Request{Route: "/chats/{chat_id}.json", PathParams: []any{"?"}}
	assert.Equal(t, r.escapedPath(), string(r.appendEscapedPath(nil)))
	assert.Equal(t, "/chats/%3F.json", r.escapedPath())
}

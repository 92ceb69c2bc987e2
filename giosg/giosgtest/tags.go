package giosgtest

import (
	"net/http"
	"slices"
)

func tagKey(t *tag) position { return pos(t.createdAt, t.seq) }

// listTags answers the tags of a chat of the scope, oldest first, with all
// four documented attributes (name, created_at, hashed_name, room_id).
func (s *Server) listTags(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		tags := slices.Clone(c.tags)
		sortBy(tags, false, tagKey)
		return paginate(s, r, tags, false, tagKey, func(t *tag) any { return tagModel(t) })
	}
}

// listAllowedTags answers the tags the chat's room allows, oldest first.
func (s *Server) listAllowedTags(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		var tags []*tag
		if rm := s.st.rooms[c.roomID]; rm != nil {
			tags = slices.Clone(rm.allowedTags)
		}
		sortBy(tags, false, tagKey)
		return paginate(s, r, tags, false, tagKey, func(t *tag) any { return tagModel(t) })
	}
}

// addTag tags a chat of the scope with the body's name (required): 200 with
// the existing tag when the chat already has it, 201 with a new one. Any
// name is accepted, allowed or not, and ended chats can be tagged.
func (s *Server) addTag(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, b, err := s.chatAndBody(r, sc)
		if err != nil {
			return 0, nil, err
		}
		name, err := b.requiredString("name")
		if err != nil {
			return 0, nil, err
		}
		if t := c.tag(name); t != nil {
			return http.StatusOK, tagModel(t), nil
		}
		now := s.now()
		t := &tag{seq: s.st.nextSeq(), name: name, roomID: c.roomID, createdAt: now}
		c.tags = append(c.tags, t)
		c.updatedAt = now
		return http.StatusCreated, tagModel(t), nil
	}
}

// removeTag removes the tag named by the path's last segment (URL-encoded;
// an encoded "/" stays part of the name) from a chat of the scope: 204, or
// 404 when the chat does not have the tag.
func (s *Server) removeTag(sc scope) handlerFunc {
	return func(r *http.Request) (int, any, error) {
		_, c, err := s.chatIn(r, sc)
		if err != nil {
			return 0, nil, err
		}
		name := r.PathValue("tag_name")
		i := slices.IndexFunc(c.tags, func(t *tag) bool { return t.name == name })
		if i < 0 {
			return 0, nil, notFound("The chat has no tag %q.", name)
		}
		c.tags = slices.Delete(c.tags, i, i+1)
		c.updatedAt = s.now()
		return http.StatusNoContent, nil, nil
	}
}

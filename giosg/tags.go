package giosg

import (
	"context"
	"iter"
	"net/http"

	"github.com/chatsdk-go/chatsdk"
)

// TagsService lists, adds and removes the tags of a chat. Every operation is
// offered by UserChats (the user must be a member), OrgOwnedChats,
// OrgInvolvedChats and OrgRoutedChats. Reach it as Client.Tags.
type TagsService service

func (s *TagsService) listCall(op string, c capability, sub string, scope ChatScope, chatID string, params *ListOptions) (listCall, error) {
	if err := required(op, "chat ID", chatID); err != nil {
		return listCall{}, err
	}
	path, err := scope.path(op, c, "/{chat_id}/"+sub, chatID)
	if err != nil {
		return listCall{}, err
	}
	return listCall{op: op, path: path, opts: params.listOptions()}, nil
}

// List iterates over the tags of a chat.
func (s *TagsService) List(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) iter.Seq2[ChatTag, error] {
	lc, err := s.listCall("giosg.Tags.List", capTags, "tags", scope, chatID, params)
	return seq[ChatTag](ctx, s.c, lc, err, opts)
}

// ListPage fetches one page of List.
func (s *TagsService) ListPage(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) (*Page[ChatTag], error) {
	lc, err := s.listCall("giosg.Tags.List", capTags, "tags", scope, chatID, params)
	return page[ChatTag](ctx, s.c, lc, err, opts)
}

// ListAllowed iterates over the tags allowed for a chat, defined by the
// chat's room.
func (s *TagsService) ListAllowed(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) iter.Seq2[ChatTag, error] {
	lc, err := s.listCall("giosg.Tags.ListAllowed", capAllowedTags, "allowed_tags", scope, chatID, params)
	return seq[ChatTag](ctx, s.c, lc, err, opts)
}

// ListAllowedPage fetches one page of ListAllowed.
func (s *TagsService) ListAllowedPage(ctx context.Context, scope ChatScope, chatID string, params *ListOptions, opts ...chatsdk.CallOption) (*Page[ChatTag], error) {
	lc, err := s.listCall("giosg.Tags.ListAllowed", capAllowedTags, "allowed_tags", scope, chatID, params)
	return page[ChatTag](ctx, s.c, lc, err, opts)
}

// Add tags a chat with name. The API answers 200 when the chat already has
// the tag (Result.Created false) and 201 when it was added (Result.Created
// true), so adding a tag twice is harmless. Retried on 5xx and connection
// errors: it is idempotent.
func (s *TagsService) Add(ctx context.Context, scope ChatScope, chatID, name string, opts ...chatsdk.CallOption) (*Result[ChatTag], error) {
	const op = "giosg.Tags.Add"
	if err := required(op, "chat ID", chatID, "tag name", name); err != nil {
		return nil, err
	}
	path, err := scope.path(op, capTags, "/{chat_id}/tags", chatID)
	if err != nil {
		return nil, err
	}
	return doIdempotentResult[ChatTag](ctx, s.c, op, http.MethodPost, path, struct {
		Name string `json:"name"`
	}{name}, opts)
}

// Remove removes the tag name from a chat. The name is URL-encoded as one
// path segment ("Premium customer/VIP?" is sent as
// .../tags/Premium%20customer%2FVIP%3F). The API answers 204; Remove then
// returns nil.
func (s *TagsService) Remove(ctx context.Context, scope ChatScope, chatID, name string, opts ...chatsdk.CallOption) error {
	const op = "giosg.Tags.Remove"
	if err := required(op, "chat ID", chatID, "tag name", name); err != nil {
		return err
	}
	path, err := scope.path(op, capTags, "/{chat_id}/tags/{tag_name}", chatID, name)
	if err != nil {
		return err
	}
	return doDelete(ctx, s.c, op, path, opts)
}

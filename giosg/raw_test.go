package giosg_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

func TestRaw(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	c := testkit.ClientFor(t, giosg.NewClient, srv.Token, srv.BaseURL)
	var tag giosg.ChatTag
	path := "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.ChatID + "/tags"
	resp, err := c.Raw(context.Background(), http.MethodPost, path, nil, json.RawMessage(`{"name":"RawTag"}`), &tag)
	if err != nil || resp.StatusCode != http.StatusCreated || tag.Name != "RawTag" {
		t.Fatalf("Raw: %v, %+v, %+v", err, resp, tag)
	}
	_, err = c.Raw(context.Background(), http.MethodGet, "/api/v5/users/"+giosgtest.UserID+"/chats/nope/tags", nil, nil, nil)
	if !errors.Is(err, chatsdk.ErrNotFound) {
		t.Fatalf("Raw of an unknown chat: %v", err)
	}
}

package giosg_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
)

func TestMiddlewareSeesGiosgRouteTemplate(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte(`{"id":"m1","message":"hi"}`))
	}))
	defer srv.Close()
	var info chatsdk.AttemptInfo
	c, err := giosg.NewClient("tok", chatsdk.WithBaseURL(srv.URL), chatsdk.WithMiddleware(func(req *http.Request, ai chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		info = ai
		return next(req)
	}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Messages.Send(context.Background(), giosg.UserChats("user-7f3a"), "chat-91bc", &giosg.MessageCreate{Message: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if info.Operation != "giosg.Messages.Send" || info.Route != "/api/v5/users/{user_id}/chats/{chat_id}/messages" || info.Attempt != 0 {
		t.Fatalf("middleware saw %+v", info)
	}
}

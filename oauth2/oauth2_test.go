package chatsdkoauth2_test

import (
	"testing"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	chatsdkoauth2 "github.com/chatsdk-go/chatsdk/oauth2"
)

func TestNilTokenSourceIsRefusedAtConstruction(t *testing.T) {
	if _, err := chatrhub.NewClient("", chatsdkoauth2.WithTokenSource(nil)); err == nil {
		t.Fatal("NewClient accepted a nil oauth2.TokenSource")
	}
}

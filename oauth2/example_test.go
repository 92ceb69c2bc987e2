package chatsdkoauth2_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	chatsdkoauth2 "github.com/chatsdk-go/chatsdk/oauth2"
)

// issuer stands for an OAuth2 server: each refresh issues a new access
// token; the first one is already expired, the second lasts an hour.
type issuer struct{ n atomic.Int64 }

func (i *issuer) Token() (*oauth2.Token, error) {
	n := i.n.Add(1)
	expiry := time.Now().Add(time.Hour)
	if n == 1 {
		expiry = time.Now()
	}
	return &oauth2.Token{AccessToken: fmt.Sprintf("access-%d", n), TokenType: "Bearer", Expiry: expiry}, nil
}

// A giosg client authenticated by an OAuth2 token source: one option, the
// Bearer scheme chosen for giosg, and tokens refreshed across calls.
func ExampleWithTokenSource() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"next": null, "previous": null, "results": []}`))
	}))
	defer srv.Close()

	ts := oauth2.ReuseTokenSource(nil, &issuer{}) // in a program: conf.TokenSource(ctx, tok)
	c, err := giosg.NewClient("", chatsdkoauth2.WithTokenSource(ts), chatsdk.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	for range 3 {
		if _, err := c.Chats.ListPage(context.Background(), giosg.UserChats("u1"), nil); err != nil {
			log.Fatal(err)
		}
	}
	// Output:
	// Bearer access-1
	// Bearer access-2
	// Bearer access-2
}

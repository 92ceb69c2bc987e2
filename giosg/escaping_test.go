package giosg_test

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/jarcoal/httpmock"
)

// escapingCase calls one operation with the path IDs id(0), id(1), ...
type escapingCase struct {
	method string // "Service.Method", the field of giosg.Client and the method name
	ids    int    // how many path IDs the call uses, scope IDs included
	call   func(ctx context.Context, c *giosg.Client, id func(int) string) error
}

// first runs seq until its first element, so that the first page is requested.
func first[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		return err
	}
	return nil
}

// escapingCases lists every exported method of every service of giosg.Client,
// each called with a scope and IDs that accept it.
var escapingCases = []escapingCase{
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.UserChats(id(0)), nil))
	}},
	{"Chats.List", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgRoomChats(id(0), id(1)), nil))
	}},
	{"Chats.List", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgRoomPendingChats(id(0), id(1)), nil))
	}},
	{"Chats.List", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgRoomVisitorChats(id(0), id(1), id(2)), nil))
	}},
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgOwnedChats(id(0)), nil))
	}},
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgInvolvedChats(id(0)), nil))
	}},
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.OrgRoutedChats(id(0)), nil))
	}},
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.UserPendingChats(id(0)), nil))
	}},
	{"Chats.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.UserRoutedChats(id(0)), nil))
	}},
	{"Chats.List", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Chats.List(ctx, giosg.UserRoomVisitorChats(id(0), id(1), id(2)), nil))
	}},
	{"Chats.ListPage", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.ListPage(ctx, giosg.UserChats(id(0)), nil)
		return err
	}},
	{"Chats.Get", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.Get(ctx, giosg.UserRoutedChats(id(0)), id(1))
		return err
	}},
	{"Chats.Create", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.Create(ctx, giosg.UserRoomVisitorChats(id(0), id(1), id(2)))
		return err
	}},
	{"Chats.Update", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.Update(ctx, giosg.OrgOwnedChats(id(0)), id(1), &giosg.ChatUpdate{IsEnded: chatsdk.Ptr(true)})
		return err
	}},
	{"Chats.Patch", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.Patch(ctx, giosg.UserChats(id(0)), id(1), &giosg.ChatUpdate{IsWaiting: chatsdk.Ptr(false)})
		return err
	}},
	{"Chats.End", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.End(ctx, giosg.UserChats(id(0)), id(1))
		return err
	}},
	{"Chats.MarkNotWaiting", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Chats.MarkNotWaiting(ctx, giosg.UserChats(id(0)), id(1))
		return err
	}},

	{"ConversationStarters.List", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.ConversationStarters.List(ctx, id(0), nil))
	}},
	{"ConversationStarters.ListPage", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ConversationStarters.ListPage(ctx, id(0), nil)
		return err
	}},
	{"ConversationStarters.Add", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ConversationStarters.Add(ctx, id(0), &giosg.ConversationStarterCreate{Message: "hi", LanguageCode: "en"})
		return err
	}},
	{"ConversationStarters.Update", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ConversationStarters.Update(ctx, id(0), id(1), &giosg.ConversationStarterUpdate{Message: "hi", LanguageCode: "en"})
		return err
	}},
	{"ConversationStarters.Patch", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ConversationStarters.Patch(ctx, id(0), id(1), &giosg.ConversationStarterUpdate{Message: "hi"})
		return err
	}},
	{"ConversationStarters.Remove", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return c.ConversationStarters.Remove(ctx, id(0), id(1))
	}},

	{"Invitations.ListOutgoing", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Invitations.ListOutgoing(ctx, giosg.UserChats(id(0)), id(1), nil))
	}},
	{"Invitations.ListOutgoingPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.ListOutgoingPage(ctx, giosg.UserChats(id(0)), id(1), nil)
		return err
	}},
	{"Invitations.Send", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.Send(ctx, giosg.UserChats(id(0)), id(1), &giosg.InvitationCreate{InvitedUserID: "u"})
		return err
	}},
	{"Invitations.UpdateOutgoing", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.UpdateOutgoing(ctx, giosg.UserChats(id(0)), id(1), id(2), &giosg.InvitationUpdate{IsExpired: chatsdk.Ptr(true)})
		return err
	}},
	{"Invitations.PatchOutgoing", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.PatchOutgoing(ctx, giosg.UserChats(id(0)), id(1), id(2), &giosg.InvitationUpdate{IsExpired: chatsdk.Ptr(true)})
		return err
	}},
	{"Invitations.Expire", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.Expire(ctx, giosg.UserChats(id(0)), id(1), id(2))
		return err
	}},
	{"Invitations.ListIncoming", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Invitations.ListIncoming(ctx, id(0), nil))
	}},
	{"Invitations.ListIncomingPage", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.ListIncomingPage(ctx, id(0), nil)
		return err
	}},
	{"Invitations.UpdateIncoming", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.UpdateIncoming(ctx, id(0), id(1), &giosg.InvitationUpdate{IsAccepted: chatsdk.Ptr(true)})
		return err
	}},
	{"Invitations.PatchIncoming", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.PatchIncoming(ctx, id(0), id(1), &giosg.InvitationUpdate{IsAccepted: chatsdk.Ptr(false)})
		return err
	}},
	{"Invitations.Accept", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Invitations.Accept(ctx, id(0), id(1))
		return err
	}},

	{"Memberships.List", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Memberships.List(ctx, giosg.OrgRoomChats(id(0), id(1)), id(2), nil))
	}},
	{"Memberships.ListPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Memberships.ListPage(ctx, giosg.UserChats(id(0)), id(1), nil)
		return err
	}},
	{"Memberships.ListForVisitor", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Memberships.ListForVisitor(ctx, giosg.UserChats(id(0)), id(1), id(2), nil))
	}},
	{"Memberships.ListForVisitorPage", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Memberships.ListForVisitorPage(ctx, giosg.UserChats(id(0)), id(1), id(2), nil)
		return err
	}},
	{"Memberships.ListForUser", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Memberships.ListForUser(ctx, id(0), nil))
	}},
	{"Memberships.ListForUserPage", 1, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Memberships.ListForUserPage(ctx, id(0), nil)
		return err
	}},
	{"Memberships.Join", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Memberships.Join(ctx, giosg.UserPendingChats(id(0)), id(1), &giosg.MembershipJoin{IsParticipating: true, ComposingStatus: "idle"})
		return err
	}},
	{"Memberships.Update", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Memberships.Update(ctx, id(0), id(1), &giosg.MembershipUpdate{IsParticipating: true, ComposingStatus: "idle"})
		return err
	}},

	{"Messages.List", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Messages.List(ctx, giosg.OrgRoutedChats(id(0)), id(1), nil))
	}},
	{"Messages.ListPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Messages.ListPage(ctx, giosg.UserChats(id(0)), id(1), nil)
		return err
	}},
	{"Messages.Send", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Messages.Send(ctx, giosg.UserChats(id(0)), id(1), &giosg.MessageCreate{Message: "hello"})
		return err
	}},

	{"ReplySuggestions.List", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.ReplySuggestions.List(ctx, giosg.UserChats(id(0)), id(1), nil))
	}},
	{"ReplySuggestions.ListPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ReplySuggestions.ListPage(ctx, giosg.UserRoutedChats(id(0)), id(1), nil)
		return err
	}},
	{"ReplySuggestions.ListForMessage", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.ReplySuggestions.ListForMessage(ctx, giosg.UserChats(id(0)), id(1), id(2), nil))
	}},
	{"ReplySuggestions.ListForMessagePage", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ReplySuggestions.ListForMessagePage(ctx, giosg.UserChats(id(0)), id(1), id(2), nil)
		return err
	}},
	{"ReplySuggestions.Add", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ReplySuggestions.Add(ctx, giosg.UserChats(id(0)), id(1), id(2), &giosg.ReplySuggestionCreate{Suggestion: "ok"})
		return err
	}},
	{"ReplySuggestions.Update", 4, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ReplySuggestions.Update(ctx, giosg.UserChats(id(0)), id(1), id(2), id(3), &giosg.ReplySuggestionUpdate{Suggestion: "ok"})
		return err
	}},
	{"ReplySuggestions.Patch", 4, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.ReplySuggestions.Patch(ctx, giosg.UserChats(id(0)), id(1), id(2), id(3), &giosg.ReplySuggestionUpdate{Suggestion: "ok"})
		return err
	}},

	{"Tags.List", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Tags.List(ctx, giosg.UserChats(id(0)), id(1), nil))
	}},
	{"Tags.ListPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Tags.ListPage(ctx, giosg.OrgOwnedChats(id(0)), id(1), nil)
		return err
	}},
	{"Tags.ListAllowed", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return first(c.Tags.ListAllowed(ctx, giosg.UserChats(id(0)), id(1), nil))
	}},
	{"Tags.ListAllowedPage", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Tags.ListAllowedPage(ctx, giosg.OrgInvolvedChats(id(0)), id(1), nil)
		return err
	}},
	{"Tags.Add", 2, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		_, err := c.Tags.Add(ctx, giosg.UserChats(id(0)), id(1), id(2))
		return err
	}},
	{"Tags.Remove", 3, func(ctx context.Context, c *giosg.Client, id func(int) string) error {
		return c.Tags.Remove(ctx, giosg.UserChats(id(0)), id(1), id(2))
	}},
}

// TestEscapingCasesCoverEveryMethod fails when a service method has no case in
// escapingCases, so a new operation cannot skip the escaping test.
func TestEscapingCasesCoverEveryMethod(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range escapingCases {
		covered[tc.method] = true
	}
	for name := range testkit.ServiceMethods(t, giosg.Client{}) {
		if !covered[name] {
			t.Errorf("%s has no case in escapingCases", name)
		}
		delete(covered, name)
	}
	for name := range covered {
		t.Errorf("escapingCases names %s, which is not a service method", name)
	}
}

// TestEveryOperationEscapesPathIDs calls every operation with IDs that
// contain "/", "?", "#" and "%" and checks that each ID is sent as exactly one
// escaped path segment and that nothing after its "?" reaches the query.
func TestEveryOperationEscapesPathIDs(t *testing.T) {
	styles := map[string]string{
		"fragment and percent": "a%d/b?leak%d#%%",
		"query":                "a%d/b?leak%d=x&y",
	}
	for _, tc := range escapingCases {
		for style, format := range styles {
			t.Run(tc.method+"/"+style, func(t *testing.T) {
				var (
					mu   sync.Mutex
					reqs []*url.URL
				)
				mt := httpmock.NewMockTransport()
				mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
					mu.Lock()
					reqs = append(reqs, r.URL)
					mu.Unlock()
					resp := httpmock.NewStringResponse(http.StatusOK, `{"next":null,"previous":null,"results":[]}`)
					resp.Header.Set("Content-Type", "application/json")
					return resp, nil
				})
				c, err := giosg.NewClient("tok", chatsdk.WithBaseURL("https://api.test"),
					chatsdk.WithHTTPClient(&http.Client{Transport: mt}), chatsdk.WithMaxRetries(0))
				if err != nil {
					t.Fatal(err)
				}
				id := func(i int) string { return fmt.Sprintf(format, i, i) }
				callErr := tc.call(context.Background(), c, id)

				mu.Lock()
				defer mu.Unlock()
				if len(reqs) != 1 {
					t.Fatalf("sent %d requests, want 1 (call error: %v)", len(reqs), callErr)
				}
				u := reqs[0]
				segments := strings.Split(u.EscapedPath(), "/")
				for i := 0; i < tc.ids; i++ {
					want := url.PathEscape(id(i))
					n := 0
					for _, s := range segments {
						if s == want {
							n++
						}
					}
					if n != 1 {
						t.Errorf("path %q has segment %q %d times, want once", u.EscapedPath(), want, n)
					}
				}
				if strings.Contains(u.RawQuery, "leak") || strings.Contains(u.Fragment, "leak") {
					t.Errorf("ID leaked out of the path: query %q, fragment %q", u.RawQuery, u.Fragment)
				}
			})
		}
	}
}

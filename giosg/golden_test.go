package giosg_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// IDs from the documented examples.
const (
	orgID        = "7f9e9580-095b-42c7-838c-c04e667b26f7"
	userID       = "ac83d426-be80-4d75-8c62-49a77f98468e"
	roomID       = "9926bdfa-56e0-11e5-b98c-6c4008c08dfe"
	visitorID    = "3b90ef7c93484af4965a79ace7bc9a62"
	chatID       = "58f5055c-56e0-11e5-9354-6c4008c08dfe"
	messageID    = "cb2f4b33-cc1c-11e6-97e1-f45c89c72de3"
	suggestionID = "11d9bd6b-cc1d-11e6-8000-f45c89c72de3"
	invitationID = "4d0648b8-9074-11e6-963e-f45c89c72de3"
	memberID     = "2ffbfa02-c1f1-11e6-87fa-f45c89c72de3"
	testToken    = "test-api-token"
)

// recorded is what the test server saw of one request.
type recorded struct {
	Method      string
	EscapedPath string
	Query       url.Values
	Header      http.Header
	Body        []byte
}

// recorder is an httptest server that records every request and answers
// with a fixed status and body.
type recorder struct {
	*httptest.Server
	mu     sync.Mutex
	reqs   []recorded
	status int
	body   []byte
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	rec := &recorder{status: http.StatusOK}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.reqs = append(rec.reqs, recorded{r.Method, r.URL.EscapedPath(), r.URL.Query(), r.Header.Clone(), body})
		status, answer := rec.status, rec.body
		rec.mu.Unlock()
		if len(answer) > 0 {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write(answer)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (r *recorder) answer(status int, body []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.status, r.body, r.reqs = status, body, nil
}

func (r *recorder) requests() []recorded {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]recorded(nil), r.reqs...)
}

func newTestClient(t *testing.T, baseURL string, opts ...chatsdk.Option) *giosg.Client {
	t.Helper()
	opts = append([]chatsdk.Option{
		chatsdk.WithBaseURL(baseURL),
		chatsdk.WithRetryWaitMin(time.Millisecond),
		chatsdk.WithRetryWaitMax(5 * time.Millisecond),
	}, opts...)
	c, err := giosg.NewClient(testToken, opts...)
	require.NoError(t, err)
	return c
}

// goldenCase is one request of one documented method+path pair.
type goldenCase struct {
	name string
	// endpoint is the pair's line of internal/endpoints/giosg.txt
	// ("METHOD /api/v5/.../<chat_id>").
	endpoint string
	method   string
	// path is the escaped path the server must see.
	path  string
	query url.Values
	// reqFile is the request body fixture ("" = no body).
	reqFile string
	// respFile is the response fixture ("" = no body, 204).
	respFile string
	// statuses the API documents for success; each is tried.
	statuses []int
	call     func(ctx context.Context, c *giosg.Client) (any, error)
}

// body decodes a request fixture into the SDK's request type, so the test
// also proves the request type keeps every documented request attribute.
func body[T any](t *testing.T, file string) *T {
	return decodeFixture[T](t, file)
}

func goldenCases(t *testing.T) []goldenCase {
	var cases []goldenCase
	add := func(c goldenCase) {
		if c.statuses == nil {
			c.statuses = []int{http.StatusOK}
		}
		cases = append(cases, c)
	}
	created := []int{http.StatusCreated}
	createdOrExisting := []int{http.StatusCreated, http.StatusOK}

	o := "/api/v5/orgs/" + orgID
	u := "/api/v5/users/" + userID

	// Chat collections.
	chatLists := []struct {
		endpoint string
		scope    giosg.ChatScope
		path     string
		resp     string
	}{
		{"GET /api/v5/orgs/<organization_id>/involved_chats", giosg.OrgInvolvedChats(orgID), o + "/involved_chats", "chats_list.response.json"},
		{"GET /api/v5/orgs/<organization_id>/owned_chats", giosg.OrgOwnedChats(orgID), o + "/owned_chats", "chats_owned_list.response.json"},
		{"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/chats", giosg.OrgRoomChats(orgID, roomID), o + "/rooms/" + roomID + "/chats", "chats_room_list.response.json"},
		{"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/pending_chats", giosg.OrgRoomPendingChats(orgID, roomID), o + "/rooms/" + roomID + "/pending_chats", "chats_pending_list.response.json"},
		{"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/visitors/<visitor_id>/chats", giosg.OrgRoomVisitorChats(orgID, roomID, visitorID), o + "/rooms/" + roomID + "/visitors/" + visitorID + "/chats", "chats_list.response.json"},
		{"GET /api/v5/orgs/<organization_id>/routed_chats", giosg.OrgRoutedChats(orgID), o + "/routed_chats", "chats_list.response.json"},
		{"GET /api/v5/users/<user_id>/chats", giosg.UserChats(userID), u + "/chats", "chats_list.response.json"},
		{"GET /api/v5/users/<user_id>/pending_chats", giosg.UserPendingChats(userID), u + "/pending_chats", "chats_pending_list.response.json"},
		{"GET /api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats", giosg.UserRoomVisitorChats(userID, roomID, visitorID), u + "/rooms/" + roomID + "/visitors/" + visitorID + "/chats", "chats_list.response.json"},
		{"GET /api/v5/users/<user_id>/routed_chats", giosg.UserRoutedChats(userID), u + "/routed_chats", "chats_list.response.json"},
	}
	after := time.Date(2015, 2, 13, 11, 0, 0, 0, time.UTC)
	for _, l := range chatLists {
		add(goldenCase{name: "Chats.ListPage " + l.scope.String(), endpoint: l.endpoint, method: "GET", path: l.path,
			query:    url.Values{"is_ended": {"false"}, "has_messages": {"true"}, "ordering": {"-created_at"}, "created_at_after": {"2015-02-13T11:00:00Z"}},
			respFile: l.resp,
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Chats.ListPage(ctx, l.scope, &giosg.ChatListParams{IsEnded: chatsdk.Ptr(false), HasMessages: chatsdk.Ptr(true), Ordering: giosg.OrderCreatedDesc, CreatedAtAfter: after})
			}})
	}

	// Single chats.
	for _, g := range []struct {
		endpoint string
		scope    giosg.ChatScope
		path     string
	}{
		{"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>", giosg.OrgInvolvedChats(orgID), o + "/involved_chats/" + chatID},
		{"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID},
		{"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>", giosg.OrgRoutedChats(orgID), o + "/routed_chats/" + chatID},
		{"GET /api/v5/users/<user_id>/routed_chats/<chat_id>", giosg.UserRoutedChats(userID), u + "/routed_chats/" + chatID},
	} {
		add(goldenCase{name: "Chats.Get " + g.scope.String(), endpoint: g.endpoint, method: "GET", path: g.path, respFile: "chat_get.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) { return c.Chats.Get(ctx, g.scope, chatID) }})
	}

	// Creating chats.
	add(goldenCase{name: "Chats.Create UserChats", endpoint: "POST /api/v5/users/<user_id>/chats", method: "POST", path: u + "/chats", respFile: "chat_create.response.json", statuses: created,
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Chats.Create(ctx, giosg.UserChats(userID))
		}})
	add(goldenCase{name: "Chats.Create UserRoomVisitorChats", endpoint: "POST /api/v5/users/<user_id>/rooms/<room_id>/visitors/<visitor_id>/chats", method: "POST", path: u + "/rooms/" + roomID + "/visitors/" + visitorID + "/chats",
		respFile: "chat_create_with_visitor.response.json", statuses: createdOrExisting,
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Chats.Create(ctx, giosg.UserRoomVisitorChats(userID, roomID, visitorID))
		}})

	// Ending chats and marking them not waiting, PUT and PATCH.
	for _, g := range []struct {
		put, patch string
		scope      giosg.ChatScope
		path       string
	}{
		{"PUT /api/v5/orgs/<organization_id>/owned_chats/<chat_id>", "PATCH /api/v5/orgs/<organization_id>/owned_chats/<chat_id>", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID},
		{"PUT /api/v5/users/<user_id>/chats/<chat_id>", "PATCH /api/v5/users/<user_id>/chats/<chat_id>", giosg.UserChats(userID), u + "/chats/" + chatID},
	} {
		for _, kind := range []string{"end", "mark_not_waiting"} {
			req, resp := "chat_"+kind+".request.json", "chat_"+kind+".response.json"
			add(goldenCase{name: "Chats.Update " + kind + " " + g.scope.String(), endpoint: g.put, method: "PUT", path: g.path, reqFile: req, respFile: resp,
				call: func(ctx context.Context, c *giosg.Client) (any, error) {
					return c.Chats.Update(ctx, g.scope, chatID, body[giosg.ChatUpdate](t, req))
				}})
			add(goldenCase{name: "Chats.Patch " + kind + " " + g.scope.String(), endpoint: g.patch, method: "PATCH", path: g.path, reqFile: req, respFile: resp,
				call: func(ctx context.Context, c *giosg.Client) (any, error) {
					return c.Chats.Patch(ctx, g.scope, chatID, body[giosg.ChatUpdate](t, req))
				}})
		}
		add(goldenCase{name: "Chats.End " + g.scope.String(), endpoint: g.patch, method: "PATCH", path: g.path, reqFile: "chat_end.request.json", respFile: "chat_end.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) { return c.Chats.End(ctx, g.scope, chatID) }})
		add(goldenCase{name: "Chats.MarkNotWaiting " + g.scope.String(), endpoint: g.patch, method: "PATCH", path: g.path,
			reqFile: "chat_mark_not_waiting.request.json", respFile: "chat_mark_not_waiting.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Chats.MarkNotWaiting(ctx, g.scope, chatID)
			}})
	}

	// Memberships.
	for _, g := range []struct {
		endpoint string
		scope    giosg.ChatScope
		path     string
	}{
		{"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/memberships", giosg.OrgInvolvedChats(orgID), o + "/involved_chats/" + chatID + "/memberships"},
		{"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/memberships", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID + "/memberships"},
		{"GET /api/v5/orgs/<organization_id>/rooms/<room_id>/chats/<chat_id>/memberships", giosg.OrgRoomChats(orgID, roomID), o + "/rooms/" + roomID + "/chats/" + chatID + "/memberships"},
		{"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/memberships", giosg.OrgRoutedChats(orgID), o + "/routed_chats/" + chatID + "/memberships"},
		{"GET /api/v5/users/<user_id>/chats/<chat_id>/memberships", giosg.UserChats(userID), u + "/chats/" + chatID + "/memberships"},
		{"GET /api/v5/users/<user_id>/pending_chats/<chat_id>/memberships", giosg.UserPendingChats(userID), u + "/pending_chats/" + chatID + "/memberships"},
		{"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/memberships", giosg.UserRoutedChats(userID), u + "/routed_chats/" + chatID + "/memberships"},
	} {
		add(goldenCase{name: "Memberships.ListPage " + g.scope.String(), endpoint: g.endpoint, method: "GET", path: g.path, respFile: "chat_memberships_list.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Memberships.ListPage(ctx, g.scope, chatID, nil)
			}})
	}
	add(goldenCase{name: "Memberships.ListForVisitorPage", endpoint: "GET /api/v5/users/<user_id>/chats/<chat_id>/visitors/<visitor_id>/chat_memberships", method: "GET", path: u + "/chats/" + chatID + "/visitors/" + visitorID + "/chat_memberships",
		respFile: "chat_memberships_list.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Memberships.ListForVisitorPage(ctx, giosg.UserChats(userID), chatID, visitorID, nil)
		}})
	add(goldenCase{name: "Memberships.ListForUserPage", endpoint: "GET /api/v5/users/<user_id>/chat_memberships", method: "GET", path: u + "/chat_memberships", query: url.Values{"is_participating": {"false"}},
		respFile: "chat_memberships_list.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Memberships.ListForUserPage(ctx, userID, &giosg.MembershipListParams{IsParticipating: chatsdk.Ptr(false)})
		}})
	for _, g := range []struct {
		endpoint string
		scope    giosg.ChatScope
		path     string
		org      bool
		statuses []int
	}{
		{"POST /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/memberships", giosg.OrgInvolvedChats(orgID), o + "/involved_chats/" + chatID + "/memberships", true, createdOrExisting},
		{"POST /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/memberships", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID + "/memberships", true, createdOrExisting},
		{"POST /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/memberships", giosg.OrgRoutedChats(orgID), o + "/routed_chats/" + chatID + "/memberships", true, createdOrExisting},
		{"POST /api/v5/users/<user_id>/pending_chats/<chat_id>/memberships", giosg.UserPendingChats(userID), u + "/pending_chats/" + chatID + "/memberships", false, created},
		{"POST /api/v5/users/<user_id>/routed_chats/<chat_id>/memberships", giosg.UserRoutedChats(userID), u + "/routed_chats/" + chatID + "/memberships", false, created},
	} {
		req, resp := "chat_memberships_join.request.json", "chat_memberships_join.response.json"
		if g.org {
			req, resp = "chat_memberships_join_org.request.json", "chat_memberships_join_org.response.json"
		}
		add(goldenCase{name: "Memberships.Join " + g.scope.String(), endpoint: g.endpoint, method: "POST", path: g.path, reqFile: req, respFile: resp, statuses: g.statuses,
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Memberships.Join(ctx, g.scope, chatID, body[giosg.MembershipJoin](t, req))
			}})
	}
	add(goldenCase{name: "Memberships.Update", endpoint: "PUT /api/v5/users/<user_id>/chat_memberships/<chat_id>", method: "PUT", path: u + "/chat_memberships/" + chatID,
		reqFile: "chat_memberships_update.request.json", respFile: "chat_memberships_update.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			// The documented last_seen_at has no zone, and the SDK sends
			// it so (TestMembershipUpdateSendsDocumentedDatetime compares
			// the bytes; this comparison normalizes datetimes).
			update := body[giosg.MembershipUpdate](t, "chat_memberships_update.request.json")
			require.True(t, update.LastSeenAt.Equal(time.Date(2015, 2, 13, 11, 31, 36, 42e6, time.UTC)))
			return c.Memberships.Update(ctx, userID, chatID, update)
		}})

	// Messages.
	for _, g := range []struct {
		endpoint string
		scope    giosg.ChatScope
		path     string
	}{
		{"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/messages", giosg.OrgInvolvedChats(orgID), o + "/involved_chats/" + chatID + "/messages"},
		{"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/messages", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID + "/messages"},
		{"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/messages", giosg.OrgRoutedChats(orgID), o + "/routed_chats/" + chatID + "/messages"},
		{"GET /api/v5/users/<user_id>/chats/<chat_id>/messages", giosg.UserChats(userID), u + "/chats/" + chatID + "/messages"},
		{"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/messages", giosg.UserRoutedChats(userID), u + "/routed_chats/" + chatID + "/messages"},
	} {
		for _, resp := range []string{"chat_messages_list.response.json", "chat_messages_list_all_attributes.response.json"} {
			add(goldenCase{name: "Messages.ListPage " + g.scope.String() + " " + resp, endpoint: g.endpoint, method: "GET", path: g.path,
				query: url.Values{"type__in": {"msg,join"}, "type__not_in": {"leave"}}, respFile: resp,
				call: func(ctx context.Context, c *giosg.Client) (any, error) {
					return c.Messages.ListPage(ctx, g.scope, chatID, &giosg.MessageListParams{TypeIn: []giosg.MessageType{"msg", "join"}, TypeNotIn: []giosg.MessageType{"leave"}})
				}})
		}
	}
	for _, kind := range []string{"", "_generic", "_interaction", "_external"} {
		req, resp := "chat_messages_send"+kind+".request.json", "chat_messages_send"+kind+".response.json"
		add(goldenCase{name: "Messages.Send" + kind, endpoint: "POST /api/v5/users/<user_id>/chats/<chat_id>/messages", method: "POST", path: u + "/chats/" + chatID + "/messages", reqFile: req, respFile: resp,
			statuses: []int{http.StatusOK, http.StatusCreated},
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Messages.Send(ctx, giosg.UserChats(userID), chatID, body[giosg.MessageCreate](t, req))
			}})
	}

	// Tags.
	for _, g := range []struct {
		list, allowed, add, remove string
		scope                      giosg.ChatScope
		path                       string
	}{
		{"GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags", "GET /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/allowed_tags", "POST /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags", "DELETE /api/v5/orgs/<organization_id>/involved_chats/<chat_id>/tags/<tag_name>", giosg.OrgInvolvedChats(orgID), o + "/involved_chats/" + chatID},
		{"GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags", "GET /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/allowed_tags", "POST /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags", "DELETE /api/v5/orgs/<organization_id>/owned_chats/<chat_id>/tags/<tag_name>", giosg.OrgOwnedChats(orgID), o + "/owned_chats/" + chatID},
		{"GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags", "GET /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/allowed_tags", "POST /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags", "DELETE /api/v5/orgs/<organization_id>/routed_chats/<chat_id>/tags/<tag_name>", giosg.OrgRoutedChats(orgID), o + "/routed_chats/" + chatID},
		{"GET /api/v5/users/<user_id>/chats/<chat_id>/tags", "GET /api/v5/users/<user_id>/chats/<chat_id>/allowed_tags", "POST /api/v5/users/<user_id>/chats/<chat_id>/tags", "DELETE /api/v5/users/<user_id>/chats/<chat_id>/tags/<tag_name>", giosg.UserChats(userID), u + "/chats/" + chatID},
	} {
		add(goldenCase{name: "Tags.ListPage " + g.scope.String(), endpoint: g.list, method: "GET", path: g.path + "/tags", respFile: "chat_tags_list.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Tags.ListPage(ctx, g.scope, chatID, nil)
			}})
		add(goldenCase{name: "Tags.ListAllowedPage " + g.scope.String(), endpoint: g.allowed, method: "GET", path: g.path + "/allowed_tags", respFile: "chat_tags_allowed_list.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Tags.ListAllowedPage(ctx, g.scope, chatID, nil)
			}})
		add(goldenCase{name: "Tags.Add " + g.scope.String(), endpoint: g.add, method: "POST", path: g.path + "/tags",
			reqFile: "chat_tags_add.request.json", respFile: "chat_tags_add.response.json", statuses: createdOrExisting,
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.Tags.Add(ctx, g.scope, chatID, body[giosg.ChatTag](t, "chat_tags_add.request.json").Name)
			}})
		add(goldenCase{name: "Tags.Remove " + g.scope.String(), endpoint: g.remove, method: "DELETE", path: g.path + "/tags/Premium%20customer",
			statuses: []int{http.StatusNoContent},
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return nil, c.Tags.Remove(ctx, g.scope, chatID, "Premium customer")
			}})
	}

	// Invitations.
	out := u + "/chats/" + chatID + "/outgoing_chat_invitations"
	add(goldenCase{name: "Invitations.ListOutgoingPage", endpoint: "GET /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations", method: "GET", path: out, query: url.Values{"is_accepted": {"false"}, "is_expired": {"false"}},
		respFile: "chat_invitations_outgoing_list.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.ListOutgoingPage(ctx, giosg.UserChats(userID), chatID, &giosg.InvitationListParams{IsAccepted: chatsdk.Ptr(false), IsExpired: chatsdk.Ptr(false)})
		}})
	add(goldenCase{name: "Invitations.Send", endpoint: "POST /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations", method: "POST", path: out, reqFile: "chat_invitations_send.request.json", respFile: "chat_invitations_send.response.json",
		statuses: createdOrExisting,
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.Send(ctx, giosg.UserChats(userID), chatID, body[giosg.InvitationCreate](t, "chat_invitations_send.request.json"))
		}})
	add(goldenCase{name: "Invitations.UpdateOutgoing", endpoint: "PUT /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations/<invitation_id>", method: "PUT", path: out + "/" + invitationID,
		reqFile: "chat_invitations_expire.request.json", respFile: "chat_invitations_expire.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.UpdateOutgoing(ctx, giosg.UserChats(userID), chatID, invitationID, body[giosg.InvitationUpdate](t, "chat_invitations_expire.request.json"))
		}})
	add(goldenCase{name: "Invitations.PatchOutgoing", endpoint: "PATCH /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations/<invitation_id>", method: "PATCH", path: out + "/" + invitationID,
		reqFile: "chat_invitations_expire.request.json", respFile: "chat_invitations_expire.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.PatchOutgoing(ctx, giosg.UserChats(userID), chatID, invitationID, body[giosg.InvitationUpdate](t, "chat_invitations_expire.request.json"))
		}})
	add(goldenCase{name: "Invitations.Expire", endpoint: "PATCH /api/v5/users/<user_id>/chats/<chat_id>/outgoing_chat_invitations/<invitation_id>", method: "PATCH", path: out + "/" + invitationID,
		reqFile: "chat_invitations_expire.request.json", respFile: "chat_invitations_expire.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.Expire(ctx, giosg.UserChats(userID), chatID, invitationID)
		}})
	in := u + "/incoming_chat_invitations"
	add(goldenCase{name: "Invitations.ListIncomingPage", endpoint: "GET /api/v5/users/<user_id>/incoming_chat_invitations", method: "GET", path: in, query: url.Values{"is_accepted": {"true"}},
		respFile: "chat_invitations_incoming_list.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.ListIncomingPage(ctx, userID, &giosg.InvitationListParams{IsAccepted: chatsdk.Ptr(true)})
		}})
	add(goldenCase{name: "Invitations.UpdateIncoming", endpoint: "PUT /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", method: "PUT", path: in + "/" + invitationID,
		reqFile: "chat_invitations_accept.request.json", respFile: "chat_invitations_accept.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.UpdateIncoming(ctx, userID, invitationID, body[giosg.InvitationUpdate](t, "chat_invitations_accept.request.json"))
		}})
	add(goldenCase{name: "Invitations.PatchIncoming", endpoint: "PATCH /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", method: "PATCH", path: in + "/" + invitationID,
		reqFile: "chat_invitations_accept.request.json", respFile: "chat_invitations_accept.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.PatchIncoming(ctx, userID, invitationID, body[giosg.InvitationUpdate](t, "chat_invitations_accept.request.json"))
		}})
	add(goldenCase{name: "Invitations.Accept", endpoint: "PATCH /api/v5/users/<user_id>/incoming_chat_invitations/<invitation_id>", method: "PATCH", path: in + "/" + invitationID,
		reqFile: "chat_invitations_accept.request.json", respFile: "chat_invitations_accept.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.Invitations.Accept(ctx, userID, invitationID)
		}})

	// Conversation starters.
	cs := u + "/chat_conversation_starters"
	add(goldenCase{name: "ConversationStarters.ListPage", endpoint: "GET /api/v5/users/<user_id>/chat_conversation_starters", method: "GET", path: cs, respFile: "chat_conversation_starters_list.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.ConversationStarters.ListPage(ctx, userID, nil)
		}})
	add(goldenCase{name: "ConversationStarters.Add", endpoint: "POST /api/v5/users/<user_id>/chat_conversation_starters", method: "POST", path: cs,
		reqFile: "chat_conversation_starters_add.request.json", respFile: "chat_conversation_starters_add.response.json", statuses: created,
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.ConversationStarters.Add(ctx, userID, body[giosg.ConversationStarterCreate](t, "chat_conversation_starters_add.request.json"))
		}})
	add(goldenCase{name: "ConversationStarters.Update", endpoint: "PUT /api/v5/users/<user_id>/chat_conversation_starters/<language_code>", method: "PUT", path: cs + "/fi",
		reqFile: "chat_conversation_starters_replace.request.json", respFile: "chat_conversation_starters_update.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.ConversationStarters.Update(ctx, userID, "fi", body[giosg.ConversationStarterUpdate](t, "chat_conversation_starters_replace.request.json"))
		}})
	add(goldenCase{name: "ConversationStarters.Patch", endpoint: "PATCH /api/v5/users/<user_id>/chat_conversation_starters/<language_code>", method: "PATCH", path: cs + "/fi",
		reqFile: "chat_conversation_starters_update.request.json", respFile: "chat_conversation_starters_update.response.json",
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return c.ConversationStarters.Patch(ctx, userID, "fi", body[giosg.ConversationStarterUpdate](t, "chat_conversation_starters_update.request.json"))
		}})
	add(goldenCase{name: "ConversationStarters.Remove", endpoint: "DELETE /api/v5/users/<user_id>/chat_conversation_starters/<language_code>", method: "DELETE", path: cs + "/en", statuses: []int{http.StatusNoContent},
		call: func(ctx context.Context, c *giosg.Client) (any, error) {
			return nil, c.ConversationStarters.Remove(ctx, userID, "en")
		}})

	// Reply suggestions.
	for _, g := range []struct {
		list, listMsg, add, put, patch string
		scope                          giosg.ChatScope
		path                           string
	}{
		{"GET /api/v5/users/<user_id>/chats/<chat_id>/reply_suggestions", "GET /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions", "POST /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions", "PUT /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", "PATCH /api/v5/users/<user_id>/chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", giosg.UserChats(userID), u + "/chats/" + chatID},
		{"GET /api/v5/users/<user_id>/routed_chats/<chat_id>/reply_suggestions", "GET /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions", "POST /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions", "PUT /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", "PATCH /api/v5/users/<user_id>/routed_chats/<chat_id>/messages/<message_id>/reply_suggestions/<reply_suggestion_id>", giosg.UserRoutedChats(userID), u + "/routed_chats/" + chatID},
	} {
		msg := g.path + "/messages/" + messageID + "/reply_suggestions"
		add(goldenCase{name: "ReplySuggestions.ListPage " + g.scope.String(), endpoint: g.list, method: "GET", path: g.path + "/reply_suggestions",
			query: url.Values{"ordering": {"-created_at"}}, respFile: "chat_reply_suggestions_list.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.ReplySuggestions.ListPage(ctx, g.scope, chatID, &giosg.ReplySuggestionListParams{Ordering: giosg.OrderCreatedDesc})
			}})
		add(goldenCase{name: "ReplySuggestions.ListForMessagePage " + g.scope.String(), endpoint: g.listMsg, method: "GET", path: msg,
			respFile: "chat_reply_suggestions_message_list.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.ReplySuggestions.ListForMessagePage(ctx, g.scope, chatID, messageID, nil)
			}})
		add(goldenCase{name: "ReplySuggestions.Add " + g.scope.String(), endpoint: g.add, method: "POST", path: msg, statuses: created,
			reqFile: "chat_reply_suggestions_add.request.json", respFile: "chat_reply_suggestions_add.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.ReplySuggestions.Add(ctx, g.scope, chatID, messageID, body[giosg.ReplySuggestionCreate](t, "chat_reply_suggestions_add.request.json"))
			}})
		add(goldenCase{name: "ReplySuggestions.Update " + g.scope.String(), endpoint: g.put, method: "PUT", path: msg + "/" + suggestionID,
			reqFile: "chat_reply_suggestions_update.request.json", respFile: "chat_reply_suggestions_update.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.ReplySuggestions.Update(ctx, g.scope, chatID, messageID, suggestionID, body[giosg.ReplySuggestionUpdate](t, "chat_reply_suggestions_update.request.json"))
			}})
		add(goldenCase{name: "ReplySuggestions.Patch " + g.scope.String(), endpoint: g.patch, method: "PATCH", path: msg + "/" + suggestionID,
			reqFile: "chat_reply_suggestions_update.request.json", respFile: "chat_reply_suggestions_update.response.json",
			call: func(ctx context.Context, c *giosg.Client) (any, error) {
				return c.ReplySuggestions.Patch(ctx, g.scope, chatID, messageID, suggestionID, body[giosg.ReplySuggestionUpdate](t, "chat_reply_suggestions_update.request.json"))
			}})
	}
	return cases
}

// TestGolden sends every documented method+path pair and checks the request
// (method, escaped path, query, headers, JSON body against the request
// fixture) and the decoded answer (against the response fixture, and the
// 200/201 distinction where the API makes one).
//
// It also checks that middleware sees the pair's route template, with no
// ID in it, and an operation that the pair's line names.
func TestGolden(t *testing.T) {
	rec := newRecorder(t)
	var route, operation string
	c := newTestClient(t, rec.URL, chatsdk.WithMiddleware(func(req *http.Request, info chatsdk.AttemptInfo, next chatsdk.MiddlewareNext) (*http.Response, error) {
		route, operation = info.Route, info.Operation
		return next(req)
	}))
	routes := map[string]string{}
	operations := map[string][]string{}
	for _, e := range testkit.Endpoints(t, "giosg") {
		routes[e.Key()] = e.Route()
		for _, m := range e.Methods {
			operations[e.Key()] = append(operations[e.Key()], "giosg."+m)
		}
	}
	for _, gc := range goldenCases(t) {
		for _, status := range gc.statuses {
			t.Run(gc.name+"/"+strconv.Itoa(status), func(t *testing.T) {
				var answer []byte
				if gc.respFile != "" {
					answer = testkit.Fixture(t, "giosg", gc.respFile)
				}
				rec.answer(status, answer)
				route, operation = "", ""
				got, err := gc.call(context.Background(), c)
				require.NoError(t, err)
				assert.Equal(t, routes[gc.endpoint], route, "route template middleware sees")
				assert.Contains(t, operations[gc.endpoint], operation, "the line's methods must include the operation middleware sees")

				reqs := rec.requests()
				require.Len(t, reqs, 1)
				r := reqs[0]
				assert.Equal(t, gc.method, r.Method)
				assert.Equal(t, gc.path, r.EscapedPath)
				want := gc.query
				if want == nil {
					want = url.Values{}
				}
				assert.Equal(t, want, r.Query)
				assert.Equal(t, "Token "+testToken, r.Header.Get("Authorization"))
				assert.Equal(t, "application/json", r.Header.Get("Accept"))
				if gc.reqFile == "" {
					assert.Empty(t, r.Body)
					assert.Empty(t, r.Header.Get("Content-Type"))
				} else {
					assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
					testkit.AssertJSONEqualFixture(t, "giosg", gc.reqFile, r.Body)
				}

				if gc.respFile == "" {
					assert.Nil(t, got)
					return
				}
				value := got
				if v, isNew, ok := unwrapResult(got); ok {
					assert.Equal(t, status == http.StatusCreated, isNew, "Created for status %d", status)
					value = v
				} else if len(gc.statuses) > 1 && gc.method == "POST" && gc.endpoint != sendMessage {
					t.Fatalf("%s answers 200 or 201 but returns %T, which cannot tell them apart", gc.name, got)
				}
				testkit.AssertFieldsMatchFixture(t, "giosg", gc.respFile, value, giosgAliases)
			})
		}
	}
}

// sendMessage is the one POST that answers 200 or 201 without telling
// them apart in its result (the message is the answer either way).
const sendMessage = "POST /api/v5/users/<user_id>/chats/<chat_id>/messages"

// giosgAliases names the fields whose Go name is not their documented key.
var giosgAliases = testkit.Aliases{}

// TestGoldenCoversEveryPair checks that the golden cases reach every line
// of internal/endpoints/giosg.txt and nothing else, each at a path that
// matches the line's template.
func TestGoldenCoversEveryPair(t *testing.T) {
	endpoints := map[string]testkit.Endpoint{}
	for _, e := range testkit.Endpoints(t, "giosg") {
		endpoints[e.Key()] = e
	}
	var keys []string
	for _, gc := range goldenCases(t) {
		keys = append(keys, gc.endpoint)
		if e, ok := endpoints[gc.endpoint]; ok {
			assert.True(t, e.Matches(gc.method, gc.path), "%s: %s %s is not an instance of %s", gc.name, gc.method, gc.path, e.Key())
		}
	}
	testkit.AssertSameKeys(t, "giosg", "golden case", keys)
}

// unwrapResult returns the value and Created of a *giosg.Result.
func unwrapResult(got any) (value any, created, ok bool) {
	switch r := got.(type) {
	case *giosg.Result[giosg.Chat]:
		return r.Value, r.Created, true
	case *giosg.Result[giosg.ChatMembership]:
		return r.Value, r.Created, true
	case *giosg.Result[giosg.ChatTag]:
		return r.Value, r.Created, true
	case *giosg.Result[giosg.ChatInvitation]:
		return r.Value, r.Created, true
	}
	return nil, false, false
}

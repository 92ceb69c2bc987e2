package chatrhub

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dropConnection closes the connection after the server has read the
// request, so the client gets no answer.
func dropConnection(w http.ResponseWriter, _ *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("no hijacker")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(err)
	}
	_ = conn.Close()
}

var failureModes = map[string]http.HandlerFunc{
	"503":               answerJSON(http.StatusServiceUnavailable, []byte(`{"error": "busy"}`)),
	"connection closed": dropConnection,
}

// unsafeCalls are the operations that must never be sent twice: the POSTs
// that create or assign, and the GETs that change state (Transfer Chat, Update
// Machine Learning Task, Update Operational Task).
var unsafeCalls = map[string]func(ctx context.Context, c *Client) error{
	"Agents.Invite": func(ctx context.Context, c *Client) error {
		_, err := c.Agents.Invite(ctx, &InviteAgentParams{FullName: "Joe", AuthorizationLevel: LevelAgent, Email: "joe@example.com"})
		return err
	},
	"Groups.Add": func(ctx context.Context, c *Client) error {
		_, err := c.Groups.Add(ctx, &GroupParams{GroupName: "New Group"})
		return err
	},
	"Visitors.Add": func(ctx context.Context, c *Client) error {
		_, err := c.Visitors.Add(ctx, &VisitorParams{CompanyName: chatsdk.Ptr("New Company")})
		return err
	},
	"AgentGroups.Assign": func(ctx context.Context, c *Client) error {
		_, err := c.AgentGroups.Assign(ctx, 1, &AssignAgentParams{GroupID: 10204, IsAssigned: true})
		return err
	},
	"Chats.Transfer": func(ctx context.Context, c *Client) error {
		_, err := c.Chats.Transfer(ctx, 1, &TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
		return err
	},
	"Tasks.UpdateMachineLearning": func(ctx context.Context, c *Client) error {
		_, err := c.Tasks.UpdateMachineLearning(ctx, 1, 1)
		return err
	},
	"Tasks.UpdateOperational": func(ctx context.Context, c *Client) error {
		_, err := c.Tasks.UpdateOperational(ctx, 2, true)
		return err
	},
}

func TestUnsafeCallsAreSentOnce(t *testing.T) {
	for name, call := range unsafeCalls {
		for mode, handler := range failureModes {
			t.Run(name+"/"+mode, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, handler)
				err := call(context.Background(), rec.client(t, chatsdk.WithMaxRetries(3)))
				require.Error(t, err)
				assert.Len(t, rec.requests(), 1, "the server must receive the request exactly once")
				assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
				assert.Contains(t, err.Error(), "may have been applied")
				assert.NotContains(t, err.Error(), testToken)
			})
		}
		// The connection is dropped on a keep-alive connection that an
		// earlier call left open. net/http resends a GET in that case by
		// itself, so Transfer is run as its godoc advises, without
		// keep-alives.
		t.Run(name+"/connection closed after reuse", func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/api/v1/groups.json" && r.Method == http.MethodGet {
					answerJSON(http.StatusOK, []byte(`{"data": []}`))(w, r)
					return
				}
				dropConnection(w, r)
			})
			var opts []chatsdk.Option
			if name == "Chats.Transfer" {
				opts = append(opts, chatsdk.WithHTTPClient(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}))
			}
			c := rec.client(t, opts...)
			_, err := c.Groups.List(context.Background())
			require.NoError(t, err)
			err = call(context.Background(), c)
			require.Error(t, err)
			assert.Len(t, rec.requests(), 2, "the warm-up call and the request, once")
			assert.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
		})
	}
}

// flaky fails the first n requests with handler fail, then answers body.
func flaky(n int32, fail http.HandlerFunc, body []byte) http.HandlerFunc {
	var count atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if count.Add(1) <= n {
			fail(w, r)
			return
		}
		answerJSON(http.StatusOK, body)(w, r)
	}
}

// TestSafeCallsAreRetried: GETs (including the two task updates, which are
// idempotent sets) and DELETEs succeed after two failures.
func TestSafeCallsAreRetried(t *testing.T) {
	calls := map[string]struct {
		fixture string
		call    func(ctx context.Context, c *Client) error
	}{
		"Agents.Get": {"agents_get", func(ctx context.Context, c *Client) error {
			a, err := c.Agents.Get(ctx, 4)
			if err == nil && a.ID != 4 {
				return errors.New("wrong agent")
			}
			return err
		}},
		"Groups.Remove": {"groups_remove", func(ctx context.Context, c *Client) error {
			_, err := c.Groups.Remove(ctx, 10204)
			return err
		}},
	}
	for name, tc := range calls {
		for mode, fail := range failureModes {
			t.Run(name+"/"+mode, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, flaky(2, fail, fixture(t, tc.fixture+".response.json")))
				require.NoError(t, tc.call(context.Background(), rec.client(t)))
				assert.Len(t, rec.requests(), 3)
			})
		}
	}
}

func TestRetriesGiveUp(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusServiceUnavailable, []byte(`{"error": "down"}`)))
	_, err := rec.client(t, chatsdk.WithMaxRetries(2)).Groups.List(context.Background())
	require.Error(t, err)
	assert.ErrorIs(t, err, chatsdk.ErrServer)
	assert.NotErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	assert.Len(t, rec.requests(), 3)
}

// TestStringInputsCannotChangeTheEndpoint: path IDs are int64, so they are
// safe by construction; the string inputs travel in the query or the body
// and arrive intact without changing the path.
func TestStringInputsCannotChangeTheEndpoint(t *testing.T) {
	evil := []string{"a/b", "..", "../../agents/1", "x?agent_id=1", "y#frag", "100%", "%2F", "with space", "a&b=c", "ünï/cödé"}
	for _, s := range evil {
		t.Run(s, func(t *testing.T) {
			rec := newRecorder(t, answerJSON(http.StatusOK, []byte(`{"data": {"type": "visitors", "id": 1, "attributes": {}}, "success": "Sent Transfer Action"}`)))
			c := rec.client(t)
			ctx := context.Background()

			_, err := c.Visitors.GetByUsername(ctx, s)
			require.NoError(t, err)
			_, err = c.Chats.Transfer(ctx, 7, &TransferChatParams{AgentUsernameFrom: s, AgentUsernameTo: s + "2"})
			require.NoError(t, err)
			_, err = c.Agents.List(ctx, &ListAgentsParams{AgentUsername: s})
			require.NoError(t, err)
			_, err = c.Messages.List(ctx, &ListMessagesParams{VisitorUsername: s})
			require.NoError(t, err)
			_, err = c.Chats.UpdateTag(ctx, 7, &UpdateChatTagParams{Tag: s})
			require.NoError(t, err)

			reqs := rec.requests()
			require.Len(t, reqs, 5)
			want := []struct{ path, key, value string }{
				{"/api/v1/visitors.json", "visitor_username", s},
				{"/api/v1/chats/transfer/7.json", "agent_username_from", s},
				{"/api/v1/agents.json", "agent_username", s},
				{"/api/v1/messages.json", "visitor_username", s},
				{"/api/v1/chats/7.json", "", ""},
			}
			for i, w := range want {
				assert.Equal(t, w.path, reqs[i].Path)
				if w.key != "" {
					q := parseQuery(t, reqs[i].Query)
					assert.Equal(t, []string{w.value}, q[w.key])
				}
			}
			assert.Equal(t, s+"2", parseQuery(t, reqs[1].Query).Get("agent_username_to"))
			assert.Len(t, parseQuery(t, reqs[0].Query), 1, "no extra query parameter")
			assert.JSONEq(t, `{"data": {"type": "chats", "attributes": {"tag": `+jsonString(t, s)+`}}}`, string(reqs[4].Body))
		})
	}
}

// TestTokenNeverInErrors: the server echoes the Authorization header in
// its error bodies; no error string and no log line may contain the token.
func TestTokenNeverInErrors(t *testing.T) {
	echo := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			auth := r.Header.Get("Authorization")
			answerJSON(status, []byte(`{"error": "bad key `+auth+`", "message": "`+auth+`"}`))(w, r)
		}
	}
	handlers := map[string]http.HandlerFunc{
		"401 echo":          echo(http.StatusUnauthorized),
		"500 echo":          echo(http.StatusInternalServerError),
		"400 text":          func(w http.ResponseWriter, r *http.Request) { http.Error(w, "token "+testToken, http.StatusBadRequest) },
		"connection closed": dropConnection,
		"200 bad JSON":      answerJSON(http.StatusOK, []byte(`{"data": {"id": "`+testToken+`"}}`)),
		"transfer rejected": answerJSON(http.StatusOK, []byte(`{"error": "`+testToken+`"}`)),
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			var logs bytes.Buffer
			rec := newRecorder(t, h)
			c := rec.client(t, chatsdk.WithMaxRetries(1), chatsdk.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
			ctx := context.Background()
			var errs []error
			_, err := c.Agents.Get(ctx, 1)
			errs = append(errs, err)
			_, err = c.Agents.Invite(ctx, &InviteAgentParams{FullName: "J", AuthorizationLevel: LevelAdmin, Email: "j@example.com"})
			errs = append(errs, err)
			_, err = c.Chats.Transfer(ctx, 1, &TransferChatParams{AgentUsernameFrom: "a", AgentUsernameTo: "b"})
			errs = append(errs, err)
			for _, err := range errs {
				if err == nil {
					continue
				}
				assert.NotContains(t, err.Error(), testToken)
				assert.NotContains(t, err.Error(), "5ecret")
			}
			assert.NotContains(t, logs.String(), "5ecret")
		})
	}
}

func TestTokenNeverInConstructionErrors(t *testing.T) {
	_, err := NewClient("bad token with spaces", chatsdk.WithBaseURL("http://127.0.0.1:1/api/v1"))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "bad token with spaces")
	_, err = NewClient("")
	require.Error(t, err)
}

func TestAuthorizationHeader(t *testing.T) {
	rec := newRecorder(t, answerJSON(http.StatusOK, fixture(t, "groups_list.response.json")))
	_, err := rec.client(t).Groups.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, rec.requests()[0].Header.Get("Authorization"))
	assert.True(t, strings.HasPrefix(rec.requests()[0].Header.Get("User-Agent"), "chatsdk-go/"))

	var n atomic.Int32
	c, err := NewClient("", chatsdk.WithBaseURL(rec.URL+"/api/v1"), chatsdk.WithTokenSource(func(context.Context) (string, error) {
		return "rotated-" + strconv.Itoa(int(n.Add(1))), nil
	}))
	require.NoError(t, err)
	_, err = c.Groups.List(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "Bearer rotated-1", rec.requests()[1].Header.Get("Authorization"))
}

func TestDefaultBaseURL(t *testing.T) {
	c, err := NewClient(testToken)
	require.NoError(t, err)
	assert.Equal(t, "http://localhost:5000/api/v1", c.BaseURL())
	assert.Equal(t, DefaultBaseURL, c.BaseURL())
}

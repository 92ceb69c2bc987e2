package chatio_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

const testToken = "fra-7XNqYbjTS4ux1uSdp1ig8w"

// fixture reads testdata/chatio/<name>.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	return testkit.Fixture(t, "chatio", name)
}

// recorded is one request the test server received.
type recorded struct {
	method, path string
	header       http.Header
	body         []byte
}

// testServer answers every request with handler and records what it got.
type testServer struct {
	*httptest.Server
	receipts atomic.Int32
	last     atomic.Pointer[recorded]
}

func newTestServer(t *testing.T, handler func(w http.ResponseWriter, r *http.Request, n int)) *testServer {
	t.Helper()
	ts := &testServer{}
	ts.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		n := int(ts.receipts.Add(1))
		ts.last.Store(&recorded{r.Method, r.URL.Path, r.Header.Clone(), body})
		handler(w, r, n)
	}))
	t.Cleanup(ts.Close)
	return ts
}

// answer returns a handler that always answers status with body.
func answer(status int, body []byte) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
}

func newClient(t *testing.T, ts *testServer, opts ...chatsdk.Option) *chatio.Client {
	t.Helper()
	opts = append([]chatsdk.Option{
		chatsdk.WithBaseURL(ts.URL + "/configuration/v0.4"),
		chatsdk.WithRetryWaitMin(time.Millisecond),
		chatsdk.WithRetryWaitMax(5 * time.Millisecond),
	}, opts...)
	c, err := chatio.NewClient(testToken, opts...)
	require.NoError(t, err)
	return c
}

// operation is one documented operation, called with the values of its
// documented request example.
type operation struct {
	name string // fixture base name
	// endpoint is the operation's line of internal/endpoints/chatio.txt.
	endpoint string
	replays  bool // retried after a 503
	call     func(ctx context.Context, c *chatio.Client) (any, error)
}

var documentedGroups = []chatio.Group{
	{ID: 0, Priority: chatio.PriorityNormal},
	{ID: 1, Priority: chatio.PriorityNormal},
	{ID: 2, Priority: chatio.PriorityFirst},
}

// operations lists one case per line of internal/endpoints/chatio.txt. Values are written out as a user would
// write them, filters with the builders, so that the golden comparison tests
// the models' JSON names as well as the requests.
var operations = []operation{
	{"bot_agents_create", "POST /agents/create_bot_agent", false, func(ctx context.Context, c *chatio.Client) (any, error) {
		return c.BotAgents.Create(ctx, &chatio.CreateBotAgentParams{
			Name:          "John Doe",
			Avatar:        "livechat.s3.amazonaws.com/1011121/all/avatars/bdd8924fcbcdbddbeaf60c19b238b0b0.jpg",
			Status:        chatio.StatusAcceptingChats,
			MaxChatsCount: chatsdk.Ptr(6),
			Groups:        documentedGroups,
			Webhooks: &chatio.BotAgentWebhooks{
				URL:       "http://myservice.com/webhooks",
				SecretKey: "JSauw0Aks8l-asAa",
				Actions: []chatio.BotAgentWebhookAction{
					{Name: chatio.ActionIncomingChatThread},
					{Name: chatio.ActionIncomingEvent},
				},
			},
		})
	}},
	{"bot_agents_remove", "POST /agents/remove_bot_agent", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		return nil, c.BotAgents.Remove(ctx, "5c9871d5372c824cbf22d860a707a578")
	}},
	{"bot_agents_update", "POST /agents/update_bot_agent", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		six := 6
		return nil, c.BotAgents.Update(ctx, "5c9871d5372c824cbf22d860a707a578", &chatio.UpdateBotAgentParams{
			Status:        chatio.StatusAcceptingChats,
			MaxChatsCount: &six,
			Webhooks: &chatio.BotAgentWebhooks{
				URL:       "http://myservice.com/webhooks",
				SecretKey: "JSauw0Aks8l-asAa",
				Actions: []chatio.BotAgentWebhookAction{
					{
						Name:    chatio.ActionIncomingChatThread,
						Filters: chatio.NewFilters(chatio.ChatProperty("source", "type").Values("facebook", "twitter")),
					},
					{Name: chatio.ActionIncomingEvent},
				},
			},
		})
	}},
	{"bot_agents_list", "POST /agents/get_bot_agents", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		bots, err := c.BotAgents.List(ctx, &chatio.ListBotAgentsParams{All: false})
		return map[string]any{"bot_agents": bots}, err
	}},
	{"bot_agents_get", "POST /agents/get_bot_agent_details", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		bot, err := c.BotAgents.Get(ctx, "5c9871d5372c824cbf22d860a707a578")
		return map[string]any{"bot_agent": bot}, err
	}},
	{"webhooks_register", "POST /webhooks/register_webhook", false, func(ctx context.Context, c *chatio.Client) (any, error) {
		return c.Webhooks.Register(ctx, &chatio.RegisterWebhookParams{
			URL:         "http://myservice.com/webhooks",
			Description: "Test webhook",
			Action:      chatio.ActionThreadClosed,
			SecretKey:   "laudla991lamda0pnoaa0",
			Filters: chatio.NewFilters(
				chatio.ChatProperty("source", "type").Values("facebook", "twitter"),
				chatio.ChatProperty("rating", "comment").Exists(true),
				chatio.ChatMembers("johndoe@mail.com"),
			),
		})
	}},
	{"webhooks_list", "POST /webhooks/get_webhooks_config", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		hooks, err := c.Webhooks.List(ctx)
		return map[string]any{"webhooks_config": hooks}, err
	}},
	{"webhooks_unregister", "POST /webhooks/unregister_webhook", true, func(ctx context.Context, c *chatio.Client) (any, error) {
		return nil, c.Webhooks.Unregister(ctx, "pqi8oasdjahuakndw9nsad9na")
	}},
}

// TestGoldenOperations sends every operation to a server that answers with
// the documented example, and checks the request (method, path, headers,
// JSON body against the request example) and the decoded answer, field by
// field, against the response example.
func TestGoldenOperations(t *testing.T) {
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			method, path, _ := strings.Cut(op.endpoint, " ")
			response := op.name + ".response.json"
			ts := newTestServer(t, answer(http.StatusOK, fixture(t, response)))
			got, err := op.call(context.Background(), newClient(t, ts))
			require.NoError(t, err)

			require.EqualValues(t, 1, ts.receipts.Load())
			req := ts.last.Load()
			assert.Equal(t, method, req.method)
			assert.Equal(t, "/configuration/v0.4"+path, req.path)
			assert.Equal(t, "Bearer "+testToken, req.header.Get("Authorization"))
			assert.Equal(t, "application/json", req.header.Get("Content-Type"))
			assert.Equal(t, "application/json", req.header.Get("Accept"))
			testkit.AssertJSONEqualFixture(t, "chatio", op.name+".request.json", req.body)

			if got == nil {
				testkit.AssertJSONEqualFixture(t, "chatio", response, []byte("{}"))
				return
			}
			testkit.AssertFieldsMatchFixture(t, "chatio", response, got, nil)
		})
	}
}

// TestGoldenCoversEveryEndpoint fails for a line of
// internal/endpoints/chatio.txt without a golden case, and for a case of no
// line.
func TestGoldenCoversEveryEndpoint(t *testing.T) {
	var keys []string
	for _, op := range operations {
		keys = append(keys, op.endpoint)
	}
	testkit.AssertSameKeys(t, "chatio", "golden case", keys)
}

func TestDefaultBaseURL(t *testing.T) {
	assert.Equal(t, "https://api.chat.io/configuration/v0.4", chatio.DefaultBaseURL)
	var seen *http.Request
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = r
		return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{"webhooks_config":[]}`)), Request: r}, nil
	})}
	c, err := chatio.NewClient(testToken, chatsdk.WithHTTPClient(hc))
	require.NoError(t, err)
	hooks, err := c.Webhooks.List(context.Background())
	require.NoError(t, err)
	assert.Empty(t, hooks)
	assert.Equal(t, "https://api.chat.io/configuration/v0.4/webhooks/get_webhooks_config", seen.URL.String())
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestNilListParamsSendAllFalse(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusOK, fixture(t, "bot_agents_list.response.json")))
	_, err := newClient(t, ts).BotAgents.List(context.Background(), nil)
	require.NoError(t, err)
	assert.JSONEq(t, `{"all":false}`, string(ts.last.Load().body))
}

func TestUpdateNilParamsSendsOnlyID(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusOK, []byte(`{}`)))
	require.NoError(t, newClient(t, ts).BotAgents.Update(context.Background(), "b1", nil))
	assert.JSONEq(t, `{"id":"b1"}`, string(ts.last.Load().body))
}

// keyPaths returns every object key path in a JSON document, with array
// indexes written as [].
func keyPaths(t *testing.T, data []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	set := map[string]bool{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, child := range x {
				p := prefix + "." + k
				set[p] = true
				walk(p, child)
			}
		case []any:
			for _, child := range x {
				walk(prefix+"[]", child)
			}
		}
	}
	walk("", v)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestFixtureKeysRoundTrip decodes every documented example into its model
// and encodes it again: no documented attribute may be dropped or renamed.
func TestFixtureKeysRoundTrip(t *testing.T) {
	models := map[string]func() any{
		"bot_agents_create.request.json":  func() any { return new(chatio.CreateBotAgentParams) },
		"bot_agents_create.response.json": func() any { return new(chatio.CreatedBotAgent) },
		"bot_agents_remove.request.json": func() any {
			return new(struct {
				BotAgentID string `json:"bot_agent_id"`
			})
		},
		"bot_agents_update.request.json": func() any {
			return new(struct {
				ID string `json:"id"`
				chatio.UpdateBotAgentParams
			})
		},
		"bot_agents_list.request.json": func() any { return new(chatio.ListBotAgentsParams) },
		"bot_agents_list.response.json": func() any {
			return new(struct {
				BotAgents []chatio.BotAgent `json:"bot_agents"`
			})
		},
		"bot_agents_get.response.json": func() any {
			return new(struct {
				BotAgent chatio.BotAgent `json:"bot_agent"`
			})
		},
		"webhooks_register.request.json":  func() any { return new(chatio.RegisterWebhookParams) },
		"webhooks_register.response.json": func() any { return new(chatio.RegisteredWebhook) },
		"webhooks_list.response.json": func() any {
			return new(struct {
				WebhooksConfig []chatio.Webhook `json:"webhooks_config"`
			})
		},
	}
	for name, model := range models {
		t.Run(name, func(t *testing.T) {
			data := fixture(t, name)
			v := model()
			dec := json.NewDecoder(strings.NewReader(string(data)))
			dec.DisallowUnknownFields()
			require.NoError(t, dec.Decode(v), "every documented attribute has a field")
			again, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, keyPaths(t, data), keyPaths(t, again))
			assert.JSONEq(t, string(data), string(again))
		})
	}
	// The request models must also pass validation.
	for name, v := range map[string]interface{ Validate() error }{
		"bot_agents_create.request.json": new(chatio.CreateBotAgentParams),
		"webhooks_register.request.json": new(chatio.RegisterWebhookParams),
	} {
		require.NoError(t, json.Unmarshal(fixture(t, name), v))
		assert.NoError(t, v.Validate(), name)
	}
}

// TestAuthenticationExample replays the curl example of the documentation's
// Authentication section.
func TestAuthenticationExample(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusOK, fixture(t, "bot_agents_get.response.json")))
	c, err := chatio.NewClient("fra-7XNqYbjTS4ux1uSdp1ig8w", chatsdk.WithBaseURL(ts.URL+"/configuration/v0.4"))
	require.NoError(t, err)
	_, err = c.BotAgents.Get(context.Background(), "9a1829e224aea210da3a3f46a7074e28")
	require.NoError(t, err)
	req := ts.last.Load()
	assert.Equal(t, "POST /configuration/v0.4/agents/get_bot_agent_details", req.method+" "+req.path)
	assert.Equal(t, "Bearer fra-7XNqYbjTS4ux1uSdp1ig8w", req.header.Get("Authorization"))
	assert.JSONEq(t, string(fixture(t, "authentication_example.request.json")), string(req.body))
}

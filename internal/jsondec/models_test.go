package jsondec_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
	"github.com/chatsdk-go/chatsdk/chatio/webhook"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/internal/fixturemodels"
	"github.com/chatsdk-go/chatsdk/internal/jsondec"
	"github.com/chatsdk-go/chatsdk/internal/testkit"
)

// modelCheck decodes a document into one SDK type with both decoders.
type modelCheck struct {
	typ string
	// diff describes how the two results differ, or returns "".
	diff func([]byte) string
	// fast reports whether the fast path decodes the document.
	fast func([]byte) bool
}

func checkOf[T any]() modelCheck { return checkOfType(reflect.TypeFor[T]()) }

// checkOfType is the modelCheck of typ.
func checkOfType(typ reflect.Type) modelCheck {
	return modelCheck{
		typ:  strings.ReplaceAll(typ.String(), "github.com/chatsdk-go/chatsdk/", ""),
		diff: func(data []byte) string { return diffAs(typ, data) },
		fast: func(data []byte) bool { return jsondec.DecodeFast(data, reflect.New(typ).Interface()) },
	}
}

// resources checks an answer as a ChatrHub client reads it: an envelope of
// one resource and one of a list of them (the client tries the other when
// "data" has the other shape).
func resources[T any]() []modelCheck {
	return []modelCheck{
		checkOf[chatrhub.Envelope[chatrhub.Resource[T]]](),
		checkOf[chatrhub.Envelope[[]chatrhub.Resource[T]]](),
	}
}

func single[T any]() []modelCheck { return []modelCheck{checkOf[T]()} }

// chatrhubModels covers every fixture of fixturemodels.Chatrhub.
var chatrhubModels = map[string][]modelCheck{
	"agent_activity_get.response.json":            resources[chatrhub.AgentActivity](),
	"agent_groups_list.response.json":             resources[chatrhub.AgentGroup](),
	"agent_groups_get.response.json":              resources[chatrhub.AgentGroup](),
	"agent_groups_assign.response.json":           resources[chatrhub.AgentGroup](),
	"agent_groups_remove.response.json":           single[chatrhub.Success](),
	"agents_list.response.json":                   resources[chatrhub.Agent](),
	"agents_get.response.json":                    resources[chatrhub.Agent](),
	"agents_update.response.json":                 resources[chatrhub.Agent](),
	"agents_invite.response.json":                 resources[chatrhub.Agent](),
	"chats_list.response.json":                    resources[chatrhub.Chat](),
	"chats_get.response.json":                     resources[chatrhub.Chat](),
	"chats_update_tag.response.json":              resources[chatrhub.Chat](),
	"chats_report.response.json":                  resources[chatrhub.ChatReport](),
	"chats_transfer.response.json":                single[chatrhub.Success](),
	"groups_list.response.json":                   resources[chatrhub.Group](),
	"groups_get.response.json":                    resources[chatrhub.Group](),
	"groups_add.response.json":                    resources[chatrhub.Group](),
	"groups_edit.response.json":                   resources[chatrhub.Group](),
	"groups_remove.response.json":                 single[chatrhub.Success](),
	"messages_list.response.json":                 resources[chatrhub.Message](),
	"tasks_list.response.json":                    resources[chatrhub.Task](),
	"tasks_update_machine_learning.response.json": resources[chatrhub.Task](),
	"tasks_update_operational.response.json":      resources[chatrhub.Task](),
	"visitors_list.response.json":                 resources[chatrhub.Visitor](),
	"visitors_get_by_username.response.json":      resources[chatrhub.Visitor](),
	"visitors_add.response.json":                  resources[chatrhub.Visitor](),
	"visitors_edit.response.json":                 resources[chatrhub.Visitor](),
}

// giosgModels checks every fixture of fixturemodels.Giosg as the type its
// decoder there returns.
func giosgModels(t testing.TB) map[string][]modelCheck {
	t.Helper()
	out := map[string][]modelCheck{}
	for name, decode := range fixturemodels.Giosg {
		v, err := decode(testkit.Fixture(t, "giosg", name))
		require.NoError(t, err, name)
		out[name] = []modelCheck{checkOfType(reflect.TypeOf(v).Elem())}
	}
	return out
}

// The answers of chat.io's bot agent and webhook calls, as the client reads
// them.
type (
	botAgentAnswer struct {
		BotAgent *chatio.BotAgent `json:"bot_agent"`
	}
	botAgentsAnswer struct {
		BotAgents []chatio.BotAgent `json:"bot_agents"`
	}
	webhooksAnswer struct {
		WebhooksConfig []chatio.Webhook `json:"webhooks_config"`
	}
	emptyAnswer struct{}
)

// delivery is a chat.io webhook body with its data decoded as P.
type delivery[P any] struct {
	WebhookID string               `json:"webhook_id"`
	SecretKey string               `json:"secret_key"`
	Action    chatio.WebhookAction `json:"action"`
	Data      P                    `json:"data"`
}

// rawDelivery is a chat.io webhook body as webhook.Parse first reads it.
type rawDelivery = delivery[json.RawMessage]

func webhookBody[P any]() []modelCheck {
	return []modelCheck{checkOf[rawDelivery](), checkOf[delivery[P]](), checkOf[P]()}
}

var chatioModels = map[string][]modelCheck{
	"bot_agents_create.response.json":   single[chatio.CreatedBotAgent](),
	"bot_agents_get.response.json":      single[botAgentAnswer](),
	"bot_agents_list.response.json":     single[botAgentsAnswer](),
	"bot_agents_remove.response.json":   single[emptyAnswer](),
	"bot_agents_update.response.json":   single[emptyAnswer](),
	"webhooks_list.response.json":       single[webhooksAnswer](),
	"webhooks_register.response.json":   single[chatio.RegisteredWebhook](),
	"webhooks_unregister.response.json": single[emptyAnswer](),

	"webhooks/incoming_chat_thread.json":           webhookBody[webhook.IncomingChatThread](),
	"webhooks/chat_users_updated.json":             webhookBody[webhook.ChatUsersUpdated](),
	"webhooks/incoming_event.json":                 webhookBody[webhook.IncomingEvent](),
	"webhooks/last_seen_timestamp_updated.json":    webhookBody[webhook.LastSeenTimestampUpdated](),
	"webhooks/thread_closed.json":                  webhookBody[webhook.ThreadClosed](),
	"webhooks/chat_scopes_updated.json":            webhookBody[webhook.ChatScopesUpdated](),
	"webhooks/chat_properties_updated.json":        webhookBody[webhook.ChatPropertiesUpdated](),
	"webhooks/chat_thread_properties_updated.json": webhookBody[webhook.ChatThreadPropertiesUpdated](),
}

// modelFixture is one fixture with the types it is decoded into.
type modelFixture struct {
	api, name string
	data      []byte
	checks    []modelCheck
}

func modelFixtures(t testing.TB) []modelFixture {
	t.Helper()
	var out []modelFixture
	for _, table := range []struct {
		api    string
		models map[string][]modelCheck
	}{{"chatrhub", chatrhubModels}, {"giosg", giosgModels(t)}, {"chatio", chatioModels}} {
		names := make([]string, 0, len(table.models))
		for n := range table.models {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			out = append(out, modelFixture{api: table.api, name: n, data: testkit.Fixture(t, table.api, n), checks: table.models[n]})
		}
	}
	return out
}

func TestModelTablesCoverFixtures(t *testing.T) {
	for name := range fixturemodels.Chatrhub {
		require.Contains(t, chatrhubModels, name)
	}
	root := testkit.Root(t)
	for _, dir := range []struct {
		api, glob string
		models    map[string][]modelCheck
	}{
		{"chatrhub", "*.response.json", chatrhubModels},
		{"chatio", "*.response.json", chatioModels},
		{"chatio", "webhooks/*.json", chatioModels},
	} {
		files, err := filepath.Glob(filepath.Join(root, "testdata", dir.api, filepath.FromSlash(dir.glob)))
		require.NoError(t, err)
		require.NotEmpty(t, files)
		for _, f := range files {
			rel, err := filepath.Rel(filepath.Join(root, "testdata", dir.api), f)
			require.NoError(t, err)
			require.Contains(t, dir.models, filepath.ToSlash(rel))
		}
	}
}

func TestModelFixturesMatchEncodingJSON(t *testing.T) {
	for _, f := range modelFixtures(t) {
		for _, c := range f.checks {
			if diff := c.diff(f.data); diff != "" {
				t.Errorf("%s/%s as %s: %s", f.api, f.name, c.typ, diff)
			}
		}
	}
}

// mutationBytes replace one byte of a fixture at a time.
var mutationBytes = []byte{'"', '}', '1', 'n', '\\'}

// mutationStep is the distance between the offsets mutated: 7, or 61
// with -short or under the race detector (ten times slower).
func mutationStep() int {
	if testing.Short() || raceEnabled {
		return 61
	}
	return 7
}

func TestMutatedModelFixturesMatchEncodingJSON(t *testing.T) {
	var decoded, fast, failures int
	for _, f := range modelFixtures(t) {
		buf := make([]byte, len(f.data))
		for i := 0; i < len(f.data); i += mutationStep() {
			for _, b := range mutationBytes {
				if f.data[i] == b {
					continue
				}
				copy(buf, f.data)
				buf[i] = b
				for _, c := range f.checks {
					decoded++
					if c.fast(buf) {
						fast++
					}
					if diff := c.diff(buf); diff != "" {
						failures++
						if failures <= 10 {
							t.Errorf("%s/%s byte %d = %q, as %s: %s", f.api, f.name, i, b, c.typ, diff)
						}
					}
				}
			}
		}
	}
	t.Logf("%d mutated documents decoded, %d of them on the fast path, %d differ", decoded, fast, failures)
	require.Zero(t, failures)
}

// readSeeds returns the fixtures as fuzz seeds.
func readSeeds(t testing.TB) [][]byte {
	t.Helper()
	root := testkit.Root(t)
	var out [][]byte
	for _, glob := range []string{"chatrhub/*.response.json", "giosg/chat_messages_list.response.json", "giosg/chat_get.response.json"} {
		files, err := filepath.Glob(filepath.Join(root, "testdata", filepath.FromSlash(glob)))
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			out = append(out, b)
		}
	}
	return out
}

package chatio_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatio"
)

func TestDocumentedErrorFixture(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusUnauthorized, fixture(t, "error.json")))
	_, err := newClient(t, ts).BotAgents.Get(context.Background(), "b1")
	require.Error(t, err)
	assert.ErrorIs(t, err, chatsdk.ErrUnauthorized)
	var apiErr *chatsdk.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, chatio.ErrorTypeAuthentication, apiErr.Type)
	assert.Equal(t, "Authentication error", apiErr.Message)
	assert.Equal(t, "chatio.BotAgents.Get", apiErr.Operation)
	assert.Equal(t, "/configuration/v0.4/agents/get_bot_agent_details", apiErr.Path)
	assert.Contains(t, err.Error(), "(authentication): Authentication error")
}

func TestErrorTypes(t *testing.T) {
	tests := []struct {
		status   int
		typ, msg string
		sentinel error
	}{
		{400, chatio.ErrorTypeValidation, "Wrong format of request", chatsdk.ErrBadRequest},
		{401, chatio.ErrorTypeAuthentication, "Authentication error", chatsdk.ErrUnauthorized},
		{403, chatio.ErrorTypeAuthorization, "Authorization error", chatsdk.ErrForbidden},
		{403, chatio.ErrorTypeLicenseExpired, "License expired", chatsdk.ErrForbidden},
		{404, chatio.ErrorTypeNotFound, "bot agent not found", chatsdk.ErrNotFound},
		{400, chatio.ErrorTypeUnsupportedVersion, "Unsupported version", chatsdk.ErrBadRequest},
		{408, chatio.ErrorTypeRequestTimeout, "Request timeouted", nil},
		{500, chatio.ErrorTypeInternal, "Internal server error", chatsdk.ErrServer},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			body := `{"error":{"type":"` + tc.typ + `","message":"` + tc.msg + `"}}`
			ts := newTestServer(t, answer(tc.status, []byte(body)))
			err := newClient(t, ts, chatsdk.WithMaxRetries(0)).BotAgents.Remove(context.Background(), "b1")
			var apiErr *chatsdk.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, tc.typ, apiErr.Type)
			assert.Equal(t, tc.msg, apiErr.Message)
			assert.Equal(t, body, string(apiErr.Body))
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel)
			}
		})
	}
}

func TestResponseDecodeErrors(t *testing.T) {
	tests := []struct {
		op, body, field string
	}{
		{"bot_agents_create", `{"other":1}`, "bot_agent_id"},
		{"bot_agents_create", `{}`, ""},
		{"webhooks_register", `{"webhook_id":""}`, "webhook_id"},
		{"bot_agents_get", `{"other":1}`, "bot_agent"},
		{"bot_agents_get", `{}`, ""},
		{"bot_agents_get", `{"bot_agent":{"max_chats_count":"six"}}`, "bot_agent.max_chats_count"},
		{"bot_agents_list", `{"bot_agents":{"id":"x"}}`, "bot_agents"},
		{"webhooks_list", `{"webhooks_config":[{"filters":{"chat_properties":{"a":{"b":{"values":"x"}}}}}]}`, "webhooks_config.filters.chat_properties"},
	}
	for _, tc := range tests {
		t.Run(tc.op+tc.body, func(t *testing.T) {
			ts := newTestServer(t, answer(http.StatusOK, []byte(tc.body)))
			_, err := opByName(t, tc.op).call(context.Background(), newClient(t, ts))
			var de *chatsdk.DecodeError
			require.ErrorAs(t, err, &de)
			assert.True(t, strings.HasPrefix(de.Field, tc.field), "field %q, want prefix %q", de.Field, tc.field)
			assert.Equal(t, http.StatusOK, de.StatusCode)
		})
	}
}

func TestUnknownResponseFieldsAreIgnored(t *testing.T) {
	ts := newTestServer(t, answer(http.StatusOK, []byte(`{"bot_agent":{"id":"b1","name":"n","status":"offline","new_field":{"x":1}},"extra":true}`)))
	bot, err := newClient(t, ts).BotAgents.Get(context.Background(), "b1")
	require.NoError(t, err)
	assert.Equal(t, &chatio.BotAgent{ID: "b1", Name: "n", Status: chatio.StatusOffline}, bot)
}

func TestParamErrorMessage(t *testing.T) {
	err := error(&chatsdk.ParamError{Operation: "chatio.Webhooks.Register", Field: "action", Problem: "required"})
	assert.Equal(t, "chatio.Webhooks.Register: invalid parameters: action: required", err.Error())
	assert.ErrorIs(t, err, chatio.ErrInvalidParams)
	assert.Equal(t, "invalid parameters: required", (&chatsdk.ParamError{Problem: "required"}).Error())
}

package giosgtest_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/giosg"
	"github.com/chatsdk-go/chatsdk/giosg/giosgtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawRequest sends a request with the given Authorization header ("" for
// none) and returns the status, the header and the decoded error body.
func rawRequest(t *testing.T, srv *giosgtest.Server, method, path, auth string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.BaseURL+path, nil)
	require.NoError(t, err)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]any
	if resp.StatusCode != http.StatusOK {
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	}
	return resp.StatusCode, resp.Header, body
}

func TestAuthentication(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	path := "/api/v5/users/" + giosgtest.UserID + "/chats"

	status, h, body := rawRequest(t, srv, "GET", path, "")
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "Authentication credentials were not provided.", body["detail"])
	assert.NotEmpty(t, h.Get("WWW-Authenticate"))
	for _, auth := range []string{"Token wrong", "Bearer wrong", "Basic " + srv.Token, srv.Token, "Token " + srv.Token + "x"} {
		status, _, body = rawRequest(t, srv, "GET", path, auth)
		assert.Equal(t, http.StatusUnauthorized, status, auth)
		assert.NotEmpty(t, body["detail"])
	}
	for _, auth := range []string{"Token " + srv.Token, "Bearer " + srv.Token, "token " + srv.Token} {
		status, _, _ = rawRequest(t, srv, "GET", path, auth)
		assert.Equal(t, http.StatusOK, status, auth)
	}

	// Through the client: the default Token scheme, the OAuth Bearer one,
	// and a wrong token.
	for _, c := range []*giosg.Client{newClient(t, srv), newClient(t, srv, giosg.WithOAuthToken())} {
		_, err := c.Chats.Get(ctx, giosg.OrgOwnedChats(giosgtest.OrgID), giosgtest.ChatID)
		require.NoError(t, err)
	}
	bad, err := giosg.NewClient("wrong", chatsdk.WithBaseURL(srv.BaseURL))
	require.NoError(t, err)
	_, err = bad.Chats.Get(ctx, giosg.OrgOwnedChats(giosgtest.OrgID), giosgtest.ChatID)
	require.ErrorIs(t, err, chatsdk.ErrUnauthorized)
	assert.NotContains(t, err.Error(), srv.Token)
}

func TestWithToken(t *testing.T) {
	srv := giosgtest.NewServer(giosgtest.WithToken("s3cret"))
	defer srv.Close()
	assert.Equal(t, "s3cret", srv.Token)
	assert.Equal(t, srv.URL, srv.BaseURL)
	status, _, _ := rawRequest(t, srv, "GET", "/api/v5/users/"+giosgtest.UserID+"/chats", "Token "+giosgtest.DefaultToken)
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _, _ = rawRequest(t, srv, "GET", "/api/v5/users/"+giosgtest.UserID+"/chats", "Token s3cret")
	assert.Equal(t, http.StatusOK, status)
}

func TestErrors(t *testing.T) {
	srv := giosgtest.NewServer()
	defer srv.Close()
	auth := "Token " + srv.Token
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/api/v5/users/no-such-user/chats", http.StatusForbidden},
		{"GET", "/api/v5/orgs/no-such-org/owned_chats", http.StatusForbidden},
		{"GET", "/api/v5/orgs/" + giosgtest.OrgID + "/owned_chats/no-such-chat", http.StatusNotFound},
		{"GET", "/api/v5/orgs/" + giosgtest.OrgID + "/rooms/no-such-room/chats", http.StatusNotFound},
		{"GET", "/api/v5/orgs/" + giosgtest.PartnerOrgID + "/rooms/" + giosgtest.RoomID + "/chats", http.StatusNotFound},
		{"GET", "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.PendingChatID + "/messages", http.StatusNotFound},
		{"GET", "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.ChatID + "/messages/no-such-message/reply_suggestions", http.StatusNotFound},
		{"GET", "/api/v5/users/" + giosgtest.UserID + "/chats/" + giosgtest.ChatID + "/visitors/no-such-visitor/chat_memberships", http.StatusNotFound},
		{"GET", "/api/v5/users/" + giosgtest.UserID + "/pending_chats/" + giosgtest.ChatID + "/memberships", http.StatusNotFound},
		{"PUT", "/api/v5/users/" + giosgtest.UserID + "/chat_memberships/no-such-chat", http.StatusNotFound},
		{"GET", "/api/v5/no/such/path", http.StatusNotFound},
		{"DELETE", "/api/v5/users/" + giosgtest.UserID + "/chats", http.StatusMethodNotAllowed},
	} {
		status, h, body := rawRequest(t, srv, tc.method, tc.path, auth)
		assert.Equal(t, tc.status, status, "%s %s", tc.method, tc.path)
		assert.NotEmpty(t, body["detail"], "%s %s", tc.method, tc.path)
		if status == http.StatusMethodNotAllowed {
			assert.Contains(t, h.Get("Allow"), "GET")
		}
	}
	// Errors reach the client as *chatsdk.APIError with the detail.
	c := newClient(t, srv)
	_, err := c.Chats.Get(ctx, giosg.OrgOwnedChats(giosgtest.OrgID), "no-such-chat")
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	var ae *chatsdk.APIError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Chat not found.", ae.Message)
	_, err = c.Chats.ListPage(ctx, giosg.UserChats("someone-else"), nil)
	require.ErrorIs(t, err, chatsdk.ErrForbidden)
	// A body that is not JSON is a 400.
	status := send(t, srv, "PATCH", "/api/v5/users/"+giosgtest.UserID+"/chats/"+giosgtest.ChatID, "{not json", nil)
	assert.Equal(t, http.StatusBadRequest, status)
	status = send(t, srv, "PATCH", "/api/v5/users/"+giosgtest.UserID+"/chats/"+giosgtest.ChatID, "{}", nil)
	assert.Equal(t, http.StatusBadRequest, status, "neither is_ended nor is_waiting")
	status = send(t, srv, "PATCH", "/api/v5/users/"+giosgtest.UserID+"/chats/"+giosgtest.ChatID, `{"is_waiting": true}`, nil)
	assert.Equal(t, http.StatusBadRequest, status)
	status = send(t, srv, "POST", "/api/v5/users/"+giosgtest.UserID+"/chats", strings.Repeat(" ", 10), nil)
	assert.Equal(t, http.StatusCreated, status, "an empty body creates an empty chat")
}

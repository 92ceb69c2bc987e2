package main

import (
	"bytes"
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunChatrHubOfflineListsAndReportsTheSameRange(t *testing.T) {
	t.Setenv("CHATRHUB_TOKEN", "")
	var out bytes.Buffer
	require.NoError(t, runChatrHub(context.Background(), &out))
	listed := regexp.MustCompile(`(?m)^(\d+) chats in June 2018:$`).FindStringSubmatch(out.String())
	require.NotNil(t, listed, out.String())
	reported := regexp.MustCompile(`(?m)^report (\S+)\.\.(\S+): (\d+) chats,`).FindStringSubmatch(out.String())
	require.NotNil(t, reported, out.String())
	assert.Equal(t, []string{"2018-06-01", "2018-06-30"}, reported[1:3], "the report covers June 2018")
	assert.Equal(t, listed[1], reported[3], "the report counts the chats listed")
}

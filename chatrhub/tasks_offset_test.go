package chatrhub_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// newSparseTaskServer is a fake holding open operational tasks whose IDs are
// not 1..n (10, 20, 35, 70), with a machine learning task (15) between them,
// and a client of it.
func newSparseTaskServer(t *testing.T) (*chatrhubtest.Server, *chatrhub.Client) {
	t.Helper()
	srv := chatrhubtest.NewServer(chatrhubtest.WithoutExamples(), chatrhubtest.WithPageSize(2))
	t.Cleanup(srv.Close)
	for _, id := range []int64{10, 20, 35, 70} {
		srv.AddTask(chatrhub.Task{ID: id, TaskType: chatrhub.TaskOperational, NodeName: "node"})
	}
	srv.AddTask(chatrhub.Task{ID: 15, TaskType: chatrhub.TaskMachineLearning})
	c, err := chatrhub.NewClient(srv.Token, chatsdk.WithBaseURL(srv.BaseURL), chatsdk.WithMaxRetries(0))
	require.NoError(t, err)
	return srv, c
}

// afters is the after query parameter of every List Tasks request srv saw.
func afters(srv *chatrhubtest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		if r.Path == "/q_tasks.json" {
			out = append(out, r.Query.Get("after"))
		}
	}
	return out
}

// TestTasksAllSendsAfterAsAnOffset pins the documented meaning of List
// Tasks' after: the number of tasks to skip, not a task ID. Each next page
// asks for after = the number of tasks already returned.
func TestTasksAllSendsAfterAsAnOffset(t *testing.T) {
	srv, c := newSparseTaskServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	var ids []int64
	for task, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, MaxPages: 10}) {
		require.NoError(t, err)
		ids = append(ids, task.ID)
	}
	assert.Equal(t, []int64{10, 20, 35, 70}, ids)
	assert.Equal(t, []string{"0", "2", "4"}, afters(srv))
}

// TestTasksListNextAfterIsAnOffset: a page's NextAfter is its After plus the
// number of tasks on it, whatever the tasks' IDs.
func TestTasksListNextAfterIsAnOffset(t *testing.T) {
	_, c := newSparseTaskServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	page, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, After: 1})
	require.NoError(t, err)
	require.Len(t, page.Tasks, 2)
	assert.Equal(t, int64(20), page.Tasks[0].ID)
	assert.Equal(t, int64(35), page.Tasks[1].ID)
	assert.Equal(t, int64(3), page.NextAfter)
}

// TestFakeAnswersListTasksByOffset: the fake skips the first after matching
// tasks; after=2 is the third and fourth operational task, not the tasks
// with IDs above 2.
func TestFakeAnswersListTasksByOffset(t *testing.T) {
	_, c := newSparseTaskServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	for after, want := range map[int64][]int64{0: {10, 20}, 2: {35, 70}, 3: {70}, 4: nil, 20: nil} {
		page, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, After: after})
		require.NoError(t, err)
		var got []int64
		for _, task := range page.Tasks {
			got = append(got, task.ID)
		}
		assert.Equal(t, want, got, "after=%d", after)
	}
}

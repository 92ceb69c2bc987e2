package chatrhubtest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatrhub"
	"github.com/chatsdk-go/chatsdk/chatrhub/chatrhubtest"
)

// allTaskFilters are the four task_type x is_resolved combinations; every
// task matches exactly one.
var allTaskFilters = []chatrhub.ListTasksParams{
	{TaskType: chatrhub.TaskOperational, IsResolved: false},
	{TaskType: chatrhub.TaskOperational, IsResolved: true},
	{TaskType: chatrhub.TaskMachineLearning, IsResolved: false},
	{TaskType: chatrhub.TaskMachineLearning, IsResolved: true},
}

func TestTaskIteratorYieldsEveryTaskOnce(t *testing.T) {
	for _, size := range []int{1, 3, 4, 10, 100} {
		srv, c := setup(t, chatrhubtest.WithPageSize(size))
		seen := map[int64]int{}
		for _, p := range allTaskFilters {
			n := 0
			for task, err := range c.Tasks.List(ctx, &p) {
				require.NoError(t, err)
				assert.Equal(t, p.TaskType, task.TaskType)
				assert.Equal(t, p.IsResolved, bool(task.IsComplete))
				seen[task.ID]++
				n++
			}
			assert.Positive(t, n, "%+v", p)
		}
		require.Len(t, seen, 25, "page size %d", size)
		for id, count := range seen {
			assert.Equal(t, 1, count, "task %d, page size %d", id, size)
		}
		// Each walk takes ceil(n/size) pages plus the empty page after them.
		assert.Greater(t, len(srv.Requests()), 4)
	}
}

func TestListTasksPagesWithAfter(t *testing.T) {
	_, c := setup(t, chatrhubtest.WithPageSize(4))
	p := chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}
	var ids []int64
	for {
		page, err := c.Tasks.ListPage(ctx, &p)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(page.Tasks), 4)
		if len(page.Tasks) == 0 {
			break
		}
		for _, task := range page.Tasks {
			ids = append(ids, task.ID)
		}
		p.After = page.NextAfter
	}
	assert.Equal(t, []int64{1, 2, 5, 7, 10, 11, 13, 14, 17, 19, 22, 23, 25}, ids)

	page, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, After: 1000})
	require.NoError(t, err)
	assert.Empty(t, page.Tasks)
}

func TestListTasksDecodesTheDocumentedTask(t *testing.T) {
	_, c := setup(t)
	page, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational})
	require.NoError(t, err)
	require.NotEmpty(t, page.Tasks)
	task := page.Tasks[0]
	assert.Equal(t, int64(1), task.ID)
	assert.Equal(t, "q_tasks", task.Type)
	assert.Equal(t, "Schedule Service", task.NodeName)
	assert.Equal(t, chatrhub.Object{}, task.Variables)
	assert.Nil(t, task.Message)

	ml, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskMachineLearning})
	require.NoError(t, err)
	require.NotEmpty(t, ml.Tasks)
	assert.Equal(t, int64(3), ml.Tasks[0].ID)
	require.NotNil(t, ml.Tasks[0].Message, "machine learning tasks nest their message")
	assert.Equal(t, "Hi\n", ml.Tasks[0].Message.Body)
}

func TestListTasksRequiresItsParameters(t *testing.T) {
	srv, _ := setup(t)
	for query, detail := range map[string]string{
		"?task_type=operational&is_resolved=0":           "query parameter after is required",
		"?after=0&is_resolved=0":                         "query parameter task_type is required",
		"?after=0&task_type=operational":                 "query parameter is_resolved is required",
		"?after=x&task_type=operational&is_resolved=0":   `query parameter after must be an integer, got "x"`,
		"?after=-1&task_type=operational&is_resolved=0":  "query parameter after must not be negative",
		"?after=0&task_type=other&is_resolved=0":         `query parameter task_type must be operational or machine_learning, got "other"`,
		"?after=0&task_type=operational&is_resolved=yes": `query parameter is_resolved must be 1 or 0, got "yes"`,
	} {
		r := raw(t, srv, http.MethodGet, "/q_tasks.json"+query, "")
		assert.Equal(t, http.StatusBadRequest, r.status, query)
		assert.Equal(t, detail, r.detail(), query)
	}
	r := raw(t, srv, http.MethodGet, "/q_tasks.json?after=0&task_type=operational&is_resolved=0", "")
	assert.Equal(t, http.StatusOK, r.status)
}

func TestUpdateOperationalTask(t *testing.T) {
	srv, c := setup(t)
	task, err := c.Tasks.UpdateOperational(ctx, 2, true)
	require.NoError(t, err)
	assert.True(t, bool(task.IsComplete))
	assert.Equal(t, chatrhub.Int(1), task.UpdtBy)
	assert.False(t, task.UpdtDt.IsZero())

	resolved, err := c.Tasks.ListPage(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational, IsResolved: true})
	require.NoError(t, err)
	assert.Contains(t, taskIDs(resolved.Tasks), int64(2))

	task, err = c.Tasks.UpdateOperational(ctx, 2, false)
	require.NoError(t, err)
	assert.False(t, bool(task.IsComplete))

	_, err = c.Tasks.UpdateOperational(ctx, 999, true)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Tasks.UpdateOperational(ctx, 3, true)
	apiErr := requireStatus(t, err, http.StatusBadRequest)
	assert.Equal(t, "task 3 is a machine_learning task, not a operational task", apiErr.Message)

	r := raw(t, srv, http.MethodGet, "/q_tasks/operational/2/2.json", "")
	assert.Equal(t, http.StatusBadRequest, r.status)
	assert.Equal(t, `is_complete must be 1 or 0, got "2"`, r.detail())
}

func TestUpdateMachineLearningTask(t *testing.T) {
	srv, c := setup(t)
	task, err := c.Tasks.UpdateMachineLearning(ctx, 3, 7)
	require.NoError(t, err)
	assert.Equal(t, chatrhub.Int(7), task.IntentID)
	assert.True(t, bool(task.IsComplete))
	require.NotNil(t, task.Message)
	assert.Equal(t, chatrhub.Int(7), task.Message.FinalManualIntentID)

	// intent_id is sent as a string, as documented.
	r := raw(t, srv, http.MethodGet, "/q_tasks/machine_learning/3/8.json", "")
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "8", r.body["data"].(map[string]any)["attributes"].(map[string]any)["intent_id"])

	msgs, err := c.Messages.List(ctx, &chatrhub.ListMessagesParams{ChatID: 1})
	require.NoError(t, err)
	for _, m := range msgs {
		if m.ID == 20 {
			assert.Equal(t, chatrhub.Int(8), m.FinalManualIntentID)
		}
	}

	_, err = c.Tasks.UpdateMachineLearning(ctx, 999, 1)
	_ = requireStatus(t, err, http.StatusNotFound)
	_, err = c.Tasks.UpdateMachineLearning(ctx, 1, 1)
	_ = requireStatus(t, err, http.StatusBadRequest)
	r = raw(t, srv, http.MethodGet, "/q_tasks/machine_learning/3/x.json", "")
	assert.Equal(t, http.StatusBadRequest, r.status)
}

func TestAddTaskIsListed(t *testing.T) {
	srv, c := setup(t, chatrhubtest.WithoutExamples(), chatrhubtest.WithPageSize(2))
	for range 5 {
		srv.AddTask(chatrhub.Task{TaskType: chatrhub.TaskOperational, NodeName: "n"})
	}
	n := 0
	for task, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}) {
		require.NoError(t, err)
		n++
		assert.Equal(t, int64(n), task.ID)
	}
	assert.Equal(t, 5, n)
}

func taskIDs(tasks []chatrhub.Task) []int64 {
	ids := make([]int64, len(tasks))
	for i, task := range tasks {
		ids[i] = task.ID
	}
	return ids
}

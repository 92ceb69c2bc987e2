package chatrhub

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// taskServer pages n tasks (IDs 1..n) by the "after" offset, pageSize at a
// time; failAt > 0 answers 400 to the request with that after.
func taskServer(n, pageSize, failAt int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		after, err := strconv.Atoi(r.URL.Query().Get("after"))
		if err != nil || r.URL.Query().Get("task_type") == "" {
			answerJSON(http.StatusBadRequest, []byte(`{"error": "bad query"}`))(w, r)
			return
		}
		if failAt > 0 && after == failAt {
			answerJSON(http.StatusBadRequest, []byte(`{"error": "boom"}`))(w, r)
			return
		}
		data := []any{}
		for id := after + 1; id <= n && id <= after+pageSize; id++ {
			data = append(data, map[string]any{"type": "q_tasks", "id": id, "attributes": map[string]any{
				"task_type": r.URL.Query().Get("task_type"), "node_name": fmt.Sprint("node ", id), "variables_": "{}", "is_complete": 0,
			}})
		}
		b, _ := json.Marshal(map[string]any{"data": data})
		answerJSON(http.StatusOK, b)(w, r)
	}
}

func afters(t *testing.T, rec *recorder) []string {
	var out []string
	for _, r := range rec.requests() {
		out = append(out, parseQuery(t, r.Query).Get("after"))
	}
	return out
}

func TestTasksAllPagesWithAfter(t *testing.T) {
	rec := newRecorder(t, taskServer(5, 2, 0))
	c := rec.client(t)
	var ids []int64
	for task, err := range c.Tasks.List(context.Background(), &ListTasksParams{TaskType: TaskOperational}) {
		require.NoError(t, err)
		assert.Equal(t, TaskOperational, task.TaskType)
		ids = append(ids, task.ID)
	}
	assert.Equal(t, []int64{1, 2, 3, 4, 5}, ids)
	assert.Equal(t, []string{"0", "2", "4", "5"}, afters(t, rec), "after grows by the tasks received; an empty page ends")
	for _, r := range rec.requests() {
		q := parseQuery(t, r.Query)
		assert.Equal(t, "operational", q.Get("task_type"))
		assert.Equal(t, "0", q.Get("is_resolved"))
	}
}

func TestTasksAllStartsAtAfter(t *testing.T) {
	rec := newRecorder(t, taskServer(5, 10, 0))
	var ids []int64
	for task, err := range rec.client(t).Tasks.List(context.Background(), &ListTasksParams{After: 3, TaskType: TaskMachineLearning, IsResolved: true}) {
		require.NoError(t, err)
		ids = append(ids, task.ID)
	}
	assert.Equal(t, []int64{4, 5}, ids)
	assert.Equal(t, []string{"3", "5"}, afters(t, rec))
}

func TestTasksAllStopsOnError(t *testing.T) {
	rec := newRecorder(t, taskServer(10, 2, 4))
	var ids []int64
	var errs []error
	for task, err := range rec.client(t).Tasks.List(context.Background(), &ListTasksParams{TaskType: TaskOperational}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, task.ID)
	}
	assert.Equal(t, []int64{1, 2, 3, 4}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], chatsdk.ErrBadRequest)
}

func TestTasksAllBreakStopsFetching(t *testing.T) {
	rec := newRecorder(t, taskServer(100, 2, 0))
	n := 0
	for _, err := range rec.client(t).Tasks.List(context.Background(), &ListTasksParams{TaskType: TaskOperational}) {
		require.NoError(t, err)
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, []string{"0", "2"}, afters(t, rec))
}

func TestTasksAllStopsWhenContextEnds(t *testing.T) {
	rec := newRecorder(t, taskServer(100, 2, 0))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last error
	n := 0
	for _, err := range rec.client(t).Tasks.List(ctx, &ListTasksParams{TaskType: TaskOperational}) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 1 {
			cancel()
		}
	}
	assert.ErrorIs(t, last, context.Canceled)
	assert.LessOrEqual(t, len(rec.requests()), 1)
}

func TestTasksListPage(t *testing.T) {
	rec := newRecorder(t, taskServer(5, 2, 0))
	c := rec.client(t)
	page, err := c.Tasks.ListPage(context.Background(), &ListTasksParams{After: 2, TaskType: TaskOperational})
	require.NoError(t, err)
	require.Len(t, page.Tasks, 2)
	assert.Equal(t, int64(3), page.Tasks[0].ID)
	assert.Equal(t, int64(4), page.NextAfter)
	page, err = c.Tasks.ListPage(context.Background(), &ListTasksParams{After: 6, TaskType: TaskOperational})
	require.NoError(t, err)
	assert.Empty(t, page.Tasks)
	assert.Equal(t, int64(6), page.NextAfter)
}

// A server that ignores after answers the same page for ever: List ends with
// ErrRepeatedCursor after yielding it once, instead of looping.
func TestTasksAllStopsWhenTheServerIgnoresAfter(t *testing.T) {
	samePage := taskServer(2, 2, 0)
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Set("after", "0")
		r.URL.RawQuery = q.Encode()
		samePage(w, r)
	})
	var ids []int64
	var last error
	for task, err := range rec.client(t).Tasks.List(context.Background(), &ListTasksParams{TaskType: TaskOperational}) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, task.ID)
	}
	require.ErrorIs(t, last, chatsdk.ErrRepeatedCursor)
	assert.Equal(t, []int64{1, 2}, ids)
	assert.Len(t, rec.requests(), 2)
}

func TestTasksAllPageCap(t *testing.T) {
	rec := newRecorder(t, taskServer(10, 2, 0))
	var ids []int64
	var last error
	for task, err := range rec.client(t).Tasks.List(context.Background(), &ListTasksParams{TaskType: TaskOperational, MaxPages: 2}) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, task.ID)
	}
	require.ErrorIs(t, last, chatsdk.ErrPageLimit)
	assert.Equal(t, []int64{1, 2, 3, 4}, ids)
	for _, r := range rec.requests() {
		assert.NotContains(t, r.Query, "MaxPages")
	}
}

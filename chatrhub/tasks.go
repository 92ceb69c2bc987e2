package chatrhub

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"slices"
	"strconv"

	"github.com/chatsdk-go/chatsdk"
	"github.com/chatsdk-go/chatsdk/internal/core"
)

// TasksService lists and resolves operational and machine learning tasks.
type TasksService service

// ListTasksParams selects a page of List Tasks. All three parameters are
// required by the API and always sent.
type ListTasksParams struct {
	// After is the offset of the page: how many tasks to skip (0 for the
	// first page).
	After int64 `url:"after"`
	// TaskType is TaskOperational or TaskMachineLearning (required).
	TaskType TaskType `url:"task_type"`
	// IsResolved lists resolved (true, sent as 1) or open (false, sent as 0)
	// tasks.
	IsResolved bool `url:"is_resolved,int"`
	// MaxPages caps how many pages List fetches (0: no cap); past it List
	// ends with an error matching chatsdk.ErrPageLimit. ListPage ignores it,
	// and it is never sent.
	MaxPages int `url:"-"`
}

func (p *ListTasksParams) check(op string) error {
	switch {
	case p == nil || p.TaskType == "":
		return paramErr(op, "task_type", "is required")
	case p.TaskType != TaskOperational && p.TaskType != TaskMachineLearning:
		return paramErr(op, "task_type", `must be "operational" or "machine_learning"`)
	case p.After < 0:
		return paramErr(op, "after", "must not be negative")
	case p.MaxPages < 0:
		return paramErr(op, "MaxPages", "must not be negative")
	}
	return nil
}

// TaskPage is one page of List Tasks.
type TaskPage struct {
	// Tasks are the tasks of the page.
	Tasks []Task
	// NextAfter is the After of the next page: this page's After plus the
	// number of tasks on it. A page with no tasks is the last.
	NextAfter int64
}

// ListPage returns one page of tasks, starting at offset params.After. To
// read the next page, call ListPage again with After set to the page's
// NextAfter; stop at a page with no tasks. List does this for you.
//
// GET /q_tasks.json?after&task_type&is_resolved
func (s *TasksService) ListPage(ctx context.Context, params *ListTasksParams, opts ...chatsdk.CallOption) (*TaskPage, error) {
	const op = "chatrhub.Tasks.ListPage"
	if err := params.check(op); err != nil {
		return nil, err
	}
	tasks, err := getMany[Task](ctx, (*service)(s), &core.Request{Operation: op, Method: http.MethodGet, Path: "/q_tasks.json", Query: params}, opts)
	if err != nil {
		return nil, err
	}
	return &TaskPage{Tasks: tasks, NextAfter: params.After + int64(len(tasks))}, nil
}

// List returns every task of the given type and resolution, from offset
// params.After on, fetching pages lazily as the caller ranges: each page
// starts where the previous one ended (after = previous after + tasks
// received), and paging stops at the first page with no tasks. A server
// that ignores after and answers the same tasks again ends the iteration
// with an error matching chatsdk.ErrRepeatedCursor instead of looping; a
// page cap (params.MaxPages) ends it with chatsdk.ErrPageLimit. A failure
// is yielded once as the last element; breaking out of the loop stops
// fetching.
//
//	for task, err := range c.Tasks.List(ctx, &chatrhub.ListTasksParams{TaskType: chatrhub.TaskOperational}) {
//		if err != nil { return err }
//		fmt.Println(task.ID, task.NodeName)
//	}
func (s *TasksService) List(ctx context.Context, params *ListTasksParams, opts ...chatsdk.CallOption) iter.Seq2[Task, error] {
	const op = "chatrhub.Tasks.List"
	if err := params.check(op); err != nil {
		return func(yield func(Task, error) bool) { yield(Task{}, err) }
	}
	first := *params
	var previous []int64 // the IDs of the page before, to notice a repeat
	return core.Paginate(ctx, op, params.MaxPages, func(ctx context.Context, cursor string) ([]Task, string, error) {
		p := first
		if cursor == "" {
			previous = nil
		} else {
			after, err := strconv.ParseInt(cursor, 10, 64)
			if err != nil {
				return nil, "", err
			}
			p.After = after
		}
		page, err := s.ListPage(ctx, &p, opts...)
		if err != nil {
			return nil, "", err
		}
		if len(page.Tasks) == 0 {
			return nil, "", nil
		}
		ids := make([]int64, len(page.Tasks))
		for i, t := range page.Tasks {
			ids[i] = t.ID
		}
		if slices.Equal(ids, previous) {
			return nil, "", fmt.Errorf("%s: %w: after=%d answered the same tasks as the page before", op, chatsdk.ErrRepeatedCursor, p.After)
		}
		previous = ids
		return page.Tasks, strconv.FormatInt(page.NextAfter, 10), nil
	})
}

// stateChangingGET marks the GETs that change state as unsafe to replay.
var stateChangingGET = false

// UpdateMachineLearning sets the intent of a machine learning task (Update
// Machine Learning Task) and returns the task.
//
// The API does this with a GET that changes state, so it is treated as a
// write: never retried once sent, and net/http never resends it either.
// Setting the same intent twice leaves the same intent, so a caller who
// wants retries can pass chatsdk.WithRetryUnsafe().
//
// GET /q_tasks/machine_learning/{task_id}/{intent_id}.json
func (s *TasksService) UpdateMachineLearning(ctx context.Context, taskID, intentID int64, opts ...chatsdk.CallOption) (*Task, error) {
	const op = "chatrhub.Tasks.UpdateMachineLearning"
	if err := positiveID(op, "task_id", taskID); err != nil {
		return nil, err
	}
	if err := positiveID(op, "intent_id", intentID); err != nil {
		return nil, err
	}
	return getOne[Task](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodGet, ReplaySafe: &stateChangingGET,
		Route: "/q_tasks/machine_learning/{task_id}/{intent_id}.json", PathParams: []any{taskID, intentID},
	}, opts)
}

// UpdateOperational resolves (complete true, sent as 1) or reopens (false,
// sent as 0) an operational task (Update Operational Task) and returns the
// task.
//
// The API does this with a GET that changes state, so it is treated as a
// write: never retried once sent, and net/http never resends it either.
// Setting the same flag twice leaves the same state, so a caller who wants
// retries can pass chatsdk.WithRetryUnsafe().
//
// GET /q_tasks/operational/{task_id}/{is_complete}.json
func (s *TasksService) UpdateOperational(ctx context.Context, taskID int64, complete bool, opts ...chatsdk.CallOption) (*Task, error) {
	const op = "chatrhub.Tasks.UpdateOperational"
	if err := positiveID(op, "task_id", taskID); err != nil {
		return nil, err
	}
	flag := 0
	if complete {
		flag = 1
	}
	return getOne[Task](ctx, (*service)(s), &core.Request{
		Operation: op, Method: http.MethodGet, ReplaySafe: &stateChangingGET,
		Route: "/q_tasks/operational/{task_id}/{is_complete}.json", PathParams: []any{taskID, flag},
	}, opts)
}

package chatrhub

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/chatsdk-go/chatsdk"
	"github.com/stretchr/testify/require"
)

// failFirst answers 503 to the first fail requests and then with next;
// every answer carries a request ID.
func failFirst(fail int32, next http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "rid-1")
		if n.Add(1) <= fail {
			answerJSON(http.StatusServiceUnavailable, []byte(`{"error": "busy"}`))(w, r)
			return
		}
		next(w, r)
	}
}

func TestResponseIntoAfterRetry(t *testing.T) {
	rec := newRecorder(t, failFirst(1, answerJSON(http.StatusOK, fixture(t, "agents_get.response.json"))))
	c := rec.client(t)
	var meta chatsdk.Response
	_, err := c.Agents.Get(context.Background(), 4, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.Len(t, rec.requests(), 2)
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, http.StatusOK, meta.StatusCode)
	require.Equal(t, "rid-1", meta.RequestID)
	require.Equal(t, "rid-1", meta.Header.Get("X-Request-Id"))
}

func TestResponseIntoAPIError(t *testing.T) {
	rec := newRecorder(t, failFirst(0, answerJSON(http.StatusNotFound, []byte(`{"error": "no"}`))))
	c := rec.client(t)
	var meta chatsdk.Response
	_, err := c.Agents.Get(context.Background(), 4, chatsdk.WithResponseInto(&meta))
	require.ErrorIs(t, err, chatsdk.ErrNotFound)
	require.Equal(t, http.StatusNotFound, meta.StatusCode)
	require.Equal(t, 1, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestResponseIntoTasksListPage(t *testing.T) {
	rec := newRecorder(t, failFirst(1, answerJSON(http.StatusOK, fixture(t, "tasks_list.response.json"))))
	c := rec.client(t)
	var meta chatsdk.Response
	_, err := c.Tasks.ListPage(context.Background(), &ListTasksParams{TaskType: TaskOperational}, chatsdk.WithResponseInto(&meta))
	require.NoError(t, err)
	require.Equal(t, 2, meta.Attempts)
	require.Equal(t, "rid-1", meta.RequestID)
}

func TestPostRetriedOnlyWithRetryUnsafe(t *testing.T) {
	add := func(opts ...chatsdk.CallOption) (*recorder, error) {
		rec := newRecorder(t, failFirst(1, answerJSON(http.StatusOK, fixture(t, "visitors_add.response.json"))))
		_, err := rec.client(t).Visitors.Add(context.Background(), &VisitorParams{CompanyName: chatsdk.Ptr("New Company")}, opts...)
		return rec, err
	}
	rec, err := add()
	require.ErrorIs(t, err, chatsdk.ErrMayHaveBeenApplied)
	require.Len(t, rec.requests(), 1)

	rec, err = add(chatsdk.WithRetryUnsafe())
	require.NoError(t, err)
	require.Len(t, rec.requests(), 2)
}

func TestWithoutRetriesOneAttempt(t *testing.T) {
	rec := newRecorder(t, failFirst(5, answerJSON(http.StatusOK, fixture(t, "agents_get.response.json"))))
	_, err := rec.client(t).Agents.Get(context.Background(), 4, chatsdk.WithoutRetries())
	require.ErrorIs(t, err, chatsdk.ErrServer)
	require.Len(t, rec.requests(), 1)
}

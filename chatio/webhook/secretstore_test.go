package webhook

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/chatsdk-go/chatsdk/chatio"
)

func TestSecretStoreIsSeenAfterNewHandler(t *testing.T) {
	store := NewSecretStore()
	h, err := NewHandler(store)
	require.NoError(t, err, "an empty store is valid: secrets come after Register")
	b := body(t, "w1", "s1", chatio.ActionThreadClosed, threadClosedData)
	assert.Equal(t, http.StatusUnauthorized, serve(h, newRequest(context.Background(), b)).Code)

	require.NoError(t, store.Set("w1", "s1"))
	assert.Equal(t, 1, store.Len())
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b)).Code)

	require.NoError(t, store.Set("w1", "rotated"))
	assert.Equal(t, http.StatusUnauthorized, serve(h, newRequest(context.Background(), b)).Code)
	b2 := body(t, "w1", "rotated", chatio.ActionThreadClosed, threadClosedData)
	assert.Equal(t, http.StatusOK, serve(h, newRequest(context.Background(), b2)).Code)

	store.Delete("w1")
	store.Delete("never-set")
	assert.Equal(t, 0, store.Len())
	assert.Equal(t, http.StatusUnauthorized, serve(h, newRequest(context.Background(), b2)).Code)
}

func TestSecretStoreRefusesEmptySecretsAndNil(t *testing.T) {
	var store SecretStore // the zero value is usable
	require.ErrorIs(t, store.Set("w1", ""), ErrMisconfigured)
	assert.Equal(t, 0, store.Len())
	require.NoError(t, store.Set("w1", "s1"))
	secret, ok, err := store.WebhookSecret(context.Background(), "w1")
	assert.Equal(t, "s1", secret)
	assert.True(t, ok)
	require.NoError(t, err)

	_, err = NewHandler((*SecretStore)(nil))
	require.ErrorIs(t, err, ErrMisconfigured)
	_, err = Parse(newRequest(context.Background(), body(t, "w1", "s1", chatio.ActionThreadClosed, threadClosedData)), (*SecretStore)(nil))
	assert.ErrorIs(t, err, ErrMisconfigured)
}

// TestSecretStoreConcurrentSetAndDeliveries runs under -race: webhooks are
// registered (Set) and unregistered (Delete) while deliveries for them and
// for a fixed webhook are verified.
func TestSecretStoreConcurrentSetAndDeliveries(t *testing.T) {
	store := NewSecretStore()
	require.NoError(t, store.Set("fixed", "fixed-secret"))
	h, err := NewHandler(store)
	require.NoError(t, err)
	var handled atomic.Int64
	h.OnThreadClosed(func(context.Context, *Webhook, *ThreadClosed) error {
		handled.Add(1)
		return nil
	})

	const writers, perWriter, readers = 4, 50, 4
	var wg sync.WaitGroup
	bodies := make([][][]byte, writers)
	for i := range writers {
		for j := range perWriter {
			id := fmt.Sprintf("w%d-%d", i, j)
			bodies[i] = append(bodies[i], body(t, id, "s-"+id, chatio.ActionThreadClosed, threadClosedData))
		}
	}
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range perWriter {
				id := fmt.Sprintf("w%d-%d", i, j)
				assert.NoError(t, store.Set(id, "s-"+id))
				w := serve(h, newRequest(context.Background(), bodies[i][j]))
				assert.Equal(t, http.StatusOK, w.Code, id)
				if j%2 == 1 {
					store.Delete(id)
				}
			}
		}()
	}
	fixed := body(t, "fixed", "fixed-secret", chatio.ActionThreadClosed, threadClosedData)
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWriter {
				w := serve(h, newRequest(context.Background(), fixed))
				assert.Equal(t, http.StatusOK, w.Code)
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, int64(writers*perWriter+readers*perWriter), handled.Load())
	assert.Equal(t, 1+writers*perWriter/2, store.Len())
}

package webhook

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// DedupStore records which webhook deliveries are being or have been
// handled, so that replicas sharing it handle each delivery once.
// Implementations must be safe for concurrent use: NewMemoryDedupStore
// within one process, the redis module's NewDedupStore across processes.
type DedupStore interface {
	// Claim records key for ttl and reports whether this caller claimed
	// it: false means key is already claimed (a duplicate delivery).
	Claim(ctx context.Context, key string, ttl time.Duration) (claimed bool, err error)
	// Release forgets key, so that the next delivery with it is handled.
	Release(ctx context.Context, key string) error
}

// WithDeduplication makes a Handler handle each delivery once: before a
// verified webhook is dispatched, its DeliveryKey is claimed in store for
// ttl. A delivery whose key is already claimed is a duplicate: it is
// answered 200 and its handler does not run. When the handler fails (or
// panics) the claim is released, so chat.io's redelivery is handled. When
// the store fails, the delivery is still handled (at least once rather
// than maybe never), the failure is logged to the WithLogger logger and
// counted in Handler.DedupErrors. A nil store means a new
// NewMemoryDedupStore, which only de-duplicates within one process. ttl
// must be positive: it should exceed the time over which chat.io
// redelivers. Parse ignores this option.
func WithDeduplication(store DedupStore, ttl time.Duration) Option {
	return func(c *config) error {
		if ttl <= 0 {
			return fmt.Errorf("%w: WithDeduplication: ttl %v must be positive", ErrMisconfigured, ttl)
		}
		if store == nil {
			store = NewMemoryDedupStore()
		}
		c.dedup = &dedup{store: store, ttl: ttl}
		return nil
	}
}

// dedup is a Handler's de-duplication: its store, ttl and error count.
type dedup struct {
	store  DedupStore
	ttl    time.Duration
	errors atomic.Int64
}

// DedupErrors returns how many times the WithDeduplication store failed
// (a Claim or a Release error) since the Handler was made; 0 without
// de-duplication.
func (h *Handler) DedupErrors() int64 {
	if h.cfg.dedup == nil {
		return 0
	}
	return h.cfg.dedup.errors.Load()
}

// dispatchOnce dispatches wh unless its delivery was already claimed, and
// releases the claim when the handler fails.
func (h *Handler) dispatchOnce(ctx context.Context, wh *Webhook) error {
	d := h.cfg.dedup
	if d == nil {
		return h.dispatchRecovering(ctx, wh)
	}
	key := DeliveryKey(wh)
	claimed, err := d.store.Claim(ctx, key, d.ttl)
	if err != nil {
		d.errors.Add(1)
		h.log(ctx, slog.LevelError, "chat.io webhook de-duplication failed; handling the delivery anyway",
			slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)), slog.Any("error", err))
		return h.dispatchRecovering(ctx, wh)
	}
	if !claimed {
		h.log(ctx, slog.LevelDebug, "chat.io webhook duplicate dropped",
			slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)))
		return nil
	}
	herr := h.dispatchRecovering(ctx, wh)
	if herr == nil {
		return nil
	}
	if err := d.store.Release(context.WithoutCancel(ctx), key); err != nil {
		d.errors.Add(1)
		h.log(ctx, slog.LevelError, "chat.io webhook de-duplication release failed; a redelivery may be dropped until the claim expires",
			slog.String("webhook_id", wh.ID), slog.String("action", string(wh.Action)), slog.Any("error", err))
	}
	return herr
}

// DeliveryKey returns the key WithDeduplication claims for wh:
// "<webhook_id>:<action>:" followed by 32 hex digits of the SHA-256 of the
// delivery's identity, which is, per action:
//
//   - incoming_chat_thread: the chat ID and the new thread's ID;
//   - incoming_event: the chat ID and the event's ID;
//   - thread_closed: the chat ID and the thread ID;
//   - last_seen_timestamp_updated: the chat ID, the user ID and the timestamp;
//   - chat_users_updated, chat_scopes_updated, chat_properties_updated:
//     the chat ID and the data as received (whitespace removed), since
//     these pushes carry no event ID;
//   - chat_thread_properties_updated: the chat ID, the thread ID and the
//     data as received (whitespace removed);
//   - an unknown action, or a known one whose IDs are empty: the data as
//     received (whitespace removed).
//
// A redelivery of the same push has the same key. Two distinct updates
// with identical content (the same users added twice, the same property
// value set twice) within the ttl count as one.
func DeliveryKey(wh *Webhook) string {
	var parts []string
	switch p := wh.Payload.(type) {
	case *IncomingChatThread:
		parts = idParts(p.Chat.ID, p.Chat.Thread.ID)
	case *IncomingEvent:
		if p.Event != nil {
			parts = idParts(p.ChatID, p.Event.Base().ID)
		}
	case *ThreadClosed:
		parts = idParts(p.ChatID, p.ThreadID)
	case *LastSeenTimestampUpdated:
		parts = idParts(p.ChatID, p.UserID)
		if parts != nil {
			parts = append(parts, strconv.FormatInt(int64(p.Timestamp), 10))
		}
	case *ChatUsersUpdated:
		parts = []string{p.ChatID, compactData(wh.Data)}
	case *ChatScopesUpdated:
		parts = []string{p.ChatID, compactData(wh.Data)}
	case *ChatPropertiesUpdated:
		parts = []string{p.ChatID, compactData(wh.Data)}
	case *ChatThreadPropertiesUpdated:
		parts = []string{p.ChatID, p.ThreadID, compactData(wh.Data)}
	}
	if parts == nil {
		parts = []string{"data", compactData(wh.Data)}
	}
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return wh.ID + ":" + string(wh.Action) + ":" + hex.EncodeToString(h.Sum(nil)[:16])
}

// idParts returns ids, or nil when any of them is empty.
func idParts(ids ...string) []string {
	for _, id := range ids {
		if id == "" {
			return nil
		}
	}
	return ids
}

// compactData is data without insignificant white space, so that a
// redelivery re-encoded with other spacing keeps its key.
func compactData(data json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		return string(data)
	}
	return buf.String()
}

// MemoryDedupStore is an in-process DedupStore: claims live in a map until
// their ttl passes. It de-duplicates deliveries to one process only; use a
// shared store (the redis module's) for several replicas.
type MemoryDedupStore struct {
	mu     sync.Mutex
	claims map[string]time.Time
	now    func() time.Time
	// claimsSinceSweep counts claims since expired entries were last
	// dropped.
	claimsSinceSweep int
}

// NewMemoryDedupStore returns an empty MemoryDedupStore.
func NewMemoryDedupStore() *MemoryDedupStore {
	return &MemoryDedupStore{claims: make(map[string]time.Time), now: time.Now}
}

// sweepEvery is how many claims pass between sweeps of expired entries.
const sweepEvery = 1024

// Claim implements DedupStore.
func (s *MemoryDedupStore) Claim(_ context.Context, key string, ttl time.Duration) (bool, error) {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if exp, ok := s.claims[key]; ok && now.Before(exp) {
		return false, nil
	}
	s.claims[key] = now.Add(ttl)
	if s.claimsSinceSweep++; s.claimsSinceSweep >= sweepEvery {
		s.claimsSinceSweep = 0
		for k, exp := range s.claims {
			if !now.Before(exp) {
				delete(s.claims, k)
			}
		}
	}
	return true, nil
}

// Release implements DedupStore.
func (s *MemoryDedupStore) Release(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.claims, key)
	return nil
}

// Len returns how many claims the store holds, expired ones not yet
// dropped included.
func (s *MemoryDedupStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.claims)
}

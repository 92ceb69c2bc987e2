package webhook

import (
	"context"
	"crypto/subtle"
	"fmt"
	"hash/maphash"
	"sync"
)

// SecretSource gives the secret_key registered for a webhook_id (the
// secret_key passed to webhooks/register_webhook or set in a bot agent's
// webhooks). Use Secrets for a fixed set, SecretStore for secrets added
// and removed while the Handler serves (a webhook's ID is known only once
// webhooks/register_webhook returns it), or SecretFunc for a lookup.
//
// The docs do not say which webhook_id the webhooks configured inside a bot
// agent (create_bot_agent / update_bot_agent "webhooks") carry, since those
// calls return no webhook ID; a missing webhook_id is passed on as "". To
// accept such webhooks, use a SecretFunc that returns the bot agent's
// secret_key for the IDs it should accept.
type SecretSource interface {
	// WebhookSecret returns the secret of webhookID and true, or false
	// when the webhook is unknown. An error refuses the webhook with 500
	// (chat.io may deliver it again). Returning true with an empty secret
	// is a configuration error, also refused with 500: an empty secret
	// never turns verification off.
	WebhookSecret(ctx context.Context, webhookID string) (secret string, ok bool, err error)
}

// Secrets maps webhook IDs to their secret keys. NewHandler refuses an
// empty Secrets or one with an empty secret, and keeps a copy: later
// changes to the map are not seen (use SecretStore or SecretFunc for
// secrets that change).
type Secrets map[string]string

// WebhookSecret implements SecretSource.
func (s Secrets) WebhookSecret(_ context.Context, webhookID string) (string, bool, error) {
	secret, ok := s[webhookID]
	return secret, ok, nil
}

func (s Secrets) validate() error {
	if len(s) == 0 {
		return fmt.Errorf("%w: no webhook secrets", ErrMisconfigured)
	}
	for id, secret := range s {
		if secret == "" {
			return fmt.Errorf("%w: empty secret for webhook %q", ErrMisconfigured, id)
		}
	}
	return nil
}

// SecretFunc is a SecretSource that calls the function, for secrets kept in
// a database or a secret manager. It is called once per request with the
// request's context, and must be safe for concurrent use.
type SecretFunc func(ctx context.Context, webhookID string) (secret string, ok bool, err error)

// WebhookSecret implements SecretSource.
func (f SecretFunc) WebhookSecret(ctx context.Context, webhookID string) (string, bool, error) {
	return f(ctx, webhookID)
}

// SecretStore is a SecretSource that is safe for concurrent use and can be
// changed after the Handler is built: Set the secret of each webhook once
// webhooks/register_webhook has returned its ID, and Delete it after
// unregistering. A webhook_id without a secret is refused with 401. The zero
// value is an empty store ready to use; a SecretStore must not be copied
// after first use.
type SecretStore struct {
	mu   sync.RWMutex
	byID map[string]string
}

// NewSecretStore returns an empty SecretStore.
func NewSecretStore() *SecretStore { return &SecretStore{} }

// Set stores the secret_key of webhookID, replacing any previous one;
// webhooks for it are accepted from then on. It fails with ErrMisconfigured
// for an empty secret (an empty secret never turns verification off).
func (s *SecretStore) Set(webhookID, secret string) error {
	if secret == "" {
		return fmt.Errorf("%w: empty secret for webhook %q", ErrMisconfigured, webhookID)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.byID = make(map[string]string)
	}
	s.byID[webhookID] = secret
	return nil
}

// Delete forgets the secret of webhookID; webhooks for it are refused with
// 401 from then on. Deleting an unknown webhook does nothing.
func (s *SecretStore) Delete(webhookID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, webhookID)
}

// Len returns how many webhooks have a secret in the store.
func (s *SecretStore) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.byID)
}

// WebhookSecret implements SecretSource.
func (s *SecretStore) WebhookSecret(_ context.Context, webhookID string) (string, bool, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	secret, ok := s.byID[webhookID]
	return secret, ok, nil
}

// checkSource refuses a nil source and an invalid Secrets, and copies a
// Secrets (with its digests, see secretDigests) so that later changes by the
// caller cannot race with requests.
func checkSource(src SecretSource) (SecretSource, error) {
	switch s := src.(type) {
	case nil:
		return nil, fmt.Errorf("%w: nil SecretSource", ErrMisconfigured)
	case Secrets:
		if err := s.validate(); err != nil {
			return nil, err
		}
		return newSecretDigests(s), nil
	case SecretFunc:
		if s == nil {
			return nil, fmt.Errorf("%w: nil SecretFunc", ErrMisconfigured)
		}
	case *SecretStore:
		if s == nil {
			return nil, fmt.Errorf("%w: nil SecretStore", ErrMisconfigured)
		}
	}
	return src, nil
}

// secretDigests is a Handler's copy of a Secrets with the keyed digest of
// each secret (see secretsEqual) computed once, so that verifying a delivery
// hashes only the received secret.
type secretDigests struct {
	secrets Secrets
	digests map[string]uint64
}

func newSecretDigests(s Secrets) *secretDigests {
	d := &secretDigests{secrets: make(Secrets, len(s)), digests: make(map[string]uint64, len(s))}
	for id, secret := range s {
		d.secrets[id] = secret
		d.digests[id] = secretDigest(secret)
	}
	return d
}

// WebhookSecret implements SecretSource.
func (d *secretDigests) WebhookSecret(ctx context.Context, webhookID string) (string, bool, error) {
	return d.secrets.WebhookSecret(ctx, webhookID)
}

// verify is the package verify for d: the same checks and errors, comparing
// the received secret's digest with the stored one (see secretsEqual).
func (d *secretDigests) verify(webhookID, received string) error {
	got := secretDigest(received)
	want, ok := d.digests[webhookID]
	if !ok {
		return fmt.Errorf("%w: unknown webhook_id %q", ErrUnauthorized, webhookID)
	}
	if got != want || subtle.ConstantTimeCompare([]byte(received), []byte(d.secrets[webhookID])) != 1 {
		return fmt.Errorf("%w: wrong secret_key for webhook %q", ErrUnauthorized, webhookID)
	}
	return nil
}

// verify checks the received secret against the one registered for
// webhookID.
func verify(ctx context.Context, src SecretSource, webhookID, received string) error {
	if d, ok := src.(*secretDigests); ok && d != nil {
		return d.verify(webhookID, received)
	}
	if isNilSource(src) {
		return fmt.Errorf("%w: nil SecretSource", ErrMisconfigured)
	}
	want, ok, err := src.WebhookSecret(ctx, webhookID)
	switch {
	case err != nil:
		return fmt.Errorf("%w: webhook %q: %w", ErrSecretLookup, webhookID, err)
	case !ok:
		secretDigest(received) // same work as a known webhook
		return fmt.Errorf("%w: unknown webhook_id %q", ErrUnauthorized, webhookID)
	case want == "":
		return fmt.Errorf("%w: empty secret for webhook %q", ErrMisconfigured, webhookID)
	case !secretsEqual(received, want):
		return fmt.Errorf("%w: wrong secret_key for webhook %q", ErrUnauthorized, webhookID)
	}
	return nil
}

// isNilSource tells whether src is nil, or a nil SecretFunc or SecretStore
// (whose methods would panic).
func isNilSource(src SecretSource) bool {
	switch s := src.(type) {
	case nil:
		return true
	case SecretFunc:
		return s == nil
	case *SecretStore:
		return s == nil
	}
	return false
}

// secretSeed keys the digests secrets are compared by. It is random for
// each process and never leaves it, so nobody outside can compute a digest
// or craft a secret whose digest collides with another's.
var secretSeed = maphash.MakeSeed()

// secretDigest is the keyed 64-bit digest of a secret.
func secretDigest(secret string) uint64 { return maphash.String(secretSeed, secret) }

// secretsEqual compares two secrets without telling, by the time it takes,
// where they differ or how long the registered one is: it compares their
// keyed digests, whose computation takes a time that depends only on each
// secret's length and never on its bytes, and only when the digests are
// equal (the right secret; any other one with a chance of 2^-64) compares
// the bytes with crypto/subtle to rule out a collision.
func secretsEqual(got, want string) bool {
	return secretDigest(got) == secretDigest(want) && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// Command chatsdk calls the ChatrHub, giosg and chat.io APIs from the
// command line through the chatsdk SDK, runs their fake servers, and
// receives chat.io webhooks locally.
//
//	chatsdk giosg chats list --scope user-pending:<user_id> --is-ended=false --all
//	chatsdk chatrhub agents invite --full-name "Ada Lovelace" --email ada@example.com --authorization-level 3
//	chatsdk chatio webhooks register --url https://example.com/hook --action incoming_event --secret-key s3cret
//	chatsdk api giosg GET /api/v5/users/<user_id>/chats -q is_ended=false
//	chatsdk fake
//	chatsdk chatio listen --secret-key s3cret
//
// Every documented operation has a "<api> <resource> <verb>" command whose
// flags are the fields of the SDK's params struct (kebab-case of the json or
// url tag), plus --data for the whole body as JSON. Answers are printed as
// JSON (one object per line for lists); exit code 1 is an API error and 2 a
// usage error.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

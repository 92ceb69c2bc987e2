// Command quickstart runs the SDK against the fake ChatrHub, giosg and
// chat.io servers embedded in this module: no network and no token needed.
//
//	go run ./examples/quickstart
//
// With CHATRHUB_TOKEN (and optionally CHATRHUB_BASE_URL) set, the ChatrHub
// part runs read-only calls against that server instead; GIOSG_TOKEN (with
// GIOSG_USER_ID and/or GIOSG_ORG_ID, optionally GIOSG_BASE_URL) and
// CHATIO_TOKEN (optionally CHATIO_BASE_URL) do the same for the other two
// APIs.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	flows := []struct {
		name string
		run  func(context.Context, io.Writer) error
	}{
		{"ChatrHub", runChatrHub},
		{"giosg", runGiosg},
		{"chat.io", runChatio},
	}
	for _, f := range flows {
		fmt.Fprintf(w, "== %s ==\n", f.name)
		if err := f.run(ctx, w); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		fmt.Fprintln(w)
	}
	return nil
}

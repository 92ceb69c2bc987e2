package main

import (
	"context"
	"fmt"
	"io"
)

// runChatrHub is replaced by the chatrhub flow.
func runChatrHub(_ context.Context, w io.Writer) error {
	fmt.Fprintln(w, "(not yet written)")
	return nil
}

package main

import (
	"context"
	"fmt"
	"io"
)

// runChatio is replaced by the chatio flow.
func runChatio(_ context.Context, w io.Writer) error {
	fmt.Fprintln(w, "(not yet written)")
	return nil
}

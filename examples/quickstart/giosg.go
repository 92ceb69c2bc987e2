package main

import (
	"context"
	"fmt"
	"io"
)

// runGiosg is replaced by the giosg flow.
func runGiosg(_ context.Context, w io.Writer) error {
	fmt.Fprintln(w, "(not yet written)")
	return nil
}

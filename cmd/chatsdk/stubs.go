package main

import "context"

func runFake(ctx context.Context, args []string, o *outputConfig) error {
	return usagef("fake: not yet")
}
func runListen(ctx context.Context, args []string, o *outputConfig) error {
	return usagef("listen: not yet")
}

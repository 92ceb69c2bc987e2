package main

import "context"

type rawFunc func()

var rawChatrHub, rawGiosg, rawChatio rawFunc

func runAPI(ctx context.Context, args []string, env func(string) string, o *outputConfig) error {
	return usagef("api: not yet")
}
func runFake(ctx context.Context, args []string, o *outputConfig) error {
	return usagef("fake: not yet")
}
func runListen(ctx context.Context, args []string, o *outputConfig) error {
	return usagef("listen: not yet")
}

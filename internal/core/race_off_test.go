//go:build !race

package core

// raceEnabled is set under the race detector, where sync.Pool drops
// buffers at random and allocation counts are not exact.
const raceEnabled = false

//go:build !race

package jsondec_test

// raceEnabled is set under the race detector, where sync.Pool drops items
// at random and allocation counts are not the program's.
const raceEnabled = false

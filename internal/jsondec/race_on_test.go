//go:build race

package jsondec_test

const raceEnabled = true

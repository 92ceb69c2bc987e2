package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/bench"
)

// Instruction counts are the noise-free comparison: valgrind's callgrind
// counts the instructions a process executes, the same from one run to the
// next (within about 0.3%) whatever else the machine is doing. Each side of
// a case runs in its own process at two operation counts; the difference of
// the two totals over the difference of the counts is the instructions per
// operation, with start-up and the benchmark framework's warm-up cancelled
// out. It counts user-space instructions only: the kernel's share of a
// loopback call (the same for both sides) is not in it, and a cache miss
// costs what an instruction does.

// sides names the two benchmark functions of a case.
var sides = []string{"sdk", "baseline"}

// runOne is the child process: it runs one side of one case for n
// operations and exits.
func runOne(name, side string, n int) error {
	c, ok := findCase(name)
	if !ok {
		return fmt.Errorf("no case %q", name)
	}
	fn := c.SDK
	if side == "baseline" {
		fn = c.Baseline
	} else if side != "sdk" {
		return fmt.Errorf("side %q: want sdk or baseline", side)
	}
	if err := setBenchtime(strconv.Itoa(n) + "x"); err != nil {
		return err
	}
	if r := testing.Benchmark(fn); r.N != n {
		return fmt.Errorf("%s/%s: benchmark failed", name, side)
	}
	return nil
}

func findCase(name string) (bench.Case, bool) {
	for _, c := range bench.Cases() {
		if c.Name == name {
			return c, true
		}
	}
	return bench.Case{}, false
}

var collected = regexp.MustCompile(`Collected\s*:\s*(\d+)`)

// countInstructions runs one side of a case for n operations under
// callgrind and returns the instructions the process executed.
func countInstructions(self, name, side string, n int) (int64, error) {
	cmd := exec.Command("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
		self, "-one", name, "-side", side, "-n", strconv.Itoa(n))
	// One P and no preemption signals: callgrind serializes threads anyway,
	// and the signals Go uses to preempt goroutines can abort it.
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1", "GOGC=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%s/%s under valgrind: %w\n%s", name, side, err, stderr.Bytes())
	}
	m := collected.FindSubmatch(stderr.Bytes())
	if m == nil {
		return 0, fmt.Errorf("%s/%s: no instruction count in valgrind's output", name, side)
	}
	return strconv.ParseInt(string(m[1]), 10, 64)
}

// instructionsPerOp is the per-operation instruction count of one side.
func instructionsPerOp(self, name, side string, low, high int) (float64, error) {
	a, err := countInstructions(self, name, side, low)
	if err != nil {
		return 0, err
	}
	b, err := countInstructions(self, name, side, high)
	if err != nil {
		return 0, err
	}
	return float64(b-a) / float64(high-low), nil
}

// runInstructions prints, for each case matching re, the instructions per
// operation of the SDK and the baseline and their ratio.
func runInstructions(re *regexp.Regexp, low, high int) error {
	if _, err := exec.LookPath("valgrind"); err != nil {
		return errors.New("-instructions needs valgrind (Debian: apt-get install valgrind)")
	}
	if high <= low {
		return fmt.Errorf("-n %d must be above -n-low %d", high, low)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	start := time.Now()
	tw := newTable("call", "SDK instr/op", "baseline instr/op", "ratio")
	for _, c := range matching(re) {
		var per [2]float64
		for i, side := range sides {
			if per[i], err = instructionsPerOp(self, c.Name, side, low, high); err != nil {
				return err
			}
		}
		// The run is long: each call's count goes to standard error as it
		// is made, the aligned table to standard output at the end.
		fmt.Fprintf(os.Stderr, "%s: %.3f\n", c.Name, per[0]/per[1])
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.3f\t\n", c.Name, per[0], per[1], per[0]/per[1])
	}
	_ = tw.Flush()
	fmt.Printf("\ninstructions per op from %d and %d operations per side under callgrind, %s total\n",
		low, high, time.Since(start).Round(time.Second))
	return nil
}

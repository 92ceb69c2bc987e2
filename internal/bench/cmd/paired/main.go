// Command paired runs every internal/bench case, interleaving the SDK and
// its hand-written baseline in short bursts so that both see the same
// machine load, and prints per call the median ns/op of each, the median
// SDK/baseline ratio with its min–max spread over the rounds, and B/op and
// allocs/op of both. With -instructions it prints instead each side's
// instructions per operation counted by valgrind's callgrind, and their
// ratio: a comparison the machine's load does not move.
//
//	go run ./internal/bench/cmd/paired [-rounds 20] [-burst 30ms] [-run regexp]
//	go run ./internal/bench/cmd/paired -instructions [-n-low 500] [-n 3000] [-run regexp]
package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/chatsdk-go/chatsdk/internal/bench"
)

func main() {
	testing.Init()
	rounds := flag.Int("rounds", 20, "SDK/baseline pairs per call")
	burst := flag.Duration("burst", 30*time.Millisecond, "benchmark time of each burst")
	run := flag.String("run", "", "only the calls whose name matches this regexp")
	instructions := flag.Bool("instructions", false, "count instructions per op under valgrind instead of timing")
	low := flag.Int("n-low", 500, "with -instructions: the smaller operation count")
	high := flag.Int("n", 3000, "with -instructions: the larger operation count")
	one := flag.String("one", "", "run only this case's -side for -n operations (the -instructions child)")
	side := flag.String("side", "sdk", "with -one: sdk or baseline")
	flag.Parse()
	re, err := regexp.Compile(*run)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch {
	case *one != "":
		exitOn(runOne(*one, *side, *high))
		return
	case *instructions:
		exitOn(runInstructions(re, *low, *high))
		return
	}
	exitOn(setBenchtime(burst.String()))
	start := time.Now()
	tw := newTable("call", "SDK ns/op", "baseline ns/op", "ratio", "min–max", "SDK B/op", "base B/op", "SDK allocs", "base allocs")
	for _, c := range matching(re) {
		var sdkNs, baseNs, ratios []float64
		var sdk, base testing.BenchmarkResult
		for i := 0; i < *rounds; i++ {
			if i%2 == 0 {
				sdk, base = testing.Benchmark(c.SDK), testing.Benchmark(c.Baseline)
			} else {
				base, sdk = testing.Benchmark(c.Baseline), testing.Benchmark(c.SDK)
			}
			if sdk.N == 0 || base.N == 0 {
				fmt.Fprintf(os.Stderr, "%s: benchmark failed\n", c.Name)
				os.Exit(1)
			}
			s, b := float64(sdk.NsPerOp()), float64(base.NsPerOp())
			sdkNs, baseNs, ratios = append(sdkNs, s), append(baseNs, b), append(ratios, s/b)
		}
		sort.Float64s(ratios)
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.2f\t%.2f–%.2f\t%d\t%d\t%d\t%d\t\n", c.Name,
			median(sdkNs), median(baseNs), median(ratios), ratios[0], ratios[len(ratios)-1],
			sdk.AllocedBytesPerOp(), base.AllocedBytesPerOp(), sdk.AllocsPerOp(), base.AllocsPerOp())
	}
	_ = tw.Flush()
	fmt.Printf("\n%d rounds × %s bursts per side, %s total\n", *rounds, *burst, time.Since(start).Round(time.Second))
}

// matching lists the cases whose name matches re.
func matching(re *regexp.Regexp) []bench.Case {
	var out []bench.Case
	for _, c := range bench.Cases() {
		if re.MatchString(c.Name) {
			out = append(out, c)
		}
	}
	return out
}

// newTable starts a right-aligned table on standard output with the
// columns named.
func newTable(columns ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(columns, "\t")+"\t")
	return tw
}

func setBenchtime(d string) error { return flag.Set("test.benchtime", d) }

func exitOn(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

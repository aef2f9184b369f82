// Command largedataset writes the large benchmark dataset (package
// dataset) as a Study Planner document on standard output, for
// "studyplanner import -" to load. With -times N its five years of
// sessions are copied N times over (dataset.Copied): -times 16 is the
// ×16 history of docs/performance.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func main() {
	times := flag.Int("times", 1, "copies of the five-year history (1 to 16)")
	flag.Parse()
	if *times < 1 || *times > 16 {
		fmt.Fprintln(os.Stderr, "largedataset: -times is from 1 to 16")
		os.Exit(2)
	}
	if err := snapshot.Encode(os.Stdout, dataset.Copied(1, time.Now(), *times)); err != nil {
		fmt.Fprintln(os.Stderr, "largedataset:", err)
		os.Exit(1)
	}
}

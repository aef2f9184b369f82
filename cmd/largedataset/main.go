// Command largedataset writes the large benchmark dataset (package
// dataset) as a Study Planner document on standard output, for
// "studyplanner import -" to load.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func main() {
	if err := snapshot.Encode(os.Stdout, dataset.Large(1, time.Now())); err != nil {
		fmt.Fprintln(os.Stderr, "largedataset:", err)
		os.Exit(1)
	}
}

// Command demodata writes the demo learner (package dataset) as a Study
// Planner document on standard output, for "studyplanner import -": the
// data "make screenshots" shows.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/dataset"
	"github.com/studyplanner/studyplanner/internal/snapshot"
)

func main() {
	content, err := assets.DefaultContent()
	if err == nil {
		var pack snapshot.Pack
		if pack, err = assets.BackendPack(); err == nil {
			err = snapshot.Encode(os.Stdout, dataset.Demo(content, pack, time.Now()))
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "demodata:", err)
		os.Exit(1)
	}
}

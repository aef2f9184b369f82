package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// skillJSON is one skill as `skills --json` prints it.
type skillJSON struct {
	Name          string   `json:"name"`
	Category      string   `json:"category"`
	Status        string   `json:"status"`
	State         string   `json:"state"` // the status in words, as the window shows it
	Group         string   `json:"group,omitempty"`
	CurrentLevel  int      `json:"current_level"`
	TargetLevel   int      `json:"target_level"`
	Hours         int      `json:"hours"`
	Prerequisites []string `json:"prerequisites"`
	Proven        bool     `json:"proven"`
	LastPractised string   `json:"last_practised,omitempty"`
}

func runSkills(env Env, args []string) error {
	fs, db := newFlags(env, "skills")
	asJSON := fs.Bool("json", false, "print a JSON list instead of a table")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("skills takes no arguments, got %q", fs.Args())}
	}
	var rows []app.SkillRow
	err := withData(env, db, func(st *store.Store) (err error) {
		rows, err = app.ListSkills(st)
		return err
	})
	if err != nil {
		return err
	}
	list := make([]skillJSON, len(rows))
	for i, sk := range rows {
		list[i] = skillJSON{Name: sk.Name, Category: sk.Category, Status: string(sk.Status), State: sk.State(), Group: sk.Group, CurrentLevel: sk.CurrentLevel,
			TargetLevel: sk.TargetLevel, Hours: sk.Hours, Prerequisites: sk.Prerequisites, Proven: sk.Proven}
		if !sk.LastPractised.IsZero() {
			list[i].LastPractised = sk.LastPractised.Format(time.DateOnly)
		}
	}
	if *asJSON {
		return snapshot.WriteJSON(env.Stdout, list)
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SKILL\tCATEGORY\tSTATE\tLEVEL\tHOURS\tPREREQUISITES")
	for _, sk := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%d/%d\t%d\t%s\n", sk.Name, sk.Category, sk.State, sk.CurrentLevel, sk.TargetLevel,
			sk.Hours, strings.Join(sk.Prerequisites, ", "))
	}
	return w.Flush()
}

package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// skillJSON is one skill as `skills --json` prints it.
type skillJSON struct {
	Name          string   `json:"name"`
	Category      string   `json:"category"`
	Status        string   `json:"status"`
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
	st, err := openSeeded(env, db)
	if err != nil {
		return err
	}
	defer st.Close()
	cats, err := st.Categories()
	if err != nil {
		return err
	}
	names := map[uint]string{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			names[sk.ID] = sk.Name
		}
	}
	list := []skillJSON{}
	for _, c := range cats {
		for _, sk := range c.Skills {
			item := skillJSON{Name: sk.Name, Category: c.Name, Status: string(sk.Status), CurrentLevel: sk.CurrentLevel,
				TargetLevel: sk.TargetLevel, Hours: sk.Hours, Prerequisites: []string{}, Proven: sk.Proven}
			for _, id := range sk.Prerequisites {
				item.Prerequisites = append(item.Prerequisites, names[id])
			}
			if !sk.LastPractised.IsZero() {
				item.LastPractised = sk.LastPractised.Format(time.DateOnly)
			}
			list = append(list, item)
		}
	}
	if *asJSON {
		return snapshot.WriteJSON(env.Stdout, list)
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SKILL\tCATEGORY\tSTATUS\tLEVEL\tHOURS\tPROVEN\tPREREQUISITES")
	for _, sk := range list {
		proven := ""
		if sk.Proven {
			proven = "yes"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d/%d\t%d\t%s\t%s\n", sk.Name, sk.Category, sk.Status, sk.CurrentLevel, sk.TargetLevel,
			sk.Hours, proven, strings.Join(sk.Prerequisites, ", "))
	}
	return w.Flush()
}

package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/practice"
	"github.com/studyplanner/studyplanner/internal/snapshot"
	"github.com/studyplanner/studyplanner/internal/store"
)

// reviewJSON is one card of `review --due --json`.
type reviewJSON struct {
	ID     uint     `json:"id"`
	Front  string   `json:"front"`
	Topic  string   `json:"topic"`
	Tags   []string `json:"tags"`
	Skills []string `json:"skills"`
	State  string   `json:"state"`
	Due    *string  `json:"due"` // RFC 3339; null for a new card
	// Intervals is the wait each rating would give, as the buttons show
	// it ("10 min", "3 days").
	Intervals map[string]string `json:"intervals"`
}

type reviewDayJSON struct {
	DueToday  int          `json:"due_today"`
	DueWeek   int          `json:"due_next_7_days"`
	NewToday  int          `json:"new_reviewed_today"`
	Retention float64      `json:"desired_retention"`
	Cards     []reviewJSON `json:"cards"`
}

func runReview(env Env, args []string) error {
	fs, db := newFlags(env, "review")
	fs.Bool("due", false, "list the cards to review today: what review does without --card")
	card := fs.Uint("card", 0, "rate this card (its id from --due) instead of listing")
	rating := fs.String("rating", "", "with --card: again, hard, good or easy (or 1 to 4)")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("review takes no arguments, got %q", fs.Args())}
	}
	if *card != 0 || *rating != "" {
		return rateCard(env, db, *card, *rating, *asJSON)
	}
	var day app.PracticeDay
	err := withData(env, db, func(st *store.Store) (err error) {
		day, err = app.LoadPractice(st, env.Now())
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return printReviewJSON(env, day)
	}
	return printReviewText(env, day)
}

func parseRating(s string) (practice.Rating, error) {
	for _, r := range practice.Ratings {
		if strings.EqualFold(s, r.String()) || s == strconv.Itoa(int(r)) {
			return r, nil
		}
	}
	return 0, usageError{fmt.Sprintf("--rating %q is not a rating; use again, hard, good or easy (or 1 to 4)", s)}
}

// ratedJSON is what `review --card ID --rating R --json` prints.
type ratedJSON struct {
	ID       uint   `json:"id"`
	Rating   string `json:"rating"`
	State    string `json:"state"`
	Due      string `json:"due"` // RFC 3339
	Interval string `json:"interval"`
}

func rateCard(env Env, db *dbFlag, id uint, rating string, asJSON bool) error {
	if id == 0 || rating == "" {
		return usageError{"rate a card with both --card ID and --rating again|hard|good|easy"}
	}
	r, err := parseRating(rating)
	if err != nil {
		return err
	}
	return withData(env, db, func(st *store.Store) error {
		c, err := st.ReviewCard(uint(id), env.Now(), r)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("there is no card %d; \"studyplanner review\" lists the cards due today", id)
		}
		if err != nil {
			return err
		}
		if asJSON {
			return snapshot.WriteJSON(env.Stdout, ratedJSON{ID: c.ID, Rating: strings.ToLower(r.String()), State: c.Schedule.State.String(),
				Due: snapshot.FormatMoment(c.Schedule.Due), Interval: practice.FormatInterval(c.Schedule.Due.Sub(env.Now()))})
		}
		fmt.Fprintf(env.Stdout, "Rated %s; next review %s (in %s).\n", r, c.Schedule.Due.Local().Format("2006-01-02 15:04"),
			practice.FormatInterval(c.Schedule.Due.Sub(env.Now())))
		return nil
	})
}

func printReviewJSON(env Env, day app.PracticeDay) error {
	out := reviewDayJSON{DueToday: day.DueToday, DueWeek: day.DueWeek, NewToday: day.NewToday, Retention: day.Settings.Retention,
		Cards: []reviewJSON{}}
	for _, c := range day.Queue {
		e := reviewJSON{ID: c.ID, Front: c.Front, Topic: string(c.Topic), Tags: nonNil(c.Tags), Skills: nonNil(c.Skills),
			State: c.Schedule.State.String(), Intervals: map[string]string{}}
		if c.Schedule.State != practice.StateNew {
			due := snapshot.FormatMoment(c.Schedule.Due)
			e.Due = &due
		}
		for r, d := range day.Scheduler.Intervals(c.Schedule, env.Now()) {
			e.Intervals[strings.ToLower(r.String())] = practice.FormatInterval(d)
		}
		out.Cards = append(out.Cards, e)
	}
	return snapshot.WriteJSON(env.Stdout, out)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func printReviewText(env Env, day app.PracticeDay) error {
	fresh := len(day.Queue) - min(day.DueToday, len(day.Queue))
	fmt.Fprintf(env.Stdout, "%d cards to review today: %d due, %d new (%d new a day). Next 7 days: %d more.\n",
		len(day.Queue), day.DueToday, fresh, day.Settings.NewPerDay, day.DueWeek)
	if len(day.Queue) == 0 {
		fmt.Fprintln(env.Stdout, "Nothing to review now.")
		return nil
	}
	fmt.Fprintln(env.Stdout)
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tTOPIC\tSTATE\tQUESTION")
	for _, c := range day.Queue {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", c.ID, c.Topic.Name(), c.Schedule.State, oneLine(c.Front, 70))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "\nRate one with: studyplanner review --card ID --rating again|hard|good|easy")
	return nil
}

func runCards(env Env, args []string) error {
	db, args := leadingDB(args)
	if len(args) > 0 && (args[0] == "--help" || args[0] == "-help" || args[0] == "-h" || args[0] == "help") {
		fs, _ := newFlags(env, "cards")
		printCommandUsage(env.Stdout, fs)
		return flag.ErrHelp
	}
	if len(args) == 0 {
		return usageError{"say what to do: cards add, cards import FILE.tsv or cards export"}
	}
	rest := append(append([]string(nil), db...), args[1:]...)
	switch args[0] {
	case "add":
		return cardsAdd(env, rest)
	case "import":
		return cardsImport(env, rest)
	case "export":
		return cardsExport(env, rest)
	}
	return usageError{fmt.Sprintf("unknown cards command %q; use add, import or export", args[0])}
}

func cardsAdd(env Env, args []string) error {
	fs, db := newFlags(env, "cards")
	front := fs.String("front", "", "the question")
	back := fs.String("back", "", "the answer (Markdown)")
	tags := fs.String("tags", "", "tags, separated by spaces or commas")
	topic := fs.String("topic", "", "the topic: "+topicList()+", or one your cards have")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("cards add takes no arguments, got %q; quote the question in --front", fs.Args())}
	}
	c := practice.Card{Front: *front, Back: *back, Tags: practice.ParseTags(*tags), Topic: practice.Topic(*topic)}
	check := c
	check.Topic = "" // checked by name below, against the topics there are
	if err := check.Validate(); err != nil {
		return usageError{err.Error()}
	}
	return withData(env, db, func(st *store.Store) error {
		id, err := app.AddCard(st, c)
		var unknown *app.UnknownTopicError
		if errors.As(err, &unknown) {
			return usageError{"--topic: " + err.Error()}
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Added card %d; it comes up among the new cards.\n", id)
		return nil
	})
}

func cardsImport(env Env, args []string) error {
	fs, db := newFlags(env, "cards")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"name one file: studyplanner cards import FILE.tsv (front, tab, back, tab, tags; - reads standard input)"}
	}
	name := fs.Arg(0)
	in, err := openInput(env, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer in.Close()
	return withData(env, db, func(st *store.Store) error {
		added, skipped, err := app.ImportCardsFrom(st, in)
		if err != nil {
			return nothingChanged(name, err)
		}
		fmt.Fprintf(env.Stdout, "Added %d cards from %s", added, name)
		if skipped > 0 {
			fmt.Fprintf(env.Stdout, "; %d were already there", skipped)
		}
		fmt.Fprintln(env.Stdout, ".")
		return nil
	})
}

func cardsExport(env Env, args []string) error {
	fs, db := newFlags(env, "cards")
	out := fs.String("out", "", "the file to write (default: standard output)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("cards export takes no arguments, got %q; name the file with --out", fs.Args())}
	}
	var buf bytes.Buffer
	n := 0
	err := withData(env, db, func(st *store.Store) (err error) {
		n, err = app.ExportCardsTo(st, &buf)
		return err
	})
	if err != nil {
		return err
	}
	if err := writeOutput(env, *out, buf.Bytes()); err != nil {
		return err
	}
	if *out != "" && *out != "-" {
		fmt.Fprintf(env.Stdout, "Wrote %d cards to %s (Anki: File ▸ Import, tab-separated, tags in column 3).\n", n, *out)
	}
	return nil
}

type challengeJSON struct {
	ID         uint          `json:"id"`
	Title      string        `json:"title"`
	URL        string        `json:"url"`
	Source     string        `json:"source"`
	Pattern    string        `json:"pattern"`
	Difficulty string        `json:"difficulty"`
	Due        *string       `json:"due"`
	Attempts   []attemptJSON `json:"attempts"`
}

type attemptJSON struct {
	At      string `json:"at"`
	Minutes int    `json:"minutes"`
	Result  string `json:"result"`
}

func runChallenges(env Env, args []string) error {
	fs, db := newFlags(env, "challenges")
	asJSON := fs.Bool("json", false, "print a JSON list")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("challenges takes no arguments, got %q", fs.Args())}
	}
	var list []practice.Challenge
	err := withData(env, db, func(st *store.Store) (err error) {
		list, err = st.Challenges()
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		out := []challengeJSON{}
		for _, c := range list {
			e := challengeJSON{ID: c.ID, Title: c.Title, URL: c.URL, Source: c.Source, Pattern: c.Pattern, Difficulty: string(c.Difficulty),
				Attempts: []attemptJSON{}}
			if c.Schedule.State != practice.StateNew {
				due := snapshot.FormatMoment(c.Schedule.Due)
				e.Due = &due
			}
			for _, a := range c.Attempts {
				e.Attempts = append(e.Attempts, attemptJSON{At: snapshot.FormatMoment(a.At), Minutes: a.Minutes, Result: string(a.Result)})
			}
			out = append(out, e)
		}
		return snapshot.WriteJSON(env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(env.Stdout, "No coding challenges logged yet; log one on the Practice screen.")
		return nil
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tPROBLEM\tSOURCE\tPATTERN\tDIFFICULTY\tTRIES\tLAST RESULT\tDUE")
	for _, c := range list {
		last := ""
		if n := len(c.Attempts); n > 0 {
			last = c.Attempts[n-1].Result.Label()
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", c.ID, oneLine(c.Title, 40), c.Source, c.Pattern, c.Difficulty,
			len(c.Attempts), last, c.Schedule.Due.Local().Format(time.DateOnly))
	}
	return w.Flush()
}

func topicList() string {
	names := make([]string, len(practice.Topics))
	for i, t := range practice.Topics {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

package ui

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"

	"github.com/studyplanner/studyplanner/internal/app"
	"github.com/studyplanner/studyplanner/internal/salary"
	"github.com/studyplanner/studyplanner/internal/store"
	"github.com/studyplanner/studyplanner/internal/ui/widgets"
)

// settingsStore is what the settings screen reads and changes.
type settingsStore interface {
	app.DataChecker
	Rates() ([]salary.Rate, error)
	Comparison() (salary.Comparison, error)
	UpdateComparison(before, after salary.Comparison) error
	Path() string
	Engine() string
	app.MoveSource
}

// settingsScreen holds the app's own settings: look, comparison currency,
// reminders, and where the data and its backups live.
type settingsScreen struct {
	store   settingsStore
	report  errorReporter
	app     fyne.App
	backups *backupActions

	theme      *widgets.Choice
	currency   *widgets.Choice
	remindOn   *widget.Check
	remindAt   *widgets.TextField
	dataPath   *widget.Label
	backupInfo *widget.Label
	loading    bool
	root       fyne.CanvasObject
}

func newSettings(st settingsStore, report errorReporter, a fyne.App, backups *backupActions) *settingsScreen {
	s := &settingsScreen{store: st, report: report, app: a, backups: backups}
	prefs := a.Preferences()
	// Showing the screen fills the fields; only the learner's own changes
	// are saved and applied (Fyne's Select reports every SetSelected as a
	// change: re-applying the theme on each visit redrew the whole app and
	// rewrote the preferences file).
	s.theme = widgets.NewChoice(themeChoices, func(label string) {
		if s.loading || prefs.StringWithFallback(prefTheme, "system") == themePref(label) {
			return
		}
		prefs.SetString(prefTheme, themePref(label))
		applyTheme(a)
	})
	s.currency = widgets.NewChoice(nil, func(code string) {
		if s.loading {
			return
		}
		c, err := st.Comparison()
		if err == nil && c.Base != code {
			changed := c
			changed.Base = code
			err = st.UpdateComparison(c, changed)
		}
		if err != nil {
			report("save the comparison currency", err)
		}
	})
	s.remindOn = widget.NewCheck("Remind me on study days", func(on bool) {
		if !s.loading {
			prefs.SetBool(prefRemindersOn, on)
		}
	})
	s.remindAt = widgets.NewTextField(5)
	s.remindAt.Validator = func(v string) error {
		if _, err := time.Parse("15:04", strings.TrimSpace(v)); err != nil {
			return errors.New("a time of day, 24-hour HH:MM")
		}
		return nil
	}
	s.remindAt.OnChanged = func(v string) {
		if !s.loading && s.remindAt.Validate() == nil {
			prefs.SetString(prefReminderTime, strings.TrimSpace(v))
		}
	}
	s.dataPath = widget.NewLabel(dataPlace(st))
	s.dataPath.Wrapping = fyne.TextWrapBreak
	s.backupInfo = widget.NewLabel("")
	s.backupInfo.Wrapping = fyne.TextWrapWord
	openFolder := widget.NewButtonWithIcon("Open the folder", theme.FolderOpenIcon(), func() {
		dir := filepath.Dir(st.Path())
		if store.IsServerURL(st.Path()) {
			dir = store.BackupDir(st.Path()) // this computer's copies of the server's data
		}
		u := &url.URL{Scheme: "file", Path: dir}
		if err := a.OpenURL(u); err != nil {
			report("open the data folder", err)
		}
	})
	backUp := widget.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), func() { backups.backUpNow(); s.reload() })
	list := widget.NewButtonWithIcon("Backups…", theme.HistoryIcon(), backups.showBackups)
	check := widget.NewButtonWithIcon("Check data", theme.SearchIcon(), s.checkData)
	move := widget.NewButtonWithIcon("Move my data…", theme.UploadIcon(), func() { s.moveData(backups.win) })

	form := func(items ...*widget.FormItem) *widget.Form { return &widget.Form{Items: items} }
	s.root = container.NewVScroll(container.NewVBox(
		heading("Settings"),
		widget.NewCard("Appearance", "", form(widget.NewFormItem("Theme", s.theme))),
		widget.NewCard("Salaries", "", form(&widget.FormItem{Text: "Compare in", Widget: s.currency, HintText: "The currency salaries are shown in"})),
		widget.NewCard("Reminders", "A desktop notification while Study Planner runs",
			form(widget.NewFormItem("", s.remindOn), &widget.FormItem{Text: "At", Widget: s.remindAt, HintText: "24-hour time, such as 18:30"})),
		widget.NewCard("Your data", "", container.NewVBox(s.dataPath, s.backupInfo, container.NewHBox(openFolder, backUp, list, check), container.NewHBox(move))),
	))
	return s
}

// dataPlace says where the data is: which engine, and the file or the
// server (without its password).
func dataPlace(st settingsStore) string {
	return fmt.Sprintf("%s: %s", st.Engine(), st.Path())
}

func (s *settingsScreen) name() string               { return "Settings" }
func (s *settingsScreen) icon() fyne.Resource        { return theme.SettingsIcon() }
func (s *settingsScreen) content() fyne.CanvasObject { return s.root }

func (s *settingsScreen) reload() { s.load()() }

// load reads the rates, the comparison and the backups, and returns the
// step that shows them with the preferences.
func (s *settingsScreen) load() func() {
	rates, err := s.store.Rates()
	var cmp salary.Comparison
	var all []store.Backup
	var backupErr error
	if err == nil {
		cmp, err = s.store.Comparison()
		all, backupErr = store.Backups(s.store.Path(), time.Now())
	}
	return func() { s.show(rates, cmp, all, backupErr, err) }
}

func (s *settingsScreen) show(rates []salary.Rate, cmp salary.Comparison, all []store.Backup, backupErr, err error) {
	if err != nil {
		s.report("load the settings", err)
		return
	}
	prefs := s.app.Preferences()
	s.loading = true
	defer func() { s.loading = false }()
	s.theme.SetSelected(themeLabel(prefs.StringWithFallback(prefTheme, "system")))
	s.remindOn.SetChecked(prefs.BoolWithFallback(prefRemindersOn, true))
	s.remindAt.SetText(prefs.StringWithFallback(prefReminderTime, defaultRemindTime))
	s.currency.Options = salary.Currencies(rates)
	s.currency.SetSelected(cmp.Base)
	switch {
	case backupErr != nil:
		s.backupInfo.SetText("The backups cannot be listed: " + backupErr.Error())
	case len(all) == 0:
		s.backupInfo.SetText("No backups yet. One is made each day you open the app, in " + store.BackupDir(s.store.Path()) + ".")
	default:
		s.backupInfo.SetText(sentence(backupSummary(all)))
	}
}

func backupSummary(all []store.Backup) string {
	return fmt.Sprintf("%d %s, the newest made %s, in %s", len(all), plural(len(all), "backup", "backups"),
		humanize.Time(all[0].Time), filepath.Dir(all[0].Path))
}

// checkData reads the whole database for damage, as "studyplanner check"
// does, off the UI thread, and says what it found in words.
func (s *settingsScreen) checkData() {
	w := s.backups.win
	inBackground(w, "Checking your data…", func() func() {
		c, err := app.CheckData(s.store)
		return func() {
			if err != nil {
				showError(w, "check your data", err)
				return
			}
			msg := fmt.Sprintf("Every page of %s (%s) reads back as written, and every link between your data holds.",
				c.Path, humanize.Bytes(uint64(c.Bytes)))
			if c.TotalsRebuilt {
				msg += "\n\nThe time logged per skill and step, which the file keeps as running totals, disagreed with your sessions and was worked out again from them: nothing was lost."
			}
			showInformation("Your data is healthy", msg, w)
		}
	})
}

// moveData asks where to move the data (a file or a server), copies and
// checks it there (app.Move), and then closes the app: the next start
// opens the data in its new place, and this window, still on the old
// place, must not take more changes there.
func (s *settingsScreen) moveData(w fyne.Window) {
	to := widgets.NewTextField(1000)
	to.SetPlaceHolder("postgres://you@host:5432/database or /home/you/study.db")
	items := []*widget.FormItem{{Text: "To", Widget: to,
		HintText: "A new file, or a server (its password from ~/.pgpass, never kept)"}}
	var moved app.Moved
	f := showFormDialog(w, "Move my data", "Move", items, wrappedLabel(
		"Everything is copied in one go and checked; then this computer uses the new place, and the data here is left as it was."),
		func() (err error) {
			moved, err = app.Move(s.store, strings.TrimSpace(to.Text))
			return err
		})
	// The copy reads and writes all the data: off the UI thread.
	f.slow = "Copying your data and checking the copy…"
	f.afterSave = func() {
		d := dialog.NewInformation("Your data was moved",
			fmt.Sprintf("%s were copied to %s and checked.\n\nStudy Planner now closes; open it again to work on your data there. "+
				"%s is left as it was.", moved.Counts, moved.To, moved.From), w)
		d.SetOnClosed(s.app.Quit)
		d.Show()
	}
}

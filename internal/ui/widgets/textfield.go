package widgets

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/dustin/go-humanize"
)

// TextField is an entry for what a learner writes, as a form wants it: it
// keeps to MaxLen characters while they type or paste (a 10,000-character
// paste into a name brings only what fits, rather than being drawn and
// then refused), it lets Tab move on to the next field even when it takes
// several lines, and it hands Escape to the form around it.
type TextField struct {
	widget.Entry

	// MaxLen is the most characters the field takes; 0 for no limit.
	MaxLen int
	// OnEscape, if set, is called when Escape is pressed in the field.
	OnEscape func()
	// OnLengthChanged, if set, is told the length after each change, to
	// show a count.
	OnLengthChanged func(n, max int)
	// Capitals, when set, writes letters as capitals as they are typed or
	// pasted: codes such as GB and EUR are always written so.
	Capitals bool
}

// NewTextField is a one-line field of at most max characters.
func NewTextField(max int) *TextField {
	f := &TextField{MaxLen: max}
	f.ExtendBaseWidget(f)
	return f
}

// NewMultiLineTextField is a field of several lines, wrapping at words, of
// at most max characters.
func NewMultiLineTextField(max int) *TextField {
	f := &TextField{MaxLen: max}
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.ExtendBaseWidget(f)
	return f
}

// AcceptsTab is false: Tab moves to the next field, as everywhere in a
// form. (A tab character has no place in a name or a note here.)
func (f *TextField) AcceptsTab() bool { return false }

// TypedRune refuses a character past the limit.
func (f *TextField) TypedRune(r rune) {
	if f.room() < 1 {
		return
	}
	if f.Capitals {
		r = unicode.ToUpper(r)
	}
	f.Entry.TypedRune(r)
	f.tellLength()
}

// TypedShortcut pastes only as much as the limit leaves room for.
func (f *TextField) TypedShortcut(s fyne.Shortcut) {
	if paste, ok := s.(*fyne.ShortcutPaste); ok && f.MaxLen > 0 && paste.Clipboard != nil {
		s = &fyne.ShortcutPaste{Clipboard: &trimmedClipboard{Clipboard: paste.Clipboard, room: f.room(), capitals: f.Capitals}}
	}
	f.Entry.TypedShortcut(s)
	f.tellLength()
}

// TypedKey hands Escape to OnEscape and keeps a new line within the limit.
func (f *TextField) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape && f.OnEscape != nil:
		f.OnEscape()
		return
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && f.MultiLine && f.room() < 1:
		return
	}
	f.Entry.TypedKey(k)
	f.tellLength()
}

// room is how many characters may still be added, counting a selection as
// free since what is typed replaces it. A text loaded longer than the
// limit (an older file's) is shown whole and may be shortened, never cut.
func (f *TextField) room() int {
	if f.MaxLen <= 0 {
		return math.MaxInt32
	}
	return f.MaxLen - utf8.RuneCountInString(f.Text) + utf8.RuneCountInString(f.SelectedText())
}

func (f *TextField) tellLength() {
	if f.OnLengthChanged != nil {
		f.OnLengthChanged(utf8.RuneCountInString(f.Text), f.MaxLen)
	}
}

// trimmedClipboard hands a paste no more than room characters.
type trimmedClipboard struct {
	fyne.Clipboard
	room     int
	capitals bool
}

func (c *trimmedClipboard) Content() string {
	text := c.Clipboard.Content()
	if c.capitals {
		text = strings.ToUpper(text)
	}
	if c.room <= 0 {
		return ""
	}
	if utf8.RuneCountInString(text) > c.room {
		return string([]rune(text)[:c.room])
	}
	return text
}

// LengthNote says how much of its limit a text uses, once it is near.
func LengthNote(n, max int) string {
	switch {
	case max <= 0 || n < max*3/4:
		return ""
	case n > max:
		return fmt.Sprintf("%s characters; no more can be added beyond %s", humanize.Comma(int64(n)), humanize.Comma(int64(max)))
	}
	return fmt.Sprintf("%s of %s characters", humanize.Comma(int64(n)), humanize.Comma(int64(max)))
}

// NewCodeField is a one-line field for a code of n capitals (GB, EUR):
// letters typed or pasted in small letters are written as capitals.
func NewCodeField(n int) *TextField {
	f := NewTextField(n)
	f.Capitals = true
	return f
}

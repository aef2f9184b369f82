package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestOnlyWebLinksInNotesStayLinks is the class "a note hides where a
// click leads": every link and image kind Markdown allows.
func TestOnlyWebLinksInNotesStayLinks(t *testing.T) {
	rt := widget.NewRichText()
	setMarkdown(rt, "See [the tour](https://go.dev/tour), [my file](file:///etc/passwd), "+
		"[a script](javascript:alert(1)), [a share](smb://server/x) and [plain http](http://example.com).\n\n"+
		"- a list with [a file link](file:///home/me/secret.txt)\n\n![tracker](https://tracker.example/pixel.png)")
	links := map[string]bool{}
	var text strings.Builder
	var walk func([]widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, seg := range segs {
			switch s := seg.(type) {
			case *widget.HyperlinkSegment:
				links[s.URL.String()] = true
			case *widget.ImageSegment:
				t.Errorf("an image is shown from %v", s.Source)
			case *widget.ListSegment:
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			case *widget.TextSegment:
				text.WriteString(s.Text)
			}
		}
	}
	walk(rt.Segments)
	if len(links) != 2 || !links["https://go.dev/tour"] || !links["http://example.com"] {
		t.Errorf("live links = %v, want only the two web addresses", links)
	}
	for _, shown := range []string{"my file (file:///etc/passwd)", "a script (javascript:alert(1))", "a share (smb://server/x)",
		"a file link (file:///home/me/secret.txt)", "[image: https://tracker.example/pixel.png]"} {
		if !strings.Contains(text.String(), shown) {
			t.Errorf("the note does not show %q as text; it shows %q", shown, text.String())
		}
	}
}

package ui

import (
	"fyne.io/fyne/v2/widget"

	"github.com/studyplanner/studyplanner/internal/plan"
)

// setMarkdown shows Markdown text with only safe links live. A link to an
// http or https address stays a link; any other (file:, javascript:,
// smb:) is shown as text with its address in full, so a note cannot hide
// where a click would lead. Images become text too: loading one would
// fetch a remote address or read a local file just by showing the note.
// The same rule as every other link the app opens: plan.SafeURL.
func setMarkdown(rt *widget.RichText, markdown string) {
	// Parsed into a widget never drawn, so that no image is fetched before
	// the segments are made safe.
	parsed := widget.NewRichTextFromMarkdown(markdown)
	rt.Segments = defuseSegments(parsed.Segments)
	rt.Refresh()
}

func defuseSegments(segments []widget.RichTextSegment) []widget.RichTextSegment {
	for i, seg := range segments {
		switch s := seg.(type) {
		case *widget.HyperlinkSegment:
			if s.URL == nil {
				segments[i] = &widget.TextSegment{Text: s.Text, Style: widget.RichTextStyleInline}
			} else if _, ok := plan.SafeURL(s.URL.String()); !ok {
				segments[i] = &widget.TextSegment{Text: s.Text + " (" + s.URL.String() + ")", Style: widget.RichTextStyleInline}
			}
		case *widget.ImageSegment:
			text := "[image]"
			if s.Source != nil {
				text = "[image: " + s.Source.String() + "]"
			}
			segments[i] = &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline}
		case *widget.ListSegment:
			s.Items = defuseSegments(s.Items)
		case *widget.ParagraphSegment:
			s.Texts = defuseSegments(s.Texts)
		}
	}
	return segments
}

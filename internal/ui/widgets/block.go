package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Block is a box tinted with the theme's primary colour holding wrapped
// text: a piece of work planned, or a session logged, on the week view.
// Its tint is worked out when it is drawn, in the theme of the moment, and
// only as strong as lets the text on it read: the light theme's grey text
// wants a paler tint than the dark theme's white.
type Block struct {
	widget.BaseWidget
	text     string
	strength uint8 // the tint's alpha, at most
}

// NewBlock makes a block of text tinted at strength, the primary colour's
// alpha from 0 to 255, or less where the text would not read.
func NewBlock(text string, strength uint8) *Block {
	b := &Block{text: text, strength: strength}
	b.ExtendBaseWidget(b)
	return b
}

// Text is what the block says.
func (b *Block) Text() string { return b.text }

func (b *Block) CreateRenderer() fyne.WidgetRenderer {
	// Each line is cut with an ellipsis rather than wrapped: a narrow day
	// column broke words ("Relationa/l") and widened the window.
	label := widget.NewLabel(b.text)
	label.Truncation = fyne.TextTruncateEllipsis
	label.SizeName = theme.SizeNameCaptionText
	r := &blockRenderer{b: b, bg: canvas.NewRectangle(nil), label: label}
	r.Refresh()
	return r
}

type blockRenderer struct {
	b     *Block
	bg    *canvas.Rectangle
	label *widget.Label
}

func (r *blockRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.label} }
func (r *blockRenderer) Destroy()                     {}
func (r *blockRenderer) MinSize() fyne.Size           { return r.label.MinSize() }

func (r *blockRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.label.Resize(size)
}

// Refresh tints the block in the theme of the moment.
func (r *blockRenderer) Refresh() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = ReadableTint(th.Color(theme.ColorNamePrimary, v), r.b.strength,
		th.Color(theme.ColorNameBackground, v), th.Color(theme.ColorNameForeground, v))
	r.bg.CornerRadius = 4
	r.label.SetText(r.b.text)
	r.Layout(r.b.Size())
	r.bg.Refresh()
}

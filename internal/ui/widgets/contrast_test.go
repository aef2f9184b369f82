package widgets

import (
	"image/color"
	"math"
	"testing"
)

func TestContrastIsWCAGs(t *testing.T) {
	tests := []struct {
		fg, bg color.Color
		want   float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{hex(0x767676), color.White, 4.54},           // the lightest grey that reads on white
		{Tint(color.Black, 0x80), color.White, 4.00}, // #7f7f7f once drawn
	}
	for _, tt := range tests {
		if got := Contrast(tt.fg, tt.bg); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%v, %v) = %.2f, want %.2f", tt.fg, tt.bg, got, tt.want)
		}
	}
}

func TestLegibleMovesTextOnlyAsFarAsItNeeds(t *testing.T) {
	white, dark, primary := hex(0xffffff), hex(0x171718), hex(0x296ff6)
	if got := Legible(hex(0x565656), white); rgbOf(got) != rgbOf(hex(0x565656)) {
		t.Errorf("text that reads was changed to %v", got)
	}
	for _, bg := range []color.Color{white, dark, Over(Tint(primary, 0xc0), white)} {
		got := Legible(primary, bg)
		if c := Contrast(got, bg); c < MinTextContrast || c > MinTextContrast+1.5 {
			t.Errorf("primary on %v became %v, at %.2f:1", bg, got, c)
		}
	}
}

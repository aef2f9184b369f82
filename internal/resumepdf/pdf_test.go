package resumepdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/assets"
	"github.com/studyplanner/studyplanner/internal/resume"
)

func TestPaperFor(t *testing.T) {
	for locale, want := range map[string]Paper{
		"en_US.UTF-8": Letter, "en-CA": Letter, "es_MX.utf8@euro": Letter, "en_GB.UTF-8": A4, "pl_PL.UTF-8": A4,
		"de": A4, "C.UTF-8": A4, "": A4, "POSIX": A4,
	} {
		if got := PaperFor(locale); got != want {
			t.Errorf("PaperFor(%q) = %s, want %s", locale, got, want)
		}
	}
}

// TestWriteWithLittleOrMuch: a résumé with a name alone, and one whose
// every text is as long as the rules allow, both make a PDF (the long one
// on several pages) without an error.
func TestWriteWithLittleOrMuch(t *testing.T) {
	fonts := Fonts{Regular: assets.FontRegular, Bold: assets.FontBold}
	long := strings.Repeat("Ελένη Łukasz Алёна ", 2000/19)
	name := string([]rune(long)[:200])
	var jobs []resume.WorkEntry
	for range 20 {
		jobs = append(jobs, resume.WorkEntry{Name: name, Position: "Developer", Summary: long, Highlights: []string{name, name}})
	}
	for _, doc := range []resume.Document{
		{Basics: resume.Basics{Name: "Ada"}},
		{Basics: resume.Basics{Name: "Bad \xff\xfe bytes", Summary: "more \xc3 bad"}},
		{Basics: resume.Basics{Name: name, Summary: long}, Work: jobs},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, doc, A4, fonts, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	}
}

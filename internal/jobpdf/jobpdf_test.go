package jobpdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/studyplanner/studyplanner/internal/jobsearch"
)

func TestTheRecordPrintsEveryApplicationReadably(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	var entries []jobsearch.RecordEntry
	for i := 0; i < 70; i++ {
		entries = append(entries, jobsearch.RecordEntry{Date: day("2026-01-05").AddDate(0, 0, i), Company: "Müller & Söhne GmbH",
			Role: "Junior Backend-Entwickler (Go)", How: "Job centre", Outcome: "Rejected"})
	}
	entries[3].Role = strings.Repeat("Very long role name ", 500)
	entries[69].Company = "Last Company"
	var buf bytes.Buffer
	if err := Write(&buf, Header{Name: "Alex Beispiel", Printed: day("2026-04-01")}, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils, in the Makefile's TEST_PACKAGES) is not installed")
	}
	path := filepath.Join(t.TempDir(), "record.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{"Record of applications", "Alex Beispiel", "Period: 2026-01-05 to 2026-03-15", "Applications: 70",
		"Müller & Söhne GmbH", "2026-01-05", "Last Company", "page 1 of", "Date and signature"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if n := strings.Count(text, "Müller & Söhne GmbH"); n != 69 {
		t.Errorf("%d rows of Müller, want 69", n)
	}
}

package store

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// FuzzImport: whatever the file, an import either stores exactly what the
// document says or changes nothing at all.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"../cli/testdata/v1-export.json", "../cli/testdata/v2-export.json", "../cli/testdata/v3-export.json", "../cli/testdata/v4-export.json"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	var sample bytes.Buffer
	snapshot.Encode(&sample, sampleDocument())
	f.Add(sample.Bytes())
	f.Add([]byte(`{"format":"studyplanner","version":4}`))
	// One database for the whole run: every input starts from the same data.
	st, err := Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := st.Import(sampleDocument()); err != nil {
			t.Fatal(err)
		}
		before := mustExport(t, st)
		doc, decodeErr := snapshot.Decode(bytes.NewReader(data))
		if decodeErr != nil {
			return // the CLI and the window stop here: nothing is written
		}
		if err := st.Import(doc); err != nil {
			if after := mustExport(t, st); !reflect.DeepEqual(before, after) {
				t.Fatalf("a failed import changed the data: %v", err)
			}
			return
		}
		after, err := st.Export()
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Roadmap) != len(doc.Roadmap) || len(after.Sessions) != len(doc.Sessions) || len(after.Salaries) != len(doc.Salaries) {
			t.Fatalf("the import stored %d steps, %d sessions, %d salaries of %d, %d, %d",
				len(after.Roadmap), len(after.Sessions), len(after.Salaries), len(doc.Roadmap), len(doc.Sessions), len(doc.Salaries))
		}
	})
}

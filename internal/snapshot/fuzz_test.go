package snapshot

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// seeds adds the documents the app really meets: every released version's
// export, the default content and the built-in pack.
func seeds(f *testing.F, files ...string) {
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(valid))
	f.Add([]byte(validPack))
	f.Add([]byte(`{"format":"studyplanner","version":4}`))
	f.Add([]byte(`{"format":"studyplanner-pack","version":1,"roadmap":[{"title":"x"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte{})
}

// FuzzDecode: any input either decodes to a valid document that survives
// encoding and decoding again unchanged, or is refused with an error;
// never a panic.
func FuzzDecode(f *testing.F) {
	seeds(f, "../cli/testdata/v1-export.json", "../cli/testdata/v2-export.json", "../cli/testdata/v3-export.json", "../cli/testdata/v4-export.json",
		"../../assets/default-content.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := doc.Validate(); err != nil {
			t.Fatalf("Decode accepted a document that does not validate: %v", err)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, doc); err != nil {
			t.Fatal(err)
		}
		again, err := Decode(&buf)
		if err != nil {
			t.Fatalf("our own encoding does not decode: %v", err)
		}
		doc.UpgradedFrom = 0
		if !reflect.DeepEqual(normalize(doc), normalize(again)) {
			t.Fatal("encode → decode changed the document")
		}
	})
}

// normalize makes nil and empty lists equal, as JSON does.
func normalize(d Document) Document {
	var buf bytes.Buffer
	Encode(&buf, d)
	var out Document
	decodeStrict(buf.Bytes(), &out)
	return out
}

// FuzzDecodePack: the same for roadmap packs.
func FuzzDecodePack(f *testing.F) {
	seeds(f, "../../assets/packs/backend-developer.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePack(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("DecodePack accepted a pack that does not validate: %v", err)
		}
		var buf bytes.Buffer
		EncodePack(&buf, p)
		if _, err := DecodePack(&buf); err != nil {
			t.Fatalf("our own pack does not decode: %v", err)
		}
	})
}

package practice

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// An Anki-friendly file: one card a line, front, back and tags separated
// by tabs, the tags separated by spaces, with the header lines Anki 2.1.55
// and later write and read. A card's topic travels as the tag
// "topic::<topic>" and each skill as "skill::<name with _ for spaces>",
// so Anki keeps them as ordinary hierarchical tags and an import here gives
// them back.
const (
	topicPrefix = "topic::"
	skillPrefix = "skill::"
)

// The header lines of an export.
const tsvHeader = "#separator:tab\n#html:false\n#tags column:3\n"

// WriteTSV writes cards as an Anki-friendly file.
func WriteTSV(w io.Writer, cards []Card) error {
	if _, err := io.WriteString(w, tsvHeader); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	for _, c := range cards {
		if err := cw.Write([]string{c.Front, c.Back, strings.Join(cardTags(c), " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func cardTags(c Card) []string {
	var tags []string
	if c.Topic != "" {
		tags = append(tags, topicPrefix+string(c.Topic))
	}
	for _, s := range c.Skills {
		tags = append(tags, skillPrefix+strings.ReplaceAll(s, " ", "_"))
	}
	return append(tags, c.Tags...)
}

// MaxTSVBytes bounds a file read.
const MaxTSVBytes = 64 << 20

// ReadTSV reads an Anki-friendly file: tab-separated front, back and
// (optionally) tags; lines starting with # before the first card are
// Anki's headers. Every card is checked; an error names the line and
// nothing is returned, so a bad file never half-imports.
func ReadTSV(r io.Reader) ([]Card, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTSVBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	if len(data) > MaxTSVBytes {
		return nil, fmt.Errorf("the file is larger than %d MB; split it", MaxTSVBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body, skipped := skipHeaders(data)
	cr := csv.NewReader(bytes.NewReader(body))
	cr.Comma = '\t'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var cards []Card
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v; each line is front, a tab, back and optionally a tab and tags", line+skipped, err)
		}
		c, err := cardOfRecord(rec)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line+skipped, err)
		}
		if len(cards) == MaxCards {
			return nil, fmt.Errorf("the file holds more than %d cards, the most Study Planner keeps", MaxCards)
		}
		cards = append(cards, c)
	}
	if len(cards) == 0 {
		return nil, fmt.Errorf("the file holds no cards; each line is front, a tab, back and optionally a tab and tags")
	}
	return cards, nil
}

// skipHeaders drops Anki's leading # lines, and says how many.
func skipHeaders(data []byte) ([]byte, int) {
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), MaxTSVBytes)
	off := 0
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			break
		}
		off += len(line) + 1
		n++
	}
	if off > len(data) {
		off = len(data)
	}
	return data[off:], n
}

func cardOfRecord(rec []string) (Card, error) {
	if len(rec) < 2 {
		return Card{}, fmt.Errorf("it has no back; separate front and back with a tab")
	}
	if len(rec) > 3 {
		return Card{}, fmt.Errorf("it has %d columns; a card has front, back and tags", len(rec))
	}
	c := Card{Front: rec[0], Back: rec[1]}
	if len(rec) == 3 {
		for _, t := range strings.Fields(rec[2]) {
			switch {
			case strings.HasPrefix(t, topicPrefix):
				c.Topic = Topic(strings.TrimPrefix(t, topicPrefix))
			case strings.HasPrefix(t, skillPrefix):
				c.Skills = append(c.Skills, strings.ReplaceAll(strings.TrimPrefix(t, skillPrefix), "_", " "))
			default:
				c.Tags = append(c.Tags, t)
			}
		}
	}
	if err := c.Validate(); err != nil {
		return Card{}, err
	}
	return c, nil
}

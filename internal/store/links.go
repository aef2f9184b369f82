package store

import (
	"gorm.io/gorm"

	"github.com/studyplanner/studyplanner/internal/snapshot"
)

// The parts of a document link to each other by position and name, not
// by database ID: an application by its place in the job search's list
// (the order of its ID), a résumé version by its name. Imported into
// another database the IDs change; the positions and names do not.

// orderedIDs are a table's IDs in order: the order its rows are
// exported in and were inserted in on import.
func orderedIDs(tx *gorm.DB, table string) ([]uint, error) {
	var ids []uint
	err := tx.Table(table).Order("id").Pluck("id", &ids).Error
	return ids, err
}

// exportLinks writes the document's links as positions and names, in
// place of the IDs its parts were read with.
func exportLinks(tx *gorm.DB, doc *snapshot.Document) error {
	if doc.JobSearch == nil {
		return nil
	}
	ids, err := orderedIDs(tx, "applications")
	if err != nil {
		return err
	}
	position := map[uint]int{}
	for i, id := range ids {
		position[id] = i + 1
	}
	if doc.Resume != nil {
		for i := range doc.Resume.Versions {
			v := &doc.Resume.Versions[i]
			if v.ApplicationID != nil {
				v.Application = position[*v.ApplicationID] // 0 when deleted since
			}
			v.ApplicationID = nil
		}
	}
	if doc.Practice != nil {
		for i := range doc.Practice.Cards {
			c := &doc.Practice.Cards[i]
			if c.ApplicationID != nil {
				c.Application = position[*c.ApplicationID]
			}
			c.ApplicationID = nil
		}
	}
	var sent []struct {
		ID   uint
		Name string
	}
	if err := tx.Raw(`SELECT a.id, v.name FROM applications a JOIN resume_versions v ON v.id = a.resume_version_id`).Scan(&sent).Error; err != nil {
		return err
	}
	for _, s := range sent {
		if p := position[s.ID]; p > 0 && p <= len(doc.JobSearch.Applications) {
			doc.JobSearch.Applications[p-1].ResumeVersion = s.Name
		}
	}
	return nil
}

// insertPracticeAndLinks inserts the practice, the last part, then sets
// the links between the parts.
func insertPracticeAndLinks(tx *gorm.DB, doc snapshot.Document) error {
	if err := insertPractice(tx, doc.Practice); err != nil {
		return err
	}
	return importLinks(tx, doc)
}

// importLinks sets the links of a document just inserted: the IDs its
// positions and names have in this database.
func importLinks(tx *gorm.DB, doc snapshot.Document) error {
	if doc.JobSearch == nil {
		return nil
	}
	apps, err := orderedIDs(tx, "applications")
	if err != nil {
		return err
	}
	app := func(position int) any {
		if position < 1 || position > len(apps) {
			return nil
		}
		return apps[position-1]
	}
	if doc.Resume != nil {
		for _, v := range doc.Resume.Versions {
			if v.Application == 0 {
				continue
			}
			if err := tx.Exec("UPDATE resume_versions SET application_id = ? WHERE name = ?", app(v.Application), v.Name).Error; err != nil {
				return err
			}
		}
	}
	if err := importCardLinks(tx, doc.Practice, app); err != nil {
		return err
	}
	for i, a := range doc.JobSearch.Applications {
		if a.ResumeVersion == "" || i >= len(apps) {
			continue
		}
		err := tx.Exec("UPDATE applications SET resume_version_id = (SELECT id FROM resume_versions WHERE name = ?) WHERE id = ?",
			a.ResumeVersion, apps[i]).Error
		if err != nil {
			return err
		}
	}
	return nil
}

func importCardLinks(tx *gorm.DB, p *snapshot.Practice, app func(int) any) error {
	if p == nil {
		return nil
	}
	cards, err := orderedIDs(tx, "cards")
	if err != nil {
		return err
	}
	for i, c := range p.Cards {
		if c.Application == 0 || i >= len(cards) {
			continue
		}
		if err := tx.Exec("UPDATE cards SET application_id = ? WHERE id = ?", app(c.Application), cards[i]).Error; err != nil {
			return err
		}
	}
	return nil
}

package store

import (
	"reflect"

	"gorm.io/gorm"
)

// columns is a row's values by column name, as a form showed them to the
// learner (before) and as the learner saved them (after).
type columns map[string]any

// changedColumns lists the columns whose value after differs from before.
// A save writes only those, against the row as it is now: a field another
// window or a script changed meanwhile is not put back to what this form
// loaded, and when both changed the same field the later save wins it.
func changedColumns(before, after columns) columns {
	changed := columns{}
	for name, v := range after {
		if !reflect.DeepEqual(before[name], v) {
			changed[name] = v
		}
	}
	return changed
}

// updateChanged writes the changed columns of one row, found by key. Saving
// a form in which nothing changed writes nothing. A row that is gone is
// ErrNotFound.
func updateChanged(tx *gorm.DB, table, key string, id any, before, after columns, what string) error {
	changed := changedColumns(before, after)
	if len(changed) == 0 {
		return nil
	}
	return rowsChanged(tx.Table(table).Where(key+" = ?", id).Updates(map[string]any(changed)), what)
}

// setChange is what a save changes in a set of links between rows (a
// skill's prerequisites, a project's skills): only what the learner added
// or removed, so links another window added meanwhile stay.
type setChange struct{ added, removed []uint }

func diffSets(before, after []uint) setChange {
	had, has := map[uint]bool{}, map[uint]bool{}
	for _, id := range before {
		had[id] = true
	}
	for _, id := range after {
		has[id] = true
	}
	var c setChange
	for _, id := range after {
		if !had[id] {
			c.added = append(c.added, id)
			had[id] = true // listed twice: added once
		}
	}
	for _, id := range before {
		if !has[id] {
			c.removed = append(c.removed, id)
			has[id] = true
		}
	}
	return c
}

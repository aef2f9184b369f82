package store

import (
	"fmt"

	"gorm.io/gorm"
)

// Rows of ordered lists (steps, checklist items, skills, links) carry a
// position, dense from 0 within their parent.

func byPosition(db *gorm.DB) *gorm.DB { return db.Order("position, id") }

func nextPosition(tx *gorm.DB, table, where string, args ...any) int {
	var max *int
	tx.Raw("SELECT MAX(position) FROM "+table+" WHERE "+where, args...).Scan(&max)
	if max == nil {
		return 0
	}
	return *max + 1
}

// move swaps a row with its neighbour, among the rows that share its value
// of parent (all rows when parent is empty), as they are ordered now,
// then renumbers them 0, 1, 2… so positions stay dense. Reading the order
// inside the write transaction means a move made meanwhile in another
// window is moved from, not undone.
func (s *Store) move(table, parent string, id uint, delta int) error {
	err := s.write(func(tx *gorm.DB) error {
		where, args := "1 = 1", []any{}
		if parent != "" {
			where = parent + " = (SELECT " + parent + " FROM " + table + " WHERE id = ?)"
			args = append(args, id)
		}
		var ids []uint
		if err := tx.Raw("SELECT id FROM "+table+" WHERE "+where+" ORDER BY position, id", args...).Scan(&ids).Error; err != nil {
			return err
		}
		at := -1
		for i, v := range ids {
			if v == id {
				at = i
			}
		}
		if at < 0 {
			return fmt.Errorf("it was %w (it may have been deleted in another window)", ErrNotFound)
		}
		to := at + delta
		if to < 0 || to >= len(ids) {
			return nil // already first or last
		}
		ids[at], ids[to] = ids[to], ids[at]
		for pos, v := range ids {
			if err := tx.Exec("UPDATE "+table+" SET position = ? WHERE id = ?", pos, v).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("moving: %w", err)
	}
	return nil
}

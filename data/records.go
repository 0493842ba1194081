package data

import (
	"reflect"

	"gorm.io/gorm"
)

// getRecord reads one living record of type T by ID.
func getRecord[T any](db *gorm.DB, id uint) (T, error) {
	var rec T
	err := db.First(&rec, id).Error
	return rec, translate(err)
}

// saveRecord creates rec when id is zero and otherwise writes every column
// of it, zero values included, over the living record with that ID. A
// record with a Version field is only written over the version it was read
// at: a save from a form that someone else has saved since is refused with
// ErrConflict instead of overwriting their change.
func saveRecord(db *gorm.DB, rec any, id uint) error {
	version := reflect.ValueOf(rec).Elem().FieldByName("Version")
	if id == 0 {
		if version.IsValid() {
			version.SetInt(1)
		}
		return translate(db.Create(rec).Error)
	}
	q := db
	if version.IsValid() {
		read := version.Int()
		version.SetInt(read + 1)
		q = db.Where("version = ?", read)
	}
	res := q.Select("*").Omit("created_at", "deleted_at").Updates(rec)
	if res.Error == nil && res.RowsAffected == 0 {
		if version.IsValid() {
			version.SetInt(version.Int() - 1)
		}
		return unchanged(db, rec, id, version)
	}
	return translate(res.Error)
}

// unchanged says why an update by ID changed no row: the row is gone; or
// it was saved by someone else since it was read (ErrConflict); or it is
// there as it was read, so the server's row-level security hid it from the
// write: another office's record (ErrNotYours).
func unchanged(db *gorm.DB, rec any, id uint, version reflect.Value) error {
	var n, same int64
	if err := db.Model(rec).Where("id = ?", id).Count(&n).Error; err != nil {
		return translate(err)
	}
	if n == 0 {
		return ErrNotFound
	}
	if !version.IsValid() {
		return ErrNotYours
	}
	if err := db.Model(rec).Where("id = ? AND version = ?", id, version.Int()).Count(&same).Error; err != nil {
		return translate(err)
	}
	if same > 0 {
		return ErrNotYours
	}
	return ErrConflict
}

// createAll inserts new records in batches of 50: this driver binds
// parameters in O(n²), so larger batches are slower (PLATFORM.md). New
// records with a Version field start at 1, as in saveRecord.
func createAll[T any](db *gorm.DB, recs []T) error {
	if len(recs) == 0 {
		return nil
	}
	for i := range recs {
		if version := reflect.ValueOf(&recs[i]).Elem().FieldByName("Version"); version.IsValid() {
			version.SetInt(1)
		}
	}
	return translate(db.CreateInBatches(recs, 50).Error)
}

// deleteRecord moves one living record of type T to the recycle bin.
func deleteRecord[T any](db *gorm.DB, id uint) error {
	res := db.Delete(new(T), id)
	if res.Error == nil && res.RowsAffected == 0 {
		var n int64
		if err := db.Model(new(T)).Where("id = ?", id).Count(&n).Error; err != nil {
			return translate(err)
		}
		if n > 0 {
			return ErrNotYours
		}
		return ErrNotFound
	}
	return translate(res.Error)
}

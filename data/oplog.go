package data

import (
	"fmt"
	"maps"
	"reflect"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Actions of the operation log.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionDelete  = "delete"
	ActionRestore = "restore" // from the recycle bin
	ActionPurge   = "purge"   // 彻底删除
)

// OpLog is one line of the operation log (操作日志).
type OpLog struct {
	ID       uint
	At       time.Time
	Operator string
	Action   string
	Entity   string // the table
	RecordID uint
	Summary  string
	Office   string // on a shared server, the login role of the office that made the change
}

// TableName names the log table.
func (OpLog) TableName() string { return "op_log" }

// loggedTables are the records whose changes the log keeps.
var loggedTables = map[string]bool{
	"organizations": true, "departments": true, "people": true, "appointments": true, "exits": true,
	"assessments": true, "selection_rounds": true, "candidates": true, "recommendations": true,
	"trainings": true, "meetings": true, "rectifications": true, "evidence_files": true, "rule_sets": true,
	"conclusions": true, "publicities": true, "objections": true, "reviews": true, "settings": true,
	"congress_quotas": true, "congress_delegates": true, "congress_elections": true, "congress_candidates": true,
	"congress_proposals": true,
}

// LoggedTables names the tables whose changes the log keeps.
func LoggedTables() map[string]bool { return maps.Clone(loggedTables) }

// registerOpLog writes a log line in the same transaction as every create,
// update and delete of a logged table.
func (s *Store) registerOpLog() error {
	cb := s.db.Callback()
	if err := cb.Create().After("gorm:create").Register("tuanxue:oplog_create", s.logWith(ActionCreate)); err != nil {
		return err
	}
	if err := cb.Update().After("gorm:update").Register("tuanxue:oplog_update", s.logWith(ActionUpdate)); err != nil {
		return err
	}
	return cb.Delete().After("gorm:delete").Register("tuanxue:oplog_delete", s.logWith(ActionDelete))
}

func (s *Store) logWith(action string) func(*gorm.DB) {
	return func(tx *gorm.DB) {
		st := tx.Statement
		if tx.Error != nil || st.Table == "" || !loggedTables[st.Table] || tx.RowsAffected == 0 {
			return
		}
		if action == ActionUpdate && isSoftDelete(st) {
			action = ActionDelete
		}
		id, summary := describe(st.ReflectValue)
		if id == 0 {
			id = idFromWhere(st)
		}
		if st.ReflectValue.Kind() == reflect.Slice && st.ReflectValue.Len() > 1 {
			summary = fmt.Sprintf("%d 条", st.ReflectValue.Len())
		}
		s.writeLog(tx, action, st.Table, id, summary)
	}
}

// writeLog adds a line through the same connection and transaction.
func (s *Store) writeLog(tx *gorm.DB, action, table string, id uint, summary string) {
	tx.Session(&gorm.Session{NewDB: true, SkipHooks: true}).Exec(
		"INSERT INTO op_log (at, operator, action, entity, record_id, summary) VALUES (?, ?, ?, ?, ?, ?)",
		tx.NowFunc(), s.operator, action, table, id, summary)
}

func isSoftDelete(st *gorm.Statement) bool {
	if m, ok := st.Dest.(map[string]any); ok {
		_, has := m["deleted_at"]
		return has && len(m) == 1
	}
	return false
}

// describe reads a record's ID and a few words naming it.
func describe(v reflect.Value) (uint, string) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() == reflect.Slice {
		if v.Len() != 1 {
			return 0, ""
		}
		v = v.Index(0)
	}
	if v.Kind() != reflect.Struct {
		return 0, ""
	}
	var id uint
	if f := v.FieldByName("ID"); f.IsValid() && f.CanUint() {
		id = uint(f.Uint())
	}
	var parts []string
	for _, name := range []string{"StudentNo", "Name", "Title", "Problem", "Post", "Key"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			parts = append(parts, f.String())
		}
	}
	return id, strings.Join(parts, " ")
}

// idFromWhere finds "id = ?" in an update or delete by ID.
func idFromWhere(st *gorm.Statement) uint {
	for _, v := range st.Vars {
		switch n := v.(type) {
		case uint:
			return n
		case int:
			return uint(n)
		}
	}
	return 0
}

// OpLogFilter selects log lines.
type OpLogFilter struct {
	From, To time.Time // zero: no limit
	Action   string
	Entity   string
	Limit    int
}

// OpLogs lists log lines, newest first.
func (s *Store) OpLogs(f OpLogFilter) ([]OpLog, error) {
	q := s.db.Order("id DESC")
	if !f.From.IsZero() {
		q = q.Where("at >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("at < ?", f.To)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	var out []OpLog
	return out, translate(q.Find(&out).Error)
}

// LogAction records an operation that is not a single record's change, such
// as an import or a restore.
func (s *Store) LogAction(action, entity, summary string) error {
	return translate(s.db.Exec("INSERT INTO op_log (at, operator, action, entity, summary) VALUES (?, ?, ?, ?, ?)",
		s.db.NowFunc(), s.operator, action, entity, summary).Error)
}

// SetOperator names who is making the changes, for the log.
func (s *Store) SetOperator(name string) { s.operator = name }

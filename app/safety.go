package app

import (
	"errors"
	"os"
	"path/filepath"

	"tuanxue/app/report"
	"tuanxue/data"
)

// Entities name the kinds of records in the bin and the log.
var Entities = []Label{
	{"organizations", "组织"}, {"departments", "部门"}, {"people", "人员"}, {"appointments", "任职"},
	{"exits", "退出"}, {"assessments", "考核"}, {"selection_rounds", "选拔"}, {"candidates", "候选人"},
	{"recommendations", "推优"}, {"trainings", "培训"}, {"meetings", "会议"}, {"rectifications", "整改事项"},
	{"evidence_files", "佐证材料"}, {"rule_sets", "改革指标"}, {"conclusions", "人工结论"},
	{"publicities", "公示"}, {"reviews", "述职评议"}, {"objections", "异议"}, {"settings", "设置"}, {"backup", "备份"}, {"tuanxue_offices", "办公室账号"},
	{"congress_quotas", "代表名额"}, {"congress_delegates", "学代会代表"}, {"congress_elections", "学代会选举"},
	{"congress_candidates", "选举候选人"}, {"congress_proposals", "提案"},
}

// Actions name what the log records.
var Actions = []Label{
	{data.ActionCreate, "新增"}, {data.ActionUpdate, "修改"}, {data.ActionDelete, "删除"},
	{data.ActionRestore, "恢复"}, {data.ActionPurge, "彻底删除"}, {"import", "导入"},
}

// BinColumns are the recycle bin's columns.
var BinColumns = []report.Column{{Title: "删除时间", Width: 9}, {Title: "类别", Width: 5}, {Title: "内容", Width: 40}}

// Bin lists the recycle bin.
func (s *Service) Bin() ([]data.BinEntry, error) { return s.store.Bin() }

// BinCells describes the bin for its screen.
func BinCells(es []data.BinEntry) [][]string {
	out := make([][]string, len(es))
	for i, e := range es {
		out[i] = []string{e.DeletedAt.Local().Format("2006-01-02 15:04"), TextOf(Entities, e.Entity), e.Label}
	}
	return out
}

// RestoreFromBin puts a record back with what went to the bin with it.
func (s *Service) RestoreFromBin(e data.BinEntry) error {
	err := s.InTransaction(func(tx *Service) error {
		if err := tx.store.RestoreFromBin(e.Entity, e.ID); err != nil || e.Entity != "reviews" {
			return err
		}
		// A review back from the bin counts again in the totals it fed.
		r, err := tx.store.ReviewRecordOf(e.ID)
		if err != nil {
			return err
		}
		return tx.refreshReviewed(r)
	})
	if err != nil && isDuplicate(err) {
		return ValidationError{{"", "已有同名的记录，不能恢复；请先把现有的那条改名"}}
	}
	return err
}

func isDuplicate(err error) bool { return errors.Is(err, data.ErrDuplicate) }

// Purge deletes a record for good, its evidence files from the folder too.
func (s *Service) Purge(e data.BinEntry) error {
	files, err := s.store.Purge(e.Entity, e.ID)
	if err != nil {
		return err
	}
	root := s.store.Dir()
	for _, f := range files {
		_ = os.Remove(filepath.Join(root, filepath.FromSlash(f)))
	}
	return nil
}

// DeletePerson moves a person with their records to the recycle bin.
func (s *Service) DeletePerson(id uint) error { return s.store.DeletePerson(id) }

const settingOperator = "operator_name"

// Operator is who the log names for this copy: set in settings, else the
// system's user.
func (s *Service) Operator() string {
	if name, err := s.store.Setting(settingOperator); err == nil && name != "" {
		return name
	}
	return ""
}

// UseOperator makes the log name the operator from settings, if any.
func (s *Service) UseOperator() {
	if name := s.Operator(); name != "" {
		s.store.SetOperator(name)
	}
}

// SetOperator records the operator's name in settings and uses it.
func (s *Service) SetOperator(name string) error {
	var v ValidationError
	name = cleanText(&v, "Operator", "操作人", name, 20)
	if err := v.Err(); err != nil {
		return err
	}
	if err := s.store.SetSettings(map[string]string{settingOperator: name}); err != nil {
		return err
	}
	s.store.SetOperator(name)
	return nil
}

// LogColumns are the operation log's columns: the whole time, and the
// record by its name (oplog_names.go), never by its internal number.
var LogColumns = []report.Column{{Title: "时间", Width: 11}, {Title: "操作人", Width: 5}, {Title: "操作", Width: 4},
	{Title: "对象", Width: 5}, {Title: "内容", Width: 36}}

// OpLogCells reads the log for its screen and for Excel: an import as its
// one line with its counts, each record by its name.
func (s *Service) OpLogCells(f data.OpLogFilter) ([][]string, error) {
	logs, err := s.store.OpLogs(f)
	if err != nil {
		return nil, err
	}
	logs = foldImports(logs)
	names := s.recordNames(logs)
	out := make([][]string, len(logs))
	for i, l := range logs {
		who := l.Operator
		if l.Office != "" { // on a shared server: the office's account
			who += "（" + l.Office + "）"
		}
		out[i] = []string{l.At.Local().Format("2006-01-02 15:04:05"), who, TextOf(Actions, l.Action),
			TextOf(Entities, l.Entity), names.of(l)}
	}
	return out, nil
}

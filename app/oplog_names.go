package app

import (
	"fmt"
	"regexp"
	"time"

	"tuanxue/data"
)

// batchSummary is what the store writes for a create of many rows at once.
var batchSummary = regexp.MustCompile(`^\d+ 条$`)

// importedKinds are the records an import writes.
var importedKinds = map[string]bool{"people": true, "appointments": true, "organizations": true, "departments": true}

// foldImports leaves an import as its own line ("导入名册：新增 3 人…"):
// the lines of the rows it wrote, which the store logs in the import's
// transaction just before it, are left out. logs are newest first.
func foldImports(logs []data.OpLog) []data.OpLog {
	out := logs[:0:0]
	for i := 0; i < len(logs); i++ {
		l := logs[i]
		out = append(out, l)
		if l.Action != "import" {
			continue
		}
		for i+1 < len(logs) {
			n := logs[i+1]
			if n.Operator != l.Operator || !importedKinds[n.Entity] || l.At.Sub(n.At) > 30*time.Minute ||
				n.Action != data.ActionCreate && n.Action != data.ActionUpdate {
				break
			}
			i++
		}
	}
	return out
}

type recordKey struct {
	entity string
	id     uint
}

// recordNamer names the records of log lines.
type recordNamer map[recordKey]string

// of is what a log line says about its record: its own words, else the
// record's name.
func (n recordNamer) of(l data.OpLog) string {
	if l.Summary != "" && !batchSummary.MatchString(l.Summary) || l.RecordID == 0 {
		if batchSummary.MatchString(l.Summary) {
			return "一次保存 " + l.Summary
		}
		return l.Summary
	}
	if name := n[recordKey{l.Entity, l.RecordID}]; name != "" {
		return name
	}
	return "（已彻底删除的记录）"
}

// recordNames finds a name for every record the lines touch: from another
// line that named it (its creation), from the recycle bin for a deleted
// one, or from the record as it is now.
func (s *Service) recordNames(logs []data.OpLog) recordNamer {
	names := recordNamer{}
	for _, l := range logs {
		k := recordKey{l.Entity, l.RecordID}
		if l.RecordID != 0 && l.Summary != "" && !batchSummary.MatchString(l.Summary) && names[k] == "" {
			names[k] = l.Summary
		}
	}
	var bin map[recordKey]string
	for _, l := range logs {
		k := recordKey{l.Entity, l.RecordID}
		if l.RecordID == 0 || names[k] != "" {
			continue
		}
		if bin == nil {
			bin = map[recordKey]string{}
			entries, _ := s.store.Bin()
			for _, e := range entries {
				bin[recordKey{e.Entity, e.ID}] = e.Label
			}
		}
		if name := bin[k]; name != "" {
			names[k] = name
			continue
		}
		names[k] = s.livingName(k)
	}
	return names
}

// livingName names a record that is still there.
func (s *Service) livingName(k recordKey) string {
	switch k.entity {
	case "organizations":
		if o, err := s.store.Organization(k.id); err == nil {
			return o.Name
		}
	case "departments":
		if d, err := s.store.Department(k.id); err == nil {
			if o, err := s.store.Organization(d.OrganizationID); err == nil {
				return o.Name + " " + d.Name
			}
			return d.Name
		}
	case "people":
		if p, err := s.store.Person(k.id); err == nil {
			return fmt.Sprintf("%s（%s）", p.Name, p.StudentNo)
		}
	case "appointments":
		if a, err := s.store.Appointment(k.id); err == nil {
			if p, err := s.store.Person(a.PersonID); err == nil {
				return p.Name + " " + a.Post
			}
			return a.Post
		}
	case "trainings":
		if t, err := s.store.Training(k.id); err == nil {
			return t.Title
		}
	case "meetings":
		if m, err := s.store.Meeting(k.id); err == nil {
			return m.Title
		}
	case "rectifications":
		if r, err := s.store.Rectification(k.id); err == nil {
			return r.Problem
		}
	}
	return ""
}

package reports

import (
	"strings"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/data"
)

// EvidenceLine is one line of an indicator's evidence as the organization
// screen shows it: what the records show, the teacher's conclusion, an
// attached file, or what is missing ("缺少：学代会会议记录").
type EvidenceLine struct {
	Text    string
	Source  string // 任职记录, 会议记录, 教师上传…
	Date    string
	Missing bool
	File    *data.Evidence // an attached file, to open or remove
}

// UnionEvidence is the evidence behind each of org's results in r (the
// check the screen shows), in the order of r.For(org.ID): the same pieces
// the 佐证目录 and the binder print for the union.
func UnionEvidence(svc *app.Service, r compliance.Report, org app.Organization) ([][]EvidenceLine, error) {
	rec, err := loadRecords(svc, r.Semester)
	if err != nil {
		return nil, err
	}
	u, err := rec.union(svc, r, org, org.Name)
	if err != nil {
		return nil, err
	}
	var out [][]EvidenceLine // not make: the package's tests name a helper so
	for _, ie := range u.items {
		lines := []EvidenceLine{}
		for _, p := range ie.pieces {
			text := p.title
			if p.missing && !strings.HasPrefix(text, "缺少") {
				text = "缺少：" + text
			}
			lines = append(lines, EvidenceLine{Text: text, Source: p.source, Date: p.date, Missing: p.missing, File: p.file})
		}
		out = append(out, lines)
	}
	return out, nil
}

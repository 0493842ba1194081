package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The person form takes 出生日期 and 入团日期; a birth date in the future is
// refused next to the field and nothing is saved.
func TestPersonLeagueDates(t *testing.T) {
	w, svc, s := rosterUI(t)
	test.Tap(findButton(t, s.object(), "新增人员"))
	p := lastPerson
	d := topDialog(t, w.Win)
	test.Type(p.studentNo, "2020098")
	test.Type(p.name, "新同学")
	test.Type(p.born, "2099-01-01")
	test.Tap(findButton(t, d, "保存"))
	if labels := strings.Join(labelsUnder(d), " "); !strings.Contains(labels, "出生日期（2099-01-01）不能晚于今天") {
		t.Fatalf("no message beside 出生日期: %q", labels)
	}
	if _, err := svc.Store().PersonByStudentNo("2020098"); err == nil {
		t.Fatal("a person born in the future saved")
	}
	p.born.SetText("2002-05-01")
	test.Type(p.joined, "2016/5/4")
	test.Tap(findButton(t, d, "保存"))
	person, err := svc.Store().PersonByStudentNo("2020098")
	if err != nil || person.BornOn.String() != "2002-05-01" || person.JoinedLeagueOn.String() != "2016-05-04" {
		t.Fatalf("saved %q %q (%v)", person.BornOn, person.JoinedLeagueOn, err)
	}
}

// The 推优 form takes the branch meeting's numbers and refuses more present
// than members, next to the field.
func TestRecommendationFormNumbers(t *testing.T) {
	w, svc, s := rosterUI(t)
	test.Tap(findButton(t, s.object(), "新增人员"))
	p := lastPerson
	test.Type(p.studentNo, "2020097")
	test.Type(p.name, "新同学")
	test.Tap(findButton(t, topDialog(t, w.Win), "保存"))
	person, err := svc.Store().PersonByStudentNo("2020097")
	if err != nil {
		t.Fatal(err)
	}
	p.load(person.ID)
	p.addRecommendation()
	d := topDialog(t, w.Win)
	entries := map[string]*widget.Entry{}
	for _, e := range entriesUnder(d) {
		entries[e.PlaceHolder] = e
	}
	members, present := entries["团支部团员人数（应到）"], entries["推优大会实到人数"]
	if members == nil || present == nil || entries["赞成票数"] == nil {
		t.Fatalf("推优 form lacks the meeting's numbers")
	}
	selectsUnder(d)[0].SetSelected("团支部推荐")
	test.Type(members, "20")
	test.Type(present, "21")
	test.Tap(findButton(t, d, "保存"))
	if labels := strings.Join(labelsUnder(d), " "); !strings.Contains(labels, "实到 21 人多于团员人数 20 人") {
		t.Fatalf("no message beside 实到人数: %q", labels)
	}
	if rs, _ := svc.Store().RecommendationsOf(person.ID); len(rs) != 0 {
		t.Fatalf("saved %+v", rs)
	}
	present.SetText("15")
	test.Tap(findButton(t, d, "保存"))
	rs, _ := svc.Store().RecommendationsOf(person.ID)
	if len(rs) != 1 || rs[0].Present == nil || *rs[0].Present != 15 || *rs[0].BranchMembers != 20 {
		t.Fatalf("saved %+v", rs)
	}
}

// The 推优 tab checks each record against the rules: the branch meeting's
// quota is counted over everyone it recommended, and a record that keeps
// every rule says so, with its 有效期至.
func TestRecommendationTabShowsTheChecks(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	recs, err := svc.Recommendations()
	if err != nil || len(recs) == 0 {
		t.Fatalf("sample 推优 records: %d, %v", len(recs), err)
	}
	var over, kept int
	seen := map[uint]bool{}
	for _, r := range recs {
		if seen[r.PersonID] {
			continue
		}
		seen[r.PersonID] = true
		p := openPersonDialog(svc, w.Win, r.PersonID)
		for _, row := range p.recommends {
			verdict := row[5]
			switch {
			case strings.Contains(verdict, "超过团员人数的 20%（4 人）"):
				over++
				if over == 1 { // the whole finding is read by clicking the row
					p.tables[4].Select(widget.TableCellID{Row: 0, Col: 0})
					d := topDialog(t, w.Win)
					if labels := strings.Join(labelsUnder(d), " "); !strings.Contains(labels, "核对："+verdict) {
						t.Errorf("the row's detail: %q", labels)
					}
					w.Win.Canvas().Overlays().Remove(d)
				}
			case verdict == "符合规定" && row[4] != "":
				kept++
			default:
				t.Errorf("推优 of %d on %s: %q", r.PersonID, r.HeldOn, row)
			}
		}
		p.dlg.Hide()
	}
	if over != 5 || kept == 0 {
		t.Errorf("%d records over the quota (want 5), %d keep every rule", over, kept)
	}
}

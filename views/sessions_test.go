package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/data"
)

func TestTrainingWithAttendance(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("培训与会议")
	l := w.sessions.trainings
	before := len(l.ids)

	test.Tap(findButton(t, l.root, "新增"))
	d := topDialog(t, w.Win)
	entries := entriesUnder(d) // title, date, hours, place, speaker, summary
	test.Type(entries[0], "团三优专题培训")
	selectsUnder(d)[0].SetSelected("团三优培训")
	entries[2].SetText("1.3")
	test.Tap(findButton(t, d, "保存"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "半小时") {
		t.Fatal("bad hours not explained")
	}
	entries[2].SetText("1.5")
	test.Tap(findButton(t, d, "保存"))
	settle()
	if len(l.ids) != before+1 {
		t.Fatalf("%d trainings listed, want %d", len(l.ids), before+1)
	}
	var id uint
	for i, c := range l.cells {
		if c[1] == "团三优专题培训" {
			id = l.ids[i]
			if c[7] != "未点名" {
				t.Fatalf("rate before attendance %q", c[7])
			}
		}
	}

	// Attendance: the school union's 宣传部 in one click, one absent.
	p := openAttendance(svc, w.Win, app.Session{TrainingID: &id})
	p.org.SetSelected("校学生会")
	p.dept.SetSelected("宣传部")
	test.Tap(findButton(t, topDialog(t, w.Win), "加入在任人员"))
	if len(p.marks) != 8 {
		t.Fatalf("宣传部 added %d people, want 8", len(p.marks))
	}
	p.marks[0].Status = data.AttendAbsent
	test.Tap(findButton(t, topDialog(t, w.Win), "保存考勤"))
	settle()
	marks, _ := svc.Attendance(app.Session{TrainingID: &id})
	if len(marks) != 8 || marks[0].Status != data.AttendAbsent {
		t.Fatalf("stored marks %+v", marks)
	}
	for i, c := range l.cells {
		if l.ids[i] == id && c[7] != "7/8（88%）" {
			t.Fatalf("rate %q", c[7])
		}
	}
	// The person's training tab shows it.
	dlg := openPersonDialog(svc, w.Win, marks[1].PersonID)
	found := false
	for _, r := range dlg.trainings {
		found = found || r[1] == "团三优专题培训"
	}
	if !found || !strings.Contains(dlg.trainingLine.Text, "参加培训") {
		t.Fatalf("training tab %v %q", dlg.trainings, dlg.trainingLine.Text)
	}
}

func TestCongressFiguresAreChecked(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("培训与会议")
	s := w.sessions
	s.tabs.SelectIndex(1)
	s.openMeeting(app.MeetingDraft{Kind: data.MeetingCongress})
	d := topDialog(t, w.Win)
	byPlaceholder := map[string]*widget.Entry{}
	for _, e := range entriesUnder(d) {
		byPlaceholder[e.PlaceHolder] = e
	}
	test.Type(byPlaceholder["如 第6周政治业务学习"], "第十三次学生代表大会")
	selectsUnder(d)[1].SetSelected("校学生会")
	var counts []*widget.Entry
	for _, e := range entriesUnder(d) {
		if e.PlaceHolder == "人数" {
			counts = append(counts, e)
		}
	}
	counts[0].SetText("100")
	counts[1].SetText("120")
	test.Tap(findButton(t, d, "保存"))
	if !strings.Contains(strings.Join(labelsUnder(topDialog(t, w.Win)), ""), "实到代表（120）不能多于应到代表（100）") {
		t.Fatal("present > elected not explained")
	}
	ms, _ := svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	if len(ms) != 1 {
		t.Fatalf("invalid congress saved: %d congresses", len(ms))
	}
}

// The sample's congress has a delegates register: its form shows the
// register's numbers, greyed, and the 大会形式 chosen there is saved.
func TestCongressFormFollowsTheRegister(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	settle()
	w.ShowModule("培训与会议")
	ms, _ := svc.Meetings(data.SessionFilter{Kind: data.MeetingCongress})
	w.sessions.editMeeting(ms[0].ID)
	d := topDialog(t, w.Win)
	for _, e := range entriesUnder(d) {
		if e.PlaceHolder == "人数" || e.PlaceHolder == "全校（全院）学生数" {
			t.Errorf("%q can be typed over the register", e.Text)
		}
	}
	if text := strings.Join(labelsUnder(d), "|"); !strings.Contains(text, "应到代表|99 人|实到代表|96 人|所代表学生数|9860 人|非学生会干部代表|67 人") {
		t.Errorf("form shows %s, the register 99 delegates, 96 present, 67 not cadres, of 9860 students", text)
	}
	var form *widget.Select
	for _, s := range selectsUnder(d) {
		if s.Selected == "学生代表大会" {
			form = s
		}
	}
	if form == nil {
		t.Fatal("no 大会形式 on the congress form")
	}
	form.SetSelected("全体学生大会")
	test.Tap(findButton(t, d, "保存"))
	if m, _ := svc.Meeting(ms[0].ID); m.CongressForm != data.CongressAssembly || *m.DelegatesElected != 99 {
		t.Errorf("saved: form %q, %d delegates", m.CongressForm, *m.DelegatesElected)
	}
}

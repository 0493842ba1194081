package app

import (
	"strings"
	"testing"

	"tuanxue/data"
)

func TestTrainingRulesAndAttendance(t *testing.T) {
	s, p, union, pub := cadreFixture(t)
	if _, err := s.SaveAppointment(AppointmentDraft{PersonID: p.ID, OrganizationID: union.ID, DepartmentID: &pub.ID,
		Post: PostStaff, StartOn: "2020-09-10"}); err != nil {
		t.Fatal(err)
	}
	guest, _ := s.SavePerson(PersonDraft{StudentNo: "2020555", Name: "林雅婷"})

	bad := []struct {
		d           TrainingDraft
		field, want string
	}{
		{TrainingDraft{Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "2"}, "Title", "请填写主题"},
		{TrainingDraft{Title: "骨干培训", HeldOn: "2020-10-10", Hours: "2"}, "Kind", "请选择类别"},
		{TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, Hours: "2"}, "HeldOn", "请填写日期"},
		{TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-11-01", Hours: "2"}, "HeldOn", "不能晚于今天"},
		{TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "0"}, "Hours", "0.5–24"},
		{TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "1.3"}, "Hours", "半小时"},
		{TrainingDraft{Title: "骨干培训", Kind: data.TrainingCadre, HeldOn: "2020-10-10", Hours: "两小时"}, "Hours", "0.5–24"},
	}
	for _, c := range bad {
		if _, err := s.SaveTraining(c.d); !strings.Contains(errFor(err, c.field), c.want) {
			t.Errorf("%+v: %v, want %q", c.d, err, c.want)
		}
	}
	tr, err := s.SaveTraining(TrainingDraft{Title: "2020年秋季学生骨干培训班", Kind: data.TrainingCadre, HeldOn: "2020-10-10",
		Hours: "２.5", OrganizerID: &union.ID, Speaker: "林振华"})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Semester != "2020-2021-1" || tr.Hours != 2.5 {
		t.Fatalf("training %+v", tr)
	}
	ref := Session{TrainingID: &tr.ID}
	err = s.SetAttendance(ref, []Mark{{PersonID: p.ID, Name: p.Name, Status: data.AttendPresent},
		{PersonID: guest.ID, Name: guest.Name, Status: data.AttendPresent}})
	if !strings.Contains(Message(err), "林雅婷 在 2020-10-10 没有担任职务") {
		t.Fatalf("attendance of someone not in post: %v", err)
	}
	if err := s.SetAttendance(ref, []Mark{{PersonID: p.ID, Name: p.Name, Status: data.AttendPresent},
		{PersonID: p.ID, Name: p.Name, Status: data.AttendLeave}}); !strings.Contains(Message(err), "出现了两次") {
		t.Fatalf("duplicate mark: %v", err)
	}
	if err := s.SetAttendance(ref, []Mark{{PersonID: p.ID, Name: p.Name, Status: data.AttendPresent},
		{PersonID: guest.ID, Name: guest.Name, Status: data.AttendAbsent, Guest: true}}); err != nil {
		t.Fatal(err)
	}
	marks, _ := s.Attendance(ref)
	if len(marks) != 2 || !marks[1].Guest || marks[1].Name != "林雅婷" {
		t.Fatalf("marks %+v", marks)
	}
	cells, _ := s.TrainingCells([]Training{tr})
	if cells[0][7] != "1/2（50%）" || cells[0][4] != "校学生会" {
		t.Fatalf("training row %q", cells[0])
	}
	sum, _ := s.TrainingByPerson(Semester{2020, 1})
	if sum[p.ID].Sessions != 1 || sum[p.ID].Hours != 2.5 || sum[p.ID].Cadre != 1 || sum[guest.ID].Sessions != 0 {
		t.Fatalf("per person %+v", sum)
	}
	_, line, _ := s.PersonTrainings(p.ID, Semester{2020, 1})
	if line != "2020-2021学年第一学期参加培训 1 次，共 2.5 学时（骨干培训 1 次）" {
		t.Fatalf("summary %q", line)
	}
	// Deleting the training takes it out of the counts.
	if err := s.DeleteTraining(tr.ID); err != nil {
		t.Fatal(err)
	}
	if sum, _ := s.TrainingByPerson(Semester{2020, 1}); sum[p.ID].Sessions != 0 {
		t.Fatal("deleted training still counted")
	}
}

func TestMeetingRules(t *testing.T) {
	s, _, union, _ := cadreFixture(t)
	tree, _ := s.OrgTree()
	college := tree.OfKinds(data.KindCollegeUnion)[0]
	congress := MeetingDraft{Kind: data.MeetingCongress, Title: "第十二次学生代表大会", HeldOn: "2020-10-15",
		OrganizationID: union.ID, DelegatesElected: "120", DelegatesPresent: "121", StudentsRepresented: "9800",
		NonCadreDelegates: "80", PresidiumElected: true}
	if _, err := s.SaveMeeting(congress); !strings.Contains(errFor(err, "DelegatesPresent"), "不能多于应到代表（120）") {
		t.Fatalf("present > elected: %v", err)
	}
	congress.DelegatesPresent = "118"
	congress.NonCadreDelegates = "130"
	if _, err := s.SaveMeeting(congress); !strings.Contains(errFor(err, "NonCadreDelegates"), "不能多于代表总数") {
		t.Fatalf("non-cadres > elected: %v", err)
	}
	congress.NonCadreDelegates = "80"
	m, err := s.SaveMeeting(congress)
	if err != nil {
		t.Fatal(err)
	}
	if *m.DelegatesPresent != 118 || !m.PresidiumElected || m.Semester != "2020-2021-1" {
		t.Fatalf("congress %+v", m)
	}
	report := MeetingDraft{Kind: data.MeetingReport, Title: "二级学院学生会工作汇报", HeldOn: "2020-10-12", OrganizationID: union.ID,
		ReportingOrgID: &union.ID, ReportForm: "written"}
	if _, err := s.SaveMeeting(report); !strings.Contains(errFor(err, "ReportingOrgID"), "须是二级学院学生会") {
		t.Fatalf("school union reporting to itself: %v", err)
	}
	report.ReportingOrgID = &college.ID
	if _, err := s.SaveMeeting(report); err != nil {
		t.Fatal(err)
	}
	weekly, err := s.SaveMeeting(MeetingDraft{Kind: data.MeetingStudy, Title: "第6周政治业务学习", HeldOn: "2020-10-14",
		OrganizationID: union.ID, Minutes: "学习全国学联二十七大精神", Problems: "部分干事迟到", Measures: "实行签到",
		NextTasks: "筹备校园歌手大赛\n完成招新总结", DelegatesElected: "5", Recorder: " 陈思远 "})
	if err != nil {
		t.Fatal(err)
	}
	if weekly.Recorder != "陈思远" {
		t.Errorf("recorder %q", weekly.Recorder)
	}
	for _, bad := range []string{"陈思远\n王芳", strings.Repeat("记", MaxNameLen+1)} {
		d := MeetingDraftOf(weekly)
		d.Recorder = bad
		if _, err := s.SaveMeeting(d); errFor(err, "Recorder") == "" {
			t.Errorf("recorder %q accepted", bad)
		}
	}
	if weekly.DelegatesElected != nil {
		t.Fatal("congress figures kept on a study meeting")
	}
	ms, _ := s.Meetings(data.SessionFilter{Semester: "2020-2021-1"})
	cells, _ := s.MeetingCells(ms)
	gists := []string{cells[0][4], cells[1][4], cells[2][4]}
	want := []string{"代表 120 人，实到 118 人，选举产生主席团", "筹备校园歌手大赛", college.Name + "书面报告"}
	for i := range want {
		if gists[i] != want[i] {
			t.Errorf("meeting %d gist %q, want %q", i, gists[i], want[i])
		}
	}
	if got, _ := s.Meetings(data.SessionFilter{Semester: "2020-2021-1", OrganizationID: college.ID}); len(got) != 1 {
		t.Fatalf("meetings of the college union (its report): %d", len(got))
	}
}

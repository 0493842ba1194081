package reports

import (
	"fmt"
	"reflect"
	"testing"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

// chartsOfReports are the dashboard's staffing and grade charts as the
// 规模统计表 and 考核结果汇总表 draw them.
func chartsOfReports(t *testing.T, svc *app.Service, o Options) []report.Chart {
	t.Helper()
	sizes, err := scale(svc, o)
	if err != nil {
		t.Fatal(err)
	}
	grades, err := assessment(svc, o)
	if err != nil {
		t.Fatal(err)
	}
	return append(sizes.Charts, grades.Charts[0])
}

// checkChartsAsReports: the charts from the aggregates are exactly those of
// the reports, for each semester and organization asked.
func checkChartsAsReports(t *testing.T, svc *app.Service, opts ...Options) {
	t.Helper()
	for _, o := range opts {
		got, err := Charts(svc, o)
		if err != nil {
			t.Fatal(err)
		}
		want := chartsOfReports(t, svc, o)
		if len(got) != 6 {
			t.Fatalf("%d charts", len(got))
		}
		for i, w := range want {
			if !reflect.DeepEqual(got[i], w) {
				t.Errorf("%s, org %d: %s\n got %+v\nwant %+v", o.Semester, o.OrganizationID, w.Title, got[i].Bars, w.Bars)
			}
		}
	}
}

func TestChartsFromAggregatesAreThoseOfTheReports(t *testing.T) {
	t.Run("sample", func(t *testing.T) {
		svc := sampleService(t)
		checkChartsAsReports(t, svc, Options{Semester: fall2020}, Options{Semester: spring2020},
			Options{Semester: fall2020, OrganizationID: orgID(t, svc, "信息工程学院学生会")})
	})
	t.Run("edge cases", func(t *testing.T) {
		svc := sampleService(t)
		school, college := orgID(t, svc, "校学生会"), orgID(t, svc, "信息工程学院学生会")
		depts, err := svc.Departments(college)
		if err != nil || len(depts) < 2 {
			t.Fatal(err)
		}
		n := 0
		person := func(name string) uint {
			n++
			p, err := svc.SavePerson(app.PersonDraft{StudentNo: fmt.Sprintf("20190299%02d", n), Name: name,
				College: "信息工程学院", Grade: "2019", PoliticalStatus: data.PoliticalLeague})
			if err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		appoint := func(p, org uint, dept *uint, post, start, end string) {
			t.Helper()
			if _, err := svc.SaveAppointment(app.AppointmentDraft{PersonID: p, OrganizationID: org, DepartmentID: dept,
				Post: post, StartOn: start, EndOn: end, SelectedBy: data.SelectedByOther}); err != nil {
				t.Fatalf("%s %s: %v", post, start, err)
			}
		}
		grade := func(p uint, g string) {
			t.Helper()
			if err := svc.SaveAssessments(fall2020.String(), []app.AssessmentDraft{{PersonID: p, Grade: g}}); err != nil {
				t.Fatal(err)
			}
		}
		// several posts, one of them failed; a title the reform does not
		// allow, in the 主席团 and in a department; terms ended before
		// today and in the spring; a term starting later in the semester;
		// a deleted person with posts.
		twice := person("韩梦琪")
		appoint(twice, college, &depts[0].ID, app.PostStaff, "2020-09-01", "")
		appoint(twice, school, nil, app.PostViceChair, "2020-09-01", "")
		grade(twice, data.GradeFail)
		odd := person("周子涵")
		// the window refuses a 主席团 title outside the reform's; an older
		// record or an import may still hold one
		if err := svc.Store().SaveAppointment(&data.Appointment{PersonID: odd, OrganizationID: college, Post: "主席助理",
			PostRank: app.PostRank("主席助理"), StartOn: data.NewDate(2020, 9, 1), SelectedBy: data.SelectedByOther}); err != nil {
			t.Fatal(err)
		}
		appoint(person("刘思远"), college, &depts[1].ID, "部长助理", "2019-09-01", "")
		grade(odd, data.GradeGood)
		ended := person("吴俊杰")
		appoint(ended, college, &depts[1].ID, app.PostMinister, "2019-09-01", "2020-10-01")
		appoint(ended, school, nil, app.PostChair, "2019-03-01", "2020-06-30")
		grade(ended, data.GradeExcellent)
		later := person("郑雨桐")
		appoint(later, college, &depts[0].ID, app.PostStaff, "2020-11-01", "")
		gone := person("孙浩然")
		appoint(gone, college, &depts[0].ID, app.PostViceMinister, "2020-09-01", "")
		appoint(gone, school, nil, app.PostViceChair, "2020-09-01", "")
		grade(gone, data.GradePass)
		if err := svc.DeletePerson(gone); err != nil {
			t.Fatal(err)
		}
		checkChartsAsReports(t, svc, Options{Semester: fall2020}, Options{Semester: spring2020},
			Options{Semester: fall2020, OrganizationID: college}, Options{Semester: fall2020, OrganizationID: school})
	})
}

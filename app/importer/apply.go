package importer

import (
	"fmt"

	"tuanxue/app"
	"tuanxue/data"
)

// Apply backs up the data file and then writes what the plan says in one
// transaction: new organizations and departments first, then the people,
// then their posts. Rejected rows are left out; if anything fails, nothing
// is written. A plan that changes nothing writes nothing, not even a log
// line: importing a roster the program exported leaves the data as it was.
func Apply(svc *app.Service, plan *Plan) (Counts, error) {
	counts := plan.Counts()
	if counts.Good == 0 || !plan.Changes() {
		return counts, nil
	}
	if _, err := svc.BackupBefore("import"); err != nil {
		return counts, fmt.Errorf("导入前备份失败：%w", err)
	}
	err := svc.InTransaction(func(tx *app.Service) error {
		orgIDs, err := createOrgs(tx, plan)
		if err != nil {
			return err
		}
		deptIDs, err := createDepts(tx, plan, orgIDs)
		if err != nil {
			return err
		}
		return writePeople(tx, plan, counts, orgIDs, deptIDs)
	})
	if err != nil {
		return counts, err
	}
	_ = svc.Store().LogAction("import", "people", fmt.Sprintf("导入名册：新增 %d 人，更新 %d 人，新任职 %d 项",
		counts.NewPeople, counts.Updated, counts.Appointments))
	return counts, svc.Store().Optimize()
}

// createOrgs creates the planned organizations, parents first, and returns
// their IDs by name.
func createOrgs(tx *app.Service, plan *Plan) (map[string]uint, error) {
	ids := map[string]uint{}
	for _, n := range plan.NewOrgs {
		d := app.OrgDraft{Name: n.Name, Kind: n.Kind, Status: data.StatusActive, Notes: importNote}
		switch {
		case n.ParentID != 0:
			id := n.ParentID
			d.ParentID = &id
		case n.Parent != "":
			id, ok := ids[n.Parent]
			if !ok {
				return nil, fmt.Errorf("新建组织%s：它的上级%s没有建成", Quote(n.Name), Quote(n.Parent))
			}
			d.ParentID = &id
		}
		o, err := tx.SaveOrganization(d)
		if err != nil {
			return nil, fmt.Errorf("新建组织%s：%s", Quote(n.Name), app.Message(err))
		}
		ids[n.Name] = o.ID
	}
	return ids, nil
}

func createDepts(tx *app.Service, plan *Plan, orgIDs map[string]uint) (map[string]uint, error) {
	ids := map[string]uint{}
	for _, nd := range plan.NewDepts {
		orgID := nd.OrgID
		if orgID == 0 {
			orgID = orgIDs[nd.Org]
		}
		existing, err := tx.Departments(orgID)
		if err != nil {
			return nil, err
		}
		d, err := tx.SaveDepartment(app.DeptDraft{OrganizationID: orgID, Name: nd.Name,
			SortOrder: fmt.Sprint(len(existing) + 1), Status: data.StatusActive})
		if err != nil {
			return nil, fmt.Errorf("新建部门%s：%s", Quote(nd.Name), app.Message(err))
		}
		ids[deptSlot(nd.OrgID, nd.Org, nd.Name)] = d.ID
	}
	return ids, nil
}

// writePeople writes the people, then their posts. The slices are sized
// from the counts and the people dropped once their IDs are known: 50,000
// rows are written within the import's memory (see cmd_import.go).
func writePeople(tx *app.Service, plan *Plan, counts Counts, orgIDs, deptIDs map[string]uint) error {
	st := tx.Store()
	fresh := make([]app.Person, 0, counts.NewPeople)
	freshKeys := make([]string, 0, counts.NewPeople)
	personIDs := make(map[string]uint, counts.NewPeople+counts.Updated)
	for _, r := range plan.Rows {
		pp := plan.people[r.key]
		if !r.OK() || r.key == "" || pp.first != r.Line {
			continue // each person once, at their first good row
		}
		switch {
		case pp.stored == nil:
			fresh = append(fresh, pp.person)
			freshKeys = append(freshKeys, r.key)
		case pp.changed():
			p := pp.person
			if err := st.SavePerson(&p); err != nil {
				return fmt.Errorf("第 %d 行：%s", r.Line, app.Message(err))
			}
		}
		if pp.stored != nil {
			personIDs[r.key] = pp.stored.ID
		}
	}
	if err := st.CreatePeople(fresh); err != nil {
		return fmt.Errorf("保存人员：%s", app.Message(err))
	}
	for i, k := range freshKeys {
		personIDs[k] = fresh[i].ID
	}
	fresh, freshKeys = nil, nil
	posts := make([]app.Appointment, 0, counts.Appointments)
	for _, r := range plan.Rows {
		if !r.OK() || r.Appointment == nil {
			continue
		}
		a := *r.Appointment
		a.PersonID = personIDs[r.key]
		if a.OrganizationID == 0 {
			a.OrganizationID = orgIDs[r.OrgName]
		}
		if a.DepartmentID == nil && r.DeptName != "" {
			id := deptIDs[deptSlot(r.Appointment.OrganizationID, r.OrgName, r.DeptName)]
			a.DepartmentID = &id
		}
		posts = append(posts, a)
	}
	if err := st.CreateAppointments(posts); err != nil {
		return fmt.Errorf("保存任职：%s", app.Message(err))
	}
	return nil
}

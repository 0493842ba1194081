package importer

import (
	"fmt"

	"tuanxue/app"
	"tuanxue/data"
)

// Apply backs up the data file and then writes every good row of the plan
// in one transaction: new organizations and departments first, then the
// people, then their posts. Rejected rows are left out; if anything fails,
// nothing is written.
func Apply(svc *app.Service, plan *Plan) (Counts, error) {
	counts := plan.Counts()
	if counts.Good == 0 {
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
		return writePeople(tx, plan, orgIDs, deptIDs)
	})
	if err != nil {
		return counts, err
	}
	_ = svc.Store().LogAction("import", "people", fmt.Sprintf("导入名册：新增 %d 人，更新 %d 人，新任职 %d 项",
		counts.NewPeople, counts.Updated, counts.Appointments))
	return counts, svc.Store().Optimize()
}

// createOrgs creates the planned organizations, parents first, and returns
// the IDs of every organization the plan names.
func createOrgs(tx *app.Service, plan *Plan) (map[string]uint, error) {
	ids := map[string]uint{}
	tree, err := tx.OrgTree()
	if err != nil {
		return nil, err
	}
	tree.Walk(func(o app.Organization, _ int) {
		if o.Status == data.StatusActive {
			ids[o.Name] = o.ID
		}
	})
	for _, n := range plan.NewOrgs {
		d := app.OrgDraft{Name: n.Name, Kind: n.Kind, Status: data.StatusActive, Notes: "由名册导入创建"}
		if id, ok := ids[n.Parent]; ok && n.Parent != "" {
			d.ParentID = &id
		}
		o, err := tx.SaveOrganization(d)
		if err != nil {
			return nil, fmt.Errorf("新建组织“%s”：%s", n.Name, app.Message(err))
		}
		ids[n.Name] = o.ID
	}
	return ids, nil
}

func createDepts(tx *app.Service, plan *Plan, orgIDs map[string]uint) (map[string]uint, error) {
	ids := map[string]uint{}
	for _, nd := range plan.NewDepts {
		orgID := orgIDs[nd.Org]
		existing, err := tx.Departments(orgID)
		if err != nil {
			return nil, err
		}
		d, err := tx.SaveDepartment(app.DeptDraft{OrganizationID: orgID, Name: nd.Name,
			SortOrder: fmt.Sprint(len(existing) + 1), Status: data.StatusActive})
		if err != nil {
			return nil, fmt.Errorf("新建部门“%s”：%s", nd.Name, app.Message(err))
		}
		ids[nd.Org+"|"+nd.Name] = d.ID
	}
	return ids, nil
}

func writePeople(tx *app.Service, plan *Plan, orgIDs, deptIDs map[string]uint) error {
	st := tx.Store()
	var fresh []app.Person
	var freshRows []int
	for i, r := range plan.Rows {
		switch {
		case !r.OK():
		case !r.Existing:
			fresh = append(fresh, r.Person)
			freshRows = append(freshRows, i)
		case r.Changed:
			p := r.Person
			if err := st.SavePerson(&p); err != nil {
				return fmt.Errorf("第 %d 行：%s", r.Line, app.Message(err))
			}
		}
	}
	if err := st.CreatePeople(fresh); err != nil {
		return fmt.Errorf("保存人员：%s", app.Message(err))
	}
	personIDs := make(map[int]uint, len(plan.Rows))
	for k, i := range freshRows {
		personIDs[i] = fresh[k].ID
	}
	var posts []app.Appointment
	for i, r := range plan.Rows {
		if !r.OK() || r.Appointment == nil {
			continue
		}
		a := *r.Appointment
		a.PersonID = r.Person.ID
		if id, ok := personIDs[i]; ok {
			a.PersonID = id
		}
		if a.OrganizationID == 0 {
			a.OrganizationID = orgIDs[r.OrgName]
		}
		if a.DepartmentID == nil && r.DeptName != "" {
			id := deptIDs[r.OrgName+"|"+r.DeptName]
			a.DepartmentID = &id
		}
		posts = append(posts, a)
	}
	if err := st.CreateAppointments(posts); err != nil {
		return fmt.Errorf("保存任职：%s", app.Message(err))
	}
	return nil
}

package views

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/report"
	"tuanxue/data"
)

var deptColumns = []report.Column{{Title: "排序", Width: 3}, {Title: "部门名称", Width: 8}, {Title: "工作职责", Width: 24}, {Title: "状态", Width: 15}}

// deptPanel lists the departments of the selected organization.
type deptPanel struct {
	svc   *app.Service
	win   fyne.Window
	org   app.Organization
	depts []app.Department
	row   int // selected row, -1 for none

	hint                         *widget.Label
	table                        *widget.Table
	add, edit, merge, deleteDept *widget.Button
	export                       *widget.Button
	box                          *fyne.Container
}

func newDeptPanel(svc *app.Service, win fyne.Window) *deptPanel {
	p := &deptPanel{svc: svc, win: win, row: -1, hint: widget.NewLabel("")}
	p.table = newListTable(deptColumns, func() int { return len(p.depts) }, func(row, col int) (string, bool) {
		return p.cell(widget.TableCellID{Row: row, Col: col}), false
	})
	p.table.OnSelected = func(id widget.TableCellID) {
		p.row = id.Row
		p.updateButtons()
	}
	p.add = widget.NewButton("新增部门", func() { p.openForm(app.DeptDraft{OrganizationID: p.org.ID, Status: data.StatusActive}) })
	p.edit = widget.NewButton("编辑", func() { p.openForm(app.DeptDraftOf(p.depts[p.row])) })
	p.merge = widget.NewButton("合并到…", func() { p.openMerge(p.depts[p.row]) })
	p.deleteDept = widget.NewButton("删除", p.confirmDelete)
	p.deleteDept.Importance = widget.DangerImportance
	p.export = widget.NewButton("导出 Excel…", p.exportXLSX)
	buttons := container.NewHBox(p.add, p.edit, p.merge, p.deleteDept, p.export)
	p.box = container.NewBorder(container.NewVBox(p.hint, buttons), nil, nil, nil, p.table)
	return p
}

func (p *deptPanel) object() fyne.CanvasObject { return p.box }

func (p *deptPanel) cell(id widget.TableCellID) string {
	d := p.depts[id.Row]
	switch id.Col {
	case 0:
		return strconv.Itoa(d.SortOrder)
	case 1:
		return d.Name
	case 2:
		return d.Duties
	}
	return p.statusText(d)
}

// statusText says what happened to a department, e.g. "已合并入 宣传部（2020-06-15）".
func (p *deptPanel) statusText(d app.Department) string {
	switch d.Status {
	case data.StatusMerged:
		into := "其他部门"
		for _, o := range p.depts {
			if d.MergedIntoID != nil && o.ID == *d.MergedIntoID {
				into = o.Name
			}
		}
		return fmt.Sprintf("已合并入 %s（%s）", into, d.StatusOn)
	case data.StatusDissolved:
		return fmt.Sprintf("已撤销（%s）", d.StatusOn)
	}
	return "正常"
}

// show lists the departments of org, or explains why it has none.
func (p *deptPanel) show(org app.Organization) {
	p.org, p.row, p.depts = org, -1, nil
	p.table.UnselectAll()
	if org.ID == 0 || !app.HasDepartments(org.Kind) {
		p.hint.SetText(app.TextOf(app.OrgKinds, org.Kind) + "不设工作部门。")
		if org.ID == 0 {
			p.hint.SetText("请先在左侧选择一个学生会或社联。")
		}
		p.table.Refresh()
		p.updateButtons()
		return
	}
	p.reload()
}

func (p *deptPanel) reload() {
	depts, err := p.svc.Departments(p.org.ID)
	if err != nil {
		showError(err, p.win)
		return
	}
	p.depts, p.row = depts, -1
	p.table.UnselectAll()
	active := app.CountActive(depts)
	p.hint.SetText(fmt.Sprintf("%s：工作部门 %d 个（另有 %d 个已合并或撤销）", p.org.Name, active, len(depts)-active))
	p.table.Refresh()
	p.updateButtons()
}

func (p *deptPanel) updateButtons() {
	canAdd := p.org.ID != 0 && app.HasDepartments(p.org.Kind)
	chosen := p.row >= 0 && p.row < len(p.depts)
	setEnabled(p.add, canAdd)
	setEnabled(p.edit, chosen)
	setEnabled(p.deleteDept, chosen)
	setEnabled(p.merge, chosen && p.depts[p.row].Status == data.StatusActive)
	setEnabled(p.export, len(p.depts) > 0)
}

// exportXLSX writes the department list to Excel.
func (p *deptPanel) exportXLSX() {
	t := report.Table{Title: p.org.Name + "工作部门", Subtitle: p.svc.Subtitle(p.hint.Text), Columns: deptColumns}
	for row := range p.depts {
		cells := make([]string, len(deptColumns))
		for col := range cells {
			cells[col] = p.cell(widget.TableCellID{Row: row, Col: col})
		}
		t.Rows = append(t.Rows, cells)
	}
	exportXLSX(p.win, p.org.Name+"工作部门.xlsx", func() (report.Table, error) { return t, nil })
}

func (p *deptPanel) confirmDelete() {
	d := p.depts[p.row]
	confirm("删除部门", fmt.Sprintf("确定删除“%s”吗？它将移入回收站。", d.Name), "删除", p.win, func() {
		if err := p.svc.DeleteDepartment(d.ID); err != nil {
			showError(err, p.win)
		}
		p.reload()
	})
}

func widgetCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 1} }

package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/compliance"
	"tuanxue/app/report"
	"tuanxue/data"
)

var ruleColumns = []report.Column{{Title: "范围", Width: 3}, {Title: "编号", Width: 3}, {Title: "指标", Width: 36},
	{Title: "参数", Width: 18}}

// rulesCard chooses the rule set in force for the current academic year
// and opens the sets for reading and editing.
func (s *settingsScreen) rulesCard() fyne.CanvasObject {
	year := widget.NewLabel("")
	var sets []compliance.RuleSet
	choice := newChoice(nil, nil)
	load := func() {
		st, _ := s.svc.Settings()
		year.SetText(st.Semester.Year() + " 学年使用")
		if err := compliance.EnsureBuiltins(s.svc); err != nil {
			showError(err, s.win)
			return
		}
		sets, _ = s.svc.RuleSets()
		names := make([]string, len(sets))
		for i, set := range sets {
			names[i] = set.Name
		}
		choice.OnChanged = nil
		choice.SetOptions(names)
		if inForce, err := compliance.InForce(s.svc, st.Semester); err == nil {
			choice.SetSelected(inForce.Name)
		}
		choice.OnChanged = func(name string) {
			for _, set := range sets {
				if set.Name == name {
					if err := compliance.UseForYear(s.svc, st.Semester, set); err != nil {
						showError(err, s.win)
					}
					s.saved.SetText("改革指标已切换为“" + name + "”。")
				}
			}
		}
	}
	chosen := func() (compliance.RuleSet, bool) {
		for _, set := range sets {
			if set.Name == choice.Selected {
				return set, true
			}
		}
		return compliance.RuleSet{}, false
	}
	view := widget.NewButton("查看 / 修改参数…", func() {
		if set, ok := chosen(); ok {
			openRuleSet(s.svc, s.win, set)
		}
	})
	copyButton := widget.NewButton("复制为本校指标…", func() {
		set, ok := chosen()
		if !ok {
			return
		}
		f := newForm()
		name := f.newEntry("Name", "如：本校2020—2021学年指标", func() {})
		f.add("Name", "新指标集名称", name)
		formDialog("复制“"+set.Name+"”", "复制", f, s.win, func() error {
			copied, err := compliance.Copy(s.svc, set, name.Text)
			if err == nil {
				load()
				choice.SetSelected(copied.Name)
			}
			return err
		}).Show()
	})
	load()
	return widget.NewCard("改革指标", "检查各学生会是否达标时依据的指标和参数。内置指标不能修改，复制一份后可以调整参数。",
		container.NewVBox(container.NewBorder(nil, nil, year, nil, choice), container.NewHBox(view, copyButton)))
}

// openRuleSet lists a set's rules; the rules of a teacher's own set can
// have their parameters changed.
func openRuleSet(svc *app.Service, win fyne.Window, set compliance.RuleSet) {
	row := -1
	cells := func() [][]string {
		out := make([][]string, len(set.Rules))
		for i, r := range set.Rules {
			scope := "校级"
			if r.Scope == data.ScopeCollege {
				scope = "二级"
			}
			var ps []string
			for _, f := range compliance.ParamFields(r) {
				ps = append(ps, compliance.ParamNames[f[0]]+" "+f[1])
			}
			out[i] = []string{scope, markedNumber(r), r.Text, strings.Join(ps, "；")}
		}
		return out
	}
	rows := cells()
	table := newListTable(ruleColumns, func() int { return len(rows) }, func(r, c int) (string, bool) { return rows[r][c], false })
	edit := widget.NewButton("修改参数…", nil)
	edit.Disable()
	table.OnSelected = func(id widget.TableCellID) {
		row = id.Row
		setEnabled(edit, set.BuiltinKey == nil && len(compliance.ParamFields(set.Rules[row])) > 0)
	}
	edit.OnTapped = func() {
		editParams(svc, win, set, set.Rules[row], func() {
			set, _ = svc.RuleSet(set.ID)
			rows = cells()
			table.Refresh()
		})
	}
	basis := widget.NewLabel("依据：" + set.Basis)
	basis.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(set.Name, container.NewBorder(basis, nil, nil, nil, table), win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("关闭", d.Hide), edit})
	d.Resize(fyne.NewSize(min(win.Canvas().Size().Width-40, 1100), min(win.Canvas().Size().Height-40, 680)))
	d.Show()
}

// editParams changes the parameters of one rule.
func editParams(svc *app.Service, win fyne.Window, set compliance.RuleSet, rule compliance.Rule, saved func()) {
	f := newForm()
	entries := map[string]*widget.Entry{}
	for _, field := range compliance.ParamFields(rule) {
		e := widget.NewEntry()
		e.SetText(field[1])
		entries[field[0]] = e
		f.add("Params", compliance.ParamNames[field[0]], e)
	}
	formDialog(fmt.Sprintf("指标 %s 的参数", rule.Number), "保存", f, win, func() error {
		values := map[string]string{}
		for k, e := range entries {
			values[k] = e.Text
		}
		_, err := compliance.SetParamFields(svc, set, rule, values)
		if err == nil {
			saved()
		}
		return err
	}).Show()
}

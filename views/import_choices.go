package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuanxue/app"
	"tuanxue/app/importer"
	"tuanxue/data"
)

// The answers offered for an organization the program does not know,
// besides "就是已有的“…”" for each organization it may be.
const (
	choiceOther  = "对应其他已有组织…"
	choiceCreate = "新建"
	choiceSkip   = "不导入这些行"
)

// showUnknowns lays out one line per organization name of the file that
// matches none on record: what it may be, and the teacher's answer.
func (p *importPreview) showUnknowns() {
	p.unknowns.Objects = nil
	if len(p.plan.Unknowns) > 0 {
		p.unknowns.Add(wrapped("名册中的这些组织还没有登记：请为每一个选择对应到已有组织、新建，或不导入它的行。没有选择的，它的行暂不导入。"))
	}
	for _, u := range p.plan.Unknowns {
		p.unknowns.Add(p.unknownLine(u))
	}
	p.unknowns.Refresh()
}

func (p *importPreview) unknownLine(u importer.Unknown) fyne.CanvasObject {
	text := fmt.Sprintf("名册中的%s（第 %s 行）", importer.Quote(u.Name), lineNumbers(u.Lines))
	if len(u.Candidates) > 0 {
		names := make([]string, len(u.Candidates))
		for i, o := range u.Candidates {
			names[i] = importer.Quote(o.Name)
		}
		text += "可能就是已有的" + strings.Join(names, "、")
	}
	label := wrapped(text)
	switch {
	case u.Invalid != "":
		label.SetText(text + "：不能新建，" + u.Invalid)
		label.Importance = widget.DangerImportance
	case !u.Decided():
		label.Importance = widget.WarningImportance
	}

	options, chosen := []string{}, ""
	for _, o := range u.Candidates {
		opt := fmt.Sprintf("就是已有的“%s”", importer.Printable(o.Name))
		options = append(options, opt)
		if u.Choice.Action == importer.ChoiceMap && u.Choice.OrgID == o.ID {
			chosen = opt
		}
	}
	options = append(options, choiceOther, choiceCreate, choiceSkip)
	switch u.Choice.Action {
	case importer.ChoiceMap:
		if chosen == "" {
			chosen = choiceOther
		}
	case importer.ChoiceCreate:
		chosen = choiceCreate
	case importer.ChoiceSkip:
		chosen = choiceSkip
	}
	if p.wantOther[u.Name] && u.Choice.Action == "" {
		chosen = choiceOther
	}
	sel := widget.NewSelect(options, nil)
	sel.PlaceHolder = "请选择…"
	sel.Selected = chosen
	sel.OnChanged = func(opt string) {
		switch i := slices.Index(options, opt); {
		case i >= 0 && i < len(u.Candidates):
			p.choose(u.Name, importer.Choice{Action: importer.ChoiceMap, OrgID: u.Candidates[i].ID})
		case opt == choiceCreate:
			p.choose(u.Name, importer.Choice{Action: importer.ChoiceCreate, Kind: u.Guess.Kind})
		case opt == choiceSkip:
			p.choose(u.Name, importer.Choice{Action: importer.ChoiceSkip})
		case opt == choiceOther:
			p.wantOther[u.Name] = true
			p.choose(u.Name, importer.Choice{})
		}
	}
	line := container.NewHBox(sel)
	switch chosen {
	case choiceOther:
		line.Add(p.otherOrg(u))
	case choiceCreate:
		line.Add(p.newOrgChoice(u))
	}
	return container.NewBorder(nil, nil, nil, line, label)
}

// otherOrg picks any active organization for a name.
func (p *importPreview) otherOrg(u importer.Unknown) fyne.CanvasObject {
	labels, ids := p.orgChoices(nil)
	sel := widget.NewSelect(labels, nil)
	sel.PlaceHolder = "选择组织…"
	if u.Choice.Action == importer.ChoiceMap {
		if i := slices.Index(ids, u.Choice.OrgID); i >= 0 {
			sel.Selected = labels[i]
		}
	}
	sel.OnChanged = func(label string) {
		if i := slices.Index(labels, label); i >= 0 {
			p.choose(u.Name, importer.Choice{Action: importer.ChoiceMap, OrgID: ids[i]})
		}
	}
	return sel
}

// newOrgChoice sets the kind and the parent of an organization to create.
func (p *importPreview) newOrgChoice(u importer.Unknown) fyne.CanvasObject {
	kind := u.Choice.Kind
	if kind == "" {
		kind = u.Guess.Kind
	}
	kinds := app.Texts(app.OrgKinds)
	kindSel := widget.NewSelect(kinds, nil)
	kindSel.PlaceHolder = "选择类型…"
	kindSel.Selected = app.TextOf(app.OrgKinds, kind)
	if kind == "" {
		kindSel.Selected = ""
	}
	kindSel.OnChanged = func(text string) {
		p.choose(u.Name, importer.Choice{Action: importer.ChoiceCreate, Kind: app.CodeOf(app.OrgKinds, text)})
	}
	if kind == "" {
		return kindSel
	}
	auto := "上级：自动"
	if parent := u.Created.Parent; parent != "" {
		auto = "上级：自动（" + importer.Printable(parent) + "）"
	}
	labels, ids := p.orgChoices(app.AllowedParentKinds(kind))
	labels, ids = append([]string{auto}, labels...), append([]uint{0}, ids...)
	parentSel := widget.NewSelect(labels, nil)
	parentSel.Selected = auto
	if i := slices.Index(ids, u.Choice.ParentID); i > 0 {
		parentSel.Selected = labels[i]
	}
	parentSel.OnChanged = func(label string) {
		if i := slices.Index(labels, label); i >= 0 {
			p.choose(u.Name, importer.Choice{Action: importer.ChoiceCreate, Kind: kind, ParentID: ids[i]})
		}
	}
	return container.NewHBox(kindSel, parentSel)
}

// orgChoices lists the active organizations of the given kinds (all when
// nil) as "名称（类型）".
func (p *importPreview) orgChoices(kinds []string) ([]string, []uint) {
	tree, err := p.svc.OrgTree()
	if err != nil {
		return nil, nil
	}
	var labels []string
	var ids []uint
	tree.Walk(func(o app.Organization, _ int) {
		if o.Status == data.StatusActive && (kinds == nil || slices.Contains(kinds, o.Kind)) {
			labels = append(labels, fmt.Sprintf("%s（%s）", o.Name, app.TextOf(app.OrgKinds, o.Kind)))
			ids = append(ids, o.ID)
		}
	})
	return labels, ids
}

// choose plans the file again with the teacher's answer for a name.
func (p *importPreview) choose(name string, c importer.Choice) {
	if c.Action != "" {
		delete(p.wantOther, name)
	}
	plan, err := importer.Remake(p.svc, p.plan, map[string]importer.Choice{name: c})
	if err != nil {
		showError(err, p.win)
		return
	}
	p.plan = plan
	p.refresh()
}

// lineNumbers writes row numbers: 3、5、9, or 3、5、9、12、20 等 40.
func lineNumbers(lines []int) string {
	parts := make([]string, 0, min(len(lines), 5))
	for i, l := range lines {
		if i == 5 {
			return fmt.Sprintf("%s 等 %d", strings.Join(parts, "、"), len(lines))
		}
		parts = append(parts, fmt.Sprint(l))
	}
	return strings.Join(parts, "、")
}

package app

import "tuanxue/data"

// Label pairs a stored code with the Chinese text shown for it.
type Label struct {
	Code, Text string
}

// OrgKinds are the organization kinds in the order the forms offer them.
var OrgKinds = []Label{
	{data.KindLeague, "团委"},
	{data.KindSchoolUnion, "校级学生会"},
	{data.KindCollegeUnion, "二级学院学生会"},
	{data.KindClubFederation, "学生社团联合会"},
	{data.KindClub, "学生社团"},
	{data.KindClassCommittee, "班委会"},
	{data.KindLeagueBranch, "团支部"},
}

// Statuses of organizations and departments.
var Statuses = []Label{
	{data.StatusActive, "正常"},
	{data.StatusMerged, "已合并"},
	{data.StatusDissolved, "已撤销"},
}

// TextOf returns the Chinese text of code in labels, or code itself.
func TextOf(labels []Label, code string) string {
	for _, l := range labels {
		if l.Code == code {
			return l.Text
		}
	}
	return code
}

// CodeOf returns the code whose text is text, or "".
func CodeOf(labels []Label, text string) string {
	for _, l := range labels {
		if l.Text == text {
			return l.Code
		}
	}
	return ""
}

// Texts lists the Chinese texts of labels, for a select box.
func Texts(labels []Label) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l.Text
	}
	return out
}

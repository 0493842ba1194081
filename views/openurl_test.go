package views

import "testing"

func TestFileURLForTheSystemViewer(t *testing.T) {
	cases := []struct {
		path    string
		windows bool
		want    string
	}{
		{`C:\Users\张老师\AppData\Local\Temp\学生会组织规模统计表 2026.pdf`, true,
			"file:///C:/Users/张老师/AppData/Local/Temp/学生会组织规模统计表%202026.pdf"},
		{`D:\团委\100%完成#1.pdf`, true, "file:///D:/团委/100%25完成%231.pdf"},
		{`\\files\团委\台账.pdf`, true, "file://files/团委/台账.pdf"},
		{"/home/张老师/报表 2026.pdf", false, "file:///home/%E5%BC%A0%E8%80%81%E5%B8%88/%E6%8A%A5%E8%A1%A8%202026.pdf"},
		{"/Users/li/Library/Application Support/tuanxue", false, "file:///Users/li/Library/Application%20Support/tuanxue"},
	}
	for _, c := range cases {
		if got := fileURL(c.path, c.windows).String(); got != c.want {
			t.Errorf("%s (windows=%v):\n got %s\nwant %s", c.path, c.windows, got, c.want)
		}
	}
}

package main

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"tuanxue/app"
	"tuanxue/data"
	"tuanxue/data/pgtest"
)

// The school office gives a 二级学院 office its account, lists and removes
// it from the command line; the password is never printed; the office's
// own account cannot manage offices.
func TestDBOfficeCommands(t *testing.T) {
	pgtest.Need(t)
	server, dir := pgtest.Schema(t), t.TempDir()
	st, err := data.Open(data.Config{Dir: dir, URL: server})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := app.New(st, nil)
	league, err := svc.SaveOrganization(app.OrgDraft{Name: "校团委", Kind: data.KindLeague, Status: data.StatusActive})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SaveOrganization(app.OrgDraft{Name: "信息工程学院团委", Kind: data.KindLeague, ParentID: &league.ID, Status: data.StatusActive}); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 4)
	rand.Read(b)
	user := "office_cli_" + hex.EncodeToString(b)
	t.Cleanup(func() { st.RemoveOffice(user) })
	const password = "s3cret-口令-9"
	t.Setenv("TX_OFFICE_PW", password)

	add := []string{"db", "office", "add", "--db", server, "--data", dir, "--org", "信息工程学院团委", "--user", user}
	code, out, errOut := runCLI(t, append(add, "--password-env", "TX_OFFICE_PW")...)
	if code != 0 || !strings.Contains(out, "已添加办公室账号 "+user) || !strings.Contains(out, "信息工程学院团委") {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	if strings.Contains(out+errOut, password) {
		t.Fatal("the password was printed")
	}
	code, out, errOut = runCLI(t, "db", "office", "list", "--db", server, "--data", dir)
	if code != 0 || !strings.Contains(out, user) || !strings.Contains(out, "信息工程学院团委") {
		t.Fatalf("list: %d %q %q", code, out, errOut)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{append(add, "--password-env", "TX_OFFICE_PW"), 2, "服务器上已有用户"},
		{append(add[:len(add)-1], "Bad-Name", "--password-env", "TX_OFFICE_PW"), 2, "小写英文字母"},
		{append(add, "--password-env", "TX_NOT_SET_ANYWHERE"), 2, "没有设置"},
		{add, 2, "没有读到密码"}, // no terminal, nothing on standard input
		{[]string{"db", "office", "add", "--org", "校团委", "--user", "x", "--data", dir}, 2, "--db"},
		{[]string{"db", "office", "add", "--db", server, "--data", dir, "--user", "x"}, 2, "请写成"},
		{[]string{"db", "office", "add", "--db", server, "--data", dir, "--org", "没有这个组织", "--user", "x"}, 2, "没有名为"},
		{[]string{"db", "office", "remove", "--db", server, "--data", dir, "--user", "office_nobody"}, 1, "没有名为“office_nobody”的办公室账号"},
		{[]string{"db", "office", "remove", "--db", server, "--data", dir}, 2, "请写成"},
	} {
		code, out, errOut := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.says) || strings.Contains(out+errOut, password) {
			t.Errorf("%v: %d %q %q, want %d and %q", c.args, code, out, errOut, c.code, c.says)
		}
	}
	// The office's own account reads but may not manage the offices.
	u, _ := url.Parse(server)
	u.User = url.UserPassword(user, password)
	code, _, errOut = runCLI(t, "db", "office", "remove", "--db", u.String(), "--data", dir, "--user", user)
	if code != 1 || !strings.Contains(errOut, "只有校团委的账号") {
		t.Fatalf("office removing itself: %d %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "db", "office", "remove", "--db", server, "--data", dir, "--user", user)
	if code != 0 || !strings.Contains(out, "已删除办公室账号 "+user) {
		t.Fatalf("remove: %d %q %q", code, out, errOut)
	}
	if _, out, _ := runCLI(t, "db", "office", "list", "--db", server, "--data", dir); !strings.Contains(out, "还没有办公室账号") {
		t.Fatalf("list after remove: %q", out)
	}
}

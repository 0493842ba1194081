package app

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"tuanxue/data"
	"tuanxue/data/pgtest"
)

func TestConnectionChecksWhatWasTyped(t *testing.T) {
	bad := Connection{Server: true, Host: "db server", Port: 70000}
	v, _ := CheckConnection(bad).(ValidationError)
	for _, field := range []string{"Host", "Port", "Database", "User"} {
		if v.For(field) == "" {
			t.Errorf("%s: no message in %v", field, v)
		}
	}
	if err := CheckConnection(Connection{}); err != nil {
		t.Fatalf("the data file needs no server: %v", err)
	}
	// Names with characters a URL must escape come back as they were typed.
	c := Connection{Server: true, Host: "db.xx.edu.cn", Port: 6432, Database: "团学 台账", User: "tw@机电"}
	u, err := url.Parse(c.URL())
	if err != nil || u.User.Username() != "tw@机电" || u.Path != "/团学 台账" || u.Port() != "6432" {
		t.Fatalf("%s parses as %+v, %v", c.URL(), u, err)
	}
	if _, has := u.User.Password(); has {
		t.Fatal("the URL carries a password")
	}
}

func TestConnectionIsSavedWithoutItsPassword(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	c := Connection{Server: true, Host: "10.20.0.15", Port: 5432, Database: "tuanxue", User: "tuanwei"}
	if err := SaveConnection(dir, c, "密码 Ab#1"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, ConnectionFile))
	if strings.Contains(string(b), "Ab#1") {
		t.Fatalf("the password is in %s", b)
	}
	got, err := LoadConnection(dir)
	if err != nil || got != c || got.Config(dir, "").Password != "密码 Ab#1" {
		t.Fatalf("loaded %+v, %v", got, err)
	}
	if err := SaveConnection(dir, Connection{Server: true}, "x"); err == nil {
		t.Fatal("an incomplete server was saved")
	}
	os.WriteFile(filepath.Join(dir, ConnectionFile), []byte("{not json"), 0o644)
	if _, err := LoadConnection(dir); err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Fatalf("a damaged database.json: %v", err)
	}
}

// The window's copy onto a server counts its rows, and 停止 leaves the
// server as empty as it was: the same copy then goes through.
func TestCopyToServerCanBeStopped(t *testing.T) {
	st, err := data.Open(data.Config{Dir: t.TempDir(), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := New(st, testNow)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	server := data.Config{Dir: t.TempDir(), URL: pgtest.Schema(t), Now: testNow}
	calls := 0
	_, err = svc.CopyToServer(server, func(copied, total int64) bool { calls++; return calls < 3 })
	if !errors.Is(err, data.ErrCopyStopped) || !strings.Contains(Message(err), "没有写入任何记录") {
		t.Fatalf("stopped copy: %v (%s)", err, Message(err))
	}
	var last, all int64
	rows, err := svc.CopyToServer(server, func(copied, total int64) bool { last, all = copied, total; return true })
	if err != nil {
		t.Fatalf("the copy after a stopped one: %v", err)
	}
	if rows == 0 || last != rows || all != rows {
		t.Fatalf("copied %d rows, progress ended at %d of %d", rows, last, all)
	}
}

package app

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
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

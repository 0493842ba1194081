package views

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"tuanxue/app"
	"tuanxue/data"
)

func TestDatabaseSettingsKeepThePasswordOutOfFiles(t *testing.T) {
	keyring.MockInit()
	w, svc := newTestUI(t)
	db := newDatabaseCard(svc, w.Win)
	db.choice.SetSelected(choiceServer)
	test.Tap(findButton(t, db.card, "保存数据库设置"))
	if msg := fieldMessage(db.form, "Host"); !strings.Contains(msg, "服务器地址") {
		t.Fatalf("empty host: %q", msg)
	}
	if _, err := os.Stat(filepath.Join(svc.Store().Dir(), app.ConnectionFile)); !os.IsNotExist(err) {
		t.Fatal("a refused server was saved")
	}
	test.Type(db.server.host, "10.20.0.15")
	test.Type(db.server.database, "tuanxue")
	test.Type(db.server.user, "tuanwei")
	password := findPassword(t, db)
	test.Type(password, "Ab#12345")
	test.Tap(findButton(t, db.card, "保存数据库设置"))
	if !strings.Contains(db.status.Text, "已保存") {
		t.Fatalf("status %q", db.status.Text)
	}
	saved, err := os.ReadFile(filepath.Join(svc.Store().Dir(), app.ConnectionFile))
	if err != nil || strings.Contains(string(saved), "Ab#12345") || !strings.Contains(string(saved), "10.20.0.15") {
		t.Fatalf("database.json %q, %v", saved, err)
	}
	conn, _ := app.LoadConnection(svc.Store().Dir())
	if conn.URL() != "postgres://tuanwei@10.20.0.15:5432/tuanxue" || conn.Password() != "Ab#12345" {
		t.Fatalf("connection %+v, url %s", conn, conn.URL())
	}
	db.choice.SetSelected(choiceFile)
	test.Tap(findButton(t, db.card, "保存数据库设置"))
	if conn, _ := app.LoadConnection(svc.Store().Dir()); conn.Server {
		t.Fatal("back to the file was not saved")
	}
}

func findPassword(t *testing.T, db *databaseCard) *widget.Entry {
	for _, f := range db.form.fields {
		if f.name == "Password" {
			if k, ok := f.input.(*keyEntry); ok {
				return &k.Entry
			}
			return f.input.(*widget.Entry)
		}
	}
	t.Fatal("no password field")
	return nil
}

// A server that cannot be reached is said so at the start, in a window
// that offers the password, the data file and quitting.
func TestUnreachableServerIsExplainedAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	Setup(a)
	opened := false
	ConnectToServer(a, ServerLogin{
		Workspace: app.NewWorkspace(t.TempDir(), "postgres://tuanwei:x@127.0.0.1:1/tuanxue", nil),
		Opened:    func(*app.Service) error { opened = true; return nil },
	})
	var login fyne.Window
	for _, w := range a.Driver().AllWindows() {
		if strings.Contains(w.Title(), "连接共享数据库") {
			login = w
		}
	}
	if opened || login == nil {
		t.Fatalf("opened %v, login window %v", opened, login)
	}
	content := login.Content()
	if !strings.Contains(strings.Join(labelsUnder(content), " "), "连不上共享数据库服务器") {
		t.Fatalf("the window says %q", strings.Join(labelsUnder(content), " "))
	}
	findButton(t, content, "连接")
	findButton(t, content, "退出")
}

// The copy of this computer's records shows its rows in a dialog with
// 停止, and says how many rows were copied once it is done.
func TestCopyToServerShowsItsRows(t *testing.T) {
	w, svc := newTestUI(t)
	if err := svc.LoadSample(); err != nil {
		t.Fatal(err)
	}
	db := newDatabaseCard(svc, w.Win)
	status := widget.NewLabel("")
	var seen []string
	defer func(b func(work, done func())) { inBackground = b }(inBackground)
	inBackground = func(work, done func()) {
		top := w.Win.Canvas().Overlays().Top()
		walkShown(top, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok {
				seen = append(seen, b.Text)
			}
		})
		work()
		done()
	}
	db.copyToServer(data.Config{Dir: t.TempDir(), Now: testNow}, status)
	if !slices.Contains(seen, "停止") {
		t.Errorf("the copy's dialog has no 停止: %v", seen)
	}
	if !strings.HasPrefix(status.Text, "已复制 ") || strings.HasPrefix(status.Text, "已复制 0 ") {
		t.Fatalf("status %q", status.Text)
	}
	if top := w.Win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("the copy's dialog stayed open")
	}
}

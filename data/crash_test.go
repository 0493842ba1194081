//go:build unix

// The crash tests kill child processes and limit file sizes the Unix way;
// they run on the Debian CI machine.

package data

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests run this test binary again as a child that writes until
// it is killed; TUANXUE_CHILD says which job.
func TestMain(m *testing.M) {
	switch os.Getenv("TUANXUE_CHILD") {
	case "write":
		os.Exit(childWrite(os.Getenv("TUANXUE_DIR")))
	case "backup":
		os.Exit(childBackup(os.Getenv("TUANXUE_DIR")))
	case "fill":
		os.Exit(childFill(os.Getenv("TUANXUE_DIR")))
	case "hot-journal":
		os.Exit(childHotJournal(os.Getenv("TUANXUE_FILE")))
	}
	os.Exit(m.Run())
}

// childWrite saves organizations one by one and prints "ok N" after each
// save returns: an acknowledged save.
func childWrite(dir string) int {
	s, err := Open(Config{Dir: dir})
	if err != nil {
		fmt.Println("open", err)
		return 1
	}
	var n int64
	s.db.Raw("SELECT count(*) FROM organizations").Scan(&n)
	out := bufio.NewWriter(os.Stdout)
	for i := int(n); ; i++ {
		o := Organization{Name: "组织" + strconv.Itoa(i), Kind: KindClub, Status: StatusActive, Notes: strings.Repeat("记", 200)}
		if err := s.SaveOrganization(&o); err != nil {
			fmt.Fprintln(out, "error", err)
			out.Flush()
			return 1
		}
		fmt.Fprintln(out, "ok", i)
		out.Flush()
	}
}

// TestCrashLoop kills a writing child with SIGKILL at random moments, over
// and over, and checks after each kill that the file is whole and every
// acknowledged save is there.
func TestCrashLoop(t *testing.T) {
	dir := t.TempDir()
	const rounds = 200
	deadline := time.Now().Add(150 * time.Second)
	acked, lost, kills := -1, 0, 0
	for round := 0; round < rounds && time.Now().Before(deadline); round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "TUANXUE_CHILD=write", "TUANXUE_DIR="+dir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		timer := time.After(time.Duration(5+rand.IntN(40)) * time.Millisecond)
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				if n, found := strings.CutPrefix(line, "ok "); found {
					acked, _ = strconv.Atoi(n)
				} else {
					t.Fatalf("child: %s", line)
				}
			case <-timer:
				break read
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for line := range lines { // saves acknowledged before the kill landed
			if n, found := strings.CutPrefix(line, "ok "); found {
				acked, _ = strconv.Atoi(n)
			}
		}
		kills++
		s, err := Open(Config{Dir: dir})
		if err != nil {
			t.Fatalf("after kill %d: %v", kills, err)
		}
		var check string
		s.db.Raw("PRAGMA integrity_check").Scan(&check)
		var n int64
		s.db.Raw("SELECT count(*) FROM organizations").Scan(&n)
		s.Close()
		if check != "ok" {
			t.Fatalf("after kill %d: integrity_check %q", kills, check)
		}
		if int(n) < acked+1 {
			lost += acked + 1 - int(n)
			t.Fatalf("after kill %d: %d saves acknowledged, %d in the file", kills, acked+1, n)
		}
	}
	if kills < rounds {
		t.Fatalf("only %d kills before the time limit", kills)
	}
	t.Logf("crash loop: %d kills, %d acknowledged saves, %d lost, integrity ok after each", kills, acked+1, lost)
}

// childBackup backs the file up again and again under one name.
func childBackup(dir string) int {
	s, err := Open(Config{Dir: dir})
	if err != nil {
		return 1
	}
	for {
		if _, err := s.BackupTo(filepath.Join(dir, "copy", "backup.db")); err != nil {
			fmt.Println("error", err)
			return 1
		}
	}
}

// TestKillDuringBackup: a file with the backup's name is always a good
// backup, however the backing up was cut short.
func TestKillDuringBackup(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 400; i++ {
		mustSaveOrg(t, s, Organization{Name: "组织" + strconv.Itoa(i), Kind: KindClub, Notes: strings.Repeat("备", 300)})
	}
	s.Close()
	for i := 0; i < 30; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "TUANXUE_CHILD=backup", "TUANXUE_DIR="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rand.IntN(80)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		path := filepath.Join(dir, "copy", "backup.db")
		if _, err := os.Stat(path); err == nil {
			if err := Verify(path); err != nil {
				t.Fatalf("kill %d left a bad file under the backup's name: %v", i, err)
			}
		}
	}
}

// childFill writes under a file-size limit until the disk is "full".
func childFill(dir string) int {
	s, err := Open(Config{Dir: dir})
	if err != nil {
		fmt.Println("open", err)
		return 1
	}
	st, _ := os.Stat(s.Path())
	limit := uint64(st.Size() + 64<<10)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("rlimit", err)
		return 1
	}
	for i := 0; ; i++ {
		o := Organization{Name: "满" + strconv.Itoa(i), Kind: KindClub, Status: StatusActive, Notes: strings.Repeat("满", 1000)}
		if err := s.SaveOrganization(&o); err != nil {
			if !errors.Is(err, ErrDiskFull) {
				fmt.Println("unexpected", err)
				return 1
			}
			fmt.Println("full", err)
			return 0
		}
		fmt.Println("ok", i)
	}
}

// TestDiskFull: when the disk fills up, the save fails with an error and
// the file stays whole with every earlier save.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "TUANXUE_CHILD=fill", "TUANXUE_DIR="+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	text := string(out)
	if !strings.Contains(text, "full ") {
		t.Fatalf("no error when the disk filled up:\n%s", text[max(0, len(text)-300):])
	}
	acked := strings.Count(text, "ok ")
	s, err = Open(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var check string
	var n int64
	s.db.Raw("PRAGMA integrity_check").Scan(&check)
	s.db.Raw("SELECT count(*) FROM organizations").Scan(&n)
	if check != "ok" || int(n) != acked {
		t.Fatalf("after the disk filled: integrity %q, %d saves acknowledged, %d in the file", check, acked, n)
	}
}

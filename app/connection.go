package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zalando/go-keyring"

	"tuanxue/data"
)

// Connection says where this computer keeps the records (数据库): the data
// file in the data folder (本机文件), or a PostgreSQL database that several
// offices share (共享服务器). It is kept in the data folder, outside the
// records, because it is needed before they can be opened. The password is
// never in it: it stays in the system's keychain (Windows 凭据管理器,
// macOS 钥匙串), or is asked for at each start.
type Connection struct {
	Server   bool   `json:"server"`
	Host     string `json:"host,omitempty"`
	Port     int    `json:"port,omitempty"`
	Database string `json:"database,omitempty"`
	User     string `json:"user,omitempty"`
}

// ConnectionFile is the name of the connection settings in the data folder.
const ConnectionFile = "database.json"

// keychainService names our entries in the system keychain.
const keychainService = "团学台账 数据库"

// LoadConnection reads the data folder's connection; none means the file.
func LoadConnection(dir string) (Connection, error) {
	var c Connection
	b, err := os.ReadFile(filepath.Join(dir, ConnectionFile))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("%s 无法读取：%w", ConnectionFile, err)
	}
	return c, nil
}

// CheckConnection validates what the teacher typed for a server.
func CheckConnection(c Connection) error {
	if !c.Server {
		return nil
	}
	var v ValidationError
	if strings.TrimSpace(c.Host) == "" || strings.ContainsAny(c.Host, " /?#@") {
		v.add("Host", "请填写服务器地址，如 192.168.1.20 或 db.example.edu.cn")
	}
	if c.Port < 1 || c.Port > 65535 {
		v.add("Port", "端口应为 1–65535 之间的数字，PostgreSQL 通常是 5432")
	}
	if strings.TrimSpace(c.Database) == "" {
		v.add("Database", "请填写数据库名，由学校信息中心提供")
	}
	if strings.TrimSpace(c.User) == "" {
		v.add("User", "请填写数据库用户名")
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// SaveConnection writes the connection into the data folder, whole or not
// at all. A password given is put in the keychain, never in the file; an
// empty one leaves the keychain as it is.
func SaveConnection(dir string, c Connection, password string) error {
	if err := CheckConnection(c); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if _, err := data.WriteFileSafely(filepath.Join(dir, ConnectionFile), strings.NewReader(string(b)+"\n")); err != nil {
		return err
	}
	if c.Server && password != "" {
		if err := keyring.Set(keychainService, c.account(), password); err != nil {
			return fmt.Errorf("%w: %v", ErrNoKeychain, err)
		}
	}
	return nil
}

// ErrNoKeychain: the system has no keychain to keep the password in; it is
// then asked for at each start.
var ErrNoKeychain = errors.New("no keychain")

// Password is the server password kept in the keychain, "" when none is.
func (c Connection) Password() string {
	p, err := keyring.Get(keychainService, c.account())
	if err != nil {
		return ""
	}
	return p
}

func (c Connection) account() string { return c.User + "@" + c.address() + "/" + c.Database }

func (c Connection) address() string { return net.JoinHostPort(c.Host, strconv.Itoa(c.Port)) }

// URL is the server's postgres:// address, without the password; "" for
// the file.
func (c Connection) URL() string {
	if !c.Server {
		return ""
	}
	u := url.URL{Scheme: "postgres", User: url.User(c.User), Host: c.address(), Path: "/" + c.Database}
	return u.String()
}

// Config is the store configuration of the connection for the data folder.
// password "" takes the one in the keychain.
func (c Connection) Config(dir, password string) data.Config {
	cfg := data.Config{Dir: dir, URL: c.URL()}
	if c.Server {
		if password == "" {
			password = c.Password()
		}
		cfg.Password = password
	}
	return cfg
}

// ProbeServer opens the server of cfg once, making our tables in an empty
// database, and says what it holds.
func ProbeServer(cfg data.Config) (string, error) {
	st, err := data.Open(cfg)
	if err != nil {
		return "", err
	}
	defer st.Close()
	digests, err := st.Digests()
	if err != nil {
		return "", err
	}
	n := map[string]int64{}
	for _, d := range digests {
		n[d.Table] = d.Rows
	}
	if n["organizations"] == 0 && n["people"] == 0 {
		return "连接成功。这个数据库还是空的，可以把本机数据复制上去。", nil
	}
	return fmt.Sprintf("连接成功。数据库里已有 %d 个组织、%d 名学生骨干。", n["organizations"], n["people"]), nil
}

// CopyToServer copies this folder's data file onto the empty server
// database of cfg, for a college that starts sharing its records; both
// sides are compared table by table before it returns.
//
// watch hears after each batch how many of the rows are copied; by
// returning false it stops the copy, and the server is left as it was.
func (s *Service) CopyToServer(cfg data.Config, watch func(copied, total int64) bool) (rows int64, err error) {
	src := s.store
	if src.Server() {
		if src, err = data.OpenSnapshot(filepath.Join(s.store.Dir(), data.FileName)); err != nil {
			return 0, err
		}
		defer src.Close()
	}
	dst, err := data.Open(cfg)
	if err != nil {
		return 0, err
	}
	defer dst.Close()
	digests, err := src.CopyWatched(dst, watch)
	for _, d := range digests {
		rows += d.Rows
	}
	return rows, err
}

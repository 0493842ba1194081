// Package pgtest gives tests a PostgreSQL database of their own on the
// server named by TUANXUE_TEST_POSTGRES (.ci/with-postgres starts one): a
// new schema per test, dropped when the test ends. Without the variable the
// tests run on SQLite files; `make test` sets it for a second run.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
)

// Env names the variable that holds the test server's URL.
const Env = "TUANXUE_TEST_POSTGRES"

// Server is the test server's URL, or "" when the tests run on SQLite.
func Server() string { return os.Getenv(Env) }

// Schema creates an empty schema on the test server, dropped when the test
// ends, and returns the URL of a database whose tables go into it; "" when
// there is no test server.
func Schema(t testing.TB) string {
	t.Helper()
	u, drop, err := NewSchema()
	if err != nil {
		t.Fatalf("test server: %v", err)
	}
	t.Cleanup(drop)
	return u
}

// NewSchema is Schema for what outlives one test (shared benchmark data):
// the caller drops it.
func NewSchema() (dbURL string, drop func(), err error) {
	server := Server()
	if server == "" {
		return "", func() {}, nil
	}
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, err
	}
	db, err := sql.Open("pgx", server)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "t_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		db.Close()
		return "", nil, err
	}
	drop = func() {
		db.Exec("DROP SCHEMA " + name + " CASCADE")
		db.Close()
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// Need skips a test that only means something on a shared server (several
// offices at once); the PostgreSQL pass of `make test` runs it.
func Need(t testing.TB) {
	t.Helper()
	if Server() == "" {
		t.Skip("needs the PostgreSQL test server (" + Env + "): run by the second pass of make test")
	}
}

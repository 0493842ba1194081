package data

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// A shared PostgreSQL server holds the same tables as the SQLite file. The
// schema steps are written once, in SQLite's words; pgSchema translates them.
// Where the file keeps its application_id and user_version in its header, a
// server database keeps them in the table tuanxue_schema.

// IsServerURL reports whether s names a PostgreSQL server rather than a folder.
func IsServerURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

var (
	// ErrServer: the database server cannot be reached.
	ErrServer = errors.New("database server unavailable")
	// ErrLogin: the server refused the user name or password.
	ErrLogin = errors.New("database login refused")
	// ErrForeignDatabase: the server database holds another program's tables.
	ErrForeignDatabase = errors.New("database belongs to another program")
)

// openServer opens (and creates or migrates) the store in a PostgreSQL
// database. cfg.Dir is the local folder for backups and evidence files.
func openServer(cfg Config) (*Store, error) {
	if err := makePrivateDir(cfg.Dir); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	db, err := gorm.Open(postgres.New(postgres.Config{DSN: serverDSN(cfg)}), quietConfig(microseconds(cfg.Now)))
	if err != nil {
		kind := ErrServer
		if errors.Is(serverError(err), ErrLogin) {
			kind = ErrLogin
		}
		return nil, fmt.Errorf("%w: %s", kind, redact(err, cfg.Password))
	}
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, path: RedactURL(cfg.URL), dir: cfg.Dir, operator: osUser(), server: true}
	return s.ready(s.migrateServer)
}

// serverDSN adds the password, which never travels in the URL we show or
// keep, and a connect timeout, so an unreachable server is reported in
// seconds rather than after the system's TCP timeout.
func serverDSN(cfg Config) string {
	u, err := url.Parse(cfg.URL)
	if err != nil {
		return cfg.URL
	}
	if cfg.Password != "" && u.User != nil {
		u.User = url.UserPassword(u.User.Username(), cfg.Password)
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", "10")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// HasPassword reports whether a server URL carries its password, or the
// environment does (PGPASSWORD, as for PostgreSQL's own tools).
func HasPassword(s string) bool {
	if os.Getenv("PGPASSWORD") != "" {
		return true
	}
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}

// RedactURL drops the password from a server URL, for titles and messages.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

func redact(err error, password string) string {
	msg := err.Error()
	if password != "" {
		msg = strings.ReplaceAll(msg, password, "****")
	}
	return msg
}

// microseconds is the store's clock cut to the precision PostgreSQL keeps,
// so a stamp written and read back compares equal.
func microseconds(now func() time.Time) func() time.Time {
	if now == nil {
		now = time.Now
	}
	return func() time.Time { return now().Truncate(time.Microsecond) }
}

// serverLock is the key of the advisory lock that serialises schema changes
// between programs starting at once: the second waits, then finds the work done.
const serverLock = ApplicationID

// migrateServer brings the database to the latest schema, one step per
// transaction, each under the advisory lock. A database with tables of
// another program is refused untouched.
func (s *Store) migrateServer() error {
	if err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", serverLock).Error; err != nil {
			return err
		}
		var ours, others int64
		if err := tx.Raw(`SELECT count(*) FILTER (WHERE table_name = 'tuanxue_schema'), count(*)
			FROM information_schema.tables WHERE table_schema = current_schema()`).Row().Scan(&ours, &others); err != nil {
			return err
		}
		switch {
		case ours == 1:
			return nil
		case others > 0:
			return ErrForeignDatabase
		}
		return execAll(tx,
			`CREATE TABLE tuanxue_schema (application_id BIGINT NOT NULL, version INTEGER NOT NULL)`,
			fmt.Sprintf(`INSERT INTO tuanxue_schema VALUES (%d, 0)`, ApplicationID))
	}); err != nil {
		return serverError(err)
	}
	for {
		done, err := s.serverStep()
		if err != nil || done {
			return err
		}
	}
}

// serverStep applies the next schema step, if any, and reports when none is left.
func (s *Store) serverStep() (done bool, err error) {
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", serverLock).Error; err != nil {
			return err
		}
		var app int64
		var v int
		if err := tx.Raw("SELECT application_id, version FROM tuanxue_schema").Row().Scan(&app, &v); err != nil {
			return err
		}
		switch {
		case app != ApplicationID:
			return ErrForeignDatabase
		case v > LatestVersion():
			return fmt.Errorf("%w: schema %d, this program knows %d", ErrNewerSchema, v, LatestVersion())
		case v == LatestVersion():
			done = true
			return nil
		}
		m := stepsAfter(v)[0]
		if err := m.up(tx); err != nil {
			return fmt.Errorf("migrate to schema %d (%s): %w", m.version, m.name, err)
		}
		if m.version > officesSince { // a table added since gets its policies
			if err := installOffices(tx); err != nil {
				return err
			}
		}
		return tx.Exec("UPDATE tuanxue_schema SET version = ?", m.version).Error
	})
	return done, serverError(err)
}

// lostServer reports a server that went away in the middle of the work:
// the network dropped, or the server was stopped or restarted.
func lostServer(err error) bool {
	var connErr *pgconn.ConnectError
	var netErr net.Error
	var pgErr *pgconn.PgError
	return errors.As(err, &connErr) || errors.As(err, &netErr) || errors.Is(err, io.ErrUnexpectedEOF) ||
		(errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "57P")) // shutdown, crash, starting up
}

// serverError tells a lost or refused connection from our own errors.
func serverError(err error) error {
	var pgErr *pgconn.PgError
	var connErr *pgconn.ConnectError
	switch {
	case err == nil, errors.Is(err, ErrForeignDatabase), errors.Is(err, ErrNewerSchema):
		return err
	case errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "28"): // invalid authorization
		return fmt.Errorf("%w: %v", ErrLogin, err)
	case errors.As(err, &connErr):
		return fmt.Errorf("%w: %v", ErrServer, err)
	}
	return err
}

// The rules of translation. The columns that hold yes/no are INTEGER 0/1 in
// SQLite and BOOLEAN on the server (the model fields are bool).
var (
	pgRowID     = regexp.MustCompile(`\bINTEGER PRIMARY KEY\b`)
	pgBool      = regexp.MustCompile(`\b(presidium_elected|guest|enabled|student)(\s+)INTEGER NOT NULL DEFAULT ([01])`)
	pgReference = regexp.MustCompile(`REFERENCES (\w+)\(id\)( ON DELETE CASCADE)?`)
	pgTypes     = strings.NewReplacer("DATETIME", "TIMESTAMPTZ", "INTEGER", "BIGINT", "REAL", "DOUBLE PRECISION", "BLOB", "BYTEA")
)

// pgStatement translates one schema statement from SQLite to PostgreSQL:
// row IDs become identity columns, yes/no columns booleans, and references
// are checked at commit, so a copy may insert rows in any order.
func pgStatement(st string) string {
	st = pgRowID.ReplaceAllString(st, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
	st = pgBool.ReplaceAllStringFunc(st, func(m string) string {
		parts := pgBool.FindStringSubmatch(m)
		return parts[1] + parts[2] + "BOOLEAN NOT NULL DEFAULT " + map[string]string{"0": "false", "1": "true"}[parts[3]]
	})
	st = pgReference.ReplaceAllString(st, "REFERENCES $1(id)$2 DEFERRABLE")
	return pgTypes.Replace(st)
}

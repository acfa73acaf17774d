// Package postgres is Qicao's store on a PostgreSQL server, for a bureau
// whose officers share drafts, versions, the corpus and the templates. It
// keeps the same contract as drafts/sqlite (the embedded default), and
// adds what sharing needs: officers as login roles, drafts owned by an
// officer and shared with teams (enforced by row-level security on the
// server), the author of every version, optimistic saves, and
// notifications of others' saves and corpus changes (LISTEN/NOTIFY).
//
// Connection settings follow libpq: the URL or key=value string, and
// PGHOST, PGUSER, PGPASSFILE (~/.pgpass), PGSSLMODE … from the
// environment. A password never needs to be on the command line.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"qicao/drafts"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// timeout bounds every call to the server, so that a server that went
// away is reported instead of hanging the window.
const timeout = 15 * time.Second

// DB is an open connection pool to a Qicao database on a server. It is
// safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
	url  string
	// role is the officer's login role (current_user).
	role string
	// Author is the name recorded on the versions this DB saves; "" uses
	// the officer's display name or login role.
	Author string
}

// IsURL reports whether s names a PostgreSQL database rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url and brings its schema up to date:
// migrations the server has not seen run, which needs the database's
// owner (qicao db init); an officer's connection to a current schema
// only checks it. A schema newer than this program is refused.
func Open(url string) (*DB, error) {
	db, err := connect(url)
	if err != nil {
		return nil, err
	}
	if err := db.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// connect opens the pool without touching the schema.
func connect(url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, wrapf(redact(err), "数据库地址有误", "The database address is wrong")
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = "qicao"
	cfg.ConnConfig.RuntimeParams["application_name"] = "qicao"
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, wrapf(err, "无法连接数据库服务器", "The database server cannot be reached")
	}
	db := &DB{pool: pool, url: url}
	if err := pool.QueryRow(ctx, `SELECT current_user`).Scan(&db.role); err != nil {
		pool.Close()
		return nil, wrapf(err, "无法连接数据库服务器", "The database server cannot be reached")
	}
	return db, nil
}

// redact keeps a password that was put in the URL out of an error message.
func redact(err error) error {
	return errors.New(strings.ReplaceAll(err.Error(), "password=", "password=***"))
}

// Close closes every connection.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Path returns the URL the database was opened with.
func (db *DB) Path() string { return db.url }

// Role returns the officer's login role.
func (db *DB) Role() string { return db.role }

// ctx returns a context that ends after timeout.
func ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), timeout)
}

// migrations returns the embedded migration files in order; file i (from
// 0) must be numbered i+1, the schema version it leads to.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for i, name := range names {
		var n int
		if _, err := fmt.Sscanf(filepath.Base(name), "%d_", &n); err != nil || n != i+1 {
			return nil, fmt.Errorf("迁移文件 %s 应编号为 %03d", name, i+1)
		}
	}
	return names, nil
}

// SchemaVersion returns the number of migrations the server's schema has
// had, 0 for a database without Qicao's schema.
func (db *DB) SchemaVersion() (int, error) {
	c, cancel := ctx()
	defer cancel()
	var v int
	err := db.pool.QueryRow(c, `SELECT COALESCE((SELECT version FROM qicao.schema_version), 0)`).Scan(&v)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42P01" || pe.Code == "3F000") {
		return 0, nil // no schema_version table or no schema yet
	}
	return v, err
}

// migrate brings the schema up to date, or refuses a newer one.
func (db *DB) migrate() error {
	names, err := migrations()
	if err != nil {
		return err
	}
	v, err := db.SchemaVersion()
	if err != nil {
		return wrapf(err, "读取数据库版本失败", "Reading the database version failed")
	}
	if v > len(names) {
		return drafts.Errorf(drafts.EDatabase, fmt.Sprintf("服务器上的数据库版本 %d 高于本程序支持的版本 %d，请升级起草", v, len(names)), fmt.Sprintf("The database on the server is at version %d, newer than the %d this program supports; please upgrade Qicao", v, len(names)))
	}
	if v == len(names) {
		return nil
	}
	for i := v; i < len(names); i++ {
		if err := db.migrateFile(names[i], i+1); err != nil {
			var pe *pgconn.PgError
			if errors.As(err, &pe) && pe.Code == "42501" {
				return drafts.Errorf(drafts.EDatabase, fmt.Sprintf("服务器上的数据库需要升级到版本 %d，请数据库管理员运行 qicao --db 地址 db init（%s）", len(names), pe.Message), fmt.Sprintf("The database on the server needs upgrading to version %d; the database administrator runs qicao --db ADDRESS db init (%s)", len(names), pe.Message))
			}
			return wrapf(err, "升级数据库（%s）失败", "Upgrading the database (%s) failed", filepath.Base(names[i]))
		}
	}
	return nil
}

// migrateFile runs one migration in a transaction that holds an advisory
// lock, so that two programs migrating at once run it once.
func (db *DB) migrateFile(name string, version int) error {
	body, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	return db.inTx(func(tx pgx.Tx, c context.Context) error {
		if _, err := tx.Exec(c, `SELECT pg_advisory_xact_lock(hashtext('qicao.migrate'))`); err != nil {
			return err
		}
		if _, err := tx.Exec(c, `CREATE SCHEMA IF NOT EXISTS qicao;
			CREATE TABLE IF NOT EXISTS qicao.schema_version (
				one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL)`); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRow(c, `SELECT COALESCE((SELECT version FROM qicao.schema_version), 0)`).Scan(&current); err != nil {
			return err
		}
		if current >= version {
			return nil
		}
		if _, err := tx.Exec(c, string(body)); err != nil {
			return err
		}
		_, err := tx.Exec(c, `INSERT INTO qicao.schema_version (version) VALUES ($1)
			ON CONFLICT (one) DO UPDATE SET version = excluded.version`, version)
		if err == nil && version == 1 {
			_, err = tx.Exec(c, `GRANT SELECT ON qicao.schema_version TO qicao_officer`)
		}
		return err
	})
}

// inTx runs fn in a transaction and commits it if fn succeeds. A
// transaction the server never received (a pooled connection the server
// closed when it restarted) is tried once more on a new connection.
func (db *DB) inTx(fn func(tx pgx.Tx, c context.Context) error) error {
	err := db.tx(fn)
	if err != nil && pgconn.SafeToRetry(err) {
		err = db.tx(fn)
	}
	return err
}

// tx runs fn in one transaction.
func (db *DB) tx(fn func(tx pgx.Tx, c context.Context) error) error {
	c, cancel := ctx()
	defer cancel()
	tx, err := db.pool.Begin(c)
	if err != nil {
		return err
	}
	if err := fn(tx, c); err != nil {
		tx.Rollback(c)
		return err
	}
	return tx.Commit(c)
}

// queryAll runs query and reads every row with scan.
func queryAll[T any](db *DB, what failed, scan func(pgx.Row) (T, error), query string, args ...any) ([]T, error) {
	c, cancel := ctx()
	defer cancel()
	rows, err := db.pool.Query(c, query, args...)
	if err != nil {
		return nil, wrapf(err, "%s", "%s", what.chinese, what.english)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, wrapf(err, "%s", "%s", what.chinese, what.english)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, wrapf(err, "%s", "%s", what.chinese, what.english)
	}
	return out, nil
}

// exec runs one statement; a statement that touched no row reports
// missing.
func (db *DB) exec(missing error, query string, args ...any) error {
	c, cancel := ctx()
	defer cancel()
	tag, err := db.pool.Exec(c, query, args...)
	if err != nil {
		return err
	}
	if missing != nil && tag.RowsAffected() == 0 {
		return missing
	}
	return nil
}

// queryRow reads one row.
func (db *DB) queryRow(query string, args []any, dest ...any) error {
	c, cancel := ctx()
	defer cancel()
	return db.pool.QueryRow(c, query, args...).Scan(dest...)
}

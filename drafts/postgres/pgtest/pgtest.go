// Package pgtest starts a throw-away PostgreSQL cluster for tests: initdb
// and pg_ctl from Debian's postgresql package, a data directory and Unix
// socket in a temporary directory, run as an unprivileged user (tests run
// as root in CI, and PostgreSQL refuses to run as root). Each test gets a
// database of its own; the cluster is stopped and removed by Stop.
//
// A test binary starts its cluster on the first Need, not in TestMain: the
// crash tests' child processes (the test binary run again, then killed)
// need none, and each started one that nothing stopped. A cluster records
// the process that started it; Start stops and removes the clusters whose
// process is gone (a test binary that timed out or was killed).
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNoServer is returned by Start when PostgreSQL's programs are not
// installed; tests then skip.
var ErrNoServer = errors.New("未安装 PostgreSQL（Debian: apt-get install postgresql），跳过需要服务器的测试")

// Superuser is the cluster's superuser role.
const Superuser = "postgres"

// Cluster is a running throw-away server.
type Cluster struct {
	dir, data, bin string
	opts           string // the server's options, for Resume
	cred           *syscall.Credential
	dbs            atomic.Int64
}

// ownerFile, in a cluster's directory, holds the pid of the process that
// started it.
const ownerFile = "owner.pid"

// Start creates and starts a cluster, or returns ErrNoServer. It first
// stops and removes the clusters left by processes that are gone.
func Start() (*Cluster, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	sweep(bin)
	dir, err := os.MkdirTemp("", "qpg")
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, data: filepath.Join(dir, "data"), bin: bin}
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.dropRoot(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := c.run("initdb", "-D", c.data, "-U", Superuser, "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c.opts = fmt.Sprintf("-k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", dir)
	if err := c.start(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w\n%s", err, log)
	}
	return c, nil
}

// sweep stops and removes the clusters under the temporary directory whose
// starting process no longer runs.
func sweep(bin string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "qpg*"))
	for _, dir := range dirs {
		data, err := os.ReadFile(filepath.Join(dir, ownerFile))
		if err != nil {
			continue // not ours, or being made
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		c := &Cluster{dir: dir, data: filepath.Join(dir, "data"), bin: bin}
		if c.dropRoot() == nil {
			c.Stop()
		}
	}
}

// alive reports whether process pid runs.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// binDir finds the newest /usr/lib/postgresql/N/bin with initdb.
func binDir() (string, error) {
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Slice(found, func(i, j int) bool { return version(found[i]) < version(found[j]) })
	if len(found) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", ErrNoServer
	}
	return filepath.Dir(found[len(found)-1]), nil
}

// version reads N from /usr/lib/postgresql/N/bin/initdb.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// dropRoot makes the server run as nobody when the tests run as root, and
// gives nobody the temporary directory.
func (c *Cluster) dropRoot() error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return fmt.Errorf("以 root 运行测试时需要系统用户 nobody 来运行 PostgreSQL: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	c.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	return os.Chown(c.dir, uid, gid)
}

// run runs one of the server's programs as the cluster's user.
func (c *Cluster) run(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, name), args...)
	cmd.Dir = c.dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=" + c.dir}
	if c.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.cred}
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, out)
	}
	return nil
}

// Stop stops the server at once and removes its directory.
func (c *Cluster) Stop() {
	c.run("pg_ctl", "-D", c.data, "-m", "immediate", "-w", "stop")
	os.RemoveAll(c.dir)
}

// Pause stops the server (fast shutdown), keeping its data, as in a fault
// test where the server goes away; Resume starts it again.
func (c *Cluster) Pause() error {
	return c.run("pg_ctl", "-D", c.data, "-m", "fast", "-w", "stop")
}

// Resume starts a server stopped by Pause.
func (c *Cluster) Resume() error { return c.start() }

// start starts the server with its options, waiting until it accepts
// connections.
func (c *Cluster) start() error {
	return c.run("pg_ctl", "-D", c.data, "-o", c.opts, "-l", filepath.Join(c.dir, "log"), "-w", "-t", "60", "start")
}

// Socket is the directory of the server's Unix socket.
func (c *Cluster) Socket() string { return c.dir }

// URL returns a connection URL for database db as role.
func (c *Cluster) URL(db, role string) string {
	return fmt.Sprintf("postgres:///%s?host=%s&user=%s&sslmode=disable", db, c.dir, role)
}

// Exec runs sql as the superuser on database db.
func (c *Cluster) Exec(db, sql string, args ...any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.URL(db, Superuser))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql, args...)
	return err
}

// NewDatabase creates an empty database owned by owner (created as a
// login role with CREATEROLE if it does not exist; "" for the superuser)
// and returns its name. The database is dropped when the test ends.
func (c *Cluster) NewDatabase(t testing.TB, owner string) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), c.dbs.Add(1))
	if owner == "" {
		owner = Superuser
	} else {
		c.Role(t, owner, "LOGIN CREATEROLE")
	}
	if err := c.Exec("postgres", "CREATE DATABASE "+name+" OWNER "+pgx.Identifier{owner}.Sanitize()); err != nil {
		t.Fatalf("创建测试数据库: %v", err)
	}
	t.Cleanup(func() { c.Exec("postgres", "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") })
	return name
}

// Role creates a cluster role with the given options if it does not exist.
func (c *Cluster) Role(t testing.TB, role, options string) {
	t.Helper()
	q := fmt.Sprintf(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s) THEN CREATE ROLE %s %s; END IF; END $$`,
		quoteLiteral(role), pgx.Identifier{role}.Sanitize(), options)
	if err := c.Exec("postgres", q); err != nil {
		t.Fatalf("创建角色 %s: %v", role, err)
	}
}

// quoteLiteral quotes s as an SQL string literal (for DO blocks, which
// take no parameters).
func quoteLiteral(s string) string {
	out := []rune{'\''}
	for _, r := range s {
		if r == '\'' {
			out = append(out, '\'')
		}
		out = append(out, r)
	}
	return string(append(out, '\''))
}

// Main is a TestMain body: it runs the tests, then stops the cluster the
// first Need started into *c, if any.
func Main(m *testing.M, c **Cluster) int {
	code := m.Run()
	if *c != nil {
		(*c).Stop()
	}
	return code
}

var (
	startOnce sync.Once
	startErr  error
)

// Need starts the test binary's cluster into *c on its first call (the
// later ones find it there), and skips t when PostgreSQL is not installed;
// a cluster that fails to start fails t.
func Need(t testing.TB, c **Cluster) {
	t.Helper()
	startOnce.Do(func() { *c, startErr = Start() })
	switch {
	case errors.Is(startErr, ErrNoServer):
		t.Skip(ErrNoServer.Error())
	case startErr != nil:
		t.Fatalf("pgtest: %v", startErr)
	}
}

// Package safefile writes the files Qicao produces (Word exports, compare
// reports, backups) so that a slip of the keyboard cannot destroy work:
// the file is written to a temporary file in the same folder, synced and
// renamed into place, so a reader never sees half a file and a crash
// leaves the old file whole; the open database, any SQLite file and the
// command's own inputs are never overwritten; and another existing file
// is overwritten only when the caller says so (--force, or the window's
// question answered yes).
//
// Both front ends use it; it knows nothing of Fyne or of the store.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// ErrExists is matched (errors.Is) by the error Check and Write return
// when the output exists and Force was not given: the caller may ask and
// try again with Force.
var ErrExists = errors.New("输出文件已存在")

// ErrProtected is matched by the error returned for an output that must
// never be overwritten, Force or not: the database, an input of the same
// command, any SQLite file, a folder.
var ErrProtected = errors.New("输出文件不可覆盖")

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Guard says what an output may not overwrite.
type Guard struct {
	// Database is the database file in use ("" for none); its journal
	// files (-wal, -shm, -journal) are protected with it.
	Database string
	// Inputs are the files the command reads.
	Inputs []string
	// Force allows overwriting an existing file that is none of the
	// above.
	Force bool
}

// Check reports whether g allows writing path, without writing anything.
func (g Guard) Check(path string) error {
	if path == "" {
		return fmt.Errorf("%w：没有给出输出文件名", ErrProtected)
	}
	if g.Database != "" {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			if Same(path, g.Database+suffix) {
				return protectedf("「%s」是正在使用的数据库，不能写入导出结果；请换一个文件名", path)
			}
		}
	}
	for _, in := range g.Inputs {
		if Same(path, in) {
			return protectedf("「%s」是本命令读取的文件，不能同时作为输出；请换一个文件名", path)
		}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("无法检查输出文件「%s」：%w", path, explain(err))
	case fi.IsDir():
		return protectedf("「%s」是一个文件夹，请给出文件名", path)
	case isSQLite(path):
		return protectedf("「%s」是一个数据库文件，不能用导出结果覆盖；请换一个文件名", path)
	case !g.Force:
		return fmt.Errorf("%w：「%s」已存在；确认要覆盖请加 --force", ErrExists, path)
	}
	return nil
}

// protectedf returns an error matching ErrProtected.
func protectedf(format string, args ...any) error {
	return fmt.Errorf("%w："+format, append([]any{ErrProtected}, args...)...)
}

// Same reports whether a and b name the same file: the same path once
// cleaned and symbolic links followed, or (hard links) the same inode.
func Same(a, b string) bool {
	if abs(a) == abs(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// abs returns path made absolute, with symbolic links followed as far as
// they exist.
func abs(path string) string {
	p, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(dir, filepath.Base(p))
	}
	return p
}

// isSQLite reports whether the file at path starts like an SQLite database.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteMagic)
}

// Write writes data to path if g allows it, through a temporary file in
// the same folder renamed into place. A new file gets mode perm; a file
// replaced keeps its mode.
func Write(path string, data []byte, perm os.FileMode, g Guard) error {
	return WriteFunc(path, perm, g, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc is Write with the content produced by write, which may fail:
// then nothing is left behind and path is untouched.
func WriteFunc(path string, perm os.FileMode, g Guard, write func(io.Writer) error) error {
	if err := g.Check(path); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		perm = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法写入「%s」：%w", path, explain(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return fmt.Errorf("无法写入「%s」：%w", path, explain(err))
	}
	if err := finish(tmp, perm); err != nil {
		return fmt.Errorf("无法写入「%s」：%w", path, explain(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法写入「%s」：%w", path, explain(err))
	}
	done = true
	syncDir(dir)
	return nil
}

// finish sets the temporary file's mode, syncs it to disk and closes it.
func finish(f *os.File, perm os.FileMode) error {
	if err := f.Chmod(perm); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable; a failure here costs nothing
// but durability across a power cut, so it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// explain puts the Chinese name of the failures an officer can act on in
// front of err.
func explain(err error) error {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("磁盘空间不足（%w）", err)
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		return fmt.Errorf("没有写入权限（%w）", err)
	}
	return err
}

package cli

import (
	"errors"
	"fmt"
	"io"

	"qicao/app/workspace"
)

func init() {
	register("db", "数据库：db check（检查）| backup [输出文件]（备份）| restore [备份文件]（恢复）| new（把数据库移到一旁，新建）",
		"the database: db check | backup [OUT] | restore [BACKUP] | new (move the database aside and start a new one)", runDB)
}

// runDB checks, backs up, restores or replaces the database.
func runDB(env *Env, args []string) error {
	if len(args) == 0 {
		return usage("用法：qicao db check | backup [输出文件] | restore [备份文件] | new [--force]；服务器：db init | officer add",
			"usage: qicao db check | backup [OUT] | restore [BACKUP] | new [--force]; on a server: db init | officer add")
	}
	if run, ok := serverDBCommands[args[0]]; ok {
		return run(env, args[1:])
	}
	path, err := workspace.ResolvePath(env.DBPath)
	if err != nil {
		return err
	}
	switch args[0] {
	case "check":
		return dbCheck(env, path)
	case "backup":
		return dbBackup(env, args[1:])
	case "restore":
		return dbRestore(env, path, args[1:])
	case "new":
		return dbNew(env, path, args[1:])
	}
	return usagef("未知的 db 子命令「%s」：可用 check、backup、restore、new",
		"unknown db sub-command “%s”: check, backup, restore or new", args[0])
}

// dbCheck runs the full integrity check and says what it found.
func dbCheck(env *Env, path string) error {
	found, err := workspace.Check(path)
	if err != nil {
		return withChoices(err)
	}
	if len(found) > 0 {
		fmt.Fprintf(env.Stdout, "数据库「%s」已损坏：\n", path)
		for _, f := range found {
			fmt.Fprintf(env.Stdout, "  %s\n", f)
		}
		return withChoices(&workspace.OpenError{Problem: workspace.Damaged, Path: path})
	}
	fmt.Fprintf(env.Stdout, "数据库「%s」完好。\n", path)
	list, _ := workspace.Backups(path)
	if len(list) > 0 {
		fmt.Fprintf(env.Stdout, "最近的备份：%s（%s）\n", list[0].Path, list[0].Made.Local().Format("2006-01-02 15:04"))
	} else {
		fmt.Fprintln(env.Stdout, "还没有备份；起草每天启动时自动备份一次，也可运行 qicao db backup。")
	}
	return nil
}

// dbBackup makes a backup among the automatic ones, or at a path given.
func dbBackup(env *Env, args []string) error {
	if len(args) > 1 {
		return usage("用法：qicao db backup [输出文件]", "usage: qicao db backup [OUT]")
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	dest := ""
	if len(args) == 1 {
		dest = args[0]
	}
	if dest, err = ws.Backup(dest); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s\n", dest)
	return nil
}

// dbRestore lists the backups, or puts one in place of the database.
func dbRestore(env *Env, path string, args []string) error {
	if len(args) == 0 {
		return listBackups(env.Stdout, path)
	}
	if len(args) > 1 {
		return usage("用法：qicao db restore [备份文件]", "usage: qicao db restore [BACKUP]")
	}
	aside, err := workspace.Restore(path, args[0])
	if err != nil {
		return err
	}
	if _, err := openWorkspace(env); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已从 %s 恢复数据库 %s\n", args[0], path)
	if aside != "" {
		fmt.Fprintf(env.Stdout, "原来的数据库已移到 %s（没有删除）\n", aside)
	}
	return nil
}

// listBackups prints the backups of the database at path, newest first.
func listBackups(w io.Writer, path string) error {
	list, err := workspace.Backups(path)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return fmt.Errorf("数据库「%s」还没有备份（备份在 %s）", path, workspace.BackupDir(path))
	}
	fmt.Fprintf(w, "数据库「%s」的备份，最新的在前：\n", path)
	for _, b := range list {
		fmt.Fprintf(w, "  %s  %s  %d KB\n", b.Made.Local().Format("2006-01-02 15:04"), b.Path, (b.Size+1023)/1024)
	}
	fmt.Fprintln(w, "恢复其中一个：qicao db restore 备份文件")
	return nil
}

// dbNew moves the database aside and starts a new one; a sound database
// is moved only with --force.
func dbNew(env *Env, path string, args []string) error {
	fs := newFlags(env, "db new")
	force := fs.Bool("force", false, help("数据库完好时也移到一旁", "move the database aside even when it is sound"))
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	found, err := workspace.Check(path)
	if err == nil && len(found) == 0 && !*force {
		return fmt.Errorf("数据库「%s」完好，未移动；确要新建请加 --force", path)
	}
	aside, err := workspace.MoveAside(path, "damaged")
	if err != nil {
		return err
	}
	if _, err := openWorkspace(env); err != nil {
		return err
	}
	if aside != "" {
		fmt.Fprintf(env.Stdout, "原来的数据库已移到 %s（没有删除）\n", aside)
	}
	fmt.Fprintf(env.Stdout, "已新建数据库 %s\n", path)
	return nil
}

// withChoices adds to an error opening the database what the officer can
// do about it: the same choices the window offers.
func withChoices(err error) error {
	var oe *workspace.OpenError
	if !errors.As(err, &oe) {
		return err
	}
	msg := err.Error() + "。可以：\n"
	if oe.CanReadOnly() {
		msg += "  qicao --read-only 命令 …   以只读方式打开，查看和导出草稿（不能保存）\n"
	}
	msg += "  qicao db restore           列出自动备份；qicao db restore 备份文件 用它恢复\n" +
		"  qicao db new               把这个文件移到一旁（不删除），新建一个数据库\n" +
		"  qicao --db 另一个文件 命令 …  使用另一个数据库\n" +
		"或者不做任何操作退出：文件保持原样。"
	return &choicesError{msg, err}
}

// choicesError is an error opening the database with the choices added.
type choicesError struct {
	msg string
	err error
}

func (e *choicesError) Error() string { return e.msg }
func (e *choicesError) Unwrap() error { return e.err }

package cli

import (
	"fmt"
	"strings"

	"qicao/app/workspace"
)

// The commands of a bureau's shared server: moving in, sharing drafts,
// and (db.go) setting the server up.
func init() {
	register("migrate", "把本机数据库搬到服务器：migrate --from sqlite:路径 --to postgres://…",
		"move this machine's database to a server: migrate --from sqlite:PATH --to postgres://…", runMigrate)
	draftCommands["share"] = runDraftShare
}

// serverDBCommands are the sub-commands of `qicao db` for a server; runDB
// hands them over before it looks for a database file.
var serverDBCommands = map[string]func(env *Env, args []string) error{
	"init":    runDBInit,
	"officer": runDBOfficer,
}

// runDBInit: qicao --db postgres://… db init, run by the database's owner.
func runDBInit(env *Env, args []string) error {
	if len(args) > 0 || !workspace.IsServerURL(env.DBPath) {
		return usage("用法：qicao --db postgres://服务器/数据库 db init（由数据库的所有者运行）",
			"usage: qicao --db postgres://SERVER/DATABASE db init (run by the database's owner)")
	}
	docs, tmpls, err := workspace.InitServer(env.DBPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "服务器上的数据库已就绪；新载入内置参考文件 %d 份、模板 %d 个。\n", docs, tmpls)
	return nil
}

// runDBOfficer: qicao --db postgres://… db officer add NAME [--team TEAM]
// [--name 显示名] [--curator].
func runDBOfficer(env *Env, args []string) error {
	const how, howEnglish = "用法：qicao --db postgres://… db officer add 用户名 [--team 团队] [--name 显示名] [--curator]",
		"usage: qicao --db postgres://… db officer add ROLE [--team TEAM] [--name DISPLAY-NAME] [--curator]"
	if len(args) == 0 || args[0] != "add" {
		return usage(how, howEnglish)
	}
	fs := newFlags(env, "db officer add")
	var o workspace.Officer
	fs.StringVar(&o.Team, "team", "", help("加入的团队（没有则新建）", "the team to join (made if there is none)"))
	fs.StringVar(&o.Display, "name", "", help("版本上显示的作者名", "the author's name shown on versions"))
	fs.BoolVar(&o.Curator, "curator", false, help("可以维护参考文件库和模板", "may change the corpus and the templates"))
	rest, err := parseFlags(fs, args[1:])
	if err != nil || len(rest) != 1 {
		return orUsage(err, how, howEnglish)
	}
	o.Role = rest[0]
	if !workspace.IsServerURL(env.DBPath) {
		return usage(how, howEnglish)
	}
	if err := workspace.AddOfficer(env.DBPath, o); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "“%s”已是起草的用户", o.Role)
	if o.Team != "" {
		fmt.Fprintf(env.Stdout, "，属于团队“%s”", o.Team)
	}
	fmt.Fprintln(env.Stdout, "。密码请由管理员在 psql 中用 \\password 设置，官员写入自己的 ~/.pgpass。")
	return nil
}

// runMigrate: qicao migrate --from sqlite:PATH --to postgres://… copies
// everything, checks it, and may be run again after an interruption.
func runMigrate(env *Env, args []string) error {
	fs := newFlags(env, "migrate")
	from := fs.String("from", "", help("本机数据库：sqlite:路径", "the local database: sqlite:PATH"))
	to := fs.String("to", "", help("服务器：postgres://…（密码放在 .pgpass，不要写在命令行）", "the server: postgres://… (the password goes in .pgpass, never on the command line)"))
	const how, howEnglish = "用法：qicao migrate --from sqlite:路径 --to postgres://服务器/数据库",
		"usage: qicao migrate --from sqlite:PATH --to postgres://SERVER/DATABASE"
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, how, howEnglish)
	}
	path, ok := strings.CutPrefix(*from, "sqlite:")
	if !ok || path == "" || !workspace.IsServerURL(*to) {
		return usage(how, howEnglish)
	}
	r, err := workspace.MigrateFile(path, *to, func(kind string, done, total int) {
		if done == total || done%50 == 0 {
			fmt.Fprintf(env.Stderr, "%s %d/%d\n", kind, done, total)
		}
	})
	if err != nil {
		return fmt.Errorf("%w\n已复制的部分已保存并校验；排除问题后再次运行同一命令即可继续，不会重复", err)
	}
	r.Print(env.Stdout)
	return nil
}

// runDraftShare: qicao --db postgres://… draft share ID --team TEAM.
func runDraftShare(env *Env, args []string) error {
	fs := newFlags(env, "draft share")
	team := fs.String("team", "", help("共享给的团队", "the team to share with"))
	const how, howEnglish = "用法：qicao --db postgres://… draft share 草稿编号 --team 团队",
		"usage: qicao --db postgres://… draft share ID --team TEAM"
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) != 1 || *team == "" {
		return orUsage(err, how, howEnglish)
	}
	id, err := parseID(rest[0])
	if err != nil {
		return err
	}
	ws, err := serverWorkspace(env)
	if err != nil {
		return err
	}
	if err := ws.ShareDraft(id, *team); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "草稿 %d 已共享给团队“%s”。\n", id, *team)
	return nil
}

// serverWorkspace opens the workspace on a server, or says that the
// command needs one.
func serverWorkspace(env *Env) (*workspace.Workspace, error) {
	if !workspace.IsServerURL(env.DBPath) {
		return nil, usage("此命令用于共享服务器：请用 --db postgres://… 或 QICAO_DB 指定服务器",
			"this command is for a shared server: name it with --db postgres://… or QICAO_DB")
	}
	return openWorkspace(env)
}

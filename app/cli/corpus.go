package cli

import (
	"fmt"
	"path/filepath"
	"strconv"

	"qicao/app/workspace"
)

func init() {
	register("corpus", "参考文件库：list | add | remove", runCorpus)
}

func runCorpus(env *Env, args []string) error {
	if len(args) == 0 {
		return usagef("用法：qicao corpus list [--json] | add 文件 | remove 编号")
	}
	switch args[0] {
	case "list":
		return runCorpusList(env, args[1:])
	case "add":
		return runCorpusAdd(env, args[1:])
	case "remove":
		return runCorpusRemove(env, args[1:])
	}
	return usagef("未知的 corpus 子命令「%s」", args[0])
}

type corpusDocJSON struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	City    string `json:"city"`
	Number  string `json:"number"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	Clauses int    `json:"clauses"`
	Builtin bool   `json:"builtin"`
}

func runCorpusList(env *Env, args []string) error {
	fs := newFlags(env, "corpus list")
	asJSON := fs.Bool("json", false, "输出 JSON")
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, "用法：qicao corpus list [--json]")
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	docs, err := ws.DB.CorpusDocs()
	if err != nil {
		return err
	}
	out := []corpusDocJSON{}
	for _, d := range docs {
		out = append(out, corpusDocJSON{d.ID, d.Name, d.City, d.Number, d.Title, d.Date, d.Clauses, d.Builtin})
	}
	if *asJSON {
		return writeJSON(env.Stdout, map[string]any{"documents": out})
	}
	for _, d := range out {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%d 条\t%s\n", d.ID, d.City, d.Number, d.Date, d.Clauses, d.Title)
	}
	return nil
}

// runCorpusAdd: qicao corpus add FILE [--name NAME]. The file is read and
// parsed before the database is opened: bad input writes nothing.
func runCorpusAdd(env *Env, args []string) error {
	fs := newFlags(env, "corpus add")
	name := fs.String("name", "", "在文件库中的名称（缺省为文件名）")
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) != 1 {
		return orUsage(err, "用法：qicao corpus add 文件 [--name 名称]")
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	if err := workspace.CheckCorpusDoc(rest[0], ld.Doc); err != nil {
		return err
	}
	if *name == "" {
		*name = filepath.Base(rest[0])
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	d, err := ws.AddCorpusDoc(*name, ld.Text, ld.Doc)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已加入参考文件库：%d\t%s\t%d 条\n", d.ID, d.Title, d.Clauses)
	return nil
}

func runCorpusRemove(env *Env, args []string) error {
	if len(args) != 1 {
		return usagef("用法：qicao corpus remove 编号")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return usagef("「%s」不是有效的编号", args[0])
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	return ws.RemoveCorpusDoc(id)
}

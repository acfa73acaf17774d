package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"time"

	"qicao/app/locale"
	"qicao/app/workspace"
	"qicao/drafts"
)

func init() {
	register("corpus", "参考文件库：list | add | remove", "the corpus: list | add | remove", runCorpus)
}

// corpusCommands are the sub-commands of `qicao corpus`.
var corpusCommands = subcommands{"list": runCorpusList, "add": runCorpusAdd, "remove": runCorpusRemove}

func runCorpus(env *Env, args []string) error {
	return corpusCommands.run(env, args, "corpus", "用法：qicao corpus list [--json] | add 文件|文件夹… | remove 编号",
		"usage: qicao corpus list [--json] | add FILE|FOLDER… | remove ID")
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
	asJSON := fs.Bool("json", false, help("输出 JSON", "output JSON"))
	if rest, err := parseFlags(fs, args); err != nil || len(rest) > 0 {
		return orUsage(err, "用法：qicao corpus list [--json]", "usage: qicao corpus list [--json]")
	}
	docs, err := withWorkspace(env, (*workspace.Workspace).CorpusDocs)
	if err != nil {
		return err
	}
	out := []corpusDocJSON{}
	for _, d := range docs {
		out = append(out, corpusDocJSON{d.ID, d.Name, d.City, d.Number, d.Title, d.Date, d.Clauses, d.Builtin})
	}
	return printList(env, *asJSON, map[string]any{"documents": out}, out, func(d corpusDocJSON) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%d 条\t%s", d.ID, d.City, d.Number, d.Date, d.Clauses, d.Title)
	})
}

// runCorpusAdd: qicao corpus add [--name NAME] FILE|DIR…. One file is
// read and parsed before the database is opened: bad input writes
// nothing. Several files or a folder are imported (importCorpus).
func runCorpusAdd(env *Env, args []string) error {
	fs := newFlags(env, "corpus add")
	name := fs.String("name", "", help("在文件库中的名称（缺省为文件名；只用于一个文件）", "the name in the corpus (default: the file name; one file only)"))
	rest, err := parseFlags(fs, args)
	if err != nil || len(rest) == 0 {
		return orUsage(err, "用法：qicao corpus add 文件|文件夹… [--name 名称]", "usage: qicao corpus add FILE|FOLDER… [--name NAME]")
	}
	if st, err := os.Stat(rest[0]); len(rest) > 1 || err == nil && st.IsDir() {
		if *name != "" {
			return usage("--name 只用于加入一个文件", "--name is only for adding one file")
		}
		return importCorpus(env, rest)
	}
	ld, err := loadDocument(env, rest[0])
	if err != nil {
		return err
	}
	if *name == "" {
		*name = filepath.Base(rest[0])
	}
	if err := workspace.CheckCorpusDoc(*name, ld.Doc); err != nil {
		return err
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	if d, ok, err := ws.CorpusDocByText(ld.Text); err != nil {
		return err
	} else if ok {
		return drafts.Errorf(drafts.EInvalid,
			fmt.Sprintf("「%s」与参考文件库中的「%s」（编号 %d）内容相同，未重复加入", *name, d.Name, d.ID),
			fmt.Sprintf("“%s” has the same text as “%s” (corpus:%d) in the corpus; not added again", *name, d.Name, d.ID))
	}
	d, err := ws.AddCorpusDoc(*name, ld.Text, ld.Doc)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已加入参考文件库：%d\t%s\t%d 条\n", d.ID, d.Title, d.Clauses)
	return nil
}

// importCorpus adds every file of the arguments (folders recursively),
// each refusal and duplicate told on stderr with a progress line; Ctrl-C
// stops after the batch being stored, and running the same command again
// carries on (what is stored is skipped as duplicate).
func importCorpus(env *Env, args []string) error {
	files, err := workspace.CorpusFiles(args)
	if err != nil {
		return err
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start, last, shown := time.Now(), time.Time{}, ""
	english := locale.English()
	line := func(p workspace.ImportProgress) string {
		if english {
			return fmt.Sprintf("Processed %d/%d files: %d added, %d duplicates skipped, %d not added (%.0f s)",
				p.Done, p.Total, p.Added, p.Skipped, p.Failed, time.Since(start).Seconds())
		}
		return fmt.Sprintf("已处理 %d/%d 个文件：加入 %d，跳过重复 %d，未能加入 %d（%.0f 秒）",
			p.Done, p.Total, p.Added, p.Skipped, p.Failed, time.Since(start).Seconds())
	}
	p, err := ws.ImportCorpus(ctx, files, func(path string, why error) {
		if english {
			fmt.Fprintf(env.Stderr, "\r\033[K%s: %s\n", path, drafts.Message(why, true))
		} else {
			fmt.Fprintf(env.Stderr, "\r\033[K%s：%v\n", path, why)
		}
	}, func(p workspace.ImportProgress) {
		if l := line(p); l != shown && (time.Since(last) > 200*time.Millisecond || p.Done == p.Total) {
			last, shown = time.Now(), l
			fmt.Fprintf(env.Stderr, "\r\033[K%s", l)
		}
	})
	fmt.Fprintln(env.Stderr)
	if errors.Is(err, context.Canceled) {
		return drafts.Errorf(drafts.EInternal,
			fmt.Sprintf("导入已中断（已加入 %d 个文件）；再次运行同一命令可继续，已加入的文件会作为重复跳过", p.Added),
			fmt.Sprintf("The import was interrupted (%d files added); run the same command again to go on: the files added are skipped as duplicates", p.Added))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n", line(p))
	return nil
}

func runCorpusRemove(env *Env, args []string) error {
	if len(args) != 1 {
		return usage("用法：qicao corpus remove 编号", "usage: qicao corpus remove ID")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return usagef("「%s」不是有效的编号", "“%s” is not a valid ID", args[0])
	}
	ws, err := openWorkspace(env)
	if err != nil {
		return err
	}
	return ws.RemoveCorpusDoc(id)
}

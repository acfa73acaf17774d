package cli

import (
	"flag"
	"fmt"
	"io"

	"qicao/app/workspace"
	"qicao/drafts/safefile"
)

// outputs is what a command that writes files knows about them: --force
// and the files it read, which it must not write over.
type outputs struct {
	force  bool
	inputs []string
	// quiet leaves out the "已写入" lines, for commands printing JSON.
	quiet bool
}

// forceFlag adds --force to fs.
func (o *outputs) forceFlag(fs *flag.FlagSet) {
	fs.BoolVar(&o.force, "force", false, help("输出文件已存在时覆盖它（数据库和输入文件永远不会被覆盖）", "overwrite an output file that exists (the database and input files are never overwritten)"))
}

// read records the documents named on the command line that are files.
func (o *outputs) read(refs ...string) {
	for _, r := range refs {
		if ref, err := workspace.ParseRef(r); err == nil && !ref.Stored() {
			o.inputs = append(o.inputs, r)
		}
	}
}

// check refuses, before anything is written, an output that would
// overwrite the database, an input, an SQLite file, another output of the
// same command, or (without --force) an existing file. Empty paths are
// outputs not asked for.
func (o *outputs) check(env *Env, paths ...string) error {
	g := o.guard(env)
	var asked []string
	for _, p := range paths {
		if p == "" {
			continue
		}
		for _, a := range asked {
			if safefile.Same(a, p) {
				return usagef("「%s」被指定为两个输出文件，请分别给出文件名", "“%s” is named as two output files; please give each its own name", p)
			}
		}
		if err := g.Check(p); err != nil {
			return err
		}
		asked = append(asked, p)
	}
	return nil
}

// guard is the safefile guard for this command's outputs.
func (o *outputs) guard(env *Env) safefile.Guard {
	return workspace.OutputGuard(env.DBPath, o.force, o.inputs...)
}

// write writes a finished file through the guard and says where it went.
func (o *outputs) write(env *Env, path string, content func(io.Writer) error) error {
	if err := safefile.WriteFunc(path, 0o644, o.guard(env), content); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(env.Stdout, "已写入 %s\n", path)
	}
	return nil
}

// Package cli is Qicao's command-line front end: each sub-command reads
// files or the database, calls the domain packages and prints text or
// JSON. Errors go to stderr with a non-zero exit code, in Chinese, or in
// English where the locale asks for it (locale.English) and the error has
// an English message (drafts.Message).
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"qicao/app/locale"
	"qicao/app/workspace"
	"qicao/drafts"
)

// Env is what a command runs with: its streams and the database path.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// DBPath is the database file: --db, else $QICAO_DB, else the user's
	// config dir. Commands open it only when they need it.
	DBPath string
	// ReadOnly (--read-only) opens the database for reading only, as for
	// one found damaged: every write is refused.
	ReadOnly bool
	// ws is the workspace on DBPath, opened by openWorkspace on first
	// use and closed by Main.
	ws *workspace.Workspace
}

// A command runs with its arguments (after the command name) and returns
// an error to report; usageError makes the exit code 2.
type command struct {
	summary string
	run     func(env *Env, args []string) error
}

var commands = map[string]command{}

// register adds a sub-command; each command's file calls it from init.
func register(name, summary string, run func(env *Env, args []string) error) {
	commands[name] = command{summary, run}
}

// IsCommand reports whether name is a sub-command (or help), which main
// runs on the command line rather than opening the window on a file of
// that name.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "-h" || name == "--help"
}

// usageError is a mistake in how a command was called; err, if set, is
// the error that says so (its English message is then the English).
type usageError struct {
	msg string
	err error
}

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{msg: fmt.Sprintf(format, args...)} }

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	args, err := localeArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "qicao：%v\n", err)
		return 2
	}
	args = takeDBFlag(env, args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "qicao：未知命令「%s」。运行 qicao help 查看可用命令。\n", args[0])
		return 2
	}
	err = cmd.run(env, args[1:])
	closeWorkspace(env)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if locale.English() {
			fmt.Fprintf(stderr, "qicao %s: %s\n", args[0], drafts.Message(err, true))
		} else {
			fmt.Fprintf(stderr, "qicao %s：%v\n", args[0], err)
		}
		var ue usageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// takeDBFlag removes --db PATH (or --db=PATH) and --read-only from args
// and records them in env; $QICAO_DB is the fallback for the path.
func takeDBFlag(env *Env, args []string) []string {
	env.DBPath = os.Getenv("QICAO_DB")
	var rest []string
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--db" && i+1 < len(args):
			env.DBPath = args[i+1]
			i++
		case strings.HasPrefix(a, "--db="):
			env.DBPath = strings.TrimPrefix(a, "--db=")
		case a == "--read-only":
			env.ReadOnly = true
		default:
			rest = append(rest, a)
		}
	}
	return rest
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "起草 Qicao — 政策文件起草助手\n\n用法：qicao [--db 路径] [--read-only] 命令 [参数]\n不带命令时打开窗口。\n\n命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("qicao "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// stringList is a flag that may be given more than once.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// parseFlags parses args allowing flags after positional arguments, as
// in `qicao compare OLD NEW --json`.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{msg: err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// writeJSON prints v as indented JSON, Chinese characters unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// subcommands are the sub-commands of a command (draft new, corpus list …)
// by name.
type subcommands map[string]func(env *Env, args []string) error

// run runs the sub-command args[0] names; without one it is a usage
// error saying usage, and an unknown one is named.
func (c subcommands) run(env *Env, args []string, command, usage string) error {
	if len(args) == 0 {
		return usagef("%s", usage)
	}
	run, ok := c[args[0]]
	if !ok {
		return usagef("未知的 %s 子命令「%s」", command, args[0])
	}
	return run(env, args[1:])
}

// withWorkspace opens the command's workspace and returns what get reads
// from it: the one call most commands make.
func withWorkspace[T any](env *Env, get func(*workspace.Workspace) (T, error)) (T, error) {
	ws, err := openWorkspace(env)
	if err != nil {
		var zero T
		return zero, err
	}
	return get(ws)
}

// printList writes a listing: with --json the value v (the rows under
// their key), else one line per row.
func printList[T any](env *Env, asJSON bool, v any, rows []T, line func(T) string) error {
	if asJSON {
		return writeJSON(env.Stdout, v)
	}
	for _, r := range rows {
		fmt.Fprintln(env.Stdout, line(r))
	}
	return nil
}

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
// an error to report; usageError makes the exit code 2. Its summary, in
// Chinese and in English, is its line in qicao help.
type command struct {
	summary, english string
	run              func(env *Env, args []string) error
}

var commands = map[string]command{}

// register adds a sub-command; each command's file calls it from init.
func register(name, summary, english string, run func(env *Env, args []string) error) {
	commands[name] = command{summary, english, run}
}

// IsCommand reports whether name is a sub-command (or help), which main
// runs on the command line rather than opening the window on a file of
// that name.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "-h" || name == "--help"
}

// usageError is a mistake in how a command was called, said in Chinese
// (msg) and English; err, if set, is the error that says so (its English
// message is then the English).
type usageError struct {
	msg, english string
	err          error
}

func (e usageError) Error() string { return e.msg }
func (e usageError) Unwrap() error { return e.err }

// EnglishMessage is the English, else that of err, else the Chinese.
func (e usageError) EnglishMessage() string {
	switch {
	case e.english != "":
		return e.english
	case e.err != nil:
		return drafts.Message(e.err, true)
	}
	return e.msg
}

// ErrorCode is drafts.EInvalid: the command line cannot be used.
func (e usageError) ErrorCode() drafts.Code { return drafts.EInvalid }

// usage is a usage error saying chinese or english.
func usage(chinese, english string) error { return usageError{msg: chinese, english: english} }

// usagef is a usage error whose Chinese and English are formatted with
// the same args.
func usagef(chinese, english string, args ...any) error {
	return usage(fmt.Sprintf(chinese, args...), fmt.Sprintf(english, args...))
}

// Main runs the command line and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	english := locale.English()
	args, err := localeArgs(args)
	if err != nil {
		printError(stderr, "qicao", err, english)
		return 2
	}
	args = takeDBFlag(env, args)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(stdout, english)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		printError(stderr, "qicao", usagef("未知命令「%s」。运行 qicao help 查看可用命令。",
			"unknown command “%s”; qicao help lists the commands", args[0]), english)
		return 2
	}
	err = cmd.run(env, args[1:])
	closeWorkspace(env)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		printError(stderr, "qicao "+args[0], err, english)
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

// PrintError writes err after who on stderr as the command line does: in
// English where the locale is English (locale.English), else in Chinese.
// main prints the window's refusal to start (no display) with it.
func PrintError(stderr io.Writer, who string, err error) {
	printError(stderr, who, err, locale.English())
}

// printError writes err after who on stderr, in English or Chinese.
func printError(stderr io.Writer, who string, err error, english bool) {
	if english {
		fmt.Fprintf(stderr, "%s: %s\n", who, drafts.Message(err, true))
	} else {
		fmt.Fprintf(stderr, "%s：%v\n", who, err)
	}
}

func printUsage(w io.Writer, english bool) {
	if english {
		fmt.Fprintln(w, "起草 Qicao — an assistant for drafting policy documents\n\nusage: qicao [--db PATH] [--read-only] COMMAND [ARGUMENTS]\nWithout a command it opens the window.\n\nCommands:")
	} else {
		fmt.Fprintln(w, "起草 Qicao — 政策文件起草助手\n\n用法：qicao [--db 路径] [--read-only] 命令 [参数]\n不带命令时打开窗口。\n\n命令：")
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		summary := commands[n].summary
		if english {
			summary = commands[n].english
		}
		fmt.Fprintf(w, "  %-10s %s\n", n, summary)
	}
}

// help is a flag's help text, shown by -h and after a mistaken flag: the
// English where the locale is English (locale.English), as for the usage
// lines and the errors, else the Chinese.
func help(chinese, english string) string {
	if locale.English() {
		return english
	}
	return chinese
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
			return nil, usage(err.Error(), err.Error())
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
// error saying how to call the command (in Chinese and English), and an
// unknown one is named.
func (c subcommands) run(env *Env, args []string, command, how, howEnglish string) error {
	if len(args) == 0 {
		return usage(how, howEnglish)
	}
	run, ok := c[args[0]]
	if !ok {
		return usagef("未知的 %s 子命令「%s」", "unknown %s sub-command “%s”", command, args[0])
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

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qicao/drafts"
)

// english makes the rest of the test run in an English locale.
func english(t *testing.T) {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
}

// An import in an English locale tells each file skipped or refused, and
// the count, in English.
func TestCorpusImportInEnglish(t *testing.T) {
	english(t)
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "q.db")
	seed, err := os.ReadFile(seedPath(t, "000"))
	if err != nil {
		t.Fatal(err)
	}
	fresh := strings.ReplaceAll(string(seed), "泰安", "日照")
	for name, text := range map[string]string{
		"000.txt": string(seed), "a.txt": fresh, "b.txt": fresh,
		"notes.txt": "这里没有编号条款。\n", "data.bin": "\x00\x01\x02PK\x03",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, db, "corpus", "add", dir)
	if code != 0 || !strings.Contains(out, "Processed 5/5 files: 1 added, 2 duplicates skipped, 2 not added (") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		"000.txt: the same text as “000_",
		"b.txt: the same text as “a.txt” of this import; skipped\n",
		"notes.txt: no numbered clauses found in “notes.txt”; not added to the corpus\n",
		"data.bin: ",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.ContainsFunc(strings.ReplaceAll(errOut, "000_泰安", ""), func(r rune) bool { return r >= 0x3000 }) {
		t.Errorf("Chinese in the English notes:\n%s", errOut)
	}
	code, _, errOut = run(t, db, "corpus", "add", filepath.Join(dir, "b.txt"))
	if code != 1 || !strings.HasPrefix(errOut, "qicao corpus: “b.txt” has the same text as “a.txt” (corpus:") {
		t.Errorf("one duplicate file: exit %d %q", code, errOut)
	}
}

// A run that hits a usage mistake or a missing record says so in English
// where the locale is English, and in the same Chinese as ever elsewhere.
func TestUsageAndNotFoundFollowTheLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, tc := range []struct {
		args             []string
		code             int
		chinese, english string
	}{
		{[]string{"draft"}, 2,
			"qicao draft：用法：qicao draft new|save|list|versions|show|insert|clean …\n",
			"qicao draft: usage: qicao draft new|save|list|versions|show|insert|clean …\n"},
		{[]string{"corpus", "remove"}, 2,
			"qicao corpus：用法：qicao corpus remove 编号\n",
			"qicao corpus: usage: qicao corpus remove ID\n"},
		{[]string{"compare", "a"}, 2,
			"qicao compare：用法：qicao compare [--json] [--html 输出文件] [--docx 修订稿.docx] [--table 对照表.docx] [--strict] [--force] 旧版本 新版本（文件或 draft:ID@N）\n",
			"qicao compare: usage: qicao compare [--json] [--html OUT] [--docx CHANGES.docx] [--table TABLE.docx] [--strict] [--force] OLD NEW (files or draft:ID@N)\n"},
		{[]string{"suggest", "--text", "x", "extra"}, 2,
			"qicao suggest：多余的参数「extra」。用法：qicao suggest [--json] [-k N] [--exclude-city 城市] [--city 城市]… [--adapt-to 城市] (--text 文字 | --file 文件 [--clause 序号])\n",
			"qicao suggest: unexpected argument “extra”. usage: qicao suggest [--json] [-k N] [--exclude-city CITY] [--city CITY]… [--adapt-to CITY] (--text TEXT | --file FILE [--clause N])\n"},
		{[]string{"draft", "show", "x"}, 2, "qicao draft：「x」不是有效的草稿编号\n", "qicao draft: “x” is not a valid draft ID\n"},
		{[]string{"template", "bogus"}, 2, "qicao template：未知的 template 子命令「bogus」\n", "qicao template: unknown template sub-command “bogus”\n"},
		{[]string{"bogus"}, 2, "qicao：未知命令「bogus」。运行 qicao help 查看可用命令。\n", "qicao: unknown command “bogus”; qicao help lists the commands\n"},
		{[]string{"draft", "show", "999"}, 1, "qicao draft：草稿 999 不存在\n", "qicao draft: There is no draft 999\n"},
		{[]string{"draft", "show", "1", "--version", "9"}, 1, "qicao draft：草稿 1 没有第 9 版\n", "qicao draft: Draft 1 has no version 9\n"},
		{[]string{"parse", "corpus:999"}, 1, "qicao parse：参考文件 999 不存在\n", "qicao parse: There is no corpus document 999\n"},
		{[]string{"corpus", "remove", "999"}, 1, "qicao corpus：参考文件 999 不存在\n", "qicao corpus: There is no corpus document 999\n"},
		{[]string{"template", "show", "无此模板"}, 1,
			"qicao template：没有名为“无此模板”的模板（qicao template list 列出全部）\n",
			"qicao template: There is no template “无此模板” (qicao template list lists them all)\n"},
	} {
		for _, en := range []bool{false, true} {
			t.Run("", func(t *testing.T) {
				want := tc.chinese
				if en {
					english(t)
					want = tc.english
				}
				if code, _, errOut := run(t, db, tc.args...); code != tc.code || errOut != want {
					t.Errorf("%v: %d %q, want %d %q", tc.args, code, errOut, tc.code, want)
				}
			})
		}
	}
	english(t)
	if _, out, _ := run(t, db, "help"); !strings.Contains(out, "usage: qicao [--db PATH]") || !strings.Contains(out, "  corpus     the corpus: list | add | remove\n") {
		t.Errorf("help in English:\n%s", out)
	}
}

// A command's flag help, shown by -h and after a flag it does not know,
// follows the locale as its usage line does.
func TestFlagHelpFollowsTheLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	for _, tc := range []struct {
		args             []string
		code             int
		chinese, english []string
	}{
		{[]string{"compare", "-h"}, 0,
			[]string{"  -json\n    \t输出 JSON\n", "  -strict\n    \t把标点宽度、空格的变化也当作修改显示\n",
				"  -force\n    \t输出文件已存在时覆盖它（数据库和输入文件永远不会被覆盖）\n"},
			[]string{"  -json\n    \toutput JSON\n", "  -strict\n    \tshow changes of punctuation width and spacing as changes too\n",
				"  -force\n    \toverwrite an output file that exists (the database and input files are never overwritten)\n"}},
		{[]string{"suggest", "--bogus"}, 2,
			[]string{"  -k int\n    \t推荐条数 (default 10)\n", "  -city value\n    \t只推荐该城市的条款（可重复）\n",
				"qicao suggest：flag provided but not defined: -bogus\n"},
			[]string{"  -k int\n    \tthe number of suggestions (default 10)\n", "  -city value\n    \tsuggest only clauses of this city (may be repeated)\n",
				"qicao suggest: flag provided but not defined: -bogus\n"}},
		{[]string{"draft", "clean", "-h"}, 0,
			[]string{"  -note string\n    \t保留原文的版本说明 (default \"导入原文（清理前）\")\n"},
			[]string{"  -note string\n    \tthe note on the version that keeps the original (default \"导入原文（清理前）\")\n"}},
		{[]string{"template", "list", "-h"}, 0,
			[]string{"  -category string\n    \t只列出该类别：开头、总体要求、"},
			[]string{"  -category string\n    \tlist only this category: 开头, 总体要求, "}},
	} {
		for _, en := range []bool{false, true} {
			t.Run("", func(t *testing.T) {
				want, other := tc.chinese, tc.english
				if en {
					english(t)
					want, other = tc.english, tc.chinese
				}
				code, _, errOut := run(t, db, tc.args...)
				if code != tc.code {
					t.Errorf("%v: exit %d, want %d", tc.args, code, tc.code)
				}
				for _, w := range want {
					if !strings.Contains(errOut, w) {
						t.Errorf("%v (English %v): no %q in\n%s", tc.args, en, w, errOut)
					}
				}
				if strings.Contains(errOut, other[0]) {
					t.Errorf("%v (English %v): the other language's %q in\n%s", tc.args, en, other[0], errOut)
				}
			})
		}
	}
}

// PrintError, with which main tells the window's refusal to start, says
// an error as the command line does: English in an English locale.
func TestPrintErrorFollowsTheLocale(t *testing.T) {
	err := drafts.Errorf(drafts.EInvalid, "没有显示", "no display")
	var zh, en strings.Builder
	PrintError(&zh, "qicao", err)
	english(t)
	PrintError(&en, "qicao", err)
	if zh.String() != "qicao：没有显示\n" || en.String() != "qicao: no display\n" {
		t.Errorf("PrintError: %q, %q", zh.String(), en.String())
	}
}

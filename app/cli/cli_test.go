package cli

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the command line against the database at db and returns its
// exit code, stdout and stderr.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	t.Setenv("QICAO_DB", db)
	code := Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func seedPath(t *testing.T, prefix string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "assets", "corpus", prefix+"_*.txt"))
	if len(files) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	return files[0]
}

func TestParseJSONShape(t *testing.T) {
	code, out, errOut := run(t, filepath.Join(t.TempDir(), "q.db"), "parse", "--json", seedPath(t, "003"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Title     string            `json:"title"`
		Issuers   []string          `json:"issuers"`
		Number    string            `json:"number"`
		Date      string            `json:"date"`
		Status    string            `json:"status"`
		City      string            `json:"city"`
		Effective map[string]string `json:"effective"`
		Sections  []map[string]any  `json:"sections"`
		Clauses   []struct {
			Label, Heading, Text string
			Ordinal              int
			Path, Units          []string
			LeadUnits            []string `json:"lead_units"`
		} `json:"clauses"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Number != "淄科发〔2023〕22号" || len(got.Issuers) != 16 || got.Effective["to"] != "2028-12-31" || got.City != "淄博" {
		t.Errorf("meta: %q %d issuers %v %q", got.Number, len(got.Issuers), got.Effective, got.City)
	}
	c := got.Clauses[len(got.Clauses)-1]
	if c.Label != "25、" || c.Ordinal != 25 || c.Heading != "强化要素保障" || c.LeadUnits[0] != "市科技局" || len(c.Path) != 1 {
		t.Errorf("last clause %+v", c)
	}
	for _, k := range []string{"label", "heading", "text", "children"} {
		if _, ok := got.Sections[1][k]; !ok {
			t.Errorf("section has no %q", k)
		}
	}
}

func TestParseOutline(t *testing.T) {
	code, out, _ := run(t, filepath.Join(t.TempDir(), "q.db"), "parse", seedPath(t, "004"))
	if code != 0 || !strings.Contains(out, "文号：烟政字〔2024〕40号") || !strings.Contains(out, "  （二十三）创新科技金融模式") {
		t.Errorf("outline:\n%s", out)
	}
}

func TestDraftLifecycle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := run(t, db, "draft", "new", "--title", "测试草稿", "--file", seedPath(t, "000"), "--note", "初稿")
	if code != 0 {
		t.Fatalf("draft new: %d %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	if code, _, errOut = run(t, db, "draft", "save", id, "--file", seedPath(t, "002"), "--note", "印发稿"); code != 0 {
		t.Fatalf("draft save: %s", errOut)
	}
	_, out, _ = run(t, db, "draft", "versions", id, "--json")
	var vs struct {
		Versions []struct {
			N    int    `json:"n"`
			Note string `json:"note"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(out), &vs); err != nil || len(vs.Versions) != 2 || vs.Versions[1].Note != "印发稿" {
		t.Fatalf("versions %s %v", out, err)
	}
	_, out, _ = run(t, db, "draft", "show", id, "--version", "1")
	if want, _ := os.ReadFile(seedPath(t, "000")); out != string(want) {
		t.Error("version 1 is not the file as saved")
	}
	_, out, _ = run(t, db, "draft", "list", "--json")
	if !strings.Contains(out, "测试草稿") || !strings.Contains(out, "（示例）") {
		t.Errorf("list: %s", out)
	}
	// An insertion changes the working text; draft save without --file
	// makes it a version, and a second save has nothing to save.
	if code, _, errOut = run(t, db, "draft", "insert", id, "--after", "9", "--text", "强化知识产权保护。引导企业开展专利导航。"); code != 0 {
		t.Fatalf("draft insert: %s", errOut)
	}
	if code, out, errOut = run(t, db, "draft", "save", id, "--note", "插入"); code != 0 || !strings.Contains(out, "第 3 版") {
		t.Fatalf("draft save (working text): %d %s %s", code, out, errOut)
	}
	if _, out, _ = run(t, db, "draft", "show", id, "--version", "3"); !strings.Contains(out, "10.强化知识产权保护") {
		t.Error("version 3 lacks the inserted clause")
	}
	if code, _, errOut = run(t, db, "draft", "save", id); code == 0 || !strings.Contains(errOut, "没有未保存的修改") {
		t.Errorf("second save: %d %s", code, errOut)
	}
	// draft:ID@N names a saved version wherever a file is expected.
	if code, out, errOut = run(t, db, "parse", "draft:"+id+"@2"); code != 0 || !strings.Contains(out, "泰政发〔2024〕5号") {
		t.Errorf("parse draft ref: %d %s %s", code, out, errOut)
	}
}

func TestFirstStartSeedsCorpusAndExample(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "q.db")
	code, out, errOut := run(t, db, "corpus", "list", "--json")
	if code != 0 {
		t.Fatal(errOut)
	}
	var docs struct {
		Documents []corpusDocJSON `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil || len(docs.Documents) != 5 {
		t.Fatalf("corpus %s %v", out, err)
	}
	_, out, _ = run(t, db, "draft", "versions", "1")
	if !strings.Contains(out, "第 2 版") || !strings.Contains(out, "泰政发〔2024〕5号") {
		t.Errorf("example draft: %s", out)
	}
}

// Bad input gets a clear message in Chinese, a non-zero exit, and leaves
// the database as it was.
func TestBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "q.db")
	run(t, db, "draft", "list") // create and seed
	before := snapshot(t, db)
	bad := badInputs(t, dir)
	for name, path := range bad {
		for _, args := range [][]string{{"draft", "new", "--title", "x", "--file", path}, {"draft", "save", "1", "--file", path}, {"corpus", "add", path}} {
			code, _, errOut := run(t, db, args...)
			if code == 0 || !strings.Contains(errOut, "无法读取") {
				t.Errorf("%s %v: exit %d, stderr %q", name, args[:2], code, errOut)
			}
		}
	}
	if after := snapshot(t, db); after != before {
		t.Errorf("database changed:\n%s\n→\n%s", before, after)
	}
}

// snapshot describes a database's drafts, versions and corpus as text.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	_, drafts, _ := run(t, db, "draft", "list", "--json")
	_, versions, _ := run(t, db, "draft", "versions", "1", "--json")
	_, corpus, _ := run(t, db, "corpus", "list", "--json")
	return drafts + versions + corpus
}

// badInputs writes one file of each kind Qicao must refuse.
func badInputs(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string][]byte{
		"empty.txt":    {},
		"blank.txt":    []byte(" \n\t\n　\n"),
		"binary.txt":   append([]byte{0x7f, 'E', 'L', 'F', 0, 0, 0}, bytes.Repeat([]byte{0, 1, 2, 3, 0xff}, 200)...),
		"image.png":    append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 64)...),
		"latin1.txt":   bytes.Repeat([]byte{0xe9, 0x20, 0xff, 0xfe, 0xfa}, 50),
		"old.doc":      append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 512)...),
		"notword.docx": zipOf(t, map[string][]byte{"hello.txt": []byte("你好")}),
		"broken.docx":  zipOf(t, map[string][]byte{"word/document.xml": []byte("<w:document><w:body><w:p>")}),
		"bomb.docx":    bombZip(t),
		// Shift-JIS "お知らせ", zero-width spaces only, a damaged PDF, and a
		// .docx whose only document is a decoy its relationships do not name.
		"sjis.txt":       {0x82, 0xa8, 0x92, 0x6d, 0x82, 0xe7, 0x82, 0xb9},
		"zero-width.txt": []byte("\u200b\u200b\n\u200d"),
		"broken.pdf":     []byte("%PDF-1.7\n1 0 obj\n<<"),
		"decoy.docx": zipOf(t, map[string][]byte{
			"_rels/.rels":       []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
			"WORD/DOCUMENT.XML": []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>诱饵</w:t></w:r></w:p></w:body></w:document>`),
		}),
	}
	scan, err := os.ReadFile("../../drafts/input/testdata/pdf/scan_taian_2024.pdf")
	if err != nil {
		t.Fatal(err)
	}
	files["scan.pdf"] = scan
	files["bomb.pdf"] = pageBombPDF()
	good := zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>`)})
	files["truncated.docx"] = good[:len(good)/2]
	out := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out[name] = p
	}
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(21 << 20)
	f.Close()
	out["huge.txt"] = huge
	return out
}

func zipOf(t *testing.T, entries map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// pageBombPDF is a one-page PDF whose page tree claims a million pages.
func pageBombPDF() []byte {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		"<< /Length 22 >>\nstream\nBT /F1 12 Tf (x) Tj ET\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// bombZip is a .docx whose document.xml unpacks to 200 MB of zeros.
func bombZip(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	zeros := make([]byte, 1<<20)
	for i := 0; i < 200; i++ {
		w.Write(zeros)
	}
	zw.Close()
	return buf.Bytes()
}

// TestDraftClean: 泰安's issued text as saved from the web, version 1 of
// a draft; draft clean lists its header lines and makes the cleaned text
// the working text, version 1 already keeping the original; a second run
// finds nothing.
func TestDraftClean(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := run(t, db, "draft", "new", "--title", "泰安", "--file", seedPath(t, "002"))
	if code != 0 {
		t.Fatalf("draft new: %s", errOut)
	}
	id := strings.TrimSpace(out)
	code, out, errOut = run(t, db, "draft", "clean", id)
	if code != 0 || !strings.Contains(out, "- 今天是20241221星期六") || !strings.Contains(out, "已清除 17 行，1 行文号与标题分为两行；原文保留为第 1 版") {
		t.Fatalf("draft clean: %d %s %s", code, out, errOut)
	}
	if code, out, _ = run(t, db, "draft", "clean", id); code != 0 || !strings.Contains(out, "没有要清除") {
		t.Errorf("second clean: %s", out)
	}
	if code, out, _ = run(t, db, "draft", "show", id); code != 0 || strings.Contains(out, "今天是") {
		t.Errorf("show after clean: %.80s", out)
	}
}

// TestRefMeansOneThing: draft:ID is the draft's current text (its working
// text where it has one, else its latest version) in every command, as in
// draft show; draft:ID@N is version N; corpus:ID a corpus document.
func TestRefMeansOneThing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	code, out, errOut := run(t, db, "draft", "new", "--title", "测试草稿", "--file", seedPath(t, "000"))
	if code != 0 {
		t.Fatalf("draft new: %d %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	// Without a working text draft:ID is the latest version, named as such.
	newSource := func() string {
		t.Helper()
		code, out, errOut := run(t, db, "compare", "--json", "draft:"+id+"@1", "draft:"+id)
		var c struct {
			New struct{ Source string } `json:"new"`
		}
		if err := json.Unmarshal([]byte(out), &c); code != 0 || err != nil {
			t.Fatalf("compare: %d %v %s", code, err, errOut)
		}
		return c.New.Source
	}
	if got := newSource(); got != "draft:"+id+"@1" {
		t.Errorf("without a working text draft:%s is %s, want the latest version", id, got)
	}
	if code, _, errOut = run(t, db, "draft", "insert", id, "--after", "9", "--text", "强化知识产权保护。引导企业开展专利导航。"); code != 0 {
		t.Fatalf("draft insert: %s", errOut)
	}
	_, shown, _ := run(t, db, "draft", "show", id)
	for _, cmd := range [][]string{{"parse", "draft:" + id}, {"compare", "draft:" + id + "@1", "draft:" + id}} {
		code, out, errOut := run(t, db, cmd...)
		if code != 0 || !strings.Contains(out, "强化知识产权保护") {
			t.Errorf("%v: %d, the working text not read (%s)", cmd, code, errOut)
		}
	}
	if !strings.Contains(shown, "10.强化知识产权保护") {
		t.Error("draft show: not the working text")
	}
	if got := newSource(); got != "draft:"+id {
		t.Errorf("the working text is named %s, want draft:%s", got, id)
	}
	if code, out, errOut = run(t, db, "parse", "corpus:1"); code != 0 || !strings.Contains(out, "泰安") {
		t.Errorf("corpus:1: %d %s %s", code, out, errOut)
	}
	for _, bad := range []string{"draft:" + id + "@0", "draft:x", "corpus:", "corpus:-2"} {
		if code, _, errOut = run(t, db, "parse", bad); code != 2 || !strings.Contains(errOut, "不是有效的") {
			t.Errorf("%s: %d %s", bad, code, errOut)
		}
	}
}

// TestErrorsFollowTheLocale: an English locale gets the English message
// of an error that has one; any other the Chinese.
func TestErrorsFollowTheLocale(t *testing.T) {
	db := filepath.Join(t.TempDir(), "q.db")
	missing := filepath.Join(t.TempDir(), "无此文件.txt")
	empty := filepath.Join(t.TempDir(), "空.txt")
	if err := os.WriteFile(empty, []byte("  \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		language, file, want string
	}{
		{"zh_CN", missing, "qicao parse：无法读取「无此文件.txt」：文件不存在\n"},
		{"en_US", missing, "qicao parse: Cannot read “无此文件.txt”: the file does not exist\n"},
		{"en_US", empty, "qicao parse: Cannot read “空.txt”: the file holds no text\n"},
		{"en_US", "draft:x", "qicao parse: “draft:x” is not a draft version; write draft:ID@N, e.g. draft:1@2\n"},
	} {
		t.Setenv("LANG", "")
		t.Setenv("LC_ALL", "")
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANGUAGE", tc.language)
		want := 1
		if !strings.Contains(tc.file, "/") {
			want = 2 // a reference that does not read: a usage error
		}
		if code, _, errOut := run(t, db, "parse", tc.file); code != want || errOut != tc.want {
			t.Errorf("%s %s: %d %q, want %q", tc.language, filepath.Base(tc.file), code, errOut, tc.want)
		}
	}
}

package input

import (
	"bytes"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// encoders are the ways officers' files are saved.
var encoders = []struct {
	name    string
	encode  func(string) ([]byte, error)
	prepare func(string) string // makes the text encodable, if needed
}{
	{"utf8", func(s string) ([]byte, error) { return []byte(s), nil }, nil},
	{"utf8-bom", func(s string) ([]byte, error) { return append([]byte{0xEF, 0xBB, 0xBF}, s...), nil }, nil},
	{"gb18030", withPUA(simplifiedchinese.GB18030), nil},
	// GBK has no U+00A0 (no-break space), which seeds 001 and 003 hold:
	// a GBK file would have a plain space there.
	{"gbk", withPUA(simplifiedchinese.GBK), func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }},
	{"utf16le-bom", with(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)), nil},
	{"utf16be-bom", with(xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)), nil},
	{"utf16le", with(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)), nil},
	{"utf16be", with(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)), nil},
}

// with returns an encoding function for enc.
func with(enc encoding.Encoding) func(string) ([]byte, error) {
	return func(s string) ([]byte, error) { return enc.NewEncoder().Bytes([]byte(s)) }
}

// withPUA returns an encoding function for GBK or GB18030 that writes
// private-use characters U+E000–U+E765 to the user-defined areas, as
// Windows and the standard do (x/text does not: seed 002 has two).
func withPUA(enc encoding.Encoding) func(string) ([]byte, error) {
	return func(s string) ([]byte, error) {
		var out []byte
		start := 0
		for i, r := range s {
			if r < 0xE000 || r > 0xE765 {
				continue
			}
			b, err := enc.NewEncoder().Bytes([]byte(s[start:i]))
			if err != nil {
				return nil, err
			}
			out = append(append(out, b...), userDefinedBytes(r)...)
			start = i + utf8.RuneLen(r)
		}
		b, err := enc.NewEncoder().Bytes([]byte(s[start:]))
		return append(out, b...), err
	}
}

// userDefinedBytes is the GB18030 two-byte code of a private-use rune.
func userDefinedBytes(r rune) []byte {
	switch i := int(r - 0xE000); {
	case i < 564:
		return []byte{byte(0xAA + i/94), byte(0xA1 + i%94)}
	case i < 564+658:
		i -= 564
		return []byte{byte(0xF8 + i/94), byte(0xA1 + i%94)}
	default:
		i -= 564 + 658
		trail := 0x40 + i%96
		if trail >= 0x7F {
			trail++
		}
		return []byte{byte(0xA1 + i/96), byte(trail)}
	}
}

// TestUserDefinedAreas checks the user-defined areas against the codes
// given by Python's gb18030 codec, an independent implementation.
func TestUserDefinedAreas(t *testing.T) {
	vectors := []struct {
		hex string
		r   rune
	}{
		{"aaa1", 0xE000}, {"aaa9", 0xE008}, {"aaaa", 0xE009}, {"affe", 0xE233},
		{"f8a1", 0xE234}, {"fefe", 0xE4C5}, {"a140", 0xE4C6}, {"a141", 0xE4C7},
		{"a19f", 0xE524}, {"a1a0", 0xE525}, {"a3a0", 0xE5E5}, {"a7a0", 0xE765},
	}
	for _, v := range vectors {
		data, _ := hex.DecodeString(v.hex)
		got, ok := fromGB18030(append([]byte{0xD6, 0xD0}, data...)) // 中
		if want := "中" + string(v.r); !ok || got != want {
			t.Errorf("%s: got %q, %v; want %q", v.hex, got, ok, want)
		}
		if !bytes.Equal(userDefinedBytes(v.r), data) {
			t.Errorf("%U: test encoder gives % x, want %s", v.r, userDefinedBytes(v.r), v.hex)
		}
	}
}

// TestDecodeSeeds reads every real document in every encoding, with LF
// and CRLF line endings, and gets the original text back.
func TestDecodeSeeds(t *testing.T) {
	for _, sd := range loadSeeds(t) {
		for _, enc := range encoders {
			for _, eol := range []string{"\n", "\r\n"} {
				name := sd.name + "/" + enc.name + map[string]string{"\n": "/lf", "\r\n": "/crlf"}[eol]
				t.Run(name, func(t *testing.T) {
					want := sd.text
					if enc.prepare != nil {
						want = enc.prepare(want)
					}
					data, err := enc.encode(strings.ReplaceAll(want, "\n", eol))
					if err != nil {
						t.Fatal(err)
					}
					got, err := Decode(sd.name, data)
					if err != nil {
						t.Fatal(err)
					}
					if got != want {
						t.Errorf("text differs from the original at byte %d", firstDiff(got, want))
					}
				})
			}
		}
	}
}

// firstDiff returns the offset of the first difference between a and b.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

// TestDecodeSmall covers encodings and line endings on short texts.
func TestDecodeSmall(t *testing.T) {
	gb := func(s string) string { b, _ := with(simplifiedchinese.GB18030)(s); return string(b) }
	le := func(s string) string {
		b, _ := with(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM))(s)
		return string(b)
	}
	be := func(s string) string {
		b, _ := with(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM))(s)
		return string(b)
	}
	cjk := "关于加快推进新时代高水平科技强市建设的实施意见为深入贯彻落实习近平总书记关于科技创新的重要论述"
	tests := []struct {
		name, data, want string
	}{
		{"ascii", "hello\n", "hello\n"},
		{"old mac line ends", "一、总体要求\r（一）目标\r", "一、总体要求\n（一）目标\n"},
		{"form feed", "第一页\f第二页", "第一页\n第二页"},
		{"no trimming", "  　缩进的段落  \n\n", "  　缩进的段落  \n\n"},
		{"gb18030 four-byte", gb("𠮷野家 € ①"), "𠮷野家 € ①"},
		{"gbk short", gb("中文"), "中文"},
		{"utf16 surrogates", le("𠮷\n"), "𠮷\n"},
		{"utf16le no ascii", le(cjk), cjk},
		{"utf16be no ascii", be(cjk), cjk},
		{"utf16le ascii", le("plain English text\n"), "plain English text\n"},
		{"utf16be ascii", be("plain English text\n"), "plain English text\n"},
		{"ideographic spaces", le("　　一、总体要求\n　　二、重点任务\n"), "　　一、总体要求\n　　二、重点任务\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode("x.txt", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// randomBytes returns n reproducible random bytes.
func randomBytes(n int, noNUL bool) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.IntN(256))
		if noNUL && b[i] == 0 {
			b[i] = 1
		}
	}
	return b
}

// TestDecodeRefusesText covers the refusals of the text path.
func TestDecodeRefusesText(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want Kind
	}{
		{"empty.txt", nil, KindEmpty},
		{"spaces.txt", []byte(" \n\t　\r\n "), KindEmpty},
		{"bom-only.txt", []byte{0xEF, 0xBB, 0xBF}, KindEmpty},
		{"utf16-spaces.txt", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, KindEmpty},
		{"random.bin", randomBytes(4096, false), KindBinary},
		{"random-no-nul.txt", randomBytes(4096, true), KindBinary},
		{"image.png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), randomBytes(64, false)...), KindBinary},
		{"no-xref.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), KindBrokenPDF},
		{"controls.txt", []byte("abc\x01\x02\x03\x04\x05def\x06\x07\x08"), KindBinary},
		{"nul.txt", []byte("第一行\x00第二行"), KindBinary},
		{"latin1.txt", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e\n"), KindUndecodable},
		{"bad-utf8-bom.txt", []byte("\xEF\xBB\xBF中文\xff\xfe"), KindUndecodable},
		{"odd-utf16.txt", []byte{0xFF, 0xFE, 'a', 0, 'b'}, KindUndecodable},
		{"lone-surrogate.txt", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, KindUndecodable},
		{"sheet.xls", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, KindNotWord},
		{"locked.docx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, KindOldDoc},
		{"renamed.docx", []byte("其实是文本文件"), KindBrokenDocx},
		{"huge.txt", make([]byte, MaxSize+1), KindTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.data)
			if got != "" {
				t.Errorf("refusal returned text %q", prefix(got, 40))
			}
			wantRefusal(t, tt.name, err, tt.want)
		})
	}
}

// TestOldDocMessage checks that an encrypted .docx tells the user what to do.
func TestOldDocMessage(t *testing.T) {
	_, err := Decode("加密.docx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	if msg := err.Error(); !strings.Contains(msg, "另存为 .docx") || !strings.Contains(msg, "「加密.docx」") {
		t.Errorf("message %q", msg)
	}
	if _, err := Decode("", nil); err.Error() != "无法读取文件：文件为空" {
		t.Errorf("unnamed: %q", err)
	}
}

// TestReadFile reads a GBK file from disk, and refuses a big sparse file,
// a missing file and a directory without reading them.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	sd := loadSeeds(t)[0]
	gbk, err := with(simplifiedchinese.GBK)(strings.ReplaceAll(sd.text, "\n", "\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "意见.txt")
	if err := os.WriteFile(good, gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadFile(good); err != nil || got != sd.text {
		t.Fatalf("ReadFile(gbk): err %v, equal %v", err, got == sd.text)
	}
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxSize + 1); err != nil { // sparse: no data written
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(big)
	wantRefusal(t, "big.txt", err, KindTooLarge)
	if !strings.Contains(err.Error(), "20.0 MB") {
		t.Errorf("message %q does not give the size", err)
	}
	_, err = ReadFile(filepath.Join(dir, "missing.txt"))
	wantRefusal(t, "missing.txt", err, KindUnreadable)
	_, err = ReadFile(dir)
	wantRefusal(t, filepath.Base(dir), err, KindUnreadable)
}

// failingReader fails after its data.
type failingReader struct{}

// Read fails.
func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

// zeros is an endless reader of zero bytes.
type zeros struct{}

// Read fills p with zeros.
func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// TestRead reads from a reader, stops after MaxSize+1 bytes of an endless
// one and reports I/O errors.
func TestRead(t *testing.T) {
	if got, err := Read("a.txt", strings.NewReader("一、总体要求\r\n")); err != nil || got != "一、总体要求\n" {
		t.Errorf("Read = %q, %v", got, err)
	}
	_, err := Read("endless.txt", zeros{})
	wantRefusal(t, "endless.txt", err, KindTooLarge)
	_, err = Read("broken.txt", failingReader{})
	wantRefusal(t, "broken.txt", err, KindUnreadable)
	if KindOf(err) != KindUnreadable || KindOf(nil) != 0 || KindOf(io.EOF) != 0 {
		t.Error("KindOf")
	}
	if err.(*Error).Unwrap() != io.ErrUnexpectedEOF {
		t.Error("Unwrap")
	}
}

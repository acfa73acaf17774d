package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// MaxSize is the largest file Qicao reads, in bytes (20 MB). A real
// 实施意见 is a few tens of kilobytes.
const MaxSize = 20 << 20

// Magic numbers of the formats recognised before any text decoding.
var (
	zipMagic      = []byte("PK\x03\x04")
	zipEmptyMagic = []byte("PK\x05\x06")
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	rtfMagic      = []byte(`{\rtf`)
	pdfMagic      = []byte("%PDF-")
)

// binaryMagics name common binary formats, for a clearer message; some
// (a PDF, say) could otherwise pass for ASCII text.
var binaryMagics = []struct {
	magic           string
	format, english string
}{
	{"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"},
	{"\xFF\xD8\xFF", "JPEG 图片", "a JPEG image"},
	{"GIF8", "GIF 图片", "a GIF image"},
	{"Rar!\x1a\x07", "RAR 压缩文件", "a RAR archive"},
	{"7z\xBC\xAF\x27\x1C", "7z 压缩文件", "a 7z archive"},
}

// htmlExts are the extensions of saved web pages.
var htmlExts = map[string]bool{".html": true, ".htm": true, ".shtml": true, ".xhtml": true}

// Decode turns a file's bytes into UTF-8 text. name is used only for its
// extension and in messages. A refusal is an *Error.
func Decode(name string, data []byte) (string, error) {
	if len(data) > MaxSize {
		return "", refuse(name, KindTooLarge, "", nil)
	}
	if len(data) == 0 {
		return "", refuse(name, KindEmpty, "", nil)
	}
	text, err := decode(name, data)
	if err != nil {
		return "", err
	}
	text = normaliseNewlines(text)
	if blank(text) {
		return "", refuseIn(name, KindEmpty, "文件中没有文字", "the file holds no text", nil)
	}
	return text, nil
}

// decode dispatches on the file's magic number, then on its extension.
func decode(name string, data []byte) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, zipMagic), bytes.HasPrefix(data, zipEmptyMagic):
		return decodeDocx(name, data)
	case bytes.HasPrefix(data, oleMagic):
		if err := oleError(name, ext); err != nil {
			return "", err
		}
		return viaOffice(name, officeExt(ext, ".doc"), data)
	case bytes.HasPrefix(data, rtfMagic):
		return viaOffice(name, ".rtf", data)
	case bytes.HasPrefix(data, pdfMagic):
		return decodePDF(name, data)
	case ext == ".docx":
		return "", refuseIn(name, KindBrokenDocx, "文件扩展名是 .docx，但内容不是 Word 文档", "the file is named .docx but is not a Word document", nil)
	}
	if format, english := binaryFormat(data); format != "" {
		return "", refuseIn(name, KindBinary, "这是"+format+"，不是文本文件或 Word 文档（.docx）", "this is "+english+", neither a text file nor a Word document (.docx)", nil)
	}
	if htmlExts[ext] {
		return decodeHTMLFile(name, data)
	}
	text, detail, kind := decodeText(data)
	switch {
	case kind != 0:
		return "", refuse(name, kind, detail, nil)
	case looksLikeHTML(text):
		return htmlText(text, pageTag.MatchString(text)), nil
	case ext == ".md" || ext == ".markdown":
		return fromMarkdown(normaliseNewlines(text)), nil
	}
	return text, nil
}

// oleError refuses the OLE compound files that are not legacy Word or WPS
// documents: other legacy Office files, and an encrypted .docx (which
// Office stores as OLE); nil for a document to convert.
func oleError(name, ext string) *Error {
	switch ext {
	case ".docx":
		return refuseIn(name, KindOldDoc,
			"这是设有打开密码的 Word 文档，请在 Word 或 WPS 中取消密码并“另存为 .docx”后再导入",
			"this Word document has a password; remove it in Word or WPS and save as .docx, then import it", nil)
	case ".xls", ".ppt", ".et", ".dps":
		return refuseIn(name, KindNotWord, "这是旧版 Excel 或 PowerPoint 文件，不是 Word 文档", "this is an old Excel or PowerPoint file, not a Word document", nil)
	}
	return nil // a legacy Word or WPS document: LibreOffice reads it
}

// officeExt is the extension LibreOffice is given: the file's own for
// the Word and WPS kinds it may have, else def.
func officeExt(ext, def string) string {
	switch ext {
	case ".doc", ".wps", ".dot", ".wpt":
		return ext
	}
	return def
}

// binaryFormat names data's format, in Chinese and in English, if it
// starts with a known binary magic.
func binaryFormat(data []byte) (format, english string) {
	for _, m := range binaryMagics {
		if bytes.HasPrefix(data, []byte(m.magic)) {
			return m.format, m.english
		}
	}
	return "", ""
}

// normaliseNewlines turns \r\n, lone \r and \f into \n.
func normaliseNewlines(s string) string {
	if !strings.ContainsAny(s, "\r\f") {
		return s
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\f", "\n").Replace(s)
}

// ReadFile reads and decodes a file from disk, refusing files over MaxSize
// (and anything but a regular file) before reading them whole. Messages
// name the file by its base name.
func ReadFile(path string) (string, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return "", ioError(name, err)
	}
	if err := checkInfo(name, info); err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", ioError(name, err)
	}
	defer f.Close()
	return Read(name, f)
}

// checkInfo refuses directories, devices and files over MaxSize.
func checkInfo(name string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return refuseIn(name, KindUnreadable, "这是一个文件夹，不是文件", "this is a folder, not a file", nil)
	case !info.Mode().IsRegular():
		return refuseIn(name, KindUnreadable, "这不是普通文件", "this is not a regular file", nil)
	case info.Size() > MaxSize:
		detail := fmt.Sprintf("文件大小为 %.1f MB，超过了 20 MB 的上限", float64(info.Size())/(1<<20))
		english := fmt.Sprintf("the file is %.1f MB, over the limit of 20 MB", float64(info.Size())/(1<<20))
		return refuseIn(name, KindTooLarge, detail, english, nil)
	}
	return nil
}

// ioError explains a failure to open or read a file.
func ioError(name string, err error) *Error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return refuseIn(name, KindUnreadable, "文件不存在", "the file does not exist", err)
	case errors.Is(err, fs.ErrPermission):
		return refuseIn(name, KindUnreadable, "没有读取这个文件的权限", "you have no permission to read it", err)
	}
	return refuse(name, KindUnreadable, "", err)
}

// Read reads at most MaxSize+1 bytes from r and decodes them; more than
// MaxSize bytes is a KindTooLarge refusal.
func Read(name string, r io.Reader) (string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return "", ioError(name, err)
	}
	return Decode(name, data)
}

// blank reports text with nothing visible: only white space and invisible
// format characters (zero-width spaces and joiners, word joiners, soft
// hyphens, byte-order marks).
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == '\u180E'
	}) == ""
}

package input

import "errors"

// Kind tells refusals apart, for callers and tests.
type Kind int

// The kinds of refusal.
const (
	// KindEmpty: the file is empty or holds only white space.
	KindEmpty Kind = iota + 1
	// KindTooLarge: the file is over MaxSize.
	KindTooLarge
	// KindBinary: the file is not text (an image, a PDF, a program…).
	KindBinary
	// KindUndecodable: the file looks like text in an encoding that is
	// neither UTF-8, GBK/GB18030 nor UTF-16.
	KindUndecodable
	// KindNotWord: a zip archive (or other Office file) that is not a
	// Word document.
	KindNotWord
	// KindZipBomb: a .docx whose text would unpack to far more than any
	// real document.
	KindZipBomb
	// KindBrokenDocx: a damaged or incomplete .docx.
	KindBrokenDocx
	// KindOldDoc: a legacy Word .doc (or RTF) file, to be saved as .docx.
	KindOldDoc
	// KindUnreadable: the file could not be read from disk.
	KindUnreadable
	// KindScannedPDF: a PDF of page images without text (a scan).
	KindScannedPDF
	// KindBrokenPDF: a damaged, encrypted or unreadable PDF.
	KindBrokenPDF
	// KindPDFBomb: a PDF whose streams would unpack to far more than any
	// real document, or with more pages than any.
	KindPDFBomb
	// KindNoOffice: a .doc, .wps, .rtf or .odt file, and LibreOffice (which
	// reads them) is not installed.
	KindNoOffice
	// KindConvertFailed: LibreOffice could not convert the file.
	KindConvertFailed
)

var kindNames = map[Kind]string{
	KindEmpty:         "empty",
	KindTooLarge:      "too large",
	KindBinary:        "binary",
	KindUndecodable:   "undecodable",
	KindNotWord:       "not word",
	KindZipBomb:       "zip bomb",
	KindBrokenDocx:    "broken docx",
	KindOldDoc:        "old doc",
	KindUnreadable:    "unreadable",
	KindScannedPDF:    "scanned pdf",
	KindBrokenPDF:     "broken pdf",
	KindPDFBomb:       "pdf bomb",
	KindNoOffice:      "no office",
	KindConvertFailed: "convert failed",
}

// kindMessages are the default details shown to the user.
var kindMessages = map[Kind]string{
	KindEmpty:         "文件为空",
	KindTooLarge:      "文件超过 20 MB，太大了",
	KindBinary:        "这不是文本文件，也不是 Word 文档（.docx）",
	KindUndecodable:   "无法识别文件的文字编码（支持 UTF-8、GBK/GB18030、Big5 和 UTF-16）",
	KindNotWord:       "这是压缩文件，不是 Word 文档（.docx）",
	KindZipBomb:       "文件解压后过大，疑似“压缩炸弹”，已拒绝",
	KindBrokenDocx:    "Word 文档已损坏或不完整，无法读出其中的文字",
	KindOldDoc:        "这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为 .docx”后再导入",
	KindUnreadable:    "读取文件时出错",
	KindScannedPDF:    "这是扫描版 PDF（页面只有图片，没有文字），无法提取文字；请向发文单位索取文字版，或先用 OCR 软件识别成文字",
	KindBrokenPDF:     "PDF 文件已损坏或不完整，无法读出其中的文字",
	KindPDFBomb:       "PDF 文件解压后过大或页数过多，疑似“压缩炸弹”，已拒绝",
	KindNoOffice:      "读取 .doc、.wps、.rtf、.odt 文件需要安装 LibreOffice（Debian、统信 UOS、麒麟：sudo apt install libreoffice-writer-nogui）；也可以在 Word 或 WPS 中“另存为 .docx”后再导入",
	KindConvertFailed: "LibreOffice 无法转换这个文件（可能已损坏、加密或不是文字文档）；请在 Word 或 WPS 中打开并“另存为 .docx”后再导入",
}

// kindEnglish are the default details in English.
var kindEnglish = map[Kind]string{
	KindEmpty:         "the file is empty",
	KindTooLarge:      "the file is over 20 MB, too large",
	KindBinary:        "this is neither a text file nor a Word document (.docx)",
	KindUndecodable:   "the text's encoding is not recognised (UTF-8, GBK/GB18030, Big5 and UTF-16 are)",
	KindNotWord:       "this is an archive, not a Word document (.docx)",
	KindZipBomb:       "the file would unpack to far more than any document (a “zip bomb”) and is refused",
	KindBrokenDocx:    "the Word document is damaged or incomplete; its text cannot be read",
	KindOldDoc:        "this is an old Word document (.doc); save it as .docx in Word or WPS, then import it",
	KindUnreadable:    "the file could not be read",
	KindScannedPDF:    "this is a scanned PDF (pages of images, no text); ask the issuing office for a text version, or recognise it with OCR software first",
	KindBrokenPDF:     "the PDF is damaged or incomplete; its text cannot be read",
	KindPDFBomb:       "the PDF would unpack to far more than any document, or has too many pages, and is refused",
	KindNoOffice:      "reading .doc, .wps, .rtf and .odt files needs LibreOffice (Debian, UOS, Kylin: sudo apt install libreoffice-writer-nogui); or save the file as .docx in Word or WPS",
	KindConvertFailed: "LibreOffice could not convert this file (damaged, encrypted or not a text document); open it in Word or WPS and save it as .docx",
}

// String returns a short English name for the kind, for logs and tests.
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "unknown"
}

// Error is a refusal to read a file. Error() returns a clear Simplified
// Chinese message naming the file, e.g. "无法读取「x.txt」：文件为空";
// EnglishMessage the same in English, for the front ends to choose (see
// drafts.Message). Kind is its code.
type Error struct {
	Name   string // the file's name, as given
	Kind   Kind   // what is wrong
	Detail string // the message for the user; the kind's default if empty
	// DetailEnglish is Detail in English; the kind's default if empty.
	DetailEnglish string
	Err           error // the underlying error, if any (I/O, zip, XML)
}

// Error returns the message for the user, in Simplified Chinese.
func (e *Error) Error() string {
	detail := e.Detail
	if detail == "" {
		detail = kindMessages[e.Kind]
	}
	if e.Name == "" {
		return "无法读取文件：" + detail
	}
	return "无法读取「" + e.Name + "」：" + detail
}

// EnglishMessage returns the message in English, e.g. Cannot read
// “x.txt”: the file is empty.
func (e *Error) EnglishMessage() string {
	detail := e.DetailEnglish
	if detail == "" {
		detail = kindEnglish[e.Kind]
	}
	if e.Name == "" {
		return "Cannot read the file: " + detail
	}
	return "Cannot read “" + e.Name + "”: " + detail
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// KindOf returns the Kind of a refusal returned by this package, or 0 when
// err is nil or not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

// The details this package words itself beyond the kinds' defaults,
// which decoders pass on as strings.
const (
	detailJapanese = "这似乎是日文（Shift-JIS 或 EUC-JP 编码）的文件，不是中文；请确认文件，或“另存为 UTF-8”后再导入"
	detailForeign  = "文件的文字编码不是中文（支持 UTF-8、GBK/GB18030、Big5 和 UTF-16），读出来是乱码，已拒绝"
	detailXLSX     = "这是 Excel 表格（.xlsx），不是 Word 文档（.docx）"
	detailPPTX     = "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档（.docx）"
	detailNoMap    = "PDF 的字体缺少文字映射，提取出来是乱码；请向发文单位索取 Word 或文字版"
)

// detailEnglish is each of those details in English.
var detailEnglish = map[string]string{
	detailJapanese: "this seems to be Japanese (Shift-JIS or EUC-JP), not Chinese; check the file, or save it as UTF-8, then import it",
	detailForeign:  "the text is not in a Chinese encoding (UTF-8, GBK/GB18030, Big5 and UTF-16 are) and reads as garbage; refused",
	detailXLSX:     "this is an Excel workbook (.xlsx), not a Word document (.docx)",
	detailPPTX:     "this is a PowerPoint presentation (.pptx), not a Word document (.docx)",
	detailNoMap:    "the PDF's fonts do not say which characters they draw, so its text reads as garbage; ask the issuing office for a Word or text version",
}

// refuse builds an *Error; an empty detail means the kind's default. A
// detail of its own takes its English from detailEnglish (refuseIn gives
// both where they are written).
func refuse(name string, kind Kind, detail string, err error) *Error {
	return &Error{Name: name, Kind: kind, Detail: detail, DetailEnglish: detailEnglish[detail], Err: err}
}

// refuseIn builds an *Error with its detail in Chinese and in English.
func refuseIn(name string, kind Kind, chinese, english string, err error) *Error {
	return &Error{Name: name, Kind: kind, Detail: chinese, DetailEnglish: english, Err: err}
}

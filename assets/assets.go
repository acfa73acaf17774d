// Package assets embeds what the binary carries with it: the built-in corpus
// of policy documents, the CJK font and the icon.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed corpus/*.txt
var corpus embed.FS

// The CJK font: Noto Sans CJK SC subset to GB 2312, its traditional forms and
// every character of the corpus (see fonts/make-fonts.sh), SIL OFL 1.1.
var (
	//go:embed fonts/NotoSansSC-Qicao-Regular.otf
	fontRegular []byte
	//go:embed fonts/NotoSansSC-Qicao-Bold.otf
	fontBold []byte
	//go:embed fonts/OFL.txt
	fontLicense []byte
)

// The application icon, 512×512 PNG, drawn by make-icon.sh.
//
//go:embed icon.png
var icon []byte

// Icon returns the application icon (PNG). The slice is shared: do not modify it.
func Icon() []byte { return icon }

// FontRegular returns the embedded regular CJK face (OpenType/CFF, one face,
// not a collection). The slice is shared: do not modify it.
func FontRegular() []byte { return fontRegular }

// FontBold returns the embedded bold CJK face. The slice is shared: do not
// modify it.
func FontBold() []byte { return fontBold }

// FontLicense returns the font's licence (SIL Open Font License 1.1) with its
// copyright line, to show in the About box.
func FontLicense() []byte { return fontLicense }

// CorpusFile is one document of the built-in corpus.
type CorpusFile struct {
	Name string // file name, e.g. "000_821d8b4d3cdede77.txt"
	Data []byte // the file as it is, bytes unchanged
}

// Corpus returns the built-in corpus documents in file-name order.
func Corpus() []CorpusFile {
	entries, err := fs.ReadDir(corpus, "corpus")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	var files []CorpusFile
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		data, err := corpus.ReadFile(path.Join("corpus", e.Name()))
		if err != nil {
			panic(err)
		}
		files = append(files, CorpusFile{Name: e.Name(), Data: data})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

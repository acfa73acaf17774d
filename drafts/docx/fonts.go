package docx

// font is an entry of fontTable.xml. Word and WPS look a missing font up
// by its alternative names (w:altName, comma-separated) and otherwise
// substitute by panose, charset and family; the official fonts of GB/T
// 9704 are named with the common fonts of a Chinese Windows machine as
// fallbacks (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体).
type font struct {
	Name    string
	AltName string // fallbacks, comma-separated; "" for none
	Panose  string // 10 bytes, hex
	Charset string // 86 = GB2312, 00 = ANSI
	Family  string // roman, swiss, modern, script, decorative, auto
	Pitch   string // fixed or variable
	// CJK marks a font with Chinese coverage; it gets the Unicode and code
	// page signature of SimSun so Word treats it as an East Asian font.
	CJK bool
}

// fonts are the fonts the styles name.
var fonts = []font{
	{Name: "Times New Roman", Panose: "02020603050405020304", Charset: "00", Family: "roman", Pitch: "variable"},
	{Name: "宋体", AltName: "SimSun", Panose: "02010600030101010101", Charset: "86", Family: "auto", Pitch: "variable", CJK: true},
	{Name: "方正小标宋简体", AltName: "FZXiaoBiaoSong-B05S,方正小标宋_GBK,宋体,SimSun", Panose: "02000000000000000000", Charset: "86", Family: "auto", Pitch: "variable", CJK: true},
	{Name: "仿宋_GB2312", AltName: "FangSong_GB2312,仿宋,FangSong", Panose: "02010609030101010101", Charset: "86", Family: "modern", Pitch: "fixed", CJK: true},
	{Name: "仿宋", AltName: "FangSong", Panose: "02010609060101010101", Charset: "86", Family: "modern", Pitch: "fixed", CJK: true},
	{Name: "楷体_GB2312", AltName: "KaiTi_GB2312,楷体,KaiTi", Panose: "02010609030101010101", Charset: "86", Family: "modern", Pitch: "fixed", CJK: true},
	{Name: "楷体", AltName: "KaiTi", Panose: "02010609060101010101", Charset: "86", Family: "modern", Pitch: "fixed", CJK: true},
	{Name: "黑体", AltName: "SimHei", Panose: "02010609060101010101", Charset: "86", Family: "modern", Pitch: "fixed", CJK: true},
}

// The fonts of each part of the layout (GB/T 9704-2012 §7).
const (
	fontTitle    = "方正小标宋简体"
	fontBody     = "仿宋_GB2312"
	fontHeading1 = "黑体"
	fontHeading2 = "楷体_GB2312"
	fontPageNum  = "宋体"
)

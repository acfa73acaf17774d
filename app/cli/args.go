package cli

import (
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// localeArgs returns args as UTF-8. An argument that is not valid UTF-8
// (a title typed in a GBK terminal) is decoded from the locale's encoding
// when that is GBK, GB2312 or GB18030, and refused otherwise, so that
// nothing is stored as invalid text. An argument naming an existing file
// is left as it is: it is a file name, whatever its bytes.
func localeArgs(args []string) ([]string, error) {
	out := make([]string, len(args))
	gbk := localeIsGBK()
	for i, a := range args {
		out[i] = a
		if utf8.ValidString(a) {
			continue
		}
		if _, err := os.Stat(a); err == nil {
			continue
		}
		if !gbk {
			return nil, usagef("参数 %q 不是 UTF-8 编码的文字：请把终端的编码设为 UTF-8（或把 LANG 设为 zh_CN.GBK）后重试",
				"the argument %q is not UTF-8 text: set the terminal's encoding to UTF-8 (or LANG to zh_CN.GBK) and try again", a)
		}
		s, err := simplifiedchinese.GB18030.NewDecoder().String(a)
		if err != nil || !utf8.ValidString(s) {
			return nil, usagef("参数 %q 既不是 UTF-8 也不是 GBK 编码的文字", "the argument %q is neither UTF-8 nor GBK text", a)
		}
		out[i] = s
	}
	return out, nil
}

// localeIsGBK reports whether the locale (LC_ALL, else LC_CTYPE, else
// LANG) names a GBK-family encoding, as zh_CN.GBK or zh_CN.GB18030 do.
func localeIsGBK() bool {
	loc := ""
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if loc = os.Getenv(v); loc != "" {
			break
		}
	}
	_, charset, _ := strings.Cut(loc, ".")
	charset, _, _ = strings.Cut(charset, "@")
	charset = strings.ToUpper(strings.ReplaceAll(charset, "-", ""))
	return charset == "GBK" || charset == "GB2312" || charset == "GB18030" || charset == "EUCCN"
}

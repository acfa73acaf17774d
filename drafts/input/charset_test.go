package input

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/traditionalchinese"
)

// japaneseEnc is Shift-JIS, for tests of Japanese files.
var japaneseEnc = japanese.ShiftJIS

// encodeLossy encodes s with enc, dropping what enc cannot encode.
func encodeLossy(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	var b strings.Builder
	for _, r := range s {
		if _, err := enc.NewEncoder().String(string(r)); err == nil {
			b.WriteRune(r)
		}
	}
	out, err := enc.NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBig5 reads Big5 text, short and long, as Big5 and not as GBK.
func TestBig5(t *testing.T) {
	var trad string
	for _, sd := range loadSeeds(t) {
		if strings.HasPrefix(sd.name, "001_") { // the traditional-script seed
			trad = sd.text
		}
	}
	tests := []struct{ name, text string }{
		{"title", "經濟發展規劃綱要"},
		{"two words", "通知"},
		{"heading", "一、總體要求\n（一）指導思想\n"},
		{"seed 001", trad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encodeLossy(t, traditionalchinese.Big5, tt.text)
			want, _ := traditionalchinese.Big5.NewDecoder().Bytes(data)
			got, err := Decode("big5.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got %q, want %q", prefix(got, 60), prefix(string(want), 60))
			}
		})
	}
}

// TestForeignEncodings refuses Japanese and Korean double-byte files
// (which decode as GBK to nonsense) and text of invisible characters.
func TestForeignEncodings(t *testing.T) {
	japaneseText := "経済発展計画の概要について\n令和六年度の事業計画を次のとおり定める。\n"
	tests := []struct {
		name string
		data []byte
		want Kind
		says string
	}{
		{"sjis.txt", encodeLossy(t, japanese.ShiftJIS, japaneseText), KindUndecodable, "日文"},
		{"sjis-short.txt", encodeLossy(t, japanese.ShiftJIS, "お知らせ"), KindUndecodable, "日文"},
		{"eucjp.txt", encodeLossy(t, japanese.EUCJP, japaneseText), KindUndecodable, "日文"},
		{"euckr.txt", encodeLossy(t, korean.EUCKR, "경제 발전 계획의 개요에 관한 안내문입니다. 다음과 같이 정합니다.\n"), KindUndecodable, "乱码"},
		{"zero-width.txt", []byte("\u200b\u200c\u200d\ufeff\u2060\n\u200b \u00ad"), KindEmpty, "没有文字"},
		{"zero-width-gbk.txt", encodeLossy(t, traditionalchinese.Big5, "　　\n"), KindEmpty, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.name, tt.data)
			if got != "" {
				t.Errorf("refusal returned text %q", prefix(got, 40))
			}
			wantRefusal(t, tt.name, err, tt.want)
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("message %q does not say %q", err, tt.says)
			}
		})
	}
}

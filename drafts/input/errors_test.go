package input

import "testing"

// TestEveryKindHasEnglish: every refusal has its message in both
// languages, the English chosen by the front ends for an English UI.
func TestEveryKindHasEnglish(t *testing.T) {
	for k := range kindNames {
		if kindMessages[k] == "" || kindEnglish[k] == "" {
			t.Errorf("%s: Chinese %q, English %q", k, kindMessages[k], kindEnglish[k])
		}
	}
	e := refuse("x.txt", KindEmpty, "", nil)
	if e.Error() != "无法读取「x.txt」：文件为空" || e.EnglishMessage() != "Cannot read “x.txt”: the file is empty" {
		t.Errorf("%q / %q", e.Error(), e.EnglishMessage())
	}
	if e := refuseIn("", KindUnreadable, "文件不存在", "the file does not exist", nil); e.EnglishMessage() != "Cannot read the file: the file does not exist" {
		t.Errorf("%q", e.EnglishMessage())
	}
}

// The details worded beyond the kinds' defaults (encodings, other Office
// files, PDF fonts) have their English too, and refuse gives it.
func TestEveryDetailHasEnglish(t *testing.T) {
	for _, d := range []string{detailJapanese, detailForeign, detailXLSX, detailPPTX, detailNoMap} {
		e := refuse("x.txt", KindUndecodable, d, nil)
		if detailEnglish[d] == "" || e.EnglishMessage() != "Cannot read “x.txt”: "+detailEnglish[d] {
			t.Errorf("%q: English %q", d, e.EnglishMessage())
		}
	}
}

package linebreak

import "testing"

func TestBreak(t *testing.T) {
	for _, tc := range []struct {
		text string
		fit  int
		want string // the line
	}{
		{"坚持创新驱动发展。推动", 8, "坚持创新驱动发"},                    // 。 may not begin the next line: 展 goes down with it
		{"坚持创新驱动发展，推动", 9, "坚持创新驱动发展，"},                  // breaks after the comma
		{"加快建设（一）重点", 5, "加快建设"},                         // （ may not end a line
		{"企业达到1200家以上", 6, "企业达到"},                       // 1200 stays whole
		{"企业达到1200家以上", 8, "企业达到1200"},                   // between 0 and 家
		{"see https://example.gov.cn/a/b", 20, "see"},    // at the space
		{"https://example.gov.cn/a/b", 10, "https://ex"}, // no break at all: where it fits
		{"“十企领军示范”行动", 1, "“"},                           // one rune fits: it stays, whatever it is
	} {
		r := []rune(tc.text)
		k := Break(r, tc.fit)
		if got := string(r[:k]); got != tc.want {
			t.Errorf("Break(%q, %d) = %q, want %q", tc.text, tc.fit, got, tc.want)
		}
	}
}

func TestBetween(t *testing.T) {
	for _, tc := range []struct {
		a, b rune
		want bool
	}{
		{'展', '。', false}, {'。', '推', true}, {'（', '一', false}, {'建', '（', true},
		{'1', '2', false}, {'0', '家', true}, {'a', 'b', false}, {' ', '推', false}, {'”', '行', true},
	} {
		if got := Between(tc.a, tc.b); got != tc.want {
			t.Errorf("Between(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

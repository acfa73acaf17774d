package norm

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"qicao/assets"
)

// corpus returns the five built-in documents by file-name prefix (000…004).
func corpus(t testing.TB) map[string]string {
	t.Helper()
	docs := map[string]string{}
	for _, f := range assets.Corpus() {
		docs[f.Name[:3]] = string(f.Data)
	}
	if len(docs) != 5 {
		t.Fatalf("corpus has %d documents, want 5", len(docs))
	}
	return docs
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

func TestFoldRune(t *testing.T) {
	for _, c := range []struct{ in, want rune }{
		{'０', '0'}, {'９', '9'}, {'Ｇ', 'g'}, {'ｇ', 'g'}, {'G', 'g'}, {'g', 'g'},
		{'，', ','}, {'；', ';'}, {'：', ':'}, {'（', '('}, {'）', ')'}, {'！', '!'}, {'？', '?'},
		{'％', '%'}, {'～', '~'}, {'．', '.'},
		{'\u3000', ' '}, {'“', '"'}, {'”', '"'}, {'‘', '\''}, {'’', '\''},
		{'｡', '。'}, {'､', '、'}, {'・', '·'},
		{'。', '。'}, {'、', '、'}, {'.', '.'}, {',', ','}, // 。≠. and 、≠,
		{'濟', '济'}, {'寧', '宁'}, {'關', '关'}, {'創', '创'}, {'職', '职'}, {'臺', '台'}, {'於', '于'},
		{'济', '济'}, {'于', '于'}, {'台', '台'}, {'覆', '覆'}, // simplified and identity entries stay
		{'𠀀', '𠀀'}, {-1, -1}, {unicode.MaxRune + 1, unicode.MaxRune + 1},
	} {
		if got := FoldRune(c.in); got != c.want {
			t.Errorf("FoldRune(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestFoldRuneTotal checks every BMP rune: the result is a valid rune, and
// folding is idempotent, so folded text can be folded again safely.
func TestFoldRuneTotal(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		f := FoldRune(r)
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if !utf8.ValidRune(f) {
			t.Errorf("FoldRune(%U) = %U, not a valid rune", r, f)
		}
		if g := FoldRune(f); g != f {
			t.Errorf("FoldRune not idempotent: %q → %q → %q", r, f, g)
		}
	}
	for _, p := range t2sChars {
		if p[0] > 0xFFFF && FoldRune(p[0]) != unicode.ToLower(p[1]) {
			t.Errorf("FoldRune(%q) = %q, want %q", p[0], FoldRune(p[0]), p[1])
		}
	}
}

func TestIsSpaceIsPunct(t *testing.T) {
	for _, r := range " \t\n\r\u3000\u00a0\u200b\ufeff" {
		if !IsSpace(r) || IsPunct(r) {
			t.Errorf("%U: IsSpace=%v IsPunct=%v, want space", r, IsSpace(r), IsPunct(r))
		}
	}
	for _, r := range "，。、；：？！,.;:?!“”‘’\"'「」『』（）()〔〕【】《》〈〉[]{}—–-－…·・～~《》／/" {
		if !IsPunct(r) || IsSpace(r) {
			t.Errorf("%q: IsPunct=%v IsSpace=%v, want punct", r, IsPunct(r), IsSpace(r))
		}
	}
	for _, r := range "济濟a０0%％‰+=元\uFFFD" {
		if IsPunct(r) || IsSpace(r) {
			t.Errorf("%q: IsPunct=%v IsSpace=%v, want neither", r, IsPunct(r), IsSpace(r))
		}
	}
	if IsPunct(-1) || IsSpace(-1) {
		t.Error("invalid rune classified")
	}
}

func TestKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"到 2027 年，（市科技局牵头）", "到2027年市科技局牵头"},
		{"500 万元", "500万元"},
		{"突破1200家,规上", "突破1200家规上"},
		{"濟寧市人民政府關于", "济宁市人民政府关于"},
		{"ＧＤＰ增长５％", "gdp增长5%"},
		{"投入强度达到2.8%；", "投入强度达到2.8%"},
		{"投入强度达到２．８％", "投入强度达到2.8%"},
		{"11.培育高新技术企业", "11培育高新技术企业"}, // a clause label, not a decimal
		{"28. 加强", "28加强"},
		{"1,200家", "1200家"},
		{"“三高一核心”", "三高一核心"},
		{"3—5年、3-5年、3~5年", "35年35年35年"},
		{"a\u200bb\ufeff", "ab"},
		{"\xff济", "\uFFFD济"},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
		}
		key, pos := KeyRunes(c.in)
		if string(key) != c.want {
			t.Errorf("KeyRunes(%q) key = %q, want %q", c.in, string(key), c.want)
		}
		if len(pos) != len(key) {
			t.Errorf("KeyRunes(%q): %d positions for %d runes", c.in, len(pos), len(key))
		}
	}
}

func TestKeyTraditionalTitle(t *testing.T) {
	docs := corpus(t)
	title := firstLine(docs["001"])
	if title != "濟寧市人民政府關于加快科技創新與產業創新深度融合的實施意見" {
		t.Fatalf("001 title = %q", title)
	}
	want := "济宁市人民政府关于加快科技创新与产业创新深度融合的实施意见"
	if Key(title) != Key(want) {
		t.Errorf("Key(%q) = %q, want %q", title, Key(title), Key(want))
	}
	if Key(title) != want {
		t.Errorf("Key(%q) = %q, want the simplified title itself", title, Key(title))
	}
	// The same clause in the traditional text matches its simplified form.
	if !strings.Contains(Key(docs["001"]), Key("入网共享仪器设备达到3800台（套）以上")) {
		t.Error("Key(001) lacks the key of 入网共享仪器设备达到3800台（套）以上")
	}
}

// TestKeyRunesCorpus checks on every corpus document that KeyRunes agrees
// with Key and that each key rune is the fold of the rune it points at.
func TestKeyRunesCorpus(t *testing.T) {
	for name, doc := range corpus(t) {
		key, pos := KeyRunes(doc)
		if string(key) != Key(doc) {
			t.Errorf("%s: KeyRunes and Key disagree", name)
		}
		if len(key) == 0 {
			t.Errorf("%s: empty key", name)
		}
		src := []rune(doc)
		for i := range key {
			if i > 0 && pos[i] <= pos[i-1] {
				t.Fatalf("%s: pos not increasing at %d: %d, %d", name, i, pos[i-1], pos[i])
			}
			if r := src[pos[i]]; FoldRune(r) != key[i] {
				t.Fatalf("%s: key[%d] = %q but src[%d] = %q folds to %q", name, i, key[i], pos[i], r, FoldRune(r))
			}
		}
		// Every rune left out is whitespace or punctuation.
		kept := make(map[int]bool, len(pos))
		for _, p := range pos {
			kept[p] = true
		}
		for i, r := range src {
			if !kept[i] && !IsSpace(r) && !IsPunct(r) {
				t.Fatalf("%s: rune %d %q dropped", name, i, r)
			}
		}
	}
	// Mapping a match on the key back to a span of the original.
	s := "到 2027 年，全市（规上）工业企业"
	key, pos := KeyRunes(s)
	k := []rune(Key("规上工业"))
	at := strings.Index(string(key), string(k))
	i := utf8.RuneCountInString(string(key)[:at])
	span := string([]rune(s)[pos[i] : pos[i+len(k)-1]+1])
	if span != "规上）工业" {
		t.Errorf("span = %q, want 规上）工业", span)
	}
}

func TestSimplify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"濟寧市人民政府關于", "济宁市人民政府关于"},
		{"激勵企業加大研發投入", "激励企业加大研发投入"},
		{"首臺(套)技術裝備", "首台(套)技术装备"},
		{"濟政發〔2025〕8號", "济政发〔2025〕8号"},
		{"已经是简体，ＧＤＰ 到 2027 年", "已经是简体，ＧＤＰ 到 2027 年"}, // form untouched
		{"角徵", "角徵"}, // a phrase that stops the character table (徵→征)
		{"頭髮", "头发"},
		{"乾隆", "乾隆"},
		{"\xff濟", "\xff济"},
	} {
		if got := Simplify(c.in); got != c.want {
			t.Errorf("Simplify(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSimplifyCorpus(t *testing.T) {
	docs := corpus(t)
	s := Simplify(docs["001"])
	if !strings.Contains(s, "济宁市人民政府") || strings.Contains(s, "濟") {
		t.Errorf("Simplify(001) lacks 济宁市人民政府 or keeps 濟")
	}
	for _, w := range []string{"关于加快科技创新与产业创新深度融合的实施意见", "济政发〔2025〕8号", "按职责分工负责", "首台(套)"} {
		if !strings.Contains(s, w) {
			t.Errorf("Simplify(001) lacks %q", w)
		}
	}
	if utf8.RuneCountInString(s) != utf8.RuneCountInString(docs["001"]) {
		t.Errorf("Simplify(001) changed the rune count")
	}
	if Key(s) != Key(docs["001"]) {
		t.Errorf("Key(Simplify(001)) != Key(001)")
	}
	// A simplified document comes back unchanged, but for stray
	// traditional characters (推進 in one of them).
	for _, name := range []string{"000", "002", "003", "004"} {
		d := docs[name]
		if got := Simplify(d); got != d && !strings.Contains(d, "進") {
			t.Errorf("Simplify(%s) changed a simplified document", name)
		}
	}
}

// TestSimplifyMatchesOpenCC compares Simplify with the opencc tool itself on
// the corpus when it is installed.
func TestSimplifyMatchesOpenCC(t *testing.T) {
	if _, err := exec.LookPath("opencc"); err != nil {
		t.Skip("opencc not installed")
	}
	for name, doc := range corpus(t) {
		cmd := exec.Command("opencc", "-c", "t2s")
		cmd.Stdin = strings.NewReader(doc)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("opencc: %v", err)
		}
		if got := Simplify(doc); got != string(out) {
			g, w := []rune(got), []rune(string(out))
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Errorf("%s: Simplify differs from opencc at rune %d: %q vs %q", name, i,
						string(g[max(0, i-5):min(len(g), i+5)]), string(w[max(0, i-5):min(len(w), i+5)]))
					break
				}
			}
			if len(g) != len(w) {
				t.Errorf("%s: Simplify has %d runes, opencc %d", name, len(g), len(w))
			}
		}
	}
}

func TestSameUpToForm(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"", "", true},
		{"突破1200家,规上", "突破1200家，规上", true},
		{"（市科技局牵头）", "(市科技局牵头)", true},
		{"500 万元", "500万元", true},
		{"到 2027 年", "到2027年", true},
		{"投入强度达到2.8%;企业", "投入强度达到2.8%；企业", true},
		{"如下：", "如下:", true},
		{"“三高一核心”", "\"三高一核心\"", true},
		{"‘双创’", "'双创'", true},
		{"１２００家", "1200家", true},
		{"ＧＤＰ", "GDP", true},
		{"首台？！", "首台?!", true},
		{"a\u3000b", "ab", true},
		{"突破1200家,规上", "突破1300家，规上", false},
		{"突破1200家", "突破1200家以上", false},
		{"研发、创新", "研发,创新", false}, // 、 is not ,
		{"研发。创新", "研发.创新", false}, // 。 is not .
		{"GDP", "gdp", false},
		{"濟寧", "济宁", false},
		{"（市科技局牵头）", "【市科技局牵头】", false},
		{"abc", "ab", false},
		{"ab", "abc", false},
		{"ab ", "ab", true},
	} {
		if got := SameUpToForm(c.a, c.b); got != c.want {
			t.Errorf("SameUpToForm(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := SameUpToForm(c.b, c.a); got != c.want {
			t.Errorf("SameUpToForm(%q, %q) = %v, want %v (reversed)", c.b, c.a, got, c.want)
		}
	}
}

// TestSameUpToFormCorpus: the draft (000) and final (002) texts of the 泰安
// document write the same phrase with Chinese and ASCII punctuation.
func TestSameUpToFormCorpus(t *testing.T) {
	docs := corpus(t)
	a := snippet(t, docs["000"], "（市科技局牵头，市工")
	b := snippet(t, docs["002"], "(市科技局牵头,市工")
	if !SameUpToForm(a, b) {
		t.Errorf("SameUpToForm(%q, %q) = false", a, b)
	}
	a = snippet(t, docs["000"], "全市高新技术企业突破1200家")
	b = snippet(t, docs["002"], "全市高新技术企业突破1300家")
	if SameUpToForm(a, b) {
		t.Errorf("SameUpToForm(%q, %q) = true", a, b)
	}
	c := snippet(t, docs["000"], "支持不超过 500 万元")
	if !SameUpToForm(c, "支持不超过500万元") {
		t.Errorf("SameUpToForm(%q, 支持不超过500万元) = false", c)
	}
}

func snippet(t *testing.T, doc, s string) string {
	t.Helper()
	if !strings.Contains(doc, s) {
		t.Fatalf("corpus lacks %q", s)
	}
	return s
}

func TestFoldPunct(t *testing.T) {
	for _, c := range []struct{ in, want rune }{
		{',', '，'}, {';', '；'}, {':', '：'}, {'(', '（'}, {')', '）'}, {'?', '？'}, {'!', '！'},
		{'，', '，'}, {'（', '（'},
		{'"', '“'}, {'“', '“'}, {'”', '“'}, {'\'', '‘'}, {'’', '‘'},
		{'.', '．'}, {'。', '。'}, {'、', '、'}, {'｡', '。'}, {'､', '、'},
		{'a', 'a'}, {'0', '0'}, {'济', '济'},
	} {
		if got := FoldPunct(c.in); got != c.want {
			t.Errorf("FoldPunct(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKeyAllocs(t *testing.T) {
	s := strings.Repeat("濟寧市人民政府關于 2027 年，（市科技局）ＧＤＰ", 20)
	if n := testing.AllocsPerRun(100, func() { Key(s) }); n > 1 {
		t.Errorf("Key allocates %v times, want 1", n)
	}
	if n := testing.AllocsPerRun(100, func() { KeyRunes(s) }); n > 2 {
		t.Errorf("KeyRunes allocates %v times, want 2", n)
	}
	plain := "已经是简体的文字"
	if n := testing.AllocsPerRun(100, func() { Simplify(plain) }); n != 0 {
		t.Errorf("Simplify of simplified text allocates %v times, want 0", n)
	}
}

func FuzzKeyRunes(f *testing.F) {
	f.Add("濟寧 2027 年，（市科技局）２．８％")
	f.Add("\xff1.5")
	f.Fuzz(func(t *testing.T, s string) {
		key, pos := KeyRunes(s)
		if string(key) != Key(s) {
			t.Fatalf("KeyRunes and Key disagree on %q", s)
		}
		src := []rune(s)
		for i := range key {
			if FoldRune(src[pos[i]]) != key[i] {
				t.Fatalf("key[%d] does not come from src[%d]", i, pos[i])
			}
		}
		if !SameUpToForm(s, s) {
			t.Fatalf("SameUpToForm(s, s) false")
		}
		if utf8.ValidString(s) && utf8.RuneCountInString(Simplify(s)) == 0 && s != "" && strings.TrimSpace(s) != "" {
			t.Fatalf("Simplify emptied %q", s)
		}
	})
}

var sink string

func corpusText(b *testing.B) string {
	var buf bytes.Buffer
	for _, f := range assets.Corpus() {
		buf.Write(f.Data)
	}
	return buf.String()
}

func BenchmarkKey(b *testing.B) {
	s := corpusText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		sink = Key(s)
	}
}

func BenchmarkKeyRunes(b *testing.B) {
	s := corpusText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		k, _ := KeyRunes(s)
		sink = string(k[:1])
	}
}

// BenchmarkKeyClauses is the search-index case: Key over short clauses.
func BenchmarkKeyClauses(b *testing.B) {
	var clauses []string
	for _, line := range strings.Split(corpusText(b), "\n") {
		for c := range strings.SplitSeq(line, "。") {
			if c != "" {
				clauses = append(clauses, c)
			}
		}
	}
	n := 0
	for _, c := range clauses {
		n += len(c)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range clauses {
			sink = Key(c)
		}
	}
}

func BenchmarkSimplify(b *testing.B) {
	s := corpusText(b)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		sink = Simplify(s)
	}
}

// TestFoldTable checks the table built at init against foldSlow for every
// BMP rune, shortcuts included.
func TestFoldTable(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		f := foldSlow(r)
		_, t2s := t2sCharIndex[r]
		want := uint32(f) | classify(f)
		if t2s {
			want |= fT2S
		}
		if got := fold[r] &^ fPhrase; got != want {
			t.Errorf("fold[%U] = %#x, want %#x", r, got, want)
		}
	}
}

// BenchmarkBuildFold is the cost of the package's init.
func BenchmarkBuildFold(b *testing.B) {
	var t [0x10000]uint32
	for b.Loop() {
		buildFold(&t)
	}
}

package input

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Chinese double-byte text without a mark is GBK/GB18030 or Big5, and the
// two overlap: almost every Big5 byte pair is also a valid GBK pair, so a
// Big5 file decoded as GBK gives plausible-looking nonsense (經濟發展 →
// 竒蕾祇甶). Shift-JIS and EUC-KR files decode as GBK too. The encoding is
// told by which decoding gives the characters Chinese official texts
// actually use.

// frequentHan are the 400 most frequent Han characters of simplified and
// of traditional Chinese official documents (the built-in corpus and the
// real documents of the development set), about 600 in all. In a real
// text most characters are among them; in a text decoded with the wrong
// table almost none are.
const frequentHan = "一万三上下不与专业东个中为主之乡予争事二于互五交产享人代以件价任企众优会传位低住体作使來供依侨促保信" +
	"個倍做健備傳價億優元先免党入全公六共关兴其具内军农冠准出分划创利到制前創力办加务动助励勇動務勢勵化北" +
	"区医區十升华协協单博印危县参參及发取可台号各合同名后向员和品員商善單器四团园围国國圍團土在地场均坚型" +
	"城域培基堅場塑境墙增壯处备外多大失头好如委字存学孵學安完定实宣室家容察實寧審寬对导将專對導小少尖局层" +
	"展属層山工市布带干平年广序库应府废度廳建开式引強强当形影彻律得徹心快态思性总息想意態應成我或战戰房所" +
	"才打托批技投报担持指按挥据探接推提揮撐撑據支收改攻放政效敗教数整數文料新方施日时明時普景智更書會月有" +
	"服期未本术机权材村条来東板极构果标校核根案條梯業極構標模機權次款步每民氛水求治法泰活流济海消淄深清港" +
	"湖源準激濟点為烟無焦然照營爭版物牵特牽环现現理環生產用由电略疗發白的益监監目直省真督知矩研破础硬确碳" +
	"示社神科积移程積究突立端競符第等策管節类精系級素索組結統經綠網縣總績織繞續级组织经结绕给统绩续综绿网" +
	"置群義習者职联聚聯職股育能自臺與良色范营萬落著號融行術补装補要見規視见规解記設評試話認調講證譜计认设" +
	"证评识试调負財貫責貸資質購负财责质贯费资赋走路踐軍載轉转载辦达过运近进选通速造進運過道達選部都鄉配重" +
	"量金銀鍵鏈链键長长門開間關门间队际限院陣除险隊際障險集需青面革響頂項領頭題類项领题風首驗验體高魯點黨" +
	"鼓"

// frequentSet is frequentHan as a set.
var frequentSet = func() map[rune]bool {
	m := make(map[rune]bool, utf8.RuneCountInString(frequentHan))
	for _, r := range frequentHan {
		m[r] = true
	}
	return m
}()

// Thresholds of the double-byte choice.
const (
	// minHanForVerdict is how many Han characters a text needs before a
	// low share of frequent ones refuses it; a shorter text is refused
	// only when no decoding gives any frequent character.
	minHanForVerdict = 12
	// minFrequentPercent is the share of frequent characters below which
	// a text of at least minHanForVerdict Han characters is not Chinese.
	minFrequentPercent = 25
)

// decodeDoubleByte decodes text that is neither UTF-8 nor UTF-16: GBK/
// GB18030 or Big5, whichever gives more frequent characters. ok is false
// when neither gives Chinese text; detail then says why.
func decodeDoubleByte(data []byte) (text, detail string, ok bool) {
	gb, gbOK := fromGB18030(data)
	gbOK = gbOK && score(gb) >= minCommonPercent
	big5, big5OK := decodeWith(traditionalchinese.Big5, data)
	big5OK = big5OK && !strings.ContainsRune(big5, utf8.RuneError) && score(big5) >= minCommonPercent
	if !gbOK && !big5OK {
		return "", foreignDetail(data), false
	}
	text, han, frequent := gb, 0, 0
	gbHan, gbFreq := hanCounts(gb, gbOK)
	b5Han, b5Freq := hanCounts(big5, big5OK)
	if big5OK && (!gbOK || b5Freq*gbHan > gbFreq*b5Han) {
		text, han, frequent = big5, b5Han, b5Freq
	} else {
		han, frequent = gbHan, gbFreq
	}
	if looksForeign(han, frequent) {
		return "", foreignDetail(data), false
	}
	return text, "", true
}

// hanCounts counts the Han characters of s and how many are frequent;
// zeros when the decoding failed.
func hanCounts(s string, ok bool) (han, frequent int) {
	if !ok {
		return 0, 0
	}
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
			if frequentSet[r] {
				frequent++
			}
		}
	}
	return han, frequent
}

// chineseHan reports whether the Han characters of s are those of a
// Chinese text (or too few to tell).
func chineseHan(s string) bool { return !looksForeign(hanCounts(s, true)) }

// looksForeign reports a decoding whose Han characters are not those of a
// Chinese text: too few frequent ones in a long text, none in a short one.
func looksForeign(han, frequent int) bool {
	if han >= minHanForVerdict {
		return frequent*100 < han*minFrequentPercent
	}
	return han >= 2 && frequent == 0
}

// foreignDetail explains a double-byte text that is not Chinese, naming
// Japanese when a Japanese encoding decodes it to hiragana.
func foreignDetail(data []byte) string {
	if japaneseText(data) {
		return detailJapanese
	}
	return detailForeign
}

// japaneseText reports data that Shift-JIS or EUC-JP decodes without
// error to a text with hiragana, which only Japanese writes.
func japaneseText(data []byte) bool {
	for _, enc := range []encoding.Encoding{japanese.ShiftJIS, japanese.EUCJP} {
		s, ok := decodeWith(enc, data)
		if ok && !strings.ContainsRune(s, utf8.RuneError) && strings.ContainsFunc(s, isHiragana) {
			return true
		}
	}
	return false
}

// isHiragana reports a hiragana letter.
func isHiragana(r rune) bool { return unicode.Is(unicode.Hiragana, r) }

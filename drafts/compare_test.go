package drafts

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"qicao/drafts/norm"
)

// taianExpected is the alignment of the 泰安 征求意见稿 (000) with what was
// issued (002, 泰政发〔2024〕5号), from reading both: old heading, new
// heading, kind. Sections are marked §.
//
// 21 of the 28 draft clauses have a one-to-one counterpart. The rest:
// draft 2 (策源能力) and 5 (基础研究) went together into issued 2; draft 12
// (骨干企业) and 13 (国有企业) into issued 12; draft 11 (高新技术企业)
// split into issued 10 (科技型中小企业) and 11 (高新技术企业); draft 16
// (泰山创新谷) and 24 (绿色低碳) were dropped. The draft's 总体要求 and
// 工作目标 became the one 总体目标; 组织实施's 周密部署实施 gave way to
// 强化要素保障, a different text.
var taianExpected = []struct{ old, new string }{
	{"总体要求", "总体目标 merged"},
	{"工作目标", "总体目标 merged"},
	{"§重点任务", "§重点任务 unchanged"},
	{"§实施标志性产业链“赋能”行动", "§实施标志性产业链和战略性新兴产业集群“强芯赋能”行动 modified"},
	{"绘制产业链科技攻关路线图", "制定科技攻关路线 modified"},
	{"推动标志性产业链策源能力跃升", "提升创新策源能力 merged"},
	{"加强应用导向的基础研究", "提升创新策源能力 merged"},
	{"实施科技创新联盟攻坚行动", "强化科技协同创新 modified"},
	{"§实施未来产业“创新引领”行动", "§实施未来产业“创新引领”行动 modified"}, // a 。 added
	{"加快未来产业培育", "加快未来产业孵化培育 modified"},
	{"打造未来产业强企方阵", "打造未来产业强企方阵 modified"},
	{"§实施源头供给“突破”行动", "§实施关键核心技术“攻坚突破”行动 modified"},
	{"实施重大科技攻关项目", "实施重大科技攻关项目 modified"},
	{"创新重大科研任务组织方式", "创新科研任务组织方式 modified"},
	{"鼓励企业持续加大研发投入", "鼓励企业加大研发投入 modified"},
	{"强化数字化赋能", "推动数字赋能产业升级 modified"},
	{"§实施科技企业“育苗扶壮”行动", "§实施科技企业“育苗扶壮”行动 modified"},
	{"培育高新技术企业", "培育科技型中小企业 split"},
	{"培育高新技术企业", "培强高新技术企业 split"},
	{"培强骨干企业", "培优骨干领军企业 merged"},
	{"推动国有企业创新示范", "培优骨干领军企业 merged"},
	{"§实施创新平台“能效提升”行动", "§实施创新平台“能效提升”行动 modified"},
	{"优化重点实验室布局", "规范提升重点实验室 modified"},
	{"打造创新平台体系", "精准扶持科技创新平台 modified"},
	{"改革提升泰山创新谷", " deleted"},
	{"构建科技企业“梯次孵化”体系", "着力构建“梯次孵化”体系 modified"},
	{"§实施科技人才“磁场集聚”行动", "§实施科技人才“磁场集聚”行动 modified"},
	{"擦亮“双百行动”品牌", "擦亮“双百行动”品牌 modified"},
	{"扎实做好人才工作", "引育集聚科技人才 modified"},
	{"§实施科技成果“落地生金”行动", "§实施科技成果“落地生金”行动 modified"},
	{"实施重大科技成果转化项目", "实施重大科技成果转化项目 modified"},
	{"完善科研人员激励机制", "完善科研人员激励机制 modified"},
	{"发展壮大科技服务业", "发展壮大科技服务业 modified"},
	{"§实施创新生态“厚植沃土”行动", "§实施创新生态“厚植沃土”行动 modified"},
	{"推动全域创新发展", "强化区域协同创新 modified"},
	{"推动绿色低碳高质量发展", " deleted"},
	{"创新科技金融服务模式", "创新科技金融服务 modified"},
	{"加强农业科技创新支撑", "加强农业科技创新 modified"},
	{"优化科技创新营商环境", "优化科技营商环境 modified"},
	{"强化科学普及和宣传教育", "强化科学技术普及 modified"},
	{"§组织实施", "§组织实施 unchanged"},
	{"加强组织领导", "加强组织领导 modified"},
	{"周密部署实施", " deleted"},
	{"", "强化要素保障 added"},
	{"加强宣传引导", "加强宣传引导 modified"},
}

func pairRow(p Pair) (string, string) {
	name := func(s *Side) string {
		if s == nil {
			return ""
		}
		if p.Section {
			return "§" + s.Heading
		}
		return s.Heading
	}
	return name(p.Old), name(p.New) + " " + string(p.Kind)
}

func TestCompareTaianAlignment(t *testing.T) {
	c := Compare(seed(t, "000"), seed(t, "002"), CompareOptions{})
	var got []string
	for _, p := range c.Pairs {
		o, n := pairRow(p)
		got = append(got, o+" → "+n)
	}
	var want []string
	for _, e := range taianExpected {
		want = append(want, e.old+" → "+e.new)
	}
	if !slices.Equal(got, want) {
		t.Errorf("alignment differs (- want, + got):\n%s", lineDiff(want, got))
	}
	oneToOne := 0
	for _, p := range c.Pairs {
		if !p.Section && p.Old != nil && p.Old.Ordinal > 0 && p.Old.Label != "" && p.New != nil &&
			(p.Kind == PairModified || p.Kind == PairUnchanged || p.Kind == PairMoved) && strings.Contains(p.Old.Label, ".") {
			oneToOne++
		}
	}
	if oneToOne != 21 {
		t.Errorf("%d draft clauses paired one-to-one, want 21", oneToOne)
	}
}

// lineDiff shows two lists of lines as a simple diff.
func lineDiff(want, got []string) string {
	var b strings.Builder
	for _, o := range diffOps(strings.Join(want, "\n")+"\n", strings.Join(got, "\n")+"\n") {
		for _, line := range strings.SplitAfter(o.Text, "\n") {
			if line != "" && o.Kind != '=' {
				fmt.Fprintf(&b, "%c %s", o.Kind, line)
			}
		}
	}
	return b.String()
}

func TestCompareTaianFigures(t *testing.T) {
	c := Compare(seed(t, "000"), seed(t, "002"), CompareOptions{})
	want := []Figure{
		{"高新技术企业", "1200家", "1300家", "二、工作目标", "一、总体目标"},
		{"规模以上高新技术产业产值年平均增长速度", "3%左右", "达到3%左右", "二、工作目标", "一、总体目标"},
		{"新引进培养高层次科技人才", "200名以上", "不少于300名", "二、工作目标", "一、总体目标"},
		{"高新技术企业", "1200家", "1300家以上", "11.培育高新技术企业", "11.培强高新技术企业"},
		{"孵化器运营机构", "100万元", "", "17.构建科技企业“梯次孵化”体系", ""},
	}
	for _, w := range want {
		if !slices.Contains(c.Figures, w) {
			t.Errorf("figure %+v not listed", w)
		}
	}
	for _, f := range c.Figures {
		if f.OldClause == "二、工作目标" && !slices.Contains(want[:3], f) {
			t.Errorf("工作目标 lists %+v too", f)
		}
	}
}

func TestCompareSelf(t *testing.T) {
	for _, prefix := range []string{"000", "001", "002", "003", "004"} {
		d := seed(t, prefix)
		c := Compare(d, seed(t, prefix), CompareOptions{Strict: true})
		for _, p := range c.Pairs {
			if p.Kind != PairUnchanged {
				t.Errorf("%s with itself: %s %s", prefix, p.Kind, p.Old.Name())
			}
		}
		if len(c.Figures) != 0 {
			t.Errorf("%s with itself: figures %v", prefix, c.Figures)
		}
	}
}

// flatClauses returns a document of the numbered clauses of a seed, in
// the order given by perm (nil: as they are).
func flatClauses(t *testing.T, prefix string, perm []int) *Document {
	var nodes []*Node
	for _, c := range seed(t, prefix).Clauses() {
		if c.Ordinal > 0 && strings.Contains(c.Label, ".") {
			nodes = append(nodes, c.Node)
		}
	}
	if perm != nil {
		shuffled := make([]*Node, len(nodes))
		for i, n := range nodes {
			shuffled[perm[i]] = n
		}
		nodes = shuffled
	}
	return &Document{Nodes: nodes}
}

func TestCompareShuffled(t *testing.T) {
	n := len(flatClauses(t, "000", nil).Nodes)
	// A shuffle that keeps no clause beside a former neighbour: old i goes
	// to (11i+3) mod 28, so neighbours end up 11 places apart.
	perm := make([]int, n)
	for i := range perm {
		perm[i] = (11*i + 3) % n
	}
	c := Compare(flatClauses(t, "000", nil), flatClauses(t, "000", perm), CompareOptions{})
	for _, p := range c.Pairs {
		if p.Kind != PairMoved || p.Old.Name() != p.New.Name() {
			t.Errorf("%s → %s: %s", p.Old.Name(), p.New.Name(), p.Kind)
		}
	}
	if c.Summary.Moved != n {
		t.Errorf("summary %+v, want %d moved", c.Summary, n)
	}
}

func TestCompareRandomShuffle(t *testing.T) {
	// Under any shuffle a clause is paired with itself, and it is moved
	// unless it kept one of its neighbours.
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		old := flatClauses(t, "000", nil)
		perm := r.Perm(len(old.Nodes))
		c := Compare(old, flatClauses(t, "000", perm), CompareOptions{})
		inv := make([]int, len(perm))
		for i, p := range perm {
			inv[p] = i
		}
		for _, p := range c.Pairs {
			if p.Old == nil || p.New == nil || p.Old.Name() != p.New.Name() {
				t.Fatalf("%s paired with %s", p.Old.Name(), p.New.Name())
			}
			i := p.Old.Ordinal - 1
			kept := i > 0 && perm[i-1] == perm[i]-1 || i+1 < len(perm) && perm[i+1] == perm[i]+1 ||
				i == 0 && perm[0] == 0 || i == len(perm)-1 && perm[i] == len(perm)-1
			if !kept && p.Kind != PairMoved {
				t.Errorf("perm %v: clause %d %s, want moved", perm, i+1, p.Kind)
			}
		}
	}
}

// checkOps verifies that a pair's ops rebuild both texts and that every
// '~' is a change of form only.
func checkOps(t *testing.T, p Pair) {
	t.Helper()
	var oldText, newText string
	if p.Old != nil {
		oldText = p.Old.Node.Text
	}
	if p.New != nil {
		newText = p.New.Node.Text
	}
	if got := OldText(p.Ops); got != oldText {
		t.Fatalf("%s: ops rebuild old %q, want %q", p.Old.Name(), got, oldText)
	}
	if got := NewText(p.Ops); got != newText {
		t.Fatalf("%s: ops rebuild new %q, want %q", p.New.Name(), got, newText)
	}
	for _, o := range p.Ops {
		if o.Kind == '~' && (o.Text == o.New || !norm.SameUpToForm(o.Text, o.New)) {
			t.Fatalf("%s: '~' op %q → %q is more than form", p.Old.Name(), o.Text, o.New)
		}
		if o.Kind != '~' && o.New != "" || o.Text == "" && o.New == "" {
			t.Fatalf("malformed op %+v", o)
		}
	}
}

func TestCompareOpsRebuildSeeds(t *testing.T) {
	prefixes := []string{"000", "001", "002", "003", "004"}
	for _, a := range prefixes {
		for _, b := range prefixes {
			for _, strict := range []bool{false, true} {
				for _, p := range Compare(seed(t, a), seed(t, b), CompareOptions{Strict: strict}).Pairs {
					checkOps(t, p)
				}
			}
		}
	}
}

func TestDiffOpsRebuildRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("泰安市科技局，,。. 　（）()１1２2万元\u00a0x\xff")
	gen := func() string {
		b := make([]rune, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		if r.IntN(4) == 0 {
			s += "\xff\xfe" // invalid UTF-8 must survive too
		}
		return s
	}
	for range 3000 {
		a, b := gen(), gen()
		ops := diffOps(a, b)
		if OldText(ops) != a || NewText(ops) != b {
			t.Fatalf("diffOps(%q, %q) = %q", a, b, ops)
		}
		for _, o := range ops {
			if o.Kind == '~' && !norm.SameUpToForm(o.Text, o.New) {
				t.Fatalf("diffOps(%q, %q): '~' %q → %q", a, b, o.Text, o.New)
			}
		}
	}
}

func TestDiffOpsReadable(t *testing.T) {
	tests := []struct{ old, new, want string }{
		// A change of width only is '~'.
		{"突破1200家,规上", "突破1200家，规上", "=突破1200家 ~,， =规上"},
		{"不超过 500 万元", "不超过500万元", "=不超过 ~  =500 ~  =万元"},
		// Whole phrases, not scattered characters.
		// A changed number shows whole.
		{"全市高新技术企业突破1200家", "全市高新技术企业突破1300家", "=全市高新技术企业突破 -1200 +1300 =家"},
		{"人才200名以上，科技", "人才不少于300名，科技", "=人才 -200名以上 +不少于300名 =，科技"},
		{"推进技改提级，实施一批重大技改项目", "开展全产业链技改提级行动，组织实施一批技术改造项目",
			"-推进 +开展全产业链 =技改提级 +行动 =， +组织 =实施一批 -重大技改 +技术改造 =项目"},
		// Unrelated texts are one deletion and one insertion.
		{"泰安市人民政府", "各县、市政府办公室", "-泰安市人民政府 +各县、市政府办公室"},
	}
	for _, tt := range tests {
		if got := opsString(diffOps(tt.old, tt.new)); got != tt.want {
			t.Errorf("diffOps(%q, %q)\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
		}
	}
}

func opsString(ops []Op) string {
	var parts []string
	for _, o := range ops {
		s := string(o.Kind) + o.Text
		if o.Kind == '~' {
			s += o.New
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// TestDiffOpsNoScatteredMatches checks the seed pair: no single kept
// character (other than punctuation) stands between two edits.
func TestDiffOpsNoScatteredMatches(t *testing.T) {
	c := Compare(seed(t, "000"), seed(t, "002"), CompareOptions{})
	for _, p := range c.Pairs {
		for k := 1; k+1 < len(p.Ops); k++ {
			o := p.Ops[k]
			r, _ := utf8.DecodeRuneInString(o.Text)
			if o.Kind == '=' && utf8.RuneCountInString(o.Text) == 1 && !norm.IsPunct(r) &&
				isEdit(p.Ops[k-1]) && isEdit(p.Ops[k+1]) {
				t.Errorf("%s: lone kept %q between edits", p.New.Name(), o.Text)
			}
		}
	}
}

func TestCompareStrict(t *testing.T) {
	old := mustParse(t, "一、总体要求\n1.加强领导。到2026年,培育企业100家。（市科技局牵头）\n")
	new := mustParse(t, "一、总体要求\n1.加强领导。到2026年，培育企业100家。(市科技局牵头)\n")
	for _, tt := range []struct {
		strict bool
		want   PairKind
	}{{false, PairUnchanged}, {true, PairModified}} {
		c := Compare(old, new, CompareOptions{Strict: tt.strict})
		var clause Pair
		for _, p := range c.Pairs {
			if !p.Section {
				clause = p
			}
		}
		if clause.Kind != tt.want || c.Summary.PunctuationOnly != 3 {
			t.Errorf("strict=%v: %s, summary %+v", tt.strict, clause.Kind, c.Summary)
		}
	}
}

package proof

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigDraft returns a draft of n clauses built from seed 000's clauses,
// faults and all, numbered 1.–50. under each of its sections of 50 (labels have at most three digits).
func bigDraft(t testing.TB, n int) string {
	seed := seed(t, "000")
	var bodies []string
	for _, c := range seed.Clauses() {
		if c.Label != "" && c.Style.Family == 3 { // the 1. clauses
			bodies = append(bodies, strings.TrimSpace(c.Text))
		}
	}
	var b strings.Builder
	b.WriteString("泰安市人民政府关于以科技创新引领现代化产业体系建设的实施意见\n\n（征求意见稿）\n\n为深入贯彻落实……，现提出如下实施意见。\n一、总体要求\n\n以习近平新时代中国特色社会主义思想为指导，……。\n二、重点任务\n\n")
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&b, "（%s）实施第%d批行动\n\n", hanOrdinal(i/50+1), i/50+1)
		}
		fmt.Fprintf(&b, "%d.%s\n", i%50+1, bodies[i%len(bodies)])
	}
	b.WriteString("三、组织实施\n\n（一）加强组织领导。各县（市、区）要结合实际，制定具体工作措施。\n")
	return b.String()
}

func hanOrdinal(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// BenchmarkCheck2000: parse-free checking of a 2,000-clause draft (target
// under 200 ms).
func BenchmarkCheck2000(b *testing.B) {
	doc := parseText(b, bigDraft(b, 2000))
	if got := len(doc.Clauses()); got < 2000 {
		b.Fatalf("%d clauses, want 2000", got)
	}
	organs := seedOrgans(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		Check(doc, Options{Organs: organs})
	}
	reportCPU(b, cpu)
}

// cpuTime is the process's user+system time so far. On a shared machine
// the wall clock counts other processes' turns; CPU time per op is what
// the check itself costs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkParseAndCheck2000: what the 校对 panel does after typing stops.
func BenchmarkParseAndCheck2000(b *testing.B) {
	text := bigDraft(b, 2000)
	organs := seedOrgans(b)
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		Check(parseText(b, text), Options{Organs: organs})
	}
	reportCPU(b, cpu)
}

package drafts

import "testing"

func TestDiffOpsWholeNumbers(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{"突破1200家,规上", "突破1300家,规上", "突破[-1200-]{+1300+}家,规上"},
		{"人才200名以上，科技", "人才不少于300名，科技", ""},
		{"达到2.8%，", "达到3.5%，", "达到[-2.8-]{+3.5+}%，"},
		{"共12项", "共12项内容", "共12项{+内容+}"},
	}
	for _, tt := range tests {
		ops := diffOps(tt.old, tt.new)
		if OldText(ops) != tt.old || NewText(ops) != tt.new {
			t.Fatalf("%q→%q: ops do not rebuild: %v", tt.old, tt.new, ops)
		}
		got := ""
		for _, o := range ops {
			switch o.Kind {
			case '=':
				got += o.Text
			case '-':
				got += "[-" + o.Text + "-]"
			case '+':
				got += "{+" + o.Text + "+}"
			case '~':
				got += o.New
			}
		}
		if tt.want != "" && got != tt.want {
			t.Errorf("%q→%q: %s, want %s", tt.old, tt.new, got, tt.want)
		}
		t.Logf("%s", got)
	}
}

// Widening numbers and folding lone characters keep the ops faithful on
// texts made mostly of digits, points and units.
func TestDiffOpsNumbersRebuild(t *testing.T) {
	alphabet := []rune("0123456789.．家名万元亿%以上不少于，, 　")
	rng := uint64(1)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	random := func() string {
		r := make([]rune, next(24))
		for i := range r {
			r[i] = alphabet[next(len(alphabet))]
		}
		return string(r)
	}
	for i := 0; i < 5000; i++ {
		old, new := random(), random()
		ops := diffOps(old, new)
		if OldText(ops) != old || NewText(ops) != new {
			t.Fatalf("%q → %q: ops %v do not rebuild", old, new, ops)
		}
	}
}

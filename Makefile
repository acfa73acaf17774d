# Qicao — make run opens the app; make test checks everything.
GO      ?= go
BIN     := bin/qicao
XVFB    := xvfb-run -a -s '-screen 0 1280x800x24'
export CGO_ENABLED := 1
# Fyne's text entry breaks Chinese lines with 避头尾 in a patched copy of
# the Fyne module (app/cmd/fynepatch, docs/ARCHITECTURE.md): every go command
# below builds with it, through the go.work the patch writes.
FYNE    := $(CURDIR)/bin/fyne
export GOWORK := $(FYNE)/go.work

.PHONY: run build test vet unit race window soak bench bench-scale fuzz generate clean fyne

run: build
	./$(BIN)

build:
	@.ci/deps build
	@$(MAKE) --no-print-directory fyne
	$(GO) build -o $(BIN) .

# Checked on every make (under a second once the Fyne module is downloaded;
# files already right are left alone), so it always follows go.mod's Fyne.
fyne:
	@GOWORK=off $(GO) run ./app/cmd/fynepatch -o $(FYNE)

test:
	@.ci/deps test
	@.ci/deps extra
	$(MAKE) vet unit race window soak

vet: fyne
	$(GO) vet ./...

unit: fyne
	$(GO) test -count=1 ./...

# The race detector on the domain packages, the service, the command line and
# the window (on Fyne's test driver, whose UI goroutine is the test's: see
# app/window/helpers_test.go); the Word export, whose tests mostly wait for
# LibreOffice, is left out to keep CI within its time.
race: fyne
	$(GO) test -race -count=1 $$($(GO) list ./drafts/... ./templates/... ./app/... | grep -v /docx)

# Tests that open a real window need a display: Xvfb provides one.
window: fyne
	$(XVFB) $(GO) test -count=1 -tags window -run Window ./app/window/...

# The SIGKILL suites, 100 kills each: saves (drafts/sqlite), imports and
# first starts (app/workspace); nothing committed may be lost and every
# first start must complete. About three minutes on two cores.
soak: fyne
	QICAO_SOAK=100 $(GO) test -count=1 -timeout 20m -run 'Kill|Simultaneous' ./drafts/sqlite/ ./app/workspace/

bench: fyne
	$(GO) test -run '^$$' -bench . -benchmem ./drafts/... ./templates/...

# The scale figures of docs/BENCHMARKS.md in one run (see .ci/bench-scale).
bench-scale: fyne
	GO=$(GO) sh .ci/bench-scale

# Each fuzzer for 60 s; inputs that find a failure land in testdata/fuzz.
# Minimising a new input is capped at 5 s: by default a worker minimising a large
# seed (a web page, a PDF) returns nothing for up to a minute (golang/go#51484).
fuzz: fyne
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 60s -fuzzminimizetime 5s ./drafts/
	$(GO) test -run '^$$' -fuzz '^FuzzCompare$$' -fuzztime 60s -fuzzminimizetime 5s ./drafts/
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 60s -fuzzminimizetime 5s ./drafts/input/
	$(GO) test -run '^$$' -fuzz '^FuzzHTML$$' -fuzztime 60s -fuzzminimizetime 5s ./drafts/input/
	$(GO) test -run '^$$' -fuzz '^FuzzPDF$$' -fuzztime 60s -fuzzminimizetime 5s ./drafts/input/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodePostings$$' -fuzztime 60s -fuzzminimizetime 5s ./templates/

generate: fyne
	$(GO) generate ./...

clean:
	rm -rf bin

# Study Planner. On a fresh Debian or Ubuntu machine:
#   make run    install what is missing, build, and open the app
#   make test   install what is missing, lint, test, and smoke-test the window

GO       ?= go
BIN      := bin/studyplanner
# The version lives in FyneApp.toml only; everything else reads it from there.
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_ID   := $(shell sed -n 's/^ *ID *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS  := -X main.version=$(VERSION) -X main.appID=$(APP_ID)

# The Go version go.mod asks for.
GO_VERSION := $(shell sed -n 's/^go //p' go.mod)

# Tools, installed into bin/tools at pinned versions: packaging (the fyne
# command from fyne.io/tools), and the lint gate.
FYNE_TOOLS_VERSION  := v1.7.4
STATICCHECK_VERSION := v0.7.0
GOCYCLO_VERSION     := v0.6.0
FYNE        := bin/tools/fyne
STATICCHECK := bin/tools/staticcheck
GOCYCLO     := bin/tools/gocyclo
# No function outside the tests above this cyclomatic complexity.
MAX_COMPLEXITY := 15
PACKAGE  := bin/studyplanner-$(VERSION)-linux-$(shell $(GO) env GOARCH).tar.xz
PREFIX   ?= $(HOME)/.local

# C headers Fyne's GLFW driver compiles against, and what the window smoke
# test runs under.
BUILD_PACKAGES := xorg-dev libgl1-mesa-dev
# poppler-utils: pdftotext, pdfinfo and pdftoppm read the PDF résumé and
# the record of applications back; khal reads the calendar export.
TEST_PACKAGES  := xvfb xdotool poppler-utils khal
# The store, use-case and command suites run against a throwaway
# PostgreSQL server too (.ci/with-postgres).
PG_PACKAGES    := postgresql
SCREENSHOT_PACKAGES := xvfb xdotool imagemagick

# apt-get needs root: use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run build test vet lint unit smoke deps test-deps go-version clean bench bench-headless bench-startup package package-check install uninstall screenshots

run: build
	./$(BIN)

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/studyplanner

test: test-deps lint unit build smoke package-check

# Vetting and linting read Go source only: with the ci tag Fyne's test
# driver stands in for its OpenGL one, so no C headers are needed.
vet: go-version
	CGO_ENABLED=0 $(GO) vet -tags ci ./...

lint: vet $(STATICCHECK) $(GOCYCLO)
	@test -z "$$(gofmt -l cmd internal assets)" || { gofmt -l cmd internal assets; echo "lint: the files above are not gofmt-formatted; run gofmt -w"; exit 1; }
	CGO_ENABLED=0 $(STATICCHECK) -tags ci ./...
	@$(GOCYCLO) -over $(MAX_COMPLEXITY) -ignore '_test\.go$$' cmd internal assets || \
		{ echo "lint: the functions above have a cyclomatic complexity over $(MAX_COMPLEXITY); split them into named steps"; exit 1; }

# Every test once with SQLite files and the PostgreSQL-only tests against
# a throwaway server (.ci/with-postgres sets STUDYPLANNER_TEST_PG); then
# the store, use-case and command suites again with their test stores on
# that server (STUDYPLANNER_TEST_ENGINE=postgres).
unit: deps
	@$(call install_missing,$(PG_PACKAGES))
	.ci/with-postgres sh -c '$(GO) test ./... && STUDYPLANNER_TEST_ENGINE=postgres $(GO) test ./internal/store ./internal/app ./internal/cli'

smoke: build test-deps
	.ci/smoke $(BIN)

deps: go-version
	@$(call install_missing,$(BUILD_PACKAGES))

go-version:
	@command -v $(GO) >/dev/null || { echo "Go is not installed: get Go $(GO_VERSION) or newer from https://go.dev/dl/"; exit 1; }

test-deps: deps
	@$(call install_missing,$(TEST_PACKAGES))

# Benchmarks on the large dataset (internal/dataset) and on its history
# copied sixteen times: screen data loads against raw database/sql at x1
# and x16, opening, a write, the plan engine, exports and imports, and each
# screen's load into its widgets and its drawing (internal/ui). Six
# samples each; .ci/bench-ratios prints the medians, each load against its
# floor and each x16 figure against its x1.
BENCH_COUNT ?= 6
#
# Beside a throwaway PostgreSQL server (.ci/with-postgres), the same
# screens' loads from a learner's schema against plain pgx
# (BenchmarkServerLoad), and a mentor's cohort of 30 learners with five
# years each (BenchmarkCohort, in internal/app).
bench: deps
	@$(call install_missing,$(PG_PACKAGES))
	.ci/with-postgres sh -c "$(GO) test -run '^$$' -bench . -benchmem -count $(BENCH_COUNT) ./internal/plan ./internal/store ./internal/app ./internal/ui | .ci/bench-ratios"

# A headless command against a minimal database/sql program on the same
# file (cmd/rawstatus), at x1 and x16: wall time and peak memory.
bench-headless: deps
	@$(call install_missing,time)
	.ci/bench-headless

# Time to a visible window and idle memory, against a bare Fyne window.
bench-startup: test-deps
	.ci/bench-startup

$(FYNE):
	GOBIN=$(CURDIR)/bin/tools $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

$(STATICCHECK):
	GOBIN=$(CURDIR)/bin/tools $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(GOCYCLO):
	GOBIN=$(CURDIR)/bin/tools $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)

# Every screenshot in docs/screenshots, rebuilt from the real binary under
# Xvfb on the demo learner: every screen, both themes, 1280x800 and 800x600.
screenshots: build
	@$(call install_missing,$(SCREENSHOT_PACKAGES))
	.ci/screenshots $(BIN)

# A tarball with the binary, the icon and a .desktop entry (and a Makefile
# to install them). Name, ID, version and icon are passed as flags, and the
# work is done in a staging folder, so fyne package neither bumps the build
# number in FyneApp.toml nor leaves files in the tree.
package: deps $(FYNE)
	mkdir -p bin
	$(GO) build -ldflags '$(LDFLAGS) -s -w' -o bin/studyplanner-release ./cmd/studyplanner
	stage=$$(mktemp -d) && trap 'rm -rf "$$stage"' EXIT && cp bin/studyplanner-release "$$stage/studyplanner" && \
	(cd "$$stage" && $(CURDIR)/$(FYNE) package --os linux --src $(CURDIR)/cmd/studyplanner --executable "$$stage/studyplanner" \
		--name "Study Planner" --icon $(CURDIR)/assets/icon.png --app-id $(APP_ID) --app-version $(VERSION) --release) && \
	mv "$$stage/Study Planner.tar.xz" $(PACKAGE)
	@echo "package: $(PACKAGE)"

package-check: package
	.ci/check-package $(PACKAGE)

# Install into the user's prefix (~/.local by default) from the package.
install: package
	rm -rf bin/install && mkdir -p bin/install && tar -xJf $(PACKAGE) -C bin/install
	$(MAKE) -C bin/install/studyplanner install PREFIX=$(PREFIX) DESTDIR=
	@echo "installed into $(PREFIX): run studyplanner, or find Study Planner in your applications menu"

uninstall:
	rm -f $(PREFIX)/bin/studyplanner $(PREFIX)/share/applications/$(APP_ID).desktop $(PREFIX)/share/pixmaps/$(APP_ID).png

clean:
	rm -rf bin

# install_missing installs those of the Debian packages in $(1) that are not
# installed yet; it does nothing when all are there.
define install_missing
	missing=""; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		command -v apt-get >/dev/null || { echo "Please install:$$missing (Debian/Ubuntu package names)"; exit 1; }; \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# Study Planner. On a fresh Debian or Ubuntu machine:
#   make run    install what is missing, build, and open the app
#   make test   install what is missing, vet, test, and smoke-test the window

GO       ?= go
BIN      := bin/studyplanner
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS  := -X main.version=$(VERSION)

# C headers Fyne's GLFW driver compiles against, and what the window smoke
# test runs under.
BUILD_PACKAGES := xorg-dev libgl1-mesa-dev
TEST_PACKAGES  := xvfb xdotool

# apt-get needs root: use sudo only when we are not root already.
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run build test vet unit smoke deps test-deps clean bench bench-startup

run: build
	./$(BIN)

build: deps
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/studyplanner

test: test-deps vet unit build smoke

vet: deps
	$(GO) vet ./...

unit: deps
	$(GO) test ./...

smoke: build test-deps
	.ci/smoke $(BIN)

deps:
	@$(call install_missing,$(BUILD_PACKAGES))
	@command -v $(GO) >/dev/null || { echo "Go is not installed: get it from https://go.dev/dl/ (1.24 or newer)"; exit 1; }

test-deps: deps
	@$(call install_missing,$(TEST_PACKAGES))

# Benchmarks on the large dataset (internal/dataset): screen data loads
# against raw database/sql, the plan engine, exports and imports.
bench: deps
	$(GO) test -run '^$$' -bench . -benchmem -count 1 ./internal/plan ./internal/store | .ci/bench-ratios

# Time to a visible window and idle memory, against a bare Fyne window.
bench-startup: test-deps
	.ci/bench-startup

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

# 团学台账 — build, run and test on Debian/Ubuntu.
#   make run    install what is missing, build and open the program
#   make test   install what is missing, then every check CI runs

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO ?= go

# migrated_fynedo: the code touches widgets from goroutines only through
# fyne.Do, as FyneApp.toml declares; `fyne build` sets the same tag.
TAGS := migrated_fynedo
# ci: Fyne's software driver, so tests need no display and no OpenGL.
TEST_TAGS := ci,$(TAGS)
BIN := tuanxue

# cgo, OpenGL and X11 headers for the window; a Chinese UTF-8 locale;
# poppler-utils to read the PDFs back in the tests.
APT_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev locales poppler-utils
LOCALE := zh_CN.UTF-8
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test build deps fmt-check vet unit layers screenshots clean

run: deps build
	LANG=$(LOCALE) ./$(BIN)

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

test: deps fmt-check build vet unit

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

vet:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags $(TEST_TAGS) ./...

unit:
	LANG=$(LOCALE) $(GO) test -race -tags $(TEST_TAGS) -count=1 ./...

# Render every main screen with the sample college into docs/screenshots.
screenshots: build
	LANG=$(LOCALE) ./$(BIN) screenshot docs/screenshots

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing: $$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$$'; then \
		echo "Generating locale $(LOCALE)"; \
		$(SUDO) sed -i 's/^# *\($(LOCALE) UTF-8\)/\1/' /etc/locale.gen; \
		grep -q '^$(LOCALE) UTF-8' /etc/locale.gen || echo '$(LOCALE) UTF-8' | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
		$(SUDO) locale-gen >/dev/null; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is not installed: see README"; exit 1; }

clean:
	rm -f $(BIN)
